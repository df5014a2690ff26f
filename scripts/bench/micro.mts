import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { content } from '../../src/generated/content';
const app = createApp(new Library(content));
const env = { SITE_URL: 'http://bench.local', FEED_ITEMS: '20', WEBSUB_HUB: '' } as any;
const first = await app.fetch(new Request('http://bench.local/en/rss.xml'), env);
const etag = first.headers.get('etag')!;
for (const [name, init] of [['304', { headers: { 'if-none-match': etag } }], ['200', {}]] as const) {
  const N = 50000;
  for (let i = 0; i < 5000; i++) await app.fetch(new Request('http://bench.local/en/rss.xml', init), env);
  const t = performance.now();
  for (let i = 0; i < N; i++) { const r = await app.fetch(new Request('http://bench.local/en/rss.xml', init), env); if (name === '200') await r.arrayBuffer(); }
  console.log(name, ((performance.now() - t) * 1000 / N).toFixed(1), 'µs/req');
}
const t = performance.now();
for (let i = 0; i < 50000; i++) new Response(null, { status: 304 });
console.log('bare Response', ((performance.now() - t) * 1000 / 50000).toFixed(2), 'µs');
