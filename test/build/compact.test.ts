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
    for (const c of [content, fixture]) expect(expandContent(compactContent(c))).toEqual(c);
  });

  it('leaves out the language, the instants, an unchanged update and draft: false', () => {
    const [entry] = compactContent(syntheticContent([syntheticArticle('plain', 'en', 1)])).articles.en;
    expect(entry).not.toHaveProperty('lang');
    expect(entry).not.toHaveProperty('publishedMs');
    expect(entry).not.toHaveProperty('updated');
    expect(entry).not.toHaveProperty('draft');
  });
});
