/**
 * npm run deploy -- --env staging|production [--dry-run]: build and check the content once, test the code when it
 * changed since the suite last passed (scripts/tested.ts), bring the archive in D1 to exactly the build's bodies
 * (when wrangler.toml binds ARCHIVE), deploy, record what was published, then notify the WebSub hub. Stops at the
 * first failing step; nothing is deployed unless everything passes, and the top-level (local development) config is
 * never deployed. --dry-run does everything up to the upload (wrangler deploy --dry-run) and touches nothing remote.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ARCHIVE_BINDING, archiveBound, archiveChangesSql, executeArchiveSql } from './archive';
import { MEDIA_FILES, mediaBound, readManifest, storedObjects, syncMedia, syncSummary, withMediaBucket, writeStored } from './media';
import { STATIC_LIMITS, staticFilesBefore } from './static-files';
import { testedAt } from './tested';
import { deployableEnvironments, hasCloudflareCredentials, wranglerVars } from './wrangler-envs';

export interface DeployOptions {
  env: string;
  /** Everything up to the upload; nothing remote is read or written. */
  dryRun?: boolean;
}

/** A deploy step that failed: its title, and the exit code to stop with. */
export class DeployError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

/** The options of `npm run deploy`, checked before anything runs: an environment that exists, credentials. */
export function deployOptions(
  argv: string[],
  config = 'wrangler.toml',
  processEnv: Record<string, string | undefined> = process.env,
): DeployOptions {
  const environments = deployableEnvironments(config);
  const usage = `usage: npm run deploy -- --env <${environments.join('|') || 'environment'}> [--dry-run]`;
  let values: { env?: string; 'dry-run'?: boolean };
  try {
    values = parseArgs({ args: argv, options: { env: { type: 'string' }, 'dry-run': { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    throw new DeployError(`${(error as Error).message.split('\n')[0]}; ${usage}`, 2);
  }
  const env = values.env;
  if (!env) throw new DeployError(`say which environment to deploy; ${usage}`, 2);
  if (!environments.includes(env)) {
    const hint =
      env === 'production' ? ' ([env.production] is not set up yet: copy the block in docs/deploying.md into wrangler.toml)' : '';
    throw new DeployError(`no environment "${env}" in wrangler.toml${hint}; the environments are: ${environments.join(', ') || 'none'}`, 2);
  }
  const dryRun = values['dry-run'] === true;
  if (!dryRun && !hasCloudflareCredentials(processEnv)) {
    throw new DeployError(
      'no Cloudflare credentials: run `npx wrangler login` (opens a browser), or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID (docs/deploying.md › Deploying from a server or CI); nothing was deployed',
    );
  }
  return { env, dryRun };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs the deploy; throws DeployError at the first failing step. Returns how long it took up to the upload. */
export async function deploy({ env, dryRun = false }: DeployOptions): Promise<{ toUpload: number }> {
  const started = performance.now();
  // Never drafts, never a preview clock: the content is built as production shows it, once, by the check.
  const buildEnv = { ...process.env, INCLUDE_DRAFTS: '', PREVIEW_AT: '' };
  const step = (title: string, command: string, args: string[], env: NodeJS.ProcessEnv = buildEnv) => {
    const t = performance.now();
    console.log(`\n▶ ${title}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new DeployError(`${title} failed; nothing was deployed.`, result.status ?? 1);
    console.log(`  (${title.toLowerCase()}: ${seconds(performance.now() - t)})`);
  };
  const tsx = [process.execPath, '--import', 'tsx'] as const;
  const built = { ...buildEnv, CONTENT_BUILT: '1' };

  const media = mediaBound(env);
  if (!media) refuseStaticFiles(staticFilesBefore());
  const stored = media && !dryRun ? await storedPictures(env) : undefined;
  step(
    'Check and build the content',
    tsx[0],
    [...tsx.slice(1), 'scripts/check.ts'],
    stored ? { ...buildEnv, MEDIA_STORED: stored } : buildEnv,
  );
  const tested = testedAt();
  if (tested) {
    console.log(`\n✓ code unchanged since the whole suite passed on it (${tested}): the code checks and tests are not run again`);
    // The content is new, though: render it through the Worker's code once (every feed well-formed and its items'
    // pages answering, every page and sitemap), as the suite does for content/.
    const t = performance.now();
    console.log('\n▶ Render the content through the Worker');
    const { renderCheck } = await import('./render-check');
    const { checked, problems } = await renderCheck({ vars: wranglerVars(env), pagesPerSitemap: 50 });
    for (const p of problems.slice(0, 20)) console.error(`✗ ${p}`);
    if (problems.length > 0) throw new DeployError(`${problems.length} URL(s) did not render as they should; nothing was deployed.`);
    console.log(`✓ ${checked} URLs rendered as they should in ${seconds(performance.now() - t)}`);
  } else {
    console.log('\n! the code changed since the suite last passed here (or it never ran): checking and testing it first');
    step('Check the code', tsx[0], [...tsx.slice(1), 'scripts/check.ts', '--code']);
    step('Run the tests', tsx[0], [...tsx.slice(1), 'scripts/test.ts'], built);
  }

  const { loadConfig } = await import('../src/config');
  const { allFeedUrls, changedFeeds, feedEtags, publishToHub } = await import('./websub');
  const { recordPublished } = await import('./published');
  const config = loadConfig(wranglerVars(env));
  // Imported after the check built it (tsx compiles the module as it is now).
  const { content } = await import('../src/generated/content');
  const urls = config.hub && config.siteUrl && !dryRun ? allFeedUrls(content, config.siteUrl) : [];
  const before = urls.length > 0 ? await feedEtags(urls) : new Map();

  if (archiveBound() && !dryRun) {
    // Before the Worker that reads them: the archive's schema, then only the rows D1 lacks or holds otherwise, and
    // away with the bodies the build no longer has.
    step('Archive: migrations', 'npx', ['wrangler', 'd1', 'migrations', 'apply', ARCHIVE_BINDING, '--remote', '--env', env]);
    const changes = archiveChangesSql(env);
    if (changes.written + changes.deleted.length === 0) console.log('\n✓ archive: D1 holds exactly the bodies of this build');
    else {
      const t = performance.now();
      executeArchiveSql(env, changes.file);
      console.log(
        `\n✓ archive: ${changes.written} bodies written, ${changes.deleted.length} deleted (${changes.deleted.join(', ') || 'none'}) in ${seconds(performance.now() - t)}`,
      );
    }
  } else if (archiveBound()) console.log('\n- archive: not touched in a dry run (D1 is remote)');

  if (media && !dryRun) await uploadPictures(env, 'upload');
  else if (media) console.log('\n- pictures: R2 not touched in a dry run (it is remote)');

  const toUpload = performance.now() - started;
  if (dryRun) {
    step(
      'Bundle (wrangler deploy --dry-run: everything but the upload)',
      'npx',
      ['wrangler', 'deploy', '--env', env, '--dry-run', '--outdir', 'dist/deploy'],
      built,
    );
    console.log(`\n✓ dry run for ${env}: ready to upload in ${seconds(toUpload)} (nothing was uploaded)`);
    return { toUpload };
  }
  step('Deploy', 'npx', ['wrangler', 'deploy', '--env', env], built);
  // After the upload: the Worker that showed them is gone, so no page links to what goes now.
  if (media) await uploadPictures(env, 'delete');
  if (env === 'production') {
    const record = recordPublished(content);
    console.log(`\n✓ ${record.path} lists ${record.count} published article(s); commit it (it keeps their URLs from breaking)`);
  }
  if (config.hub && urls.length > 0) {
    const changed = changedFeeds(before, await feedEtags(urls));
    if (changed.length === 0) console.log('\n✓ no feed changed; the hub was not notified');
    for (const { url, status } of await publishToHub(config.hub, changed)) {
      console.log(`${status >= 200 && status < 300 ? '✓' : '✗'} hub ${config.hub} ← ${url} (${status})`);
    }
  }
  console.log(`\n✓ deployed to ${env} in ${seconds(performance.now() - started)} (${seconds(toUpload)} up to the upload)`);
  return { toUpload };
}

/** What R2 holds (asked before the build, so that a fresh clone processes none of it again); returns the file for MEDIA_STORED. */
async function storedPictures(env: string): Promise<string> {
  const t = performance.now();
  console.log(`\n▶ Pictures: what R2 holds`);
  return withMediaBucket(env, { remote: true }, async (open) => {
    const objects = await storedObjects(open.bucket);
    const file = `dist/media-stored-${env}.json`;
    writeStored(objects, file);
    console.log(`✓ R2 bucket ${open.name} holds ${objects.length} files (${seconds(performance.now() - t)})`);
    return file;
  });
}

/** Brings R2 to the build's pictures: first the files it lacks (before the Worker that shows them), then away with the rest. */
async function uploadPictures(env: string, phase: 'upload' | 'delete'): Promise<void> {
  const t = performance.now();
  console.log(phase === 'upload' ? '\n▶ Pictures: upload what R2 lacks' : '\n▶ Pictures: delete what no article uses');
  await withMediaBucket(env, { remote: true }, async (open) => {
    const result = await syncMedia(open.bucket, readManifest(), MEDIA_FILES, { keep: phase === 'upload' });
    if (result.missing.length > 0) {
      throw new DeployError(
        `${result.missing.length} picture file(s) are neither in R2 nor in ${MEDIA_FILES} (${result.missing.slice(0, 3).join(', ')}…): run the deploy again; nothing was deployed`,
      );
    }
    console.log(`✓ ${syncSummary(`R2 bucket ${open.name}`, result, performance.now() - t)}`);
  });
}

/** Stops in one line, before anything is built, when Cloudflare would refuse the static files for certain. */
function refuseStaticFiles(estimate: { files: number; line: string }): void {
  if (estimate.files > STATIC_LIMITS.paidFiles) throw new DeployError(estimate.line);
  console.log(`\n✓ ${estimate.line}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await deploy(deployOptions(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof DeployError)) throw error;
    console.error(`✗ ${error.message}`);
    process.exit(error.code);
  }
}
