/**
 * A page of the college's site saved from a browser ("Save page as, complete": page.html and its page_files/ folder)
 * -> the article's lines, as the CMS text gives them (./import.ts reads them on), with its pictures. Mozilla's
 * Readability (Firefox's reader view) finds the article among the navigation, breadcrumbs, share buttons, view counter
 * and "上一篇/下一篇" links, over linkedom's DOM; what is left here is reading its paragraphs and pictures in order.
 * Build time only (npm run import).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** A picture of the page: where it is (a file of the saved page, or a web address) and what it shows. */
export interface PagePicture {
  /** The file beside the saved page it was saved as, or its https:// address when the page was not saved with it. */
  source: string;
  /** Its file name beside the article (photo-1.jpg …), or the web address. */
  name: string;
  alt: string;
}

export interface SavedPage {
  title?: string;
  /** The page's publication date (发布时间：2026-01-04), as YYYY-MM-DD. */
  date?: string;
  /** Paragraphs in order; a picture is a line of its own: ![what it shows](photo-1.jpg). */
  lines: string[];
  pictures: PagePicture[];
}

// The date a Chinese CMS writes above the text ("发布时间：2026-01-04", "日期：2026年1月4日").
const PAGE_DATE = /(?:发布时间|发布日期|发表时间|日期|时间|Date|Published)\s*[:：]\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u;
/** A caption: a short line under a picture that ends no sentence ("晚会现场"). */
const isCaption = (text: string) => [...text].length <= 40 && !/[。！？!?.;；]$/u.test(text);
const EXTENSION = /\.(jpe?g|png|webp|gif)$/i;

/**
 * Reads a saved page. `savedFile` says which file of the saved page an <img src> is (undefined when it is not there);
 * pictures neither saved nor on https:// are left out.
 */
export function readSavedPage(html: string, savedFile: (src: string) => string | undefined): SavedPage {
  const { document } = parseHTML(html);
  const date = PAGE_DATE.exec(document.body?.textContent ?? '');
  // The headline as the page sets it: its <title> often carries the site's name too ("…举办-哈尔滨工业大学国际教育学院").
  const headings = [...document.querySelectorAll('h1')].map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim());
  // Readability changes the document it reads: the date is read before.
  const article = new Readability(document, { charThreshold: 200 }).parse();
  const page: SavedPage = { lines: [], pictures: [] };
  if (date) page.date = `${date[1]}-${date[2]?.padStart(2, '0')}-${date[3]?.padStart(2, '0')}`;
  if (!article?.content) return page;
  const title = article.title?.trim() ?? '';
  const heading = headings.find((h) => [...h].length >= 4 && title.includes(h));
  if (heading || title) page.title = heading ?? title;
  const body = parseHTML(`<!DOCTYPE html><html><body>${article.content}</body></html>`).document;
  let lastPicture: { picture: PagePicture; line: number; captioned: boolean } | undefined;
  const addPicture = (img: Element, caption = '') => {
    const src = img.getAttribute('src') ?? '';
    const saved = savedFile(src);
    if (!saved && !/^https:\/\//i.test(src)) return;
    const extension =
      EXTENSION.exec(saved ?? src)?.[1]
        ?.toLowerCase()
        .replace('jpeg', 'jpg') ?? 'jpg';
    const picture: PagePicture = {
      source: saved ?? src,
      name: saved ? `photo-${page.pictures.length + 1}.${extension}` : src,
      alt: (caption || img.getAttribute('alt') || '').trim(),
    };
    page.pictures.push(picture);
    page.lines.push(`![${picture.alt}](${picture.name})`);
    lastPicture = { picture, line: page.lines.length - 1, captioned: caption !== '' };
  };
  for (const element of body.querySelectorAll('p, h2, h3, h4, h5, h6, li, figure, img')) {
    // Each block once: a picture inside a paragraph or a figure is read with it.
    if (element.tagName !== 'FIGURE' && element.parentElement?.closest('figure')) continue;
    if (element.tagName === 'IMG' && element.parentElement?.closest('p, li, figure')) continue;
    if (element.tagName === 'FIGURE') {
      const caption = element.querySelector('figcaption')?.textContent?.trim() ?? '';
      for (const img of element.querySelectorAll('img')) addPicture(img, caption);
      continue;
    }
    const images = element.tagName === 'IMG' ? [element] : [...element.querySelectorAll('img')];
    for (const img of images) addPicture(img);
    const text = (element.tagName === 'IMG' ? '' : (element.textContent ?? '')).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    // A caption under a picture describes it (the CMS sets it as a centred paragraph of its own).
    if (images.length === 0 && lastPicture && !lastPicture.captioned && lastPicture.line === page.lines.length - 1 && isCaption(text)) {
      lastPicture.picture.alt = text;
      lastPicture.captioned = true;
      page.lines[lastPicture.line] = `![${text}](${lastPicture.picture.name})`;
      continue;
    }
    page.lines.push(text);
  }
  return page;
}
