import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../scripts/content-files';
import { createApp } from '../../src/app';
import { compileContent, formatProblem } from '../../src/build/compile';
import { Library } from '../../src/content/library';
import { testEnv } from '../support/env';
import { articleSource, siteSources } from '../support/fixtures';
import { EXECUTABLE, hostileContentDir } from '../support/hostile';
import { parseXml } from '../support/xml';

const FORBIDDEN_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('hostile content', () => {
  const result = compileContent(readContentDir(hostileContentDir()), 'hostile/');

  it('compiles: everything in the fixture can be made safe', () => {
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.content?.articles.en.map((a) => a.slug).sort()).toEqual([
      'bidi-emoji-cjk',
      'cdata-breakers',
      'entity-like-text',
      'one-megabyte',
      'script-and-handlers',
      'xml-forbidden',
    ]);
  });

  it('strips everything that can run, from bodies and titles', () => {
    for (const article of [...(result.content?.articles.en ?? []), ...(result.content?.articles.zh ?? [])]) {
      expect(article.html, article.slug).not.toMatch(EXECUTABLE);
    }
    const script = result.content?.articles.en.find((a) => a.slug === 'script-and-handlers');
    // Titles are plain text: markup in them is shown, never interpreted.
    expect(script?.title).toBe('<script>window.__pwned=1</script> Title with markup');
    expect(script?.html).toContain('<p>Styled paragraph</p>');
    expect(script?.html).toContain('<a>js link</a>');
  });

  it('drops what XML 1.0 forbids and the bidi controls, keeps emoji and CJK punctuation', () => {
    const all = [...(result.content?.articles.en ?? []), ...(result.content?.articles.zh ?? [])];
    for (const a of all) {
      expect(`${a.title}${a.summary}${a.html}`, a.slug).not.toMatch(FORBIDDEN_XML);
      expect(`${a.title}${a.html}`, a.slug).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    }
    const forbidden = all.find((a) => a.slug === 'xml-forbidden');
    expect(forbidden?.title).toBe('Forbidden characters in title here');
    const zh = result.content?.articles.zh.find((a) => a.slug === 'bidi-emoji-cjk');
    expect(zh?.title).toBe('双向控制符 🎓 「留学」『哈工大』《新闻》');
    expect(zh?.html).toContain('🎓🇨🇳👩‍🎓');
    expect(zh?.html).toContain('「」『』〈〉《》、。！？');
    expect(zh?.html).toContain('&amp; &lt; &gt; 😀');
  });

  it('keeps "]]>" as text that cannot close a CDATA section', () => {
    const cdata = result.content?.articles.en.find((a) => a.slug === 'cdata-breakers');
    expect(cdata?.html).not.toContain(']]>');
    expect(cdata?.html).toContain(']]&gt; once, ]]&gt; twice');
    expect(cdata?.html).toContain('&lt;/entry&gt;&lt;/feed&gt;');
  });

  it('gives well-formed feeds and pages with nothing executable, for every hostile article', async () => {
    if (!result.content) throw new Error('no content');
    const app = createApp(Library.of(result.content));
    const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', WEBSUB_HUB: '' });
    const get = async (path: string) => {
      const res = await app.fetch(new Request(`http://feeds.test${path}`), env);
      expect(res.status, path).toBe(200);
      return res.text();
    };
    for (const lang of ['zh', 'en']) {
      for (const file of ['rss.xml', 'atom.xml']) {
        const text = await get(`/${lang}/${file}`);
        expect(() => parseXml(text), `/${lang}/${file}`).not.toThrow();
        expect(text).not.toMatch(FORBIDDEN_XML);
      }
      const json = JSON.parse(await get(`/${lang}/feed.json`)) as { items: { content_html: string }[] };
      for (const item of json.items) expect(item.content_html).not.toMatch(EXECUTABLE);
      for (const a of result.content.articles[lang as 'zh' | 'en']) {
        const page = await get(`/${lang}/articles/${a.slug}`);
        // Structured data is the one script element, never run; its JSON cannot close it early.
        const data = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
        for (const json of data) expect(() => JSON.parse(json), a.slug).not.toThrow();
        const rest = page.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/g, '');
        expect(rest, a.slug).not.toMatch(/<script|\son[a-z]+\s*=|javascript:/i);
      }
    }
  });
});

describe('hostile content the build rejects, with a clear message', () => {
  const messages = (fields: Record<string, string>) =>
    compileContent([...siteSources(), articleSource('bad', 'en', fields)]).problems.map(formatProblem);

  it('a 2,000-character title', () => {
    expect(messages({ title: 'x'.repeat(2000) })).toEqual(['content/articles/2025/bad/en.md:2  title: is longer than 200 characters']);
  });

  it('but not "]]>" or markup-like text in a title or summary: that is text, and reaches readers as written', () => {
    expect(messages({ title: "'a ]]> b <i>c</i> &amp;'", summary: "'x ]]> y'" })).toEqual([]);
  });
});
