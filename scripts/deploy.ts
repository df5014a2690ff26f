/**
 * npm run deploy -- --env staging|production: check, test, write the archive's new bodies to D1 (when
 * wrangler.toml binds ARCHIVE), deploy, record what was published, then notify the WebSub hub. Stops at the first
 * failing step; nothing is deployed unless everything passes,
 * and the top-level (local development) config is never deployed.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ARCHIVE_BINDING, archiveBound, newRowsSql } from './archive';
import { deployableEnvironments, hasCloudflareCredentials } from './wrangler-envs';

const USAGE = `usage: npm run deploy -- --env <${deployableEnvironments().join('|') || 'environment'}>`;

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

let env: string | undefined;
try {
  env = parseArgs({ options: { env: { type: 'string' } }, strict: true }).values.env;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`, 2);
}
// First, before a minute of checks: the environment must exist.
const environments = deployableEnvironments();
if (!env) fail(`say which environment to deploy; ${USAGE}`, 2);
if (!environments.includes(env)) {
  const hint = env === 'production' ? ' ([env.production] is not set up yet: copy the block in docs/deploying.md into wrangler.toml)' : '';
  fail(`no environment "${env}" in wrangler.toml${hint}; the environments are: ${environments.join(', ') || 'none'}`, 2);
}
if (!hasCloudflareCredentials()) {
  fail(
    'no Cloudflare credentials: run `npx wrangler login` (opens a browser), or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID (docs/deploying.md › Deploying from a server or CI); nothing was deployed',
  );
}

function step(title: string, command: string, args: string[]) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, INCLUDE_DRAFTS: '' } });
  if (result.status !== 0) fail(`${title} failed; nothing was deployed.`, result.status ?? 1);
}

step('Check content, config and types', 'npm', ['run', 'check']);
step('Run the tests', 'npm', ['test']);

const { loadConfig } = await import('../src/config');
const { wranglerVars } = await import('./wrangler-envs');
const { allFeedUrls, changedFeeds, feedEtags, publishToHub } = await import('./websub');
const { recordPublished } = await import('./published');
const config = loadConfig(wranglerVars(env));
const { content } = await import('../src/generated/content');
const urls = config.hub && config.siteUrl ? allFeedUrls(content, config.siteUrl) : [];
const before = config.hub ? await feedEtags(urls) : new Map();

if (archiveBound()) {
  // Before the Worker that reads them: the archive's schema, then only the rows D1 lacks or holds otherwise.
  step('Archive: migrations', 'npx', ['wrangler', 'd1', 'migrations', 'apply', ARCHIVE_BINDING, '--remote', '--env', env]);
  const fresh = newRowsSql(env);
  if (fresh.count === 0) console.log('\n✓ archive: every body is in D1 already');
  else
    step(`Archive: write ${fresh.count} new bodies`, 'npx', [
      'wrangler',
      'd1',
      'execute',
      ARCHIVE_BINDING,
      '--remote',
      '--env',
      env,
      '--yes',
      '--file',
      fresh.file,
    ]);
}

step('Deploy', 'npx', ['wrangler', 'deploy', '--env', env]);
if (env === 'production') {
  const record = recordPublished(content);
  console.log(`\n✓ ${record.path} lists ${record.count} published article(s); commit it (it keeps their URLs from breaking)`);
}

if (config.hub) {
  const changed = changedFeeds(before, await feedEtags(urls));
  if (changed.length === 0) console.log('\n✓ no feed changed; the hub was not notified');
  for (const { url, status } of await publishToHub(config.hub, changed)) {
    console.log(`${status >= 200 && status < 300 ? '✓' : '✗'} hub ${config.hub} ← ${url} (${status})`);
  }
}
console.log(`\n✓ deployed to ${env}`);
