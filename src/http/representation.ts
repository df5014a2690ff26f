/** A response body computed once, with the validators and headers every request reuses. */
import { standardHeaders } from './headers';

export interface Representation {
  body: Uint8Array;
  /** Strong entity tag, quoted, derived from the bytes. */
  etag: string;
  /** HTTP-date of the newest article the body shows, if it shows any. */
  lastModified?: string;
  /**
   * The init of the 200 answer (every header), and of the 304 (the validators and caching, no body headers), made
   * once: workerd copies a `Headers` into a Response in C++, but reads an array of pairs element by element, each
   * time (11 headers: 219 → 169 µs of workerd CPU per 304, measured).
   */
  init: { status: 200; headers: Headers };
  notModifiedInit: { status: 304; headers: Headers };
}

const encoder = new TextEncoder();

/** Encodes `text` once and derives its strong ETag (SHA-256 of the bytes, base64url, 128 bits). */
export async function makeRepresentation(
  text: string,
  contentType: string,
  cacheControl: string,
  lastModifiedMs?: number,
  extraHeaders: Record<string, string> = {},
): Promise<Representation> {
  const body = encoder.encode(text);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body)).subarray(0, 16);
  const etag = `"${btoa(String.fromCharCode(...digest))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')}"`;
  const lastModified = lastModifiedMs === undefined || lastModifiedMs <= 0 ? undefined : new Date(lastModifiedMs).toUTCString();
  const validators: [string, string][] = [
    ['ETag', etag],
    ...(lastModified ? ([['Last-Modified', lastModified]] as [string, string][]) : []),
    ['Cache-Control', cacheControl],
    // A page's own CSP replaces the standard one (standardHeaders writes it), never adds a second.
    ...Object.entries(extraHeaders).filter(([name]) => name !== 'Content-Security-Policy'),
    ...standardHeaders(contentType, extraHeaders['Content-Security-Policy']),
  ];
  return {
    body,
    etag,
    ...(lastModified ? { lastModified } : {}),
    init: {
      status: 200,
      headers: new Headers([['Content-Type', contentType], ['Content-Length', String(body.byteLength)], ...validators]),
    },
    notModifiedInit: { status: 304, headers: new Headers(validators) },
  };
}

/** Cache-Control for each kind of response. */
export const CACHE = {
  // Content changes only on deploy; readers poll often, so revalidate cheaply with the validators.
  feed: 'public, max-age=600, stale-while-revalidate=86400',
  page: 'public, max-age=300, stale-while-revalidate=86400',
  asset: 'public, max-age=86400',
  // A picture variant: its name holds its content's hash, so it never changes (as public/_headers gives the static ones).
  picture: 'public, max-age=31536000, immutable',
  // Partners' pages load these on every view; an hour keeps a deploy's fix from waiting a day.
  script: 'public, max-age=3600, stale-while-revalidate=86400',
  redirect: 'public, max-age=86400',
  error: 'public, max-age=60',
  none: 'no-store',
} as const;

/**
 * The one cache of everything the Worker renders per isolate: representations by the normalised request (see
 * `requestKey`), bounded in entries and in body bytes, oldest out first. Routes fill it with `get`; the fast path
 * for a repeat request reads it with `peek`, synchronously. Varying requests (query values, Host headers) cannot
 * grow the isolate past the bounds; Cloudflare holds an isolate to 128 MB (docs/performance.md has the figures).
 */
export class ResponseCache {
  private readonly entries = new Map<string, { made: Promise<Representation>; rep?: Representation; bytes: number }>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 1024,
    private readonly maxBytes = 24 * 1024 * 1024,
  ) {}

  /** The representation for `key`, made once with `make` (concurrent requests share the making). */
  get(key: string, make: () => Promise<Representation>): Promise<Representation> {
    const hit = this.entries.get(key);
    if (hit) return hit.made;
    if (this.entries.size >= this.maxEntries) this.evictOldest(key);
    const made = make();
    // The key counts too (two bytes a character): with no SITE_URL it holds the request's Host, which a client chooses.
    const entry: { made: Promise<Representation>; rep?: Representation; bytes: number } = { made, bytes: key.length * 2 };
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    made.then(
      (rep) => {
        if (this.entries.get(key) !== entry) return;
        entry.rep = rep;
        entry.bytes += rep.body.byteLength;
        this.bytes += rep.body.byteLength;
        // The newest stays even when it alone is over the budget: it is what was just asked for.
        while (this.bytes > this.maxBytes && this.entries.size > 1) this.evictOldest(key);
      },
      () => {
        if (this.entries.get(key) === entry) this.delete(key);
      },
    );
    return made;
  }

  /** The representation for `key` if it is made already: the fast path's lookup, without an await. */
  peek(key: string): Representation | undefined {
    return this.entries.get(key)?.rep;
  }

  /** How many entries are kept now, and their bytes (bodies and keys). */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    this.bytes -= this.entries.get(key)?.bytes ?? 0;
    this.entries.delete(key);
  }

  private evictOldest(except: string): void {
    for (const key of this.entries.keys()) {
      if (key !== except) {
        this.delete(key);
        return;
      }
    }
  }
}
