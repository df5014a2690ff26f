/** The index the Worker holds keeps every article as columns; each article read from it is the one compiled. */
import { describe, expect, it } from 'vitest';
import { compiledContent, indexContent, parseIndex, serialiseIndex } from '../../src/content/columns';
import { Library } from '../../src/content/library';
import type { CompiledContent } from '../../src/content/model';
import { content as fixture } from '../generated/content';
import { syntheticArticle, syntheticContent } from '../support/fixtures';

/** Through the text the bundle carries (content.txt), as the Worker reads it. */
const roundTrip = (content: CompiledContent) => compiledContent(parseIndex(serialiseIndex(indexContent(content))));

describe('the columnar index', () => {
  it('gives back exactly the compiled content: drafts, corrections, renames, pictures, videos and offsets included', () => {
    const content = syntheticContent([
      syntheticArticle('plain', 'en', 1),
      syntheticArticle('draft', 'zh', 2, { draft: true, tags: [] }),
      syntheticArticle('corrected', 'en', 3, {
        updated: '2025-03-01T10:00:00+08:00',
        updatedMs: Date.parse('2025-03-01T10:00:00+08:00'),
        archived: true,
        formerSlugs: ['first-name', 'second-name'],
        tags: ['open-source', 'events'],
      }),
      syntheticArticle('pictured', 'zh', 4, {
        image: { src: '/media/a.jpg', alt: '一张图', type: 'image/jpeg', width: 800, height: 600, length: 1234 },
        feedHtml: ['<p><img src="', '/media/a.jpg"></p>'],
        video: true,
        original: 'https://cie.hit.edu.cn/a',
        author: '另一位作者',
      }),
      syntheticArticle('new-york', 'en', 5, {
        published: '2025-01-05T09:00:00-05:00',
        publishedMs: Date.parse('2025-01-05T09:00:00-05:00'),
      }),
    ]);
    for (const c of [content, fixture]) expect(roundTrip(c)).toEqual(c);
  });

  it("writes the site's card once, not on every article that uses it", () => {
    const site = '/cards/en/_site-0123456789.png';
    const content = syntheticContent([
      syntheticArticle('newest', 'en', 3, { card: '/cards/en/newest-0123456789.png' }),
      syntheticArticle('pictured', 'en', 2, { image: { src: 'https://example.org/a.jpg', alt: 'A picture' } }),
      syntheticArticle('older', 'en', 1, { card: site }),
    ]);
    content.siteCards = { en: { site, tags: {} } };
    const index = indexContent(content);
    expect(index.articles.en.cards.split('\u001f')).toEqual(['/cards/en/newest-0123456789.png', '', '']);
    expect(serialiseIndex(index).split(site).length - 1).toBe(1);
    expect(roundTrip(content)).toEqual(content);
  });

  it('finds each article by its slug, and by a former one, whatever the order of slugs and publication', () => {
    const slugs = ['m', 'a', 'zz', 'b-2', 'b-10', 'é', 'z'];
    const library = Library.of(
      syntheticContent(slugs.map((slug, i) => syntheticArticle(slug, 'en', i + 1, i === 3 ? { formerSlugs: ['old-b'] } : {}))),
    );
    for (const slug of slugs) expect(library.find('en', slug)?.slug).toBe(slug);
    expect(library.find('en', 'b')).toBeUndefined();
    expect(library.find('zh', 'm')).toBeUndefined();
    expect(library.renamedFrom('en', 'old-b')?.slug).toBe('b-2');
  });

  it('reads back text that holds line breaks, quotes and characters outside the BMP, in every column', () => {
    const odd = 'Line one\nline "two" \\ 𝄞 合成\r\n';
    const content = syntheticContent([
      syntheticArticle('odd', 'en', 1, { title: odd, summary: odd, original: `https://example.org/${encodeURIComponent(odd)}` }),
      syntheticArticle('odd', 'zh', 1, { title: odd, summary: '', image: { src: '/media/a.jpg', alt: odd } }),
    ]);
    expect(roundTrip(content)).toEqual(content);
  });

  it('says to rebuild when the index text is cut short', () => {
    const text = serialiseIndex(indexContent(syntheticContent([syntheticArticle('a', 'en', 1)])));
    expect(() => parseIndex(text.slice(0, -3))).toThrow('rebuild it (npm run build)');
  });

  it('refuses a value holding its separator, naming the article and field', () => {
    const content = syntheticContent([syntheticArticle('odd', 'en', 1, { title: 'A\u001fB' })]);
    expect(() => indexContent(content)).toThrow('en/odd: title holds the control character U+001F');
  });
});
