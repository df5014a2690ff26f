/** The front matter of an article file: found, parsed as YAML, checked against the schema, every problem located. */
import type { z } from 'zod';
import { parseYaml } from './front-matter';
import { FRONT_MATTER_FIELDS, type FrontMatter, frontMatterSchema } from './schema';
import type { Problem } from './source';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/** An article file split into its front matter (when valid) and its body, with where the body starts. */
export interface ArticleParts {
  fm?: FrontMatter;
  lineOf: (field: string) => number | undefined;
  bodyText: string;
  /** Line of the file where the body starts. */
  bodyLine: number;
}

/** Splits and checks an article file; undefined (with the problem) when it has no front matter at all. */
export function readArticleParts(file: string, text: string, problems: Problem[]): ArticleParts | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const message = text.startsWith('---')
      ? 'the front matter that starts on line 1 is never closed; add a line "---" after the last field'
      : 'has no front matter; the file must start with a line "---", then the fields (title: ...), then "---"';
    problems.push({ file, line: 1, message });
    return undefined;
  }
  const yamlProblems: { line: number; message: string }[] = [];
  const yaml = parseYaml(match[1] ?? '', 2, yamlProblems);
  for (const p of yamlProblems) problems.push({ file, line: p.line, message: p.message });
  let fm: FrontMatter | undefined;
  if (yaml) {
    if (yaml.data === null || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
      problems.push({ file, line: 2, message: 'the front matter has no "field: value" lines' });
    } else {
      const result = frontMatterSchema.safeParse(yaml.data);
      if (result.success) fm = result.data;
      else schemaProblems(file, result.error, yaml.lineOf, problems);
    }
  }
  return {
    ...(fm ? { fm } : {}),
    lineOf: (field: string) => yaml?.lineOf([field]),
    bodyText: text.slice(match[0].length),
    bodyLine: (match[0].match(/\n/g)?.length ?? 0) + 1,
  };
}

/** The closest known field to a misspelt one, if it is close. */
function suggestField(key: string): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let prev = row[0] ?? 0;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const next = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = row[j] ?? 0;
        row[j] = next;
      }
    }
    return row[b.length] ?? Number.POSITIVE_INFINITY;
  };
  const lower = key.toLowerCase().replaceAll('-', '_');
  return FRONT_MATTER_FIELDS.find((f) => f === lower) ?? FRONT_MATTER_FIELDS.find((f) => distance(lower, f) <= 2);
}

function schemaProblems(
  file: string,
  error: z.ZodError,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
  problems: Problem[],
) {
  // A field written "Title" is reported as such, not also as a missing "title".
  const suggested = new Set(error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map(suggestField) : [])));
  for (const issue of error.issues) {
    if (issue.path.length === 1 && suggested.has(String(issue.path[0])) && issue.message.startsWith('is required')) continue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = suggestField(key);
        problems.push({
          file,
          line: lineOf([...issue.path.map(String), key]),
          field: [...issue.path, key].join('.'),
          message: guess
            ? `is not a known field; did you mean "${guess}"?`
            : `is not a known field; the fields are ${FRONT_MATTER_FIELDS.join(', ')}`,
        });
      }
      continue;
    }
    // "tags", not "tags.1": the message echoes the offending value instead.
    const named = issue.path.filter((p): p is string => typeof p === 'string');
    problems.push({ file, line: lineOf(issue.path as (string | number)[]), field: named.join('.') || undefined, message: issue.message });
  }
}
