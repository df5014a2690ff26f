/**
 * Pictures saved beside an article (content/articles/<year>/<slug>/photo.jpg), made ready for the web with sharp:
 * turned upright, every metadata block dropped (EXIF GPS never reaches the public), resized to a few widths (never
 * upscaled), WebP for pages and a JPEG (PNG for graphics) every feed reader shows, under names keyed by their content in the
 * [assets] folder (src/build/embargo-key.ts). A picture whose files exist already is not processed again. Build time only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { VARIANT_FILE } from '../urls';
import { embargoKey, keyedHash } from './embargo-key';

/** Widths drawn for every picture (those narrower than the original; the original's own width when it is narrower). */
export const PHOTO_WIDTHS = [480, 960, 1600] as const;
/** The width feeds carry (or the widest narrower variant): large enough to read, small enough for a thumbnail. */
export const FEED_WIDTH = 960;
/** A source file larger than this is refused: cameras save 5–15 MB; more is a scan or a mistake. */
export const MAX_PHOTO_BYTES = 40 * 1024 * 1024;
/** More pixels than this is refused (sharp would need gigabytes): 60 megapixels, e.g. 9,000 × 6,600. */
export const MAX_PHOTO_PIXELS = 60_000_000;
/** Largest width or height: a 60,000,000 × 1 px strip is within the pixels but takes half a minute and a gigabyte. */
export const MAX_PHOTO_SIDE = 20_000;
/** Bump when the processing changes, so every picture is processed again under new names. */
const PROCESSING = 'v1 webp80 jpeg80-mozjpeg png9';

/** Files that are pictures beside an article, by extension. */
export const PICTURE_FILE = /\.(jpe?g|png|webp|gif|heic|heif|avif|tiff?|bmp|svg)$/i;

/** One width of a processed picture; paths are site paths under /media/. */
export interface PhotoVariant {
  width: number;
  height: number;
  webp: string;
  fallback: string;
  fallbackBytes: number;
}

/** A processed picture: its size upright, the media type of its fallback, its variants narrowest first. */
export interface Photo {
  width: number;
  height: number;
  fallbackType: 'image/jpeg' | 'image/png';
  variants: PhotoVariant[];
}

/** Content path (articles/2026/slug/photo.jpg) -> the processed picture, or why it cannot be published. */
export type PhotoIndex = ReadonlyMap<string, Photo | { error: string }>;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Why a picture cannot be used, judged from its name and first bytes; undefined when sharp may read it. */
function unsupported(name: string, bytes: Uint8Array): string | undefined {
  const brand = new TextDecoder().decode(bytes.subarray(4, 12));
  if (/\.(heic|heif)$/i.test(name) || /^ftyp(heic|heix|mif1|msf1)/.test(brand)) {
    return 'is a HEIC photo (the iPhone default), which browsers and feed readers cannot show; convert it to JPEG (on a Mac: open in Preview › File › Export › JPEG; on Windows: open in Photos › Save as › .jpg; on the iPhone: Settings › Camera › Formats › Most Compatible) and reference the .jpg';
  }
  if (/\.svg$/i.test(name)) return 'is an SVG drawing, which can carry scripts; export it as PNG and reference the .png';
  if (/\.(tiff?|bmp)$/i.test(name)) return 'is a TIFF or BMP file; save it as JPEG (photos) or PNG (graphics)';
  if (/\.avif$/i.test(name)) return 'is an AVIF file, which older feed readers cannot show; save it as JPEG (photos) or PNG (graphics)';
  if (bytes.byteLength > MAX_PHOTO_BYTES) {
    return `is ${mb(bytes.byteLength)}; at most ${mb(MAX_PHOTO_BYTES)} per picture: export it smaller (2,000–4,000 px wide is plenty)`;
  }
  return undefined;
}

/** The widths to draw for a picture `width` px wide. */
export function variantWidths(width: number): number[] {
  const below = PHOTO_WIDTHS.filter((w) => w < width);
  return width <= (PHOTO_WIDTHS.at(-1) ?? 0) ? [...below, width] : [...PHOTO_WIDTHS];
}

/** The site path of a variant. */
const mediaPath = (hash: string, width: number, ext: string) => `/media/${hash}-${width}.${ext}`;
/** A variant's file name: its site path without /media/ (its name in the media folder and its key in R2). */
const fileOf = (path: string) => path.slice('/media/'.length);

/** The variant `w` px wide of a picture `width` × `height` named by `hash`, as WebP and `ext`. */
function variantOf(hash: string, w: number, width: number, height: number, ext: string, fallbackBytes: number): PhotoVariant {
  return {
    width: w,
    height: Math.max(1, Math.round((height * w) / width)),
    webp: mediaPath(hash, w, 'webp'),
    fallback: mediaPath(hash, w, ext),
    fallbackBytes,
  };
}

/** The keyed hash a picture's variants are named by (the part of their file names before the width). */
export const pictureHash = (bytes: Uint8Array, key: Buffer) => keyedHash(key, 16, PROCESSING, bytes);

/** A stored variant as object storage lists it: its file name, bytes, and the upright size of its picture ("WxH"). */
export interface StoredVariant {
  name: string;
  bytes: number;
  picture: string;
}

/**
 * The pictures a store holds complete (every width of the picture in both formats), by hash, described as processing
 * them would: what lets a fresh clone build without encoding a picture again (scripts/media.ts).
 */
export function storedPhotos(variants: Iterable<StoredVariant>): Map<string, Photo> {
  const byHash = new Map<string, Map<string, StoredVariant>>();
  for (const v of variants) {
    const hash = VARIANT_FILE.exec(v.name)?.[1];
    if (!hash) continue;
    const files = byHash.get(hash) ?? new Map<string, StoredVariant>();
    files.set(v.name, v);
    byHash.set(hash, files);
  }
  const photos = new Map<string, Photo>();
  for (const [hash, files] of byHash) {
    const size = /^(\d+)x(\d+)$/.exec([...files.values()][0]?.picture ?? '');
    const width = Number(size?.[1]);
    const height = Number(size?.[2]);
    if (!size || !(width > 0) || !(height > 0)) continue;
    const ext = files.has(`${hash}-${variantWidths(width)[0]}.png`) ? 'png' : 'jpg';
    const variants: PhotoVariant[] = [];
    for (const w of variantWidths(width)) {
      const webp = files.get(`${hash}-${w}.webp`);
      const fallback = files.get(`${hash}-${w}.${ext}`);
      if (!webp || !fallback) break;
      variants.push(variantOf(hash, w, width, height, ext, fallback.bytes));
    }
    if (variants.length !== variantWidths(width).length) continue;
    photos.set(hash, { width, height, fallbackType: ext === 'png' ? 'image/png' : 'image/jpeg', variants });
  }
  return photos;
}

/** Where processed pictures go, and the ones processed before elsewhere (R2) that need no processing here. */
export interface PhotoShelf {
  /** The folder variants are written to: the [assets] folder's media/, or with R2 the files to upload (dist/media). */
  outDir: string;
  /** Pictures complete in R2, by hash: described from there, not processed again. */
  stored?: ReadonlyMap<string, Photo>;
  /** Filled in as it goes: pictures encoded now, and those described from R2. */
  tally?: { encoded: number; stored: number };
  /**
   * Only the variants' names and sizes, nothing encoded or written (their bytes 0 unless the file is there): what
   * `npm run withdraw` needs to name a picture's URLs, in seconds even on a fresh clone.
   */
  namesOnly?: boolean;
}

/** One file of a processed picture as object storage keeps it. */
export interface MediaObject {
  key: string;
  contentType: string;
  /** The upright size of the picture it is a variant of, "WxH": what storedPhotos reads back. */
  picture: string;
}

/** Every file of the pictures in `index`, sorted by key. */
export function mediaObjects(index: PhotoIndex): MediaObject[] {
  const objects = new Map<string, MediaObject>();
  for (const photo of index.values()) {
    if (!('variants' in photo)) continue;
    const picture = `${photo.width}x${photo.height}`;
    for (const v of photo.variants) {
      objects.set(fileOf(v.webp), { key: fileOf(v.webp), contentType: 'image/webp', picture });
      objects.set(fileOf(v.fallback), { key: fileOf(v.fallback), contentType: photo.fallbackType, picture });
    }
  }
  return [...objects.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Processes one picture's bytes onto `shelf` (only the files missing there), named with `key`, and describes it. */
export async function processPhoto(name: string, bytes: Uint8Array, key: Buffer, shelf: PhotoShelf): Promise<Photo | { error: string }> {
  const { stored, tally } = shelf;
  const problem = unsupported(name, bytes);
  if (problem) return { error: problem };
  // Keyed: the name of a scheduled article's picture cannot be worked out from the photo (src/build/embargo-key.ts).
  const hash = pictureHash(bytes, key);
  const known = stored?.get(hash);
  if (known) {
    if (tally) tally.stored++;
    return known;
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS }).metadata();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: `cannot be read as a picture (${reason}); save it again as JPEG or PNG` };
  }
  if (!['jpeg', 'png', 'webp', 'gif'].includes(meta.format ?? '')) {
    return { error: `is a ${meta.format ?? 'unknown'} file; save it as JPEG (photos) or PNG (graphics)` };
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (pixels > MAX_PHOTO_PIXELS) {
    return {
      error: `is ${meta.width} × ${meta.height} px (${(pixels / 1e6).toFixed(0)} megapixels); at most ${MAX_PHOTO_PIXELS / 1e6}: export it smaller`,
    };
  }
  if ((meta.width ?? 0) > MAX_PHOTO_SIDE || (meta.height ?? 0) > MAX_PHOTO_SIDE) {
    return {
      error: `is ${meta.width} × ${meta.height} px; at most ${MAX_PHOTO_SIDE.toLocaleString('en')} px a side: crop or export it smaller (2,000–4,000 px wide is plenty)`,
    };
  }
  // Orientations 5–8 turn the picture a quarter: its upright width is its stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = (turned ? meta.height : meta.width) ?? 0;
  const height = (turned ? meta.width : meta.height) ?? 0;
  const graphic = meta.format === 'png' || meta.format === 'gif';
  const ext = graphic ? 'png' : 'jpg';
  let variants: PhotoVariant[];
  try {
    variants = await writeVariants(bytes, width, height, hash, graphic, ext, shelf);
  } catch (error) {
    // A file whose header reads but whose data does not (a truncated JPEG): its error, never a stack trace.
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: `cannot be read to the end (${reason}); save it again as JPEG or PNG` };
  }
  return { width, height, fallbackType: graphic ? 'image/png' : 'image/jpeg', variants };
}

/** Writes the variants of a picture missing in `outDir` (each width as WebP and as JPEG or PNG); describes them all. */
async function writeVariants(
  bytes: Uint8Array,
  width: number,
  height: number,
  hash: string,
  graphic: boolean,
  ext: string,
  { outDir, tally, namesOnly = false }: PhotoShelf,
): Promise<PhotoVariant[]> {
  const variants: PhotoVariant[] = [];
  let encoded = false;
  if (!namesOnly) mkdirSync(outDir, { recursive: true });
  for (const w of variantWidths(width)) {
    const variant = variantOf(hash, w, width, height, ext, 0);
    const webpFile = join(outDir, fileOf(variant.webp));
    const fallbackFile = join(outDir, fileOf(variant.fallback));
    if (namesOnly) {
      variants.push({ ...variant, fallbackBytes: existsSync(fallbackFile) ? statSync(fallbackFile).size : 0 });
      continue;
    }
    if (!existsSync(webpFile) || !existsSync(fallbackFile)) {
      // rotate() applies the EXIF orientation; sharp writes no metadata unless asked, so EXIF, GPS, XMP and ICC are gone.
      const upright = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, animated: false })
        .rotate()
        .resize({ width: w, height: variant.height, fit: 'fill' });
      const [webpBytes, fallbackBytes] = await Promise.all([
        upright
          .clone()
          .webp({ quality: graphic ? 90 : 80 })
          .toBuffer(),
        graphic
          ? upright.clone().png({ compressionLevel: 9 }).toBuffer()
          : upright.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
      ]);
      writeFileSync(webpFile, webpBytes);
      writeFileSync(fallbackFile, fallbackBytes);
      encoded = true;
    }
    variants.push({ ...variant, fallbackBytes: statSync(fallbackFile).size });
  }
  if (encoded && tally) tally.encoded++;
  return variants;
}

/**
 * Processes every picture under articles/ of `contentDir` into `outDir` (the [assets] folder's media/), deleting media
 * files no picture uses any more; `onProgress` is told each picture's path as it goes.
 */
export async function processPhotos(
  contentDir: string,
  paths: readonly string[],
  shelf: string | PhotoShelf,
  onProgress: (done: number, total: number, path: string) => void = () => {},
): Promise<PhotoIndex> {
  const onShelf: PhotoShelf = typeof shelf === 'string' ? { outDir: shelf } : shelf;
  const { outDir } = onShelf;
  const pictures = paths.filter((p) => p.startsWith('articles/') && PICTURE_FILE.test(p)).sort();
  const key = embargoKey(contentDir);
  const index = new Map<string, Photo | { error: string }>();
  for (const [i, path] of pictures.entries()) {
    onProgress(i, pictures.length, path);
    index.set(path, await processPhoto(path, readFileSync(join(contentDir, path)), key, onShelf));
  }
  onProgress(pictures.length, pictures.length, '');
  const keep = new Set(
    [...index.values()].flatMap((p) => ('variants' in p ? p.variants.flatMap((v) => [v.webp, v.fallback]) : [])).map(fileOf),
  );
  if (existsSync(outDir) && !onShelf.namesOnly) {
    for (const file of readdirSync(outDir)) if (!keep.has(file)) rmSync(join(outDir, file));
  }
  return index;
}

/** The variant feeds carry: the widest at most FEED_WIDTH (the narrowest when all are wider). */
export function feedVariant(photo: Photo): PhotoVariant {
  const fitting = photo.variants.filter((v) => v.width <= FEED_WIDTH);
  return (fitting.at(-1) ?? photo.variants[0]) as PhotoVariant;
}
