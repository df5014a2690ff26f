/** Headers every response carries: CORS for public reading, and security headers. */

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';

const CSP_DOCUMENT = "default-src 'none'; frame-ancestors 'none'";
const CSP_HTML = ["default-src 'none'", "style-src 'self'", "img-src 'self' https:", "base-uri 'none'"].join('; ');

export interface PageSecurity {
  /** Only embed pages may be framed by other sites. */
  framable?: boolean;
  /** Pages with our own script (the partners page, embeds) allow 'self' scripts. */
  scripts?: boolean;
  /** Pages that fetch from the Worker (the partners page preview). */
  connect?: boolean;
  /** Pages that frame our own embed page (the partners page preview). */
  frames?: boolean;
  /** Pages with a form that submits to this site (the partners page generator). */
  forms?: boolean;
}

/** The Content-Security-Policy of an HTML page. */
export function htmlPolicy(security: PageSecurity = {}): string {
  return [
    CSP_HTML,
    security.scripts ? "script-src 'self'" : undefined,
    security.connect ? "connect-src 'self'" : undefined,
    security.frames ? "frame-src 'self'" : undefined,
    security.forms ? "form-action 'self'" : "form-action 'none'",
    security.framable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ]
    .filter(Boolean)
    .join('; ');
}

/** Adds CORS and security headers that the route did not set itself. */
export function applyStandardHeaders(headers: Headers): void {
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Expose-Headers', 'ETag, Last-Modified, Link, Location');
  headers.set('X-Content-Type-Options', 'nosniff');
  const isHtml = headers.get('content-type')?.startsWith('text/html') ?? false;
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', isHtml ? htmlPolicy() : CSP_DOCUMENT);
  if (!headers.get('Content-Security-Policy')?.includes('frame-ancestors *')) headers.set('X-Frame-Options', 'DENY');
  if (isHtml) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
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
