/**
 * The index as the bundle carries it: each article without what the Worker derives when it starts (its language,
 * from the list it is in; its instants, from its dates; an update equal to its publication; draft: false). At 10,000
 * bilingual articles this is about a sixth of the gzipped index, which decides whether the archive fits the Worker's
 * 3 MiB (docs/archive.md).
 */
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
  const articles = {} as CompactContent['articles'];
  for (const [lang, list] of Object.entries(content.articles) as [Lang, Translation[]][]) {
    articles[lang] = list.map(({ lang: _, publishedMs: __, updatedMs: ___, updated, draft, ...rest }) => ({
      ...rest,
      ...(updated !== rest.published ? { updated } : {}),
      ...(draft ? { draft: true as const } : {}),
    }));
  }
  return { ...content, articles };
}

/**
 * The content as the Worker reads it, from its compact form, completed in place: the objects JSON.parse made become
 * the articles (no second copy while the Worker starts; about 10 ms for 20,000 articles).
 */
export function expandContent(compact: CompactContent): CompiledContent {
  for (const [lang, list] of Object.entries(compact.articles) as [Lang, CompactTranslation[]][]) {
    for (const a of list as Partial<Translation>[]) {
      a.lang = lang;
      a.updated ??= a.published as string;
      a.publishedMs = Date.parse(a.published as string);
      a.updatedMs = Date.parse(a.updated);
      a.draft ??= false;
    }
  }
  return compact as unknown as CompiledContent;
}
