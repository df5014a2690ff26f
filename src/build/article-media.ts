/** An article's body and lead image as pages and feeds carry them: pictures beside it processed, videos made players. */
import type { Translation } from '../content/model';
import { STAND_IN_ORIGINS, splitAtOrigins } from '../feeds/render';
import { escapeXml } from '../feeds/xml';
import { LANGUAGE } from '../languages';
import type { ArticlePath } from './article';
import type { ArticleParts } from './article-front-matter';
import { type BodyTarget, renderBody } from './markdown';
import { feedPicture, pagePicture } from './photo-markup';
import { feedVariant, type Photo } from './photos';
import type { FrontMatter } from './schema';
import type { Problem } from './source';
import { isLocalPath, normalizeUrl } from './urls';

/** The rendered body: for pages, and (when pictures beside it or videos make them differ) for feeds. */
export interface ArticleBody {
  html: string;
  feedHtml?: string[];
  video: boolean;
  image?: NonNullable<Translation['image']>;
}

/** Renders the body for pages, reporting its problems with their lines; `finish` adds the lead image and the feed body. */
export function renderArticleBody(parts: ArticleParts, at: ArticlePath, problems: Problem[]) {
  const { file } = at;
  const { bodyText, bodyLine } = parts;
  const before = problems.length;
  if (bodyText.trim() === '') {
    problems.push({ file, line: bodyLine, field: 'body', message: 'is empty; expected the article text below the closing "---"' });
  }
  let video = false;
  const target: BodyTarget = {
    medium: 'page',
    playVideo: LANGUAGE[at.lang].ui.playVideo,
    onVideo: () => {
      video = true;
    },
    ...(at.photo ? { photo: at.photo } : {}),
  };
  const body = renderBody(
    bodyText,
    (p) => problems.push({ file, ...(p.line === undefined ? {} : { line: p.line + bodyLine - 1 }), field: 'body', message: p.message }),
    target,
  );
  if (bodyText.trim() !== '' && body === '' && problems.length === before) {
    problems.push({ file, field: 'body', message: 'has no text left after removing unsafe HTML' });
  }
  return {
    /** The body with the lead image before it, and the feeds' version where it differs. */
    finish(lead: LeadImage | undefined): ArticleBody {
      // Pictures beside the article (one absolute <img>) and videos (a plain link) are written differently for feeds.
      const local = lead?.photo !== undefined || (at.photo !== undefined && /!\[[^\]]*\]\(\s*(?![a-z][a-z0-9+.-]*:|\/)/i.test(bodyText));
      const feedHtml = local || video ? feedBody(bodyText, lead, target) : undefined;
      // The lead image travels inside the HTML too, so readers that ignore enclosures still show it.
      const html = lead ? `<figure>${lead.page}</figure>\n${body}` : body;
      return { html, video, ...(feedHtml ? { feedHtml } : {}), ...(lead ? { image: lead.image } : {}) };
    },
  };
}

export interface LeadImage {
  image: NonNullable<Translation['image']>;
  /** Its markup on the page. */
  page: string;
  photo?: Photo;
}

/** The lead image as pages and feeds carry it: a picture beside the article (processed) or an https:// address. */
export function leadImage(
  image: FrontMatter['image'],
  at: ArticlePath,
  line: number | undefined,
  problems: Problem[],
): LeadImage | undefined {
  if (!image) return undefined;
  if (!isLocalPath(image.src)) {
    const src = normalizeUrl(image.src);
    return { image: { src, alt: image.alt }, page: `<img src="${escapeXml(src)}" alt="${escapeXml(image.alt)}">` };
  }
  const photo = at.photo?.(image.src) ?? { error: 'cannot be used here: pictures beside articles are processed by npm run build' };
  if ('error' in photo) {
    problems.push({ file: at.file, line, field: 'image', message: `"${image.src}" ${photo.error}` });
    return undefined;
  }
  const feed = feedVariant(photo);
  const largest = photo.variants.at(-1) ?? feed;
  return {
    photo,
    page: pagePicture(photo, image.alt, 'lead'),
    image: {
      src: feed.fallback,
      alt: image.alt,
      type: photo.fallbackType,
      width: feed.width,
      height: feed.height,
      length: feed.fallbackBytes,
      share: { src: largest.fallback, width: largest.width, height: largest.height },
    },
  };
}

/** The body as feeds carry it, split where the site's origin goes (rendered with two stand-ins, as the feeds are). */
function feedBody(bodyText: string, lead: LeadImage | undefined, target: BodyTarget): string[] {
  const [a, b] = STAND_IN_ORIGINS.map((origin) => {
    const body = renderBody(bodyText, () => {}, { ...target, medium: 'feed', origin });
    if (!lead) return body;
    const picture = lead.photo ? feedPicture(lead.photo, lead.image.alt, origin) : lead.page;
    return `<figure>${picture}</figure>\n${body}`;
  });
  return splitAtOrigins(a ?? '', b ?? '');
}
