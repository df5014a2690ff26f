/**
 * Pictures in R2 (docs/archive.md › Pictures in R2): when wrangler.toml binds a bucket as MEDIA, the build writes the
 * processed variants to dist/media/ instead of the [assets] folder, and this module brings a bucket to exactly the
 * build's files: the local one `npm start` and the tests read (.wrangler/state, through wrangler's own miniflare), or
 * the remote one a deploy serves. It asks the bucket what it holds (keys, sizes, and the picture each variant belongs
 * to), uploads only what it lacks, and deletes what no article uses any more (withdrawn or removed pictures).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { type MediaObject, type StoredVariant, storedPhotos } from '../src/build/photos';
import { CACHE } from '../src/http/representation';
import { progress } from './progress';
import { r2BucketName } from './wrangler-envs';

/** The binding the Worker serves /media/* from. */
export const MEDIA_BINDING = 'MEDIA';
/** Where the build puts processed variants when R2 holds the pictures (the files a sync uploads). */
export const MEDIA_FILES = 'dist/media';
/** The build's pictures as objects (MediaObject[]): what a sync makes the bucket hold. */
export const MEDIA_MANIFEST = 'dist/media.json';
/** Holds the hash of the manifest last synced into the local bucket. */
export const LOCAL_MEDIA_STAMP = '.wrangler/media-loaded';

/**
 * The part of R2's binding a sync (and its tests) use, as workerd's types describe it (written out here: Node
 * programs and the e2e tests do not load the Workers runtime's types).
 */
export interface MediaBucket {
  list(options: { limit?: number; cursor?: string; include?: 'customMetadata'[] }): Promise<{
    objects: { key: string; size: number; customMetadata?: Record<string, string> }[];
    truncated: boolean;
    cursor?: string;
  }>;
  put(
    key: string,
    value: Uint8Array,
    options: { httpMetadata?: { contentType?: string; cacheControl?: string }; customMetadata?: Record<string, string> },
  ): Promise<unknown>;
  delete(keys: string | string[]): Promise<void>;
  head(key: string): Promise<{ size: number; httpMetadata?: object; customMetadata?: Record<string, string> } | null>;
}

/** An open bucket and how to close the miniflare (or remote proxy) behind it. */
export interface OpenBucket {
  bucket: MediaBucket;
  name: string;
  dispose(): Promise<void>;
}

/** wrangler.toml's text with its commented MEDIA block switched on (tests and benchmarks over a copy of the project). */
export function switchOnMedia(toml: string): string {
  const on = toml.replace(/^# (\[\[r2_buckets\]\]\n)# (binding = "MEDIA"\n)# (bucket_name = .*\n)/m, '$1$2$3');
  if (on === toml) throw new Error('wrangler.toml has no commented [[r2_buckets]] block for MEDIA');
  return on;
}

/** Whether wrangler.toml binds MEDIA for `env` ('' is the top level, what `npm start` runs). Reads the file only. */
export const mediaBound = (env = '', configPath = 'wrangler.toml') => r2BucketName(MEDIA_BINDING, env, configPath) !== undefined;

/**
 * The bucket `env` binds as MEDIA, through wrangler's getPlatformProxy: locally the one `wrangler dev` uses
 * (`.wrangler/state/v3`, or `persistTo`), with `remote` the bucket on Cloudflare (wrangler's login or API token).
 */
export async function openMediaBucket(
  env: string,
  { remote = false, persistTo = '.wrangler/state/v3', configPath = 'wrangler.toml' } = {},
): Promise<OpenBucket> {
  const name = r2BucketName(MEDIA_BINDING, env, configPath);
  if (!name) throw new Error(`wrangler.toml binds no R2 bucket as ${MEDIA_BINDING}${env ? ` in [env.${env}]` : ''}`);
  // A config of the bucket alone: no build command, no assets, no other binding is started for it.
  const config = resolve('dist', `wrangler.media${remote ? '.remote' : ''}.json`);
  mkdirSync(dirname(config), { recursive: true });
  writeFileSync(
    config,
    JSON.stringify({
      name: 'hit-cie-media-sync',
      compatibility_date: '2026-11-01',
      r2_buckets: [{ binding: MEDIA_BINDING, bucket_name: name, ...(remote ? { remote: true } : {}) }],
    }),
  );
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<{ MEDIA: MediaBucket }>({
    configPath: config,
    persist: { path: resolve(persistTo) },
    remoteBindings: remote,
    envFiles: [],
  });
  return { bucket: proxy.env.MEDIA, name, dispose: () => proxy.dispose() };
}

/** Runs `use` with the bucket `env` binds (as openMediaBucket opens it), and closes it after, whatever happens. */
export async function withMediaBucket<T>(
  env: string,
  options: Parameters<typeof openMediaBucket>[1],
  use: (open: OpenBucket) => Promise<T>,
): Promise<T> {
  const open = await openMediaBucket(env, options);
  try {
    return await use(open);
  } finally {
    await open.dispose();
  }
}

/** Every object in the bucket, with the picture each belongs to: what a build needs to describe them without processing. */
export async function storedObjects(bucket: MediaBucket): Promise<StoredVariant[]> {
  const objects: StoredVariant[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ limit: 1000, include: ['customMetadata'], ...(cursor ? { cursor } : {}) });
    for (const o of page.objects) objects.push({ name: o.key, bytes: o.size, picture: o.customMetadata?.picture ?? '' });
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}

/** Writes what a bucket holds where a build reads it (MEDIA_STORED=<file>): the pictures it need not process again. */
export function writeStored(objects: StoredVariant[], file: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(objects));
}

/** The pictures complete in a stored list written by writeStored, by hash. */
export const readStored = (file: string) => storedPhotos(JSON.parse(readFileSync(file, 'utf8')) as StoredVariant[]);

export interface SyncResult {
  uploaded: string[];
  deleted: string[];
  /** Objects the bucket lacks whose files are not in `dir` either (processed elsewhere): left as they are. */
  missing: string[];
  bytes: number;
}

/**
 * Makes `bucket` hold exactly `objects`: uploads (8 at a time) those it lacks from the files in `dir`, then deletes
 * what it holds beyond them. `keep` false leaves extra objects in place (nothing is deleted).
 */
export async function syncMedia(
  bucket: MediaBucket,
  objects: readonly MediaObject[],
  dir: string,
  { keep = false, label = 'pictures to R2' } = {},
): Promise<SyncResult> {
  const held = new Set((await storedObjects(bucket)).map((o) => o.name));
  const wanted = new Set(objects.map((o) => o.key));
  const absent = objects.filter((o) => !held.has(o.key));
  const toUpload = absent.filter((o) => existsSync(join(dir, o.key)));
  const result: SyncResult = {
    uploaded: [],
    deleted: [],
    missing: absent.filter((o) => !existsSync(join(dir, o.key))).map((o) => o.key),
    bytes: 0,
  };
  const shown = progress(label);
  let next = 0;
  const worker = async () => {
    for (let o = toUpload[next++]; o; o = toUpload[next++]) {
      const bytes = readFileSync(join(dir, o.key));
      await bucket.put(o.key, bytes, {
        httpMetadata: { contentType: o.contentType, cacheControl: CACHE.picture },
        customMetadata: { picture: o.picture },
      });
      result.uploaded.push(o.key);
      result.bytes += bytes.byteLength;
      shown.item(result.uploaded.length, toUpload.length, o.key);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  shown.end();
  if (!keep) {
    const extra = [...held].filter((k) => !wanted.has(k));
    for (let i = 0; i < extra.length; i += 1000) await bucket.delete(extra.slice(i, i + 1000));
    result.deleted = extra;
  }
  result.uploaded.sort();
  return result;
}

/** The build's objects, written for a deploy's sync; returns their hash. */
export function writeManifest(objects: readonly MediaObject[], file = MEDIA_MANIFEST): string {
  const text = JSON.stringify(objects);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return createHash('sha256').update(text).digest('hex');
}

export const readManifest = (file = MEDIA_MANIFEST): MediaObject[] => JSON.parse(readFileSync(file, 'utf8')) as MediaObject[];

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** One line saying what a sync did. */
export function syncSummary(where: string, r: SyncResult, ms: number): string {
  const missing = r.missing.length > 0 ? `; ${r.missing.length} not here to upload (processed elsewhere)` : '';
  return `${where}: ${r.uploaded.length} uploaded (${mib(r.bytes)}), ${r.deleted.length} deleted${missing} in ${(ms / 1000).toFixed(1)} s`;
}

/**
 * Brings the local bucket `npm start` reads to the build's pictures (skipped when the same manifest was synced
 * before). Returns a line for the build's output.
 */
export async function loadLocalMedia(objects: readonly MediaObject[], hash: string, stamp = LOCAL_MEDIA_STAMP): Promise<string> {
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return 'local R2 up to date';
  const started = performance.now();
  return withMediaBucket('', {}, async (open) => {
    const result = await syncMedia(open.bucket, objects, MEDIA_FILES, { label: 'pictures to the local R2' });
    mkdirSync(dirname(stamp), { recursive: true });
    if (result.missing.length === 0) writeFileSync(stamp, hash);
    return syncSummary(`local R2 (${open.name})`, result, performance.now() - started);
  });
}
