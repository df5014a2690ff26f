/** Feed URLs to copy, one row per feed. */
import { LANGUAGE_TAG } from '../content/model';
import { FEED_FORMAT_NAME, FEED_MEDIA_TYPE } from '../urls';
import type { FeedLink } from './layout';

export function FeedTable({ feeds, caption }: { feeds: FeedLink[]; caption: string }) {
  return (
    <table class="feeds">
      <caption class="meta">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Format</th>
          <th scope="col">URL</th>
        </tr>
      </thead>
      <tbody>
        {feeds.map((f) => (
          <tr>
            <th scope="row" lang={LANGUAGE_TAG[f.lang]}>
              {f.lang === 'zh' ? '中文' : 'English'} · {FEED_FORMAT_NAME[f.format]}
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
