/**
 * The web team's week, proved end to end on a throwaway copy of the project (run by CI:
 * `npm run test:publishing`): follow the README's "Adding an article" with `npm run new`, add three
 * realistic articles (one only in Chinese, one with a lead image, one tagged with every tag), set up
 * production as README › Deploying says, then `npm run check`, `npm test` and the deploy dry run must
 * all pass, and `npm run deploy` must stop at authentication in one line having changed nothing.
 * The articles are SYNTHETIC (written here, marked as such) and never touch the repository's content/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'hit-publishing-'));
const started = performance.now();

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

// Production as README › Deploying says.
const readme = readFileSync(join(work, 'README.md'), 'utf8');
const block = /```toml\n( *\[env\.production\][\s\S]*?) *```/.exec(readme)?.[1]?.replace(/^ +/gm, '');
if (!block) throw new Error('README › Deploying has no [env.production] block');
writeFileSync(join(work, 'wrangler.toml'), `${readFileSync(join(work, 'wrangler.toml'), 'utf8')}\n${block}`);

run('npm run types', 'npm', ['run', 'types']);
const report = run('npm run check', 'npm', ['run', 'check']);
if (!report.includes('✓ content is valid')) throw new Error(`unexpected report:\n${report}`);
run('npm test', 'npm', ['test']);
console.log(run('npm run bundle -- --env production (deploy dry run)', 'npm', ['run', 'bundle', '--', '--env', 'production']).trim());

// The deploy itself: offline and without credentials it must stop at once, in one line, changing nothing.
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
if (existsSync(join(work, 'content/published.yaml'))) throw new Error('the failed deploy recorded published articles');
console.log(`✓ npm run deploy stops at authentication: ${lines[0]}`);
console.log(
  `✓ ${readdirSync(join(work, 'content/articles', year)).length} new articles published through check, test and dry run in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
rmSync(work, { recursive: true, force: true });
