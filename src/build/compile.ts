/**
 * content/ -> CompiledContent, validating everything and collecting every problem of every file
 * at once. Build time only (run by scripts/build-content.ts); pure: files and a clock in, result out.
 */
import { createHash } from 'node:crypto';
import { type CompiledContent, isLang, LANGS, type Lang, type Site, type Translation } from '../content/model';
import { LANGUAGE } from '../languages';
import { compileArticle } from './article';
import { parseYaml } from './front-matter';
import type { PhotoIndex } from './photos';
import { PictureShelf } from './picture-shelf';
import { checkRegistry, PUBLISHED_RECORD, readPublishedRecord, readWithdrawals, WITHDRAWN_RECORD } from './registry';
import { FRONT_MATTER_FIELDS, SLUG, siteSchema, slugProblem } from './schema';
import { decodeSource, type Problem, type SourceFile } from './source';
import { cleanText } from './text';

export { formatProblem, type Problem, type SourceFile } from './source';

export interface CompileOptions {
  /** Include articles marked `draft: true` (local preview only). */
  includeDrafts?: boolean;
  /** The time that counts as now (ms), for "published in the future"; default: the clock. */
  now?: number;
  /** The pictures beside articles, processed (src/build/photos.ts); without it, articles may not use any. */
  photos?: PhotoIndex;
  /** Articles compiled by an earlier build, reused when their file and pictures are the same (scripts/compile-cache.ts). */
  cache?: ArticleCache;
}

/** An article file compiled without a problem: what a later build reuses instead of compiling the same text again. */
export interface CachedArticle {
  translation: Translation;
  /** The line of each front matter field, for problems found across files. */
  lines: Record<string, number>;
  /** The picture names it looked up (so that they count as used). */
  photos: string[];
  /** What those lookups answered (the pictures' files and sizes): the article is compiled again when it differs. */
  photoState: string;
}

/** Compiled articles by file path and a key of everything they were compiled from. */
export interface ArticleCache {
  /** The article kept for `path` under `key`, if `fresh` (default: always) says it still holds. */
  get(path: string, key: string, fresh?: (article: CachedArticle) => boolean): CachedArticle | undefined;
  set(path: string, key: string, article: CachedArticle): void;
}

export interface CompileResult {
  content?: CompiledContent;
  problems: Problem[];
  /** Drafts left out of this build. */
  skippedDrafts: string[];
  /** What the team should know but that does not stop the build (a picture no article uses). */
  warnings: Problem[];
}

export { PUBLISHED_RECORD, WITHDRAWN_RECORD } from './registry';

function decoded(source: SourceFile, file: string, problems: Problem[]): string | undefined {
  const result = decodeSource(source);
  if ('text' in result) return cleanText(result.text);
  problems.push({ file, ...(result.line === undefined ? {} : { line: result.line }), message: result.error });
  return undefined;
}

function compileSites(files: SourceFile[], prefix: string, problems: Problem[]) {
  const sites: Partial<Record<Lang, Site>> = {};
  for (const lang of LANGS) {
    const path = `site/${lang}.yaml`;
    const file = `${prefix}${path}`;
    const source = files.find((f) => f.path === path);
    if (!source) {
      problems.push({ file, message: `is missing; every language (${LANGS.join(', ')}) needs its site metadata` });
      continue;
    }
    const text = decoded(source, file, problems);
    if (text === undefined) continue;
    const yamlProblems: { line: number; message: string }[] = [];
    const yaml = parseYaml(text, 1, yamlProblems);
    for (const p of yamlProblems) problems.push({ file, ...p });
    if (!yaml) continue;
    const result = siteSchema.safeParse(yaml.data);
    if (result.success) sites[lang] = { lang, ...result.data };
    else {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const path = key === undefined ? issue.path : [...issue.path, key];
          problems.push({
            file,
            line: yaml.lineOf(path as (string | number)[]),
            field: path.join('.') || undefined,
            message: key === undefined ? issue.message : 'is not a known field (a typo?)',
          });
        }
      }
    }
  }
  const [first, ...rest] = LANGS.map((lang) => sites[lang]);
  if (first) {
    const expected = Object.keys(first.tags).sort().join(', ');
    for (const site of rest) {
      if (site && Object.keys(site.tags).sort().join(', ') !== expected) {
        problems.push({
          file: `${prefix}site/${site.lang}.yaml`,
          field: 'tags',
          message: `labels tags [${Object.keys(site.tags).sort().join(', ')}]; expected the same slugs as site/${first.lang}.yaml: [${expected}]`,
        });
      }
    }
  }
  return sites;
}

interface Located {
  translation: Translation;
  file: string;
  dir: string;
  lineOf: (field: string) => number | undefined;
}

/** Where a file under articles/ belongs, or a problem saying why it is not published. */
function articlePath(path: string): { year: number; slug: string; lang: Lang } | string {
  const parts = path.split('/');
  const name = parts.at(-1) ?? '';
  const expected = `expected articles/<year>/<slug>/<lang>.md with <lang> one of ${LANGS.join(', ')}`;
  if (!/\.md$/i.test(name)) return `is not an article and is not published; ${expected}`;
  const lang = name.slice(0, -3);
  if (!isLang(lang)) {
    const hint = isLang(lang.toLowerCase().slice(0, 2)) ? ` (rename it ${lang.toLowerCase().slice(0, 2)}.md)` : '';
    return `is not published: "${name}" is not a language file${hint}; ${expected}`;
  }
  if (parts.length !== 4 || !/^\d{4}$/.test(parts[1] ?? '')) return `is not where an article goes; ${expected}`;
  const slug = parts[2] ?? '';
  if (!SLUG.test(slug)) return `folder name ${slugProblem(slug, 'openatom-visit')} (the folder name is the article's URL)`;
  return { year: Number(parts[1]), slug, lang };
}

/** About as many characters of a headline as search results show (Google cuts near 110). */
const SEARCH_TITLE_MAX = 110;

/** Validates and compiles a content directory's files; `prefix` is prepended to paths in messages. */
export function compileContent(files: SourceFile[], prefix = 'content/', options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const now = options.now ?? Date.now();
  const sites = compileSites(files, prefix, problems);
  const pictures = new PictureShelf(files, options.photos, prefix);
  const { located, skippedDrafts } = compileArticles(files, sites, pictures, prefix, options, now, problems);
  const longTitles = located.flatMap(({ file, translation: t, lineOf }) =>
    [...t.title].length > SEARCH_TITLE_MAX
      ? [
          {
            file,
            line: lineOf('title'),
            field: 'title',
            message: `is ${[...t.title].length} characters; search engines show about ${SEARCH_TITLE_MAX} and cut the rest: consider a shorter headline`,
          },
        ]
      : [],
  );
  // A Chinese article whose headline has no Chinese in it: most likely the English one pasted in both files.
  const foreignTitles = located.flatMap(({ file, translation: t, lineOf }) =>
    LANGUAGE[t.lang].cjk && !/[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/u.test(t.title)
      ? [
          {
            file,
            line: lineOf('title'),
            field: 'title',
            message: `"${t.title.slice(0, 60)}" has no Chinese characters, yet the ${t.lang} page shows it as its headline: is it the English one? Write the ${t.lang} headline`,
          },
        ]
      : [],
  );
  checkSlugsAndTranslations(located, prefix, problems);
  separateInstants(located);
  const withdrawals = checkRecords(
    files,
    located,
    skippedDrafts,
    failedArticles(files, located, skippedDrafts, prefix),
    now,
    prefix,
    problems,
  );
  const complete = LANGS.every((lang) => sites[lang]);
  const warnings = [...longTitles, ...foreignTitles, ...pictures.unused()];
  if (problems.length > 0 || !complete) return { problems, skippedDrafts, warnings };

  const articles = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      located
        .map((l) => l.translation)
        .filter((t) => t.lang === lang)
        .sort((a, b) => b.publishedMs - a.publishedMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
    ]),
  ) as Record<Lang, Translation[]>;
  const withdrawn = Object.fromEntries(
    LANGS.map((lang) => [lang, [...new Set(withdrawals.filter((w) => !w.lang || w.lang === lang).map((w) => w.slug))].sort()]),
  ) as Record<Lang, string[]>;
  const preview = options.includeDrafts ? { preview: true } : {};
  return { content: { sites: sites as Record<Lang, Site>, articles, withdrawn, ...preview }, problems, skippedDrafts, warnings };
}

/** Every article file compiled (in path order), drafts set aside unless previewing, tags checked against the site's. */
function compileArticles(
  files: SourceFile[],
  sites: Partial<Record<Lang, Site>>,
  pictures: PictureShelf,
  prefix: string,
  options: CompileOptions,
  now: number,
  problems: Problem[],
): { located: Located[]; skippedDrafts: string[] } {
  const located: Located[] = [];
  const skippedDrafts: string[] = [];
  for (const source of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!source.path.startsWith('articles/') || pictures.has(source.path)) continue;
    const file = `${prefix}${source.path}`;
    const at = articlePath(source.path);
    if (typeof at === 'string') {
      problems.push({ file, message: at });
      continue;
    }
    const text = decoded(source, file, problems);
    if (text === undefined) continue;
    const dir = source.path.split('/').slice(0, -1).join('/');
    // Reused when the text and every picture it names are the same. Only files that compiled without a problem are kept,
    // and time only moves on, so what compiled at an earlier "now" compiles the same now.
    const key = options.cache && createHash('sha256').update(text).digest('hex');
    const photoState = (names: string[]) => JSON.stringify(names.map((n) => pictures.peek(dir, n)));
    const hit = key ? options.cache?.get(source.path, key, (a) => photoState(a.photos) === a.photoState) : undefined;
    let translation: Translation | undefined;
    let lineOf: (field: string) => number | undefined;
    if (hit) {
      for (const name of hit.photos) pictures.find(dir, name);
      translation = hit.translation;
      lineOf = (field) => hit.lines[field];
    } else {
      const before = problems.length;
      const photos: string[] = [];
      const photo = (name: string) => {
        photos.push(name);
        return pictures.find(dir, name);
      };
      ({ translation, lineOf } = compileArticle({ file, ...at, photo }, text, now, problems));
      if (translation && key && problems.length === before) {
        const lines = Object.fromEntries(
          FRONT_MATTER_FIELDS.flatMap((f) => {
            const line = lineOf(f);
            return line === undefined ? [] : [[f, line]];
          }),
        );
        options.cache?.set(source.path, key, { translation, lines, photos, photoState: photoState(photos) });
      }
    }
    if (!translation) continue;
    if (translation.draft && !options.includeDrafts) {
      skippedDrafts.push(file);
      continue;
    }
    const site = sites[at.lang];
    const unknown = site ? translation.tags.filter((t) => !(t in site.tags)) : [];
    if (site && unknown.length > 0) {
      problems.push({
        file,
        line: lineOf('tags'),
        field: 'tags',
        message: `unknown tag ${unknown.map((t) => `"${t}"`).join(', ')}; expected one of ${Object.keys(site.tags).join(', ')} (or add it to site/*.yaml)`,
      });
    }
    located.push({ file, dir, translation, lineOf });
  }
  return { located, skippedDrafts };
}

/** lang/slug of the article files that are there but did not compile (drafts aside): their own problems say why. */
function failedArticles(files: SourceFile[], located: Located[], drafts: string[], prefix: string): Set<string> {
  const failed = new Set(
    files.flatMap((f) => {
      const at = articlePath(f.path);
      return typeof at === 'string' || drafts.includes(`${prefix}${f.path}`) ? [] : [`${at.lang}/${at.slug}`];
    }),
  );
  for (const l of located) failed.delete(`${l.translation.lang}/${l.translation.slug}`);
  return failed;
}

/**
 * Articles of a language that share an instant (two stories at 09:00, a newsroom habit) are told apart by seconds:
 * ordered by slug, the second gets 09:00:01, the third 09:00:02. Readers order and tell entries apart by the time
 * feeds give as each entry's last change, and the W3C validator warns at a repeated Atom `updated`; the authors' minute
 * stays what they wrote. Never-corrected articles move both times (a page would otherwise call them updated).
 */
function separateInstants(located: Located[]): void {
  const byInstant = new Map<string, Located[]>();
  for (const l of located) {
    const key = `${l.translation.lang}|${l.translation.updatedMs}`;
    const group = byInstant.get(key);
    if (group) group.push(l);
    else byInstant.set(key, [l]);
  }
  for (const group of byInstant.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.translation.slug < b.translation.slug ? -1 : 1));
    group.forEach((l, i) => {
      if (i === 0) return;
      const t = l.translation;
      const updated = { updated: laterBy(t.updated, i), updatedMs: t.updatedMs + i * 1000 };
      // A new object: the build's article cache may hold this one.
      l.translation =
        t.updatedMs === t.publishedMs
          ? { ...t, ...updated, published: laterBy(t.published, i), publishedMs: t.publishedMs + i * 1000 }
          : { ...t, ...updated };
    });
  }
}

/** An RFC 3339 time `seconds` later, written with its own offset (2026-12-07T09:00:00+08:00 -> ...09:00:01+08:00). */
function laterBy(time: string, seconds: number): string {
  const offset = /(?:[+-]\d{2}:\d{2}|Z)$/i.exec(time)?.[0] ?? 'Z';
  const minutes =
    offset.toUpperCase() === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(Date.parse(time) + seconds * 1000 + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

function checkSlugsAndTranslations(located: Located[], prefix: string, problems: Problem[]) {
  const dirsBySlug = new Map<string, Set<string>>();
  for (const l of located) {
    for (const slug of [l.translation.slug, ...(l.translation.formerSlugs ?? [])]) {
      const dirs = dirsBySlug.get(`${l.translation.lang}/${slug}`) ?? new Set<string>();
      dirs.add(l.dir);
      dirsBySlug.set(`${l.translation.lang}/${slug}`, dirs);
    }
  }
  for (const [key, dirs] of dirsBySlug) {
    if (dirs.size > 1) {
      const list = [...dirs].sort();
      problems.push({
        file: `${prefix}${list[1]}`,
        field: 'slug',
        message: `duplicate slug "${key.split('/')[1]}": also used by ${prefix}${list[0]}; expected each article folder name (and redirect_from) to be unique`,
      });
    }
  }
  // Every translation's tags against those of the first translation in its folder (in the site's language order).
  for (const l of located) {
    const other = located
      .filter((o) => o.dir === l.dir)
      .sort((a, b) => LANGS.indexOf(a.translation.lang) - LANGS.indexOf(b.translation.lang))[0];
    if (!other || other === l) continue;
    const mine = [...l.translation.tags].sort().join(', ');
    const theirs = [...other.translation.tags].sort().join(', ');
    if (mine !== theirs) {
      problems.push({
        file: l.file,
        line: l.lineOf('tags'),
        field: 'tags',
        message: `[${mine}] differ from the translation ${other.file}: [${theirs}]; expected both languages to share the same tags`,
      });
    }
  }
}

/** content/published.yaml and content/withdrawn.yaml against the articles; the withdrawals, for the Worker's 410s. */
function checkRecords(
  files: SourceFile[],
  located: Located[],
  drafts: string[],
  failed: Set<string>,
  now: number,
  prefix: string,
  problems: Problem[],
) {
  const text = (path: string) => {
    const source = files.find((f) => f.path === path);
    return source ? decoded(source, `${prefix}${path}`, problems) : undefined;
  };
  const names = { published: `${prefix}${PUBLISHED_RECORD}`, withdrawn: `${prefix}${WITHDRAWN_RECORD}` };
  const record = readPublishedRecord(text(PUBLISHED_RECORD), names.published, problems);
  const withdrawals = readWithdrawals(text(WITHDRAWN_RECORD), names.withdrawn, problems);
  checkRegistry(record, withdrawals, located, drafts, failed, now, names, problems);
  return withdrawals;
}
