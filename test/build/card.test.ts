import { describe, expect, it } from 'vitest';
import { type CardText, cardHash, renderCard, titleSize } from '../../src/build/card';

// Synthetic card texts (not an article of content/).
const zh: CardText = {
  lang: 'zh',
  title: '合成标题：留学哈工大',
  publisher: '哈尔滨工业大学国际教育学院',
  date: '2025年9月5日',
  host: 'cie.hit.edu.cn',
};
const en: CardText = {
  lang: 'en',
  title: 'Synthetic title: “Study at HIT”',
  publisher: 'College of International Education',
  date: '5 September 2025',
  host: 'cie.hit.edu.cn',
};

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Uint8Array): [number, number] {
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('social cards', () => {
  it('are 1200×630 PNGs, byte-identical for the same text', async () => {
    const a = await renderCard(zh);
    const b = await renderCard({ ...zh });
    expect(pngSize(a.png)).toEqual([1200, 630]);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    expect(a.dropped).toEqual([]);
  });

  it('draw Chinese and Latin titles with real glyphs (two titles of the same length differ; boxes would not)', async () => {
    const one = await renderCard({ ...zh, title: '留学哈工大' });
    const two = await renderCard({ ...zh, title: '开放原子会' });
    expect(Buffer.from(one.png).equals(Buffer.from(two.png))).toBe(false);
    const latin = await renderCard({ ...en, title: 'Harbin' });
    const cyrillic = await renderCard({ ...en, lang: 'ru', title: 'Харбин' });
    expect(latin.dropped).toEqual([]);
    expect(cyrillic.dropped).toEqual([]);
  });

  it('leave out what neither font can draw, and say what', async () => {
    const card = await renderCard({ ...en, title: 'Graduation 🎓 day' });
    expect(card.dropped).toEqual(['U+1F393']);
    expect(pngSize(card.png)).toEqual([1200, 630]);
  });

  it('get a new name when what they show changes', () => {
    expect(cardHash(zh)).toMatch(/^[0-9a-f]{10}$/);
    expect(cardHash({ ...zh })).toBe(cardHash(zh));
    expect(cardHash({ ...zh, title: `${zh.title}！` })).not.toBe(cardHash(zh));
    expect(cardHash({ ...zh, date: '2025年9月6日' })).not.toBe(cardHash(zh));
  });

  it('set long titles smaller so that they fit', () => {
    expect(titleSize('短标题')).toBe(72);
    const long = '国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区'.repeat(2);
    expect(titleSize(long)).toBeLessThan(titleSize(long.slice(0, 20)));
    expect(titleSize('A'.repeat(600))).toBe(40);
  });
});
