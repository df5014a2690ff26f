import { describe, expect, it } from 'vitest';
import { type CardText, cardHash, cardTitleLines, renderCard, titleSize } from '../../src/build/card';

/** A synthetic embargo key (content/embargo.key holds the real one). */
const KEY = Buffer.alloc(32, 1);

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
    expect(cardHash(zh, KEY)).toMatch(/^[0-9a-f]{10}$/);
    expect(cardHash({ ...zh }, KEY)).toBe(cardHash(zh, KEY));
    expect(cardHash({ ...zh, title: `${zh.title}！` }, KEY)).not.toBe(cardHash(zh, KEY));
    expect(cardHash({ ...zh, date: '2025年9月6日' }, KEY)).not.toBe(cardHash(zh, KEY));
    // Keyed: without the repository's key, the name of a card cannot be worked out from a guessed headline.
    expect(cardHash(zh, Buffer.alloc(32, 2))).not.toBe(cardHash(zh, KEY));
  });

  it('set long titles smaller so that they fit', () => {
    expect(titleSize('短标题')).toBe(72);
    const long = '国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区'.repeat(2);
    expect(titleSize(long)).toBeLessThan(titleSize(long.slice(0, 20)));
    expect(titleSize('A'.repeat(600))).toBe(40);
  });
});

describe('Chinese card titles', () => {
  const TITLES = [
    '国际教育学院访问开放原子开源基金会，推动“留学哈工大”品牌走进国际开源社区',
    // SYNTHETIC titles, long enough to take three or four lines.
    '哈尔滨工业大学国际教育学院与开放原子开源基金会联合举办“留学哈工大”开源暑期学校，来自二十个国家的学生参加（合成标题）',
    '留学哈工大：国际学生在开源社区贡献代码，基金会表示欢迎更多高校参与开源人才培养计划（合成标题）',
    '国际教育学院召开“留学哈工大”品牌建设研讨会，邀请国际开源基金会专家分享经验与合作模式（合成标题）',
    // Quoted names, which a line must not split either ("开源文化|周”，" was one card's break).
    '国际教育学院举办第三届“开源文化周”，来自二十多个国家的国际学生与开发者共同参与（合成标题）',
    '“留学哈工大”短视频大赛与“开源文化周”同期举办，国际学生踊跃参加各项活动（合成标题）',
    '哈工大发布新版《国际学生手册》，新增开源社区参与指南和奖学金申请说明（合成标题）',
    '国际学生参加“冰雪同心”新年晚会和“开源文化周”闭幕式并合影留念（合成测试标题）',
  ];
  const WORDS = ['哈工大', '开源', '留学', '国际', '基金会'];

  it.each(TITLES)('%s: lines break between words, never before closing punctuation', async (title) => {
    const lines = await cardTitleLines({ lang: 'zh', title, publisher: '合成', date: '2025年1月1日', host: 'news.example.edu' });
    expect(lines.join('')).toBe(title);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line, lines.join(' / ')).not.toMatch(/^[，。、；：？！”’）》]/);
    for (const [a, b] of lines.slice(1).map((line, i): [string, string] => [lines[i] ?? '', line])) {
      for (const word of [...WORDS, ...[...title.matchAll(/[“《][^”》]{2,10}[”》]/g)].map((m) => m[0])]) {
        const across = (a + b).split(word).length - a.split(word).length - b.split(word).length + 1;
        expect(across, `${word} split across "${a}" / "${b}"`).toBe(0);
      }
    }
  });
});
