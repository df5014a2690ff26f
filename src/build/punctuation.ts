/**
 * Chinese text takes full-width punctuation; the college's CMS hands it out half-width ("7月18日,国际…", "(邵微/文)").
 * This turns the half-width marks of Chinese prose into full-width ones — never inside numbers (1,000), URLs,
 * Latin words, code, link targets or HTML — for `npm run import` and `npm run check -- --fix`. Build time only.
 */

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
// Han characters, CJK and full-width punctuation, and the curly quotes Chinese text quotes with.
const CJK = `${HAN}\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019\\u2026`;
const IS_CJK = new RegExp(`[${CJK}]`, 'u');
const IS_HAN = new RegExp(`[${HAN}]`, 'u');
/** Each half-width mark and the full-width one Chinese text takes (quotes: see the pairs below). */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
  '.': '。',
  '~': '～',
};

// What prose may not touch: character references (&amp;), code spans, link and image targets, HTML tags, bare URLs
// and e-mail addresses.
const PROTECTED =
  /&#?[a-z0-9]+;|`[^`]*`|\]\([^)]*\)|<[^>]*>|\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s，。）)"“”]*[^\s，。）)"“”.,;:!?]|\.*)|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

const cjk = (c: string | undefined) => c !== undefined && IS_CJK.test(c);
const latinOrDigit = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);
const digit = (c: string | undefined) => c !== undefined && /\d/.test(c);
// What starts Chinese words after a mark: a Han character, or an opening full-width quote or parenthesis (not other
// full-width punctuation: "&amp;amp;、" is no sentence).
const startsChinese = (c: string | undefined) => c !== undefined && (IS_HAN.test(c) || '“‘（'.includes(c));

/** Whether a line is Chinese prose: its first letter is a Han character. */
const chineseLine = (chars: readonly string[]) => IS_HAN.test(chars.find((c) => IS_HAN.test(c) || /[A-Za-z]/.test(c)) ?? '');

/** The half-width marks of one stretch of prose made full-width where Chinese text touches them. */
function fixProse(prose: string): string {
  // An ellipsis of three dots or more (or "…") beside Chinese: one two-em "……".
  const withEllipses = prose.replace(/\.{3,}|…+/g, (dots, at: number) => {
    const before = prose[at - 1] === ' ' ? prose[at - 2] : prose[at - 1];
    const after = prose[at + dots.length] === ' ' ? prose[at + dots.length + 1] : prose[at + dots.length];
    return cjk(before) || cjk(after) ? '……' : dots;
  });
  const chars = [...withEllipses];
  const chinese = chineseLine(chars);
  // A space beside the mark is dropped with it (full-width marks carry their own spacing): its neighbours are past it.
  const prevAt = (i: number) => (chars[i - 1] === ' ' ? i - 2 : i - 1);
  const nextAt = (i: number) => (chars[i + 1] === ' ' ? i + 2 : i + 1);
  const before = (i: number) => chars[prevAt(i)];
  const after = (i: number) => chars[nextAt(i)];
  const convert = new Map<number, string>();
  const hasChinese = (from: number, to: number) => chars.slice(from + 1, to).some((c) => IS_HAN.test(c));

  // Quotes as pairs, in order: a pair whose words are Chinese takes “…” (or ‘…’); an English phrase quoted inside
  // Chinese ("OpenAtom Foundation") keeps its own. An apostrophe (OpenAtom's) is no quote.
  for (const [mark, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    const at = chars.flatMap((c, i) =>
      c === mark && !(mark === "'" && latinOrDigit(chars[i - 1]) && latinOrDigit(chars[i + 1])) ? [i] : [],
    );
    for (let k = 0; k + 1 < at.length; k += 2) {
      const [o, c] = [at[k] as number, at[k + 1] as number];
      if (hasChinese(o, c)) {
        convert.set(o, open);
        convert.set(c, close);
      }
    }
  }
  // Parentheses as pairs, so that "（OpenAtom)" never happens: a pair is Chinese when a mark touches Chinese or it
  // holds Chinese.
  const opened: number[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((c, i) => {
    if (c === '(') opened.push(i);
    else if (c === ')') {
      const o = opened.pop();
      if (o !== undefined) pairs.push([o, i]);
      else if (cjk(before(i)) || cjk(after(i))) convert.set(i, '）');
    }
  });
  for (const o of opened) if (cjk(after(o)) || cjk(before(o))) convert.set(o, '（');
  for (const [o, c] of pairs) {
    if ([before(o), after(o), before(c), after(c)].some(cjk) || hasChinese(o, c)) {
      convert.set(o, '（');
      convert.set(c, '）');
    }
  }
  // The other marks, read with what is on either side once the quotes and parentheses above are full-width.
  const seen = (j: number) => convert.get(j) ?? chars[j];
  chars.forEach((c, i) => {
    if (convert.has(i) || !(c in FULL_WIDTH) || c === '(' || c === ')') return;
    const prev = seen(prevAt(i));
    const next = seen(nextAt(i));
    // Inside a number (1,000  10:30  3.5  3~5 stays only where no Chinese is near) a mark is the number's.
    const inNumber = digit(chars[i - 1]) && digit(chars[i + 1]);
    if (c === '~') {
      if (cjk(prev) || cjk(next) || (inNumber && chinese)) convert.set(i, '～');
      return;
    }
    if (inNumber) return;
    if (c === '.') {
      // A full stop: after Chinese, or before it, or ending a Chinese line; never in a host name, nor after a Latin word
      // and before a space (Dr. Li, e.g. 哈工大: an abbreviation), nor after a number (1.开幕式: a list).
      if (latinOrDigit(chars[i + 1]) || (!cjk(chars[i - 1]) && chars[i + 1] === ' ')) return;
      if (cjk(prev) || (startsChinese(next) && !digit(prev)) || (next === undefined && chinese && !digit(prev))) convert.set(i, '。');
      return;
    }
    if (cjk(prev) || startsChinese(next)) convert.set(i, FULL_WIDTH[c] ?? c);
  });
  const out: string[] = [];
  chars.forEach((c, i) => {
    if (c === ' ' && (convert.has(i - 1) || convert.has(i + 1))) return;
    out.push(convert.get(i) ?? c);
  });
  return out.join('');
}

/** One line of Chinese prose with its half-width marks made full-width; what is protected stays as it is. */
export function fixChineseLine(line: string): string {
  // Protected stretches stand in as one private-use character each, so parentheses pair across them.
  const kept: string[] = [];
  const masked = line.replace(PROTECTED, (m) => {
    kept.push(m);
    return STAND_IN;
  });
  let k = 0;
  return fixProse(masked).replace(new RegExp(STAND_IN, 'g'), () => kept[k++] ?? '');
}

const STAND_IN = '\uE000';

/** A line changed by the fixer, for the report. */
export interface PunctuationChange {
  /** 1-based line in the file. */
  line: number;
  before: string;
  after: string;
}

/**
 * A Chinese Markdown article with the punctuation of its title, summary and body prose fixed (front matter's other
 * fields, code blocks and indented code stay), and each changed line.
 */
export function fixChineseMarkdown(text: string): { text: string; changes: PunctuationChange[] } {
  const lines = text.split('\n');
  const changes: PunctuationChange[] = [];
  let inFrontMatter = lines[0]?.trim() === '---';
  let fenced = false;
  const fixed = lines.map((line, i) => {
    if (i > 0 && inFrontMatter && line.trim() === '---') {
      inFrontMatter = false;
      return line;
    }
    let next = line;
    if (inFrontMatter) {
      const field = /^(title|summary):(\s*)(.*)$/.exec(line);
      if (field) next = `${field[1]}:${field[2]}${fixChineseLine(field[3] ?? '')}`;
    } else {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      else if (!fenced && !/^( {4}|\t)/.test(line)) next = fixChineseLine(line);
    }
    if (next !== line) changes.push({ line: i + 1, before: line, after: next });
    return next;
  });
  return { text: fixed.join('\n'), changes };
}
