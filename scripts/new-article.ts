/**
 * Scaffolds a new article as a draft: content/articles/<year>/<slug>/zh.md and en.md.
 * Usage: npm run new -- <slug> [--tags a,b] [--content DIR]   (no slug in a terminal: asks)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { LANGS, type Lang } from '../src/content/model';
import { SLUG } from '../src/content/schema';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { tags: { type: 'string' }, content: { type: 'string', default: 'content' } },
});
const contentDir = values.content;
const available = Object.keys((parse(readFileSync(join(contentDir, 'site/en.yaml'), 'utf8')) as { tags: Record<string, string> }).tags);

let slug = positionals[0];
let tags = values.tags
  ?.split(',')
  .map((t) => t.trim())
  .filter(Boolean);
if (!slug && process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  slug = (await rl.question('Slug (lower-case words joined by hyphens, e.g. summer-school-2026): ')).trim();
  tags ??= (await rl.question(`Tags, comma-separated (${available.join(', ')}): `))
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  rl.close();
}
if (!slug) fail('usage: npm run new -- <slug> [--tags a,b]');
if (!SLUG.test(slug)) fail(`"${slug}" is not a valid slug; use lower-case letters, digits and hyphens, e.g. summer-school-2026`);
tags = tags?.length ? tags : [available[0] ?? ''];
const unknown = tags.filter((t) => !available.includes(t));
if (unknown.length) fail(`unknown tag ${unknown.join(', ')}; choose from ${available.join(', ')} (or add one to content/site/*.yaml)`);
const existing = findArticle(join(contentDir, 'articles'), slug);
if (existing) fail(`slug "${slug}" is taken by ${relative(process.cwd(), existing)}; choose another (slugs are permanent URLs)`);

// Now in Beijing time, to the minute, written with its offset.
const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 16);
const published = `${beijing}:00+08:00`;
const dir = join(contentDir, 'articles', beijing.slice(0, 4), slug);
mkdirSync(dir, { recursive: true });
const TEXT: Record<Lang, { title: string; summary: string; author: string; body: string }> = {
  zh: { title: '标题', summary: '一句话摘要。', author: '作者', body: '正文。段落之间空一行。链接请写完整地址(https://...)。' },
  en: {
    title: 'Headline',
    summary: 'One-sentence summary.',
    author: 'Author',
    body: 'The article. Leave a blank line between paragraphs. Write links in full (https://...).',
  },
};
for (const lang of LANGS) {
  const t = TEXT[lang];
  writeFileSync(
    join(dir, `${lang}.md`),
    [
      '---',
      `title: ${t.title}`,
      `summary: ${t.summary}`,
      `published: ${published}`,
      `author: ${t.author}`,
      `tags: [${tags.join(', ')}]   # choose from: ${available.join(', ')}`,
      '# original: https://cie.hit.edu.cn/...   (optional: the page on the college site)',
      '# Remove the next line when the article is ready to publish.',
      'draft: true',
      '---',
      '',
      t.body,
      '',
    ].join('\n'),
  );
}
console.log(`✓ created ${relative(process.cwd(), dir)}/{${LANGS.join(',')}}.md as a draft`);
console.log('  Edit both files, preview with `npm start`, remove `draft: true`, then `npm run check`.');

function findArticle(dir: string, wanted: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === wanted && LANGS.some((l) => existsSync(join(path, `${l}.md`)))) return path;
    const found = findArticle(path, wanted);
    if (found) return found;
  }
  return undefined;
}

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(1);
}
