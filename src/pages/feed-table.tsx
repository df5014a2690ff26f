/** Feed URLs to copy, one row per feed. */
import { LANGUAGE_TAG, type Lang } from '../content/model';
import { LANGUAGE } from '../languages';
import { FEED_FORMAT_NAME, FEED_MEDIA_TYPE } from '../urls';
import { UI } from './i18n';
import type { FeedLink } from './layout';

export function FeedTable({ feeds, caption, lang }: { feeds: FeedLink[]; caption: string; lang: Lang }) {
  return (
    <table class="feeds">
      <caption class="meta">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{UI[lang].format}</th>
          <th scope="col">{UI[lang].address}</th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((f) => (
          <tr>
            <th scope="row" lang={LANGUAGE_TAG[f.lang]}>
              {LANGUAGE[f.lang].name} · {FEED_FORMAT_NAME[f.format]}
            </th>
            <td>
              <a href={f.href} type={FEED_MEDIA_TYPE[f.format]}>
                <code>{f.href}</code>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
