/** The bundled index leaves out what the Worker derives at start-up; what the Worker reads is the same. */
import { describe, expect, it } from 'vitest';
import { compactContent, expandContent } from '../../src/content/compact';
import { content as fixture } from '../generated/content';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

describe('the compact index', () => {
  it('expands to exactly the compiled content: drafts, corrections and offsets included', () => {
    const content = syntheticContent([
      syntheticArticle('plain', 'en', 1),
      syntheticArticle('draft', 'zh', 2, { draft: true }),
      syntheticArticle('corrected', 'en', 3, {
        updated: '2025-03-01T10:00:00+08:00',
        updatedMs: Date.parse('2025-03-01T10:00:00+08:00'),
        archived: true,
      }),
    ]);
    // Plus what the build adds for the Worker: the runs of each year (Library.years).
    for (const c of [content, fixture]) expect(expandContent(compactContent(c))).toEqual({ ...c, yearRuns: expect.any(Object) });
  });

  it('leaves out the language, the instants, an unchanged update and draft: false', () => {
    const [entry] = compactContent(syntheticContent([syntheticArticle('plain', 'en', 1)])).articles.en;
    expect(entry).not.toHaveProperty('lang');
    expect(entry).not.toHaveProperty('publishedMs');
    expect(entry).not.toHaveProperty('updated');
    expect(entry).not.toHaveProperty('draft');
  });

  it("writes the site's card once, not on every article that uses it", () => {
    const site = '/cards/en/_site-0123456789.png';
    const content = syntheticContent([
      syntheticArticle('newest', 'en', 3, { card: '/cards/en/newest-0123456789.png' }),
      syntheticArticle('pictured', 'en', 2, { image: { src: 'https://example.org/a.jpg', alt: 'A picture' } }),
      syntheticArticle('older', 'en', 1, { card: site }),
    ]);
    content.siteCards = { en: { site, tags: {} } };
    const compact = compactContent(content);
    expect(compact.articles.en.map((a) => a.card)).toEqual(['/cards/en/newest-0123456789.png', undefined, undefined]);
    expect(expandContent(compact)).toEqual({ ...content, yearRuns: expect.any(Object) });
  });
});
