/**
 * The one fixture builder for tests. Everything here is SYNTHETIC test data, generated in memory:
 * it never lands in content/.
 */
import type { SourceFile } from '../../src/build/compile';
import { type CompiledContent, LANGS, type Lang, type Site, type Translation } from '../../src/content/model';

export const SYNTHETIC_SITES: Record<Lang, Site> = {
  zh: {
    lang: 'zh',
    title: '测试站点(合成数据)',
    description: '合成的测试内容',
    publisher: '测试出版者',
    homePage: 'https://example.edu/',
    rights: '© 测试',
    attribution: '转载请注明来源',
    licenseUrl: 'https://example.edu/license?a=1&b=2',
    tags: { 'open-source': '开源', events: '活动 & 交流' },
  },
  en: {
    lang: 'en',
    title: 'Test site (synthetic)',
    description: 'Synthetic test content',
    publisher: 'Test publisher',
    homePage: 'https://example.edu/',
    rights: '© Test',
    attribution: 'Credit the publisher',
    licenseUrl: 'https://example.edu/license?a=1&b=2',
    tags: { 'open-source': 'Open source', events: 'Events & exchange' },
  },
};

/** A synthetic translation; `day` sets its publication date (2025-01-<day> 09:00 +08:00). */
export function syntheticArticle(slug: string, lang: Lang, day: number, over: Partial<Translation> = {}): Translation {
  const published = `2025-01-${String(day).padStart(2, '0')}T09:00:00+08:00`;
  return {
    slug,
    lang,
    title: `${lang === 'zh' ? '合成文章' : 'Synthetic article'} ${slug}`,
    summary: `Synthetic summary of ${slug} (${lang})`,
    published,
    updated: published,
    publishedMs: Date.parse(published),
    updatedMs: Date.parse(published),
    author: lang === 'zh' ? '测试作者' : 'Test Author',
    tags: ['open-source'],
    html: `<p>Synthetic body of ${slug} in ${lang}.</p>`,
    draft: false,
    ...over,
  };
}

/** Compiled content from synthetic articles, each list sorted newest first as the build does. */
export function syntheticContent(articles: Translation[]): CompiledContent {
  const byLang = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      articles.filter((a) => a.lang === lang).sort((a, b) => b.publishedMs - a.publishedMs || a.slug.localeCompare(b.slug)),
    ]),
  ) as Record<Lang, Translation[]>;
  return { sites: SYNTHETIC_SITES, articles: byLang };
}

/** Source files of a valid synthetic content directory, for the compiler's tests. */
export function siteSources(): SourceFile[] {
  return LANGS.map((lang) => ({
    path: `site/${lang}.yaml`,
    text: [
      `title: Synthetic ${lang}`,
      'description: Synthetic test site',
      'publisher: Test publisher',
      'homePage: https://example.edu/',
      'rights: © Test',
      'attribution: Credit the publisher',
      'tags:',
      `  open-source: ${lang === 'zh' ? '开源' : 'Open source'}`,
      `  events: ${lang === 'zh' ? '活动' : 'Events'}`,
    ].join('\n'),
  }));
}

/** One article file; `fields` replace the default front matter lines (null removes one). */
export function articleSource(
  slug: string,
  lang: Lang,
  fields: Record<string, string | null> = {},
  body = 'Synthetic body paragraph.',
  folder = 'articles/2025',
): SourceFile {
  const defaults: Record<string, string> = {
    title: `Synthetic ${slug}`,
    summary: 'A synthetic summary.',
    published: '2025-03-01T09:00:00+08:00',
    author: 'Test Author',
    tags: '[open-source]',
  };
  const merged = { ...defaults, ...fields };
  const lines = Object.entries(merged)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return { path: `${folder}/${slug}/${lang}.md`, text: `---\n${lines.join('\n')}\n---\n\n${body}\n` };
}
