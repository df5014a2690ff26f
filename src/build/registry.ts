/**
 * What production has published and what was taken down on purpose: content/published.yaml (written by
 * `npm run deploy`, committed) and content/withdrawn.yaml (written by the web team). Published URLs keep
 * answering, and published text changes only with a newer `updated:` that subscribers see.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { LANGS, type Lang, type Translation } from '../content/model';
import { beijingNow } from './dates';
import { parseYaml } from './front-matter';
import { SLUG } from './schema';
import type { Problem } from './source';

export const PUBLISHED_RECORD = 'published.yaml';
export const WITHDRAWN_RECORD = 'withdrawn.yaml';

/** One published translation as the last production deploy shipped it. */
export interface PublishedEntry {
  /** `updated` as it was then (absent in records written before corrections were tracked). */
  updated?: string;
  /** Fingerprint of the text readers saw (see `textFingerprint`). */
  text?: string;
}
export type PublishedRecord = Record<Lang, Record<string, PublishedEntry>>;

/** An article taken down on purpose (content/withdrawn.yaml); `note` is internal and never published. */
export interface Withdrawal {
  slug: string;
  date: string;
  lang?: Lang;
  note?: string;
}

/**
 * A fingerprint of what a reader reads: headline, summary, byline, picture description and the body's words.
 * Markup is left out, so a rebuilt page or a re-encoded photo is not a correction; a changed word is.
 */
export function textFingerprint(t: Translation): string {
  // The build fingerprints what it compiled, before any body moves to the archive.
  if (t.html === undefined) throw new Error(`${t.lang}/${t.slug}: fingerprint of an archived body`);
  const words = t.html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return createHash('sha256')
    .update(JSON.stringify([t.title, t.summary, t.author, t.image?.alt ?? '', words]))
    .digest('hex')
    .slice(0, 16);
}

/** Reads a YAML record, adding its problems; undefined when the file is absent or unreadable. */
function readYaml(text: string | undefined, file: string, problems: Problem[]) {
  if (text === undefined) return undefined;
  const yamlProblems: { line: number; message: string }[] = [];
  const yaml = parseYaml(text, 1, yamlProblems);
  for (const p of yamlProblems) problems.push({ file, ...p });
  return yaml;
}

const entrySchema = z.union([
  z.null(),
  z.strictObject({
    updated: z.string().optional(),
    text: z
      .string()
      .regex(/^[0-9a-f]{16}$/)
      .optional(),
  }),
]);

/** content/published.yaml: per language, slug -> entry (or, as first written, a plain list of slugs). */
export function readPublishedRecord(text: string | undefined, file: string, problems: Problem[]) {
  const yaml = readYaml(text, file, problems);
  const record = Object.fromEntries(LANGS.map((l) => [l, {}])) as PublishedRecord;
  const data = (yaml?.data ?? {}) as Record<string, unknown>;
  for (const lang of LANGS) {
    const value = data[lang];
    if (value === undefined || value === null) continue;
    const bad = (message: string, path: (string | number)[] = [lang]) =>
      problems.push({ file, line: yaml?.lineOf(path), field: lang, message: `${message} (this file is written by npm run deploy)` });
    if (Array.isArray(value)) {
      value.forEach((slug, i) => {
        if (typeof slug === 'string') record[lang][slug] = {};
        else bad('must list slugs', [lang, i]);
      });
    } else if (typeof value === 'object') {
      for (const [slug, entry] of Object.entries(value)) {
        const parsed = entrySchema.safeParse(entry);
        if (parsed.success) record[lang][slug] = parsed.data ?? {};
        else bad(`"${slug}" must be { updated: <date-time>, text: <16 hex digits> }`, [lang, slug]);
      }
    } else bad('must be a list of slugs');
  }
  return { record, lineOf: (lang: Lang, slug: string) => yaml?.lineOf([lang, slug]) ?? yaml?.lineOf([lang]) };
}

const withdrawalSchema = z.strictObject({
  slug: z
    .string({ error: 'is required: the folder name of the withdrawn article' })
    .regex(SLUG, 'must be the article slug (its folder name)'),
  date: z
    .string({ error: 'is required: the day it was withdrawn, e.g. 2026-11-29' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day such as 2026-11-29'),
  lang: z.enum(LANGS, { error: `must be one of ${LANGS.join(', ')} (leave it out to withdraw every language)` }).optional(),
  note: z.string({ error: 'must be text' }).optional(),
});

/** content/withdrawn.yaml: a list of { slug, date, lang?, note? }. */
export function readWithdrawals(text: string | undefined, file: string, problems: Problem[]): Withdrawal[] {
  // "[]" (the empty list an older file ended with) followed by an appended entry: say that, not what YAML says.
  const lines = text?.split(/\r?\n/) ?? [];
  const empty = lines.findIndex((l) => /^\s*\[\s*\]\s*(#.*)?$/.test(l));
  if (empty >= 0 && lines.slice(empty + 1).some((l) => /^\s*-\s/.test(l))) {
    problems.push({
      file,
      line: empty + 1,
      message: '"[]" means "no withdrawals", so the entries below it cannot be read; delete the line "[]"',
    });
    return [];
  }
  const yaml = readYaml(text, file, problems);
  if (!yaml || yaml.data === null || yaml.data === undefined) return [];
  if (!Array.isArray(yaml.data)) {
    problems.push({ file, line: 1, message: 'must be a list of entries, each "- slug: ..." with "date: YYYY-MM-DD" under it' });
    return [];
  }
  const withdrawals: Withdrawal[] = [];
  yaml.data.forEach((entry: unknown, i: number) => {
    const parsed = withdrawalSchema.safeParse(entry);
    if (parsed.success) {
      withdrawals.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = [...issue.path, ...keys].join('.') || undefined;
      const message = keys.length ? 'is not a known field; the fields are slug, date, lang, note' : issue.message;
      problems.push({ file, line: yaml.lineOf([i, ...issue.path.map(String), ...keys]) ?? yaml.lineOf([i]), field, message });
    }
  });
  return withdrawals;
}

/** Whether `slug` of `lang` is withdrawn. */
export function isWithdrawn(withdrawals: readonly Withdrawal[], lang: Lang, slug: string): boolean {
  return withdrawals.some((w) => w.slug === slug && (w.lang === undefined || w.lang === lang));
}

/** A published translation now in the content, with where to report a problem of it. */
export interface Current {
  translation: Translation;
  file: string;
  lineOf: (field: string) => number | undefined;
}

/**
 * Every recorded slug still answers (the article, a `redirect_from`, or a withdrawal) and a published text changed
 * only with a newer `updated:`. `now` decides which scheduled articles have gone out.
 */
export function checkRegistry(
  record: ReturnType<typeof readPublishedRecord>,
  withdrawals: readonly Withdrawal[],
  current: readonly Current[],
  drafts: readonly string[],
  /** lang/slug of article files that are there but did not compile: their own problems say why. */
  failed: ReadonlySet<string>,
  now: number,
  files: { published: string; withdrawn: string },
  problems: Problem[],
) {
  const bySlug = new Map(current.map((c) => [`${c.translation.lang}/${c.translation.slug}`, c]));
  const formerSlugs = new Set(current.flatMap((c) => (c.translation.formerSlugs ?? []).map((s) => `${c.translation.lang}/${s}`)));
  for (const lang of LANGS) {
    for (const [slug, entry] of Object.entries(record.record[lang])) {
      const here = bySlug.get(`${lang}/${slug}`);
      if (here) {
        const taken = new Set(current.filter((c) => c.translation.lang === lang && c !== here).map((c) => c.translation.updatedMs));
        checkCorrection(here, entry, now, taken, problems);
        continue;
      }
      if (formerSlugs.has(`${lang}/${slug}`) || failed.has(`${lang}/${slug}`) || isWithdrawn(withdrawals, lang, slug)) continue;
      const draft = drafts.find((d) => d.endsWith(`/${slug}/${lang}.md`));
      problems.push({
        file: files.published,
        line: record.lineOf(lang, slug),
        field: lang,
        message: draft
          ? `"${slug}" was published, but ${draft} is now a draft: published URLs must keep working; remove "draft: true"`
          : `"${slug}" was published, but no ${lang} article has that slug now: if it was renamed, add "redirect_from: [${slug}]" to the renamed article; to withdraw it, add it to ${files.withdrawn} (docs/authoring.md › Rename or withdraw it)`,
      });
    }
  }
  for (const w of withdrawals) {
    for (const lang of w.lang ? [w.lang] : LANGS) {
      const still = bySlug.get(`${lang}/${w.slug}`);
      if (still) {
        problems.push({
          file: still.file,
          message: `is withdrawn in ${files.withdrawn} ("${w.slug}", ${w.date}) but still here; delete the article's files, or remove the entry to publish it again`,
        });
      }
    }
  }
}

/**
 * The minute to suggest for a correction: the latest at or before `from` and after `floor` that no other article of
 * the language holds (the check refuses two at one instant), else the first free one after `from`.
 */
function freeMinute(from: number, floor: number, taken: ReadonlySet<number>): number {
  const start = Math.floor(from / 60_000) * 60_000;
  for (let m = start; m > floor; m -= 60_000) if (!taken.has(m)) return m;
  let m = start + 60_000;
  while (taken.has(m)) m += 60_000;
  return m;
}

function checkCorrection(
  { translation: t, file, lineOf }: Current,
  entry: PublishedEntry,
  now: number,
  /** The instants the language's other articles hold. */
  taken: ReadonlySet<number>,
  problems: Problem[],
) {
  // A scheduled article not yet out may change freely: nobody has read it.
  if (entry.text === undefined || t.publishedMs > now || entry.text === textFingerprint(t)) return;
  const recorded = entry.updated === undefined ? Number.NaN : Date.parse(entry.updated);
  if (t.updatedMs > recorded) return;
  // Later than what was published (or the suggested line would not pass either: a correction in the same minute), and
  // at an instant no other article holds (or the next check would refuse it, and blame that other file).
  const floor = Number.isNaN(recorded) ? Number.NEGATIVE_INFINITY : recorded;
  const suggestion = beijingNow(freeMinute(Number.isNaN(recorded) ? now : Math.max(now, recorded + 60_000), floor, taken));
  problems.push({
    file,
    line: lineOf('updated') ?? lineOf('published'),
    field: 'updated',
    message: `the text changed since it was published (as of ${entry.updated ?? t.published}), but "updated" does not say so, and subscribers would never see the correction; add the line "updated: ${suggestion}" (the time of the correction)`,
  });
}

/** The record after a production deploy of `articles`: every slug ever published, with what readers now see. */
export function nextPublishedRecord(old: PublishedRecord, articles: Record<Lang, readonly Translation[]>): PublishedRecord {
  const next = Object.fromEntries(LANGS.map((l) => [l, { ...old[l] }])) as PublishedRecord;
  for (const lang of LANGS) {
    for (const t of articles[lang]) next[lang][t.slug] = { updated: t.updated, text: textFingerprint(t) };
  }
  return next;
}

/** The record as content/published.yaml holds it. */
export function formatPublishedRecord(record: PublishedRecord): string {
  const lines = [
    '# Written by `npm run deploy -- --env production`: every article production has published, per language,',
    '# with the time it was last updated and a fingerprint of its text. Commit this file. A slug here must keep',
    '# answering: to rename an article add `redirect_from: [old-slug]` to it; to withdraw one, add it to',
    '# withdrawn.yaml. Changing a published text needs a newer `updated:` (npm run check says so).',
  ];
  for (const lang of LANGS) {
    const slugs = Object.keys(record[lang]).sort();
    lines.push(slugs.length ? `${lang}:` : `${lang}: {}`);
    for (const slug of slugs) {
      const { updated, text } = record[lang][slug] ?? {};
      lines.push(updated && text ? `  ${slug}: { updated: "${updated}", text: ${text} }` : `  ${slug}: {}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
