/**
 * npm run deploy [-- --env staging|production]: check, test, deploy, then notify the WebSub hub.
 * Stops at the first failing step; nothing is deployed unless the checks and tests pass.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { allFeedUrls, changedFeeds, feedEtags, publishToHub } from './websub';
import { wranglerVars } from './wrangler-envs';

const { values } = parseArgs({ options: { env: { type: 'string', default: '' } } });
const envArgs = values.env ? ['--env', values.env] : [];

function step(title: string, command: string, args: string[]) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, INCLUDE_DRAFTS: '' } });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed; nothing was deployed.`);
    process.exit(result.status ?? 1);
  }
}

step('Check content, config and types', 'npm', ['run', 'check']);
step('Run the tests', 'npm', ['test']);

const config = loadConfig(wranglerVars(values.env));
const { content } = await import('../src/generated/content');
const urls = config.hub && config.siteUrl ? allFeedUrls(content, config.siteUrl) : [];
const before = config.hub ? await feedEtags(urls) : new Map();

step('Deploy', 'npx', ['wrangler', 'deploy', ...envArgs]);

if (config.hub) {
  const changed = changedFeeds(before, await feedEtags(urls));
  if (changed.length === 0) console.log('\n✓ no feed changed; the hub was not notified');
  for (const { url, status } of await publishToHub(config.hub, changed)) {
    console.log(`${status >= 200 && status < 300 ? '✓' : '✗'} hub ${config.hub} ← ${url} (${status})`);
  }
}
console.log('\n✓ deployed');
