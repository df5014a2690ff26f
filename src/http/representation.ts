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
 * Memoises representations per key, bounded so that varying requests (Host headers,
 * query values) cannot grow an isolate's memory without limit.
 */
export class RepresentationCache {
  private readonly entries = new Map<string, Promise<Representation>>();
  constructor(private readonly maxEntries = 512) {}

  get(key: string, make: () => Promise<Representation>): Promise<Representation> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const made = make();
    this.entries.set(key, made);
    made.catch(() => this.entries.delete(key));
    return made;
  }
}
