/**
 * /media/*: the pictures beside the articles, from R2 when wrangler.toml binds a bucket as MEDIA (docs/archive.md ›
 * Pictures in R2). Without the binding the build puts them in the [assets] folder, which Cloudflare serves before the
 * Worker, and this route only ever answers 404. Served as the static files are (a year, immutable: a variant's name
 * holds its content's hash), with ETag and 304, ranges, and HEAD; a scheduled article's pictures answer 404 until its
 * time, like the article.
 */
import { Hono } from 'hono';
import type { Library } from '../content/library';
import { etagMatches } from '../http/conditional';
import { CACHE } from '../http/representation';
import { VARIANT_FILE } from '../urls';
import type { AppEnv } from './context';
import { notFound } from './errors';

/** The same policy public/_headers gives the static pictures. */
const MEDIA_HEADERS = {
  'Cache-Control': CACHE.picture,
  'Accept-Ranges': 'bytes',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** The headers of a stored picture (R2's own content type and strong ETag, the static files' policy). */
function objectHeaders(object: R2Object): Headers {
  const headers = new Headers(MEDIA_HEADERS);
  object.writeHttpMetadata(headers);
  headers.set('Cache-Control', CACHE.picture);
  headers.set('ETag', object.httpEtag);
  return headers;
}

/**
 * The one byte range a Range header asks for, as R2 takes it (`bytes=10-19`, `bytes=10-`, `bytes=-5`); undefined for
 * none, for several ranges and for other units, which RFC 9110 lets a server answer with the whole picture.
 */
export function requestedRange(header: string | null): R2Range | undefined {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header?.trim() ?? '');
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') return { suffix: Number(m[2]) };
  const offset = Number(m[1]);
  if (m[2] === '') return { offset };
  const end = Number(m[2]);
  return end < offset ? undefined : { offset, length: end - offset + 1 };
}

/**
 * The media routes over one edition: `releasedUpTo` is the last publication instant the edition shows (a picture an
 * article published later is the first to use is not out yet).
 */
export function mediaRoutes(library: Library, releasedUpTo: number) {
  const missing = notFound(library);
  // Hono answers HEAD with the GET route (and drops the body): the route asks R2 for the head only.
  return new Hono<AppEnv>().get('/:file', async (c) => {
    const bucket = (c.env as { MEDIA?: R2Bucket } | undefined)?.MEDIA;
    const file = c.req.param('file');
    const hash = VARIANT_FILE.exec(file)?.[1];
    if (!bucket || !hash || library.pictureRelease(hash) > releasedUpTo) return missing(c);
    const request = c.req.raw;
    const ifNoneMatch = request.headers.get('If-None-Match');
    if (request.method === 'HEAD') {
      const object = await bucket.head(file);
      if (!object) return missing(c);
      const headers = objectHeaders(object);
      if (ifNoneMatch && etagMatches(ifNoneMatch, object.httpEtag)) return new Response(null, { status: 304, headers });
      headers.set('Content-Length', String(object.size));
      return new Response(null, { headers });
    }
    const range = requestedRange(request.headers.get('Range'));
    let object: R2Object | R2ObjectBody | null;
    try {
      object = await bucket.get(file, { onlyIf: request.headers, ...(range ? { range } : {}) });
    } catch {
      // R2 refuses a range outside the object (or one it cannot read): the client asked for bytes that are not there.
      const size = (await bucket.head(file))?.size;
      if (size === undefined) return missing(c);
      return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}`, ...MEDIA_HEADERS } });
    }
    if (!object) return missing(c);
    const headers = objectHeaders(object);
    if (!('body' in object)) {
      // A precondition held: unchanged (If-None-Match, If-Modified-Since) is a 304; If-Match and the like a 412.
      const unchanged = ifNoneMatch !== null || request.headers.has('If-Modified-Since');
      return new Response(null, { status: unchanged ? 304 : 412, headers });
    }
    if (range) {
      const offset = 'suffix' in range ? Math.max(0, object.size - range.suffix) : (range.offset ?? 0);
      const length = Math.min('suffix' in range ? range.suffix : (range.length ?? object.size - offset), object.size - offset);
      headers.set('Content-Range', `bytes ${offset}-${offset + length - 1}/${object.size}`);
      return new Response(object.body, { status: 206, headers });
    }
    return new Response(object.body, { headers });
  });
}
