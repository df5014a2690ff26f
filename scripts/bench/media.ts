/**
 * npm run bench:media [-- --articles 200 --photos 3]: pictures in R2 against pictures as static files, over a copy of
 * the project with SYNTHETIC articles and SYNTHETIC photos (1200 × 800 JPEGs, every one's bytes its own). Measures,
 * each step a build of the copy as `npm run build` and `npm run deploy` run it:
 *   1. the first build with the MEDIA bucket on: every picture processed, the local R2 filled;
 *   2. the same content with pictures as static files (the files of step 1 reused: no processing), for comparison;
 *   3. a fresh clone (no processed file, no compile cache): R2 asked first, as a deploy does;
 *   4. one new article with its photos, R2 asked first: what a deploy processes and uploads.
 * Then the static files and R2 objects at 1,000 / 3,000 / 10,000 articles with 0, 1 and 3 photos each, extrapolated
 * from the per-picture figures measured here (said so in the output).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { ARTICLE_CARDS } from '../../src/build/card';
import { storedObjects, switchOnMedia, withMediaBucket, writeStored } from '../media';
import { progress } from '../progress';
import { staticFiles } from '../static-files';
import { projectWorkspace } from '../workspace';
import { writeSyntheticContent } from './synthetic';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '200' }, photos: { type: 'string', default: '3' } } });
const ARTICLES = Number(values.articles);
const PHOTOS = Number(values.photos);
const started = performance.now();

/** A SYNTHETIC photo: smooth random colour fields (as a photo compresses) with a seed of its own, 1200 × 800. */
async function syntheticPhoto(file: string, seed: number): Promise<void> {
  // 32-bit arithmetic throughout: with floats, large seeds lose their low bits and draw the same photo.
  let state = Math.imul(seed, 2654435761) >>> 0;
  const noise = Buffer.alloc(150 * 100 * 3, 0).map(() => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 24;
  });
  await sharp(noise, { raw: { width: 150, height: 100, channels: 3 } })
    .resize(1200, 800, { kernel: 'cubic' })
    .jpeg({ quality: 85 })
    .toFile(file);
}

/** Adds `PHOTOS` photos to an article's folder and its two texts. */
async function addPhotos(folder: string, seed: number): Promise<void> {
  const lines: string[] = [];
  for (let p = 1; p <= PHOTOS; p++) {
    await syntheticPhoto(join(folder, `photo-${p}.jpg`), seed * 10 + p);
    lines.push(`![A synthetic photo, number ${p}](photo-${p}.jpg)`);
  }
  for (const lang of ['zh', 'en'])
    writeFileSync(join(folder, `${lang}.md`), `${readFileSync(join(folder, `${lang}.md`), 'utf8')}\n${lines.join('\n\n')}\n`);
}

interface Step {
  title: string;
  processed: number;
  fromR2: number;
  cpuS: number;
  wallS: number;
  staticFiles: number;
  cards: number;
  r2Files: number;
  r2Bytes: number;
  uploaded: number;
  /** The build's own lines (what each part took). */
  log: string[];
}

/** One build of the copy (as `npm run build`), with its CPU (the process and its children) and what it reported. */
function build(dir: string, title: string, env: Record<string, string>): Step {
  const t = performance.now();
  const run = spawnSync('bash', ['-c', 'node --import tsx scripts/build-content.ts && times'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, CONTENT_ARCHIVE: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${title}: the build failed:\n${run.stdout}\n${run.stderr}`);
  // `times` prints the shell's own times, then its children's: "0m1.234s 0m0.567s".
  const children = run.stdout.trim().split('\n').at(-1) ?? '';
  const cpuS = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  const pictures = /\((\d+) processed now(?:, (\d+) described from R2)?\)/.exec(run.stdout);
  const uploaded = /local R2 \([^)]*\): (\d+) uploaded/.exec(run.stdout);
  const media = join(dir, 'dist/media');
  const files = existsSync(media) ? readdirSync(media, { withFileTypes: true }).filter((e) => e.isFile()) : [];
  return {
    title,
    processed: Number(pictures?.[1] ?? 0),
    fromR2: Number(pictures?.[2] ?? 0),
    cpuS,
    wallS: (performance.now() - t) / 1000,
    staticFiles: staticFiles(join(dir, 'public')).count,
    cards: staticFiles(join(dir, 'public')).cards,
    r2Files: files.length,
    r2Bytes: files.reduce((n, e) => n + statSync(join(media, e.name)).size, 0),
    uploaded: Number(uploaded?.[1] ?? 0),
    log: run.stdout.split('\n').filter((l) => l.startsWith('✓')),
  };
}

/** What the local R2 of the copy holds, written where a build reads it (MEDIA_STORED), as a deploy does. */
async function askR2(dir: string): Promise<{ file: string; objects: number }> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const objects = await withMediaBucket('', {}, (open) => storedObjects(open.bucket));
    writeStored(objects, 'dist/media-stored.json');
    return { file: join(dir, 'dist/media-stored.json'), objects: objects.length };
  } finally {
    process.chdir(cwd);
  }
}

const root = mkdtempSync(join(tmpdir(), 'hit-bench-media-'));
const dir = projectWorkspace(join(root, 'project'), (content) => writeSyntheticContent(content, ARTICLES));
writeFileSync(join(dir, 'wrangler.toml'), switchOnMedia(readFileSync(join(dir, 'wrangler.toml'), 'utf8')));
const folders = readdirSync(join(dir, 'content/articles'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name.startsWith('synthetic-'))
  .map((e) => join(e.parentPath, e.name));
console.log(`SYNTHETIC content: ${ARTICLES} bilingual articles × ${PHOTOS} photos (1200 × 800 JPEG) in ${dir}`);
const drawing = progress('drawing synthetic photos');
for (const [i, folder] of folders.entries()) {
  await addPhotos(folder, i + 1);
  drawing.item(i + 1, folders.length);
}
drawing.end();
const sources = folders.length * PHOTOS;
const sourceBytes = folders.flatMap((f) =>
  readdirSync(f)
    .filter((n) => n.endsWith('.jpg'))
    .map((n) => statSync(join(f, n)).size),
);
console.log(`  ${sources} photos, ${(sourceBytes.reduce((a, b) => a + b, 0) / sources / 1024).toFixed(0)} KiB each on average`);

const steps: Step[] = [];
const say = (s: Step) => {
  steps.push(s);
  console.log(
    `✓ ${s.title}: ${s.processed} processed, ${s.fromR2} from R2, ${s.cpuS.toFixed(1)} s CPU, ${s.wallS.toFixed(1)} s; ${s.staticFiles} static files; ${s.uploaded} uploaded to the local R2`,
  );
};
say(build(dir, '1. first build, pictures in R2', {}));
const perPicture = { files: steps[0]?.r2Files ?? 0, bytes: steps[0]?.r2Bytes ?? 0 };

// 2. The same pictures as static files: the processed files copied where the static build looks (none processed again).
mkdirSync(join(dir, 'public/media'), { recursive: true });
for (const f of readdirSync(join(dir, 'dist/media'))) writeFileSync(join(dir, 'public/media', f), readFileSync(join(dir, 'dist/media', f)));
const asStatic = build(dir, '2. the same, pictures as static files', { CONTENT_MEDIA: '0' });
say({ ...asStatic, r2Files: 0, r2Bytes: 0 });
rmSync(join(dir, 'public/media'), { recursive: true, force: true });

// 3. A fresh clone: nothing processed here, the compile cache empty; R2 asked first.
rmSync(join(dir, 'dist'), { recursive: true, force: true });
let stored = await askR2(dir);
say(build(dir, `3. fresh clone, R2 asked first (${stored.objects} files there)`, { MEDIA_STORED: stored.file }));

// 4. One new article with its photos, as a deploy builds it.
const newFolder = join(dir, 'content/articles/2025/synthetic-new');
mkdirSync(newFolder, { recursive: true });
const template = folders[0] as string;
for (const lang of ['zh', 'en']) {
  const text = readFileSync(join(template, `${lang}.md`), 'utf8').split('\n![')[0] ?? '';
  writeFileSync(join(newFolder, `${lang}.md`), text.replace(/^published: .*$/m, 'published: 2025-07-01T09:30:00+08:00'));
}
await addPhotos(newFolder, 999_999);
stored = await askR2(dir);
say(build(dir, '4. one new article with its photos, R2 asked first', { MEDIA_STORED: stored.file }));
// Where step 4's time goes, in the build's own words.
for (const line of steps[3]?.log ?? []) console.log(`    ${line}`);

const first = steps[0] as Step;
const staticStep = steps[1] as Step;
// Static files besides pictures: a card per article without a lead image (the newest ARTICLE_CARDS per language),
// the site's and tags' cards, icons, _headers. At n articles: those measured, with article cards up to the cap.
const withoutLead = folders.filter((f) => !/^image:/m.test(readFileSync(join(f, 'en.md'), 'utf8'))).length;
const fixedStatic = first.staticFiles - 2 * withoutLead;
const otherStaticAt = (n: number) => fixedStatic + 2 * Math.min(Math.round((n * withoutLead) / folders.length), ARTICLE_CARDS);
const otherStatic = first.staticFiles;
const filesPerPicture = perPicture.files / sources;
const bytesPerPicture = perPicture.bytes / sources;
console.log('\n| step | pictures processed | described from R2 | build CPU | wall | static files | uploaded to R2 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const s of steps) {
  console.log(
    `| ${s.title} | ${s.processed} | ${s.fromR2} | ${s.cpuS.toFixed(1)} s | ${s.wallS.toFixed(1)} s | ${s.staticFiles.toLocaleString('en')} | ${s.uploaded} |`,
  );
}
// Step 3 builds the same content and processes nothing: the rest of step 1's CPU is the pictures'.
const fresh = steps[2] as Step;
console.log(
  `\nbuild CPU per picture processed: ${((first.cpuS - fresh.cpuS) / Math.max(first.processed, 1)).toFixed(2)} s (step 1 less step 3)`,
);
console.log(
  `\nper picture: ${filesPerPicture.toFixed(1)} files, ${(bytesPerPicture / 1024).toFixed(0)} KiB processed; static files besides pictures: ${otherStatic} (${first.cards} cards; pictures as static files: ${staticStep.staticFiles})`,
);
console.log(
  `\nExtrapolated from the per-picture figures above (not built at these sizes; article cards at ${withoutLead} of ${folders.length} articles, at most ${ARTICLE_CARDS.toLocaleString('en')} per language):`,
);
console.log('| articles × photos | static files, pictures static | static files, pictures in R2 | R2 objects | R2 bytes |');
console.log('| --- | --- | --- | --- | --- |');
for (const n of [1_000, 3_000, 10_000]) {
  for (const p of [0, 1, 3]) {
    const pictures = n * p;
    console.log(
      `| ${n.toLocaleString('en')} × ${p} | ${Math.round(otherStaticAt(n) + pictures * filesPerPicture).toLocaleString('en')} | ${otherStaticAt(n).toLocaleString('en')} | ${Math.round(pictures * filesPerPicture).toLocaleString('en')} | ${((pictures * bytesPerPicture) / 1024 ** 3).toFixed(2)} GiB |`,
    );
  }
}
rmSync(root, { recursive: true, force: true });
console.log(`\n✓ bench:media done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
