/**
 * The README and docs/ say only what is true of the repository: every link and anchor leads somewhere, every
 * `npm run` names a script, every file named exists, and the production block prove.ts pastes is still there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOCS = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const text = (file: string) => readFileSync(file, 'utf8');
const scripts = Object.keys((JSON.parse(text('package.json')) as { scripts: Record<string, string> }).scripts);

/** The anchors GitHub makes of a file's headings. */
function anchors(file: string): Set<string> {
  const slugs = text(file)
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) =>
      l
        .replace(/^#+ /, '')
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replaceAll(' ', '-'),
    );
  return new Set(slugs);
}

describe('README and docs/', () => {
  it('the README is short enough to read in five minutes (at most 200 lines)', () => {
    expect(text('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it.each(DOCS)('%s: every relative link and anchor leads somewhere', (file) => {
    const broken: string[] = [];
    // Links in prose; code blocks show Markdown to write, not links of this page.
    const prose = text(file).replace(/```[\s\S]*?```/g, '');
    for (const [, target = ''] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      if (!existsSync(resolved)) broken.push(`${target} (no ${resolved})`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${target} (no heading)`);
    }
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s: every npm command it names exists', (file) => {
    const named = [...text(file).matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1] ?? '');
    expect(named.filter((n) => !scripts.includes(n))).toEqual([]);
  });

  it.each(DOCS)('%s: every file of the repository it names exists', (file) => {
    const paths = [...text(file).matchAll(/`((?:src|scripts|test|content|public|docs|\.ci)\/[^`\s]*)`/g)].map((m) => m[1] ?? '');
    const concrete = paths.filter((p) => !/[<>{}*…]|\.\.\./.test(p) && !p.includes('generated') && !/\/(cards|media)\//.test(p));
    expect(concrete.filter((p) => !existsSync(p.replace(/\/$/, '')))).toEqual([]);
  });

  it('docs/deploying.md still holds the production block that test:publishing pastes into wrangler.toml', () => {
    const block = /```toml\n( *\[env\.production\][\s\S]*?) *```/.exec(text('docs/deploying.md'))?.[1];
    expect(block).toContain('SITE_URL = "https://news.example.edu"');
    expect(block).toContain('[[env.production.ratelimits]]');
  });
});
