/**
 * Chinese text takes full-width punctuation; the college's CMS hands it out half-width ("7月18日,国际…", "(邵微/文)").
 * This turns the half-width marks of Chinese prose into full-width ones — never inside numbers (1,000), URLs,
 * Latin words, code, link targets or HTML — for `npm run import` and `npm run check -- --fix`. Build time only.
 */

const HAN = '\\u3400-\\u9fff\\uf900-\\ufaff';
// Han characters, CJK and full-width punctuation, and the curly double quotes Chinese text quotes with.
const CJK = `${HAN}\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d`;
const IS_CJK = new RegExp(`[${CJK}]`, 'u');
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '(': '（', ')': '）' };

// What prose may not touch: code spans, link and image targets, HTML tags, bare URLs and e-mail addresses.
const PROTECTED = /`[^`]*`|\]\([^)]*\)|<[^>]*>|\b[a-z][a-z0-9+.-]*:\/\/[^\s，。）)]*|[\w.+-]+@[\w-]+\.[\w.-]+/giu;

const cjk = (c: string | undefined) => c !== undefined && IS_CJK.test(c);

/** The half-width marks of one stretch of prose made full-width where Chinese text touches them. */
function fixProse(prose: string): string {
  const chars = [...prose];
  // A space beside the mark is dropped with it: full-width marks carry their own spacing.
  const before = (i: number) => (chars[i - 1] === ' ' ? chars[i - 2] : chars[i - 1]);
  const after = (i: number) => (chars[i + 1] === ' ' ? chars[i + 2] : chars[i + 1]);
  const convert = new Set<number>();
  // Parentheses as pairs, so that "（OpenAtom)" never happens: a pair is Chinese when either mark touches Chinese.
  const open: number[] = [];
  const pairs: [number, number][] = [];
  chars.forEach((c, i) => {
    if (c === '(') open.push(i);
    else if (c === ')') {
      const o = open.pop();
      if (o !== undefined) pairs.push([o, i]);
      else if (cjk(before(i)) || cjk(after(i))) convert.add(i);
    }
  });
  for (const o of open) if (cjk(after(o)) || cjk(before(o))) convert.add(o);
  for (const [o, c] of pairs) {
    if ([before(o), after(o), before(c), after(c)].some(cjk)) {
      convert.add(o);
      convert.add(c);
    }
  }
  chars.forEach((c, i) => {
    if (!',;:!?'.includes(c)) return;
    const prev = before(i);
    const next = after(i);
    // 1,000 and 10:30 stay; so does a mark between two Latin words.
    if (/\d/.test(chars[i - 1] ?? '') && /\d/.test(chars[i + 1] ?? '')) return;
    if (cjk(prev) || (cjk(next) && !/\d/.test(prev ?? ''))) convert.add(i);
  });
  const out: string[] = [];
  chars.forEach((c, i) => {
    if (c === ' ' && (convert.has(i - 1) || convert.has(i + 1))) return;
    out.push(convert.has(i) ? (FULL_WIDTH[c] ?? c) : c);
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
