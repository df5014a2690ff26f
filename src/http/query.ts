/** Query parameters -> zod -> typed values; the first bad one is a 400 naming it and what it accepts. */
import * as z from 'zod/mini';
import { ProblemError } from './problem';

/**
 * Validates the parameters named in `allowed` (others are ignored; empty values count as absent
 * when `skipEmpty`). Example: parseQuery(url, feedQuerySchema, { limit: 'an integer from 1 to 100' }, 'Invalid query parameter').
 */
export function parseQuery<S extends z.ZodMiniType>(
  url: URL,
  schema: S,
  allowed: Record<string, string>,
  title: string,
  skipEmpty = false,
): z.infer<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(allowed)) {
    const value = url.searchParams.get(key);
    if (value !== null && !(skipEmpty && value === '')) raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data as z.infer<S>;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? '');
  throw invalidParameter(
    title,
    parameter,
    `"${parameter}" ${issue?.message ?? 'is invalid'}; got "${(raw[parameter] ?? '').slice(0, 100)}".`,
    allowed,
  );
}

/** The 400 for one parameter, with what it accepts. */
export function invalidParameter(title: string, parameter: string, detail: string, allowed: Record<string, string>): ProblemError {
  return new ProblemError({ status: 400, title, detail, parameter, allowed: allowed[parameter] });
}

/** A query value that is a whole number from 1 to `max`: "must be a whole number", else `message`. The one such rule. */
export const wholeNumber = (max: number, message: string) =>
  z.pipe(
    z.string().check(z.regex(/^\d{1,7}$/, 'must be a whole number')),
    z.pipe(z.transform(Number), z.number().check(z.refine((n) => n >= 1 && n <= max, message))),
  );
