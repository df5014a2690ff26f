/**
 * npm run withdraw -- <slug> [--lang zh|en] [--note TEXT] [--env production] [--dry-run]: an urgent removal in one
 * command. Works out every URL caches may hold of the article (before its files go), deletes its files (pictures
 * included), records it in content/withdrawn.yaml, then deploys (with --env: check, the archive's D1 rows, upload;
 * without: builds locally, the local D1 included) and purges Cloudflare's cache by URL when CLOUDFLARE_API_TOKEN and
 * CLOUDFLARE_ZONE_ID are set. Prints every URL either way.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cardHash, cardText } from '../src/build/card';
import { compileContent, formatProblem } from '../src/build/compile';
import { beijingNow } from '../src/build/dates';
import { embargoKey } from '../src/build/embargo-key';
import { processPhotos } from '../src/build/photos';
import { WITHDRAWN_RECORD } from '../src/build/registry';
import { appendWithdrawal, cachedUrls, withdrawalEntry } from '../src/build/withdrawal';
import { loadConfig } from '../src/config';
import { type CompiledContent, LANGS, type Lang } from '../src/content/model';
import { cardPath } from '../src/urls';
import { FileArticleCache } from './compile-cache';
import { readContentDir } from './content-files';
import { DeployError, deploy, deployOptions } from './deploy';
import { MEDIA_FILES, mediaBound } from './media';
import { type PurgeResult, type PurgeTarget, prefixOf, purge, purgeTargetFromEnv } from './purge';
import { wranglerVars } from './wrangler-envs';

const USAGE = 'usage: npm run withdraw -- <slug> [--lang zh|en] [--note "why (internal)"] [--env production] [--dry-run]';

export interface WithdrawOptions {
  slug: string;
  /** Only this language (default: every language of the article). */
  lang?: Lang;
  /** Internal: why, never published. */
  note?: string;
  /** Deploy to this wrangler environment; without it, build locally only. */
  env?: string;
  dryRun?: boolean;
  contentDir?: string;
  /** The [assets] folder (its media/ holds the processed pictures). */
  assets?: string;
  /** Where the processed pictures are; default: dist/media with R2 (wrangler.toml binds MEDIA), else <assets>/media. */
  mediaDir?: string;
  config?: string;
  /** Where to purge; default: from CLOUDFLARE_API_TOKEN and CLOUDFLARE_ZONE_ID. */
  purgeTarget?: PurgeTarget | string;
  /**
   * Makes the change live: by default, with `env` the deploy (its check builds the content, its archive step deletes
   * the D1 rows, then the upload), without it the local build (the local D1 included). Tests stand in for it.
   */
  publish?: () => Promise<void>;
}

export interface Withdrawal {
  /** Absolute URLs (site paths without a SITE_URL) that caches may hold. */
  urls: string[];
  prefixes: string[];
  removed: string[];
  entry: string;
  purged: PurgeResult[];
}

/** Why a withdrawal did not start (nothing changed), or stopped; `code` is the exit code. */
export class WithdrawError extends Error {
  constructor(
    message: string,
    readonly code = 1,
  ) {
    super(message);
  }
}

const OPTIONS = {
  lang: { type: 'string' },
  note: { type: 'string' },
  env: { type: 'string' },
  'dry-run': { type: 'boolean' },
  content: { type: 'string' },
} as const;

/** The article's folder under articles/<year>/, or undefined. */
function folderOf(contentDir: string, slug: string): string | undefined {
  const articles = join(contentDir, 'articles');
  if (!existsSync(articles)) return undefined;
  for (const year of readdirSync(articles)) if (existsSync(join(articles, year, slug))) return join(articles, year, slug);
  return undefined;
}

/** The content as it is now, pictures indexed (processed ones are not processed again), cards' paths filled in. */
async function currentContent(contentDir: string, mediaDir: string): Promise<CompiledContent> {
  const sources = readContentDir(contentDir);
  // Names only: the URLs a cache may hold need each picture's hash and widths, never its encoding (a fresh clone
  // would otherwise process every picture before an urgent withdrawal).
  const photos = await processPhotos(
    contentDir,
    sources.map((f) => f.path),
    { outDir: mediaDir, namesOnly: true },
  );
  const prefix = `${relative(process.cwd(), contentDir) || '.'}/`;
  // The build's cache, read only (saved, it would drop the entries of files this compile did not meet).
  const cache = FileArticleCache.open(contentDir, resolve(import.meta.dirname, '..'));
  const result = compileContent(sources, prefix, { photos, cache });
  if (!result.content) {
    throw new WithdrawError(
      `the content has problems; fix them first (nothing was changed):\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  const key = embargoKey(contentDir);
  for (const lang of LANGS) {
    const site = result.content.sites[lang];
    for (const a of result.content.articles[lang]) if (!a.image) a.card = cardPath(lang, a.slug, cardHash(cardText(a, site), key));
  }
  return result.content;
}

/** Deploys to `env`, or builds locally (and loads the local D1) without one. */
async function publish(env: string | undefined, dryRun: boolean): Promise<void> {
  if (env) {
    await deploy({ env, dryRun });
    return;
  }
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts'], { stdio: 'inherit' });
  if (built.status !== 0)
    throw new WithdrawError('the build after the withdrawal failed (see above); the files are changed, nothing was deployed');
}

/** Withdraws the article; see the file's comment. Throws WithdrawError (nothing changed) when it cannot. */
export async function withdraw(options: WithdrawOptions): Promise<Withdrawal> {
  const started = performance.now();
  const contentDir = resolve(options.contentDir ?? 'content');
  const config = options.config ?? 'wrangler.toml';
  const folder = folderOf(contentDir, options.slug);
  if (!folder)
    throw new WithdrawError(
      `no article "${options.slug}" in ${relative(process.cwd(), contentDir)}/articles/<year>/ (already withdrawn? see ${WITHDRAWN_RECORD})`,
    );
  const present = LANGS.filter((l) => existsSync(join(folder, `${l}.md`)));
  if (options.lang && !present.includes(options.lang)) {
    throw new WithdrawError(`"${options.slug}" has no ${options.lang}.md (it has ${present.join(', ') || 'no article file'})`);
  }
  const langs = options.lang ? [options.lang] : present;
  // The environment and credentials are checked before anything changes.
  if (options.env && !options.publish) deployOptions(['--env', options.env, ...(options.dryRun ? ['--dry-run'] : [])], config);

  // 1. Worked out before anything goes: what the site showed of it.
  const mediaDir =
    options.mediaDir ?? (mediaBound('', options.config) ? resolve(MEDIA_FILES) : resolve(options.assets ?? 'public', 'media'));
  const content = await currentContent(contentDir, mediaDir);
  const vars = loadConfig(wranglerVars(options.env ?? '', config));
  const cached = cachedUrls(content, options.slug, langs, vars.feedItems);
  const base = vars.siteUrl ?? '';
  const urls = cached.paths.map((p) => base + p);
  const prefixes = base ? cached.prefixes.map((p) => prefixOf(base + p)) : cached.prefixes;

  // 2. Its files: the whole folder, or one language and the pictures only it uses.
  const removed: string[] = [];
  const remove = (path: string) => {
    rmSync(path, { recursive: true, force: true });
    removed.push(relative(process.cwd(), path));
  };
  const keeping = present.filter((l) => !langs.includes(l));
  if (keeping.length === 0) remove(folder);
  else {
    const kept = keeping.map((l) => readFileSync(join(folder, `${l}.md`), 'utf8')).join('\n');
    for (const lang of langs) remove(join(folder, `${lang}.md`));
    for (const file of readdirSync(folder)) if (!file.endsWith('.md') && !kept.includes(file)) remove(join(folder, file));
  }

  // 3. The record.
  const recordPath = join(contentDir, WITHDRAWN_RECORD);
  // Its former slugs too: their URLs redirected to it, and must now answer 410 as well.
  const former = [...new Set(langs.flatMap((l) => content.articles[l].find((a) => a.slug === options.slug)?.formerSlugs ?? []))];
  const entry = [options.slug, ...former]
    .map((slug) =>
      withdrawalEntry({
        slug,
        date: beijingNow().slice(0, 10),
        ...(options.lang ? { lang: options.lang } : {}),
        ...(slug === options.slug ? (options.note ? { note: options.note } : {}) : { note: `former slug of ${options.slug}` }),
      }),
    )
    .join('');
  writeFileSync(recordPath, appendWithdrawal(existsSync(recordPath) ? readFileSync(recordPath, 'utf8') : '', entry));
  console.log(`✓ removed ${removed.join(', ')}; recorded in ${relative(process.cwd(), recordPath)}`);

  // 4. Live.
  await (options.publish ?? (() => publish(options.env, options.dryRun ?? false)))();

  // 5. Caches.
  const target = options.purgeTarget ?? purgeTargetFromEnv();
  let purged: PurgeResult[] = [];
  console.log(`\nURLs that caches may still hold (${urls.length}, and every query variant of ${prefixes.length} more):`);
  for (const url of urls) console.log(`  ${url}`);
  for (const prefix of prefixes) console.log(`  ${prefix}?…`);
  if (!options.env || options.dryRun)
    console.log('\n- not purged: nothing was deployed yet (purging before the deploy would refill the caches)');
  else if (!base) console.log(`\n- not purged: [env.${options.env}.vars] SITE_URL is empty, so the URLs' host is unknown`);
  else if (typeof target === 'string') console.log(`\n- ${target}`);
  else {
    purged = await purge(target, urls, prefixes);
    for (const r of purged) console.log(`${r.ok ? '✓' : '✗'} purge by ${r.kind === 'files' ? 'URL' : 'prefix'}: ${r.count} (${r.detail})`);
  }
  console.log(`\n✓ withdrew ${options.slug} (${langs.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { urls, prefixes, removed, entry, purged };
}

/** The options of `npm run withdraw`, checked before anything changes; a WithdrawError (code 2) says what is wrong. */
export function withdrawOptions(argv: string[]): WithdrawOptions {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; strict: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new WithdrawError(`${(error as Error).message.split('\n')[0]}; ${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const [slug, ...extra] = positionals;
  if (!slug || extra.length > 0) {
    throw new WithdrawError(`${slug ? `one slug at a time (got ${positionals.join(' ')})` : 'say the slug of the article'}; ${USAGE}`, 2);
  }
  const lang = LANGS.find((l) => l === values.lang);
  if (values.lang !== undefined && !lang) {
    throw new WithdrawError(`--lang ${values.lang}: the languages are ${LANGS.join(', ')} (leave it out to withdraw every language)`, 2);
  }
  return {
    slug,
    ...(lang ? { lang } : {}),
    ...(values.note === undefined ? {} : { note: values.note }),
    ...(values.env === undefined ? {} : { env: values.env }),
    ...(values.content === undefined ? {} : { contentDir: values.content }),
    dryRun: values['dry-run'] === true,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await withdraw(withdrawOptions(process.argv.slice(2)));
  } catch (error) {
    if (!(error instanceof WithdrawError || error instanceof DeployError)) throw error;
    console.error(`✗ ${error.message}`);
    process.exit(error.code);
  }
}
