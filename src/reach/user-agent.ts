import { BoundedMemo } from '../memo';

/**
 * A feed client, from its User-Agent: its family, and for hosted aggregators the subscriber count
 * they report. Nothing else of the User-Agent is kept.
 */

/** Hosted aggregators that report how many of their users subscribe to a feed. */
const AGGREGATORS: [name: string, pattern: RegExp][] = [
  ['Feedly', /feedly/i],
  ['Inoreader', /inoreader/i],
  ['NewsBlur', /newsblur/i],
  ['Feedbin', /feedbin/i],
  ['The Old Reader', /theoldreader/i],
  ['Feeder', /feeder\.co/i],
  ['BazQux', /bazqux/i],
];

/** Self-hosted and desktop readers, most specific first (Thunderbird's User-Agent also says Firefox-like things). */
const FAMILIES: [family: string, pattern: RegExp][] = [
  ['newsboat', /newsboat|newsbeuter/i],
  ['NetNewsWire', /netnewswire/i],
  ['Thunderbird', /thunderbird/i],
  ['Liferea', /liferea/i],
  ['Tiny Tiny RSS', /tiny tiny rss|tt-rss/i],
  ['FreshRSS', /freshrss/i],
  ['Miniflux', /miniflux/i],
  ['sfeed', /sfeed/i],
  ['feedparser', /feedparser|universalfeedparser/i],
  ['browser', /mozilla\/5\.0.*(chrome|safari|firefox|edg)\//i],
];

export interface FeedClient {
  /** An aggregator's name, or a reader family, or "other". */
  family: string;
  /** True for the hosted aggregators above. */
  aggregator: boolean;
  /** The subscriber count the aggregator reports, if it does. */
  subscribers?: number;
}

// Feed readers poll again and again with the same User-Agent: each is classified once per isolate (bounded).
const known = new BoundedMemo<FeedClient>(512);
/**
 * Only the start of a User-Agent is read: real ones are a few hundred characters, the header may be 128 KB, and
 * neither the work per request nor the memory of the memo above may grow with what a client sends.
 */
const READ_MAX = 512;
/** More subscribers than any aggregator has users: the largest has tens of millions. */
export const MAX_SUBSCRIBERS = 50_000_000;

/** Classifies a User-Agent. Example: classify('Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers)') → Feedly, 42. */
export function classify(userAgent: string | null): FeedClient {
  const ua = (userAgent ?? '').slice(0, READ_MAX);
  return known.get(ua, classifyNew);
}

function classifyNew(ua: string): FeedClient {
  // The count starts where a run of digits starts (the lookbehind), so each run is read once, not once per digit.
  const count = /(?<![\d,])(\d[\d,]*)\s+(?:subscribers?|readers?)\b/i.exec(ua)?.[1];
  const reported = count === undefined ? undefined : Number(count.replaceAll(',', ''));
  // A count no aggregator could have (a 400-digit number is Infinity) is not a count.
  const subscribers = reported !== undefined && Number.isSafeInteger(reported) && reported <= MAX_SUBSCRIBERS ? reported : undefined;
  for (const [name, pattern] of AGGREGATORS) {
    if (pattern.test(ua)) return { family: name, aggregator: true, ...(subscribers !== undefined ? { subscribers } : {}) };
  }
  for (const [family, pattern] of FAMILIES) if (pattern.test(ua)) return { family, aggregator: false };
  return { family: 'other', aggregator: false };
}
