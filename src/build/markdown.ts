/** Markdown -> sanitised HTML for article bodies (build time only; never bundled into the Worker). */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { VIDEO_PROVIDERS, videoOf } from '../embed/video-providers';
import { escapeXml } from '../feeds/xml';
import { feedPicture, pagePicture } from './photo-markup';
import type { Photo } from './photos';
import { cleanText } from './text';
import { isLocalPath, normalizeUrl, urlProblem } from './urls';

/**
 * Where a body is rendered for, which decides how pictures beside the article are written: pages get <picture>
 * markup with site paths, feeds a plain <img> under `origin`. `photo` finds a picture by the name the author wrote.
 */
export interface BodyTarget {
  medium: 'page' | 'feed';
  /** The site origin feeds write before /media/ paths (a stand-in the build later splits at). */
  origin?: string;
  photo?: (name: string) => Photo | { error: string };
  /** The words of the click-to-play link of a video, in the article's language ("Play video"). */
  playVideo?: string;
  /** Told when the body holds a video link that pages turn into a player (they then load video.js). */
  onVideo?: () => void;
}

/** Bodies larger than this are refused: feed readers truncate or drop items far smaller. */
export const MAX_BODY_BYTES = 1.5 * 1024 * 1024;
/** Deeper nesting of blockquotes and lists is refused: marked's time grows with its square. */
export const MAX_NESTING = 16;

// Schemes that run code: sanitize-html strips them as it strips <script>; that is not an author's slip.
const ACTIVE_SCHEME = /^\s*(javascript|vbscript|data):/i;

/** A problem in a body, with the line (1-based, within the body) where it was found. */
export interface BodyProblem {
  line?: number;
  message: string;
}

/** How deeply a line nests blockquotes and lists: its ">" markers, list markers and indentation. */
function nesting(line: string): number {
  const prefix = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/.exec(line)?.[0] ?? '';
  const markers = (prefix.match(/>|[-*+][ \t]|\d{1,9}[.)][ \t]/g) ?? []).length;
  const indent = /^[ \t]*/.exec(line)?.[0].replaceAll('\t', '    ').length ?? 0;
  return markers + Math.floor(indent / 4);
}

/** Line (1-based) of the first occurrence of `needle` at or after line `from`, else undefined. */
function lineOf(lines: string[], needle: string, from = 1): number | undefined {
  for (let i = from - 1; i < lines.length; i++) if (lines[i]?.includes(needle)) return i + 1;
  for (let i = 0; i < from - 1; i++) if (lines[i]?.includes(needle)) return i + 1;
  return undefined;
}

/** A Markdown renderer that writes pictures beside the article for `target`, and picture-only paragraphs as galleries. */
function markedFor(target: BodyTarget, generated: Set<string>, report: (url: string, message: string) => void): Marked {
  // The number of pictures of the gallery being written (0: none).
  let inGallery = 0;
  return new Marked({
    gfm: true,
    async: false,
    walkTokens(token) {
      // A table's cells never break inside a date or a hyphenated word (2026-03-31, Open-Source): browsers break after
      // a hyphen, and squeeze a scrolling table's cells to their narrowest.
      if (token.type !== 'table') return;
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) cell.tokens = cell.tokens.map(wholeHyphenatedWords);
    },
    renderer: {
      codespan({ text }: Tokens.Codespan) {
        // Short code (a header, a value) never breaks; long code (a URL) may, where it must.
        return `<code${[...text].length > LONG_CODE ? ' class="long"' : ''}>${escapeXml(text)}</code>`;
      },
      image({ href, text }: Tokens.Image) {
        if (!isLocalPath(href) || !target.photo) return false;
        const photo = target.photo(href);
        if ('error' in photo) {
          report(href, `image "${href}" ${photo.error}`);
          return '';
        }
        if (!text.trim())
          report(href, `image "${href}" has no description; write it between the brackets: ![what the picture shows](${href})`);
        const html =
          target.medium === 'page'
            ? pagePicture(photo, text, inGallery ? { gallery: inGallery } : 'body')
            : feedPicture(photo, text, target.origin ?? '');
        for (const v of photo.variants) generated.add(v.fallback);
        return html;
      },
      paragraph({ tokens }: Tokens.Paragraph) {
        const video = target.medium === 'page' ? videoLink(tokens) : undefined;
        if (video) {
          target.onVideo?.();
          return videoFacade(video.link, video.provider, video.id, target.playVideo ?? 'Play video');
        }
        const images = tokens.filter((t) => t.type === 'image').length;
        const other = tokens.some((t) => t.type !== 'image' && t.type !== 'br' && !(t.type === 'text' && t.raw.trim() === ''));
        if (target.medium !== 'page' || images < 2 || other) return false;
        inGallery = images;
        const inner = this.parser.parseInline(tokens);
        inGallery = 0;
        return `<p class="gallery">${inner}</p>\n`;
      },
    },
  });
}

/** Inline code longer than this may break across lines (a URL); shorter never does. */
const LONG_CODE = 32;

/** A cell's text token with each word holding a hyphen kept whole (<span class="nw">), as an HTML token. */
function wholeHyphenatedWords(token: Tokens.Generic): Tokens.Generic {
  if (token.type !== 'text' || !/\S-\S/.test(token.text as string)) return token;
  const html = escapeXml(token.text as string).replace(/[^\s-]+(?:-[^\s-]+)+/g, (word) => `<span class="nw">${word}</span>`);
  return { type: 'html', raw: token.raw, text: html, block: false, inLink: false, inRawBlock: false } as Tokens.Generic;
}

/** The one link of a paragraph that holds nothing else, when it is a video of a known site. */
function videoLink(tokens: Tokens.Generic[]) {
  const visible = tokens.filter((t) => !(t.type === 'text' && t.raw.trim() === '') && t.type !== 'br');
  const link = visible.length === 1 && visible[0]?.type === 'link' ? (visible[0] as Tokens.Link) : undefined;
  const video = link ? videoOf(link.href) : undefined;
  return link && video ? { link, ...video } : undefined;
}

/**
 * A video on a page: a link to it that video.js turns into the player on a click (nothing is requested from the
 * video site before). Feeds keep the plain link.
 */
function videoFacade(link: Tokens.Link, provider: string, id: string, play: string): string {
  const name = VIDEO_PROVIDERS[provider]?.name ?? provider;
  const title = link.text === link.href ? '' : ` <span class="title">${escapeXml(link.text)}</span>`;
  return `<p class="video"><a class="video" href="${escapeXml(link.href)}" data-video="${provider}:${id}"><span class="play">▶ ${escapeXml(play)}</span>${title} <span class="provider">${escapeXml(name)}</span></a></p>\n`;
}

/** Lines holding a raw <iframe> outside code: sanitising would drop it without a word, so the author is told. */
function iframeLines(lines: string[]): number[] {
  let fenced = false;
  return lines.flatMap((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    return !fenced && /<iframe\b/i.test(line.replace(/`[^`]*`/g, '')) ? [i + 1] : [];
  });
}

/** What an author could write that the body cannot take, before rendering: the size, the nesting, raw iframes. */
function refusedBeforeRendering(markdown: string, lines: string[], onProblem: (problem: BodyProblem) => void): boolean {
  const bytes = new TextEncoder().encode(markdown).byteLength;
  if (bytes > MAX_BODY_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    onProblem({
      message: `is ${mb(bytes)}; at most ${mb(MAX_BODY_BYTES)} (readers truncate or refuse items this large): split it or link a document`,
    });
    return true;
  }
  const deep = lines.findIndex((l) => nesting(l) > MAX_NESTING);
  if (deep >= 0) {
    onProblem({
      line: deep + 1,
      message: `nests blockquotes or lists ${nesting(lines[deep] ?? '')} levels deep; at most ${MAX_NESTING}: flatten it`,
    });
    return true;
  }
  for (const line of iframeLines(lines)) {
    onProblem({
      line,
      message:
        'has a raw <iframe>, which is not published; for a video from YouTube, Bilibili or Youku, write its link on a line of its own (e.g. https://www.youtube.com/watch?v=...); for anything else, link to the page',
    });
  }
  return false;
}

/** Reports a problem at the first line (from the last one reported on) that holds `url`. */
function reporterFor(lines: string[], onProblem: (problem: BodyProblem) => void) {
  let searchFrom = 1;
  return {
    report(url: string, message: string) {
      const line = lineOf(lines, url, searchFrom) ?? lineOf(lines, encodeURI(url), searchFrom);
      if (line !== undefined) searchFrom = line;
      onProblem({ line, message });
    },
    restart() {
      searchFrom = 1;
    },
  };
}

/** Renders one body to safe HTML; every problem an author must fix is reported with its line. */
export function renderBody(markdown: string, onProblem: (problem: BodyProblem) => void, target: BodyTarget = { medium: 'page' }): string {
  const lines = markdown.split('\n');
  if (refusedBeforeRendering(markdown, lines, onProblem)) return '';
  const { report, restart } = reporterFor(lines, onProblem);
  // Site paths of the pictures written here: the only relative image addresses a body may hold.
  const generated = new Set<string>();
  let raw: string;
  try {
    raw = markedFor(target, generated, report).parse(markdown) as string;
  } catch (error) {
    onProblem({ message: `cannot be rendered as Markdown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` });
    return '';
  }
  restart();
  const html = sanitizeHtml(raw, sanitizeOptions(target, generated, report));
  // sanitize-html escapes ">" in text already; this guards the CDATA sections feeds wrap bodies in. It also decodes
  // character references (&#1;, &#x202E;) into the characters they name: those XML forbids go, as raw ones do.
  return cleanText(html.replaceAll(']]>', ']]&gt;').trim());
}

// What a body may hold once sanitised: text structure, links, pictures, tables; nothing that runs or styles.
const ALLOWED_TAGS = (
  'p br hr h2 h3 h4 h5 h6 blockquote ul ol li a strong em b i code pre del s sub sup abbr ' +
  'img picture source figure figcaption span table thead tbody tr th td'
).split(' ');

/** sanitize-html's rules for a body; links and images it cannot keep are reported, never dropped in silence. */
function sanitizeOptions(
  target: BodyTarget,
  generated: Set<string>,
  report: (url: string, message: string) => void,
): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'hreflang', 'class', 'data-video'],
      span: ['class'],
      code: ['class'],
      img: ['src', 'alt', 'title', 'width', 'height', 'srcset', 'sizes', 'loading', 'decoding', 'fetchpriority'],
      source: ['type', 'srcset', 'sizes'],
      p: ['class'],
      abbr: ['title'],
      ol: ['start'],
      th: ['colspan', 'rowspan', 'class'],
      td: ['colspan', 'rowspan', 'class'],
      table: ['tabindex'],
      pre: ['tabindex'],
    },
    allowedClasses: {
      p: ['gallery', 'video'],
      a: ['video'],
      span: ['play', 'title', 'provider', 'nw'],
      code: ['long'],
      th: ['right', 'center'],
      td: ['right', 'center'],
    },
    selfClosing: ['img', 'br', 'hr', 'source'],
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    // The page has the h1; a "# heading" in a body becomes h2.
    transformTags: {
      h1: 'h2',
      // A table wider than the column scrolls inside it: keyboard users reach and scroll it by its tab stop.
      table: (tagName) => ({ tagName, attribs: { tabindex: '0' } }),
      // Code blocks scroll sideways rather than break inside words: reachable by keyboard too.
      pre: (tagName) => ({ tagName, attribs: { tabindex: '0' } }),
      // A column's alignment (| ---: |) as a class: the stylesheet aligns it (a body carries no style attribute).
      th: alignedCell,
      td: alignedCell,
      a: (tagName, attribs) => {
        const href = attribs.href;
        if (href === undefined || ACTIVE_SCHEME.test(href)) return { tagName, attribs };
        const problem = urlProblem(href, 'link');
        if (problem) report(href, `link ${problem}`);
        return { tagName, attribs: problem ? attribs : { ...attribs, href: normalizeUrl(href) } };
      },
      img: (tagName, attribs) => ({ tagName, attribs: checkedImage(attribs, target, generated, report) }),
    },
  };
}

/** A table cell with marked's align="right|center" as the class the stylesheet aligns. */
function alignedCell(tagName: string, attribs: Record<string, string>) {
  const { align, ...rest } = attribs;
  return { tagName, attribs: align === 'right' || align === 'center' ? { ...rest, class: align } : rest };
}

/** An <img>'s attributes after the checks: pictures written here pass, any other must be a described https image. */
function checkedImage(
  attribs: Record<string, string>,
  target: BodyTarget,
  generated: Set<string>,
  report: (url: string, message: string) => void,
): Record<string, string> {
  const src = attribs.src ?? '';
  if (generated.has(src)) return attribs;
  if (isLocalPath(src) && target.photo) {
    report(src, `image "${src}" is written in HTML; write a picture beside the article in Markdown: ![what it shows](${src})`);
    return attribs;
  }
  const problem = src === '' ? 'has no address (src)' : urlProblem(src, 'image');
  if (problem) {
    report(src || '<img', `image ${problem}`);
    return attribs;
  }
  if (!attribs.alt?.trim())
    report(src, `image "${src}" has no description; write it between the brackets: ![what the picture shows](${src})`);
  return { ...attribs, src: normalizeUrl(src) };
}
