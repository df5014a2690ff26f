/** The environments in wrangler.toml and their vars, as wrangler itself reads them. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Names of the [env.*] sections, with '' for the top level. Reads the file only (fast: no wrangler import). */
export function wranglerEnvironments(configPath = 'wrangler.toml'): string[] {
  const names = [...readFileSync(configPath, 'utf8').matchAll(/^\[env\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.-]+)?\]\s*$/gm)].map(
    (m) => m[1] ?? '',
  );
  return ['', ...new Set(names)];
}

/** The vars an environment deploys with ('' is the top level). */
export async function wranglerVars(env: string, configPath = 'wrangler.toml'): Promise<Record<string, unknown>> {
  const { unstable_readConfig } = await import('wrangler');
  const config = unstable_readConfig({ config: configPath, env: env || undefined }, { hideWarnings: true });
  return config.vars as Record<string, unknown>;
}

/** "staging, production": the environments a deploy may name. */
export function deployableEnvironments(configPath = 'wrangler.toml'): string[] {
  // (Reads the file only: fast.)
  return wranglerEnvironments(configPath).filter((e) => e !== '');
}

/**
 * Whether wrangler can authenticate without a browser or has logged in before: an API token in the
 * environment, or a login saved in wrangler's config folder (~/.wrangler or $XDG_CONFIG_HOME/.wrangler).
 */
export function hasCloudflareCredentials(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CLOUDFLARE_API_TOKEN || (env.CLOUDFLARE_API_KEY && env.CLOUDFLARE_EMAIL)) return true;
  const home = env.HOME ?? homedir();
  const dirs = [join(home, '.wrangler', 'config'), join(env.XDG_CONFIG_HOME ?? join(home, '.config'), '.wrangler', 'config')];
  return dirs.some(
    (dir) => existsSync(dir) && readdirSync(dir).some((f) => /oauth_token|api_token/.test(readFileSync(join(dir, f), 'utf8'))),
  );
}
