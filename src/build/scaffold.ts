/** The text `npm run new` writes into a new article, which the build refuses to publish unchanged. */
import type { Lang } from '../content/model';

export interface ScaffoldText {
  title: string;
  summary: string;
  author: string;
  body: string;
}

export const SCAFFOLD: Record<Lang, ScaffoldText> = {
  zh: {
    title: '标题（待填写）',
    summary: '一句话摘要（待填写）。',
    author: '作者（待填写）',
    body: '正文（待填写）。段落之间空一行。链接请写完整地址（https://...）。',
  },
  en: {
    title: 'Headline (to be written)',
    summary: 'One-sentence summary (to be written).',
    author: 'Author (to be written)',
    body: 'The article (to be written). Leave a blank line between paragraphs. Write links in full (https://...).',
  },
};

/** Marks the scaffold puts in every text it writes; none may remain in a published article. */
export const PLACEHOLDER_MARKS = ['（待填写）', '(to be written)'];

/** The time of day used when a story's hour is unknown: 12:00 UTC keeps its date in most time zones. */
export const UNKNOWN_TIME_OF_DAY = 'T20:00:00+08:00';
