import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, launchChromium, type RunningWorker, startFixtureWorker } from './server';

// A partner's page on another origin, with CSS that would wreck any widget it could reach.
const HOSTILE_CSS = `* { color: rgb(255, 0, 0) !important; font-family: serif !important; }
a { display: none !important; } li { list-style: square !important; } h2 { font-size: 40px; }`;

function partnerPage(body: string, csp?: string): { html: string; csp?: string } {
  return {
    html: `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${HOSTILE_CSS}</style></head><body><h2 id="own">Partner news</h2>${body}</body></html>`,
    csp,
  };
}

// Ordinary partner CSS, normal and !important, on every selector that could reach the widget's host.
const HOSTILE_EVERYTHING = `
* { letter-spacing: 2px; text-transform: uppercase; word-spacing: 6px; box-sizing: content-box; line-height: 3; }
div, hit-news, [data-hit-embed-root] { border: 5px solid red; margin: 40px; padding: 20px; font: italic 30px serif; color: red; }
html[dir=rtl] * { direction: rtl; text-align: right; }
* { font-family: serif !important; color: green !important; font-size: 22px !important; letter-spacing: 3px !important; }
body { font-weight: 900; text-indent: 50px; white-space: pre; }`;

/** Computed styles of the widget's host and of every element inside its shadow root. */
const WIDGET_STYLES = () => {
  const host = document.querySelector('hit-news');
  if (!host?.shadowRoot) return null;
  const props = [
    'color',
    'font-family',
    'font-size',
    'font-style',
    'font-weight',
    'letter-spacing',
    'word-spacing',
    'text-transform',
    'line-height',
    'direction',
    'text-align',
    'text-indent',
    'white-space',
    'box-sizing',
    'margin-top',
    'padding-top',
    'border-top-width',
    'display',
  ];
  const pick = (e: Element) => Object.fromEntries(props.map((p) => [p, getComputedStyle(e).getPropertyValue(p)]));
  return { host: pick(host), inside: [...host.shadowRoot.querySelectorAll('*')].map((e) => [e.tagName, pick(e)]) };
};

let worker: RunningWorker;
let browser: Browser;
let partner: Server;
let partnerOrigin: string;
const pages = new Map<string, { html: string; csp?: string }>();

beforeAll(async () => {
  [worker, browser] = await Promise.all([startFixtureWorker(), launchChromium()]);
  const snippet = `<a href="${worker.origin}/en/" data-hit-embed>Study at HIT news</a><script src="${worker.origin}/embed.js" data-lang="en" data-limit="5" data-tag="open-source" async></script>`;
  pages.set('/script', partnerPage(snippet));
  // A host with a strict CSP that allows only the Worker: the widget must still be styled.
  pages.set(
    '/strict',
    partnerPage(snippet, `default-src 'self'; script-src ${worker.origin}; connect-src ${worker.origin}; style-src 'self' 'unsafe-inline'`),
  );
  pages.set(
    '/iframe',
    partnerPage(`<iframe id="news" src="${worker.origin}/zh/embed?limit=3&theme=dark" width="400" height="400"></iframe>`),
  );
  pages.set('/iframe-bad', partnerPage(`<iframe id="news" src="${worker.origin}/zh/embed?limit=50" width="400" height="400"></iframe>`));
  pages.set('/fetch', partnerPage('<ul id="out"></ul>'));
  // The same widget on a blank page, and on one whose stylesheet attacks everything it can reach.
  pages.set('/blank', { html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${snippet}</body></html>` });
  pages.set('/hostile', {
    html: `<!DOCTYPE html><html dir="rtl"><head><meta charset="utf-8"><style>${HOSTILE_EVERYTHING}</style></head><body><div>${snippet}</div></body></html>`,
  });
  const badTag = snippet.replace('data-tag="open-source"', 'data-tag="nope"');
  pages.set('/bad-tag', { html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${badTag}</body></html>` });
  const badLimit = snippet.replace('data-limit="5"', 'data-limit="lots"');
  pages.set('/bad-limit', { html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${badLimit}</body></html>` });
  // The snippet as CMSs publish it (synthetic pages): WordPress's wpautop (one <p>, a <br> between the lines),
  // Drupal's filter (each line its own <p>), a plain <p> around the link only, and the script wrapped alone.
  const [link, script] = snippet.split('<script');
  for (const [name, markup] of [
    ['wordpress', `<p>${link}<br />\n<script${script}</p>`],
    ['drupal', `<p>${link}</p>\n<p><script${script}</p>`],
    ['plain-p', `<p>${link}</p>\n<script${script}`],
    ['div-wrapped', `<div>${link}</div><div><script${script}</div>`],
  ]) {
    pages.set(`/cms-${name}`, partnerPage(`<article>${markup}</article>`));
  }
  const port = await freePort();
  partnerOrigin = `http://127.0.0.1:${port}`;
  partner = createServer((req, res) => {
    const page = pages.get(req.url ?? '');
    if (!page) return res.writeHead(404).end();
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...(page.csp ? { 'Content-Security-Policy': page.csp } : {}) })
      .end(page.html);
  });
  await new Promise<void>((r) => partner.listen(port, '127.0.0.1', r));
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  partner?.close();
});

async function visit(path: string, options: { javaScriptEnabled?: boolean } = {}, console: string[] = []) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const origins = new Set<string>();
  page.on('request', (r) => origins.add(new URL(r.url()).origin));
  page.on('console', (m) => console.push(m.text()));
  await page.goto(partnerOrigin + path);
  return { context, page, origins };
}

describe('embed script on a partner page (another origin)', () => {
  it.each(['/script', '/strict'])('%s renders the latest items, untouched by the host CSS', async (path) => {
    const { context, page, origins } = await visit(path);
    const ownFontSizeBefore = await page.$eval('#own', (e) => getComputedStyle(e).fontSize);
    const links = page.locator('[data-hit-embed-root] li a');
    await links.first().waitFor();
    expect(await links.count()).toBe(1);
    expect(await links.first().getAttribute('href')).toBe(`${worker.origin}/en/articles/fixture-cie-visit`);
    expect(await links.first().textContent()).toContain('OpenAtom Foundation');
    const style = await links.first().evaluate((a) => {
      const s = getComputedStyle(a);
      return { color: s.color, display: s.display, font: s.fontFamily };
    });
    expect(style.color).toBe('rgb(0, 76, 151)');
    expect(style.display).not.toBe('none');
    expect(style.font).not.toBe('serif');
    expect(await page.locator('[data-hit-embed-root] time').first().textContent()).toBe('5 September 2025');
    // The widget changed nothing of the host page, and replaced the fallback link.
    expect(await page.$eval('#own', (e) => getComputedStyle(e).fontSize)).toBe(ownFontSizeBefore);
    expect(await page.locator('a[data-hit-embed]').count()).toBe(0);
    expect([...origins].sort()).toEqual([partnerOrigin, worker.origin].sort());
    expect(await context.cookies()).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/partner${path.replace('/', '-')}.png` });
    await context.close();
  });

  it('looks exactly as on a blank page under a hostile stylesheet (rtl, !important, host selectors)', async () => {
    const styles = async (path: string) => {
      const { context, page } = await visit(path);
      await page.locator('hit-news li a').first().waitFor();
      const result = await page.evaluate(WIDGET_STYLES);
      await page.screenshot({ path: `test-results/screenshots/partner${path.replace('/', '-')}.png` });
      await context.close();
      return result;
    };
    const blank = await styles('/blank');
    const hostile = await styles('/hostile');
    expect(blank?.inside.length).toBeGreaterThan(5);
    expect(hostile).toEqual(blank);
  });

  it.each([
    ['/bad-tag', 'There is no tag "nope"'],
    ['/bad-limit', 'data-limit="lots" is not valid'],
  ])('%s: a bad option leaves the plain link for readers and tells the developer in the console', async (path, message) => {
    const warnings: string[] = [];
    const { context, page } = await visit(path, {}, warnings);
    await page.waitForTimeout(1500);
    expect(await page.locator('a[data-hit-embed]').getAttribute('href')).toBe(`${worker.origin}/en/`);
    expect(await page.locator('hit-news').count()).toBe(0);
    expect(warnings.filter((w) => w.startsWith('HIT news embed:'))).toHaveLength(1);
    expect(warnings.join('\n')).toContain(message);
    await context.close();
  });

  it.each(['wordpress', 'drupal', 'plain-p', 'div-wrapped'])(
    'replaces its own link as a %s page publishes the snippet: one headline',
    async (cms) => {
      const { context, page } = await visit(`/cms-${cms}`);
      await page.locator('hit-news li a').first().waitFor();
      expect(await page.locator('a[data-hit-embed]').count()).toBe(0);
      expect(await page.locator('hit-news').count()).toBe(1);
      // The headline once: the widget's own, in its shadow root; nothing of the plain link is left in the article.
      expect(await page.locator('article').evaluate((a) => a.textContent?.includes('Study at HIT news'))).toBe(false);
      // No empty paragraph or line break of the snippet's is left to make space above or below the widget.
      const left = await page.locator('article').evaluate((a) => ({
        brs: a.querySelectorAll('br').length,
        emptyParagraphs: [...a.querySelectorAll('p')].filter((p) => !p.textContent?.trim()).length,
      }));
      expect(left).toEqual({ brs: 0, emptyParagraphs: 0 });
      await context.close();
    },
  );

  it('degrades to a plain link when scripts are off', async () => {
    const { context, page } = await visit('/script', { javaScriptEnabled: false });
    expect(await page.locator('a[data-hit-embed]').getAttribute('href')).toBe(`${worker.origin}/en/`);
    expect(await page.locator('[data-hit-embed-root]').count()).toBe(0);
    await context.close();
  });
});

describe('iframe embed on a partner page', () => {
  it('is allowed in a frame and shows the items', async () => {
    const { context, page, origins } = await visit('/iframe');
    const frame = page.frameLocator('#news');
    await frame.locator('li a').first().waitFor();
    expect(await frame.locator('li a').first().getAttribute('href')).toBe(`${worker.origin}/zh/articles/fixture-cie-visit`);
    expect(await frame.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect([...origins].sort()).toEqual([partnerOrigin, worker.origin].sort());
    await context.close();
  });

  it('shows its own error for a bad option, in the frame and in its language', async () => {
    const { context, page } = await visit('/iframe-bad');
    const frame = page.frameLocator('#news');
    await frame.locator('[role="alert"]').waitFor();
    expect(await frame.locator('[role="alert"]').textContent()).toContain('无法在此显示新闻列表');
    expect(await frame.locator('code').textContent()).toBe('"limit": an integer from 1 to 20 (default 5).');
    await context.close();
  });

  it('other pages refuse to be framed', async () => {
    const res = await fetch(`${worker.origin}/en/`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('cross-origin fetch() of the JSON feed', () => {
  it('is allowed and exposes the validators', async () => {
    const { context, page } = await visit('/fetch');
    const result = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const feed = await res.json();
      const again = await fetch(url, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } });
      return {
        status: res.status,
        etag: res.headers.get('etag'),
        titles: feed.items.map((i: { title: string }) => i.title),
        again: again.status,
      };
    }, `${worker.origin}/en/feed.json`);
    expect(result.status).toBe(200);
    expect(result.etag).toMatch(/^"/);
    expect(result.titles).toHaveLength(1);
    expect(result.again).toBe(304);
    await context.close();
  });
});

describe('partners page', () => {
  it('updates the snippet and both previews as options change, without a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${worker.origin}/en/partners`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.selectOption('select[name="tag"]', 'open-source');
    await page.selectOption('select[name="theme"]', 'dark');
    await page.fill('input[name="limit"]', '3');
    const expected = `src="${worker.origin}/embed.js" data-lang="en" data-limit="3" data-tag="open-source" data-theme="dark" async`;
    await page.waitForFunction((text) => document.getElementById('snippet')?.textContent?.includes(text), expected);
    // Same document: nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(page.url()).toContain('limit=3');
    expect(await page.locator('.preview-frame').getAttribute('src')).toBe('/en/embed?limit=3&tag=open-source&theme=dark');
    // The preview frame takes the height its content reports.
    await page.waitForFunction(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe.preview-frame');
      // While the new src loads, the frame briefly has a document without a body.
      const inner = frame?.contentDocument?.body?.getBoundingClientRect().height;
      return frame && inner && Math.abs(Number(frame.height) - Math.ceil(inner)) <= 1;
    });
    await page.locator('#preview [data-hit-embed-root] li a').first().waitFor();
    expect(await page.frameLocator('.preview-frame').locator('li a').count()).toBe(1);
    await page.screenshot({ path: 'test-results/screenshots/partners-en.png', fullPage: true });
    await context.close();
  });

  it('copies a feed URL or the snippet in one tap, labelled in the page language', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.origin });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/zh/partners`);
    const first = page.locator('.feeds .copy').first();
    expect(await first.textContent()).toBe('复制');
    await first.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${worker.origin}/zh/rss.xml`);
    expect(await first.textContent()).toBe('已复制');
    await page.locator('#snippet').locator('xpath=..').locator('xpath=following-sibling::button[1]').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('data-hit-embed');
    await context.close();
  });

  it('still works without scripts, through the form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/en/partners`);
    await page.fill('input[name="limit"]', '2');
    await Promise.all([page.waitForURL(/limit=2/), page.click('form.generator button')]);
    expect(await page.locator('#snippet').textContent()).toContain('data-limit="2"');
    await context.close();
  });
});
