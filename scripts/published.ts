/** content/published.yaml: the slugs production has served, which must keep answering (see src/build/compile.ts). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PUBLISHED_RECORD } from '../src/build/compile';
import { type CompiledContent, LANGS } from '../src/content/model';

/** Adds every article of `content` to the record (never removes one) and writes it. */
export function recordPublished(content: CompiledContent, contentDir = 'content'): { path: string; count: number } {
  const path = join(contentDir, PUBLISHED_RECORD);
  const old = existsSync(path) ? ((parse(readFileSync(path, 'utf8')) ?? {}) as Record<string, string[] | undefined>) : {};
  const lines = [
    '# Written by `npm run deploy -- --env production`: every article production has published, per language.',
    '# A slug listed here must keep answering: to rename an article, add `redirect_from: [old-slug]` to it;',
    '# to withdraw one on purpose, delete its line. Commit this file.',
  ];
  let count = 0;
  for (const lang of LANGS) {
    const slugs = [...new Set([...(old[lang] ?? []), ...content.articles[lang].map((a) => a.slug)])].sort();
    count += slugs.length;
    lines.push(`${lang}:`, ...slugs.map((s) => `  - ${s}`));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { path, count };
}
