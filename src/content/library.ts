/** Lookups over the compiled content, built once per isolate. */
import { LANGS, type CompiledContent, type Lang, type Site, type Translation } from './model';

export class Library {
  readonly sites: Record<Lang, Site>;
  private readonly bySlug: Record<Lang, Map<string, Translation>>;
  private readonly byTag: Record<Lang, Map<string, Translation[]>>;

  constructor(private readonly content: CompiledContent) {
    this.sites = content.sites;
    this.bySlug = { zh: new Map(), en: new Map() };
    this.byTag = { zh: new Map(), en: new Map() };
    for (const lang of LANGS) {
      for (const tag of Object.keys(content.sites[lang].tags)) this.byTag[lang].set(tag, []);
      for (const article of content.articles[lang]) {
        this.bySlug[lang].set(article.slug, article);
        for (const tag of article.tags) this.byTag[lang].get(tag)?.push(article);
      }
    }
  }

  /** Articles of one language, newest first; with a tag, only those carrying it. */
  articles(lang: Lang, tag?: string): readonly Translation[] {
    return tag === undefined ? this.content.articles[lang] : (this.byTag[lang].get(tag) ?? []);
  }

  find(lang: Lang, slug: string): Translation | undefined {
    return this.bySlug[lang].get(slug);
  }

  hasTag(lang: Lang, tag: string): boolean {
    return this.byTag[lang].has(tag);
  }

  /** The other language versions of the same story. */
  translationsOf(article: Translation): Translation[] {
    return LANGS.filter((l) => l !== article.lang)
      .map((l) => this.bySlug[l].get(article.slug))
      .filter((t): t is Translation => t !== undefined);
  }
}
