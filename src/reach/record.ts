/**
 * Reach, counted without tracking anyone: one Workers Analytics Engine data point per answered
 * request when the REACH binding exists (writeDataPoint is non-blocking and never delays a response).
 * Stored: what was asked (kind, path, language), the client's family and reported subscriber count,
 * the partner site's host name, the status. Never stored: addresses, User-Agent strings, cookies,
 * full referrer URLs, anything that identifies a person.
 */
import { LANGS } from '../languages';
import { BoundedMemo } from '../memo';
import { classify, type FeedClient } from './user-agent';

/** The binding as the Worker sees it (wrangler.toml `[[analytics_engine_datasets]]`, binding "REACH"). */
export interface ReachDataset {
  writeDataPoint(point: { blobs?: string[]; doubles?: number[]; indexes?: string[] }): void;
}

export type RequestKind = 'feed' | 'page' | 'embed' | 'other';

// The first path segment when it is one of the site's languages (whatever their codes' length).
const LANG_SEGMENT = new RegExp(`^/(${LANGS.map((l) => l.replace(/[^a-z0-9-]/gi, '')).join('|')})(?=/)`);

/** What kind of resource a path is. */
export function kindOf(pathname: string): RequestKind {
  if (/\.(xml|json)$/.test(pathname) && !pathname.endsWith('sitemap.xml')) return 'feed';
  const lang = LANG_SEGMENT.exec(pathname)?.[0].length;
  if (pathname === '/embed.js' || (lang !== undefined && pathname.slice(lang) === '/embed')) return 'embed';
  if (lang !== undefined && pathname.startsWith('/articles/', lang)) return 'page';
  return 'other';
}

/** The host of the site a request comes from (Origin, else Referer), if it is not this one. */
export function partnerHost(request: Request, ownHost: string): string {
  const source = request.headers.get('origin') ?? request.headers.get('referer');
  if (!source || !URL.canParse(source)) return '';
  const host = new URL(source).hostname;
  return host === ownHost ? '' : host;
}

/** What a counted URL is: its host, its path (no query), its kind and its language. */
interface Target {
  hostname: string;
  pathname: string;
  kind: RequestKind;
  lang: string;
  /**
   * The data points already made for this URL without a partner, by client and status (200, 304): a reader polling
   * the same URL gets the same point each time, and a repeat request allocates none. Weak, so that a client the
   * User-Agent memo has let go of takes its points with it.
   */
  points: WeakMap<FeedClient, Partial<Record<Counted, DataPoint>>>;
}

/** The statuses counted: only what exists says something of reach (a 404, a 400 or a 405 does not). */
type Counted = 200 | 304;
const counted = (status: number): status is Counted => status === 200 || status === 304;

/** One data point, as writeDataPoint takes it. */
export interface DataPoint {
  blobs: string[];
  doubles: number[];
  indexes: string[];
}

// Readers ask for the same few URLs again and again: each is read once per isolate. Bounded in count, and only
// short URLs without a query are kept (those are the polled ones; a query or a made-up path can make a URL long
// and unique).
const targets = new BoundedMemo<Target>(512);
const polled = (url: string) => url.length <= 512 && !/[?#]/.test(url);

/** The target of an absolute URL (already parsed and normalised by the runtime), read without a URL object. */
function targetOf(url: string): Target {
  return targets.get(url, readTarget, polled);
}

function readTarget(url: string): Target {
  const start = url.indexOf('//') + 2;
  const slash = url.indexOf('/', start);
  const rest = slash < 0 ? '/' : url.slice(slash);
  const end = rest.search(/[?#]/);
  const pathname = end < 0 ? rest : rest.slice(0, end);
  return {
    hostname: url.slice(start, slash < 0 ? undefined : slash).replace(/:\d+$/, ''),
    pathname,
    kind: kindOf(pathname),
    lang: LANG_SEGMENT.exec(pathname)?.[1] ?? '',
    points: new WeakMap(),
  };
}

/** The data point of one counted request. Layout (the report's SQL relies on it): see docs/reach.md. */
function reachPoint(request: Request, status: Counted, target: Target): DataPoint {
  const client = classify(request.headers.get('user-agent'));
  const partner =
    target.kind === 'embed' || (target.kind === 'feed' && request.headers.has('origin')) ? partnerHost(request, target.hostname) : '';
  // A subscriber claim carries the network it came from (src/reach/claims.ts): a point of its own each time.
  if (client.subscribers !== undefined) return makePoint(target, client, partner, status, networkOf(request));
  if (partner !== '') return makePoint(target, client, partner, status);
  let made = target.points.get(client);
  if (made === undefined) {
    made = {};
    target.points.set(client, made);
  }
  made[status] ??= frozen(makePoint(target, client, '', status));
  return made[status];
}

/** A point handed out again and again: nobody, a binding included, may change it. */
function frozen(point: DataPoint): DataPoint {
  Object.freeze(point.blobs);
  Object.freeze(point.doubles);
  Object.freeze(point.indexes);
  return Object.freeze(point);
}

/** The network a request came from, as Cloudflare's edge reports it (ASN 0 and no name without `request.cf`). */
function networkOf(request: Request): { asn: number; name: string } {
  const cf = (request as { cf?: { asn?: unknown; asOrganization?: unknown } }).cf;
  const asn = typeof cf?.asn === 'number' && Number.isSafeInteger(cf.asn) ? cf.asn : 0;
  return { asn, name: typeof cf?.asOrganization === 'string' ? cf.asOrganization.slice(0, 60) : '' };
}

const NO_NETWORK = { asn: 0, name: '' };

function makePoint({ kind, pathname, lang }: Target, client: FeedClient, partner: string, status: number, network = NO_NETWORK): DataPoint {
  return {
    // blob1 kind, blob2 path (no query), blob3 language, blob4 client family, blob5 partner host, blob6 status,
    // blob7 the network's name (subscriber claims only)
    blobs: [kind, pathname.slice(0, 200), lang, client.family, partner, String(status), network.name],
    // double1 requests (1), double2 reported subscribers (0 if none), double3 1 for a 304, double4 the network's ASN
    // (subscriber claims only: a network, never an address)
    doubles: [1, client.subscribers ?? 0, status === 304 ? 1 : 0, network.asn],
    indexes: [kind],
  };
}

/**
 * Records one request, if the binding exists; a failure to record never fails the response. `url` is the request's
 * URL, read once by the caller.
 */
export function recordReach(dataset: ReachDataset | undefined, request: Request, status: number, url: string): void {
  if (!dataset || !counted(status)) return;
  const target = targetOf(url);
  if (target.kind === 'other') return;
  try {
    dataset.writeDataPoint(reachPoint(request, status, target));
  } catch {
    // Analytics must never cost a reader their answer.
  }
}
