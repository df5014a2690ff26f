/**
 * The byline of a Chinese news text, in the shapes Chinese university sites write it: "(邵微/文)", "（文/邵微）",
 * "文/王丽 图/李明", "供稿：国际教育学院", "撰稿：王丽", "摄影：李明", "(王丽/文 李明/图)". Build time only (npm run import).
 */

/** Who wrote the text and who took the pictures, as the byline names them. */
export interface Credits {
  writer?: string;
  photographer?: string;
}

// A credit's role, before or after the name ("文/王丽", "王丽/文", "供稿：学院").
const WRITER_ROLES = ['文', '文字', '作者', '撰稿', '供稿', '撰文', '记者'];
const PHOTO_ROLES = ['图', '图片', '摄影', '摄', '图文'];
const ROLES = [...WRITER_ROLES, ...PHOTO_ROLES];
const ROLE = [...ROLES].sort((a, b) => b.length - a.length).join('|');
// A name: Han characters (a person's 2–4, a unit's up to 20), with the middle dot of transliterated names; several
// joined by 、.
const NAME = '[\\p{Script=Han}·][\\p{Script=Han}·、]{1,40}';
const SEP = '\\s*[/／:：]\\s*';
/** One credit: role then name ("文/王丽", "供稿：国际教育学院"), or name then role ("王丽/文"). */
const CREDIT = new RegExp(
  `(?:(${ROLE})${SEP}(${NAME}?)(?=$|[\\s,，;；]|(?:${ROLE})${SEP})|(${NAME}?)${SEP}(${ROLE})(?=$|[\\s,，、;；]))`,
  'gu',
);

/** The credits of a text that is nothing but credits (brackets allowed); undefined for anything else. */
export function readCredits(text: string): Credits | undefined {
  const inner = text.trim().replace(/^[(（]\s*([^()（）]*?)\s*[)）]$/u, '$1');
  if (inner === '') return undefined;
  const credits: Credits = {};
  let consumed = '';
  for (const m of inner.matchAll(CREDIT)) {
    const role = m[1] ?? m[4] ?? '';
    const name = m[2] ?? m[3] ?? '';
    if (name === '' || ROLES.includes(name)) return undefined;
    const key = PHOTO_ROLES.includes(role) ? 'photographer' : 'writer';
    // "图文/王丽": words and pictures by one person.
    if (role === '图文') credits.writer = [credits.writer, name].filter(Boolean).join('、');
    credits[key] = [credits[key], name].filter(Boolean).join('、');
    consumed += m[0];
  }
  // Credits only: what is left are separators.
  const rest = inner.replace(CREDIT, '').replace(/[\s,，、;；]/g, '');
  return rest === '' && consumed !== '' ? credits : undefined;
}

/** Sentence ends before a byline that closes a paragraph ("…冬天。（王丽/文）", "…冬天。文/王丽 图/李明"). */
const BRACKETED_START = /^[(（][^()（）]{2,40}[)）]/u;
const BRACKETED_END = /[(（][^()（）]{2,40}[)）]$/u;

/**
 * Finds a byline at the start or the end of a paragraph: the credits and the paragraph without them (empty when the
 * paragraph was the byline alone), or undefined when there is none.
 */
export function splitByline(paragraph: string, where: 'start' | 'end'): { credits: Credits; rest: string } | undefined {
  const whole = readCredits(paragraph);
  if (whole) return { credits: whole, rest: '' };
  if (where === 'start') {
    const head = BRACKETED_START.exec(paragraph)?.[0];
    const credits = head ? readCredits(head) : undefined;
    return head && credits ? { credits, rest: paragraph.slice(head.length).trim() } : undefined;
  }
  const tail = BRACKETED_END.exec(paragraph)?.[0];
  const bracketed = tail ? readCredits(tail) : undefined;
  if (tail && bracketed) return { credits: bracketed, rest: paragraph.slice(0, -tail.length).trim() };
  // Unbracketed after the last sentence: "…冬天。文/王丽 图/李明".
  const end = Math.max(...['。', '！', '？', '”', '…'].map((c) => paragraph.lastIndexOf(c)));
  if (end < 0 || end === paragraph.length - 1) return undefined;
  const credits = readCredits(paragraph.slice(end + 1));
  return credits ? { credits, rest: paragraph.slice(0, end + 1).trim() } : undefined;
}
