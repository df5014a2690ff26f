/** Videos: a link on its own line becomes a click-to-play player on the page and stays a plain link in feeds. */
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { compileContent } from '../../src/build/compile';
import { Library } from '../../src/content/library';
import { videoOf } from '../../src/embed/video-providers';
import { testEnv } from '../support/env';
import { articleSource, siteSources } from '../support/fixtures';

const NOW = Date.parse('2025-06-01T00:00:00Z');

describe('a video link on its own line', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'youtube', 'dQw4w9WgXcQ'],
    ['https://www.bilibili.com/video/BV1xx411c7mD/', 'bilibili', 'BV1xx411c7mD'],
    ['https://v.youku.com/v_show/id_XNTk0NjUyMjEwOA==.html', 'youku', 'XNTk0NjUyMjEwOA=='],
  ])('%s is a %s video', (url, provider, id) => {
    expect(videoOf(url)).toEqual({ provider, id });
  });

  it('is not a video elsewhere, or inside a sentence', () => {
    expect(videoOf('https://www.youtube.com/channel/UC123')).toBeUndefined();
    expect(videoOf('https://example.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
  });

  const body =
    'Before.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n[The ceremony (synthetic)](https://www.bilibili.com/video/BV1xx411c7mD)\n\nSee https://youtu.be/dQw4w9WgXcQ in a sentence.';
  const content = compileContent([...siteSources(), articleSource('visit', 'en', {}, body)], 'content/', { now: NOW }).content;
  if (!content) throw new Error('the synthetic article must build');
  const app = createApp(Library.of(content));
  const env = testEnv({ SITE_URL: 'https://news.example.edu', FEED_ITEMS: '20', WEBSUB_HUB: '' });
  const get = (path: string) => app.fetch(new Request(`http://x.test${path}`), env);

  it('becomes a click-to-play link on the page that loads nothing from the video site, and the page may frame only the players', async () => {
    const res = await get('/en/articles/visit');
    const html = await res.text();
    expect(html).toContain(
      '<p class="video"><a class="video" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-video="youtube:dQw4w9WgXcQ"><span class="play">▶ Play video</span> <span class="provider">YouTube</span></a></p>',
    );
    expect(html).toContain(
      'data-video="bilibili:BV1xx411c7mD"><span class="play">▶ Play video</span> <span class="title">The ceremony (synthetic)</span>',
    );
    expect(html).not.toMatch(/<iframe|<img[^>]+(youtube|bilibili|ytimg|hdslb)/);
    expect(html).toContain('<script src="/video.js" defer=""></script>');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com https://player.bilibili.com https://player.youku.com');
    expect((await get('/video.js')).status).toBe(200);
  });

  it('stays a plain link in the feeds, and a link inside a sentence stays a link on the page too', async () => {
    const json = (await (await get('/en/feed.json')).json()) as { items: { content_html: string }[] };
    const feedHtml = json.items[0]?.content_html ?? '';
    expect(feedHtml).toContain(
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>',
    );
    expect(feedHtml).not.toContain('data-video');
    const page = await (await get('/en/articles/visit')).text();
    expect(page).toContain('See <a href="https://youtu.be/dQw4w9WgXcQ">https://youtu.be/dQw4w9WgXcQ</a> in a sentence.');
  });

  it('leaves pages without a video free of scripts', async () => {
    const plain = compileContent([...siteSources(), articleSource('plain', 'en')], 'content/', { now: NOW }).content;
    if (!plain) throw new Error('the synthetic article must build');
    const res = await createApp(Library.of(plain)).fetch(new Request('http://x.test/en/articles/plain'), env);
    expect(res.headers.get('content-security-policy')).not.toContain('script-src');
    expect(await res.text()).not.toContain('video.js');
  });
});
