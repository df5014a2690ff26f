/** Conditional GET (RFC 9110 §13): If-None-Match over If-Modified-Since, weak comparison. */
import type { Representation } from './representation';

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** Whether an If-None-Match header names `etag` (weak comparison) or is `*`. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  // What nearly every client sends back: the ETag as it was given (one comparison, the 304 path's hot spot).
  if (ifNoneMatch === etag) return true;
  if (ifNoneMatch.trim() === '*') return true;
  const mine = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => opaque(tag) === mine);
}

/** True when the client's cached copy is current and a 304 is the answer. */
export function isNotModified(request: Request, rep: Representation): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  // RFC 9110 §13.1.2: when If-None-Match is present, If-Modified-Since is ignored.
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, rep.etag);
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince === null || rep.lastModified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // A malformed date is ignored (§13.1.3), not an error.
  if (Number.isNaN(since)) return false;
  return Date.parse(rep.lastModified) <= since;
}

/** 200 with the bytes, or 304 with the validators; HEAD gets the same headers and no body. */
export function sendRepresentation(request: Request, rep: Representation): Response {
  if (isNotModified(request, rep)) return new Response(null, rep.notModifiedInit);
  return new Response(request.method === 'HEAD' ? null : rep.body, rep.init);
}
