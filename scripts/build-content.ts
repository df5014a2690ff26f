/**
 * Compiles content/ into src/generated/content.ts, or with --check only validates and reports.
 * Usage: tsx scripts/build-content.ts [--check | --report] [--fix] [--quiet] [--drafts] [--content DIR] [--out FILE] [--assets DIR] [--no-cards]
 *   [--archive | --no-archive] [--archive-budget BYTES] [--archive-sql FILE] [--article-cards N]
 * With the ARCHIVE binding in wrangler.toml (or --archive), older bodies go to <archive-sql> for D1 instead of the
 * bundle (docs/archive.md), and into the local D1 of `npm start` when they changed.
 * (--report builds and prints what the content holds, as --check does.) Social cards of articles without a lead
 * image go to <assets>/cards/ (wrangler's [assets] folder); --no-cards or CARDS=0 skips them (benchmarks: the
 * Worker never serves them, and `wrangler deploy --dry-run` runs the build itself).
 * Exits 1, listing every problem, when any article or site file is wrong.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSync } from 'esbuild';
import { ARTICLE_CARDS, type CardText, cardHash, cardText, renderCard } from '../src/build/card';
import { compileContent, formatProblem } from '../src/build/compile';
import { beijingTime } from '../src/build/dates';
import { embargoKey } from '../src/build/embargo-key';
import { drawIcons } from '../src/build/icons';
import { mediaReleases } from '../src/build/media-releases';
import { mediaObjects, type Photo, type PhotoIndex, type PhotoShelf, processPhotos } from '../src/build/photos';
import { fixChineseMarkdown } from '../src/build/punctuation';
import { type Config, ConfigError, loadConfig } from '../src/config';
import { BUNDLED_BODY_BYTES, splitArchive } from '../src/content/archive';
import { indexContent, serialiseIndex } from '../src/content/columns';
import { Library } from '../src/content/library';
import { type CompiledContent, LANGS, type Lang } from '../src/content/model';
import { prerenderFeeds } from '../src/feeds/render';
import { DEFAULT_LANG, LANGUAGE, LANGUAGES, languageFontCss } from '../src/languages';
import { cardPath } from '../src/urls';
import {
  ARCHIVE_SQL,
  archiveBound,
  CONTENT_GZIP_LIMIT,
  gzippedBytes,
  LOCAL_ARCHIVE_STAMP,
  loadLocalArchive,
  writeArchiveSql,
} from './archive';
import { FileArticleCache } from './compile-cache';
import { readContentDir } from './content-files';
import { loadLocalMedia, MEDIA_FILES, mediaBound, readStored, writeManifest } from './media';
import { progress } from './progress';
import { wranglerEnvironments, wranglerVars } from './wrangler-envs';

// Set by the commands that built the content already (check, deploy, npm start's watcher) for the wrangler command
// they run next; wrangler.toml's [build] command tests it before starting Node at all.
if (process.env.CONTENT_BUILT === '1') process.exit(0);

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    report: { type: 'boolean', default: false },
    drafts: { type: 'boolean', default: process.env.INCLUDE_DRAFTS === '1' },
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'src/generated/content.ts' },
    assets: { type: 'string', default: 'public' },
    cards: { type: 'boolean', default: process.env.CARDS !== '0' },
    fix: { type: 'boolean', default: false },
    // Warnings left out: the test fixture's are for nobody to act on.
    quiet: { type: 'boolean', default: false },
    // npm start: build again after every change under the content folder.
    watch: { type: 'boolean', default: false },
    // Reuse the articles an earlier build compiled when their files are the same (scripts/compile-cache.ts).
    cache: { type: 'boolean', default: process.env.CONTENT_CACHE !== '0' },
    // Default: see `archiveOn` below.
    archive: { type: 'boolean' },
    'archive-budget': { type: 'string', default: String(BUNDLED_BODY_BYTES) },
    'archive-sql': { type: 'string', default: ARCHIVE_SQL },
    'load-local': { type: 'boolean', default: process.env.CONTENT_ARCHIVE_LOCAL !== '0' },
    'article-cards': { type: 'string', default: String(ARTICLE_CARDS) },
    // Default: see `mediaOn` below.
    media: { type: 'boolean' },
  },
  allowNegative: true,
});

// The project's own files are found from here; content/, --out and wrangler.toml from the working directory.
const root = resolve(import.meta.dirname, '..');
const contentDir = resolve(values.content);
const prefix = `${relative(process.cwd(), contentDir) || '.'}/`;
const articleCache = values.cache ? FileArticleCache.open(contentDir, root) : undefined;
// CONTENT_ARCHIVE=1|0 decides for programs that build a copy of the project (the benchmarks). Otherwise only the
// project's own content/ goes to the archive: the rows file and the local D1 are its own (a build of the test fixture
// there would replace them, and a deploy would then delete the real bodies from D1).
const archiveOn =
  values.archive ??
  (process.env.CONTENT_ARCHIVE ? process.env.CONTENT_ARCHIVE === '1' : archiveBound() && contentDir === resolve('content'));
// Pictures in R2 (wrangler.toml binds MEDIA; CONTENT_MEDIA=1|0 decides for copies of the project), for the project's
// own content/ only, as the archive: processed into dist/media/ and kept out of the [assets] folder.
const mediaOn =
  values.media ?? (process.env.CONTENT_MEDIA ? process.env.CONTENT_MEDIA === '1' : mediaBound() && contentDir === resolve('content'));
/** A wrangler var the build cannot render the feeds with. */
class VarProblem extends Error {}

/**
 * One build of the content (or, with --check, its report): false, the problems printed, when it has problems.
 */
async function build(): Promise<boolean> {
  const started = performance.now();
  const sources = readContentDir(contentDir);
  const photos = await preparePhotos(sources.map((f) => f.path));
  const previewAt = previewInstant();
  const cache = articleCache?.begin();
  const result = compileContent(sources, prefix, {
    includeDrafts: values.drafts && previewAt === undefined,
    photos: photos.index,
    ...(cache ? { cache } : {}),
  });
  cache?.save();
  if (result.content && previewAt !== undefined) result.content.previewAt = previewAt;
  if (result.content) {
    const releases = mediaReleases(result.content, previewAt ?? Date.now());
    if (Object.keys(releases).length > 0) result.content.mediaReleases = releases;
  }
  // Warnings come after the outcome: a bad var or a bad article still fails in its own words first.
  const warn = () => {
    if (values.quiet && result.problems.length === 0) return;
    for (const w of result.warnings) console.warn(`! ${formatProblem(w)}`);
  };

  if (result.problems.length > 0 || !result.content) {
    const n = result.problems.length;
    console.error(`✗ ${n} problem${n === 1 ? '' : 's'} in ${prefix} — nothing was built:\n`);
    for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
    warn();
    return false;
  }

  const content = result.content;
  if (values.check) {
    console.log(report(content, result.skippedDrafts));
    console.log(await bundleReport(content));
    warn();
  } else {
    const out = resolve(values.out);
    // The vars first: a bad one stops the build in one line before anything is written.
    let feeds: string;
    try {
      feeds = await prerenderedModule(content);
    } catch (error) {
      if (!(error instanceof VarProblem)) throw error;
      console.error(`✗ ${error.message}`);
      return false;
    }
    const cards = values.cards ? await drawCards(content, resolve(values.assets, 'cards')) : undefined;
    const icons = await drawIcons(resolve(values.assets));
    mkdirSync(dirname(out), { recursive: true });
    const archive = archiveOn ? await writeArchive(content) : undefined;
    const index = indexContent(archive?.content ?? content);
    writeIfChanged(out, generatedModule(JSON.stringify(index), out));
    // The Worker reads the same index as a text module: V8 parses no 10 MB script for it (docs/archive.md).
    writeIfChanged(resolve(dirname(out), 'content.txt'), serialiseIndex(index));
    writeIfChanged(resolve(dirname(out), 'worker-content.ts'), workerContentModule(out));
    // The widget is code, not content: it always goes beside the Worker's sources.
    writeIfChanged(resolve(root, 'src/generated/embed.ts'), embedModule());
    writeIfChanged(resolve(dirname(out), 'feeds.ts'), feeds);
    const ms = Math.round(performance.now() - started);
    const counts = LANGS.map((l) => `${content.articles[l].length} ${l}`).join(', ');
    if (values.report) console.log(report(content, result.skippedDrafts));
    if (photos.summary) console.log(photos.summary);
    if (mediaOn) console.log(`✓ pictures in R2: ${await syncMedia(photos.index)}`);
    if (cards) console.log(cards);
    if (archive) console.log(archive.summary);
    if (icons > 0) console.log(`✓ icons: ${icons} file(s) drawn -> ${relative(process.cwd(), resolve(values.assets))}/icons/, favicon.ico`);
    const reused = cache && cache.hits > 0 ? `, ${cache.misses} compiled and ${cache.hits} unchanged` : '';
    console.log(
      `✓ content compiled (${counts}${values.drafts ? ', drafts included' : ''}${reused}) -> ${relative(process.cwd(), out)} in ${ms} ms`,
    );
    warn();
  }
  return true;
}

if (values.fix) fixPunctuation();
if (values.watch) await watchContent();
else if (!(await build())) process.exit(1);

/**
 * --watch (npm start): builds, then again after every change under the content folder, in this process (its modules
 * loaded once: a rebuild takes a fraction of a second), telling the parent process after each build.
 */
async function watchContent(): Promise<void> {
  const tell = (ok: boolean) => process.send?.({ built: ok });
  tell(await build());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        const ok = await build().catch((error: unknown) => {
          console.error(`✗ ${(error as Error).message}`);
          return false;
        });
        if (!ok) console.error('\n  (npm start keeps showing the last good build; fix the file and save, and it reloads)');
        tell(ok);
      } while (again);
    })();
    await running;
    running = undefined;
  };
  watch(contentDir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 50);
  });
}

/** PREVIEW_AT (set by `npm start -- --at`): the instant a local build shows the site at, as an ISO time. */
function previewInstant(): number | undefined {
  const at = process.env.PREVIEW_AT;
  if (!at) return undefined;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) {
    console.error(`✗ PREVIEW_AT = ${JSON.stringify(at)} is not a time; npm start -- --at "2026-12-08 09:00" sets it`);
    process.exit(2);
  }
  return ms;
}

/**
 * Archive mode: the index and the newest bodies stay in the bundle, the older bodies become rows in a SQL file for
 * D1 (and the local D1 of `npm start`, when they changed).
 */
async function writeArchive(content: CompiledContent): Promise<{ content: CompiledContent; summary: string }> {
  const split = await splitArchive(content, Number(values['archive-budget']));
  const file = resolve(values['archive-sql']);
  const hash = writeArchiveSql(split.rows, file);
  // Also when no row is left but some were loaded before: those must leave the local D1 too.
  const local = values['load-local'] && (split.rows.length > 0 || existsSync(LOCAL_ARCHIVE_STAMP));
  const loaded = local ? `; ${loadLocalArchive(file, hash)}` : '';
  const kept = LANGS.reduce((n, l) => n + split.content.articles[l].filter((a) => !a.archived).length, 0);
  const all = LANGS.reduce((n, l) => n + content.articles[l].length, 0);
  return {
    content: split.content,
    summary: `✓ archive: ${kept} of ${all} bodies in the bundle, ${split.rows.length} in ${relative(process.cwd(), file)}${loaded}`,
  };
}

/** How much of the Worker's 3 MiB (gzipped, Free plan) the content takes, and whether it is time for the archive. */
async function bundleReport(content: CompiledContent): Promise<string> {
  const bundled = archiveOn ? (await splitArchive(content, Number(values['archive-budget']))).content : content;
  // What the Worker carries: the text module (content.txt) and the main feeds rendered at build time.
  const bytes = gzippedBytes(serialiseIndex(indexContent(bundled)));
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MiB`;
  const line = `  bundled content: ${mib(bytes)} gzipped of the ${mib(CONTENT_GZIP_LIMIT)} it may take${archiveOn ? ' (archive on)' : ''}`;
  if (bytes <= CONTENT_GZIP_LIMIT) return line;
  return archiveOn
    ? `${line}\n! even the index of every article outgrows the Free plan's 3 MiB: deploy on Workers Paid (10 MiB; docs/archive.md)`
    : `${line}\n! the archive has outgrown the bundle: add the ARCHIVE binding to wrangler.toml (docs/archive.md says how; one block)`;
}

/** --fix: half-width punctuation in the Chinese articles made full-width, each changed line shown. */
function fixPunctuation() {
  let changed = 0;
  for (const { path } of readContentDir(contentDir)) {
    const lang = /^articles\/.*\/([a-z-]+)\.md$/.exec(path)?.[1];
    if (!lang || !LANGUAGES.some((l) => l.code === lang && l.cjk)) continue;
    const file = join(contentDir, path);
    const { text, changes } = fixChineseMarkdown(readFileSync(file, 'utf8'));
    if (changes.length === 0) continue;
    writeFileSync(file, text);
    for (const c of changes) {
      console.log(`  fixed ${prefix}${path}:${c.line}\n    - ${c.before.trim()}\n    + ${c.after.trim()}`);
      changed++;
    }
  }
  console.log(changed ? `✓ punctuation: ${changed} line(s) fixed` : '✓ punctuation: nothing to fix');
}

/**
 * Processes the pictures beside the articles into <assets>/media/, or with R2 into dist/media/ (only new or changed
 * ones: their names hold the hash of their bytes; with MEDIA_STORED, none R2 holds already), with a count on one
 * line per picture processed.
 */
async function preparePhotos(paths: string[]): Promise<{ index: PhotoIndex; summary?: string }> {
  const t = performance.now();
  const shown = progress('pictures');
  const assetMedia = resolve(values.assets, 'media');
  // With R2 the [assets] folder holds no picture: the Worker serves them all from the bucket.
  if (mediaOn) rmSync(assetMedia, { recursive: true, force: true });
  const stored: ReadonlyMap<string, Photo> | undefined = process.env.MEDIA_STORED ? readStored(process.env.MEDIA_STORED) : undefined;
  const shelf: PhotoShelf = {
    outDir: mediaOn ? resolve(MEDIA_FILES) : assetMedia,
    tally: { encoded: 0, stored: 0 },
    ...(stored ? { stored } : {}),
  };
  const index = await processPhotos(contentDir, paths, shelf, (done, total, path) => {
    if (total > 0 && path) shown.item(done + 1, total, path);
  });
  shown.end();
  if (index.size === 0) return { index };
  const files = [...index.values()].reduce((n, p) => n + ('variants' in p ? p.variants.length * 2 : 0), 0);
  const ms = Math.round(performance.now() - t);
  const fromR2 = shelf.tally?.stored ? `, ${shelf.tally.stored} described from R2` : '';
  return {
    index,
    summary: `✓ pictures: ${index.size} beside the articles (${shelf.tally?.encoded ?? 0} processed now${fromR2}) -> ${files} files in ${relative(process.cwd(), shelf.outDir)}/ in ${ms} ms`,
  };
}

/** R2 mode: the build's pictures listed for a deploy (dist/media.json), and the local bucket `npm start` reads brought to them. */
async function syncMedia(index: PhotoIndex): Promise<string> {
  const objects = mediaObjects(index);
  const hash = writeManifest(objects);
  if (!values['load-local']) return `${objects.length} files listed for the deploy`;
  return `${objects.length} files; ${await loadLocalMedia(objects, hash)}`;
}

/**
 * The content as the Worker imports it: the index of content.ts as a text module (wrangler bundles `*.txt` as Text),
 * in serialiseIndex's form. A JavaScript module holding it as a string literal costs V8 a parse of the whole literal
 * at start-up (at 10,000 articles 340 ms of 600, measured in Node); parseIndex reads a line of JSON and slices the rest.
 */
function workerContentModule(out: string): string {
  const columns = relative(dirname(out), resolve(root, 'src/content/columns')).split('\\').join('/');
  return [
    '// Generated by scripts/build-content.ts from content/. Do not edit; run `npm run build`.',
    `import { type ContentIndex, parseIndex } from '${columns.startsWith('.') ? columns : `./${columns}`}';`,
    "import text from './content.txt';",
    '',
    'export const index: ContentIndex = parseIndex(text);',
    '',
  ].join('\n');
}

/**
 * A string literal of `text` in ASCII only: V8 keeps a script's source, and one Chinese character makes all of it a
 * two-byte string (twice the memory); \u escapes keep it one byte per character. JSON.parse still makes each
 * article's strings as compact as their own characters allow.
 */
function asciiLiteral(text: string): string {
  return JSON.stringify(text).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The content for Node programs and the tests: the index (its JSON) as a module, every article made again. */
function generatedModule(index: string, out: string): string {
  const from = (file: string) => {
    const path = relative(dirname(out), resolve(root, file)).split('\\').join('/');
    return path.startsWith('.') ? path : `./${path}`;
  };
  // JSON.parse of a string literal starts faster in V8 than an equivalent object literal.
  return [
    '// Generated by scripts/build-content.ts from content/. Do not edit; run `npm run build`.',
    `import { compiledContent } from '${from('src/content/columns')}';`,
    `import type { CompiledContent } from '${from('src/content/model')}';`,
    `export const content: CompiledContent = compiledContent(JSON.parse(${asciiLiteral(index)}));`,
    '',
  ].join('\n');
}

/**
 * The main feeds rendered now, for the vars of every wrangler.toml environment (each may set its own
 * FEED_ITEMS and WEBSUB_HUB), so that no environment renders them on its first request.
 */
async function prerenderedModule(content: CompiledContent): Promise<string> {
  // For what readers see now; once a scheduled article goes out, the Worker renders the new edition on first use.
  const library = Library.of(content).visibleAt(content.previewAt ?? Date.now());
  const feeds: Record<string, string[]> = {};
  for (const env of wranglerEnvironments()) {
    let config: Config;
    try {
      config = loadConfig(wranglerVars(env));
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      throw new VarProblem(`wrangler.toml ${env ? `[env.${env}.vars]` : '[vars]'}: ${error.message}`);
    }
    Object.assign(feeds, prerenderFeeds(library, config.feedItems, config.hub));
  }
  return [
    '// Generated by scripts/build-content.ts from content/ and wrangler.toml vars. Do not edit; run `npm run build`.',
    `export const PRERENDERED_FEEDS: Record<string, string[]> = JSON.parse(${asciiLiteral(JSON.stringify(feeds))});`,
    '',
  ].join('\n');
}

/**
 * Draws the social card of each language's newest ARTICLE_CARDS (--article-cards) articles without a lead image
 * into `dir` (only those not drawn before: the file name holds the hash of what the card shows), records its path on
 * the article (older ones: the site's card), and deletes cards no article uses.
 */
async function drawCards(content: CompiledContent, dir: string): Promise<string> {
  const articleCards = Number(values['article-cards']);
  const key = embargoKey(contentDir);
  const keep = new Set<string>();
  let drawn = 0;
  const started = performance.now();
  // Every card this build has (tag and site pages, and those of each language's newest articles without a picture).
  const total = LANGS.reduce(
    (n, l) => n + Object.keys(content.sites[l].tags).length + 1 + content.articles[l].slice(0, articleCards).filter((a) => !a.image).length,
    0,
  );
  const shown = progress('social cards');
  /** Draws the card for `text` unless it exists; returns its site path. */
  const draw = async (lang: Lang, name: string, text: CardText) => {
    const path = cardPath(lang, name, cardHash(text, key));
    const file = join(dir, ...path.split('/').slice(2));
    keep.add(file);
    if (existsSync(file)) return path;
    shown.item(keep.size, total, `${lang}/${name}`);
    const { png, dropped } = await renderCard(text);
    if (dropped.length > 0) console.warn(`! ${lang}/${name}: the social card leaves out ${dropped.join(' ')} (no glyph in its font)`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, png);
    drawn++;
    return path;
  };
  const siteCards: NonNullable<CompiledContent['siteCards']> = {};
  for (const lang of LANGS) {
    const site = content.sites[lang];
    // The site's own pages (home, indexes, partners, privacy) and each tag page get a card too ("_": no slug has one).
    const pageText = (title: string): CardText => ({
      lang,
      title,
      publisher: site.publisher,
      date: site.description,
      host: new URL(site.homePage).host,
    });
    const tags: Record<string, string> = {};
    for (const [tag, label] of Object.entries(site.tags))
      tags[tag] = await draw(lang, `_tag-${tag}`, pageText(`${label} · ${LANGUAGE[lang].ui.siteName}`));
    const siteCard = await draw(lang, '_site', pageText(site.title));
    siteCards[lang] = { site: siteCard, tags };
    // The newest articles get their own card; older ones (shared far less) the site's, so that a long archive stays
    // within the static files Cloudflare takes (20,000 on the Free plan).
    for (const [i, article] of content.articles[lang].entries()) {
      if (!article.image) article.card = i < articleCards ? await draw(lang, article.slug, cardText(article, site)) : siteCard;
    }
  }
  content.siteCards = siteCards;
  shown.end();
  if (existsSync(dir)) {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      const file = join(entry.parentPath, entry.name);
      if (entry.isFile() && entry.name.endsWith('.png') && !keep.has(file)) rmSync(file);
    }
  }
  const ms = Math.round(performance.now() - started);
  return `✓ social cards: ${keep.size} (${drawn} drawn now) -> ${relative(process.cwd(), dir)}/ in ${ms} ms`;
}

// Unchanged output keeps its mtime, so `wrangler dev` watching src/ does not rebuild in a loop.
function writeIfChanged(path: string, text: string): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

/** The browser scripts (partner widget, snippet generator), compiled and minified, as strings the Worker serves. */
function embedModule(): string {
  // The widget's texts come from src/languages/, as the pages' do.
  const widgetLanguages = Object.fromEntries(
    LANGUAGES.map((l) => [l.code, { heading: l.embed.heading, more: l.embed.more, tag: l.tag, dateLocale: l.dateLocale }]),
  );
  const define = {
    __WIDGET_LANGUAGES__: JSON.stringify(widgetLanguages),
    __DEFAULT_LANG__: JSON.stringify(DEFAULT_LANG),
    __LANGUAGE_FONTS__: JSON.stringify(languageFontCss('.box')),
  };
  const compile = (file: string) =>
    buildSync({ entryPoints: [resolve(root, file)], bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, define })
      .outputFiles[0]?.text ?? '';
  return [
    '// Generated by scripts/build-content.ts from src/embed/. Do not edit; run `npm run build`.',
    `export const EMBED_JS = ${JSON.stringify(compile('src/embed/widget.ts'))};`,
    `export const GENERATOR_JS = ${JSON.stringify(compile('src/embed/generator.ts'))};`,
    `export const FRAME_JS = ${JSON.stringify(compile('src/embed/frame.ts'))};`,
    `export const VIDEO_JS = ${JSON.stringify(compile('src/embed/video.ts'))};`,
    '',
  ].join('\n');
}

function report(content: CompiledContent, drafts: string[]): string {
  const lines = ['✓ content is valid'];
  for (const lang of LANGS) lines.push(`  ${lang}: ${content.articles[lang].length} article(s)`);
  for (const lang of LANGS) {
    for (const other of LANGS.filter((l) => l !== lang)) {
      const theirs = new Set(content.articles[other].map((a) => a.slug));
      const missing = content.articles[lang].filter((a) => !theirs.has(a.slug)).map((a) => a.slug);
      if (missing.length > 0) lines.push(`  only in ${lang} (no ${other} translation): ${missing.join(', ')}`);
    }
  }
  const used = new Map<string, number>();
  for (const a of LANGS.flatMap((l) => content.articles[l])) {
    for (const t of a.tags) used.set(t, (used.get(t) ?? 0) + 1);
  }
  lines.push(`  tags in use: ${[...used].map(([t, n]) => `${t} (${n})`).join(', ') || 'none'}`);
  const newest = LANGS.flatMap((l) => content.articles[l])
    .filter((a) => a.publishedMs <= Date.now())
    .sort((a, b) => b.publishedMs - a.publishedMs)[0];
  if (newest) lines.push(`  newest: ${newest.published} (${newest.lang}/${newest.slug})`);
  if (drafts.length > 0) lines.push(`  drafts (not built; npm start shows them): ${drafts.join(', ')}`);
  const now = Date.now();
  const scheduled = LANGS.flatMap((l) => content.articles[l])
    .filter((a) => a.publishedMs > now)
    .sort((a, b) => a.publishedMs - b.publishedMs || (a.slug < b.slug ? -1 : 1));
  if (scheduled.length > 0) {
    lines.push('  scheduled (they go out at that time without a deploy; npm start shows them now):');
    for (const a of scheduled) lines.push(`    ${beijingTime(a.publishedMs)}  ${a.lang}/${a.slug}  ${a.title}`);
  }
  return lines.join('\n');
}
