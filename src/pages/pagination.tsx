/** Newer/older links of a list that spans pages (a language index, a tag page): page 1 is the list's own path. */
import type { Lang } from '../content/model';
import { UI } from './i18n';

/** Items per list page: a page stays small however large the archive grows. */
export const LIST_PAGE_SIZE = 30;

/** The path of page `page` of the list at `path`. */
export const listPagePath = (path: string, page: number) => (page > 1 ? `${path}?page=${page}` : path);

/** How many pages `count` items take (at least one, even empty). */
export const listPages = (count: number) => Math.max(1, Math.ceil(count / LIST_PAGE_SIZE));

export function Pagination({ lang, path, page, pages }: { lang: Lang; path: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const ui = UI[lang];
  return (
    <nav aria-label={ui.pagination}>
      <p>
        {page > 1 ? (
          <a href={listPagePath(path, page - 1)} rel="prev">
            {ui.newer}
          </a>
        ) : null}
        {page > 1 && page < pages ? ' · ' : null}
        {page < pages ? (
          <a href={listPagePath(path, page + 1)} rel="next">
            {ui.older}
          </a>
        ) : null}
      </p>
    </nav>
  );
}
