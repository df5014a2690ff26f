/** English: every interface text of this language, in one place. */
import type { Language } from './types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// The other languages' names in English, written out rather than asked of Intl.DisplayNames: its first use in an
// isolate loads ICU's data, ~20 ms of CPU on the first article page (docs/performance.md). Unlisted: the native name.
const LANGUAGE_NAMES: Record<string, string> = { zh: 'Chinese' };

const en = {
  code: 'en',
  tag: 'en',
  ogLocale: 'en_US',
  name: 'English',
  cjk: false,
  dateLocale: 'en-GB',
  formatDate: (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  readIn: (other) => `Read in ${LANGUAGE_NAMES[other.code] ?? other.name}`,
  draftPrefix: '[DRAFT] ',
  ui: {
    siteName: 'Study at HIT news',
    articles: 'All articles',
    newest: 'Newest articles',
    feeds: 'Feeds',
    subscribe: 'Paste any of these addresses into your feed reader (Feedly, NetNewsWire, Thunderbird, newsboat …) to subscribe.',
    opml: 'Import both languages at once (OPML)',
    published: 'Published',
    updated: 'Updated',
    by: 'By',
    tags: 'Tags',
    original: 'Original page',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing here. The feeds and the home page below lead on.',
    playVideo: 'Play video',
    pageN: 'page {n}',
    goneTitle: 'Article withdrawn',
    badRequestTitle: 'This address cannot be answered',
    badRequestText:
      'The value of “{parameter}” in this address is not one this page takes. The list’s first page and the home page below lead on.',
    goneText: 'This article has been withdrawn by the publisher and is no longer available. The feeds and the home page below lead on.',
    home: 'Home',
    partners: 'Partner sites',
    noArticles: 'No articles yet.',
    draft: 'Draft (local preview only)',
    tagFeeds: 'Feeds for this tag',
    allTags: 'Tags',
    newer: '← Newer articles',
    older: 'Older articles →',
    format: 'Format',
    feedsIn: 'Feeds in English: ',
    privacy: 'Privacy',
    copy: 'Copy',
    copied: 'Copied',
    colon: ': ',
    address: 'URL',
    themes: { light: 'light', dark: 'dark', auto: 'auto (follows the system)' },
    etagPlaceholder: 'ETag from the last response',
    skip: 'Skip to content',
    siteNav: 'Site',
    pagination: 'Pages',
    homeTitle: 'Study at HIT news feeds',
    about: 'About',
    aboutText:
      'The "Study at HIT" news of the College of International Education, Harbin Institute of Technology, published as separate Chinese and English feeds in RSS, Atom and JSON Feed, for news outlets and open-source community sites to syndicate and for anyone to subscribe to.',
  },
  embed: {
    heading: 'Study at HIT news',
    more: 'More news',
    badOption: 'This news list cannot be shown here: the page that embeds it gives it a wrong option.',
  },
  partners: {
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
    iframeComment: 'Optional, where your own scripts may run: the frame then takes the height of the news.',
    fetchTitle: 'Read the JSON feed with fetch()',
    server: 'Polling from a server',
    etiquette: [
      'Poll no more often than every 10 minutes (the feeds say `Cache-Control: max-age=600`).',
      'Send conditional requests: keep the `ETag` and send it back as `If-None-Match`; an unchanged feed answers `304` with no body.',
      'Sync incrementally with `?since=<your last sync, RFC 3339>`: only items published or updated after it come back.',
      'Both language versions of a story share one translation-group key (JSON `_hit.translation_group`): pair them with it; in the XML feeds the other language is a `rel="related"` link.',
    ],
    attribution: 'Attribution and rights',
  },
  report: {
    title: 'Study at HIT news · reach report',
    heading: 'Study at HIT news: reach',
    window: 'Last {days} days',
    private: 'counted without cookies or personal data',
    subscribers: 'Subscribers per feed',
    noCounts: 'No aggregator has reported a count yet.',
    unverified: 'Claims not verified (never summed)',
    clients: 'Feed polls by client',
    partners: 'Partner sites',
    none: 'None yet.',
    perDay: 'Feed requests per day, by language',
    share304: 'Share answered 304 (polite polling)',
    articles: 'Top articles',
  },
  privacy: {
    title: 'Privacy',
    description:
      'What the Study at HIT news counts to learn how far it reaches (no cookies, no addresses, nothing per person), and what it never stores.',
    intro:
      'This site sets no cookies and follows no one. To learn how far the Study at HIT news reaches, it counts only this, summed by day:',
    counted: [
      'requests for each feed and each article, and how many of them were answered 304 (not modified);',
      'the kind of reader (for example Feedly, Inoreader, newsboat, NetNewsWire, a browser), and the subscriber count hosted readers publish themselves;',
      'the host name of partner sites that embed the news or read the JSON feed (the name only, never the page address).',
    ],
    never:
      'Never recorded: IP addresses, full User-Agent strings, cookies, full referrer addresses, or anything else that identifies a person.',
    where: "The counts are kept in Cloudflare's Workers Analytics Engine and seen only by the college's web team.",
  },
  scaffold: {
    mark: '(to be written)',
    title: 'Headline (to be written)',
    summary: 'One-sentence summary (to be written).',
    author: 'Author (to be written)',
    body: 'The article (to be written). Leave a blank line between paragraphs. Write links in full (https://...).',
  },
} as const satisfies Language;

export default en;
