/** The environments in wrangler.toml and their vars, read as wrangler reads them (without loading wrangler). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse, TomlError } from 'smol-toml';

/** Names of the [env.*] sections, with '' for the top level. Reads the file only (fast: no wrangler import). */
export function wranglerEnvironments(configPath = 'wrangler.toml'): string[] {
  const names = [...readFileSync(configPath, 'utf8').matchAll(/^\[env\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.-]+)?\]\s*$/gm)].map(
    (m) => m[1] ?? '',
  );
  return ['', ...new Set(names)];
}

type Table = Record<string, unknown>;
const table = (value: unknown): Table => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {});

/**
 * The vars an environment deploys with ('' is the top level). Wrangler does not inherit vars: an [env.<name>] without
 * its own [env.<name>.vars] has none. Parsed with the TOML parser wrangler itself uses (smol-toml): importing wrangler
 * to read one table cost 1.4 s of every check.
 */
export function wranglerVars(env: string, configPath = 'wrangler.toml'): Table {
  return { ...table(wranglerEnvironment(env, configPath).vars) };
}

/** An environment's own tables ('' is the top level), parsed with smol-toml. */
function wranglerEnvironment(env: string, configPath: string): Table {
  let toml: Table;
  try {
    toml = parse(readFileSync(configPath, 'utf8'));
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new Error(`${configPath}:${error.line}: not valid TOML: ${error.message.split('\n')[0]}`);
  }
  return env ? table(table(toml.env)[env]) : toml;
}

/**
 * The bucket an environment binds as `binding` in its `[[r2_buckets]]` ([[env.<name>.r2_buckets]]: wrangler does not
 * inherit bindings), or undefined.
 */
export function r2BucketName(binding: string, env = '', configPath = 'wrangler.toml'): string | undefined {
  if (!existsSync(configPath)) return undefined;
  const buckets = wranglerEnvironment(env, configPath).r2_buckets;
  if (!Array.isArray(buckets)) return undefined;
  const bucket = buckets.map(table).find((b) => b.binding === binding)?.bucket_name;
  return typeof bucket === 'string' ? bucket : undefined;
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
export function hasCloudflareCredentials(env: Record<string, string | undefined> = process.env): boolean {
  if (env.CLOUDFLARE_API_TOKEN || (env.CLOUDFLARE_API_KEY && env.CLOUDFLARE_EMAIL)) return true;
  const home = env.HOME ?? homedir();
  const dirs = [join(home, '.wrangler', 'config'), join(env.XDG_CONFIG_HOME ?? join(home, '.config'), '.wrangler', 'config')];
  return dirs.some(
    (dir) => existsSync(dir) && readdirSync(dir).some((f) => /oauth_token|api_token/.test(readFileSync(join(dir, f), 'utf8'))),
  );
}
