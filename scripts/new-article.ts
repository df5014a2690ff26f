/**
 * Scaffolds a new article as a draft: content/articles/<year>/<slug>/<lang>.md for every language.
 * Usage: npm run new -- <slug> --tags a,b [--content DIR]   (in a terminal, without them: asks)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { beijingNow } from '../src/build/dates';
import { SLUG, slugProblem } from '../src/build/schema';
import { LANGS } from '../src/content/model';
import { LANGUAGE } from '../src/languages';

const USAGE = 'usage: npm run new -- <slug> --tags <tag,tag> [--content DIR]   (or just `npm run new` in a terminal)';

function fail(message: string, code = 1): never {
  console.error(`✗ ${message}`);
  process.exit(code);
}

let args: { values: { tags?: string; content: string }; positionals: string[] };
try {
  args = parseArgs({
    allowPositionals: true,
    strict: true,
    options: { tags: { type: 'string' }, content: { type: 'string', default: 'content' } },
  });
} catch (error) {
  fail(`${(error as Error).message.split('\n')[0]}; ${USAGE}`, 2);
}
const contentDir = args.values.content;
const available = Object.keys(
  (parse(readFileSync(join(contentDir, `site/${LANGS[0]}.yaml`), 'utf8')) as { tags: Record<string, string> }).tags,
);

/** What is wrong with a slug, or undefined. */
function slugError(slug: string): string | undefined {
  if (!SLUG.test(slug)) return slugProblem(slug, 'summer-school-2026');
  const existing = findArticle(join(contentDir, 'articles'), slug);
  return existing
    ? `slug "${slug}" is taken by ${relative(process.cwd(), existing)}; choose another (slugs are permanent URLs)`
    : undefined;
}
/** What is wrong with a tag list, or undefined. */
function tagsError(tags: string[]): string | undefined {
  if (tags.length === 0) return `name at least one tag; choose from ${available.join(', ')}`;
  const unknown = tags.filter((t) => !available.includes(t));
  return unknown.length
    ? `unknown tag ${unknown.join(', ')}; choose from ${available.join(', ')} (or add one to content/site/*.yaml)`
    : undefined;
}
const splitTags = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);

let slug = args.positionals[0];
let tags = args.values.tags === undefined ? undefined : splitTags(args.values.tags);
if (args.positionals.length > 1) fail(`one slug at a time (got ${args.positionals.join(' ')}); ${USAGE}`, 2);
if ((!slug || !tags) && process.stdin.isTTY) {
  // Asks again until the answer is usable, so a typo costs one line, not a restart.
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  // Lines typed (or pasted) ahead of a question are kept for it, which rl.question() would drop.
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string) => {
    process.stdout.write(question);
    const answer = await lines.next();
    if (answer.done) fail('no answer; nothing was created');
    return String(answer.value).trim();
  };
  while (!slug || slugError(slug)) {
    if (slug) console.error(`  ✗ ${slugError(slug)}`);
    slug = await ask('Slug (lower-case words joined by hyphens, e.g. summer-school-2026): ');
  }
  while (!tags || tagsError(tags)) {
    if (tags) console.error(`  ✗ ${tagsError(tags)}`);
    tags = splitTags(await ask(`Tags, comma-separated (${available.join(', ')}): `));
  }
  rl.close();
}
if (!slug) fail(`say the slug; ${USAGE}`, 2);
if (!tags) fail(`say the tags (--tags ${available.slice(0, 2).join(',')}); choose from ${available.join(', ')}`, 2);
const problem = slugError(slug) ?? tagsError(tags);
if (problem) fail(problem);

// Now in Beijing, to the minute (rounded down): a later time would schedule the article, so the scaffold never does.
const published = beijingNow();
const dir = join(contentDir, 'articles', published.slice(0, 4), slug);
mkdirSync(dir, { recursive: true });
for (const lang of LANGS) {
  const t = LANGUAGE[lang].scaffold;
  writeFileSync(
    join(dir, `${lang}.md`),
    [
      '---',
      `title: ${t.title}`,
      `summary: ${t.summary}`,
      `published: ${published}   # a later time schedules the article: it goes out then, without a deploy`,
      `author: ${t.author}`,
      `tags: [${tags.join(', ')}]   # choose from: ${available.join(', ')}`,
      '# original: https://cie.hit.edu.cn/...   (optional: the page on the college site)',
      '# image: { src: https://..., alt: what the picture shows }   (optional lead image)',
      '# Remove the next line when the article is ready to publish.',
      'draft: true',
      '---',
      '',
      t.body,
      '',
    ].join('\n'),
  );
}
console.log(`✓ created ${relative(process.cwd(), dir)}/{${LANGS.join(',')}}.md as a draft`);
console.log('  Write both files (a language you do not publish in: delete its file), preview with `npm start`,');
console.log('  remove `draft: true`, then `npm run check`.');

function findArticle(dir: string, wanted: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    if (entry.name === wanted && LANGS.some((l) => existsSync(join(path, `${l}.md`)))) return path;
    const found = findArticle(path, wanted);
    if (found) return found;
  }
  return undefined;
}
