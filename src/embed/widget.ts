/**
 * embed.js: the partner widget. Browser code, compiled by `npm run build` into src/generated/embed.ts.
 * Snippet: <a href="https://HOST/en/" data-hit-embed>Study at HIT news</a>
 *          <script src="https://HOST/embed.js" data-lang="en" data-limit="5" async></script>
 * Replaces the link (kept when scripts are off or blocked, or when the news cannot be shown) with the
 * latest items, in a shadow root so that no style crosses in either direction. Requests only this
 * Worker; sets no cookie. A bad option leaves the link and says why in the console, for the partner.
 */
interface Item {
  url: string;
  title: string;
  summary: string;
  date_published: string;
}

/** Each language's texts, from src/languages/ (put in by `npm run build`). */
declare const __WIDGET_LANGUAGES__: Record<string, { heading: string; more: string; tag: string; dateLocale: string }>;
declare const __DEFAULT_LANG__: string;
/** `.box:lang(xx){font-family:...}` for each language with its own fonts. */
declare const __LANGUAGE_FONTS__: string;
const TEXT = __WIDGET_LANGUAGES__;

/** The options a partner can set, and what each accepts (checked here, so readers never see an error). */
const OPTIONS: Record<string, RegExp> = {
  lang: new RegExp(`^(${Object.keys(TEXT).join('|')})$`),
  limit: /^([1-9]\d?|100)$/,
  tag: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  theme: /^(light|dark|auto)$/,
  summary: /^(true|false)$/,
};

// The host element is in the partner's page: their rules (even `* {...}` with !important) reach it,
// and what it inherits reaches the shadow tree. Inline !important declarations outrank every rule
// of a stylesheet; `all` resets everything but direction and unicode-bidi, set after it.
const HOST_RESET: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['direction', 'ltr'],
  ['unicode-bidi', 'isolate'],
];

const STYLE = `
:host{contain:content}
.box{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;background:#fff;border:1px solid #d8d8e0;border-radius:8px;padding:12px 16px;text-align:left;color-scheme:light}
${__LANGUAGE_FONTS__}
.dark{color:#ececf1;background:#15161a;border-color:#33343b;color-scheme:dark}
h2{font-size:16px;margin:0 0 8px;font-weight:700}
ul{list-style:none;margin:0;padding:0}li{margin:0 0 10px}
a{color:#004c97;text-decoration:underline}.dark a{color:#7fb2ff}
time{display:block;font-size:13px;opacity:.75}
p{margin:2px 0 0;font-size:14px}
.more{font-size:14px}
`;

/**
 * The partner's link the widget replaces. CMSs move the snippet's two lines apart: WordPress puts a <br> between
 * them inside one <p>, Drupal and others wrap each line in its own <p>. The link is the element just before the
 * script (line breaks skipped; from the script's own wrapper when it stands alone in one), or the wrapper that holds
 * nothing but the link, which then goes with it.
 */
function fallbackLink(script: HTMLScriptElement): Element | null {
  const before = (node: Element): Element | null => {
    let sibling = node.previousElementSibling;
    while (sibling?.tagName === 'BR') sibling = sibling.previousElementSibling;
    return sibling;
  };
  let candidate = before(script);
  const wrapper = script.parentElement;
  if (!candidate && wrapper && wrapper !== document.body && wrapper.textContent?.trim() === '') candidate = before(wrapper);
  if (!candidate) return null;
  if (candidate.hasAttribute('data-hit-embed')) return candidate;
  const inner = candidate.querySelector('a[data-hit-embed]');
  return inner && inner.textContent?.trim() === candidate.textContent?.trim() ? candidate : null;
}

/**
 * Takes away the paragraphs a CMS left around the widget that now hold nothing but it, line breaks and the script
 * (WordPress: <p><a>…</a><br><script></p>; Drupal: the script in a <p> of its own): each is a line of empty space.
 */
function tidyWrappers(host: Element, script: HTMLScriptElement): void {
  const empty = (p: Element, keep: Node | null) =>
    p.tagName === 'P' &&
    [...p.childNodes].every(
      (n) => n === keep || n === script || (n.nodeType === Node.TEXT_NODE && !n.textContent?.trim()) || (n as Element).tagName === 'BR',
    );
  const around = host.parentElement;
  if (around && around !== document.body && empty(around, host)) around.replaceWith(host);
  const own = script.parentElement;
  if (own && own !== document.body && !own.contains(host) && empty(own, null)) own.remove();
}

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script) return;
  const origin = new URL(script.src).origin;
  const data = script.dataset;
  for (const [name, pattern] of Object.entries(OPTIONS)) {
    const value = data[name];
    if (value !== undefined && !pattern.test(value)) {
      console.warn(`HIT news embed: data-${name}="${value}" is not valid (expected ${pattern.source}); showing the plain link instead.`);
      return;
    }
  }
  const lang = data.lang ?? __DEFAULT_LANG__;
  const text = TEXT[lang];
  if (!text) return;
  const tag = data.tag ?? '';
  const limit = data.limit ?? '5';
  const dark = data.theme === 'dark' || (data.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  const showSummary = data.summary !== 'false';

  // A custom element: no partner rule for div, section or p can select it.
  const host = document.createElement('hit-news');
  host.setAttribute('data-hit-embed-root', '');
  for (const [property, value] of HOST_RESET) host.style.setProperty(property, value, 'important');
  const fallback = fallbackLink(script);
  const root = host.attachShadow({ mode: 'open' });

  const el = <K extends keyof HTMLElementTagNameMap>(name: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Node[]) => {
    const node = Object.assign(document.createElement(name), props);
    node.append(...children);
    return node;
  };
  // A constructed stylesheet is not inline CSS, so hosts with a strict style-src CSP still apply it.
  let style: Node[] = [];
  if ('adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    root.adoptedStyleSheets = [sheet];
  } else {
    style = [el('style', { textContent: STYLE })];
  }
  const page = `${origin}/${lang}/${tag ? `tags/${encodeURIComponent(tag)}/` : ''}`;
  const box = el('section', { className: dark ? 'box dark' : 'box' }, el('h2', { textContent: text.heading }));
  box.setAttribute('lang', text.tag);
  root.append(...style, box);
  const more = el('a', { className: 'more', href: page, textContent: text.more, target: '_blank', rel: 'noopener' });

  fetch(`${page}feed.json?limit=${encodeURIComponent(limit)}`, { credentials: 'omit' })
    .then(async (res) => {
      const body = await res.json();
      if (!res.ok) throw new Error(body.detail ?? res.statusText);
      // Only now does the widget replace the link: a failure leaves the partner's link in place.
      if (fallback) fallback.replaceWith(host);
      else script.before(host);
      tidyWrappers(host, script);
      const list = el('ul');
      for (const item of body.items as Item[]) {
        const date = new Date(item.date_published);
        list.append(
          el(
            'li',
            {},
            el('a', { href: item.url, textContent: item.title, target: '_blank', rel: 'noopener' }),
            el('time', {
              dateTime: item.date_published,
              textContent: date.toLocaleDateString(text.dateLocale, { timeZone: 'Asia/Shanghai', dateStyle: 'long' }),
            }),
            ...(showSummary ? [el('p', { textContent: item.summary })] : []),
          ),
        );
      }
      box.append(list, more);
    })
    .catch((error: Error) => {
      const reason = error.message.trim();
      console.warn(`HIT news embed: ${reason}${/[.!?。]$/.test(reason) ? '' : '.'} Showing the plain link instead.`);
    });
})();
