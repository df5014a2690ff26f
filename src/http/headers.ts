/** Headers every response carries: CORS for public reading, and security headers. */

import { PLAYER_ORIGINS } from '../embed/video-providers';

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const CSP_DOCUMENT = "default-src 'none'; frame-ancestors 'none'";
// connect-src 'self' grants nothing to a page without scripts, and lets browser tools that fetch through the page
// (Lighthouse's robots.txt check, DevTools) read this site's own files; the partners page's script needs it too.
const CSP_HTML = ["default-src 'none'", "style-src 'self'", "img-src 'self' https:", "connect-src 'self'", "base-uri 'none'"].join('; ');

export interface PageSecurity {
  /** Only embed pages may be framed by other sites. */
  framable?: boolean;
  /** Pages with our own script (the partners page, embeds) allow 'self' scripts. */
  scripts?: boolean;
  /** Pages that frame our own embed page (the partners page preview). */
  frames?: boolean;
  /** Pages with a form that submits to this site (the partners page generator). */
  forms?: boolean;
  /** Article pages with a video: its site's player may be framed (made only after a click, by video.js). */
  players?: boolean;
}

/** The Content-Security-Policy of an HTML page. */
export function htmlPolicy(security: PageSecurity = {}): string {
  return [
    CSP_HTML,
    security.scripts ? "script-src 'self'" : undefined,
    security.frames ? "frame-src 'self'" : security.players ? `frame-src ${PLAYER_ORIGINS.join(' ')}` : undefined,
    security.forms ? "form-action 'self'" : "form-action 'none'",
    security.framable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ]
    .filter(Boolean)
    .join('; ');
}

/** CORS and security headers for a response of `contentType`; `csp` overrides the default policy. */
export function standardHeaders(contentType: string | null, csp?: string | null): [string, string][] {
  const isHtml = contentType?.startsWith('text/html') ?? false;
  const policy = csp ?? (isHtml ? htmlPolicy() : CSP_DOCUMENT);
  return [
    ['Access-Control-Allow-Origin', '*'],
    ['Access-Control-Expose-Headers', 'ETag, Last-Modified, Link, Location'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Content-Security-Policy', policy],
    ...(policy.includes('frame-ancestors *') ? [] : ([['X-Frame-Options', 'DENY']] as [string, string][])),
    ...(isHtml ? ([['Referrer-Policy', 'strict-origin-when-cross-origin']] as [string, string][]) : []),
  ];
}

/**
 * Strict-Transport-Security for answers on an https origin (production's SITE_URL, or the request's own): a year, this
 * host only (the college's other subdomains are not this Worker's to decide). Never on http://localhost, where
 * browsers would ignore it anyway.
 */
export function transportHeaders(base: string): Record<string, string> {
  return base.startsWith('https://') ? { 'Strict-Transport-Security': 'max-age=31536000' } : {};
}

/** Adds the standard headers to a response built on the spot (errors, redirects, preflights) for a request to `url`. */
export function applyStandardHeaders(headers: Headers, url = ''): void {
  if (!headers.has('X-Content-Type-Options')) {
    for (const [name, value] of standardHeaders(headers.get('content-type'), headers.get('content-security-policy'))) {
      headers.set(name, value);
    }
  }
  for (const [name, value] of Object.entries(transportHeaders(url))) headers.set(name, value);
}

/** The answer to a CORS preflight: any origin may GET or HEAD, with conditional headers. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      Allow: ALLOWED_METHODS,
      'Access-Control-Allow-Methods': ALLOWED_METHODS,
      'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Cache-Control, Accept, Accept-Language',
      'Access-Control-Max-Age': '86400',
      'Cache-Control': 'public, max-age=86400',
    },
  });
}
