/**
 * The archive: article bodies kept out of the Worker's bundle, in the D1 database bound as ARCHIVE
 * (docs/archive.md). With the binding, the build keeps in the bundle the index of every article (what lists,
 * feeds and the sitemap need) and the newest bodies up to a size budget; older bodies become rows of the
 * `bodies` table, keyed by language and slug, with a hash of what they hold, so a deploy writes only the rows
 * that changed. The Worker reads a body when a page or feed shows it, and keeps it in a cache bounded in bytes.
 */
import { perLanguage } from '../languages';
import { type CompiledContent, LANGS, type Translation } from './model';

/** What a page or feed shows of an article beyond its index entry. */
export interface Body {
  html: string;
  feedHtml?: string[];
}

/** A body as stored in the archive's `bodies` table (migrations/0001_archive.sql). */
export interface ArchivedBody {
  /** `${lang}/${slug}` (archiveKey). */
  key: string;
  /** What the row holds, hashed: a deploy rewrites the rows whose hash changed. */
  hash: string;
  html: string;
  feed_html: string | null;
}

/** The row of an article's body in the archive. */
export const archiveKey = (a: Pick<Translation, 'lang' | 'slug'>) => `${a.lang}/${a.slug}`;

/** The Worker's env, where the ARCHIVE binding is, when wrangler.toml declares it (the embedded default does not). */
export type ArchiveEnv = object | undefined;

/** Body bytes the bundle keeps by default: ~1.5 MiB of UTF-8, about 0.4 MiB gzipped, beside the index. */
export const BUNDLED_BODY_BYTES = 1_500_000;
/** Newest articles per language whose bodies always stay in the bundle: every main feed's items (FEED_ITEMS ≤ 100). */
export const ALWAYS_BUNDLED = 100;

const encoder = new TextEncoder();

/** The body of an article whose body is in the bundle. */
export function bundledBody(a: Translation): Body | undefined {
  if (a.html === undefined) return undefined;
  return a.feedHtml ? { html: a.html, feedHtml: a.feedHtml } : { html: a.html };
}

/** A hash of what a body holds (hex, 128 bits). */
export async function bodyHash(body: Body): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(JSON.stringify([body.html, body.feedHtml ?? null])));
  return [...new Uint8Array(digest).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Moves the bodies of older articles out of `content`: every language's newest ALWAYS_BUNDLED stay, and, newest
 * first, the others until `budget` bytes are used; the older ones are marked `archived`. Returns the content to bundle
 * and the rows for the archive.
 */
export async function splitArchive(
  content: CompiledContent,
  budget = BUNDLED_BODY_BYTES,
): Promise<{ content: CompiledContent; rows: ArchivedBody[] }> {
  // Newest first; at one instant (the languages of one story, or two stories in two languages) by slug, then language.
  const order = (a: Translation) => `${a.slug}\u0000${a.lang}`;
  const newestFirst = LANGS.flatMap((l) => content.articles[l].map((a, rank) => ({ a, rank }))).sort(
    (x, y) => y.a.publishedMs - x.a.publishedMs || (order(x.a) < order(y.a) ? -1 : 1),
  );
  // The bundle holds an unbroken run of the newest: an older article never stays while a newer one moves.
  let used = 0;
  let full = false;
  const archived = new Set<Translation>();
  for (const { a, rank } of newestFirst) {
    const bytes = encoder.encode(a.html ?? '').length + (a.feedHtml ? encoder.encode(a.feedHtml.join('')).length : 0);
    full ||= rank >= ALWAYS_BUNDLED && used + bytes > budget;
    if (full && rank >= ALWAYS_BUNDLED) archived.add(a);
    else used += bytes;
  }
  const rows = await Promise.all(
    [...archived].map(async (a): Promise<ArchivedBody> => {
      const body = bundledBody(a);
      if (!body) throw new Error(`${archiveKey(a)}: no body to archive`);
      const feed_html = body.feedHtml ? JSON.stringify(body.feedHtml) : null;
      return { key: archiveKey(a), hash: await bodyHash(body), html: body.html, feed_html };
    }),
  );
  const indexOnly = ({ html: _, feedHtml: __, ...index }: Translation): Translation => ({ ...index, archived: true });
  const articles = perLanguage((lang) => content.articles[lang].map((a) => (archived.has(a) ? indexOnly(a) : a)));
  return { content: { ...content, articles }, rows: rows.sort((x, y) => (x.key < y.key ? -1 : 1)) };
}

/** The archive rows as SQL statements (each replaces the row of its article, if there is one). */
export function archiveSql(rows: readonly ArchivedBody[]): string {
  const quote = (s: string | null) => (s === null ? 'NULL' : `'${s.replaceAll("'", "''")}'`);
  return rows
    .map(
      (r) =>
        `INSERT OR REPLACE INTO bodies (key, hash, html, feed_html) VALUES (${quote(r.key)}, ${quote(r.hash)}, ${quote(r.html)}, ${quote(r.feed_html)});\n`,
    )
    .join('');
}

/** DELETE statements for `keys`, a hundred keys each (D1's bound on a statement's size stays far off). */
export function deleteRowsSql(keys: readonly string[]): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  let sql = '';
  for (let i = 0; i < keys.length; i += 100)
    sql += `DELETE FROM bodies WHERE key IN (${keys
      .slice(i, i + 100)
      .map(quote)
      .join(', ')});\n`;
  return sql;
}

/** What D1 must do to hold exactly the build's rows: rows to write (new or changed) and keys to delete. */
export function archiveChanges(have: readonly { key: string; hash: string }[], rows: readonly ArchivedBody[]) {
  const held = new Set(have.map((r) => `${r.key} ${r.hash}`));
  const wanted = new Set(rows.map((r) => r.key));
  return { write: rows.filter((r) => !held.has(`${r.key} ${r.hash}`)), remove: have.map((r) => r.key).filter((k) => !wanted.has(k)) };
}

/**
 * Bodies the Worker keeps between requests (per isolate), by bytes and by number: each kept body is a few objects that
 * every full garbage collection marks in one pause (workerd turns V8's incremental marking off), so a cache of many
 * small bodies lengthened every pause by milliseconds (docs/performance.md). 512 bodies are five 100-item views.
 */
const CACHED_BODY_BYTES = 8 * 1024 * 1024;
const CACHED_BODIES = 512;
/** D1 allows 100 bound parameters per statement. */
const KEYS_PER_QUERY = 100;

/** Bytes a body holds (two a character). */
const bodyBytes = (body: Body) => 2 * (body.html.length + (body.feedHtml?.reduce((n, part) => n + part.length, 0) ?? 0));

/** Reads archived bodies from D1, and keeps the latest read in a cache bounded in bytes and count (least recently used out). */
export class BodyStore {
  private readonly cache = new Map<string, Body>();
  private bytes = 0;

  constructor(
    private readonly maxBodies = CACHED_BODIES,
    private readonly maxBytes = CACHED_BODY_BYTES,
  ) {}

  /** The body of each of `articles`, by article: bundled ones as they are, archived ones read in few queries. */
  async bodiesOf(articles: readonly Translation[], env: ArchiveEnv): Promise<(a: Translation) => Body> {
    const found = new Map<string, Body>();
    const missing: string[] = [];
    for (const key of new Set(articles.flatMap((a) => (a.archived ? [archiveKey(a)] : [])))) {
      const body = this.cache.get(key);
      if (!body) {
        missing.push(key);
        continue;
      }
      // Touched: most recently used last.
      this.cache.delete(key);
      this.cache.set(key, body);
      found.set(key, body);
    }
    if (missing.length > 0) for (const row of await this.read(missing, env)) found.set(row.key, this.keep(row));
    return (a) => {
      const body = a.archived ? found.get(archiveKey(a)) : bundledBody(a);
      if (!body) throw new Error(`the archive has no body for ${archiveKey(a)}: build, then deploy (docs/archive.md)`);
      return body;
    };
  }

  private async read(keys: string[], env: ArchiveEnv): Promise<Omit<ArchivedBody, 'hash'>[]> {
    const db = (env as { ARCHIVE?: D1Database } | undefined)?.ARCHIVE;
    if (!db) throw new Error('this build keeps older articles in the archive, but the Worker has no ARCHIVE binding (docs/archive.md)');
    const rows: Omit<ArchivedBody, 'hash'>[] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
      const chunk = keys.slice(i, i + KEYS_PER_QUERY);
      const { results } = await db
        .prepare(`SELECT key, html, feed_html FROM bodies WHERE key IN (${chunk.map(() => '?').join(',')})`)
        .bind(...chunk)
        .all<Omit<ArchivedBody, 'hash'>>();
      rows.push(...results);
    }
    return rows;
  }

  private keep(row: Omit<ArchivedBody, 'hash'>): Body {
    const body: Body = row.feed_html === null ? { html: row.html } : { html: row.html, feedHtml: JSON.parse(row.feed_html) as string[] };
    const known = this.cache.get(row.key);
    if (known) {
      this.cache.delete(row.key);
      this.bytes -= bodyBytes(known);
    }
    this.cache.set(row.key, body);
    this.bytes += bodyBytes(body);
    for (const [key, oldest] of this.cache) {
      if (this.bytes <= this.maxBytes && this.cache.size <= this.maxBodies) break;
      this.cache.delete(key);
      this.bytes -= bodyBytes(oldest);
    }
    return body;
  }
}
