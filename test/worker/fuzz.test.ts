/**
 * Hostile requests: random paths, queries, methods and headers thrown at the Worker.
 * Whatever arrives, the answer is a defined status, never a 5xx, with a bounded body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { request } from '../support/client';

const RUNS = 1500;
const DEFINED = new Set([200, 204, 301, 304, 400, 404, 405]);
const MAX_BODY = 256 * 1024;

const known = fc.constantFrom(
  'zh',
  'en',
  'fr',
  'articles',
  'tags',
  'rss.xml',
  'atom.xml',
  'feed.json',
  'feed',
  'index.xml',
  'embed',
  'embed.js',
  'partners',
  'fixture-cie-visit',
  'open-source',
  '..',
  '.',
  '',
  '%2e%2e',
  '%00',
);
const percentBytes = fc
  .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })
  .map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const segment = fc.oneof(
  { weight: 4, arbitrary: known },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: percentBytes },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 4000, unit: fc.constantFrom('a', 'b', '-', '.') }) },
);
const path = fc.tuple(fc.array(segment, { maxLength: 6 }), fc.boolean()).map(([parts, slash]) => `/${parts.join('/')}${slash ? '/' : ''}`);

const queryValue = fc.oneof(
  fc.integer({ min: -5, max: 2_000_000 }).map(String),
  fc.constantFrom(
    '',
    '0',
    '1',
    '20',
    '101',
    '1e3',
    '5.5',
    'true',
    'dark',
    'open-source',
    '2025-09-05T00:00:00+08:00',
    '2025-13-45T99:99:99Z',
    '9999999999999999999999',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  percentBytes,
);
const query = fc
  .array(fc.tuple(fc.constantFrom('limit', 'since', 'page', 'tag', 'theme', 'summary', 'utm_source', 'x', ''), queryValue), {
    maxLength: 5,
  })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

// Header values: any printable ASCII (workerd warns on, and browsers refuse, bytes above 0x7E).
const headerText = (max: number) =>
  fc.string({ maxLength: max, unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
const headers = fc.record(
  {
    'If-None-Match': fc.oneof(headerText(60), fc.constantFrom('*', 'W/"x"', '"a", W/"b"', ',,,', 'W/'), headerText(16_000)),
    'If-Modified-Since': fc.oneof(
      headerText(40),
      fc.constantFrom('Thu, 01 Jan 1970 00:00:00 GMT', 'Sat, 01 Jan 3000 00:00:00 GMT', '0', '-1'),
    ),
    Accept: fc.oneof(
      headerText(80),
      fc.constantFrom('text/html', '*/*;q=0', 'text/html;q=abc, application/json;q=2', 'application/problem+json'),
    ),
    'Accept-Language': fc.oneof(headerText(80), fc.constantFrom('zh-CN,zh;q=0.9', 'en;q=x', '*'), headerText(16_000)),
  },
  { requiredKeys: [] },
);
const method = fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'get');

describe('hostile requests', () => {
  it(`never answer 5xx, always a defined status and a bounded body (${RUNS} random requests)`, async () => {
    await fc.assert(
      fc.asyncProperty(path, query, method, headers, async (p, q, m, h) => {
        const res = await request(p + q, { method: m, headers: h, redirect: 'manual' });
        const body = await res.arrayBuffer();
        expect(DEFINED.has(res.status), `${m} ${p.slice(0, 200)}${q} -> ${res.status}`).toBe(true);
        expect(body.byteLength).toBeLessThanOrEqual(MAX_BODY);
        if (res.status >= 400 && res.headers.get('content-type')?.startsWith('application/problem+json') && m.toUpperCase() !== 'HEAD') {
          const problem = JSON.parse(new TextDecoder().decode(body)) as { status: number; detail: string };
          expect(problem.status).toBe(res.status);
          expect(problem.detail.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
    // A bound on a hang, not a speed goal: 1,500 requests take about 2 s here, more on a loaded machine.
  }, 60_000);
});

describe('names every object inherits (constructor, __proto__, toString, ...)', () => {
  const INHERITED = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
  // Every route's shape, each segment in turn replaced by an inherited name.
  const ROUTES = [
    '/x',
    '/en/x',
    '/en/x/',
    '/en/articles/x',
    '/en/articles/x/',
    '/en/tags/x/',
    '/en/tags/x/rss.xml',
    '/en/tags/open-source/x',
    '/en/tags/open-source/x/',
    '/x/rss.xml',
    '/x/articles/fixture-cie-visit',
    '/sitemaps/x',
  ];

  it('are no route in any path segment: never a redirect to a page that does not exist, never a 5xx', async () => {
    for (const route of ROUTES) {
      for (const name of INHERITED) {
        const path = route.replace('x', encodeURIComponent(name));
        const res = await request(path, { redirect: 'manual' });
        expect(res.status, path).toBeLessThan(500);
        const location = res.headers.get('Location');
        if (location) {
          expect(location, path).not.toMatch(/undefined|null|function|\[object/);
          // A trailing slash dropped (whatever the slug) is the one redirect that may lead to a 404.
          const target = new URL(location).pathname;
          if (target !== path.replace(/\/$/, '')) expect((await request(target)).status, `${path} -> ${location}`).toBe(200);
        }
      }
    }
  });

  it('are ignored as query names, and refused or ignored as query values', async () => {
    for (const path of ['/en/rss.xml', '/en/feed.json', '/en/', '/en/embed', '/en/partners', '/en/articles/fixture-cie-visit']) {
      const plain = await (await request(path)).text();
      for (const name of INHERITED) {
        const asName = await request(`${path}?${encodeURIComponent(name)}=1`);
        expect(asName.status, `${path}?${name}=1`).toBe(200);
        expect(await asName.text(), `${path}?${name}=1`).toBe(plain);
        for (const parameter of ['limit', 'page', 'since', 'theme', 'lang']) {
          const status = (await request(`${path}?${parameter}=${encodeURIComponent(name)}`)).status;
          expect([200, 400], `${path}?${parameter}=${name}`).toContain(status);
        }
      }
    }
  });
});
