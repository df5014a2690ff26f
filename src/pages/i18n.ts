/** Interface text of the pages, per language. */
import type { Lang } from '../content/model';

export const UI = {
  zh: {
    siteName: '留学哈工大新闻',
    otherLanguage: 'English',
    articles: '全部文章',
    newest: '最新文章',
    feeds: '订阅源',
    subscribe: '把下面任一地址粘贴到阅读器（如 Feedly、NetNewsWire、Thunderbird、newsboat）中即可订阅。',
    opml: '一次导入中英文订阅源（OPML）',
    published: '发布于',
    updated: '更新于',
    by: '作者',
    tags: '标签',
    original: '查看原文',
    translation: '阅读英文版',
    notFoundTitle: '页面不存在',
    notFoundText: '这里没有内容。可以从下面的订阅源或首页继续浏览。',
    home: '首页',
    partners: '合作网站',
    noArticles: '暂无文章。',
    draft: '草稿（仅本地预览）',
    tagFeeds: '此标签的订阅源',
    allTags: '标签',
    newer: '← 较新的文章',
    older: '较早的文章 →',
    format: '格式',
    feedsIn: '中文订阅源：',
    privacy: '隐私说明',
    copy: '复制',
    copied: '已复制',
    colon: '：',
    address: '地址',
    themes: { light: '浅色', dark: '深色', auto: '跟随系统' },
    etagPlaceholder: '上次响应的 ETag',
  },
  en: {
    siteName: 'Study at HIT news',
    otherLanguage: '中文',
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
    translation: 'Read in Chinese',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing here. The feeds and the home page below lead on.',
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
  },
} satisfies Record<Lang, Record<string, string | Record<string, string>>>;

/** A date as the page's readers write it, in the article's own offset (Beijing time). */
export function formatDate(iso: string, lang: Lang): string {
  const [date = iso] = iso.split('T');
  const [y, m, d] = date.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}
