/**
 * YAML front matter and site files -> plain data, with every mistake in words a web team
 * understands: the common slips (full-width colon, tabs, indentation) are caught line by line
 * before the YAML parser, whose own messages are translated by error code.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { cleanStrings } from './text';

/** A problem inside the YAML, by line (1-based, in the file). */
export interface YamlProblem {
  line: number;
  message: string;
}

export interface ParsedYaml {
  data: unknown;
  /** Line of a field (`tags`) or of an item inside one (`tags.1`, `image.alt`). */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

const KEY = /^([A-Za-z][\w-]*)/;

/**
 * Finds the slips an editor makes, line by line, and returns the text with each one repaired in
 * memory, so that the YAML parser can still report the file's other problems.
 */
function lint(source: string, firstLine: number, problems: YamlProblem[]): string {
  const indentation = new IndentationCheck();
  return source
    .split('\n')
    .map((raw, i) => {
      if (/^\s*(#|$)/.test(raw)) return raw;
      const line = firstLine + i;
      const reported = problems.length;
      const text = repairSlips(raw, line, problems);
      return indentation.check(text, line, problems.length > reported, problems);
    })
    .join('\n');
}

/** A tab or full-width space before a field, a full-width colon, no space after the colon: reported and repaired. */
function repairSlips(raw: string, line: number, problems: YamlProblem[]): string {
  let text = raw;
  if (/^[ \u3000]*\t/.test(text)) {
    problems.push({ line, message: 'is indented with a tab; YAML needs spaces (indent with 2 spaces)' });
    text = text.replace(/^[\t ]+/, (w) => w.replaceAll('\t', '  '));
  }
  if (/^ *\u3000/.test(text)) {
    problems.push({ line, message: 'is indented with a full-width space "　"; YAML needs ordinary spaces' });
    text = text.replace(/^[ \u3000]+/, (w) => w.replaceAll('\u3000', ' '));
  }
  const body = text.trimStart();
  const key = KEY.exec(body)?.[1];
  if (key && /^[A-Za-z][\w-]*[ \t]*：/.test(body)) {
    const value = body.slice(body.indexOf('：') + 1).trim();
    problems.push({
      line,
      message: `has a full-width colon "：" after "${key}"; YAML needs an ASCII colon and a space: ${key}: ${value.slice(0, 40)}`,
    });
    text = text.replace('：', ': ');
  } else if (key && new RegExp(`^${key}:[^\\s:/]`).test(body) && !/^[a-z]+:\/\//.test(body)) {
    problems.push({ line, message: `needs a space after the colon: ${key}: ${body.slice(key.length + 1, key.length + 41)}` });
    text = text.replace(`${key}:`, `${key}: `);
  }
  return text;
}

/** Top-level fields start at column 1; the lines of a block (under "key:" or a "- " item) line up with each other. */
class IndentationCheck {
  /** Indentation of the lines of the open block, once its first line set it. */
  private blockIndent: number | undefined;
  private opener: { key: string; scalar: boolean } | undefined;

  /** The line with its indentation reported and repaired; `slipped` when a tab or full-width space was reported. */
  check(text: string, line: number, slipped: boolean, problems: YamlProblem[]): string {
    const body = text.trimStart();
    const indent = text.length - body.length;
    const opener = this.opener;
    if (indent === 0) {
      this.blockIndent = undefined;
      // "key:" opens a block of lines; "key: |" or "key: >" a multi-line text, indented freely.
      const opens = /^[A-Za-z][\w-]*:\s*([|>][-+]?\s*)?(#.*)?$/.exec(text);
      // A list item ("- slug: ...", as in withdrawn.yaml) opens a block of its fields too.
      this.opener = opens
        ? { key: KEY.exec(text)?.[1] ?? '', scalar: opens[1] !== undefined }
        : text.startsWith('- ')
          ? { key: '-', scalar: false }
          : undefined;
      return text;
    }
    // The text of a multi-line value, or a long value continued on the next line: both valid YAML.
    if (opener?.scalar || (!opener && !/^[A-Za-z][\w-]*:(\s|$)/.test(body))) return text;
    if (!opener) {
      if (!slipped) {
        problems.push({
          line,
          message: `starts with ${indent} space${indent === 1 ? '' : 's'}, but the line above is a complete field; start each field at the beginning of the line`,
        });
      }
      return body;
    }
    if (this.blockIndent === undefined) {
      this.blockIndent = indent;
      return text;
    }
    if (indent === this.blockIndent) return text;
    problems.push({
      line,
      message: `is indented by ${indent} space${indent === 1 ? '' : 's'} but the line above by ${this.blockIndent}; the lines under "${opener.key}:" must line up, e.g. ${blockExample(opener.key)}`,
    });
    return ' '.repeat(this.blockIndent) + body;
  }
}

/** What a block under `key:` looks like, on one line ("⏎" for a line break). */
function blockExample(key: string): string {
  if (key === 'tags') return '"tags:⏎  - study-at-hit⏎  - open-source"';
  if (key === 'image') return '"image:⏎  src: https://...⏎  alt: ..."';
  return `"${key}:⏎  first: ...⏎  second: ..."`;
}

/** Plain words for the YAML parser's error codes (yaml's `YAMLError.code`). */
function explain(code: string, message: string, sourceLine: string): string {
  const key = KEY.exec(sourceLine.trim())?.[1];
  const value = sourceLine.slice(sourceLine.indexOf(':') + 1).trim();
  switch (code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      return `the value of "${key}" contains ": "; put the whole value in double quotes: ${key}: "${value.replaceAll('"', '\\"').slice(0, 60)}"`;
    case 'MISSING_CHAR':
      return /quote/.test(message)
        ? 'a value opened with a quote mark is not closed; end it with the same quote mark on the same line'
        : 'a list opened with "[" is not closed; end it with "]" on the same line, e.g. [study-at-hit, open-source]';
    case 'BAD_INDENT':
      return /Flow sequence/.test(message)
        ? 'a list opened with "[" is not closed; end it with "]" on the same line, e.g. [study-at-hit, open-source]'
        : 'is not lined up with the lines around it; fields start at the beginning of the line, and the lines of a block (under "image:") line up';
    case 'UNEXPECTED_TOKEN':
      return 'has text after a quoted value; to use quote marks inside a value, put it in the other kind of quotes (\'He said "hi"\') or use “ ”';
    case 'BAD_SCALAR_START':
      return `the value of "${key}" starts with a character YAML reserves (${value.slice(0, 1)}); put the whole value in double quotes`;
    case 'DUPLICATE_KEY':
      return `"${key}" appears twice; keep one`;
    case 'MULTILINE_IMPLICIT_KEY':
      return 'is not a "field: value" line; write the field name, a colon, a space and the value';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'uses a YAML alias (*name), which front matter does not support; write the value out';
    default:
      return `cannot be read as YAML (${message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')})`;
  }
}

/** Parses YAML `source` whose first line is line `firstLine` of the file. */
export function parseYaml(source: string, firstLine: number, problems: YamlProblem[]): ParsedYaml | undefined {
  const before = problems.length;
  // A slip repaired by lint still fails the file, but its other fields are checked too.
  const repaired = lint(source, firstLine, problems);
  const lineCounter = new LineCounter();
  const doc = parseDocument(repaired, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const lines = repaired.split('\n');
  const reported = new Set(problems.slice(before).map((p) => p.line));
  for (const error of doc.errors) {
    const at = error.linePos?.[0].line ?? 1;
    const line = at - 1 + firstLine;
    // One message a line: a repaired slip often leaves a knock-on parser error on the same line.
    if (reported.has(line)) continue;
    reported.add(line);
    problems.push({ line, message: explain(error.code, error.message, lines[at - 1] ?? '') });
  }
  if (doc.errors.length > 0) return undefined;
  let data: unknown;
  try {
    // No aliases at all: front matter never needs them, and an alias bomb expands exponentially.
    data = doc.toJS({ maxAliasCount: 0 });
  } catch {
    problems.push({ line: firstLine, message: 'uses YAML aliases (*name), which front matter does not support; write the values out' });
    return undefined;
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    let node: unknown = doc.contents;
    let range: [number, ...number[]] | undefined;
    for (const step of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(step));
        if (!pair) break;
        range = (pair.key as Node).range ?? undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (!item) break;
        range = item.range ?? undefined;
        node = item;
      } else break;
    }
    return range === undefined ? undefined : lineCounter.linePos(range[0]).line - 1 + firstLine;
  };
  return { data: cleanStrings(data), lineOf };
}
