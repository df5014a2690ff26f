/** The sitemap of a year lists the articles whose date says that year, even where offsets interleave them in time. */
import { describe, expect, it } from 'vitest';
import { Library } from '../../src/content/library';
import { renderArticlesSitemap } from '../../src/pages/documents';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

const at = (slug: string, published: string) =>
  syntheticArticle(slug, 'en', 1, { published, updated: published, publishedMs: Date.parse(published), updatedMs: Date.parse(published) });

describe('Library.years', () => {
  // Newest first in time: new-york (2025-01-01T01:00Z, written 2024), harbin (2024-12-31T17:00Z, written 2025),
  // then an older 2024 article and a 2023 one.
  const content = syntheticContent([
    at('harbin', '2025-01-01T01:00:00+08:00'),
    at('new-york', '2024-12-31T20:00:00-05:00'),
    at('autumn', '2024-10-01T09:00:00+08:00'),
    at('old', '2023-05-01T09:00:00+08:00'),
  ]);
  const yearsOf = (library: Library) =>
    library.years().map((y) => ({ year: y.year, slugs: [...y.articles.en].map((a) => a.slug), newest: y.updatedMs }));

  it('groups by the year written in each date, newest year first, across articles that alternate years in time', () => {
    expect(yearsOf(Library.of(content))).toEqual([
      { year: 2025, slugs: ['harbin'], newest: Date.parse('2025-01-01T01:00:00+08:00') },
      { year: 2024, slugs: ['new-york', 'autumn'], newest: Date.parse('2024-12-31T20:00:00-05:00') },
      { year: 2023, slugs: ['old'], newest: Date.parse('2023-05-01T09:00:00+08:00') },
    ]);
  });

  it('works the years out again for an edition that hides scheduled articles', () => {
    // Before new-york's instant it is not out: its year lists only what the edition shows.
    const before = Library.of(content).visibleAt(Date.parse('2024-12-31T20:00:00-05:00') - 1);
    expect(yearsOf(before).map((y) => [y.year, y.slugs])).toEqual([
      [2025, ['harbin']],
      [2024, ['autumn']],
      [2023, ['old']],
    ]);
    expect(before.lastUpdateMs('en')).toBe(Date.parse('2025-01-01T01:00:00+08:00'));
  });

  it("an edition counts a year's articles and newest update again where it hides some of them, tags included", () => {
    const library = Library.of(
      syntheticContent([
        at('scheduled', '2025-03-01T09:00:00+08:00'),
        at('out', '2025-02-01T09:00:00+08:00'),
        syntheticArticle('corrected', 'en', 1, {
          published: '2025-01-05T09:00:00+08:00',
          publishedMs: Date.parse('2025-01-05T09:00:00+08:00'),
          updated: '2025-02-10T09:00:00+08:00',
          updatedMs: Date.parse('2025-02-10T09:00:00+08:00'),
        }),
        at('old', '2023-05-01T09:00:00+08:00'),
      ]),
    );
    const edition = library.visibleAt(Date.parse('2025-02-15T00:00:00+08:00'));
    expect(yearsOf(edition)).toEqual([
      { year: 2025, slugs: ['out', 'corrected'], newest: Date.parse('2025-02-10T09:00:00+08:00') },
      { year: 2023, slugs: ['old'], newest: Date.parse('2023-05-01T09:00:00+08:00') },
    ]);
    for (const tag of [undefined, 'open-source']) {
      expect(edition.lastUpdateMs('en', tag)).toBe(Date.parse('2025-02-10T09:00:00+08:00'));
      expect(library.lastUpdateMs('en', tag)).toBe(Date.parse('2025-03-01T09:00:00+08:00'));
      expect(edition.articles('en', tag).length).toBe(3);
    }
  });

  it("pairs an article with its translation in its year's sitemap only once the translation is out", () => {
    const story = (lang: 'en' | 'zh', published: string) =>
      syntheticArticle('story', lang, 1, {
        published,
        updated: published,
        publishedMs: Date.parse(published),
        updatedMs: Date.parse(published),
      });
    const library = Library.of(syntheticContent([story('en', '2025-02-01T09:00:00+08:00'), story('zh', '2025-03-01T09:00:00+08:00')]));
    const sitemapAt = (now: number) => {
      const edition = library.visibleAt(now);
      const [year] = edition.years();
      return year ? renderArticlesSitemap(edition, 'https://news.example.edu', year) : '';
    };
    const before = sitemapAt(Date.parse('2025-02-15T00:00:00+08:00'));
    expect(before).toContain('<loc>https://news.example.edu/en/articles/story</loc>');
    expect(before).not.toContain('/zh/articles/story');
    expect(before).not.toContain('hreflang');
    const after = sitemapAt(Date.parse('2025-03-15T00:00:00+08:00'));
    expect(after.match(/hreflang="zh-CN" href="https:\/\/news\.example\.edu\/zh\/articles\/story"/g)).toHaveLength(2);
  });
});
