/**
 * The index as the bundle carries it and the Worker holds it: each language's articles as columns (one string of
 * every title, one of every summary, numbers in arrays), not one object per article. An isolate then holds a few
 * dozen objects for the whole archive instead of ~15 per article, so that a full garbage collection, which marks
 * every live object, stays short however long the archive grows; articles are made when a request reads them
 * (docs/performance.md, "The archive at scale").
 */
import { perLanguage } from '../languages';
import type { CompiledContent, Lang, Translation } from './model';

/** `count` articles in a row from position `start`, written in `year`, the newest update among them `updatedMs`. */
export interface YearRun {
  year: number;
  start: number;
  count: number;
  updatedMs: number;
}

/** Between the values of a text column: a control character no title, summary, slug or date may hold. */
const SEPARATOR = '\u001f';

/** What only some articles have: kept per article as it is (a 0 where an article has none of it). */
type Extras = Pick<Translation, 'image' | 'card' | 'original' | 'formerSlugs' | 'html' | 'feedHtml'> & { updated?: string };

/** An article's flags, as bits of its character in `flags`. */
const ARCHIVED = 1;
const DRAFT = 2;
const VIDEO = 4;

/** One language's articles, newest first, as the bundle carries them. */
export interface LanguageIndex {
  /** Text columns: the values joined by SEPARATOR. */
  slugs: string;
  titles: string;
  summaries: string;
  published: string;
  /** Each article's tags joined by commas (tag slugs hold none). */
  tags: string;
  /** Each article's authors, as positions in `authors`. */
  authorOf: number[];
  authors: string[];
  publishedMs: number[];
  /** One character per article: its flags (archived, draft, video) added to '0'. */
  flags: string;
  extras: (Extras | 0)[];
  /** Positions in slug order (by UTF-16 code units), to find an article by its slug. */
  bySlug: number[];
  /** For each of the site's tags, the positions of its articles. */
  tagged: Record<string, number[]>;
}

/** The compiled content as the bundle carries it (content.txt). */
export interface ContentIndex extends Omit<CompiledContent, 'articles'> {
  articles: Record<Lang, LanguageIndex>;
}

/** The content's index: what the build writes for the Worker (and what Library.of makes for tests). */
export function indexContent(content: CompiledContent): ContentIndex {
  return {
    ...content,
    articles: perLanguage((lang) =>
      indexLanguage(content.articles[lang], Object.keys(content.sites[lang].tags), content.siteCards?.[lang]?.site),
    ),
  };
}

function indexLanguage(articles: readonly Translation[], siteTags: string[], siteCard: string | undefined): LanguageIndex {
  const column = (field: string, value: (a: Translation) => string) =>
    articles
      .map((a) => {
        const text = value(a);
        if (text.includes(SEPARATOR)) throw new Error(`${a.lang}/${a.slug}: ${field} holds the control character U+001F`);
        return text;
      })
      .join(SEPARATOR);
  const authors = [...new Set(articles.map((a) => a.author))];
  const authorPosition = new Map(authors.map((name, i) => [name, i]));
  const positions = articles.map((_, i) => i);
  return {
    slugs: column('slug', (a) => a.slug),
    titles: column('title', (a) => a.title),
    summaries: column('summary', (a) => a.summary),
    published: column('published', (a) => a.published),
    tags: column('tags', (a) => {
      if (a.tags.some((t) => t.includes(','))) throw new Error(`${a.lang}/${a.slug}: a tag holds a comma`);
      return a.tags.join(',');
    }),
    authorOf: articles.map((a) => authorPosition.get(a.author) ?? 0),
    authors,
    publishedMs: articles.map((a) => a.publishedMs),
    flags: articles
      .map((a) => String.fromCharCode(48 + (a.archived ? ARCHIVED : 0) + (a.draft ? DRAFT : 0) + (a.video ? VIDEO : 0)))
      .join(''),
    extras: articles.map((a) => extrasOf(a, siteCard)),
    bySlug: positions.toSorted((x, y) => {
      const [a, b] = [articles[x]?.slug ?? '', articles[y]?.slug ?? ''];
      return a < b ? -1 : a > b ? 1 : 0;
    }),
    tagged: Object.fromEntries(siteTags.map((tag) => [tag, positions.filter((i) => articles[i]?.tags.includes(tag))])),
  };
}

function extrasOf(a: Translation, siteCard: string | undefined): Extras | 0 {
  const extras: Extras = {
    ...(a.updated !== a.published ? { updated: a.updated } : {}),
    ...(a.image ? { image: a.image } : {}),
    // Articles past the newest ARTICLE_CARDS share the site's card: the path once, not once per article (12,000
    // times at 10,000 bilingual articles). An article with no card has a lead image, or the build drew none.
    ...(a.card !== undefined && !(a.card === siteCard && !a.image) ? { card: a.card } : {}),
    ...(a.original ? { original: a.original } : {}),
    ...(a.formerSlugs ? { formerSlugs: a.formerSlugs } : {}),
    ...(a.html !== undefined ? { html: a.html } : {}),
    ...(a.feedHtml ? { feedHtml: a.feedHtml } : {}),
  };
  return Object.keys(extras).length > 0 ? extras : 0;
}

/** A text column as the Worker reads it: one string, and where each value ends. */
class TextColumn {
  private readonly ends: Uint32Array;

  constructor(
    private readonly text: string,
    count: number,
  ) {
    this.ends = new Uint32Array(count);
    let at = -1;
    for (let i = 0; i < count; i++) {
      at = text.indexOf(SEPARATOR, at + 1);
      this.ends[i] = at === -1 ? text.length : at;
    }
  }

  at(i: number): string {
    return this.text.slice(i === 0 ? 0 : (this.ends[i - 1] ?? 0) + 1, this.ends[i]);
  }

  /** Whether the value at `i` starts with `prefix` (no string made). */
  startsWith(i: number, prefix: string): boolean {
    return this.text.startsWith(prefix, i === 0 ? 0 : (this.ends[i - 1] ?? 0) + 1);
  }
}

/** One language's articles, newest first, held as columns; `article(i)` makes the article at position `i`. */
export class Columns {
  readonly count: number;
  readonly publishedMs: Float64Array;
  readonly updatedMs: Float64Array;
  /** Former slug -> position. */
  readonly renamed = new Map<string, number>();
  private readonly slugs: TextColumn;
  private readonly titles: TextColumn;
  private readonly summaries: TextColumn;
  private readonly published: TextColumn;
  private readonly tags: TextColumn;

  constructor(
    readonly lang: Lang,
    private readonly index: LanguageIndex,
    private readonly siteCard: string | undefined,
  ) {
    this.count = index.publishedMs.length;
    this.slugs = new TextColumn(index.slugs, this.count);
    this.titles = new TextColumn(index.titles, this.count);
    this.summaries = new TextColumn(index.summaries, this.count);
    this.published = new TextColumn(index.published, this.count);
    this.tags = new TextColumn(index.tags, this.count);
    this.publishedMs = Float64Array.from(index.publishedMs);
    this.updatedMs = Float64Array.from(this.publishedMs);
    index.extras.forEach((x, i) => {
      if (x === 0) return;
      if (x.updated !== undefined) this.updatedMs[i] = Date.parse(x.updated);
      for (const former of x.formerSlugs ?? []) this.renamed.set(former, i);
    });
  }

  /**
   * The runs of positions from `start` on that share the year written in their publication date, each with its
   * count and newest update. Articles come newest first, so a year's run together.
   */
  yearRuns(start: number): YearRun[] {
    const runs: YearRun[] = [];
    let run: YearRun | undefined;
    let prefix = '';
    for (let i = start; i < this.count; i++) {
      if (run === undefined || !this.published.startsWith(i, prefix)) {
        prefix = this.published.at(i).slice(0, 4);
        run = { year: Number(prefix), start: i, count: 0, updatedMs: 0 };
        runs.push(run);
      }
      run.count++;
      run.updatedMs = Math.max(run.updatedMs, this.updatedMs[i] ?? 0);
    }
    return runs;
  }

  slugAt(i: number): string {
    return this.slugs.at(i);
  }

  /** The position of the article whose slug is `slug`, or -1. */
  positionOf(slug: string): number {
    const order = this.index.bySlug;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.slugs.at(order[mid] ?? 0) < slug) lo = mid + 1;
      else hi = mid;
    }
    const found = order[lo];
    return found !== undefined && this.slugs.at(found) === slug ? found : -1;
  }

  /** Positions of the articles carrying `tag` (undefined when the site has no such tag). */
  tagged(tag: string): readonly number[] | undefined {
    return Object.hasOwn(this.index.tagged, tag) ? this.index.tagged[tag] : undefined;
  }

  /** The article at position `i`, made now (a request's garbage, not the isolate's). */
  article(i: number): Translation {
    const x = this.index.extras[i] || {};
    const flags = this.index.flags.charCodeAt(i) - 48;
    const published = this.published.at(i);
    const tags = this.tags.at(i);
    const card = x.card ?? (x.image ? undefined : this.siteCard);
    return {
      slug: this.slugs.at(i),
      lang: this.lang,
      title: this.titles.at(i),
      summary: this.summaries.at(i),
      published,
      updated: x.updated ?? published,
      publishedMs: this.publishedMs[i] ?? 0,
      updatedMs: this.updatedMs[i] ?? 0,
      author: this.index.authors[this.index.authorOf[i] ?? 0] ?? '',
      tags: tags === '' ? [] : tags.split(','),
      ...(x.image ? { image: x.image } : {}),
      ...(card !== undefined ? { card } : {}),
      ...(x.original ? { original: x.original } : {}),
      ...(x.formerSlugs ? { formerSlugs: x.formerSlugs } : {}),
      ...(x.html !== undefined ? { html: x.html } : {}),
      ...(x.feedHtml ? { feedHtml: x.feedHtml } : {}),
      ...(flags & ARCHIVED ? { archived: true as const } : {}),
      ...(flags & VIDEO ? { video: true } : {}),
      draft: (flags & DRAFT) !== 0,
    };
  }
}

/**
 * Articles of one language in list order (newest first): a run of positions or a tag's positions. Reading one makes
 * it; `length` and the instants read no article.
 */
export class Listing implements Iterable<Translation> {
  private constructor(
    private readonly columns: Columns,
    private readonly positionAt: (i: number) => number,
    readonly length: number,
  ) {}

  /** The articles at positions `start` to `end` (excluded). */
  static run(columns: Columns, start: number, end: number): Listing {
    return new Listing(columns, (i) => start + i, Math.max(0, end - start));
  }

  /** The articles at `positions`, in their order. */
  static of(columns: Columns, positions: readonly number[]): Listing {
    return new Listing(columns, (i) => positions[i] ?? 0, positions.length);
  }

  /** The articles from `start` to `end` (excluded), as Array.prototype.slice counts them (no negative bounds). */
  slice(start = 0, end = this.length): Translation[] {
    const out: Translation[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.columns.article(this.positionAt(i)));
    return out;
  }

  *[Symbol.iterator](): Iterator<Translation> {
    for (let i = 0; i < this.length; i++) yield this.columns.article(this.positionAt(i));
  }

  updatedMsAt(i: number): number {
    return this.columns.updatedMs[this.positionAt(i)] ?? 0;
  }

  /** The first `limit` articles (in list order) updated at or after `floorMs`. */
  updatedSince(floorMs: number, limit: number): Translation[] {
    const out: Translation[] = [];
    for (let i = 0; i < this.length && out.length < limit; i++) {
      const p = this.positionAt(i);
      if ((this.columns.updatedMs[p] ?? 0) >= floorMs) out.push(this.columns.article(p));
    }
    return out;
  }
}

/** The compiled content an index holds, every article made: for Node programs and tests (src/generated/content.ts). */
export function compiledContent(index: ContentIndex): CompiledContent {
  return {
    ...index,
    articles: perLanguage((lang) => {
      const columns = new Columns(lang, index.articles[lang], index.siteCards?.[lang]?.site);
      return Array.from({ length: columns.count }, (_, i) => columns.article(i));
    }),
  };
}
