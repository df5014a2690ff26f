/**
 * The college CMS's bilingual text turned into an article (npm run import), and the Chinese punctuation fixer behind
 * it and `npm run check -- --fix`. test/fixtures/cms/seed-bilingual.txt is a frozen copy of the seed article as the
 * CMS hands it out (../shared/seed/000_1988f8c310517b49.txt); the other texts here are SYNTHETIC.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { halfWidthPunctuation } from '../../src/build/article';
import { readCredits, splitByline } from '../../src/build/byline';
import { importBilingualText, nameInPinyin } from '../../src/build/import';
import { fixChineseLine, fixChineseMarkdown } from '../../src/build/punctuation';

const SEED = readFileSync('test/fixtures/cms/seed-bilingual.txt', 'utf8');
/** The body paragraphs of an article file. */
const paragraphs = (file: string) =>
  readFileSync(file, 'utf8')
    .split(/\n---\n/)
    .slice(1)
    .join('\n---\n')
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

/** `npm run import` of `file` into a fresh copy of the fixture content, with `args`; the copy's folder and the run. */
function importIntoCopy(file: string, ...args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'hit-import-'));
  cpSync('test/fixtures/content', dir, { recursive: true });
  return { dir, made: tsx('scripts/import-article.ts', file, ...args, '--content', dir) };
}

const tsx = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });

describe('importing the CMS text of the seed article', () => {
  const text = importBilingualText(SEED);
  const fixture = 'test/fixtures/content/articles/2025/fixture-cie-visit';

  it('gives, paragraph for paragraph, the article written by hand from the same text', () => {
    expect(text.zh).toEqual(paragraphs(`${fixture}/zh.md`));
    expect(text.en).toEqual(paragraphs(`${fixture}/en.md`));
    expect(text.notes).toEqual([]);
  });

  it('differs from the CMS text only in the punctuation it made full-width (17 marks) and the byline, explained here', () => {
    const cms = SEED.split('\n').filter((_, i) => i % 2 === 0);
    expect(cms.map(fixChineseLine).map((p) => p.replace(/^（邵微\/文）/, ''))).toEqual(text.zh);
    expect(cms[0]).toMatch(/^\(邵微\/文\)7月18日,国际/);
    expect(text.zh[0]).toMatch(/^7月18日，国际/);
    expect(text.punctuationFixed).toBe(17);
    for (const p of text.zh) expect(halfWidthPunctuation(p)).toBeUndefined();
  });

  it('reads the byline as the author, in Chinese and in pinyin', () => {
    expect(text.author).toEqual({ zh: '邵微', en: 'Shao Wei' });
    expect(nameInPinyin('赵异肖')).toBe('Zhao Yixiao');
    expect(nameInPinyin('程晓明')).toBe('Cheng Xiaoming');
  });

  it('says where the languages do not alternate', () => {
    const uneven = importBilingualText('第一段（合成）。\n第二段（合成）。\nOnly one English paragraph (synthetic).');
    expect(uneven.zh).toHaveLength(2);
    expect(uneven.notes).toEqual([
      'paragraphs 1 and 2 of the body are both Chinese: the text does not alternate there; check that no translation is missing',
    ]);
    expect(uneven.author).toBeUndefined();
  });
});

describe('the Chinese punctuation fixer', () => {
  it.each([
    ['7月18日,国际教育学院', '7月18日，国际教育学院'],
    ['(邵微/文)7月', '（邵微/文）7月'],
    ['共1,000元, 时间10:30开始', '共1,000元，时间10:30开始'],
    ['详见https://a.example/c,d 网站', '详见https://a.example/c,d 网站'],
    ['代码`a,b`和', '代码`a,b`和'],
    ['OpenAtom,基金会', 'OpenAtom，基金会'],
    ['(OpenAtom)基金会(见 [链接](https://x.example/a,b))', '（OpenAtom）基金会（见 [链接](https://x.example/a,b)）'],
    ['“留学哈工大”,推动', '“留学哈工大”，推动'],
    ['他说:好!真的?', '他说：好！真的？'],
    ['Hello, world (English stays)', 'Hello, world (English stays)'],
    ['写信给 a.b@example.edu.cn,谢谢', '写信给 a.b@example.edu.cn，谢谢'],
  ])('%s -> %s', (before, after) => {
    expect(fixChineseLine(before)).toBe(after);
  });

  it('fixes title, summary and prose of a file, never its code blocks or other fields', () => {
    const file = [
      '---',
      'title: 测试,标题',
      'summary: 摘要(测试)。',
      'original: https://cie.hit.edu.cn/a,b',
      '---',
      '',
      '正文,第一段。',
      '',
      '```',
      'code,not(changed)',
      '```',
      '    缩进代码,不改',
    ].join('\n');
    const { text, changes } = fixChineseMarkdown(file);
    expect(changes.map((c) => c.line)).toEqual([2, 3, 7]);
    expect(text).toContain('title: 测试，标题\nsummary: 摘要（测试）。\noriginal: https://cie.hit.edu.cn/a,b');
    expect(text).toContain('正文，第一段。');
    expect(text).toContain('code,not(changed)');
    expect(text).toContain('    缩进代码,不改');
  });
});

describe('npm run import and npm run check -- --fix', () => {
  it('gives a second article of the same day the minute before, so no two share an instant', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-import-'));
    cpSync('test/fixtures/content', dir, { recursive: true });
    const importDay = (slug: string) =>
      tsx(
        'scripts/import-article.ts',
        'test/fixtures/cms/seed-bilingual.txt',
        '--slug',
        slug,
        '--date',
        '2025-09-06',
        '--tags',
        'open-source',
        '--content',
        dir,
      );
    for (const slug of ['morning-visit', 'evening-visit']) expect(importDay(slug).status).toBe(0);
    const published = (slug: string) => /^published: (\S+)/m.exec(readFileSync(join(dir, 'articles/2025', slug, 'en.md'), 'utf8'))?.[1];
    expect(published('morning-visit')).toBe('2025-09-06T20:00:00+08:00');
    expect(published('evening-visit')).toBe('2025-09-06T19:59:00+08:00');
  });

  it('writes a draft that, with titles and summaries given, publishes once "draft: true" goes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-import-'));
    cpSync('test/fixtures/content', dir, { recursive: true });
    const made = tsx(
      'scripts/import-article.ts',
      'test/fixtures/cms/seed-bilingual.txt',
      '--slug',
      'imported-visit',
      '--date',
      '2025-09-05',
      '--tags',
      'study-at-hit,open-source',
      '--title-zh',
      '国际教育学院访问开放原子开源基金会（合成导入测试）',
      '--title-en',
      'A visit to the OpenAtom Foundation (synthetic import test)',
      '--content',
      dir,
    );
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('4 Chinese and 4 English paragraphs; 17 half-width marks made full-width');
    expect(made.stdout).toContain('still to write: summaries');
    const folder = join(dir, 'articles/2025/imported-visit');
    const zh = readFileSync(join(folder, 'zh.md'), 'utf8');
    expect(zh).toMatch(/^published: 2025-09-05T20:00:00\+08:00$/m);
    expect(zh).toMatch(/^author: 邵微$/m);
    expect(readFileSync(join(folder, 'en.md'), 'utf8')).toMatch(/^author: Shao Wei {3}#/m);
    // As the web team finishes it: summaries written, draft line removed.
    for (const [lang, summary] of [
      ['zh', '合成的导入测试摘要。'],
      ['en', 'A synthetic import test summary.'],
    ]) {
      const path = join(folder, `${lang}.md`);
      const finished = readFileSync(path, 'utf8')
        .replace(/^summary: .*$/m, `summary: ${summary}`)
        .replace(/^draft: true\n/m, '');
      writeFileSync(path, finished);
    }
    const check = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(check.status, check.stderr).toBe(0);
  });

  it('--fix rewrites half-width punctuation in a Chinese article and shows each change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hit-fix-'));
    cpSync('test/fixtures/content', dir, { recursive: true });
    const zh = join(dir, 'articles/2025/fixture-cie-visit/zh.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('座谈。', '座谈.').replace('深入交流，', '深入交流,'));
    const before = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(before.status).toBe(1);
    expect(before.stderr).toContain('uses the half-width ","');
    const fixed = tsx('scripts/build-content.ts', '--check', '--fix', '--content', dir);
    expect(fixed.status, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/fixed .*zh\.md:11\n {4}- 7月18日.*深入交流,并.*座谈\.\n {4}\+ 7月18日.*深入交流，并.*座谈。\n/);
    expect(readFileSync(zh, 'utf8')).toContain(
      '深入交流，并达成多项合作共识。开放原子开源基金会理事长兼秘书长程晓明亲自接待来访人员并参与座谈。',
    );
  });
});

describe('bylines in the shapes Chinese university sites write them', () => {
  it.each([
    ['(邵微/文)', { writer: '邵微' }],
    ['（文/邵微）', { writer: '邵微' }],
    ['文/王丽', { writer: '王丽' }],
    ['文／王丽 图／李明', { writer: '王丽', photographer: '李明' }],
    ['(王丽/文 李明/图)', { writer: '王丽', photographer: '李明' }],
    ['（文/王丽、张伟 图/李明）', { writer: '王丽、张伟', photographer: '李明' }],
    ['供稿：国际教育学院', { writer: '国际教育学院' }],
    ['撰稿:王丽', { writer: '王丽' }],
    ['撰稿：王丽 摄影：李明', { writer: '王丽', photographer: '李明' }],
    ['图/李明', { photographer: '李明' }],
    ['图文/王丽', { writer: '王丽', photographer: '王丽' }],
    ['（供稿：国际教育学院 撰稿：王丽）', { writer: '国际教育学院、王丽' }],
  ])('%s is read as %o', (line, credits) => {
    expect(readCredits(line)).toEqual(credits);
  });

  it.each(['图/表 1 显示了结果', '(见附件)', '2026/01/04', '王丽说：好', '（合成）', '文/'])('%s is not a byline', (line) => {
    expect(readCredits(line)).toBeUndefined();
  });

  it('is taken off the start of the first paragraph or the end of the last, and nowhere else', () => {
    expect(splitByline('（王丽/文）12月28日晚，晚会举行。', 'start')).toEqual({
      credits: { writer: '王丽' },
      rest: '12月28日晚，晚会举行。',
    });
    expect(splitByline('晚会圆满结束。（王丽/文 李明/图）', 'end')).toEqual({
      credits: { writer: '王丽', photographer: '李明' },
      rest: '晚会圆满结束。',
    });
    expect(splitByline('晚会圆满结束。文/王丽 图/李明', 'end')).toEqual({
      credits: { writer: '王丽', photographer: '李明' },
      rest: '晚会圆满结束。',
    });
    expect(splitByline('晚会在学生活动中心（二楼）举行。', 'end')).toBeUndefined();
    expect(splitByline('（二楼）晚会在学生活动中心举行。', 'start')).toBeUndefined();
  });

  it('makes the author, with the photographer credited, in both languages', () => {
    const text = (byline: string) => importBilingualText(`第一段（合成）。\nThe first paragraph (synthetic).\n${byline}`).author;
    expect(text('(王丽/文)')).toEqual({ zh: '王丽', en: 'Wang Li' });
    expect(text('文/王丽 图/李明')).toEqual({ zh: '王丽（文）、李明（图）', en: 'Wang Li (text), Li Ming (photos)' });
    expect(text('图/李明')).toEqual({ zh: '李明（图）', en: 'Li Ming (photos)' });
    // A unit's name has no pinyin spelling anyone uses: the English file keeps it for the team to translate.
    expect(text('供稿：国际教育学院')).toEqual({ zh: '国际教育学院', en: '国际教育学院' });
  });
});

describe('importing a text with headlines, a date line and a byline at the end (SYNTHETIC gala story)', () => {
  const GALA = 'test/fixtures/cms/gala-bilingual.txt';
  const text = importBilingualText(readFileSync(GALA, 'utf8'));

  it('takes the headlines as titles, the date line as the date, and the byline as the author, out of the body', () => {
    expect(text.title).toEqual({ zh: '哈工大2026年国际学生新年晚会成功举办', en: "HIT's 2026 New Year Gala for International Students" });
    expect(text.date).toBe('2026-01-04');
    expect(text.author).toEqual({ zh: '王丽', en: 'Wang Li' });
    expect(text.zh).toHaveLength(3);
    expect(text.en).toHaveLength(3);
    expect(text.notes).toEqual([]);
    expect(text.zh.join('')).not.toContain('王丽');
  });

  it('makes every mark of the Chinese full-width, quotes paired, numbers untouched', () => {
    expect(text.zh).toEqual([
      '12月28日晚，哈尔滨工业大学2026年国际学生新年晚会在学生活动中心举行。来自60多个国家的400余名国际学生和师生代表参加了晚会。',
      '晚会以“冰雪同心，共迎新年”为主题，节目包括歌舞、乐器演奏和诗朗诵！现场气氛热烈。',
      '国际教育学院院长在致辞中表示：“希望同学们在哈工大度过一个温暖的冬天。”',
    ]);
    for (const p of text.zh) expect(halfWidthPunctuation(p)).toBeUndefined();
  });

  it('publishes with one command and one check run, after the summaries are written', () => {
    // No terminal: the tags are given, the slug comes from the English headline.
    const { dir, made } = importIntoCopy(GALA, '--tags', 'study-at-hit');
    expect(made.status, made.stderr).toBe(0);
    const folder = join(dir, 'articles/2026/hits-2026-new-year-gala-for-international-students');
    const zh = readFileSync(join(folder, 'zh.md'), 'utf8');
    expect(zh).toMatch(/^title: "哈工大2026年国际学生新年晚会成功举办"$/m);
    expect(zh).toMatch(/^published: 2026-01-04T20:00:00\+08:00$/m);
    expect(zh).toMatch(/^author: 王丽$/m);
    expect(zh).not.toMatch(/draft|Imported/);
    for (const [lang, summary] of [
      ['zh', '合成的新年晚会摘要。'],
      ['en', 'A synthetic summary of the New Year gala.'],
    ]) {
      const path = join(folder, `${lang}.md`);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/^summary: .*$/m, `summary: ${summary}`));
    }
    const check = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('en: 2 article(s)');
  });
});

describe('importing a page of the college site saved from a browser (SYNTHETIC CMS page)', () => {
  it('takes the article, its headline, date, byline and pictures, and nothing of the page around it', async () => {
    const saved = mkdtempSync(join(tmpdir(), 'hit-saved-page-'));
    cpSync('test/fixtures/cms-page/gala.html', join(saved, 'gala.html'));
    // What the browser saved beside it: the two photos (SYNTHETIC, drawn here), the site's logo, its stylesheet.
    mkdirSync(join(saved, 'gala_files'));
    for (const [name, colour] of [
      ['20260104-1.jpg', '#c81e1e'],
      ['20260104-2.jpg', '#1e64c8'],
      ['logo.png', '#004c97'],
    ] as const) {
      await sharp({ create: { width: 900, height: 600, channels: 3, background: colour } }).toFile(join(saved, 'gala_files', name));
    }
    writeFileSync(join(saved, 'gala_files/style.css'), 'body{}');
    const { dir, made } = importIntoCopy(join(saved, 'gala.html'), '--slug', 'new-year-gala-2026', '--tags', 'study-at-hit');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('2 picture(s): 2 copied beside the article');
    const folder = join(dir, 'articles/2026/new-year-gala-2026');
    // A Chinese page: the Chinese article only, its pictures beside it (the site's logo not among them).
    expect(readdirSync(folder).sort()).toEqual(['photo-1.jpg', 'photo-2.jpg', 'zh.md']);
    const zh = readFileSync(join(folder, 'zh.md'), 'utf8');
    expect(zh).toMatch(/^title: "哈工大2026年国际学生新年晚会成功举办"$/m);
    expect(zh).toMatch(/^published: 2026-01-04T20:00:00\+08:00$/m);
    expect(zh).toMatch(/^author: 王丽（文）、李明（图）$/m);
    expect(zh).toContain('![晚会现场](photo-1.jpg)');
    // The caption the CMS sets under a picture without a description becomes its description.
    expect(zh).toContain('![国际学生表演传统舞蹈](photo-2.jpg)');
    for (const chrome of ['首页', '当前位置', '浏览次数', '分享到', '上一篇', '下一篇', '版权所有', '新闻动态', '王丽/文']) {
      expect(zh, chrome).not.toContain(chrome);
    }
    for (const p of paragraphs(join(folder, 'zh.md')).filter((p) => !p.startsWith('![')))
      expect(halfWidthPunctuation(p), p).toBeUndefined();
    writeFileSync(join(folder, 'zh.md'), zh.replace(/^summary: .*$/m, 'summary: 合成的新年晚会摘要。'));
    const check = tsx('scripts/build-content.ts', '--check', '--content', dir);
    expect(check.status, check.stderr).toBe(0);
  });
});
