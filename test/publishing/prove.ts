/**
 * The web team's week, proved end to end on a throwaway copy of the project (run by CI:
 * `npm run test:publishing`): follow docs/authoring.md with `npm run new`, add realistic
 * articles (one only in Chinese, one with a lead image on the web, one tagged with every tag, a photo story
 * with three pictures and a lead image saved beside it, the college's bilingual CMS text through
 * `npm run import`, one scheduled for later), set up production as docs/deploying.md says, check, record
 * what production published (as `npm run deploy` does), then correct one, withdraw one and rename one; then
 * `npm run check`, `npm test` and the deploy dry run must all pass, the built Worker must show each change
 * (test/publishing/probe.ts, with a moved clock for the scheduled one), and `npm run deploy` must stop at
 * authentication in one line having changed nothing. The articles and pictures are SYNTHETIC (written here,
 * marked as such) and never touch the repository's content/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'hit-publishing-'));
const started = performance.now();

/** Runs a step that must fail, with `expected` in what it prints. */
function runFailing(title: string, command: string, args: string[], expected: string): void {
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', env: process.env });
  if (result.status === 0 || !`${result.stdout}${result.stderr}`.includes(expected)) {
    console.error(`✗ ${title}: expected a failure saying "${expected}", got (${result.status}):\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  console.log(`✓ ${title}`);
}

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): string {
  const t = performance.now();
  const result = spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = ((performance.now() - t) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`✗ ${title} failed (${seconds} s):\n${result.stdout}\n${result.stderr}`);
    process.exit(1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
  return result.stdout;
}

// The project as a fresh clone has it (tracked and new files, nothing ignored), node_modules shared.
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && existsSync(join(root, f)));
for (const f of files) {
  mkdirSync(dirname(join(work, f)), { recursive: true });
  cpSync(join(root, f), join(work, f));
}
symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
console.log(`project copied to ${work} (${files.length} files)`);

const tags = Object.keys((parse(readFileSync(join(work, 'content/site/en.yaml'), 'utf8')) as { tags: Record<string, string> }).tags);
const year = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4);
const dirOf = (slug: string) => join(work, 'content/articles', year, slug);

/** Replaces what `npm run new` wrote with an article's real text, and publishes it (no draft line). */
function write(slug: string, lang: 'zh' | 'en', fields: Record<string, string>, body: string) {
  const path = join(dirOf(slug), `${lang}.md`);
  let text = readFileSync(path, 'utf8');
  for (const [key, value] of Object.entries(fields)) {
    const line = new RegExp(`^#? ?${key}:.*$`, 'm');
    text = line.test(text) ? text.replace(line, `${key}: ${value}`) : text.replace(/^---\n/, `---\n${key}: ${value}\n`);
  }
  text = text.replace(/^draft: true\n/m, '').replace(/^# Remove the next line.*\n/m, '');
  text = `${text.slice(0, text.indexOf('\n---\n') + 5)}\n${body}\n`;
  writeFileSync(path, text);
}

// 1. Only in Chinese.
run('npm run new (zh only)', 'npm', ['run', 'new', '--', 'winter-camp-open-day', '--tags', tags[0] ?? '']);
rmSync(join(dirOf('winter-camp-open-day'), 'en.md'));
write(
  'winter-camp-open-day',
  'zh',
  { title: '国际教育学院举办冬令营开放日（合成测试文章）', summary: '来自十二个国家的学生参观了校园和实验室。', author: '国际教育学院' },
  '（合成测试文章）开放日上，学生们参观了图书馆、航天馆和机器人实验室。\n\n- 上午：校园参观\n- 下午：实验室开放\n\n详情见[学院网站](https://cie.hit.edu.cn/)。',
);

// 2. With a lead image, a list, a link and a picture in the body.
run('npm run new (lead image)', 'npm', ['run', 'new', '--', 'graduation-ceremony', '--tags', tags[0] ?? '']);
for (const lang of ['zh', 'en'] as const) {
  write(
    'graduation-ceremony',
    lang,
    {
      title: lang === 'zh' ? '国际学生毕业典礼（合成测试文章）' : 'Graduation ceremony for international students (synthetic test article)',
      summary: lang === 'zh' ? '三百名国际学生获得学位。' : 'Three hundred international students received their degrees.',
      author: lang === 'zh' ? '邵微' : 'Shao Wei',
      image: `{ src: "https://cie.hit.edu.cn/images/graduation-2026.jpg", alt: "${lang === 'zh' ? '毕业生合影' : 'Graduates on the main square'}" }`,
      original: 'https://cie.hit.edu.cn/2026/0620/c18246a000001/page.htm',
    },
    lang === 'zh'
      ? '（合成测试文章）典礼在主楼前举行。\n\n1. 校长致辞\n2. 学位授予\n\n![礼堂](https://cie.hit.edu.cn/images/hall.jpg)'
      : '(Synthetic test article.) The ceremony took place in front of the main building.\n\n1. Address by the president\n2. Conferral of degrees\n\n![The hall](https://cie.hit.edu.cn/images/hall.jpg)\n\nSee [the college](https://cie.hit.edu.cn/).',
  );
}

// 3. Tagged with every tag.
run('npm run new (every tag)', 'npm', ['run', 'new', '--', 'open-source-summer-school', '--tags', tags.join(',')]);
for (const lang of ['zh', 'en'] as const) {
  write(
    'open-source-summer-school',
    lang,
    {
      title: lang === 'zh' ? '开源暑期学校开班（合成测试文章）' : 'Open-source summer school opens (synthetic test article)',
      summary: lang === 'zh' ? '四十名学生参加为期两周的课程。' : 'Forty students join a two-week course.',
      author: lang === 'zh' ? '国际教育学院' : 'College of International Education',
    },
    lang === 'zh'
      ? '（合成测试文章）课程包括 Git、代码评审和社区协作。'
      : '(Synthetic test article.) Courses cover Git, code review and community work.',
  );
}

// 4. A photo story: three pictures in the body (two side by side) and a lead image, saved beside the article.
run('npm run new (photo story)', 'npm', ['run', 'new', '--', 'campus-photo-walk', '--tags', tags[0] ?? '']);
const colours = { 'lead.jpg': '#1e64c8', 'library.jpg': '#c81e1e', 'lab.jpg': '#1ec864', 'square.jpg': '#c8a01e' };
for (const [name, background] of Object.entries(colours)) {
  await sharp({ create: { width: 3000, height: 2000, channels: 3, background } })
    .withExif({ IFD0: { Make: 'SYNTHETIC' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 45/1 0/1' } })
    .jpeg()
    .toFile(join(dirOf('campus-photo-walk'), name));
}
for (const lang of ['zh', 'en'] as const) {
  write(
    'campus-photo-walk',
    lang,
    {
      title: lang === 'zh' ? '校园摄影漫步（合成测试文章）' : 'A photo walk across campus (synthetic test article)',
      summary: lang === 'zh' ? '四张合成照片。' : 'Four synthetic pictures.',
      author: lang === 'zh' ? '邵微' : 'Shao Wei',
      image: `{ src: lead.jpg, alt: ${lang === 'zh' ? '蓝色的合成照片' : 'A blue synthetic picture'} }`,
    },
    lang === 'zh'
      ? '（合成测试文章）图书馆：\n\n![红色的合成照片](library.jpg)\n\n实验室与广场：\n\n![绿色的合成照片](lab.jpg)\n![黄色的合成照片](square.jpg)'
      : '(Synthetic test article.) The library:\n\n![A red synthetic picture](library.jpg)\n\nThe lab and the square:\n\n![A green synthetic picture](lab.jpg)\n![A yellow synthetic picture](square.jpg)',
  );
}

// 5. The college's own bilingual text as its CMS hands it out (a frozen copy of the seed's), imported.
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
run('npm run import (the CMS text)', 'npm', [
  'run',
  'import',
  '--',
  'test/fixtures/cms/seed-bilingual.txt',
  '--slug',
  'openatom-visit-imported',
  '--date',
  today,
  '--tags',
  tags[0] ?? '',
  '--title-zh',
  '国际教育学院访问开放原子开源基金会（合成导入测试）',
  '--title-en',
  'A visit to the OpenAtom Foundation (synthetic import test)',
  '--summary-zh',
  '从学院的双语稿件导入（合成测试）。',
  '--summary-en',
  "Imported from the college's bilingual text (synthetic test).",
]);
for (const lang of ['zh', 'en']) {
  const path = join(dirOf('openatom-visit-imported'), `${lang}.md`);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^draft: true\n/m, ''));
}

// 6. Scheduled for 90 minutes from now: in the bundle, shown nowhere until then.
run('npm run new (scheduled)', 'npm', ['run', 'new', '--', 'admissions-open-day', '--tags', tags[0] ?? '']);
rmSync(join(dirOf('admissions-open-day'), 'zh.md'));
const at = new Date(Math.ceil((Date.now() + 90 * 60_000) / 60_000) * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
const scheduledAt = `${at}:00+08:00`;
write(
  'admissions-open-day',
  'en',
  { title: 'Admissions open day (synthetic test article)', summary: 'Scheduled for later.', author: 'Shao Wei', published: scheduledAt },
  '(Synthetic test article.) Scheduled: it goes out at its time without a deploy.',
);
if (at.slice(0, 4) !== year)
  renameSync(dirOf('admissions-open-day'), join(work, 'content/articles', at.slice(0, 4), 'admissions-open-day'));

// Production as docs/deploying.md says.
const readme = readFileSync(join(work, 'docs/deploying.md'), 'utf8');
const block = /```toml\n( *\[env\.production\][\s\S]*?) *```/.exec(readme)?.[1]?.replace(/^ +/gm, '');
if (!block) throw new Error('docs/deploying.md has no [env.production] block');
writeFileSync(join(work, 'wrangler.toml'), `${readFileSync(join(work, 'wrangler.toml'), 'utf8')}\n${block}`);

run('npm run types', 'npm', ['run', 'types']);
const report = run('npm run check', 'npm', ['run', 'check']);
if (!report.includes('✓ content is valid')) throw new Error(`unexpected report:\n${report}`);
if (!new RegExp(`scheduled .*\\n +${at.replace('T', ' ')} \\+08:00 +en/admissions-open-day`).test(report)) {
  throw new Error(`npm run check does not list the scheduled article with its Beijing time:\n${report}`);
}
console.log(`✓ npm run check lists the scheduled article: ${at.replace('T', ' ')} +08:00 en/admissions-open-day`);

// What a production deploy records (npm run deploy does this after deploying), so that changes are guarded.
writeFileSync(
  join(work, 'record.ts'),
  "import { recordPublished } from './scripts/published';\nimport { content } from './src/generated/content';\nconsole.log(recordPublished(content));\n",
);
run('record what production published (as npm run deploy does)', 'npx', ['tsx', 'record.ts']);
rmSync(join(work, 'record.ts'));
const check = ['tsx', 'scripts/build-content.ts', '--check'];

// 7. A correction: the text changes, so "updated" must say when.
const graduation = join(dirOf('graduation-ceremony'), 'en.md');
const correctedText = 'Three hundred and twelve graduates took part (corrected).';
writeFileSync(graduation, `${readFileSync(graduation, 'utf8').trimEnd()}\n\n${correctedText}\n`);
runFailing('a silent correction fails the check', 'npx', check, 'updated: the text changed since it was published');
// The minute after now: later than the publication even when it was this very minute (and not refused as future).
const correctedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
const updated = `${correctedAt}:00+08:00`;
writeFileSync(graduation, readFileSync(graduation, 'utf8').replace(/^author:/m, `updated: ${updated}\nauthor:`));
run('with "updated:" it passes', 'npx', check);

// 8. A withdrawal. Deleting the files alone fails the check (the URL was published); `npm run withdraw` deletes
// them, records the withdrawal and builds, and the check passes.
const kept = `${dirOf('winter-camp-open-day')}.kept`;
cpSync(dirOf('winter-camp-open-day'), kept, { recursive: true });
rmSync(dirOf('winter-camp-open-day'), { recursive: true });
runFailing(
  'deleting a published article fails the check',
  'npx',
  check,
  '"winter-camp-open-day" was published, but no zh article has that slug now',
);
renameSync(kept, dirOf('winter-camp-open-day'));
const withdrawal = run('npm run withdraw', 'npm', [
  'run',
  '--silent',
  'withdraw',
  '--',
  'winter-camp-open-day',
  '--note',
  'synthetic test withdrawal (internal, never published)',
]);
if (!withdrawal.includes(`/zh/articles/winter-camp-open-day`) || existsSync(dirOf('winter-camp-open-day'))) {
  throw new Error(`npm run withdraw did not remove the article and list its URLs:\n${withdrawal}`);
}
run('withdrawn with npm run withdraw it passes', 'npx', check);

// 9. A rename: the folder moves, redirect_from keeps the old URL.
renameSync(dirOf('open-source-summer-school'), dirOf('open-source-summer-school-2026'));
runFailing(
  'a rename without redirect_from fails the check',
  'npx',
  check,
  'if it was renamed, add "redirect_from: [open-source-summer-school]"',
);
for (const lang of ['zh', 'en']) {
  const path = join(dirOf('open-source-summer-school-2026'), `${lang}.md`);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/^author:/m, 'redirect_from: [open-source-summer-school]\nauthor:'));
}
run('with redirect_from it passes', 'npx', check);

const final = run('npm run check', 'npm', ['run', 'check']);
if (!final.includes('✓ content is valid')) throw new Error(`unexpected report:\n${final}`);
run('npm test', 'npm', ['test']);
console.log(run('npm run bundle -- --env production (deploy dry run)', 'npm', ['run', 'bundle', '--', '--env', 'production']).trim());
const plan = {
  scheduled: { slug: 'admissions-open-day', at: scheduledAt },
  withdrawn: { lang: 'zh', slug: 'winter-camp-open-day' },
  renamed: { from: 'open-source-summer-school', to: 'open-source-summer-school-2026' },
  corrected: { slug: 'graduation-ceremony', updated, text: correctedText },
  photos: { slug: 'campus-photo-walk', pictures: 3 },
};
writeFileSync(join(work, 'plan.json'), JSON.stringify(plan));
console.log(run('what readers get from the built Worker', 'npx', ['tsx', 'test/publishing/probe.ts', 'plan.json']).trimEnd());

// The deploy itself: offline and without credentials it must stop at once, in one line, changing nothing.
const recordBefore = readFileSync(join(work, 'content/published.yaml'), 'utf8');
const home = mkdtempSync(join(tmpdir(), 'hit-home-'));
const deploy = spawnSync('npm', ['run', '--silent', 'deploy', '--', '--env', 'production'], {
  cwd: work,
  encoding: 'utf8',
  env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', CLOUDFLARE_API_TOKEN: '' },
});
const lines = deploy.stderr.trim().split('\n');
if (deploy.status === 0 || lines.length !== 1 || !lines[0]?.startsWith('✗ no Cloudflare credentials')) {
  console.error(`✗ npm run deploy did not stop at authentication in one line:\n${deploy.stdout}\n${deploy.stderr}`);
  process.exit(1);
}
if (readFileSync(join(work, 'content/published.yaml'), 'utf8') !== recordBefore)
  throw new Error('the failed deploy changed content/published.yaml');
console.log(`✓ npm run deploy stops at authentication: ${lines[0]}`);
console.log(
  `✓ the web team's week (${readdirSync(join(work, 'content/articles', year)).length} new articles, a correction, a withdrawal, a rename) through check, test and dry run in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
rmSync(work, { recursive: true, force: true });
