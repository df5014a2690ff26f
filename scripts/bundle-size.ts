/**
 * npm run bundle [-- --env staging|production] [--outdir dist]: builds the deployable Worker
 * (wrangler deploy --dry-run) and reports its size against Cloudflare's limits. Exits 1 when it
 * would not deploy on the Workers Paid plan.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { dryRunBundle } from './dry-run';
import { staticFiles, staticFilesVerdict } from './static-files';
import { deployableEnvironments } from './wrangler-envs';

let values: { env?: string; outdir: string };
try {
  values = parseArgs({ options: { env: { type: 'string' }, outdir: { type: 'string', default: 'dist' } }, strict: true })
    .values as typeof values;
} catch (error) {
  console.error(`✗ ${(error as Error).message.split('\n')[0]}; usage: npm run bundle [-- --env <environment>] [--outdir dist]`);
  process.exit(2);
}
if (values.env !== undefined && !deployableEnvironments().includes(values.env)) {
  console.error(`✗ no environment "${values.env}" in wrangler.toml; the environments are: ${deployableEnvironments().join(', ')}`);
  process.exit(2);
}
const outdir = values.outdir;
const MiB = 1024 * 1024;
// https://developers.cloudflare.com/workers/platform/limits/#worker-size (compressed size)
const LIMITS = { free: 3 * MiB, paid: 10 * MiB };

rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
try {
  dryRunBundle(outdir, { metafile: join(outdir, 'meta.json'), ...(values.env ? { env: values.env } : {}) });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);

// Build-time code never ships: the Worker's import graph must not reach the content compiler or its libraries, nor
// xml-js, which wrangler.toml's alias replaces with src/feeds/compact-xml.ts (the same bytes, faster).
const BUILD_ONLY =
  /node_modules\/(marked|yaml|sanitize-html|htmlparser2|esbuild|satori|sharp|@img|pinyin-pro|@fontsource|@mozilla|linkedom|xml-js|sax)\/|(^|\/)src\/build\/|(^|\/)scripts\//;
const meta = JSON.parse(readFileSync(join(outdir, 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
const leaked = Object.keys(meta.inputs).filter((input) => BUILD_ONLY.test(input));
if (leaked.length > 0) {
  console.error(`✗ build-time code in the Worker bundle (something under src/ imports it, or an alias is gone):\n  ${leaked.join('\n  ')}`);
  process.exit(1);
}
// The code and its text modules (the content): what Cloudflare counts against the size limit.
const files = readdirSync(outdir).filter((f) => f.endsWith('.js') || f.endsWith('.txt'));
const bytes = Buffer.concat(files.map((f) => readFileSync(join(outdir, f))));
const gzipped = gzipSync(bytes, { level: 9 }).byteLength;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle${values.env ? ` for ${values.env}` : ''} (${files.join(', ')}), built in ${seconds} s:`);
console.log(`  raw      ${kib(bytes.byteLength)}`);
console.log(
  `  gzipped  ${kib(gzipped)}  = ${((gzipped / LIMITS.free) * 100).toFixed(1)}% of the Free plan's 3 MiB, ${((gzipped / LIMITS.paid) * 100).toFixed(1)}% of Paid's 10 MiB`,
);
if (gzipped > LIMITS.paid) {
  console.error('✗ over the Workers Paid size limit: switch the archive on (docs/archive.md)');
  process.exit(1);
}
if (gzipped > LIMITS.free) console.warn('! over the Free plan limit: switch the archive on (docs/archive.md), or deploy on Workers Paid');

// Static assets (public/: social cards, processed pictures, _headers) uploaded beside the Worker.
const verdict = staticFilesVerdict(staticFiles());
console.log(verdict.line.replace(/^static files/, 'Static files (public/, uploaded beside the Worker)'));
if (verdict.refuse) {
  console.error(`✗ ${verdict.refuse}`);
  process.exit(1);
}
if (verdict.warn) console.warn(`! ${verdict.warn}`);
