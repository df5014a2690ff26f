/**
 * Pictures beside an article: processed with sharp (upright, no metadata, resized, WebP + JPEG/PNG), written into pages
 * and feeds, and every mistake named with file and line. The pictures are SYNTHETIC, drawn here.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { compileContent, formatProblem, type SourceFile } from '../../src/build/compile';
import { type PhotoIndex, processPhotos } from '../../src/build/photos';
import { Library } from '../../src/content/library';
import { testEnv } from '../support/env';
import { articleSource, siteSources } from '../support/fixtures';

const DIR = 'articles/2025/visit';
let work: string;
let media: string;

/** A synthetic photo: a red field with a blue top-left quarter, EXIF (a camera, a GPS position) and an orientation. */
async function photo(name: string, width: number, height: number, options: { orientation?: number; png?: boolean } = {}) {
  const quarter = Buffer.from(
    `<svg width="${width}" height="${height}"><rect width="${width / 2}" height="${height / 2}" fill="#00f"/></svg>`,
  );
  let image = sharp({ create: { width, height, channels: 3, background: '#c81e1e' } }).composite([{ input: quarter }]);
  image = image.withExif({ IFD0: { Make: 'SYNTHETIC-CAMERA' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1' } });
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  const path = join(work, DIR, name);
  await (options.png ? image.png() : image.jpeg()).toFile(path);
  return path;
}

async function build(files: SourceFile[], now = Date.parse('2025-06-01T00:00:00Z')) {
  const photos: PhotoIndex = await processPhotos(
    work,
    files.map((f) => f.path),
    media,
  );
  return compileContent([...siteSources(), ...files], 'content/', { now, photos });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hit-photos-'));
  media = join(work, 'public/media');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(work, DIR), { recursive: true });
  await photo('lead.jpg', 2400, 1600, { orientation: 6 });
  await photo('small.jpg', 700, 500);
  await photo('chart.png', 1200, 800, { png: true });
  writeFileSync(join(work, DIR, 'iphone.heic'), Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64)]));
  writeFileSync(join(work, DIR, 'scan.jpg'), Buffer.alloc(41 * 1024 * 1024));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const LEAD = '{ src: lead.jpg, alt: Synthetic red and blue picture }';
const pictures = (...names: string[]) => names.map((n) => ({ path: `${DIR}/${n}` }));

describe('a picture beside the article', () => {
  it('is turned upright, stripped of EXIF and GPS, resized to 480/960/1600 px and never upscaled', async () => {
    const result = await build([
      articleSource('visit', 'en', { image: LEAD }, 'Text.\n\n![A small one](small.jpg)'),
      ...pictures('lead.jpg', 'small.jpg'),
    ]);
    expect(result.problems).toEqual([]);
    const files = readdirSync(media).sort();
    const widths = (hash: string) =>
      files.filter((f) => f.startsWith(hash) && f.endsWith('.jpg')).map((f) => Number(/-(\d+)\./.exec(f)?.[1]));
    const lead = result.content?.articles.en[0]?.image;
    const leadHash = /\/media\/([0-9a-f]{16})-/.exec(lead?.src ?? '')?.[1] ?? '';
    expect(widths(leadHash).sort((a, b) => a - b)).toEqual([480, 960, 1600]);
    const smallHash = files.find((f) => f.endsWith('-700.jpg'))?.slice(0, 16) ?? '';
    expect(widths(smallHash).sort((a, b) => a - b)).toEqual([480, 700]);
    for (const file of files) {
      const meta = await sharp(join(media, file)).metadata();
      expect(meta.exif, file).toBeUndefined();
      expect(meta.xmp, file).toBeUndefined();
      expect(meta.orientation ?? 1, file).toBe(1);
    }
    // Orientation 6: stored 2400 × 1600 landscape, shown 1600 × 2400 portrait, the blue quarter now top right.
    const upright = sharp(join(media, `${leadHash}-960.jpg`));
    expect(await upright.metadata()).toMatchObject({ width: 960, height: 1440 });
    const { data } = await upright.extract({ left: 900, top: 10, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[2]).toBeGreaterThan(200);
    expect(lead).toMatchObject({ width: 960, height: 1440, type: 'image/jpeg', length: statSync(join(media, `${leadHash}-960.jpg`)).size });
  });

  it('is written into the page with srcset, sizes, width, height, WebP and lazy loading below the fold', async () => {
    const result = await build([
      articleSource('visit', 'en', { image: LEAD }, 'Text.\n\n![A small one](small.jpg)'),
      ...pictures('lead.jpg', 'small.jpg'),
    ]);
    const html = result.content?.articles.en[0]?.html ?? '';
    const [lead, body] = html.split('<p>Text.</p>');
    expect(lead).toMatch(
      /<picture><source type="image\/webp" srcset="\/media\/\w+-480\.webp 480w, \/media\/\w+-960\.webp 960w, \/media\/\w+-1600\.webp 1600w" sizes="[^"]+">/,
    );
    expect(lead).toContain('width="960" height="1440"');
    expect(lead).not.toContain('loading="lazy"');
    expect(body).toMatch(
      /<img src="\/media\/\w+-700\.jpg" srcset="[^"]+ 480w, [^"]+ 700w" sizes="[^"]+" width="700" height="500" alt="A small one" loading="lazy" decoding="async" \/>/,
    );
  });

  it('reads as a gallery when several pictures stand together in one paragraph', async () => {
    const result = await build([
      articleSource('visit', 'en', {}, '![One](small.jpg)\n![Two](chart.png)\n\nAfter.'),
      ...pictures('small.jpg', 'chart.png'),
    ]);
    const html = result.content?.articles.en[0]?.html ?? '';
    expect(html).toMatch(/^<p class="gallery"><picture>.*alt="One".*<picture>.*alt="Two".*<\/p>\n<p>After\.<\/p>$/s);
  });

  it('keeps a graphic (PNG) a PNG for feeds, with WebP for pages', async () => {
    const result = await build([articleSource('visit', 'en', { image: '{ src: chart.png, alt: A chart }' }), ...pictures('chart.png')]);
    expect(result.content?.articles.en[0]?.image).toMatchObject({ type: 'image/png', width: 960, height: 640 });
  });

  it('reaches every feed with absolute URLs on the site origin, the enclosure with its real length and type', async () => {
    const result = await build([
      articleSource('visit', 'en', { image: LEAD }, 'Text.\n\n![A small one](small.jpg)'),
      ...pictures('lead.jpg', 'small.jpg'),
    ]);
    const content = result.content;
    if (!content) throw new Error(result.problems.map(formatProblem).join('\n'));
    const image = content.articles.en[0]?.image;
    const app = createApp(Library.of(content));
    const env = testEnv({ SITE_URL: 'https://news.example.edu', FEED_ITEMS: '20', WEBSUB_HUB: '' });
    const get = async (path: string) => (await app.fetch(new Request(`http://x.test${path}`), env)).text();
    const json = JSON.parse(await get('/en/feed.json')) as { items: { image: string; content_html: string }[] };
    expect(json.items[0]?.image).toBe(`https://news.example.edu${image?.src}`);
    expect(json.items[0]?.content_html).toMatch(
      /^<figure><img src="https:\/\/news\.example\.edu\/media\/\w+-960\.jpg" width="960" height="1440" alt="Synthetic red and blue picture"><\/figure>/,
    );
    expect(json.items[0]?.content_html).toMatch(
      /<img src="https:\/\/news\.example\.edu\/media\/\w+-700\.jpg" width="700" height="500" alt="A small one" \/>/,
    );
    expect(json.items[0]?.content_html).not.toMatch(/src="\/|srcset|webp/);
    const atom = await get('/en/atom.xml');
    expect(atom).toContain(
      `rel="enclosure" type="image/jpeg" href="https://news.example.edu${image?.src}" title="Synthetic red and blue picture" length="${image?.length}"`,
    );
    const rss = await get('/en/rss.xml');
    expect(rss).toContain(
      `url="https://news.example.edu${image?.src}" medium="image" type="image/jpeg" fileSize="${image?.length}" width="960" height="1440"`,
    );
    // And as an enclosure, with its bytes, for readers that show only those.
    expect(rss).toContain(`<enclosure length="${image?.length}" type="image/jpeg" url="https://news.example.edu${image?.src}"/>`);
    const page = await get('/en/articles/visit');
    expect(page).toContain(`<meta property="og:image" content="https://news.example.edu${image?.share?.src}"/>`);
  });

  it('is processed once: a second build writes no file', async () => {
    const files = [articleSource('visit', 'en', { image: LEAD }), ...pictures('lead.jpg')];
    await build(files);
    const before = readdirSync(media).map((f) => [f, statSync(join(media, f)).mtimeMs]);
    await build(files);
    expect(readdirSync(media).map((f) => [f, statSync(join(media, f)).mtimeMs])).toEqual(before);
  });
});

describe('picture mistakes, named with file, line and the fix', () => {
  it('a HEIC photo says how to convert it', async () => {
    const result = await build([articleSource('visit', 'en', {}, 'Text.\n\n![Phone photo](iphone.heic)'), ...pictures('iphone.heic')]);
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/articles\/2025\/visit\/en\.md:11 {2}body: image "iphone\.heic" is a HEIC photo .*convert it to JPEG/,
      ),
    ]);
  });

  it('a picture over the size limit says the limit', async () => {
    const result = await build([articleSource('visit', 'en', { image: '{ src: scan.jpg, alt: A scan }' }), ...pictures('scan.jpg')]);
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md:7  image: "scan.jpg" is 41.0 MB; at most 40.0 MB per picture: export it smaller (2,000–4,000 px wide is plenty)',
    ]);
  });

  it('a truncated picture is named with the fix, never a stack trace, and stops nothing while no article uses it', async () => {
    const whole = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#357' } })
      .jpeg()
      .toBuffer();
    writeFileSync(join(work, DIR, 'cut.jpg'), whole.subarray(0, Math.floor(whole.length / 2)));
    const unused = await build([articleSource('visit', 'en'), ...pictures('cut.jpg')]);
    expect(unused.problems).toEqual([]);
    const used = await build([articleSource('visit', 'en', { image: '{ src: cut.jpg, alt: A cut picture }' }), ...pictures('cut.jpg')]);
    expect(used.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/articles\/2025\/visit\/en\.md:7 {2}image: "cut\.jpg" cannot be read.*; save it again as JPEG or PNG$/,
      ),
    ]);
  });

  it('a picture wider or taller than 20,000 px is refused, however few its pixels', async () => {
    for (const [name, width, height] of [
      ['strip.png', 20_001, 1],
      ['mast.png', 1, 20_001],
    ] as const) {
      await sharp({ create: { width, height, channels: 3, background: '#000' } })
        .png()
        .toFile(join(work, DIR, name));
      const result = await build([articleSource('visit', 'en', { image: `{ src: ${name}, alt: A strip }` }), ...pictures(name)]);
      expect(result.problems.map(formatProblem)).toEqual([
        `content/articles/2025/visit/en.md:7  image: "${name}" is ${width} × ${height} px; at most 20,000 px a side: crop or export it smaller (2,000–4,000 px wide is plenty)`,
      ]);
    }
  });

  it('a picture without its description is refused, in the body and as the lead image', async () => {
    const body = await build([articleSource('visit', 'en', {}, 'Text.\n\n![](small.jpg)'), ...pictures('small.jpg')]);
    expect(body.problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md:11  body: image "small.jpg" has no description; write it between the brackets: ![what the picture shows](small.jpg)',
    ]);
    const lead = await build([articleSource('visit', 'en', { image: '{ src: small.jpg }' }), ...pictures('small.jpg')]);
    expect(lead.problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md:7  image.alt: is required; expected a short description of the picture for readers who cannot see it',
    ]);
  });

  it('a lead image that is not there names the pictures that are', async () => {
    const result = await build([articleSource('visit', 'en', { image: '{ src: missing.jpg, alt: Gone }' }), ...pictures('small.jpg')]);
    expect(result.problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md:7  image: "missing.jpg" is not beside the article (in content/articles/2025/visit/); the pictures there: small.jpg',
    ]);
  });

  it('a picture no article uses is a warning, not a failure', async () => {
    const result = await build([articleSource('visit', 'en'), ...pictures('small.jpg')]);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      'content/articles/2025/visit/small.jpg  is used by no article (neither "image:" nor ![...](...) names it); reference it, or delete it',
    ]);
  });

  it('a remote https:// image still works as before', async () => {
    const result = await build([articleSource('visit', 'en', { image: '{ src: "https://cie.hit.edu.cn/a.jpg", alt: Remote }' })]);
    expect(result.problems).toEqual([]);
    expect(result.content?.articles.en[0]?.image).toEqual({ src: 'https://cie.hit.edu.cn/a.jpg', alt: 'Remote' });
  });
});
