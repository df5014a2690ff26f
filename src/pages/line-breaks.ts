/**
 * Where a Chinese title may break across lines, on a social card and in a page's headings: between words, never
 * inside one, never before closing punctuation (“，”。) or after opening punctuation (“（《) — kinsoku. Words come
 * from ICU's segmenter, with the names a reader must see whole kept so even where ICU cuts them (开|源, 哈|工大), and
 * a short quoted name (“开源文化周”, 《…》) kept whole. Cards get a WORD JOINER (U+2060, invisible, no width) wherever
 * satori's line breaker must not break; pages get <wbr> where a line may break, under `word-break: keep-all`.
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

/** A quoted name short enough to keep on one line: “开源文化周”, 《留学哈工大》. */
const QUOTED = /[“《「『]([^“”《》「」『』]{2,10})[”》」』]/gu;

/**
 * The positions (in characters) between two characters where a line may break, for a title with Chinese in it;
 * undefined for text without Chinese (its spaces are its breaks).
 */
export function chineseBreaks(title: string): { chars: string[]; breaks: Set<number> } | undefined {
  const chars = [...title];
  if (!chars.some((c) => /[\u3400-\u9fff]/u.test(c))) return undefined;
  // Positions (in characters) where ICU ends a word.
  const words = new Set<number>();
  let at = 0;
  for (const { segment } of new Intl.Segmenter('zh', { granularity: 'word' }).segment(title)) {
    at += [...segment].length;
    words.add(at);
  }
  // No break inside a name to keep whole, or inside a short quoted name.
  const text = chars.join('');
  const keep = (start: number, length: number) => {
    for (let k = start + 1; k < start + length; k++) words.delete(k);
  };
  for (const word of KEEP_WHOLE) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) keep([...text.slice(0, i)].length, [...word].length);
  }
  for (const m of text.matchAll(QUOTED)) keep([...text.slice(0, m.index)].length, [...m[0]].length);
  const breaks = new Set<number>();
  for (let k = 1; k < chars.length; k++) {
    const before = chars[k - 1] ?? '';
    const after = chars[k] ?? '';
    if (before === ' ' || after === ' ') continue;
    const cjkPair = CJK.test(before) || CJK.test(after);
    if (cjkPair && words.has(k) && !CLOSING.test(after) && !OPENING.test(before)) breaks.add(k);
  }
  return { chars, breaks };
}

/** The title with a word joiner wherever a line must not break; text without Chinese comes back unchanged. */
export function chineseLineBreaks(title: string): string {
  const found = chineseBreaks(title);
  if (!found) return title;
  const { chars, breaks } = found;
  let out = chars[0] ?? '';
  for (let k = 1; k < chars.length; k++) {
    const before = chars[k - 1] ?? '';
    const after = chars[k] ?? '';
    const cjkPair = CJK.test(before) || CJK.test(after);
    out += (cjkPair && !breaks.has(k) && before !== ' ' && after !== ' ' ? WORD_JOINER : '') + after;
  }
  return out;
}

/** A heading's text split where a line may break (the pieces a page joins with <wbr>); one piece without Chinese. */
export function headingPieces(title: string): string[] {
  const found = chineseBreaks(title);
  if (!found || found.breaks.size === 0) return [title];
  const pieces: string[] = [];
  let from = 0;
  for (const k of [...found.breaks].sort((a, b) => a - b)) {
    pieces.push(found.chars.slice(from, k).join(''));
    from = k;
  }
  pieces.push(found.chars.slice(from).join(''));
  return pieces;
}
