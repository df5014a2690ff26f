/**
 * The site's icons as raster files, for what cannot use the SVG favicon: feed readers that store only ICO, PNG,
 * JPEG, GIF or BMP icons (Tiny Tiny RSS), home-screen icons, the feeds' `icon`, and the publisher logo search engines
 * want (a raster of at least 112 px). Drawn at build time from the same design as /favicon.svg, with the cards'
 * fonts (satori turns the letters into paths), so every machine draws the same pixels.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { fontsFor } from './card';

/** Files under the [assets] folder, by site path. */
export const ICON_FILES = {
  png32: '/icons/icon-32.png',
  png64: '/icons/icon-64.png',
  png144: '/icons/icon-144.png',
  appleTouch: '/icons/apple-touch-icon.png',
  png512: '/icons/icon-512.png',
  ico: '/favicon.ico',
} as const;

/** The icon at 512 px as SVG: a rounded square in the site's blue with "HIT" in white, as /favicon.svg draws it. */
async function iconSvg(): Promise<string> {
  const { fonts, family } = fontsFor('HIT', 700, 'en');
  const tree = {
    type: 'div',
    props: {
      style: {
        width: 512,
        height: 512,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#004c97',
        borderRadius: 96,
        color: '#ffffff',
        fontFamily: family,
        fontSize: 176,
        fontWeight: 700,
      },
      children: 'HIT',
    },
  };
  // biome-ignore lint/suspicious/noExplicitAny: satori takes React-like element objects; this is one built by hand.
  return satori(tree as any, { width: 512, height: 512, fonts });
}

/** An ICO file holding one PNG (Windows Vista and every browser read PNG-in-ICO). */
function icoOf(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size % 256, 6); // width (0 means 256)
  header.writeUInt8(size % 256, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.byteLength, 14);
  header.writeUInt32LE(header.byteLength, 18); // where the image starts
  return Buffer.concat([header, png]);
}

/** Draws the icons into `assetsDir`, writing only files whose bytes changed; returns how many it wrote. */
export async function drawIcons(assetsDir: string): Promise<number> {
  const svg = Buffer.from(await iconSvg());
  const png = (size: number) => sharp(svg).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
  const png32 = await png(32);
  const files: [string, Buffer][] = [
    [ICON_FILES.png32, png32],
    // JSON Feed's favicon ("e.g. 64x64") and RSS's channel image (at most 144 px wide).
    [ICON_FILES.png64, await png(64)],
    [ICON_FILES.png144, await png(144)],
    [ICON_FILES.appleTouch, await png(180)],
    [ICON_FILES.png512, await png(512)],
    [ICON_FILES.ico, icoOf(png32, 32)],
  ];
  let written = 0;
  for (const [path, bytes] of files) {
    const file = join(assetsDir, path);
    if (existsSync(file) && readFileSync(file).equals(bytes)) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    written++;
  }
  return written;
}
