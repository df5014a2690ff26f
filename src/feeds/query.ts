/** Query parameters every feed accepts, validated with zod. */
import * as z from 'zod/mini';
import { ProblemError } from '../http/problem';

const limit = z.pipe(
  z.string().check(z.regex(/^\d{1,3}$/, 'must be a whole number')),
  z.pipe(z.transform(Number), z.number().check(z.refine((n) => n >= 1 && n <= 100, 'must be from 1 to 100'))),
);

export const feedQuerySchema = z.object({ limit: z.optional(limit) });
export type FeedQuery = z.infer<typeof feedQuerySchema>;

/** What each parameter accepts, as the 400 answer tells the client. */
const ALLOWED: Record<keyof FeedQuery, string> = {
  limit: "an integer from 1 to 100 (default: the feed's usual length)",
};

/** Validates the known parameters (unknown ones are ignored); a bad one is a 400 naming it. */
export function parseFeedQuery(url: URL): FeedQuery {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(ALLOWED)) {
    const value = url.searchParams.get(key);
    if (value !== null) raw[key] = value;
  }
  const result = feedQuerySchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const parameter = String(issue?.path[0] ?? '');
  throw new ProblemError({
    status: 400,
    title: 'Invalid query parameter',
    detail: `"${parameter}" ${issue?.message ?? 'is invalid'}; got "${raw[parameter] ?? ''}".`,
    parameter,
    allowed: ALLOWED[parameter as keyof FeedQuery],
  });
}
