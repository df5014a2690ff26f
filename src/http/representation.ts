/** A response body computed once, with the validators and headers every request reuses. */
import { standardHeaders } from './headers';

export interface Representation {
  body: Uint8Array;
  /** Strong entity tag, quoted, derived from the bytes. */
  etag: string;
  /** HTTP-date of the newest article the body shows, if it shows any. */
  lastModified?: string;
  /** Every header of the 200 answer, computed once. */
  headers: [string, string][];
  /** Every header of the 304 answer: the validators and caching, no body headers. */
  notModifiedHeaders: [string, string][];
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
    headers: [['Content-Type', contentType], ['Content-Length', String(body.byteLength)], ...validators],
    notModifiedHeaders: validators,
  };
}

/** Cache-Control for each kind of response. */
export const CACHE = {
  // Content changes only on deploy; readers poll often, so revalidate cheaply with the validators.
  feed: 'public, max-age=600, stale-while-revalidate=86400',
  page: 'public, max-age=300, stale-while-revalidate=86400',
  asset: 'public, max-age=86400',
  // Partners' pages load these on every view; an hour keeps a deploy's fix from waiting a day.
  script: 'public, max-age=3600, stale-while-revalidate=86400',
  redirect: 'public, max-age=86400',
  error: 'public, max-age=60',
  none: 'no-store',
} as const;

/**
 * Memoises representations per key, bounded in count and in bytes, so that varying requests (Host headers, query
 * values: every reader polling with its own `since` makes a new key) cannot grow an isolate's memory without
 * limit. Cloudflare holds an isolate to 128 MB; at 1,000 articles one `?limit=100` RSS variant is 368 KB, and 600
 * distinct `since` values grew workerd by 234 MB before this bound. The oldest entries go first.
 */
export class RepresentationCache {
  private readonly entries = new Map<string, Promise<Representation>>();
  /** Body bytes of the entries made so far (pending ones count once they are made). */
  private readonly sizes = new Map<string, number>();
  private bytes = 0;
  constructor(
    private readonly maxEntries = 512,
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  get(key: string, make: () => Promise<Representation>): Promise<Representation> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    if (this.entries.size >= this.maxEntries) this.evictOldest(key);
    const made = make();
    this.entries.set(key, made);
    made.then(
      (rep) => {
        if (this.entries.get(key) !== made) return;
        this.sizes.set(key, rep.body.byteLength);
        this.bytes += rep.body.byteLength;
        // The newest stays even when it alone is over the budget: it is what was just asked for.
        while (this.bytes > this.maxBytes && this.entries.size > 1) this.evictOldest(key);
      },
      () => {
        if (this.entries.get(key) === made) this.delete(key);
      },
    );
    return made;
  }

  /** How many entries and body bytes are kept now. */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    this.bytes -= this.sizes.get(key) ?? 0;
    this.sizes.delete(key);
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
