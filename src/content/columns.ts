/**
 * The index as the bundle carries it and the Worker holds it: each language's articles as columns (one string of
 * every title, one of every summary, numbers in arrays), not one object per article. An isolate then holds a few
 * objects per column, and one per article only for the few with a correction, a rename or a body in the bundle,
 * instead of ~15 per article: a full garbage collection, which marks every live object, no longer grows with the
 * archive. Articles are made when a request reads them (docs/performance.md, "The archive at scale").
 */
import { perLanguage } from '../languages';
import { type ArticleLink, type CompiledContent, LANGS, type Lang, type Translation } from './model';

/** `count` articles in a row of a list, written in `year`, the newest update among them `updatedMs`. */
export interface YearRun {
  year: number;
  count: number;
  updatedMs: number;
}

/** Between the values of a text column: a control character no title, summary, slug or date may hold. */
const SEPARATOR = '\u001f';

/** What few articles have (a correction, a rename, a body in the bundle): kept per article (0 for none of it). */
type Extras = Pick<Translation, 'formerSlugs' | 'html' | 'feedHtml'> & { updated?: string };

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
  /**
   * Each article's own card, or '' (none, or the site's: articles past the newest ARTICLE_CARDS share it, and its
   * path is written once, not once per article: 12,000 times at 10,000 bilingual articles).
   */
  cards: string;
  /** Each article's original (the college's page), or ''. */
  originals: string;
  /** Each article's lead image as JSON (which writes no U+001F), or ''. */
  images: string;
  /** Each article's authors, as positions in `authors`. */
  authorOf: number[];
  authors: string[];
  publishedMs: number[];
  /** One character per article: its flags (archived, draft, video) added to '0'. */
  flags: string;
  extras: (Extras | 0)[];
  /** Positions in slug order (by UTF-16 code units), to find an article by its slug. */
  bySlug: number[];
  /** For each other language, the position there of each article's translation (-1: none). */
  twins: Partial<Record<Lang, number[]>>;
  /** The list's runs of articles written in one year: what the sitemaps and the newest update read. */
  years: YearRun[];
  /** For each of the site's tags, the positions of its articles, and their runs of years. */
  tagged: Record<string, { positions: number[]; years: YearRun[] }>;
}

/** The compiled content as the bundle carries it (content.txt). */
export interface ContentIndex extends Omit<CompiledContent, 'articles'> {
  articles: Record<Lang, LanguageIndex>;
}

/** The text columns of a language's index. */
type TextColumnName = 'slugs' | 'titles' | 'summaries' | 'published' | 'tags' | 'cards' | 'originals' | 'images';

/** One value per text column, made in the order content.txt holds the columns after its first line. */
function perTextColumn<T>(value: (name: TextColumnName) => T): Record<TextColumnName, T> {
  return {
    slugs: value('slugs'),
    titles: value('titles'),
    summaries: value('summaries'),
    published: value('published'),
    tags: value('tags'),
    cards: value('cards'),
    originals: value('originals'),
    images: value('images'),
  };
}

/** content.txt's first line: the index with each text column replaced by its length. */
interface IndexHeader extends Omit<ContentIndex, 'articles'> {
  articles: Record<Lang, Omit<LanguageIndex, TextColumnName> & Record<TextColumnName, number>>;
}

/**
 * The index as content.txt holds it: one line of JSON with everything but the text columns (each replaced by its
 * length), then the text columns one after another, as they are. The Worker slices each column out of the module's
 * own string, which V8 keeps anyway, where JSON.parse would copy them all: at 10,000 bilingual articles 11 MB less
 * heap after start-up, 14 ms less start-up, and the first full garbage collection no longer falls in an isolate's
 * first requests (docs/performance.md).
 */
export function serialiseIndex(index: ContentIndex): string {
  const texts: string[] = [];
  const header: IndexHeader = {
    ...index,
    articles: perLanguage((lang) => {
      const columns = index.articles[lang];
      return {
        ...columns,
        ...perTextColumn((name) => {
          texts.push(columns[name]);
          return columns[name].length;
        }),
      };
    }),
  };
  // JSON.stringify writes no line break (it escapes those in strings): the first one ends the header.
  return `${JSON.stringify(header)}\n${texts.join('')}`;
}

/** The index of a serialiseIndex text; its text columns are slices of `text` (no copy). */
export function parseIndex(text: string): ContentIndex {
  const end = text.indexOf('\n');
  if (end === -1) throw new Error('the content index has no columns after its first line: rebuild it (npm run build)');
  const header: IndexHeader = JSON.parse(text.slice(0, end));
  let at = end + 1;
  // Languages and columns in the order serialiseIndex wrote them.
  const articles = perLanguage((lang) => {
    const lengths = header.articles[lang];
    return {
      ...lengths,
      ...perTextColumn((name) => {
        at += lengths[name];
        return text.slice(at - lengths[name], at);
      }),
    };
  });
  if (at !== text.length) throw new Error(`the content index ends at ${at} of ${text.length}: rebuild it (npm run build)`);
  return { ...header, articles };
}

/** The content's index: what the build writes for the Worker (and what Library.of makes for tests). */
export function indexContent(content: CompiledContent): ContentIndex {
  const positions = perLanguage((lang) => new Map(content.articles[lang].map((a, i) => [a.slug, i])));
  return {
    ...content,
    articles: perLanguage((lang) => {
      const articles = content.articles[lang];
      const twins = Object.fromEntries(
        LANGS.filter((l) => l !== lang).map((l) => [l, articles.map((a) => positions[l].get(a.slug) ?? -1)]),
      );
      return {
        ...indexLanguage(articles, Object.keys(content.sites[lang].tags), content.siteCards?.[lang]?.site),
        twins,
      };
    }),
  };
}

function indexLanguage(articles: readonly Translation[], siteTags: string[], siteCard: string | undefined): Omit<LanguageIndex, 'twins'> {
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
    cards: column('card', (a) => (a.card !== undefined && !(a.card === siteCard && !a.image) ? a.card : '')),
    originals: column('original', (a) => a.original ?? ''),
    images: column('image', (a) => (a.image ? JSON.stringify(a.image) : '')),
    authorOf: articles.map((a) => authorPosition.get(a.author) ?? 0),
    authors,
    publishedMs: articles.map((a) => a.publishedMs),
    flags: articles
      .map((a) => String.fromCharCode(48 + (a.archived ? ARCHIVED : 0) + (a.draft ? DRAFT : 0) + (a.video ? VIDEO : 0)))
      .join(''),
    extras: articles.map(extrasOf),
    bySlug: positions.toSorted((x, y) => {
      const [a, b] = [articles[x]?.slug ?? '', articles[y]?.slug ?? ''];
      return a < b ? -1 : a > b ? 1 : 0;
    }),
    years: yearRuns(articles),
    tagged: Object.fromEntries(
      siteTags.map((tag) => {
        const list = positions.filter((i) => articles[i]?.tags.includes(tag));
        return [tag, { positions: list, years: yearRuns(list.map((i) => articles[i] as Translation)) }];
      }),
    ),
  };
}

/**
 * The runs of `articles` (in their order) written in one year, each with its count and newest update. Articles come
 * newest first, so a year's run together, but for those that offsets put among the next year's.
 */
function yearRuns(articles: readonly Translation[]): YearRun[] {
  const runs: YearRun[] = [];
  let run: YearRun | undefined;
  for (const a of articles) {
    const year = Number(a.published.slice(0, 4));
    if (run?.year !== year) {
      run = { year, count: 0, updatedMs: 0 };
      runs.push(run);
    }
    run.count++;
    run.updatedMs = Math.max(run.updatedMs, a.updatedMs);
  }
  return runs;
}

function extrasOf(a: Translation): Extras | 0 {
  const extras: Extras = {
    ...(a.updated !== a.published ? { updated: a.updated } : {}),
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
  private readonly cards: TextColumn;
  private readonly originals: TextColumn;
  private readonly images: TextColumn;

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
    this.cards = new TextColumn(index.cards, this.count);
    this.originals = new TextColumn(index.originals, this.count);
    this.images = new TextColumn(index.images, this.count);
    this.publishedMs = Float64Array.from(index.publishedMs);
    this.updatedMs = Float64Array.from(this.publishedMs);
    index.extras.forEach((x, i) => {
      if (x === 0) return;
      if (x.updated !== undefined) this.updatedMs[i] = Date.parse(x.updated);
      for (const former of x.formerSlugs ?? []) this.renamed.set(former, i);
    });
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

  /** The position of the translation into `lang` of the article at position `i`, or -1. */
  twin(i: number, lang: Lang): number {
    return this.index.twins[lang]?.[i] ?? -1;
  }

  /** Where the article at position `i` is, its headline and its last update (no article made). */
  link(i: number): ArticleLink {
    const x = this.index.extras[i];
    const updated = (x ? x.updated : undefined) ?? this.published.at(i);
    return { lang: this.lang, slug: this.slugs.at(i), title: this.titles.at(i), updated };
  }

  /** The articles of the language from position `hidden` on (those before it are not out yet). */
  listing(hidden: number): Listing {
    return Listing.run(
      this,
      hidden,
      this.count,
      runsAfter(this.index.years, hidden, (i) => this.updatedMs[i] ?? 0),
    );
  }

  /** The articles carrying `tag`, from position `hidden` on (undefined when the site has no such tag). */
  tagListing(tag: string, hidden: number): Listing | undefined {
    if (!Object.hasOwn(this.index.tagged, tag)) return undefined;
    const { positions, years } = this.index.tagged[tag] as LanguageIndex['tagged'][string];
    let skip = 0;
    while (skip < positions.length && (positions[skip] ?? 0) < hidden) skip++;
    const shown = skip === 0 ? positions : positions.slice(skip);
    return Listing.of(
      this,
      shown,
      runsAfter(years, skip, (i) => this.updatedMs[positions[i] ?? 0] ?? 0),
    );
  }

  /** The article at position `i`, made now (a request's garbage, not the isolate's). */
  article(i: number): Translation {
    const x = this.index.extras[i] || {};
    const flags = this.index.flags.charCodeAt(i) - 48;
    const published = this.published.at(i);
    const tags = this.tags.at(i);
    const imageJson = this.images.at(i);
    const image = imageJson === '' ? undefined : (JSON.parse(imageJson) as NonNullable<Translation['image']>);
    const original = this.originals.at(i);
    // An article with no card of its own has a lead image, or the site's card, or the build drew none.
    const card = this.cards.at(i) || (image ? undefined : this.siteCard);
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
      ...(image ? { image } : {}),
      ...(card !== undefined ? { card } : {}),
      ...(original ? { original } : {}),
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
 * it; `length`, the years and the instants read no article.
 */
export class Listing implements Iterable<Translation> {
  private constructor(
    private readonly columns: Columns,
    /** The positions listed: `positions` when given, else `length` of them from `start`. */
    private readonly start: number,
    private readonly positions: readonly number[] | undefined,
    readonly length: number,
    /** Its runs of years, in order (they count `length` articles). */
    readonly years: readonly YearRun[],
  ) {}

  /** The articles at positions `start` to `end` (excluded). */
  static run(columns: Columns, start: number, end: number, years: readonly YearRun[]): Listing {
    return new Listing(columns, start, undefined, Math.max(0, end - start), years);
  }

  /** The articles at `positions`, in their order. */
  static of(columns: Columns, positions: readonly number[], years: readonly YearRun[]): Listing {
    return new Listing(columns, 0, positions, positions.length, years);
  }

  private position(i: number): number {
    return this.positions ? (this.positions[i] ?? 0) : this.start + i;
  }

  /** The articles from `start` to `end` (excluded), as Array.prototype.slice counts them (no negative bounds). */
  slice(start = 0, end = this.length): Translation[] {
    const out: Translation[] = [];
    for (let i = Math.max(0, start); i < Math.min(end, this.length); i++) out.push(this.columns.article(this.position(i)));
    return out;
  }

  *[Symbol.iterator](): Iterator<Translation> {
    for (let i = 0; i < this.length; i++) yield this.columns.article(this.position(i));
  }

  /** The articles' positions in their language's columns, in order. */
  positionsInOrder(): number[] {
    return Array.from({ length: this.length }, (_, i) => this.position(i));
  }

  /** The articles of each year, in order, as listings of their own (no article read). */
  byYear(): { run: YearRun; listing: Listing }[] {
    let from = 0;
    return this.years.map((run) => {
      const listing = this.positions
        ? Listing.of(this.columns, this.positions.slice(from, from + run.count), [run])
        : Listing.run(this.columns, this.start + from, this.start + from + run.count, [run]);
      from += run.count;
      return { run, listing };
    });
  }

  /** One listing of the articles of `parts` (of one language), in their order. */
  static join(columns: Columns, parts: readonly Listing[]): Listing {
    if (parts.length === 1 && parts[0]) return parts[0];
    const positions = parts.flatMap((part) => Array.from({ length: part.length }, (_, i) => part.position(i)));
    return Listing.of(
      columns,
      positions,
      parts.flatMap((part) => part.years),
    );
  }

  /** The newest update among the articles (0 when none). */
  newestUpdate(): number {
    return this.years.reduce((newest, run) => Math.max(newest, run.updatedMs), 0);
  }

  /** Every article's update instant, in list order (a copy, to sort). */
  updatedMs(): Float64Array {
    const all = this.columns.updatedMs;
    return this.positions ? Float64Array.from(this.positions, (p) => all[p] ?? 0) : all.slice(this.start, this.start + this.length);
  }

  /** The first `limit` articles (in list order) updated at or after `floorMs`. */
  updatedSince(floorMs: number, limit: number): Translation[] {
    const out: Translation[] = [];
    for (let i = 0; i < this.length && out.length < limit; i++) {
      const p = this.position(i);
      if ((this.columns.updatedMs[p] ?? 0) >= floorMs) out.push(this.columns.article(p));
    }
    return out;
  }
}

/**
 * The runs of a list without its first `skip` articles (those not out yet): whole runs dropped, and the run it ends
 * inside counted again from the articles left (`updatedAt(i)`: the update of the list's article `i`).
 */
function runsAfter(runs: readonly YearRun[], skip: number, updatedAt: (i: number) => number): readonly YearRun[] {
  if (skip === 0) return runs;
  const left: YearRun[] = [];
  let start = 0;
  for (const run of runs) {
    const end = start + run.count;
    if (end <= skip) {
      start = end;
      continue;
    }
    if (start >= skip) left.push(run);
    else {
      let updatedMs = 0;
      for (let i = skip; i < end; i++) updatedMs = Math.max(updatedMs, updatedAt(i));
      left.push({ year: run.year, count: end - skip, updatedMs });
    }
    start = end;
  }
  return left;
}

/** The columns of one language of an index, as the Worker holds them. */
export function columnsOf(index: ContentIndex, lang: Lang): Columns {
  return new Columns(lang, index.articles[lang], index.siteCards?.[lang]?.site);
}

/** The compiled content an index holds, every article made: for Node programs and tests (src/generated/content.ts). */
export function compiledContent(index: ContentIndex): CompiledContent {
  return {
    ...index,
    articles: perLanguage((lang) => {
      const columns = columnsOf(index, lang);
      return Array.from({ length: columns.count }, (_, i) => columns.article(i));
    }),
  };
}
