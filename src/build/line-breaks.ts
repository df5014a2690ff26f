/**
 * Where a Chinese title may break across lines on a social card: between words, never inside one, never before
 * closing punctuation (“，”。) or after opening punctuation (“（《) — kinsoku. Words come from ICU's segmenter, with
 * the names a card must never split kept whole even where ICU cuts them (开|源, 哈|工大). Everywhere else a WORD
 * JOINER (U+2060, invisible, no width) tells satori's line breaker not to break. Build time only.
 */

/** Words and names the segmenter splits but a reader must see whole, longest first. */
const KEEP_WHOLE = [
  '哈尔滨工业大学',
  '国际教育学院',
  '留学哈工大',
  '开放原子',
  '基金会',
  '哈工大',
  '开源',
  '留学',
  '国际',
  '学院',
  '品牌',
  '社区',
].sort((a, b) => b.length - a.length);

const CLOSING = /[，。、；：？！”’）》」』】〕…·,.;:?!)\]]/u;
const OPENING = /[“‘（《「『【〔([]/u;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…·]/u;

export const WORD_JOINER = '\u2060';

/** The title with a word joiner wherever a line must not break; text without Chinese comes back unchanged. */
export function chineseLineBreaks(title: string): string {
  const chars = [...title];
  if (!chars.some((c) => /[\u3400-\u9fff]/u.test(c))) return title;
  // Positions (in characters) where ICU ends a word.
  const breaks = new Set<number>();
  let at = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)) {
    at += [...segment].length;
    breaks.add(at);
  }
  // No break inside a name to keep whole.
  const text = chars.join('');
  for (const word of KEEP_WHOLE) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      const start = [...text.slice(0, i)].length;
      for (let k = start + 1; k < start + [...word].length; k++) breaks.delete(k);
    }
  }
  let out = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    const before = chars[k - 1] ?? '';
    const after = chars[k] ?? '';
    const cjkPair = CJK.test(before) || CJK.test(after);
    const allowed = breaks.has(k) && !CLOSING.test(after) && !OPENING.test(before);
    out += (cjkPair && !allowed && before !== ' ' && after !== ' ' ? WORD_JOINER : '') + after;
  }
  return out;
}
