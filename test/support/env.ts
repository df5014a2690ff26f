/** The Worker's env as tests give it: the vars of wrangler.toml's top level, with `vars` over them. */
export function testEnv(vars: Partial<Record<keyof Env, unknown>> & Record<string, unknown> = {}): Env {
  const env = { SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '', ...vars };
  // Env also lists bindings (the rate limiter) that a test leaves out unless it is about them.
  return env as Env;
}
