/**
 * content/ -> CompiledContent, validating everything and collecting every problem at once.
 * Build time only (run by scripts/build-content.ts); pure: files in, result out.
 */
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { renderBody } from './markdown';
import { type CompiledContent, isLang, LANGS, type Lang, type Site, type Translation } from './model';
import { type FrontMatter, frontMatterSchema, SLUG, siteSchema } from './schema';
import { cleanStrings, cleanText, escapeXml } from './text';

/** A content file, its path relative to the content directory. */
export interface SourceFile {
  path: string;
  text: string;
}

/** One thing wrong with the content, located as precisely as the parser allows. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
}

export interface CompileOptions {
  /** Include articles marked `draft: true` (local preview only). */
  includeDrafts?: boolean;
}

export interface CompileResult {
  content?: CompiledContent;
  problems: Problem[];
  /** Drafts left out of this build. */
  skippedDrafts: string[];
}

/** "file:line  field: message", the form every problem is printed in. */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.field === undefined ? `${where}  ${p.message}` : `${where}  ${p.field}: ${p.message}`;
}

interface Parsed<T> {
  value: T;
  body: string;
  lineOf: (field: string) => number | undefined;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function parseYaml(file: string, source: string, lineOffset: number, problems: Problem[]) {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  for (const error of doc.errors) {
    const line = error.linePos?.[0].line;
    problems.push({
      file,
      line: line === undefined ? undefined : line + lineOffset,
      message: `malformed YAML: ${(error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    });
  }
  if (doc.errors.length > 0) return undefined;
  const lineOf = (field: string): number | undefined => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((item) => String((item.key as { value?: unknown })?.value) === field);
    const start = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
    return start === undefined ? undefined : lineCounter.linePos(start).line + lineOffset;
  };
  return { data: cleanStrings(doc.toJS()), lineOf };
}

function validate<S extends z.ZodType>(
  schema: S,
  file: string,
  data: unknown,
  lineOf: (field: string) => number | undefined,
  problems: Problem[],
): z.infer<S> | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, message: 'expected "field: value" lines, found none' });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ file, line: lineOf(key), field: [...issue.path, key].join('.'), message: 'is not a known field (a typo?)' });
      }
      continue;
    }
    const top = String(issue.path[0] ?? '');
    problems.push({ file, line: lineOf(top), field: issue.path.join('.') || undefined, message: issue.message });
  }
  return undefined;
}

function parseArticle(file: string, text: string, problems: Problem[]): Parsed<FrontMatter> | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    problems.push({ file, line: 1, message: 'no front matter; expected the file to start with a line "---", the fields, then "---"' });
    return undefined;
  }
  const yaml = parseYaml(file, match[1] ?? '', 1, problems);
  if (!yaml) return undefined;
  const before = problems.length;
  const value = validate(frontMatterSchema, file, yaml.data, yaml.lineOf, problems);
  const body = text.slice(match[0].length);
  if (body.trim() === '') {
    problems.push({ file, field: 'body', message: 'is empty; expected the article text below the closing "---"' });
  }
  if (!value || problems.length > before) return undefined;
  return { value, body, lineOf: yaml.lineOf };
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
    const yaml = parseYaml(file, cleanText(source.text), 0, problems);
    if (!yaml) continue;
    const value = validate(siteSchema, file, yaml.data, yaml.lineOf, problems);
    if (value) sites[lang] = { lang, ...value };
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
  tagsLine?: number;
}

/** Validates and compiles a content directory's files; `prefix` is prepended to paths in messages. */
export function compileContent(files: SourceFile[], prefix = 'content/', options: CompileOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const skippedDrafts: string[] = [];
  const sites = compileSites(files, prefix, problems);
  const located: Located[] = [];

  for (const source of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!source.path.startsWith('articles/')) continue;
    const file = `${prefix}${source.path}`;
    const parts = source.path.split('/');
    const name = parts.at(-1) ?? '';
    const slug = parts.at(-2) ?? '';
    const lang = name.replace(/\.md$/, '');
    if (!name.endsWith('.md')) continue;
    if (parts.length < 3 || !isLang(lang)) {
      problems.push({
        file,
        message: `is not where an article goes; expected articles/<slug>/<lang>.md with <lang> one of ${LANGS.join(', ')}`,
      });
      continue;
    }
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        message: `folder name "${slug}" is not a valid slug; expected lower-case letters, digits and hyphens, e.g. openatom-visit`,
      });
      continue;
    }
    if (source.text.includes('origin.invalid')) {
      // The build renders feeds with https://origin.invalid standing for the site's origin.
      problems.push({ file, message: 'contains "origin.invalid", a name reserved by the build; expected real URLs' });
      continue;
    }
    const parsed = parseArticle(file, cleanText(source.text), problems);
    if (!parsed) continue;
    const fm = parsed.value;
    if (fm.draft && !options.includeDrafts) {
      skippedDrafts.push(file);
      continue;
    }
    const site = sites[lang];
    const unknown = site ? fm.tags.filter((t) => !(t in site.tags)) : [];
    if (site && unknown.length > 0) {
      problems.push({
        file,
        line: parsed.lineOf('tags'),
        field: 'tags',
        message: `unknown tag ${unknown.map((t) => `"${t}"`).join(', ')}; expected one of ${Object.keys(site.tags).join(', ')} (or add it to site/*.yaml)`,
      });
    }
    const publishedMs = Date.parse(fm.published);
    const updated = fm.updated ?? fm.published;
    const updatedMs = Date.parse(updated);
    if (updatedMs < publishedMs) {
      problems.push({
        file,
        line: parsed.lineOf('updated'),
        field: 'updated',
        message: `${updated} is before published (${fm.published}); expected the same time or later`,
      });
    }
    const bodyProblems: string[] = [];
    const body = renderBody(parsed.body, (m) => bodyProblems.push(m));
    // The lead image travels inside the HTML too, so RSS and Atom readers show it without enclosures.
    const html = fm.image ? `<figure><img src="${escapeXml(fm.image.src)}" alt="${escapeXml(fm.image.alt)}"></figure>\n${body}` : body;
    for (const message of bodyProblems) problems.push({ file, field: 'body', message });
    if (body === '') problems.push({ file, field: 'body', message: 'has no text left after removing unsafe HTML' });
    located.push({
      file,
      dir: parts.slice(0, -1).join('/'),
      tagsLine: parsed.lineOf('tags'),
      translation: {
        slug,
        lang,
        title: fm.title,
        summary: fm.summary,
        published: fm.published,
        updated,
        publishedMs,
        updatedMs,
        author: fm.author,
        tags: fm.tags,
        ...(fm.image ? { image: fm.image } : {}),
        ...(fm.original ? { original: fm.original } : {}),
        html,
        draft: fm.draft ?? false,
      },
    });
  }

  checkSlugsAndTranslations(located, prefix, problems);
  if (problems.length > 0 || !sites.zh || !sites.en) return { problems, skippedDrafts };

  const articles = Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      located
        .map((l) => l.translation)
        .filter((t) => t.lang === lang)
        .sort((a, b) => b.publishedMs - a.publishedMs || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
    ]),
  ) as Record<Lang, Translation[]>;
  return { content: { sites: { zh: sites.zh, en: sites.en }, articles }, problems, skippedDrafts };
}

function checkSlugsAndTranslations(located: Located[], prefix: string, problems: Problem[]) {
  const dirsBySlug = new Map<string, Set<string>>();
  for (const l of located) {
    const dirs = dirsBySlug.get(l.translation.slug) ?? new Set<string>();
    dirs.add(l.dir);
    dirsBySlug.set(l.translation.slug, dirs);
  }
  for (const [slug, dirs] of dirsBySlug) {
    if (dirs.size > 1) {
      const list = [...dirs].sort();
      problems.push({
        file: `${prefix}${list[1]}`,
        field: 'slug',
        message: `duplicate slug "${slug}": also used by ${prefix}${list[0]}; expected each article folder name to be unique`,
      });
    }
  }
  for (const l of located) {
    if (l.translation.lang !== LANGS[1]) continue;
    const other = located.find((o) => o.dir === l.dir && o.translation.lang === LANGS[0]);
    if (!other) continue;
    const mine = [...l.translation.tags].sort().join(', ');
    const theirs = [...other.translation.tags].sort().join(', ');
    if (mine !== theirs) {
      problems.push({
        file: l.file,
        line: l.tagsLine,
        field: 'tags',
        message: `[${mine}] differ from the translation ${other.file}: [${theirs}]; expected both languages to share the same tags`,
      });
    }
  }
}
