/**
 * The mistakes a web team makes when writing articles, each with the exact message the build
 * prints. Every article here is SYNTHETIC, written for the test.
 */
import { describe, expect, it } from 'vitest';
import { compileContent, formatProblem, type SourceFile } from '../../src/build/compile';
import { formatPublishedRecord, nextPublishedRecord } from '../../src/build/registry';
import { articleSource, siteSources } from '../support/fixtures';

/** The clock the build sees: 2025-06-15 12:00 Beijing time. */
const NOW = Date.parse('2025-06-15T12:00:00+08:00');
const OK = ['title: A visit', 'summary: What happened.', 'published: 2025-03-01T20:00:00+08:00', 'author: Shao Wei', 'tags: [open-source]'];

/** An article file written line by line, as an editor saves it. */
const raw = (lines: string[], body = 'Body text.', path = 'articles/2025/visit/en.md'): SourceFile => ({
  path,
  text: `---\n${lines.join('\n')}\n---\n\n${body}\n`,
});
const bytes = (path: string, data: Uint8Array): SourceFile => ({ path, bytes: data });
const withField = (field: string, line: string) => OK.map((l) => (l.startsWith(`${field}:`) ? line : l));

const gbk = new Uint8Array([
  ...new TextEncoder().encode('---\ntitle: '),
  0xb9,
  0xfa,
  0xbc,
  0xca, // 国际 in GBK
  ...new TextEncoder().encode(`\n${OK.slice(1).join('\n')}\n---\n\nBody.\n`),
]);

const MISTAKES: [string, SourceFile[], string[]][] = [
  [
    'a full-width colon after a key',
    [raw(withField('title', 'title：A visit'))],
    [
      'content/articles/2025/visit/en.md:2  has a full-width colon "：" after "title"; YAML needs an ASCII colon and a space: title: A visit',
    ],
  ],
  [
    'no space after the colon',
    [raw(withField('author', 'author:Shao Wei'))],
    ['content/articles/2025/visit/en.md:5  needs a space after the colon: author: Shao Wei'],
  ],
  [
    'a tab before a field',
    [raw(['title: A visit', '\tsummary: What happened.', ...OK.slice(2)])],
    ['content/articles/2025/visit/en.md:3  is indented with a tab; YAML needs spaces (indent with 2 spaces)'],
  ],
  [
    'a full-width space before a field',
    [raw(['title: A visit', '\u3000summary: What happened.', ...OK.slice(2)])],
    ['content/articles/2025/visit/en.md:3  is indented with a full-width space "　"; YAML needs ordinary spaces'],
  ],
  [
    'a field indented under a complete field',
    [raw(['title: A visit', '  summary: What happened.', ...OK.slice(2)])],
    [
      'content/articles/2025/visit/en.md:3  starts with 2 spaces, but the line above is a complete field; start each field at the beginning of the line',
    ],
  ],
  [
    'image lines that do not line up',
    [raw([...OK, 'image:', '  src: https://example.edu/a.jpg', '   alt: A photo'])],
    [
      'content/articles/2025/visit/en.md:9  is indented by 3 spaces but the line above by 2; the lines under "image:" must line up, e.g. "image:⏎  src: https://...⏎  alt: ..."',
    ],
  ],
  [
    'a colon inside an unquoted value',
    [raw(withField('title', 'title: Summer school: day one'))],
    [
      'content/articles/2025/visit/en.md:2  the value of "title" contains ": "; put the whole value in double quotes: title: "Summer school: day one"',
    ],
  ],
  [
    'an unclosed quote',
    [raw(withField('summary', 'summary: "What happened.'))],
    [
      'content/articles/2025/visit/en.md:6  a value opened with a quote mark is not closed; end it with the same quote mark on the same line',
    ],
  ],
  [
    'an unclosed tag list',
    [raw(withField('tags', 'tags: [open-source, events'))],
    [
      'content/articles/2025/visit/en.md:6  a list opened with "[" is not closed; end it with "]" on the same line, e.g. [study-at-hit, open-source]',
    ],
  ],
  ['a field written twice', [raw([...OK, 'title: Again'])], ['content/articles/2025/visit/en.md:7  "title" appears twice; keep one']],
  [
    'a misspelt field',
    [raw([...OK, 'publised: 2025-03-01T20:00:00+08:00'])],
    ['content/articles/2025/visit/en.md:7  publised: is not a known field; did you mean "published"?'],
  ],
  [
    'a capitalised field',
    [raw(['Title: A visit', ...OK.slice(1)])],
    ['content/articles/2025/visit/en.md:2  Title: is not a known field; did you mean "title"?'],
  ],
  ['a missing title', [raw(OK.slice(1))], ['content/articles/2025/visit/en.md  title: is required; expected the headline']],
  [
    'an empty summary',
    [raw(withField('summary', 'summary:'))],
    ['content/articles/2025/visit/en.md:3  summary: is empty; expected one or two sentences that say what happened'],
  ],
  [
    'a tag that is not a slug',
    [raw(withField('tags', 'tags: [open-source, Open Source]'))],
    [
      'content/articles/2025/visit/en.md:6  tags: "Open Source" is not a slug; expected lower-case letters, digits and hyphens, e.g. study-at-hit',
    ],
  ],
  [
    'tags separated by a full-width comma',
    [raw(withField('tags', 'tags: [open-source，events]'))],
    [
      'content/articles/2025/visit/en.md:6  tags: "open-source，events" is not a slug: separate several with an ASCII comma "," (not "，" or "、")',
    ],
  ],
  [
    'an empty tag list',
    [raw(withField('tags', 'tags: []'))],
    ['content/articles/2025/visit/en.md:6  tags: is an empty list; expected at least one tag, e.g. [study-at-hit]'],
  ],
  [
    'an unknown tag',
    [raw(withField('tags', 'tags: [robotics]'))],
    ['content/articles/2025/visit/en.md:6  tags: unknown tag "robotics"; expected one of open-source, events (or add it to site/*.yaml)'],
  ],
  [
    'a date without a time',
    [raw(withField('published', 'published: 2025-03-01'))],
    [
      'content/articles/2025/visit/en.md:4  published: "2025-03-01" has no time; expected date, time and UTC offset, e.g. 2025-09-05T20:00:00+08:00 (20:00 Beijing time, 12:00 UTC, when the hour is unknown)',
    ],
  ],
  [
    'a date without an offset',
    [raw(withField('published', 'published: 2025-03-01T20:00:00'))],
    [
      'content/articles/2025/visit/en.md:4  published: "2025-03-01T20:00:00" has no UTC offset; expected ISO 8601 with an offset, e.g. 2025-09-05T20:00:00+08:00',
    ],
  ],
  [
    'an impossible date',
    [raw(withField('published', 'published: 2025-02-30T20:00:00+08:00'))],
    ['content/articles/2025/visit/en.md:4  published: "2025-02-30T20:00:00+08:00" is not a real date: 2025-02 has 28 days'],
  ],
  [
    'hour 24',
    [raw(withField('published', 'published: 2025-03-01T24:00:00+08:00'))],
    [
      'content/articles/2025/visit/en.md:4  published: "2025-03-01T24:00:00+08:00" is not a real time; hours run from 00 to 23, minutes and seconds from 00 to 59',
    ],
  ],
  [
    'updated before published',
    [raw([...OK, 'updated: 2025-02-01T20:00:00+08:00'])],
    [
      'content/articles/2025/visit/en.md:7  updated: 2025-02-01T20:00:00+08:00 is before published (2025-03-01T20:00:00+08:00); expected the same time or later',
    ],
  ],
  [
    'a folder year that differs from the published year',
    [raw(withField('published', 'published: 2024-12-31T20:00:00+08:00'))],
    [
      'content/articles/2025/visit/en.md:4  published: is in 2024 but the article is in the folder articles/2025/; move the folder to articles/2024/visit/ or fix the date',
    ],
  ],
  [
    'a correction time in the future',
    [raw([...OK, 'updated: 2025-06-15T20:00:00+08:00'])],
    [
      'content/articles/2025/visit/en.md:7  updated: 2025-06-15T20:00:00+08:00 is in the future (now: 2025-06-15 12:00 +08:00); write the time the correction is made',
    ],
  ],
  [
    'an original URL with a space',
    [raw([...OK, 'original: https://cie.hit.edu.cn/2025/0905/page 1.htm'])],
    [
      'content/articles/2025/visit/en.md:7  original: "https://cie.hit.edu.cn/2025/0905/page 1.htm" contains a space; a URL has none (write %20 if the address really has one)',
    ],
  ],
  [
    'an original URL without a scheme',
    [raw([...OK, 'original: cie.hit.edu.cn/2025/0905/page.htm'])],
    [
      'content/articles/2025/visit/en.md:7  original: "cie.hit.edu.cn/2025/0905/page.htm" is not absolute; feeds are read off-site, so write the full address, e.g. https://cie.hit.edu.cn/...',
    ],
  ],
  [
    'an http: lead image',
    [raw([...OK, 'image:', '  src: http://cie.hit.edu.cn/a.jpg', '  alt: A photo'])],
    [
      'content/articles/2025/visit/en.md:8  image.src: "http://cie.hit.edu.cn/a.jpg" uses http:, which readers and pages on https block; use https://cie.hit.edu.cn/a.jpg',
    ],
  ],
  [
    'a lead image written as a plain URL',
    [raw([...OK, 'image: https://cie.hit.edu.cn/a.jpg'])],
    [
      'content/articles/2025/visit/en.md:7  image: needs its description too: image: { src: https://cie.hit.edu.cn/a.jpg, alt: what the picture shows }',
    ],
  ],
  [
    'a relative link in the body',
    [raw(OK, 'First paragraph.\n\nSee [the page](/en/other).')],
    [
      'content/articles/2025/visit/en.md:11  body: link "/en/other" is not absolute; feeds are read off-site, so write the full address, e.g. https://cie.hit.edu.cn/...',
    ],
  ],
  [
    'an http: image in the body',
    [raw(OK, 'First.\n\n![Campus](http://cie.hit.edu.cn/a.jpg)')],
    [
      'content/articles/2025/visit/en.md:11  body: image "http://cie.hit.edu.cn/a.jpg" uses http:, which readers and pages on https block; use https://cie.hit.edu.cn/a.jpg',
    ],
  ],
  [
    'a picture beside the article that is not there',
    [raw(OK, 'First.\n\n![Campus](Photo.jpg)\n\n![Hall](hall.jpg)'), { path: 'articles/2025/visit/photo.jpg' }],
    [
      'content/articles/2025/visit/en.md:11  body: image "Photo.jpg" is not beside the article; the file is named "photo.jpg" (names are case-sensitive)',
      'content/articles/2025/visit/en.md:13  body: image "hall.jpg" is not beside the article (in content/articles/2025/visit/); the pictures there: photo.jpg',
    ],
  ],
  [
    'a raw iframe in the body (it would vanish)',
    [raw(OK, 'First.\n\n<iframe src="https://v.example/x"></iframe>\n\nThe code `<iframe>` is fine.')],
    [
      'content/articles/2025/visit/en.md:11  body: has a raw <iframe>, which is not published; for a video from YouTube, Bilibili or Youku, write its link on a line of its own (e.g. https://www.youtube.com/watch?v=...); for anything else, link to the page',
    ],
  ],
  [
    'an image with no description',
    [raw(OK, 'First.\n\n![](https://cie.hit.edu.cn/a.jpg)')],
    [
      'content/articles/2025/visit/en.md:11  body: image "https://cie.hit.edu.cn/a.jpg" has no description; write it between the brackets: ![what the picture shows](https://cie.hit.edu.cn/a.jpg)',
    ],
  ],
  [
    'a data: image',
    [raw(OK, 'First.\n\n![dot](data:image/png;base64,AAAA)')],
    [
      'content/articles/2025/visit/en.md:11  body: image "data:image/png;base64,AAAA" is not an https:// address; upload the picture and link it with https://',
    ],
  ],
  [
    'an empty body',
    [raw(OK, '   ')],
    ['content/articles/2025/visit/en.md:8  body: is empty; expected the article text below the closing "---"'],
  ],
  [
    'placeholder text left by npm run new',
    [raw(withField('title', 'title: Headline (to be written)'), 'The article (to be written).')],
    [
      'content/articles/2025/visit/en.md:2  title: still has the placeholder text "(to be written)" left by npm run new or npm run import; write the real title',
      'content/articles/2025/visit/en.md:9  body: still has the placeholder text "(to be written)" left by npm run new or npm run import; write the real article',
    ],
  ],
  [
    'no front matter',
    [{ path: 'articles/2025/visit/en.md', text: 'title: A visit\n\nBody.\n' }],
    [
      'content/articles/2025/visit/en.md:1  has no front matter; the file must start with a line "---", then the fields (title: ...), then "---"',
    ],
  ],
  [
    'front matter never closed',
    [{ path: 'articles/2025/visit/en.md', text: `---\n${OK.join('\n')}\n\nBody.\n` }],
    ['content/articles/2025/visit/en.md:1  the front matter that starts on line 1 is never closed; add a line "---" after the last field'],
  ],
  [
    'a file saved as GBK',
    [bytes('articles/2025/visit/en.md', gbk)],
    [
      'content/articles/2025/visit/en.md:2  is not UTF-8 text (byte 0xB9 on this line). It looks like GBK/GB2312, the old Chinese Windows encoding. Save the file as UTF-8 (in the editor: Save As → Encoding → UTF-8); nothing was built from it',
    ],
  ],
  [
    'a language file named English.md',
    [raw(OK, 'Body.', 'articles/2025/visit/English.md')],
    [
      'content/articles/2025/visit/English.md  is not published: "English.md" is not a language file (rename it en.md); expected articles/<year>/<slug>/<lang>.md with <lang> one of zh, en',
    ],
  ],
  [
    'an article outside a year folder',
    [raw(OK, 'Body.', 'articles/visit/en.md')],
    ['content/articles/visit/en.md  is not where an article goes; expected articles/<year>/<slug>/<lang>.md with <lang> one of zh, en'],
  ],
  [
    'a folder name with capitals',
    [raw(OK, 'Body.', 'articles/2025/Summer School/en.md')],
    [
      'content/articles/2025/Summer School/en.md  folder name "Summer School" is not a slug; expected lower-case letters, digits and hyphens, e.g. openatom-visit (the folder name is the article\'s URL)',
    ],
  ],
  [
    'translations with different tags',
    [raw(OK), raw(withField('tags', 'tags: [open-source, events]'), 'Body.', 'articles/2025/visit/zh.md')],
    [
      'content/articles/2025/visit/en.md:6  tags: [open-source] differ from the translation content/articles/2025/visit/zh.md: [events, open-source]; expected both languages to share the same tags',
    ],
  ],
  [
    'a YAML alias bomb',
    [
      raw([
        ...OK,
        'a: &a ["x","x","x","x","x","x","x","x","x"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      ]),
    ],
    ['content/articles/2025/visit/en.md:2  uses YAML aliases (*name), which front matter does not support; write the values out'],
  ],
  [
    '10,000 nested blockquotes',
    [raw(OK, `${'>'.repeat(10_000)} deep`)],
    ['content/articles/2025/visit/en.md:9  body: nests blockquotes or lists 10000 levels deep; at most 16: flatten it'],
  ],
  [
    '10,000 nested list items',
    [raw(OK, `${'- '.repeat(10_000)}item`)],
    ['content/articles/2025/visit/en.md:9  body: nests blockquotes or lists 10000 levels deep; at most 16: flatten it'],
  ],
  [
    'lists indented 400 levels deep',
    [raw(OK, Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'))],
    ['content/articles/2025/visit/en.md:41  body: nests blockquotes or lists 17 levels deep; at most 16: flatten it'],
  ],
  [
    'a 2 MB body',
    [raw(OK, 'word '.repeat(420_000))],
    [
      'content/articles/2025/visit/en.md  body: is 2.0 MB; at most 1.5 MB (readers truncate or refuse items this large): split it or link a document',
    ],
  ],
];

describe('author mistakes: every one named with file, line and a plain message', () => {
  it.each(MISTAKES)('%s', (_name, files, expected) => {
    const problems = compileContent([...siteSources(), ...files], 'content/', { now: NOW }).problems.map(formatProblem);
    expect(problems).toEqual(expected);
  });
});

describe('what Windows editors write is accepted', () => {
  it('a UTF-8 byte-order mark and CRLF line ends build the same article as LF', () => {
    const lf = raw(OK, 'First paragraph.\n\nSecond paragraph.');
    const windows = bytes('articles/2025/visit/en.md', new TextEncoder().encode(`\uFEFF${(lf.text ?? '').replaceAll('\n', '\r\n')}`));
    const build = (file: SourceFile) => compileContent([...siteSources(), file], 'content/', { now: NOW });
    expect(build(windows).problems).toEqual([]);
    expect(build(windows).content).toEqual(build(lf).content);
    expect(build(windows).content?.articles.en[0]?.title).toBe('A visit');
  });
});

describe('published articles keep their URLs', () => {
  const record = (yaml: string): SourceFile => ({ path: 'published.yaml', text: yaml });
  const build = (...files: SourceFile[]) => compileContent([...siteSources(), ...files], 'content/', { now: NOW });

  it('fails when a published slug disappears, saying how to rename or withdraw', () => {
    expect(build(raw(OK), record('en: [visit, old-visit]\n')).problems.map(formatProblem)).toEqual([
      'content/published.yaml:1  en: "old-visit" was published, but no en article has that slug now: if it was renamed, add "redirect_from: [old-visit]" to the renamed article; to withdraw it, add it to content/withdrawn.yaml (docs/authoring.md › Rename or withdraw it)',
    ]);
  });

  it('fails when a published article is turned back into a draft', () => {
    expect(build(raw([...OK, 'draft: true']), record('en: [visit]\n')).problems.map(formatProblem)).toEqual([
      'content/published.yaml:1  en: "visit" was published, but content/articles/2025/visit/en.md is now a draft: published URLs must keep working; remove "draft: true"',
    ]);
  });

  it('passes when the renamed article declares its former slug, which keeps its feed id', () => {
    const result = build(raw([...OK, 'redirect_from: [old-visit]']), record('en: [old-visit]\n'));
    expect(result.problems).toEqual([]);
    expect(result.content?.articles.en[0]).toMatchObject({ slug: 'visit', formerSlugs: ['old-visit'] });
  });

  it('refuses a former slug that another article still uses', () => {
    const other = raw(withField('published', 'published: 2025-03-02T20:00:00+08:00'), 'Body.', 'articles/2025/old-visit/en.md');
    expect(build(raw([...OK, 'redirect_from: [old-visit]']), other).problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit  slug: duplicate slug "old-visit": also used by content/articles/2025/old-visit; expected each article folder name (and redirect_from) to be unique',
    ]);
  });
});

describe('corrections and withdrawals', () => {
  const build = (...files: SourceFile[]) => compileContent([...siteSources(), ...files], 'content/', { now: NOW });
  const published = build(raw(OK)).content?.articles.en[0];
  if (!published) throw new Error('the base article must build');
  // What a production deploy wrote for the article as it is in OK.
  const record = (): SourceFile => ({
    path: 'published.yaml',
    text: formatPublishedRecord(nextPublishedRecord({ zh: {}, en: {} }, { zh: [], en: [published] })),
  });
  const withdrawn = (yaml: string): SourceFile => ({ path: 'withdrawn.yaml', text: yaml });

  it('passes an unchanged published article, and one whose markup only changed', () => {
    expect(build(raw(OK), record()).problems).toEqual([]);
    expect(build(raw(OK, '**Body text.**'), record()).problems).toEqual([]);
  });

  it('fails a changed published text without a newer "updated", naming the line to add', () => {
    expect(build(raw(OK, 'Body text, corrected.'), record()).problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md:4  updated: the text changed since it was published (as of 2025-03-01T20:00:00+08:00), but "updated" does not say so, and subscribers would never see the correction; add the line "updated: 2025-06-15T12:00:00+08:00" (the time of the correction)',
    ]);
    expect(build(raw(withField('title', 'title: A visit (corrected)')), record()).problems).toHaveLength(1);
  });

  it('never suggests a correction time another article holds, scheduled or out, and the suggestion passes', () => {
    const busy = [
      articleSource('other-now', 'en', { published: '2025-06-15T12:00:00+08:00' }),
      articleSource('other-earlier', 'en', { published: '2025-06-15T11:59:00+08:00' }),
      articleSource('scheduled', 'en', { published: '2025-06-15T12:01:00+08:00' }),
    ];
    const [problem] = build(raw(OK, 'Body text, corrected.'), record(), ...busy).problems.map(formatProblem);
    const suggested = /add the line "updated: ([^"]+)"/.exec(problem ?? '')?.[1];
    expect(suggested).toBe('2025-06-15T11:58:00+08:00');
    expect(build(raw([...OK, `updated: ${suggested}`], 'Body text, corrected.'), record(), ...busy).problems).toEqual([]);
  });

  it('passes the correction once "updated" is newer than what was published', () => {
    const corrected = raw([...OK, 'updated: 2025-06-15T11:00:00+08:00'], 'Body text, corrected.');
    expect(build(corrected, record()).problems).toEqual([]);
  });

  it('lets a withdrawn article go, and refuses a withdrawal whose files are still there', () => {
    const entry = withdrawn('- slug: visit\n  date: 2025-06-15\n  note: internal reason\n');
    const result = build(record(), entry);
    expect(result.problems).toEqual([]);
    expect(result.content?.withdrawn).toEqual({ zh: ['visit'], en: ['visit'] });
    expect(JSON.stringify(result.content)).not.toContain('internal reason');
    expect(build(raw(OK), record(), entry).problems.map(formatProblem)).toEqual([
      'content/articles/2025/visit/en.md  is withdrawn in content/withdrawn.yaml ("visit", 2025-06-15) but still here; delete the article\'s files, or remove the entry to publish it again',
    ]);
  });

  it('names the field of a malformed withdrawal', () => {
    expect(build(raw(OK), withdrawn('- slug: Old Visit\n  date: 15 June\n  reason: x\n')).problems.map(formatProblem)).toEqual([
      'content/withdrawn.yaml:1  slug: must be the article slug (its folder name)',
      'content/withdrawn.yaml:2  date: must be a day such as 2026-11-29',
      'content/withdrawn.yaml:3  reason: is not a known field; the fields are slug, date, lang, note',
    ]);
  });

  it('says what to do when an entry is appended after the "[]" an older file ended with', () => {
    const appended = withdrawn('# Withdrawals.\n[]\n- slug: visit\n  date: 2025-06-15\n');
    expect(build(record(), appended).problems.map(formatProblem)[0]).toBe(
      'content/withdrawn.yaml:2  "[]" means "no withdrawals", so the entries below it cannot be read; delete the line "[]"',
    );
    // A file of comments only (as content/withdrawn.yaml now is) is an empty list, and an appended entry simply reads.
    const comments = '# Withdrawals.\n#\n# - slug: example\n#   date: 2026-11-29\n';
    expect(build(record(), withdrawn(comments)).problems.map(formatProblem)).toHaveLength(1);
    expect(build(record(), withdrawn(`${comments}- slug: visit\n  date: 2025-06-15\n`)).problems).toEqual([]);
  });
});

describe('a scheduled article', () => {
  it('builds with a future published time, which schedules it, and is kept in the content', () => {
    const result = compileContent([...siteSources(), raw(withField('published', 'published: 2025-06-16T09:00:00+08:00'))], 'content/', {
      now: NOW,
    });
    expect(result.problems).toEqual([]);
    expect(result.content?.articles.en[0]?.publishedMs).toBe(Date.parse('2025-06-16T09:00:00+08:00'));
  });
});

describe('a correction in the minute of publication', () => {
  it('is told a time after the publication, which then passes', () => {
    const minute = Date.parse('2025-06-15T12:00:00+08:00');
    const lines = withField('published', 'published: 2025-06-15T12:00:00+08:00');
    const first = compileContent([...siteSources(), raw(lines)], 'content/', { now: minute + 20_000 }).content?.articles.en[0];
    if (!first) throw new Error('the base article must build');
    const record: SourceFile = {
      path: 'published.yaml',
      text: formatPublishedRecord(nextPublishedRecord({ zh: {}, en: {} }, { zh: [], en: [first] })),
    };
    const build = (file: SourceFile) => compileContent([...siteSources(), file, record], 'content/', { now: minute + 30_000 });
    const told = build(raw(lines, 'Body text, corrected.')).problems.map(formatProblem)[0] ?? '';
    const suggested = /add the line "(updated: [^"]+)"/.exec(told)?.[1] ?? '';
    expect(suggested).toBe('updated: 2025-06-15T12:01:00+08:00');
    expect(build(raw([...lines, suggested], 'Body text, corrected.')).problems).toEqual([]);
  });
});

describe('a headline longer than search results show', () => {
  it('is a warning naming its length, not a failure', () => {
    const title = `A visit ${'and more '.repeat(13)}`.trim();
    const result = compileContent([...siteSources(), raw(withField('title', `title: ${title}`))], 'content/', { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(formatProblem)).toEqual([
      `content/articles/2025/visit/en.md:2  title: is ${title.length} characters; search engines show about 110 and cut the rest: consider a shorter headline`,
    ]);
  });
});

describe('a Chinese article with an English headline', () => {
  it('builds, with a warning naming the file, the line and the fix', () => {
    const english = articleSource('visit', 'zh', { title: 'International students visit the Harbin Ice Festival' }, '合成的正文。');
    const result = compileContent([...siteSources(), english], 'content/', { now: NOW });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map(formatProblem)).toContain(
      'content/articles/2025/visit/zh.md:2  title: "International students visit the Harbin Ice Festival" has no Chinese characters, yet the zh page shows it as its headline: is it the English one? Write the zh headline',
    );
    const chinese = articleSource('visit', 'zh', { title: '国际学生参观哈尔滨冰雪大世界（OpenAtom）' }, '合成的正文。');
    expect(compileContent([...siteSources(), chinese], 'content/', { now: NOW }).warnings).toEqual([]);
  });
});

describe('two articles at one minute (a newsroom publishes two stories at 09:00)', () => {
  const build = (files: SourceFile[]) => compileContent([...siteSources(), ...files], 'content/', { now: NOW });

  it('both publish, told apart by seconds in slug order, with the minute as written', () => {
    const result = build([raw(OK, 'Body.', 'articles/2025/tour/en.md'), raw(OK), raw(OK, 'Body.', 'articles/2025/alumni/en.md')]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const en = result.content?.articles.en ?? [];
    expect(en.map((a) => [a.slug, a.published, a.updated])).toEqual([
      ['visit', '2025-03-01T20:00:02+08:00', '2025-03-01T20:00:02+08:00'],
      ['tour', '2025-03-01T20:00:01+08:00', '2025-03-01T20:00:01+08:00'],
      ['alumni', '2025-03-01T20:00:00+08:00', '2025-03-01T20:00:00+08:00'],
    ]);
    // Distinct instants: every feed's entries differ in their last change (no DuplicateUpdated in the W3C validator).
    expect(new Set(en.map((a) => a.updatedMs)).size).toBe(3);
  });

  it("move only a correction's updated time when it meets another article's", () => {
    const corrected = [...OK, 'updated: 2025-03-02T09:00:00+08:00'];
    const result = build([
      raw(withField('published', 'published: 2025-03-02T09:00:00+08:00')),
      raw(corrected, 'Body.', 'articles/2025/tour/en.md'),
    ]);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const tour = result.content?.articles.en.find((a) => a.slug === 'tour');
    const visit = result.content?.articles.en.find((a) => a.slug === 'visit');
    expect([tour?.published, tour?.updated]).toEqual(['2025-03-01T20:00:00+08:00', '2025-03-02T09:00:00+08:00']);
    expect([visit?.published, visit?.updated]).toEqual(['2025-03-02T09:00:01+08:00', '2025-03-02T09:00:01+08:00']);
  });
});
