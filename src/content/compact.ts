/**
 * The index as the bundle carries it: each article without what the Worker derives when it starts (its language,
 * from the list it is in; its instants, from its dates; an update equal to its publication; draft: false). At 10,000
 * bilingual articles that saved an eighth of the gzipped index (2.37 → 2.08 MB, measured), which decides whether
 * the archive fits the Worker's 3 MiB (docs/archive.md).
 */
import { perLanguage } from '../languages';
import { yearRuns } from './library';
import type { CompiledContent, Lang, Translation } from './model';

export type CompactTranslation = Omit<Translation, 'lang' | 'publishedMs' | 'updatedMs' | 'updated' | 'draft'> & {
  updated?: string;
  draft?: true;
};

export interface CompactContent extends Omit<CompiledContent, 'articles'> {
  articles: Record<Lang, CompactTranslation[]>;
}

/** Leaves out of each article what `expandContent` derives. */
export function compactContent(content: CompiledContent): CompactContent {
  return {
    ...content,
    yearRuns: perLanguage((lang) => yearRuns(content.articles[lang])),
    articles: perLanguage((lang) => content.articles[lang].map((a) => compactArticle(a, content.siteCards?.[lang]?.site))),
  };
}

function compactArticle(
  { lang: _, publishedMs: __, updatedMs: ___, updated, draft, card, ...rest }: Translation,
  siteCard: string | undefined,
): CompactTranslation {
  return {
    ...rest,
    // Articles past the newest ARTICLE_CARDS share the site's card: the path once, not once per article (12,000
    // times at 10,000 bilingual articles). An article with no card has a lead image, or the build drew none.
    ...(card !== undefined && !(card === siteCard && !rest.image) ? { card } : {}),
    ...(updated !== rest.published ? { updated } : {}),
    ...(draft ? { draft: true as const } : {}),
  };
}

/**
 * The content as the Worker reads it, from its compact form, each article completed in place: the objects JSON.parse
 * made become the articles (no second copy of the index while the Worker starts).
 */
export function expandContent(compact: CompactContent): CompiledContent {
  return {
    ...compact,
    articles: perLanguage((lang) => compact.articles[lang].map((a) => expandArticle(a, lang, compact.siteCards?.[lang]?.site))),
  };
}

function expandArticle(a: CompactTranslation, lang: Lang, siteCard: string | undefined): Translation {
  const updated = a.updated ?? a.published;
  const card = a.card ?? (a.image ? undefined : siteCard);
  return Object.assign(a, {
    lang,
    updated,
    publishedMs: Date.parse(a.published),
    updatedMs: Date.parse(updated),
    draft: a.draft ?? false,
    ...(card !== undefined ? { card } : {}),
  });
}
