/** /{lang}/partners: everything a partner's web team needs to carry the news. */
import type { Library } from '../content/library';
import { LANGS, type Lang } from '../content/model';
import { feedPath, tagPath } from '../urls';
import { type EmbedOptions, embedQuery } from './embed-options';
import { FeedTable } from './feed-table';
import { UI } from './i18n';
import { feedLinks, Layout } from './layout';

export const PARTNER_TEXT = {
  zh: {
    title: '合作网站转载指南',
    intro: '欢迎新闻网站和开源社区转载“留学哈工大”新闻。以下方式任选其一，几分钟即可完成。',
    feeds: '订阅源',
    topics: '按标签订阅',
    embed: '嵌入最新新闻',
    embedIntro: '把下面的代码粘贴到网页中需要显示新闻的位置。脚本关闭时显示为普通链接；样式不会影响您的页面。',
    options: '选项',
    limit: '条数（1–20）',
    tag: '标签',
    allTags: '全部',
    theme: '配色',
    summary: '显示摘要',
    yes: '是',
    no: '否',
    update: '更新代码',
    preview: '实时预览',
    iframe: '不允许第三方脚本的网站可改用 iframe：',
    fetchTitle: '用 fetch() 读取 JSON 订阅源',
    server: '服务器定时抓取',
    etiquette: [
      '抓取间隔请不少于 10 分钟（响应头 Cache-Control: max-age=600）。',
      '请发送条件请求：保存 ETag 并在下次请求时放入 If-None-Match，未更新时返回 304，没有正文。',
      '增量同步：?since=上次同步时间（RFC 3339），只返回之后发布或更新的文章。',
      '中英文版本共用同一个翻译组标识（JSON 的 _hit.translation_group），可据此配对；XML 订阅源中，另一语言版本是 rel="related" 链接。',
    ],
    attribution: '署名与版权',
  },
  en: {
    title: 'For partner sites',
    intro:
      'News outlets and open-source community sites are welcome to carry the Study at HIT news. Pick whichever way suits your stack; each takes minutes.',
    feeds: 'Feeds',
    topics: 'Feeds by topic',
    embed: 'Embed the latest news',
    embedIntro:
      'Paste this where the news should appear. With scripts off it stays a plain link; its styles never touch your page, nor yours it.',
    options: 'Options',
    limit: 'Items (1–20)',
    tag: 'Tag',
    allTags: 'All',
    theme: 'Theme',
    summary: 'Show summaries',
    yes: 'yes',
    no: 'no',
    update: 'Update the snippet',
    preview: 'Live preview',
    iframe: 'Sites that forbid third-party scripts can use an iframe instead:',
    fetchTitle: 'Read the JSON feed with fetch()',
    server: 'Polling from a server',
    etiquette: [
      'Poll no more often than every 10 minutes (the feeds say Cache-Control: max-age=600).',
      'Send conditional requests: keep the ETag and send it back as If-None-Match; an unchanged feed answers 304 with no body.',
      'Sync incrementally with ?since=<your last sync, RFC 3339>: only items published or updated after it come back.',
      'Both language versions of a story share one translation-group key (JSON _hit.translation_group): pair them with it; in the XML feeds the other language is a rel="related" link.',
    ],
    attribution: 'Attribution and rights',
  },
};

export function PartnersPage(props: { library: Library; lang: Lang; base: string; options: EmbedOptions }) {
  const { library, lang, base, options } = props;
  const t = PARTNER_TEXT[lang];
  const site = library.sites[lang];
  const other = LANGS.find((l) => l !== lang) ?? lang;
  const feeds = feedLinks(base, lang, site.title);
  const scriptData = [
    `data-lang="${lang}"`,
    `data-limit="${options.limit}"`,
    ...(options.tag ? [`data-tag="${options.tag}"`] : []),
    ...(options.theme !== 'light' ? [`data-theme="${options.theme}"`] : []),
    ...(options.summary ? [] : ['data-summary="false"']),
  ].join(' ');
  const fallbackHref = base + (options.tag ? tagPath(lang, options.tag) : `/${lang}/`);
  const name = lang === 'zh' ? '留学哈工大新闻' : 'Study at HIT news';
  const snippet = `<a href="${fallbackHref}" data-hit-embed>${name}</a>\n<script src="${base}/embed.js" ${scriptData} async></script>`;
  const iframeSrc = `${base}/${lang}/embed${embedQuery(options)}`;
  // Sized to its items without scripts: the heading, then each item with or without its summary.
  const shown = Math.min(options.limit, library.articles(lang, options.tag).length);
  const height = 90 + shown * (options.summary ? 110 : 60);
  const iframe = [
    `<iframe src="${iframeSrc}" title="${name}" height="${height}" loading="lazy" style="border:0;width:100%"></iframe>`,
    '<!-- Optional, where your own scripts may run: the frame then takes the height of the news. -->',
    `<script>addEventListener('message',e=>{if(e.origin==='${base}'&&e.data&&e.data.type==='hit-news-height')for(const f of document.querySelectorAll('iframe'))if(f.contentWindow===e.source)f.height=e.data.height})</script>`,
  ].join('\n');
  const json = base + feedPath(lang, 'json', options.tag);
  const fetchExample = `const res = await fetch('${json}?limit=5');\nconst feed = await res.json();\nfor (const item of feed.items) {\n  console.log(item.title, item.url, item.date_published);\n}`;
  const pollExample = `curl -s -D - -H 'If-None-Match: "<${UI[lang].etagPlaceholder}>"' \\\n  '${json}?since=2025-09-01T00:00:00%2B08:00'`;
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={`${t.title} · ${site.title}`}
      description={t.intro}
      base={base}
      path={`/${lang}/partners`}
      alternates={[{ lang: other, path: `/${other}/partners` }]}
      feeds={feeds}
      switchTo={{ lang: other, path: `/${other}/partners` }}
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
            <a href={tagPath(lang, slug)}>{label}</a>: <code>{base + feedPath(lang, 'rss', slug)}</code>
          </li>
        ))}
      </ul>

      <h2 id="embed">{t.embed}</h2>
      <p>{t.embedIntro}</p>
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
      <pre>
        <code id="snippet">{snippet}</code>
      </pre>
      <h3>{t.preview}</h3>
      {/* The preview is the snippet itself (built from validated options only); JSX would hoist its script into <head>. */}
      <div class="preview" id="preview" dangerouslySetInnerHTML={{ __html: snippet }} />
      <script src="/partners.js" defer></script>
      <p>{t.iframe}</p>
      <pre>
        <code id="iframe-snippet">{iframe}</code>
      </pre>
      <iframe
        src={`/${lang}/embed${embedQuery(options)}`}
        title={t.preview}
        height={String(height)}
        loading="lazy"
        class="preview-frame"
      ></iframe>

      <h2 id="fetch">{t.fetchTitle}</h2>
      <pre>
        <code>{fetchExample}</code>
      </pre>
      <h2 id="polling">{t.server}</h2>
      <ul>
        {t.etiquette.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <pre>
        <code>{pollExample}</code>
      </pre>

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
    </Layout>
  );
}
