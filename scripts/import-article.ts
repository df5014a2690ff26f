/**
 * npm run import -- FILE [--slug SLUG] [--date YYYY-MM-DD] [--tags a,b] [--original URL]
 *   [--title-zh T] [--title-en T] [--summary-zh S] [--summary-en S] [--content DIR]
 * Turns the college CMS's bilingual text (the headlines, then a Chinese paragraph, then its English translation, ...)
 * into an article folder with zh.md and en.md: the headlines as titles, paragraphs split by script, the byline
 * ("(邵微/文)", "文/王丽 图/李明") as the author in Chinese and pinyin and out of the body, a date line as the date,
 * Chinese punctuation made full-width. The slug comes from the English headline. What it cannot know (summaries, a
 * missing headline) is left as the placeholders `npm run check` names; without both headlines the article is a draft.
 * In a terminal, a missing slug or tag list is asked for.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { beijingNow } from '../src/build/dates';
import { importBilingualText, isChineseParagraph } from '../src/build/import';
import { readSavedPage } from '../src/build/import-page';
import { fixChineseLine } from '../src/build/punctuation';
import { UNKNOWN_TIME_OF_DAY } from '../src/build/scaffold';
import { decodeSource } from '../src/build/source';
import { LANGS, type Lang } from '../src/content/model';
import { LANGUAGE } from '../src/languages';
import { askSlugAndTags, availableTags, fail, slugError, slugFromHeadline, splitTags, tagsError, unusedMinute } from './article-options';

/** The file of a saved page an <img src> names ("./page_files/1.jpg"), when the browser saved it. */
function savedFile(page: string, src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return undefined;
  let path: string;
  try {
    path = resolve(dirname(page), decodeURIComponent(src.split(/[?#]/)[0] ?? ''));
  } catch {
    return undefined;
  }
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

const USAGE = 'usage: npm run import -- FILE [--slug SLUG] [--date YYYY-MM-DD] [--tags a,b] [--title-zh ...] [--title-en ...]';
const started = performance.now();

let args: { values: Record<string, string | undefined>; positionals: string[] };
try {
  args = parseArgs({
    allowPositionals: true,
    strict: true,
    options: Object.fromEntries(
      ['slug', 'date', 'tags', 'original', 'title-zh', 'title-en', 'summary-zh', 'summary-en', 'content'].map((o) => [
        o,
        { type: 'string' },
      ]),
    ),
  }) as typeof args;
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`, 2);
}
const [file, ...extra] = args.positionals;
if (!file || extra.length > 0) fail(`name one text file to import; ${USAGE}`, 2);
const v = args.values;
const contentDir = v.content ?? 'content';

let bytes: Buffer;
try {
  bytes = readFileSync(file);
} catch (error) {
  fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
}
const decoded = decodeSource({ path: file, bytes });
if ('error' in decoded) fail(`${file} ${decoded.error}`);
// A page saved from a browser (page.html and its page_files/ folder), or the CMS's text.
const page = /\.html?$/i.test(file) ? readSavedPage(decoded.text, (src) => savedFile(file, src)) : undefined;
const text = importBilingualText(page ? page.lines.join('\n') : decoded.text);
if (page?.title) {
  const lang = isChineseParagraph(page.title) ? 'zh' : 'en';
  text.title[lang] ??= lang === 'zh' ? fixChineseLine(page.title) : page.title;
}
if (page?.date) text.date ??= page.date;
// The languages with text (pictures stand in both).
const langs = LANGS.filter((lang) => text[lang].some((p) => !p.startsWith('![')));
if (page ? langs.length === 0 : langs.length < 2) {
  const count = (lang: Lang) => text[lang].filter((p) => !p.startsWith('![')).length;
  fail(
    page
      ? `${file}: no article found in the page (Readability found no text); save the article's own page ("Save page as, complete")`
      : `${file} has ${count('zh')} Chinese and ${count('en')} English paragraphs; expected both, alternating (a Chinese paragraph, then its English translation)`,
  );
}
// A page in one language alternates nothing.
if (langs.length === 1) text.notes = [];

// The day of the original, at 20:00 Beijing time (the date reads the same across time zones); never later than now,
// so an import does not schedule an article by accident.
// --date, or the text's own date line.
let published = beijingNow();
const day = v.date ?? text.date;
if (day !== undefined) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    fail(`${v.date === undefined ? `the date line of ${file}` : '--date'} "${day}" is not a day such as 2025-09-05`, 2);
  const evening = `${day}${UNKNOWN_TIME_OF_DAY}`;
  published = Date.parse(evening) <= Date.now() ? evening : day === published.slice(0, 10) ? published : evening;
}
published = unusedMinute(contentDir, published); // a minute earlier when another article holds this one

const available = availableTags(contentDir);
const titles = { zh: v['title-zh'] ?? text.title.zh, en: v['title-en'] ?? text.title.en };
// The slug from the English headline (asked for only when there is none).
const suggested = v.slug ?? (titles.en ? slugFromHeadline(contentDir, titles.en) : undefined);
const { slug, tags } = await askSlugAndTags(contentDir, {
  ...(suggested ? { slug: suggested } : {}),
  ...(v.tags === undefined ? {} : { tags: splitTags(v.tags) }),
});
if (!slug) fail(`say the slug (--slug summer-school-2026); ${USAGE}`, 2);
if (!tags) fail(`say the tags (--tags ${available.slice(0, 2).join(',')}); choose from ${available.join(', ')}`, 2);
const problem = slugError(contentDir, slug) ?? tagsError(available, tags);
if (problem) fail(problem);

const quoted = (s: string) => JSON.stringify(s);
const dir = join(contentDir, 'articles', published.slice(0, 4), slug);
mkdirSync(dir, { recursive: true });
// With the headlines only the summaries are left, and the check names them: no draft line to remember to delete.
const draft = !langs.every((lang) => titles[lang]);
for (const lang of langs) {
  const t = LANGUAGE[lang].scaffold;
  const title = titles[lang];
  const summary = v[`summary-${lang}`];
  writeFileSync(
    join(dir, `${lang}.md`),
    [
      '---',
      `title: ${title ? quoted(title) : t.title}`,
      `summary: ${summary ? quoted(summary) : t.summary}`,
      `published: ${published}`,
      `author: ${text.author?.[lang] ?? t.author}${lang === 'en' && text.author ? '   # pinyin of the byline: check the spelling' : ''}`,
      `tags: [${tags.join(', ')}]   # choose from: ${available.join(', ')}`,
      ...(v.original ? [`original: ${v.original}`] : ['# original: https://cie.hit.edu.cn/...   (optional: the page on the college site)']),
      ...(draft ? [`draft: true   # imported from ${relative(process.cwd(), file)}: delete this line when the article is ready`] : []),
      '---',
      '',
      text[lang].join('\n\n'),
      '',
    ].join('\n'),
  );
}

// The page's pictures beside the article (those on the web stay links).
const copied = (page?.pictures ?? []).filter((p) => !/^https:\/\//i.test(p.source));
for (const picture of copied) copyFileSync(picture.source, join(dir, picture.name));

const seconds = ((performance.now() - started) / 1000).toFixed(1);
const files = langs.length === 2 ? '{zh,en}.md' : `${langs[0]}.md`;
console.log(`✓ imported ${file} -> ${relative(process.cwd(), dir)}/${files}${draft ? ' as a draft' : ''} in ${seconds} s`);
if (page) {
  console.log(
    `  ${page.pictures.length} picture(s): ${copied.length} copied beside the article${page.pictures.length > copied.length ? ', the others linked on the web' : ''}`,
  );
  for (const p of page.pictures.filter((p) => !p.alt))
    console.log(`  ! ${p.name} has no description: write what it shows between the brackets`);
}
for (const lang of ['zh', 'en'] as const) {
  if (text.title[lang] && !v[`title-${lang}`]) console.log(`  ${lang} title (the text's headline): ${text.title[lang]}`);
}
if (text.date && !v.date) console.log(`  date (the text's date line): ${text.date}`);
const paragraphsOf = (lang: Lang) => text[lang].filter((p) => !p.startsWith('![')).length;
console.log(
  `  ${paragraphsOf('zh')} Chinese and ${paragraphsOf('en')} English paragraphs; ${text.punctuationFixed} half-width marks made full-width in the Chinese`,
);
console.log(
  text.author
    ? `  author: ${text.author.zh} / ${text.author.en} (from the byline; check the pinyin)`
    : '  no byline found: write the author in both files',
);
for (const note of text.notes) console.log(`  ! ${note}`);
const todo = [...(draft ? ['titles'] : []), ...(v['summary-zh'] && v['summary-en'] ? [] : ['summaries'])];
if (todo.length > 0)
  console.log(
    `  still to write: ${todo.join(', ')} (npm run check names each placeholder)${draft ? '; then delete the line "draft: true"' : ''}`,
  );
