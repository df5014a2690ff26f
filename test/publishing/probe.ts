/**
 * Run by prove.ts inside its copy of the project, after the build: asks the Worker built from that copy's content
 * what readers would get — the scheduled article before and after its time (moved clock), the withdrawn article's 410,
 * the renamed article's 301, the correction in every format, the photos' absolute URLs. Prints one line per check and
 * exits 1 at the first that fails. Usage: tsx test/publishing/probe.ts <plan.json>
 */
import { existsSync, readFileSync } from 'node:fs';
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import { content } from '../../src/generated/content';
import { PRERENDERED_FEEDS } from '../../src/generated/feeds';
import { testEnv } from '../support/env';

interface Plan {
  scheduled: { slug: string; at: string };
  withdrawn: { lang: string; slug: string };
  renamed: { from: string; to: string };
  corrected: { slug: string; updated: string; text: string };
  photos: { slug: string; pictures: number };
}
const plan = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Plan;
const SITE = 'https://news.example.edu';
const env = testEnv({ SITE_URL: SITE, FEED_ITEMS: '20', WEBSUB_HUB: '' });

function check(what: string, ok: boolean, detail = ''): void {
  if (!ok) {
    console.error(`✗ ${what}${detail ? `: ${detail}` : ''}`);
    process.exit(1);
  }
  console.log(`  ✓ ${what}`);
}

const at = Date.parse(plan.scheduled.at);
const clock = { now: at - 60_000 };
const app = createApp(Library.of(content), PRERENDERED_FEEDS, { clock: () => clock.now });
const get = async (path: string, init?: RequestInit) => app.fetch(new Request(`${SITE}${path}`, init), env);

// Scheduled: hidden until its minute, then everywhere, in the same isolate.
const feed = async () => (await get('/en/feed.json')).text();
check('the scheduled article is in no feed before its time', !(await feed()).includes(plan.scheduled.slug));
check('its page is a 404 before its time', (await get(`/en/articles/${plan.scheduled.slug}`)).status === 404);
clock.now = at;
check('at its time it is in the feed, without a deploy', (await feed()).includes(plan.scheduled.slug));
check('and its page answers', (await get(`/en/articles/${plan.scheduled.slug}`)).status === 200);

// Withdrawn: 410 in the reader's language, gone from the feeds.
const gone = await get(`/${plan.withdrawn.lang}/articles/${plan.withdrawn.slug}`, { headers: { Accept: 'text/html' } });
check('the withdrawn article answers 410 Gone', gone.status === 410, String(gone.status));
check('in its language', (await gone.text()).includes(plan.withdrawn.lang === 'zh' ? '文章已撤下' : 'Article withdrawn'));
check('and is in no feed', !(await (await get(`/${plan.withdrawn.lang}/rss.xml`)).text()).includes(plan.withdrawn.slug));

// Renamed: the old URL redirects, the feed id stays.
const moved = await get(`/en/articles/${plan.renamed.from}`, { redirect: 'manual' });
check(
  'the renamed article’s old URL answers 301 to the new one',
  moved.status === 301 && moved.headers.get('location') === `${SITE}/en/articles/${plan.renamed.to}`,
);
const items = (
  JSON.parse(await feed()) as { items: { id: string; url: string; date_modified: string; content_html: string; image?: string }[] }
).items;
check(
  'and keeps its feed id',
  items.some((i) => i.url.endsWith(`/${plan.renamed.to}`) && i.id.includes(`articles/${plan.renamed.from}/`)),
);

// Corrected: the update time in every format, the new text with it.
const corrected = items.find((i) => i.url.endsWith(`/${plan.corrected.slug}`));
check('the correction carries its update time in JSON Feed', corrected?.date_modified === plan.corrected.updated, corrected?.date_modified);
check('with the corrected text', corrected?.content_html.includes(plan.corrected.text) ?? false);
const updatedIso = new Date(plan.corrected.updated).toISOString();
check(
  'and in RSS (atom:updated) and Atom',
  (await (await get('/en/rss.xml')).text()).includes(`<atom:updated>${updatedIso}</atom:updated>`) &&
    (await (await get('/en/atom.xml')).text()).includes(`<updated>${updatedIso}</updated>`),
);

// Photos: processed into public/media/, absolute in feeds.
const story = items.find((i) => i.url.endsWith(`/${plan.photos.slug}`));
const media = story?.content_html.match(/https:\/\/news\.example\.edu\/media\/[0-9a-f]{16}-\d+\.(?:jpg|png)/g) ?? [];
check(
  `the photo story’s ${plan.photos.pictures} body pictures and lead image are absolute in the feed`,
  media.length === plan.photos.pictures + 1 && (story?.image ?? '').startsWith(`${SITE}/media/`),
);
check(
  'and exist in public/media/',
  media.every((url) => existsSync(`public${new URL(url).pathname}`)),
);
