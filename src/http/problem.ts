/** RFC 9457 problem details: every error a client gets says what went wrong in plain words. */
import { CACHE } from './representation';

export interface ProblemDetails {
  status: number;
  title: string;
  detail: string;
  /** Extension members, e.g. the parameter that was wrong. */
  [extension: string]: unknown;
}

/** A failure to answer with a problem+json body (or the HTML error page, when the client wants HTML). */
export class ProblemError extends Error {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
  }
}

/** Serialises a problem as application/problem+json. */
export function problemResponse(problem: ProblemDetails, headers: Record<string, string> = {}, head = false): Response {
  const body = JSON.stringify({ type: 'about:blank', ...problem });
  return new Response(head ? null : body, {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': problem.status >= 500 ? CACHE.none : CACHE.error,
      ...headers,
    },
  });
}
