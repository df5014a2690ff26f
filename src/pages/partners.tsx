/** /{lang}/partners: everything a partner's web team needs to carry the news. */
import type { Library } from '../content/library';
import type { Lang, Site } from '../content/model';
import { escapeXml } from '../feeds/xml';
import { LANGUAGE } from '../languages';
import { feedPath, tagPath } from '../urls';
import { type EmbedOptions, embedQuery } from './embed-options';
import { FeedTable } from './feed-table';
import { UI } from './i18n';
import { feedLinks, Layout, otherLangs, siteShare } from './layout';

interface PartnersProps {
  library: Library;
  lang: Lang;
  base: string;
  options: EmbedOptions;
}

export function PartnersPage(props: PartnersProps) {
  const { library, lang, base, options } = props;
  const t = LANGUAGE[lang].partners;
  const site = library.sites[lang];
  const feeds = feedLinks(base, lang, site.title);
  const { snippet, iframe, height, fetchExample, pollExample } = snippets(props);
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${t.title} · ${site.title}`}
      description={t.intro}
      base={base}
      share={siteShare(library, lang, base)}
      path={`/${lang}/partners`}
      alternates={otherLangs(lang).map((l) => ({ lang: l, path: `/${l}/partners` }))}
      feeds={feeds}
    >
      <h1>{t.title}</h1>
      {/* The labels partners.js gives the copy buttons it adds (scripts run on this page only). */}
      <p data-copy-labels={JSON.stringify({ copy: UI[lang].copy, copied: UI[lang].copied })}>{t.intro}</p>

      <h2 id="feeds">{t.feeds}</h2>
      <FeedTable feeds={feeds} caption="RSS 2.0 · Atom 1.0 · JSON Feed 1.1" lang={lang} />
      <h3>{t.topics}</h3>
      <ul>
        {Object.entries(site.tags).map(([slug, label]) => (
          <li>
            <a href={tagPath(lang, slug)}>{label}</a>
            {UI[lang].colon}
            <code class="long">{base + feedPath(lang, 'rss', slug)}</code>
          </li>
        ))}
      </ul>

      <EmbedSection lang={lang} site={site} options={options} snippet={snippet} iframe={iframe} height={height} />

      <h2 id="fetch">{t.fetchTitle}</h2>
      <pre tabindex={0}>
        <code>{fetchExample}</code>
      </pre>
      <h2 id="polling">{t.server}</h2>
      <ul>
        {t.etiquette.map((line) => (
          <li>{withCode(line)}</li>
        ))}
      </ul>
      <pre tabindex={0}>
        <code>{pollExample}</code>
      </pre>
      <Attribution lang={lang} site={site} />
    </Layout>
  );
}

/**
 * A line of prose whose `backticked` parts are code (headers, parameters): set apart, and never broken inside unless
 * too long for a phone's line (class "long", as bodies do).
 */
function withCode(line: string) {
  return line.split('`').map((part, i) => (i % 2 === 1 ? <code class={[...part].length > 32 ? 'long' : undefined}>{part}</code> : part));
}

/**
 * The code a partner copies: the widget snippet (also the live preview), the iframe, fetch() and a polling request.
 * The snippets are HTML the partner pastes and the preview renders: the origin is escaped for attributes.
 */
function snippets({ library, lang, base, options }: PartnersProps) {
  const scriptData = [
    `data-lang="${lang}"`,
    `data-limit="${options.limit}"`,
    ...(options.tag ? [`data-tag="${options.tag}"`] : []),
    ...(options.theme !== 'light' ? [`data-theme="${options.theme}"`] : []),
    ...(options.summary ? [] : ['data-summary="false"']),
  ].join(' ');
  const origin = escapeXml(base);
  const fallbackHref = origin + (options.tag ? tagPath(lang, options.tag) : `/${lang}/`);
  const name = escapeXml(LANGUAGE[lang].embed.heading);
  const snippet = `<a href="${fallbackHref}" data-hit-embed>${name}</a>\n<script src="${origin}/embed.js" ${scriptData} async></script>`;
  // Sized to its items without scripts: the heading, then each item with or without its summary.
  const shown = Math.min(options.limit, library.articles(lang, options.tag).length);
  const height = 90 + shown * (options.summary ? 110 : 60);
  const iframe = [
    `<iframe src="${origin}/${lang}/embed${embedQuery(options)}" title="${name}" height="${height}" loading="lazy" style="border:0;width:100%"></iframe>`,
    `<!-- ${LANGUAGE[lang].partners.iframeComment.replaceAll('--', '- -')} -->`,
    `<script>addEventListener('message',e=>{if(e.origin===${JSON.stringify(base).replaceAll('<', '\\u003c')}&&e.data&&e.data.type==='hit-news-height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.height=e.data.height})</script>`,
  ].join('\n');
  const json = base + feedPath(lang, 'json', options.tag);
  const fetchExample = `const res = await fetch('${json}?limit=5');\nconst feed = await res.json();\nfor (const item of feed.items) {\n  console.log(item.title, item.url, item.date_published);\n}`;
  const pollExample = `curl -s -D - -H 'If-None-Match: "<${UI[lang].etagPlaceholder}>"' \\\n  '${json}?since=2025-09-01T00:00:00%2B08:00'`;
  return { snippet, iframe, height, fetchExample, pollExample };
}

/** The widget: its options, the snippet to paste and its live preview, and the iframe for sites without scripts. */
function EmbedSection(props: { lang: Lang; site: Site; options: EmbedOptions; snippet: string; iframe: string; height: number }) {
  const { lang, site, options, snippet, iframe, height } = props;
  const t = LANGUAGE[lang].partners;
  return (
    <>
      <h2 id="embed">{t.embed}</h2>
      <p>{t.embedIntro}</p>
      <EmbedOptionsForm lang={lang} site={site} options={options} />
      <pre tabindex={0}>
        <code id="snippet">{snippet}</code>
      </pre>
      <h3>{t.preview}</h3>
      {/* The preview is the snippet itself (built from validated options only); JSX would hoist its script into <head>. */}
      <div class="preview" id="preview" dangerouslySetInnerHTML={{ __html: snippet }} />
      <script src="/partners.js" defer></script>
      <p>{t.iframe}</p>
      <pre tabindex={0}>
        <code id="iframe-snippet">{iframe}</code>
      </pre>
      <iframe
        src={`/${lang}/embed${embedQuery(options)}`}
        title={t.preview}
        height={String(height)}
        loading="lazy"
        class="preview-frame"
      ></iframe>
    </>
  );
}

/** The snippet generator's options; without scripts it submits and the page comes back with the new snippet. */
function EmbedOptionsForm({ lang, site, options }: { lang: Lang; site: Site; options: EmbedOptions }) {
  const t = LANGUAGE[lang].partners;
  return (
    <form method="get" action={`/${lang}/partners#embed`} class="generator">
      <fieldset>
        <legend>{t.options}</legend>
        <label>
          {t.limit} <input type="number" name="limit" min="1" max="20" value={String(options.limit)} />
        </label>{' '}
        <label>
          {t.tag}{' '}
          <select name="tag">
            <option value="" selected={!options.tag}>
              {t.allTags}
            </option>
            {Object.entries(site.tags).map(([slug, label]) => (
              <option value={slug} selected={options.tag === slug}>
                {label}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t.theme}{' '}
          <select name="theme">
            {(['light', 'dark', 'auto'] as const).map((v) => (
              <option value={v} selected={options.theme === v}>
                {UI[lang].themes[v]}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t.summary}{' '}
          <select name="summary">
            <option value="true" selected={options.summary}>
              {t.yes}
            </option>
            <option value="false" selected={!options.summary}>
              {t.no}
            </option>
          </select>
        </label>{' '}
        <button type="submit">{t.update}</button>
      </fieldset>
    </form>
  );
}

/** How to credit the publisher, with the rights line and the licence. */
function Attribution({ lang, site }: { lang: Lang; site: Site }) {
  const t = LANGUAGE[lang].partners;
  return (
    <>
      <h2 id="attribution">{t.attribution}</h2>
      <ul>
        <li>{site.attribution}</li>
        <li>{site.rights}</li>
        <li>
          {site.publisher} · <a href={site.homePage}>{site.homePage}</a>
        </li>
        {site.licenseUrl ? (
          <li>
            <a href={site.licenseUrl} rel="license">
              {site.licenseUrl}
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}
