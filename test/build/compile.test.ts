import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileContent, formatProblem, type SourceFile } from '../../src/content/compile';
import { articleSource, siteSources } from '../support/fixtures';

const compile = (files: SourceFile[]) => compileContent([...siteSources(), ...files], 'content/');
const messages = (files: SourceFile[]) => compile(files).problems.map(formatProblem);

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

  it('reports malformed YAML with the file and line', () => {
    const file = articleSource('bad-yaml', 'en', { summary: '"unclosed' });
    expect(messages([file]).join('\n')).toMatch(/content\/articles\/2025\/bad-yaml\/en\.md:\d+ {2}malformed YAML/);
  });

  it('reports a missing title by field', () => {
    expect(messages([articleSource('no-title', 'en', { title: null })])).toContain(
      'content/articles/2025/no-title/en.md  title: is required',
    );
  });

  it('reports a date without an offset and says what is expected', () => {
    const [message] = messages([articleSource('no-offset', 'zh', { published: '2025-09-05T09:00:00' })]);
    expect(message).toBe(
      'content/articles/2025/no-offset/zh.md:4  published: "2025-09-05T09:00:00" has no UTC offset; expected ISO 8601 with an offset, e.g. 2025-09-05T09:00:00+08:00',
    );
  });

  it('reports an unknown tag and lists the known ones', () => {
    const [message] = messages([articleSource('odd-tag', 'en', { tags: '[open-source, robotics]' })]);
    expect(message).toBe(
      'content/articles/2025/odd-tag/en.md:6  tags: unknown tag "robotics"; expected one of open-source, events (or add it to site/*.yaml)',
    );
  });

  it('reports a slug used by two article folders', () => {
    const list = messages([
      articleSource('visit', 'en', {}, 'Body', 'articles/2024'),
      articleSource('visit', 'en', {}, 'Body', 'articles/2025'),
    ]);
    expect(list).toContain(
      'content/articles/2025/visit  slug: duplicate slug "visit": also used by content/articles/2024/visit; expected each article folder name to be unique',
    );
  });

  it('reports an empty body', () => {
    expect(messages([articleSource('empty', 'en', {}, '   ')])).toContain(
      'content/articles/2025/empty/en.md  body: is empty; expected the article text below the closing "---"',
    );
  });

  it('reports translations whose tags differ', () => {
    const list = messages([
      articleSource('pair', 'zh', { tags: '[open-source]' }),
      articleSource('pair', 'en', { tags: '[open-source, events]' }),
    ]);
    expect(list).toContain(
      'content/articles/2025/pair/en.md:6  tags: [events, open-source] differ from the translation content/articles/2025/pair/zh.md: [open-source]; expected both languages to share the same tags',
    );
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

  it('rejects a misspelt field instead of ignoring it', () => {
    expect(messages([articleSource('typo', 'en', { publised: '2025-01-01T00:00:00Z' })])).toContain(
      'content/articles/2025/typo/en.md:7  publised: is not a known field (a typo?)',
    );
  });

  it('rejects relative links, which feed readers cannot follow', () => {
    expect(messages([articleSource('rel', 'en', {}, 'See [the page](/en/other).')])).toContain(
      'content/articles/2025/rel/en.md  body: link "/en/other" is not absolute; feeds are read off-site, so use a full https:// URL',
    );
  });

  it('strips what could run and what XML forbids from bodies and titles', () => {
    const body = [
      '<script>alert(1)</script><p onclick="x()">Hi <a href="javascript:alert(1)">there</a></p>',
      '<iframe src="https://evil.example/"></iframe><form action="https://evil.example/"><input></form>',
      `Null\u0000 and bell\u0007 and \uFFFE here ]]> and ]]> again`,
    ].join('\n\n');
    const result = compile([articleSource('hostile', 'en', { title: '"Bad\\u0000 title\\u202E"' }, body)]);
    expect(result.problems).toEqual([]);
    const article = result.content?.articles.en[0];
    expect(article?.title).toBe('Bad title');
    expect(article?.html).not.toMatch(/script|onclick|javascript:|iframe|form|input|\u0000|\u0007|\uFFFE|\]\]>/);
    expect(article?.html).toContain('Hi <a>there</a>');
    expect(article?.html).toContain(']]&gt; and ]]&gt; again');
  });
});

describe('npm run build / npm run check', () => {
  function contentDir(files: SourceFile[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'hit-content-'));
    for (const f of [...siteSources(), ...files]) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.text);
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

  it('passes the repository content and reports what it holds', () => {
    const result = run('--check');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('zh: 1 article(s)');
    expect(result.stdout).toContain('en: 1 article(s)');
  });
});

describe('deterministic builds', () => {
  it('the same content gives byte-identical compiled content and pre-rendered feeds', async () => {
    const { readContentDir } = await import('../../scripts/content-files');
    const { prerenderFeeds } = await import('../../src/feeds/render');
    const { Library } = await import('../../src/content/library');
    const build = () => {
      const content = compileContent(readContentDir('content')).content;
      if (!content) throw new Error('content does not compile');
      return JSON.stringify(content) + JSON.stringify(prerenderFeeds(new Library(content), 20));
    };
    const first = build();
    // Long enough for any clock-derived value (milliseconds) to differ between the two builds.
    await new Promise((r) => setTimeout(r, 20));
    expect(build()).toBe(first);
  });
});
