/** The environments in wrangler.toml and their vars, as wrangler itself reads them. */
import { readFileSync } from 'node:fs';
import { unstable_readConfig } from 'wrangler';

/** Names of the [env.*] sections, with '' for the top level. */
export function wranglerEnvironments(configPath = 'wrangler.toml'): string[] {
  const names = [...readFileSync(configPath, 'utf8').matchAll(/^\[env\.([A-Za-z0-9_-]+)\]\s*$/gm)].map((m) => m[1] ?? '');
  return ['', ...new Set(names)];
}

/** The vars an environment deploys with ('' is the top level). */
export function wranglerVars(env: string, configPath = 'wrangler.toml'): Record<string, unknown> {
  const config = unstable_readConfig({ config: configPath, env: env || undefined }, { hideWarnings: true });
  return config.vars as Record<string, unknown>;
}
