/**
 * npm run reach -- --env production [--days 30] [--out reach-report.html]: who subscribes and which
 * partners syndicate, read from Workers Analytics Engine with the SQL API; prints the figures and
 * writes one self-contained HTML report. Credentials as wrangler takes them: CLOUDFLARE_ACCOUNT_ID and
 * CLOUDFLARE_API_TOKEN (a token with "Account Analytics: Read"). `--api` points at another SQL API
 * endpoint (the tests' local stand-in).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { htmlReport, textReport } from '../../src/reach/report';
import { CLOUDFLARE_API, readReach, sqlClient } from '../../src/reach/sql';
import { deployableEnvironments } from '../wrangler-envs';

const USAGE = 'usage: npm run reach -- --env <environment> [--days 30] [--out reach-report.html]';
function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

let values: { env?: string; days: string; out: string; api: string; config: string };
try {
  values = parseArgs({
    strict: true,
    options: {
      env: { type: 'string' },
      days: { type: 'string', default: '30' },
      out: { type: 'string', default: 'reach-report.html' },
      api: { type: 'string', default: CLOUDFLARE_API },
      config: { type: 'string', default: 'wrangler.toml' },
    },
  }).values as typeof values;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`, 2);
}
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > 90)
  fail(`--days must be a whole number from 1 to 90 (Analytics Engine keeps 90 days); got "${values.days}"`, 2);
if (!values.env) fail(`say which environment; ${USAGE}`, 2);
if (!deployableEnvironments(values.config).includes(values.env)) {
  fail(`no environment "${values.env}" in ${values.config}; the environments are: ${deployableEnvironments(values.config).join(', ')}`, 2);
}
const { CLOUDFLARE_ACCOUNT_ID: account, CLOUDFLARE_API_TOKEN: token } = process.env;
if (!account || !token)
  fail('set CLOUDFLARE_ACCOUNT_ID and CLOUDFLARE_API_TOKEN (a token with "Account Analytics: Read"), as for wrangler; nothing was read');

const { unstable_readConfig } = await import('wrangler');
const config = unstable_readConfig({ config: values.config, env: values.env }, { hideWarnings: true });
const dataset = (config.analytics_engine_datasets as { binding: string; dataset?: string }[] | undefined)?.find(
  (d) => d.binding === 'REACH',
)?.dataset;
if (!dataset) fail(`[env.${values.env}] has no analytics_engine_datasets binding "REACH"; see docs/reach.md for the line to add`);
if (!/^[A-Za-z0-9_]+$/.test(dataset)) fail(`dataset name "${dataset}" must be letters, digits and underscores`);

const data = await readReach(sqlClient(account, token, values.api), dataset, days).catch((error: Error) => fail(error.message));
console.log(textReport(data, days));
writeFileSync(values.out, htmlReport(data, days, new Date().toISOString().slice(0, 16).replace('T', ' ')));
console.log(`\n✓ report written to ${values.out} (open it in a browser; it needs no network)`);
