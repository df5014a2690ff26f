/** Reading Accept and Accept-Language the way RFC 9110 §12 describes. */
import { DEFAULT_LANG, LANGS, type Lang } from '../languages';

interface Weighted {
  value: string;
  q: number;
}

function parseWeighted(header: string | null): Weighted[] {
  if (!header) return [];
  return header
    .slice(0, 1024)
    .split(',')
    .map((part) => {
      const [value = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { value: value.trim(), q: Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0 };
    })
    .filter((w) => w.value !== '' && w.q > 0);
}

/** True when the client ranks HTML at least as high as JSON (browsers do; feed readers and scripts do not). */
export function prefersHtml(request: Request): boolean {
  const accepted = parseWeighted(request.headers.get('accept'));
  const q = (type: string) =>
    Math.max(0, ...accepted.filter((a) => a.value === type || a.value === `${type.split('/')[0]}/*`).map((a) => a.q));
  const html = Math.max(q('text/html'), q('application/xhtml+xml'));
  return html > 0 && html >= Math.max(q('application/json'), q('application/problem+json'));
}

/** The site language the client prefers; English when it expresses no preference between ours. */
export function preferredLang(request: Request): Lang {
  const ranked = parseWeighted(request.headers.get('accept-language'));
  let best: { lang: Lang; q: number } = { lang: DEFAULT_LANG, q: 0 };
  for (const { value, q } of ranked) {
    const primary = value.split('-')[0];
    const lang = LANGS.find((l) => l === primary);
    if (lang && q > best.q) best = { lang, q };
  }
  return best.lang;
}
