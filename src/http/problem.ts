/** RFC 9457 problem details: every error a client gets says what went wrong in plain words. */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { CACHE } from './representation';

export interface ProblemDetails {
  status: number;
  title: string;
  detail: string;
  /** Extension members, e.g. the parameter that was wrong. */
  [extension: string]: unknown;
}

/**
 * A failure to answer with a problem+json body (or the HTML error page, when the client wants HTML): Hono's
 * HTTPException, whose response is the problem.
 */
export class ProblemError extends HTTPException {
  constructor(
    readonly problem: ProblemDetails,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.status as ContentfulStatusCode, { message: problem.detail });
  }

  override getResponse(head = false): Response {
    return problemResponse(this.problem, { ...this.headers, Vary: 'Accept' }, head);
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
