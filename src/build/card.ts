/**
 * Social cards: the 1200×630 PNG a link preview shows for an article without a lead image.
 * Rendered at build time (satori lays the text out and turns glyphs into paths, librsvg through sharp rasterises), with
 * Noto Sans SC from the @fontsource/noto-sans-sc package, so every machine draws the same pixels from
 * the same content and nothing is fetched from the network, at build time or at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import type { Site, Translation } from '../content/model';
import { LANGUAGE, type Lang } from '../languages';
import { formatDate } from '../pages/i18n';
import { chineseLineBreaks, WORD_JOINER } from '../pages/line-breaks';
import { CARD_SIZE } from '../urls';
import { keyedHash } from './embargo-key';

const { width: CARD_WIDTH, height: CARD_HEIGHT } = CARD_SIZE;

/** Bump when the card's design changes, so every card is drawn anew (its file name carries the hash). */
const DESIGN_VERSION = 3;
const PADDING = 72;
const TITLE_BOX = { width: CARD_WIDTH - 2 * PADDING, height: 300 };
const LINE_HEIGHT = 1.3;

const require = createRequire(import.meta.url);
/** Noto Sans SC draws Chinese (and has full-width punctuation, right in Chinese); Noto Sans draws other scripts. */
const FONT_PACKAGES = { cjk: '@fontsource/noto-sans-sc', alphabetic: '@fontsource/noto-sans' } as const;
type FontPackage = keyof typeof FONT_PACKAGES;
const fontDir = (pkg: FontPackage) => dirname(require.resolve(`${FONT_PACKAGES[pkg]}/package.json`));
const fontVersions = Object.keys(FONT_PACKAGES).map(
  (pkg) => JSON.parse(readFileSync(join(fontDir(pkg as FontPackage), 'package.json'), 'utf8')).version as string,
);

/** What a card shows; its hash names the file, so a changed title gives a new URL. */
/**
 * Articles per language, newest first, that get a social card of their own; older ones (shared far less) use the
 * site's card, so that a long archive stays within the static files Cloudflare takes (20,000 on the Free plan).
 */
export const ARTICLE_CARDS = 4000;

export interface CardText {
  lang: string;
  title: string;
  publisher: string;
  date: string;
  host: string;
}

export function cardText(article: Translation, site: Site): CardText {
  return {
    lang: article.lang,
    title: article.title,
    publisher: site.publisher,
    date: formatDate(article.published, article.lang),
    host: new URL(site.homePage).host,
  };
}

/** The card's name: a hash of what it shows, keyed (src/build/embargo-key.ts) so that a guessed headline cannot find it. */
export function cardHash(text: CardText, key: Buffer): string {
  return keyedHash(key, 10, JSON.stringify([DESIGN_VERSION, fontVersions, text]));
}

interface FontFace {
  /** Path of the .woff file. */
  file: string;
  ranges: [number, number][];
}

const faceCache = new Map<string, FontFace[]>();
const dataCache = new Map<string, Buffer>();

/** A font package's @font-face rules for one weight: which file holds which code points. */
function faces(pkg: FontPackage, weight: number): FontFace[] {
  let list = faceCache.get(`${pkg}${weight}`);
  if (list) return list;
  const dir = fontDir(pkg);
  const css = readFileSync(join(dir, `${weight}.css`), 'utf8');
  list = [];
  for (const m of css.matchAll(/url\(\.\/files\/([^)]+\.woff)\) format\('woff'\);\s*unicode-range: ([^;]+);/g)) {
    const ranges = (m[2] ?? '').split(',').map((r): [number, number] => {
      const [a = '0', b = a] = r.trim().slice(2).split('-');
      return [Number.parseInt(a, 16), Number.parseInt(b, 16)];
    });
    list.push({ file: join(dir, 'files', m[1] ?? ''), ranges });
  }
  faceCache.set(`${pkg}${weight}`, list);
  return list;
}

/**
 * The subset files that cover `text`, each under its own family name: satori falls back from one family to
 * the next for a missing glyph, not between faces of one family. Code points no subset covers are reported.
 */
export function fontsFor(text: string, weight: number, lang: string) {
  // Chinese takes its punctuation (“ ” ，) from the CJK font, full width; other languages from Noto Sans, proportional.
  const cjk = LANGUAGE[lang as Lang]?.cjk ?? false;
  const order = cjk ? faces('cjk', weight) : [...faces('alphabetic', weight), ...faces('cjk', weight)];
  const files = new Set<string>();
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (/\s/.test(ch)) continue;
    const face = order.find((f) => f.ranges.some(([a, b]) => cp >= a && cp <= b));
    if (face) files.add(face.file);
    else missing.add(ch);
  }
  const fonts = order
    .filter((f) => files.has(f.file))
    .map(({ file }) => {
      let data = dataCache.get(file);
      if (!data) {
        data = readFileSync(file);
        dataCache.set(file, data);
      }
      return { name: basename(file, '.woff'), data, weight: weight as 400 | 700, style: 'normal' as const };
    });
  return { fonts, family: fonts.map((f) => `"${f.name}"`).join(', '), missing };
}

/** Width of a character in ems, roughly: ideographs and full-width forms 1, the rest about half. */
const emWidth = (ch: string) => (/[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/u.test(ch) ? 1 : 0.56);

/** The largest title size at which the title fits the title box (in at most four lines). */
export function titleSize(title: string): number {
  const ems = [...title].reduce((n, ch) => n + emWidth(ch), 0);
  for (const size of [72, 64, 58, 52, 46, 40]) {
    // A line is lost now and then to a word that does not fit at the end; count one extra line for it.
    const lines = Math.ceil((ems * size) / TITLE_BOX.width) + (ems * size > TITLE_BOX.width ? 1 : 0);
    if (lines * size * LINE_HEIGHT <= TITLE_BOX.height && lines <= 4) return size;
  }
  return 40;
}

/**
 * The card as a PNG. Characters neither font can draw (emoji, rare scripts) are left out rather than drawn as
 * boxes; `dropped` names them (as U+ code points) so that the build can say so.
 */
export async function renderCard(input: CardText): Promise<{ png: Uint8Array; dropped: string[] }> {
  const title = fontsFor(input.title.replaceAll(WORD_JOINER, ''), 700, input.lang);
  const small = fontsFor(`${input.publisher}${input.date}${input.host}`, 400, input.lang);
  const missing = new Set([...title.missing, ...small.missing]);
  const keep = (s: string) =>
    [...s]
      .filter((ch) => !missing.has(ch))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const cjk = LANGUAGE[input.lang as Lang]?.cjk ?? false;
  const titleText = cjk ? chineseLineBreaks(keep(input.title)) : keep(input.title);
  const text = { ...input, title: titleText, publisher: keep(input.publisher), date: keep(input.date), host: keep(input.host) };
  const dropped = [...missing].map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
  const tree = cardTree(text, title.family, small.family, cjk);
  // biome-ignore lint/suspicious/noExplicitAny: satori takes React-like element objects; this is one built by hand.
  const svg = await satori(tree as any, { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: [...title.fonts, ...small.fonts] });
  // librsvg through sharp, the photos' library: it frees what it draws (resvg-js kept ~3.5 MiB a card, thx/resvg-js#216).
  // satori has turned every glyph into a path, so no font is needed to rasterise.
  const png = new Uint8Array(await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer());
  return { png, dropped };
}

const el = (style: Record<string, unknown>, children: unknown, lang?: string) => ({ type: 'div', props: { style, children, lang } });

/** The title's box: the largest size at which it fits, in at most four lines. */
function titleBox(text: CardText, family: string, cjk: boolean) {
  const style = {
    display: 'block',
    width: TITLE_BOX.width,
    height: TITLE_BOX.height,
    fontFamily: family,
    fontSize: titleSize(text.title.replaceAll(WORD_JOINER, '')),
    fontWeight: 700,
    lineHeight: LINE_HEIGHT,
    lineClamp: 4,
    // Balanced lines for Latin titles; Chinese ones use the full width, breaking only where line-breaks.ts allows.
    textWrap: cjk ? 'wrap' : 'balance',
    overflow: 'hidden',
  };
  return el(style, text.title, text.lang);
}

/** The card's layout as satori elements: the publisher on top, the title, then the date and the host. */
function cardTree(text: CardText, titleFamily: string, smallFamily: string, cjk: boolean) {
  const background = {
    width: '100%',
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'space-between',
    padding: `${PADDING - 16}px ${PADDING}px`,
    boxSizing: 'border-box',
    background: '#0b3d91',
    backgroundImage: 'linear-gradient(135deg, #0b3d91 0%, #062a66 100%)',
    color: '#ffffff',
  };
  const footer = {
    display: 'flex',
    justifyContent: 'space-between',
    width: TITLE_BOX.width,
    fontFamily: smallFamily,
    fontSize: 28,
    fontWeight: 400,
    color: '#dbe6ff',
    borderTop: '2px solid rgba(255, 255, 255, 0.35)',
    paddingTop: 20,
  };
  return el(background, [
    el({ display: 'flex', alignItems: 'center', fontFamily: smallFamily, fontSize: 30, fontWeight: 400, color: '#dbe6ff' }, [
      el({ width: 10, height: 40, background: '#f2b705', marginRight: 20 }, ''),
      el({ display: 'flex' }, text.publisher, text.lang),
    ]),
    titleBox(text, titleFamily, cjk),
    el(footer, [el({ display: 'flex' }, text.date, text.lang), el({ display: 'flex' }, text.host)]),
  ]);
}

/** The lines the title of a card takes, as satori lays them out (tests check where Chinese titles break). */
export async function cardTitleLines(input: CardText): Promise<string[]> {
  const cjk = LANGUAGE[input.lang as Lang]?.cjk ?? false;
  const plain = input.title.replaceAll(WORD_JOINER, '');
  const title = fontsFor(plain, 700, input.lang);
  const text = cjk ? chineseLineBreaks(plain) : plain;
  const box = titleBox({ ...input, title: text }, title.family, cjk);
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  const svg = await satori(box as any, { width: TITLE_BOX.width, height: CARD_HEIGHT, fonts: title.fonts, embedFont: false });
  const lines = new Map<string, string>();
  for (const m of svg.matchAll(/<text[^>]*\by="([\d.]+)"[^>]*>([^<]*)<\/text>/g))
    lines.set(m[1] ?? '', (lines.get(m[1] ?? '') ?? '') + (m[2] ?? ''));
  return [...lines.values()].map((l) => l.replaceAll(WORD_JOINER, '').trim()).filter(Boolean);
}
