/** content/published.yaml: what production has published, which must keep answering (see src/build/registry.ts). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPublishedRecord, nextPublishedRecord, PUBLISHED_RECORD, readPublishedRecord } from '../src/build/registry';
import type { Problem } from '../src/build/source';
import { type CompiledContent, LANGS } from '../src/content/model';

/**
 * Adds every article of `content` to the record (never removes one) and writes it. Scheduled articles too: they go
 * out without another deploy, so their URLs are guarded from now on (their text may change until they are out).
 */
export function recordPublished(content: CompiledContent, contentDir = 'content'): { path: string; count: number } {
  const path = join(contentDir, PUBLISHED_RECORD);
  const problems: Problem[] = [];
  const old = readPublishedRecord(existsSync(path) ? readFileSync(path, 'utf8') : undefined, path, problems);
  if (problems.length > 0) throw new Error(`${path} cannot be read: ${problems[0]?.message}`);
  const out = Object.fromEntries(LANGS.map((l) => [l, content.articles[l].filter((a) => !a.draft)])) as CompiledContent['articles'];
  const next = nextPublishedRecord(old.record, out);
  writeFileSync(path, formatPublishedRecord(next));
  return { path, count: LANGS.reduce((n, l) => n + Object.keys(next[l]).length, 0) };
}
