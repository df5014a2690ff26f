/** Lookups over the content's index (columns, src/content/columns.ts), built once per isolate. */

import { perLanguage } from '../languages';
import { type Columns, type ContentIndex, columnsOf, indexContent, Listing } from './columns';
import { type ArticleLink, type CompiledContent, LANGS, type Lang, type Site, type Translation } from './model';

export type { Listing } from './columns';

/** The articles published in one year (see Library.years). */
export interface ArticleYear {
  year: number;
  updatedMs: number;
  articles: Record<Lang, Listing>;
}

export class Library {
  readonly sites: Record<Lang, Site>;
  /**
   * Which articles this library shows: their count. Visibility only grows with time, so within one build the count
   * names the set; caches and the build's pre-rendered feeds are keyed by it.
   */
  readonly edition: number;
  /** `npm start -- --at`: the instant a local build shows the site at, whatever the clock says (undefined: the clock). */
  readonly previewAt: number | undefined;
  private readonly columns: Record<Lang, Columns>;
  /** Per language, how many of the newest articles this library leaves out (scheduled ones, see visibleAt). */
  private readonly hidden: Record<Lang, number>;
  private readonly listings = new Map<string, Listing>();
  private readonly updatesAscending = new Map<string, Float64Array>();
  private byYear?: ArticleYear[];

  /** The library of compiled content, for tests and build programs (the Worker reads the index the build wrote). */
  static of(content: CompiledContent): Library {
    return new Library(indexContent(content));
  }

  constructor(
    private readonly index: ContentIndex,
    shown?: { columns: Record<Lang, Columns>; hidden: Record<Lang, number> },
  ) {
    this.sites = index.sites;
    this.previewAt = index.previewAt;
    this.columns = shown?.columns ?? perLanguage((l) => columnsOf(index, l));
    this.hidden = shown?.hidden ?? perLanguage(() => 0);
    this.edition = LANGS.reduce((n, l) => n + this.columns[l].count - this.hidden[l], 0);
  }

  /**
   * The library as readers see it at `now`: scheduled articles (published later than `now`) left out, so that no
   * feed, page, list, sitemap or count shows them before their time. A local preview (drafts included) shows all.
   * Lists are newest first, so what an edition leaves out is the head of each: it shares the columns.
   */
  visibleAt(now: number): Library {
    if (this.index.preview) return this;
    const hidden = perLanguage((l) => Math.max(this.hidden[l], this.firstUpTo(l, now)));
    if (LANGS.every((l) => hidden[l] === this.hidden[l])) return this;
    return new Library(this.index, { columns: this.columns, hidden });
  }

  /**
   * When the picture named by `hash` goes out: the publication instant of the first article using it, for pictures
   * of articles scheduled when the content was built (-Infinity for every other, and for a local preview).
   */
  pictureRelease(hash: string): number {
    if (this.index.preview) return Number.NEGATIVE_INFINITY;
    return this.index.mediaReleases?.[hash] ?? Number.NEGATIVE_INFINITY;
  }

  /** The first publication instant after `now` (Infinity when none is scheduled). */
  nextReleaseAfter(now: number): number {
    let next = Number.POSITIVE_INFINITY;
    for (const l of LANGS) {
      const last = this.firstUpTo(l, now) - 1;
      if (last >= this.hidden[l]) next = Math.min(next, this.columns[l].publishedMs[last] ?? next);
    }
    return next;
  }

  /** The last publication instant at or before `now` (-Infinity when none): when the edition shown at `now` began. */
  lastReleaseUpTo(now: number): number {
    let last = Number.NEGATIVE_INFINITY;
    for (const l of LANGS) {
      const first = Math.max(this.hidden[l], this.firstUpTo(l, now));
      if (first < this.columns[l].count) last = Math.max(last, this.columns[l].publishedMs[first] ?? last);
    }
    return last;
  }

  /** Articles that go out in (`from`, `to`]: what a scheduled run announces. */
  releasedBetween(from: number, to: number): Translation[] {
    return LANGS.flatMap((l) => {
      const start = Math.max(this.hidden[l], this.firstUpTo(l, to));
      return Array.from({ length: Math.max(0, this.firstUpTo(l, from) - start) }, (_, i) => this.columns[l].article(start + i));
    });
  }

  /** The first position in `lang` published at or before `ms` (those before it are later: lists are newest first). */
  private firstUpTo(lang: Lang, ms: number): number {
    const published = this.columns[lang].publishedMs;
    let lo = 0;
    let hi = published.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((published[mid] ?? 0) > ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Articles of one language, newest first; with a tag, only those carrying it. */
  articles(lang: Lang, tag?: string): Listing {
    const key = `${lang}|${tag ?? ''}`;
    let listing = this.listings.get(key);
    if (!listing) {
      const columns = this.columns[lang];
      const hidden = this.hidden[lang];
      listing = tag === undefined ? columns.listing(hidden) : (columns.tagListing(tag, hidden) ?? Listing.of(columns, [], []));
      this.listings.set(key, listing);
    }
    return listing;
  }

  find(lang: Lang, slug: string): Translation | undefined {
    return this.shown(lang, this.columns[lang].positionOf(slug));
  }

  /** The article that was published under a former slug (see `redirect_from`), if any. */
  renamedFrom(lang: Lang, slug: string): Translation | undefined {
    return this.shown(lang, this.columns[lang].renamed.get(slug) ?? -1);
  }

  private shown(lang: Lang, position: number): Translation | undefined {
    return position >= this.hidden[lang] ? this.columns[lang].article(position) : undefined;
  }

  /** Whether `slug` was withdrawn on purpose (its pages answer 410 Gone). */
  isWithdrawn(lang: Lang, slug: string): boolean {
    return this.index.withdrawn?.[lang]?.includes(slug) ?? false;
  }

  /** Site path of the link-preview card of the site's pages in `lang`, or of a tag's page (undefined when not drawn). */
  siteCard(lang: Lang, tag?: string): string | undefined {
    const cards = this.index.siteCards?.[lang];
    return tag === undefined ? cards?.site : cards?.tags[tag];
  }

  hasTag(lang: Lang, tag: string): boolean {
    return Object.hasOwn(this.sites[lang].tags, tag);
  }

  /**
   * The oldest update time still included when asking for what changed after `sinceMs`
   * (Infinity when nothing did). Two `since` values with the same floor select the same items,
   * so the floor is what caches key on.
   */
  updatedFloor(lang: Lang, tag: string | undefined, sinceMs: number): number {
    const key = `${lang}|${tag ?? ''}`;
    let sorted = this.updatesAscending.get(key);
    if (!sorted) {
      sorted = this.articles(lang, tag).updatedMs().sort();
      this.updatesAscending.set(key, sorted);
    }
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) <= sinceMs) lo = mid + 1;
      else hi = mid;
    }
    return sorted[lo] ?? Number.POSITIVE_INFINITY;
  }

  /**
   * The newest update time among the articles of a language (and tag), or of all languages: the
   * Last-Modified of the pages listing them. Lists are ordered by publication, so this is not
   * simply the first article's update.
   */
  lastUpdateMs(lang?: Lang, tag?: string): number {
    const langs = lang === undefined ? LANGS : [lang];
    // From the lists' runs of years (the build's), not from every article.
    return Math.max(0, ...langs.map((l) => this.articles(l, tag).newestUpdate()));
  }

  /**
   * The years that have articles (by the year written in their publication date), newest first, each with its
   * articles per language (newest first) and the newest update among them. Made once, on first use.
   */
  years(): readonly ArticleYear[] {
    if (!this.byYear) {
      const years = new Map<number, { updatedMs: number; parts: Record<Lang, Listing[]> }>();
      for (const lang of LANGS) {
        for (const { run, listing } of this.articles(lang).byYear()) {
          let entry = years.get(run.year);
          if (!entry) {
            entry = { updatedMs: 0, parts: perLanguage(() => []) };
            years.set(run.year, entry);
          }
          entry.updatedMs = Math.max(entry.updatedMs, run.updatedMs);
          entry.parts[lang].push(listing);
        }
      }
      // A year is one run of a list, but for the articles that offsets put among the next year's.
      this.byYear = [...years]
        .map(([year, { updatedMs, parts }]) => ({
          year,
          updatedMs,
          articles: perLanguage((l) => Listing.join(this.columns[l], parts[l])),
        }))
        .sort((a, b) => b.year - a.year);
    }
    return this.byYear;
  }

  /**
   * Each article of a language's listing with its other language versions, as links (no article made, no slug looked
   * up: the build wrote where each translation is): what a sitemap of a year needs.
   */
  stories(lang: Lang, listing: Listing): ArticleLink[][] {
    const columns = this.columns[lang];
    return listing
      .positionsInOrder()
      .map((p) => [columns.link(p), ...LANGS.flatMap((l) => (l === lang ? [] : this.shownLink(l, columns.twin(p, l))))]);
  }

  /** The other language versions of the same story (where each is and its headline: no article made). */
  translationsOf(article: Pick<Translation, 'lang' | 'slug'>): ArticleLink[] {
    return LANGS.flatMap((l) => (l === article.lang ? [] : this.shownLink(l, this.columns[l].positionOf(article.slug))));
  }

  /** A link to the article at `position` in `lang`, if this library shows it (none for -1). */
  private shownLink(lang: Lang, position: number): ArticleLink[] {
    return position >= this.hidden[lang] ? [this.columns[lang].link(position)] : [];
  }
}
