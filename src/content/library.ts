/** Lookups over the compiled content, built once per isolate. */

import { perLanguage } from '../languages';
import { type CompiledContent, LANGS, type Lang, type Site, type Translation, type YearRun } from './model';

/** The articles published in one year (see Library.years). */
export interface ArticleYear {
  year: number;
  updatedMs: number;
  articles: Record<Lang, Translation[]>;
}

export class Library {
  readonly sites: Record<Lang, Site>;
  private readonly bySlug: Record<Lang, Map<string, Translation>>;
  private readonly byTag: Record<Lang, Map<string, Translation[]>>;
  private readonly renamed = new Map<string, Translation>();
  private readonly updatedDesc = new Map<string, number[]>();
  private readonly newestUpdates = new Map<string, number>();
  private readonly runsByLang = new Map<Lang, readonly YearRun[]>();
  private byYear?: ArticleYear[];

  /** Publication instants still to come in the content (scheduled articles), ascending. */
  private readonly releases: number[];
  /**
   * Which articles this library shows: their count. Visibility only grows with time, so within one build the count
   * names the set; caches and the build's pre-rendered feeds are keyed by it.
   */
  readonly edition: number;

  constructor(private readonly content: CompiledContent) {
    this.sites = content.sites;
    this.releases = [...new Set(LANGS.flatMap((l) => content.articles[l].map((a) => a.publishedMs)))].sort((a, b) => a - b);
    this.edition = LANGS.reduce((n, l) => n + content.articles[l].length, 0);
    this.bySlug = Object.fromEntries(LANGS.map((l) => [l, new Map()])) as Library['bySlug'];
    this.byTag = Object.fromEntries(LANGS.map((l) => [l, new Map()])) as Library['byTag'];
    for (const lang of LANGS) {
      for (const tag of Object.keys(content.sites[lang].tags)) this.byTag[lang].set(tag, []);
      for (const article of content.articles[lang]) {
        this.bySlug[lang].set(article.slug, article);
        for (const former of article.formerSlugs ?? []) this.renamed.set(`${lang}/${former}`, article);
        for (const tag of article.tags) this.byTag[lang].get(tag)?.push(article);
      }
    }
  }

  /**
   * The library as readers see it at `now`: scheduled articles (published later than `now`) left out, so that no
   * feed, page, list, sitemap or count shows them before their time. A local preview (drafts included) shows all.
   */
  visibleAt(now: number): Library {
    if (this.content.preview || this.nextReleaseAfter(now) === Number.POSITIVE_INFINITY) return this;
    const articles = Object.fromEntries(LANGS.map((l) => [l, this.content.articles[l].filter((a) => a.publishedMs <= now)]));
    // The build's year runs count every article; this edition shows fewer, so it works its own out (yearRunsOf).
    return new Library({ ...this.content, articles: articles as CompiledContent['articles'] });
  }

  /** The first publication instant after `now` (Infinity when none is scheduled). */
  nextReleaseAfter(now: number): number {
    return this.releases.find((ms) => ms > now) ?? Number.POSITIVE_INFINITY;
  }

  /** The last publication instant at or before `now` (-Infinity when none): when the edition shown at `now` began. */
  lastReleaseUpTo(now: number): number {
    return this.releases.findLast((ms) => ms <= now) ?? Number.NEGATIVE_INFINITY;
  }

  /** Articles that go out in (`from`, `to`]: what a scheduled run announces. */
  releasedBetween(from: number, to: number): Translation[] {
    return LANGS.flatMap((l) => this.content.articles[l].filter((a) => a.publishedMs > from && a.publishedMs <= to));
  }

  /** Articles of one language, newest first; with a tag, only those carrying it. */
  articles(lang: Lang, tag?: string): readonly Translation[] {
    return tag === undefined ? this.content.articles[lang] : (this.byTag[lang].get(tag) ?? []);
  }

  find(lang: Lang, slug: string): Translation | undefined {
    return this.bySlug[lang].get(slug);
  }

  /** The article that was published under a former slug (see `redirect_from`), if any. */
  renamedFrom(lang: Lang, slug: string): Translation | undefined {
    return this.renamed.get(`${lang}/${slug}`);
  }

  /** Whether `slug` was withdrawn on purpose (its pages answer 410 Gone). */
  isWithdrawn(lang: Lang, slug: string): boolean {
    return this.content.withdrawn?.[lang]?.includes(slug) ?? false;
  }

  /** Site path of the link-preview card of the site's pages in `lang`, or of a tag's page (undefined when not drawn). */
  siteCard(lang: Lang, tag?: string): string | undefined {
    const cards = this.content.siteCards?.[lang];
    return tag === undefined ? cards?.site : cards?.tags[tag];
  }

  hasTag(lang: Lang, tag: string): boolean {
    return this.byTag[lang].has(tag);
  }

  /**
   * The oldest update time still included when asking for what changed after `sinceMs`
   * (Infinity when nothing did). Two `since` values with the same floor select the same items,
   * so the floor is what caches key on.
   */
  updatedFloor(lang: Lang, tag: string | undefined, sinceMs: number): number {
    const sorted = this.updatesNewestFirst(lang, tag);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) > sinceMs) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? Number.POSITIVE_INFINITY : (sorted[lo - 1] ?? Number.POSITIVE_INFINITY);
  }

  /**
   * The newest update time among the articles of a language (and tag), or of all languages: the
   * Last-Modified of the pages listing them. Lists are ordered by publication, so this is not
   * simply the first article's update.
   */
  lastUpdateMs(lang?: Lang, tag?: string): number {
    const langs = lang === undefined ? LANGS : [lang];
    return Math.max(0, ...langs.map((l) => this.newestUpdate(l, tag)));
  }

  /** The newest update among a language's articles (and tag's): one pass, kept (sorting them all is for `since`). */
  private newestUpdate(lang: Lang, tag: string | undefined): number {
    const key = `${lang}|${tag ?? ''}`;
    let newest = this.newestUpdates.get(key);
    if (newest === undefined) {
      newest = 0;
      if (tag === undefined) for (const run of this.yearRunsOf(lang)) newest = Math.max(newest, run.updatedMs);
      else for (const a of this.articles(lang, tag)) if (a.updatedMs > newest) newest = a.updatedMs;
      this.newestUpdates.set(key, newest);
    }
    return newest;
  }

  private updatesNewestFirst(lang: Lang, tag: string | undefined): number[] {
    const key = `${lang}|${tag ?? ''}`;
    let sorted = this.updatedDesc.get(key);
    if (!sorted) {
      sorted = this.articles(lang, tag)
        .map((a) => a.updatedMs)
        .sort((a, b) => b - a);
      this.updatedDesc.set(key, sorted);
    }
    return sorted;
  }

  /**
   * The years that have articles (by the year written in their publication date), newest first, each with its
   * articles per language (newest first) and the newest update among them. Made once, on first use.
   */
  years(): readonly ArticleYear[] {
    if (!this.byYear) {
      const years = new Map<number, ArticleYear>();
      const entryOf = (year: number) => {
        let entry = years.get(year);
        if (!entry) {
          entry = { year, updatedMs: 0, articles: perLanguage((): Translation[] => []) };
          years.set(year, entry);
        }
        return entry;
      };
      for (const lang of LANGS) {
        // Slices of the list by its runs: no article read.
        const list = this.content.articles[lang];
        let start = 0;
        for (const run of this.yearRunsOf(lang)) {
          const entry = entryOf(run.year);
          entry.updatedMs = Math.max(entry.updatedMs, run.updatedMs);
          entry.articles[lang] = entry.articles[lang].concat(list.slice(start, start + run.count));
          start += run.count;
        }
      }
      this.byYear = [...years.values()].sort((a, b) => b.year - a.year);
    }
    return this.byYear;
  }

  /**
   * A language's year runs: the build's, when they count exactly the articles this library shows; otherwise (an
   * edition hiding scheduled articles) worked out once from the articles.
   */
  private yearRunsOf(lang: Lang): readonly YearRun[] {
    let runs = this.runsByLang.get(lang);
    if (!runs) {
      const built = this.content.yearRuns?.[lang];
      const list = this.content.articles[lang];
      runs = built && built.reduce((n, r) => n + r.count, 0) === list.length ? built : yearRuns(list);
      this.runsByLang.set(lang, runs);
    }
    return runs;
  }

  /** The other language versions of the same story. */
  translationsOf(article: Translation): Translation[] {
    return LANGS.filter((l) => l !== article.lang)
      .map((l) => this.bySlug[l].get(article.slug))
      .filter((t): t is Translation => t !== undefined);
  }
}

/**
 * The runs of `articles` (in their order) written in one year, each with its count and newest update: made by the
 * build (compactContent) for Library.years. Articles come newest first, so a year's run together: the year is worked
 * out only where it changes.
 */
export function yearRuns(articles: readonly Translation[]): YearRun[] {
  const runs: YearRun[] = [];
  let run: YearRun | undefined;
  let prefix = '';
  for (const a of articles) {
    if (run === undefined || !a.published.startsWith(prefix)) {
      prefix = a.published.slice(0, 4);
      run = { year: Number(prefix), count: 0, updatedMs: 0 };
      runs.push(run);
    }
    run.count++;
    if (a.updatedMs > run.updatedMs) run.updatedMs = a.updatedMs;
  }
  return runs;
}
