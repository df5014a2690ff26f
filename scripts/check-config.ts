/** Validates the vars of every wrangler.toml environment with the Worker's own schema. */

import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config';
import { wranglerEnvironments, wranglerVars } from './wrangler-envs';

const { values } = parseArgs({ options: { config: { type: 'string', default: 'wrangler.toml' } } });
let failed = false;
for (const env of wranglerEnvironments(values.config)) {
  const label = env ? `[env.${env}.vars]` : '[vars]';
  try {
    const config = loadConfig(wranglerVars(env, values.config));
    console.log(
      `✓ ${values.config} ${label}: SITE_URL ${config.siteUrl ?? '(request origin)'}, FEED_ITEMS ${config.feedItems}, WEBSUB_HUB ${config.hub ?? '(none)'}`,
    );
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`✗ ${values.config} ${label}: ${error.message}`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
