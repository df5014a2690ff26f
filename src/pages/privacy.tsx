/** /{lang}/privacy: exactly what is counted, and what never is. */
import type { Library } from '../content/library';
import { LANGS, type Lang } from '../content/model';
import { feedLinks, Layout } from './layout';

export const PRIVACY_TEXT = {
  zh: {
    title: '隐私说明',
    intro: '本站不使用 Cookie，不跟踪任何人。为了解“留学哈工大”新闻的传播范围，只按天汇总统计以下数据：',
    counted: [
      '每个订阅源和每篇文章的请求次数，以及其中返回 304（内容未更新）的次数；',
      '阅读器的类别（如 Feedly、Inoreader、newsboat、NetNewsWire、浏览器），以及在线阅读器自己公布的订阅人数；',
      '嵌入新闻或读取 JSON 订阅源的合作网站的域名（只有域名，不含网址路径）。',
    ],
    never: '从不记录：IP 地址、完整的 User-Agent、Cookie、完整的来源网址，以及任何可以识别个人的信息。',
    where: '统计数据保存在 Cloudflare Workers Analytics Engine 中，只有学院的网站团队可以查看。',
  },
  en: {
    title: 'Privacy',
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
} satisfies Record<Lang, Record<string, string | string[]>>;

export function PrivacyPage({ library, lang, base }: { library: Library; lang: Lang; base: string }) {
  const t = PRIVACY_TEXT[lang];
  const other = LANGS.find((l) => l !== lang) ?? lang;
  return (
    <Layout
      lang={lang}
      site={library.sites[lang]}
      title={t.title}
      description={t.intro}
      base={base}
      path={`/${lang}/privacy`}
      alternates={[{ lang: other, path: `/${other}/privacy` }]}
      feeds={feedLinks(base, lang, library.sites[lang].title)}
      switchTo={{ lang: other, path: `/${other}/privacy` }}
    >
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul>
        {t.counted.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <p>{t.never}</p>
      <p>{t.where}</p>
    </Layout>
  );
}
