/** Worker configuration: wrangler vars -> zod -> typed Config, validated once per isolate. */
import { z } from 'zod';

const siteUrl = z
  .string()
  .trim()
  .refine(
    (s) => s === '' || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol) && `${new URL(s).origin}/` === new URL(s).href),
    { message: 'must be empty (use each request\'s origin) or an http(s) origin with no path, query or fragment, e.g. https://news.example.edu' },
  )
  .transform((s) => (s === '' ? undefined : new URL(s).origin));

const envSchema = z.object({
  SITE_URL: siteUrl.default(''),
  FEED_ITEMS: z
    .string()
    .default('20')
    .refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 100, { message: 'must be a whole number from 1 to 100' })
    .transform(Number),
});

export interface Config {
  /** Origin for absolute links; undefined means the request's origin. */
  siteUrl?: string;
  /** Items in a main feed and each archive page. */
  feedItems: number;
}

/** A wrangler var that is set wrong; the message names it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const cache = new WeakMap<object, Config>();

/** Parses the Worker's env once per isolate; throws ConfigError naming every bad var. */
export function loadConfig(env: object): Config {
  const hit = cache.get(env);
  if (hit) return hit;
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const details = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid wrangler var(s) — ${details}`);
  }
  const config: Config = { feedItems: result.data.FEED_ITEMS, ...(result.data.SITE_URL ? { siteUrl: result.data.SITE_URL } : {}) };
  cache.set(env, config);
  return config;
}
