/**
 * Validates the vars of every wrangler.toml environment with the Worker's own schema, plus what
 * only a deploy needs: production must name its public https origin, and no setting may hide in vars.
 * Usage: tsx scripts/check-config.ts [--config wrangler.toml] [--types]  (--types: also worker-configuration.d.ts)
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, VAR_NAMES } from '../src/config';
import { archiveBound } from './archive';
import { MEDIA_BINDING, mediaBound } from './media';
import { r2BucketName, wranglerEnvironments, wranglerVars } from './wrangler-envs';

// Top-level keys of a wrangler environment: written inside [vars] they silently become strings.
const WRANGLER_SETTINGS = new Set([
  'name',
  'main',
  'routes',
  'route',
  'workers_dev',
  'compatibility_date',
  'compatibility_flags',
  'account_id',
  'vars',
  'kv_namespaces',
  'r2_buckets',
  'd1_databases',
  'analytics_engine_datasets',
  'triggers',
  'assets',
  'build',
  'minify',
  'observability',
  'placement',
  'limits',
  'durable_objects',
  'services',
  'zone_id',
]);

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)?.slice(0, 120));

/** Every problem of one environment's vars, each naming the var and echoing its value. */
export function varProblems(env: string, vars: Record<string, unknown>): string[] {
  const section = env ? `[env.${env}.vars]` : '[vars]';
  const problems: string[] = [];
  for (const [name, value] of Object.entries(vars)) {
    if (VAR_NAMES.includes(name)) continue;
    problems.push(
      WRANGLER_SETTINGS.has(name)
        ? `${section} ${name} = ${show(value)}: "${name}" is a wrangler setting, not a var; move it above the ${section} line, into [${env ? `env.${env}` : 'top level'}]`
        : `${section} ${name} = ${show(value)}: not a var this Worker reads; the vars are ${VAR_NAMES.join(', ')}`,
    );
  }
  try {
    loadConfig(vars);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(`${section} ${error.message}`);
  }
  if (env === 'production') {
    const site = typeof vars.SITE_URL === 'string' ? vars.SITE_URL.trim() : '';
    if (site === '') {
      problems.push(
        `${section} SITE_URL = ${show(vars.SITE_URL ?? '')}: production needs its public origin, e.g. "https://news.example.edu"`,
      );
    } else if (site.startsWith('http://')) {
      problems.push(`${section} SITE_URL = ${show(site)}: production must be served over https; write "https://${site.slice(7)}"`);
    }
  }
  return problems;
}

/**
 * Every wrangler.toml environment checked: its vars, the archive and picture bindings repeated where wrangler does not
 * inherit them, and a bucket of its own. Returns one line per environment (✓) and one per problem (✗), in order; `ok` is false when any problem.
 */
export function checkWranglerConfig(configPath = 'wrangler.toml'): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  let ok = true;
  let environments: string[];
  try {
    environments = wranglerEnvironments(configPath);
    for (const env of environments) wranglerVars(env, configPath);
  } catch (error) {
    return { ok: false, lines: [`✗ ${(error as Error).message}`] };
  }
  for (const env of environments) {
    const vars = wranglerVars(env, configPath);
    const problems = varProblems(env, vars);
    for (const p of problems) lines.push(`✗ ${configPath} ${p}`);
    if (problems.length === 0) {
      const c = loadConfig(vars);
      lines.push(
        `✓ ${configPath} ${env ? `[env.${env}.vars]` : '[vars]'}: SITE_URL ${c.siteUrl ?? '(request origin)'}, FEED_ITEMS ${c.feedItems}, WEBSUB_HUB ${c.hub ?? '(none)'}`,
      );
    }
    ok &&= problems.length === 0;
    if (env && archiveBound(configPath) && !archiveBound(configPath, env)) {
      lines.push(
        `✗ ${configPath} [env.${env}]: the archive is on ([[d1_databases]] ARCHIVE) but this environment has no [[env.${env}.d1_databases]] with binding = "ARCHIVE"; wrangler does not inherit bindings (docs/archive.md)`,
      );
      ok = false;
    }
    if (env && mediaBound('', configPath) && !mediaBound(env, configPath)) {
      lines.push(
        `✗ ${configPath} [env.${env}]: the pictures are in R2 ([[r2_buckets]] MEDIA) but this environment has no [[env.${env}.r2_buckets]] with binding = "MEDIA"; wrangler does not inherit bindings (docs/archive.md › Pictures in R2)`,
      );
      ok = false;
    }
  }
  // A deploy deletes from its bucket what its own build does not use: two environments on one bucket would delete
  // each other's pictures.
  const buckets = new Map<string, string>();
  for (const env of environments.filter((e) => e !== '')) {
    const bucket = r2BucketName(MEDIA_BINDING, env, configPath);
    if (!bucket) continue;
    const other = buckets.get(bucket);
    if (other !== undefined) {
      lines.push(
        `✗ ${configPath} [env.${env}]: bucket_name "${bucket}" is [env.${other}]'s too; give each environment its own bucket (a deploy deletes the pictures its build does not use)`,
      );
      ok = false;
    }
    buckets.set(bucket, env);
  }
  return { ok, lines };
}

/** Whether worker-configuration.d.ts (the Env type) is what `wrangler types` makes of the config now. */
export function typesMatch(configPath = 'wrangler.toml'): boolean {
  const types = spawnSync('npx', ['wrangler', 'types', '--check', '--strict-vars', 'false', '--config', configPath], {
    encoding: 'utf8',
    // wrangler runs the [build] command first; the content is not what this checks.
    env: { ...process.env, CONTENT_BUILT: '1' },
  });
  return types.status === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { config: { type: 'string', default: 'wrangler.toml' }, types: { type: 'boolean', default: false } },
  });
  const { ok, lines } = checkWranglerConfig(values.config);
  for (const line of lines) (line.startsWith('✗') ? console.error : console.log)(line);
  let failed = !ok;
  // The Env type is generated from wrangler.toml (as Cloudflare's templates do); it must not drift.
  if (values.types && !typesMatch(values.config)) {
    console.error(`✗ worker-configuration.d.ts is out of date with ${values.config}: run \`npm run types\` and commit the file`);
    failed = true;
  } else if (values.types) console.log(`✓ worker-configuration.d.ts matches ${values.config}`);
  process.exit(failed ? 1 : 0);
}
