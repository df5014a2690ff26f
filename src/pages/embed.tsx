/** /{lang}/embed: the iframe form of the widget, for sites that forbid third-party scripts. */
import type { Child } from 'hono/jsx';
import type { Library } from '../content/library';
import { LANGUAGE_TAG, type Lang } from '../content/model';
import { LANGUAGE, languageFontCss } from '../languages';
import { articlePath, langPath, tagPath } from '../urls';
import type { EmbedOptions } from './embed-options';
import { formatDate } from './i18n';

export const EMBED_CSS = `
:root{color-scheme:light}
:root:has(body.dark){color-scheme:dark}
@media (prefers-color-scheme:dark){:root:has(body.auto){color-scheme:dark}}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1d1d1f;background:#fff}
${languageFontCss()}
body.dark{color:#ececf1;background:#15161a}
@media (prefers-color-scheme:dark){body.auto{color:#ececf1;background:#15161a}body.auto a{color:#7fb2ff}}
main{padding:12px 16px}h1{font-size:16px;margin:0 0 8px}
ul{list-style:none;margin:0;padding:0}li{margin:0 0 10px}
a{color:#004c97}.dark a{color:#7fb2ff}
time{display:block;font-size:13px;opacity:.75}p{margin:2px 0 0;font-size:14px}
.more{display:block;padding:6px 0}
`.trim();

/** The document both frame pages share: language, no indexing, the frame's stylesheet, its heading. */
function EmbedFrame({ lang, theme, script, children }: { lang: Lang; theme: EmbedOptions['theme']; script?: boolean; children: Child }) {
  const heading = LANGUAGE[lang].embed.heading;
  return (
    <html lang={LANGUAGE_TAG[lang]}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{heading}</title>
        <link rel="stylesheet" href="/embed.css" />
        {script ? <script src="/embed-frame.js" defer></script> : null}
      </head>
      <body class={theme}>
        <main>
          <h1>{heading}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

export function EmbedPage({ library, lang, options, base }: { library: Library; lang: Lang; options: EmbedOptions; base: string }) {
  const articles = library.articles(lang, options.tag).slice(0, options.limit);
  const more = base + (options.tag ? tagPath(lang, options.tag) : langPath(lang));
  return (
    <EmbedFrame lang={lang} theme={options.theme} script>
      <ul>
        {articles.map((a) => (
          <li>
            <a href={base + articlePath(lang, a.slug)} target="_blank" rel="noopener">
              {a.title}
            </a>
            <time datetime={a.published}>{formatDate(a.published, lang)}</time>
            {options.summary ? <p>{a.summary}</p> : null}
          </li>
        ))}
      </ul>
      <a class="more" href={more} target="_blank" rel="noopener">
        {LANGUAGE[lang].embed.more}
      </a>
    </EmbedFrame>
  );
}

/**
 * The embed's answer to a wrong option: readable inside the partner's frame (framable, in the frame's language),
 * with the reason for the partner's developer and the plain news page for readers.
 */
export function EmbedErrorPage({ lang, detail, base }: { lang: Lang; detail: string; base: string }) {
  const t = LANGUAGE[lang].embed;
  return (
    <EmbedFrame lang={lang} theme="light">
      <p role="alert">{t.badOption}</p>
      <p lang="en">
        <code class="long">{detail}</code>
      </p>
      <p>
        <a href={base + langPath(lang)} target="_top">
          {t.more}
        </a>
      </p>
    </EmbedFrame>
  );
}
