/** Worker configuration: wrangler vars -> zod -> typed Config, validated once per isolate. */
// zod/mini: the tree-shakable build, so the Worker bundle carries only the checks it uses.
import * as z from 'zod/mini';

const isHttpUrl = (s: string) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol);

const siteUrl = z.pipe(
  z.string().check(
    z.trim(),
    z.refine((s) => s === '' || (isHttpUrl(s) && `${new URL(s).origin}/` === new URL(s).href), {
      message:
        "must be empty (use each request's origin) or an http(s) origin with no path, query or fragment, e.g. https://news.example.edu",
    }),
  ),
  z.transform((s: string) => (s === '' ? undefined : new URL(s).origin)),
);

const hubUrl = z.pipe(
  z.string().check(
    z.trim(),
    z.refine((s) => s === '' || isHttpUrl(s), {
      message: 'must be empty (no hub) or the absolute http(s) URL of a WebSub hub, e.g. https://pubsubhubbub.appspot.com/',
    }),
  ),
  z.transform((s: string) => (s === '' ? undefined : new URL(s).href)),
);

const feedItems = z.pipe(
  z
    .string()
    .check(z.refine((s) => /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 100, { message: 'must be a whole number from 1 to 100' })),
  z.transform(Number),
);

const vars = {
  SITE_URL: z._default(siteUrl, ''),
  FEED_ITEMS: z._default(feedItems, 20),
  WEBSUB_HUB: z._default(hubUrl, ''),
};

const envSchema = z.object(vars).check(
  z.refine((v) => !v.WEBSUB_HUB || v.SITE_URL, {
    path: ['WEBSUB_HUB'],
    message: 'needs SITE_URL set as well: the hub must be told the public URLs of the feeds',
  }),
);

/** The vars this Worker reads (wrangler.toml [vars]). */
export const VAR_NAMES = Object.keys(vars);

export interface Config {
  /** Origin for absolute links; undefined means the request's origin. */
  siteUrl?: string;
  /** Items in a main feed and each archive page. */
  feedItems: number;
  /** WebSub hub the feeds advertise. */
  hub?: string;
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
    const details = result.error.issues.map((i) => {
      const name = i.path.join('.');
      const value = (env as Record<string, unknown>)[name];
      return `${name} = ${JSON.stringify(typeof value === 'string' ? value.slice(0, 200) : value)}: ${i.message}`;
    });
    throw new ConfigError(`Invalid wrangler var${details.length > 1 ? 's' : ''}: ${details.join('; ')}`);
  }
  const { SITE_URL, FEED_ITEMS, WEBSUB_HUB } = result.data;
  const config: Config = { feedItems: FEED_ITEMS, ...(SITE_URL ? { siteUrl: SITE_URL } : {}), ...(WEBSUB_HUB ? { hub: WEBSUB_HUB } : {}) };
  cache.set(env, config);
  return config;
}
