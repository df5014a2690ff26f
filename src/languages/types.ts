/** What a language of the site consists of. A new language is one file beside zh.ts and en.ts, listed in index.ts. */

type Strings<K extends string> = { readonly [key in K]: string };

export interface Language {
  /** Path segment and key everywhere: /{code}/, content/site/{code}.yaml, content/articles/.../{code}.md. */
  code: string;
  /** BCP 47 tag declared by feeds and pages (lang, hreflang, xml:lang). */
  tag: string;
  /** Open Graph locale (og:locale). */
  ogLocale: string;
  /** The language's name in itself: the language switch and the feed tables show it. */
  name: string;
  /** Written in Chinese characters: full-width punctuation is checked in its articles, CJK fonts come first on its cards. */
  cjk: boolean;
  /** A CSS font-family for text in this language, where the system's default font would be wrong (pages and widget). */
  fontFamily?: string;
  /** A locale whose long date format (in browsers' toLocaleDateString) reads like `formatDate`: the widget's dates. */
  dateLocale: string;
  /** A date as its readers write it, from year, month (1–12) and day. */
  formatDate: (year: number, month: number, day: number) => string;
  /** The link to another language's version of an article. */
  readIn: (other: Language) => string;
  /** Put before the title of a draft in local previews. */
  draftPrefix: string;
  ui: Strings<
    | 'siteName'
    | 'articles'
    | 'newest'
    | 'feeds'
    | 'subscribe'
    | 'opml'
    | 'published'
    | 'updated'
    | 'by'
    | 'tags'
    | 'original'
    | 'notFoundTitle'
    | 'notFoundText'
    | 'goneTitle'
    | 'badRequestTitle'
    | 'badRequestText'
    | 'pageN'
    | 'playVideo'
    | 'goneText'
    | 'home'
    | 'partners'
    | 'noArticles'
    | 'draft'
    | 'tagFeeds'
    | 'allTags'
    | 'newer'
    | 'older'
    | 'format'
    | 'feedsIn'
    | 'privacy'
    | 'copy'
    | 'copied'
    | 'colon'
    | 'address'
    | 'etagPlaceholder'
    | 'skip'
    | 'siteNav'
    | 'pagination'
    | 'homeTitle'
    | 'about'
    | 'aboutText'
  > & { readonly themes: Strings<'light' | 'dark' | 'auto'> };
  /** The embedded news list (widget and iframe). */
  embed: Strings<'heading' | 'more' | 'badOption'>;
  /** The partners page. */
  partners: Strings<
    | 'title'
    | 'intro'
    | 'feeds'
    | 'topics'
    | 'embed'
    | 'embedIntro'
    | 'options'
    | 'limit'
    | 'tag'
    | 'allTags'
    | 'theme'
    | 'summary'
    | 'yes'
    | 'no'
    | 'update'
    | 'preview'
    | 'iframe'
    | 'iframeComment'
    | 'fetchTitle'
    | 'server'
    | 'attribution'
  > & { readonly etiquette: readonly string[] };
  /** The reach report (`npm run reach`, /reach): its headings and notes, `{days}` standing for the window. */
  report: Strings<
    | 'title'
    | 'heading'
    | 'window'
    | 'private'
    | 'subscribers'
    | 'noCounts'
    | 'unverified'
    | 'clients'
    | 'partners'
    | 'none'
    | 'perDay'
    | 'share304'
    | 'articles'
  >;
  /** The privacy page. */
  privacy: Strings<'title' | 'description' | 'intro' | 'never' | 'where'> & { readonly counted: readonly string[] };
  /** What `npm run new` writes into a new article; each text contains `mark`, which the build refuses to publish. */
  scaffold: Strings<'title' | 'summary' | 'author' | 'body' | 'mark'>;
}
