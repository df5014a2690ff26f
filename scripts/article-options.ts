/**
 * The slug and tags of a new article, for `npm run new` and `npm run import`: checked, and asked for again in a
 * terminal until usable, so a typo costs one line, not a restart.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { parse } from 'yaml';
import { beijingNow } from '../src/build/dates';
import { SLUG, slugProblem } from '../src/build/schema';
import { LANGS } from '../src/content/model';

/** Prints one line and exits: the way every authoring command fails. */
export function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

/** The tags content/site/*.yaml labels. */
export function availableTags(contentDir: string): string[] {
  return Object.keys((parse(readFileSync(join(contentDir, `site/${LANGS[0]}.yaml`), 'utf8')) as { tags: Record<string, string> }).tags);
}

/**
 * `iso` (Beijing time, to the minute), or else the nearest earlier minute that no article of `contentDir` holds as its
 * `published` or `updated` time: the check refuses two articles at one instant (feed readers take them for one
 * moment; the W3C validator warns), and an earlier minute never schedules the article by accident.
 */
export function unusedMinute(contentDir: string, iso: string): string {
  const taken = new Set<number>();
  const articles = join(contentDir, 'articles');
  const files = existsSync(articles) ? readdirSync(articles, { recursive: true, withFileTypes: true }) : [];
  for (const entry of files.filter((e) => e.isFile() && e.name.endsWith('.md'))) {
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/^(?:published|updated):\s*["']?([^"'\s#]+)/gm)) taken.add(Date.parse(m[1] ?? ''));
  }
  let ms = Date.parse(iso);
  while (taken.has(ms)) ms -= 60_000;
  return ms === Date.parse(iso) ? iso : beijingNow(ms);
}

/** Tags as typed: separated by ASCII or full-width commas, 、 or spaces. */
export const splitTags = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * A slug from an English headline, free in `contentDir`: its words lower-cased and joined by hyphens, at most 60
 * characters cut at a word ("HIT's 2026 New Year Gala Held" -> hits-2026-new-year-gala-held), -2, -3… when taken.
 */
export function slugFromHeadline(contentDir: string, headline: string): string | undefined {
  const words = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    if (slug && slug.length + 1 + word.length > 60) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 60);
  }
  if (!SLUG.test(slug)) return undefined;
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? slug : `${slug}-${n}`;
    if (!slugError(contentDir, candidate)) return candidate;
  }
  return undefined;
}

/** What is wrong with a slug for a new article, or undefined. */
export function slugError(contentDir: string, slug: string): string | undefined {
  if (!SLUG.test(slug)) return slugProblem(slug, 'summer-school-2026');
  const existing = findArticle(join(contentDir, 'articles'), slug);
  return existing
    ? `slug "${slug}" is taken by ${relative(process.cwd(), existing)}; choose another (slugs are permanent URLs)`
    : undefined;
}

/** What is wrong with a tag list, or undefined. */
export function tagsError(available: string[], tags: string[]): string | undefined {
  if (tags.length === 0) return `name at least one tag; choose from ${available.join(', ')}`;
  const unknown = tags.filter((t) => !available.includes(t));
  return unknown.length
    ? `unknown tag ${unknown.join(', ')}; choose from ${available.join(', ')} (or add one to content/site/*.yaml)`
    : undefined;
}

/** The slug and tags given, asked for in a terminal when missing or wrong; undefined ones stay so without a terminal. */
export async function askSlugAndTags(
  contentDir: string,
  given: { slug?: string; tags?: string[] },
): Promise<{ slug?: string; tags?: string[] }> {
  const available = availableTags(contentDir);
  let { slug, tags } = given;
  if ((slug && tags) || !process.stdin.isTTY) return { slug, tags };
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines typed (or pasted) ahead of a question are kept for it, which rl.question() would drop.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string) => {
    process.stdout.write(question);
    const answer = await lines.next();
    if (answer.done) fail('no answer; nothing was created');
    return String(answer.value).trim();
  };
  while (!slug || slugError(contentDir, slug)) {
    if (slug) console.error(`  ✗ ${slugError(contentDir, slug)}`);
    slug = await ask('Slug (lower-case words joined by hyphens, e.g. summer-school-2026): ');
  }
  while (!tags || tagsError(available, tags)) {
    if (tags) console.error(`  ✗ ${tagsError(available, tags)}`);
    tags = splitTags(await ask(`Tags, comma-separated (${available.join(', ')}): `));
  }
  rl.close();
  return { slug, tags };
}

/** The folder of the article `wanted` in any year, if there is one. */
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
