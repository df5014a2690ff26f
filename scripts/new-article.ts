/**
 * Scaffolds a new article as a draft: content/articles/<year>/<slug>/<lang>.md for every language.
 * Usage: npm run new -- <slug> --tags a,b [--content DIR]   (in a terminal, without them: asks)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { beijingNow } from '../src/build/dates';
import { LANGS } from '../src/content/model';
import { LANGUAGE } from '../src/languages';
import { askSlugAndTags, availableTags, fail, slugError, splitTags, tagsError, unusedMinute } from './article-options';

const USAGE = 'usage: npm run new -- <slug> --tags <tag,tag> [--content DIR]   (or just `npm run new` in a terminal)';

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
const available = availableTags(contentDir);
if (args.positionals.length > 1) fail(`one slug at a time (got ${args.positionals.join(' ')}); ${USAGE}`, 2);
const { slug, tags } = await askSlugAndTags(contentDir, {
  ...(args.positionals[0] ? { slug: args.positionals[0] } : {}),
  ...(args.values.tags === undefined ? {} : { tags: splitTags(args.values.tags) }),
});
if (!slug) fail(`say the slug; ${USAGE}`, 2);
if (!tags) fail(`say the tags (--tags ${available.slice(0, 2).join(',')}); choose from ${available.join(', ')}`, 2);
const problem = slugError(contentDir, slug) ?? tagsError(available, tags);
if (problem) fail(problem);

// Now in Beijing, to the minute (rounded down), or the latest free minute before it: a later time would schedule the
// article, so the scaffold never does.
const published = unusedMinute(contentDir, beijingNow());
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
      '# image: { src: photo.jpg, alt: what the picture shows }   (optional lead image: a picture saved in this folder)',
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
