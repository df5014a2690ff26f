/** Which pictures are not out yet: those whose first article is scheduled (src/app/media.ts serves them from then). */
import type { CompiledContent, Translation } from '../content/model';

const PICTURE_HASH = /\/media\/([0-9a-f]{16})-/g;

/** The hashes of the pictures an article shows (lead image, body, its feed body). */
function picturesOf(article: Translation): Set<string> {
  const text = [article.image?.src, article.image?.share?.src, article.html, ...(article.feedHtml ?? [])].join(' ');
  return new Set(Array.from(text.matchAll(PICTURE_HASH), (m) => m[1] as string));
}

/**
 * The pictures of articles published after `now`, each with the instant the first article showing it goes out (a
 * picture an earlier article shows as well is out already and left out).
 */
export function mediaReleases(content: CompiledContent, now: number): Record<string, number> {
  const articles = Object.values(content.articles).flat();
  const scheduled = new Set(articles.filter((a) => a.publishedMs > now).flatMap((a) => [...picturesOf(a)]));
  if (scheduled.size === 0) return {};
  const first = new Map<string, number>();
  for (const a of articles) {
    for (const hash of picturesOf(a)) {
      if (scheduled.has(hash)) first.set(hash, Math.min(first.get(hash) ?? Number.POSITIVE_INFINITY, a.publishedMs));
    }
  }
  return Object.fromEntries([...first].filter(([, at]) => at > now).sort(([a], [b]) => (a < b ? -1 : 1)));
}
