import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, type SourceFile } from '../../src/build/compile';
import { compiledContent, parseIndex } from '../../src/content/columns';
import { articleSource, siteSources } from '../support/fixtures';

const compile = (files: SourceFile[]) => compileContent([...siteSources(), ...files], 'content/');

describe('content build', () => {
  it('compiles a bilingual article, newest first per language', () => {
    const result = compile([
      articleSource('older', 'en', { published: '2025-01-01T09:00:00+08:00' }),
      articleSource('newer', 'en', { published: '2025-02-01T09:00:00+08:00' }),
      articleSource('newer', 'zh', { published: '2025-02-01T09:00:00+08:00' }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.content?.articles.en.map((a) => a.slug)).toEqual(['newer', 'older']);
    expect(result.content?.articles.zh.map((a) => a.slug)).toEqual(['newer']);
    expect(result.content?.articles.en[0]?.html).toBe('<p>Synthetic body paragraph.</p>');
  });

  it('lists every problem at once and builds nothing', () => {
    const result = compile([
      articleSource('a', 'en', { title: null }),
      articleSource('b', 'en', { published: '2025-09-05' }),
      articleSource('c', 'en', {}, ''),
      articleSource('d', 'en', { tags: '[nope]' }),
    ]);
    expect(result.content).toBeUndefined();
    expect(result.problems.map((p) => p.file)).toEqual([
      'content/articles/2025/a/en.md',
      'content/articles/2025/b/en.md',
      'content/articles/2025/c/en.md',
      'content/articles/2025/d/en.md',
    ]);
  });

  it('strips what could run and what XML forbids from bodies and titles', () => {
    const body = [
      '<script>alert(1)</script><p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>',
      '<form action="https://evil.example/"><input></form>',
      `Null\u0000 and bell\u0007 and \uFFFE here ]]> and ]]> again`,
      'References &#1; &#x1F; &#xFFFE; &#x110000; &#x202E;reversed and `&#1;` in code',
    ].join('\n\n');
    const result = compile([articleSource('hostile', 'en', { title: '"Bad\\u0000 title\\u202E"' }, body)]);
    expect(result.problems).toEqual([]);
    const article = result.content?.articles.en[0];
    expect(article?.title).toBe('Bad title');
    expect(article?.html).not.toMatch(/script|onclick|javascript:|form|input|\u0000|\u0007|\uFFFE|\]\]>/);
    expect(article?.html).toContain('Hi <a>there</a>');
    expect(article?.html).toContain(']]&gt; and ]]&gt; again');
    // References to characters XML forbids are dropped like the raw characters; one past Unicode shows as U+FFFD.
    expect(article?.html).toContain('<p>References    \uFFFD reversed and <code>&amp;#1;</code> in code</p>');
  });
});

describe('npm run build / npm run check', () => {
  function contentDir(files: SourceFile[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'hit-content-'));
    for (const f of [...siteSources(), ...files]) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text ?? '');
    }
    return dir;
  }
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-content.ts', ...args], { encoding: 'utf8' });

  it('exits non-zero and names file and field when an article is bad', () => {
    const dir = contentDir([articleSource('broken', 'en', { title: null })]);
    const result = run('--check', '--content', dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('1 problem');
    expect(result.stderr).toMatch(/articles\/2025\/broken\/en\.md {2}title: is required/);
  });

  it("draws a social card for each language's newest articles only; older ones link the site's card", () => {
    const articles = [1, 2, 3].flatMap((day) =>
      (['zh', 'en'] as const).map((lang) => articleSource(`story-${day}`, lang, { published: `2025-03-0${day}T09:00:00+08:00` })),
    );
    const dir = contentDir(articles);
    const out = mkdtempSync(join(tmpdir(), 'hit-cards-'));
    const result = run('--content', dir, '--out', join(out, 'content.ts'), '--assets', join(out, 'public'), '--article-cards', '2');
    expect(result.status, result.stderr).toBe(0);
    // As the Worker reads it (the index writes the site's card once).
    const content = compiledContent(parseIndex(readFileSync(join(out, 'content.txt'), 'utf8')));
    for (const lang of ['zh', 'en'] as const) {
      const [newest, second, oldest] = content.articles[lang];
      expect(newest?.card).toContain(`/cards/${lang}/story-3-`);
      expect(second?.card).toContain(`/cards/${lang}/story-2-`);
      expect(oldest?.card).toBe(content.siteCards?.[lang]?.site);
    }
  }, 60_000);

  it('passes the fixture content and reports what it holds', () => {
    const result = run('--check', '--content', 'test/fixtures/content');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('zh: 1 article(s)');
    expect(result.stdout).toContain('en: 1 article(s)');
  });

  it('passes the repository content, whatever it holds', () => {
    const result = run('--check');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ content is valid');
  });
});

describe('deterministic builds', () => {
  it('the same content gives byte-identical compiled content and pre-rendered feeds', async () => {
    const { readContentDir } = await import('../../scripts/content-files');
    const { prerenderFeeds } = await import('../../src/feeds/render');
    const { Library } = await import('../../src/content/library');
    const build = () => {
      const content = compileContent(readContentDir('test/fixtures/content')).content;
      if (!content) throw new Error('content does not compile');
      return JSON.stringify(content) + JSON.stringify(prerenderFeeds(Library.of(content), 20));
    };
    const first = build();
    // Long enough for any clock-derived value (milliseconds) to differ between the two builds.
    await new Promise((r) => setTimeout(r, 20));
    expect(build()).toBe(first);
  });
});
