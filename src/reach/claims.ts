/**
 * Subscriber figures a single client cannot forge. An aggregator's User-Agent says how many of its users follow a
 * feed, but anyone can send that User-Agent. A claim counts only when it comes from one network (the ASN Cloudflare's
 * edge reports) that polled the feed in many distinct hours of the window, as a real aggregator's fetcher does; its
 * figure is the median of the hourly claims, so a burst of forged requests moves no more than its own hour. Every
 * other claim is shown apart and never summed.
 */

/** One hour of an aggregator's polls of a feed from one network, as the report's query returns it. */
// A type, not an interface: the SQL client's rows are records of it.
export type ClaimHour = {
  feed: string;
  aggregator: string;
  /** The network's ASN (0: the request did not come through Cloudflare's edge). */
  network: number;
  network_name: string;
  hour: string;
  /** The median of the hour's claims. */
  subscribers: number;
  polls: number;
};

/** A figure: an aggregator's claim for a feed, from one network, over `hours` distinct hours. */
export interface Claim {
  feed: string;
  aggregator: string;
  network: number;
  networkName: string;
  hours: number;
  subscribers: number;
}

/** Distinct hours of the two days' window a network must have polled a feed in for its claim to count. */
export const VERIFIED_HOURS = 12;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/**
 * Splits the claims: per feed and aggregator, the network that polled it in the most distinct hours is its fetcher,
 * verified when that is at least VERIFIED_HOURS and the network is known; every other network's claim is unverified.
 */
export function verifyClaims(rows: readonly ClaimHour[]): { verified: Claim[]; unverified: Claim[] } {
  const groups = new Map<string, { rows: ClaimHour[]; hours: Set<string>; polls: number }>();
  for (const row of rows) {
    const key = JSON.stringify([row.feed, row.aggregator, row.network]);
    const group = groups.get(key) ?? { rows: [], hours: new Set<string>(), polls: 0 };
    group.rows.push(row);
    group.hours.add(row.hour);
    group.polls += row.polls;
    groups.set(key, group);
  }
  const claims = [...groups.values()].map((g) => {
    const first = g.rows[0] as ClaimHour;
    return {
      claim: {
        feed: first.feed,
        aggregator: first.aggregator,
        network: first.network,
        networkName: first.network_name,
        hours: g.hours.size,
        subscribers: median(g.rows.map((r) => r.subscribers)),
      },
      polls: g.polls,
    };
  });
  // Most hours first; then most polls; then the lower ASN, so that the choice never depends on the rows' order.
  claims.sort((a, b) => b.claim.hours - a.claim.hours || b.polls - a.polls || a.claim.network - b.claim.network);
  const verified: Claim[] = [];
  const unverified: Claim[] = [];
  const chosen = new Set<string>();
  for (const { claim } of claims) {
    const pair = JSON.stringify([claim.feed, claim.aggregator]);
    // Requests with no known network never stand for the fetcher, however many hours they fill.
    const fetcher = claim.network !== 0 && !chosen.has(pair);
    if (fetcher) chosen.add(pair);
    (fetcher && claim.hours >= VERIFIED_HOURS ? verified : unverified).push(claim);
  }
  return { verified, unverified };
}
