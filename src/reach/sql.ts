/** The Workers Analytics Engine SQL API: the queries behind `npm run reach`, and their client. */
import type { ClaimHour } from './claims';

/** Where the SQL API lives (https://developers.cloudflare.com/analytics/analytics-engine/sql-api/). */
export const CLOUDFLARE_API = 'https://api.cloudflare.com/client/v4';

export interface SqlClient {
  query<T>(sql: string): Promise<T[]>;
}

/** A client of the SQL API: POST the query as the body, JSON rows back in `data`. */
export function sqlClient(accountId: string, token: string, api = CLOUDFLARE_API): SqlClient {
  return {
    async query<T>(sql: string): Promise<T[]> {
      const res = await fetch(`${api}/accounts/${accountId}/analytics_engine/sql`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: sql,
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`the Analytics Engine SQL API answered ${res.status}: ${text.slice(0, 300)}`);
      return (JSON.parse(text) as { data: T[] }).data;
    },
  };
}

/** Every figure of the report, read with one query each. Counts are weighted by the sample interval. */
export interface ReachData {
  /** Subscriber claims per feed, aggregator, network and hour (src/reach/claims.ts decides which count). */
  claims: ClaimHour[];
  families: { family: string; requests: number }[];
  partners: { partner: string; requests: number }[];
  feeds: { feed: string; requests: number; not_modified: number }[];
  articles: { page: string; views: number }[];
  days: { day: string; lang: string; requests: number }[];
}

const numbers = <T extends Record<string, unknown>>(rows: T[], keys: (keyof T)[]) =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, keys.includes(k as keyof T) ? Number(v) : v])) as T);

/** Runs the report's queries over the last `days` days of `dataset`. */
export async function readReach(client: SqlClient, dataset: string, days: number): Promise<ReachData> {
  const since = `timestamp > NOW() - INTERVAL '${Math.floor(days)}' DAY`;
  // Every query has a LIMIT: the rows come from what clients sent, and the report must stay small whatever they did.
  // Data point layout (src/reach/record.ts): blob1 kind, blob2 path, blob3 language, blob4 client,
  // blob5 partner host, blob6 status, blob7 network name; double1 1, double2 reported subscribers, double3 1 for a
  // 304, double4 network (ASN).
  const [claims, families, partners, feeds, articles, dayRows] = await Promise.all([
    // What each aggregator claimed over the last two days, hour by hour and network by network (the median of each
    // hour's claims): src/reach/claims.ts counts only a fetcher's, which a burst of forged requests cannot become.
    client.query<ClaimHour>(
      `SELECT blob2 AS feed, blob4 AS aggregator, double4 AS network, blob7 AS network_name, toStartOfHour(timestamp) AS hour, quantileExactWeighted(0.5, double2, _sample_interval) AS subscribers, SUM(_sample_interval) AS polls FROM ${dataset} WHERE blob1 = 'feed' AND double2 > 0 AND timestamp > NOW() - INTERVAL '2' DAY GROUP BY feed, aggregator, network, network_name, hour ORDER BY polls DESC LIMIT 10000`,
    ),
    client.query<ReachData['families'][number]>(
      `SELECT blob4 AS family, SUM(_sample_interval) AS requests FROM ${dataset} WHERE blob1 = 'feed' AND ${since} GROUP BY family ORDER BY requests DESC LIMIT 50`,
    ),
    client.query<ReachData['partners'][number]>(
      `SELECT blob5 AS partner, SUM(_sample_interval) AS requests FROM ${dataset} WHERE blob5 != '' AND ${since} GROUP BY partner ORDER BY requests DESC LIMIT 50`,
    ),
    client.query<ReachData['feeds'][number]>(
      `SELECT blob2 AS feed, SUM(_sample_interval) AS requests, SUM(_sample_interval * double3) AS not_modified FROM ${dataset} WHERE blob1 = 'feed' AND ${since} GROUP BY feed ORDER BY requests DESC LIMIT 100`,
    ),
    client.query<ReachData['articles'][number]>(
      `SELECT blob2 AS page, SUM(_sample_interval) AS views FROM ${dataset} WHERE blob1 = 'page' AND ${since} GROUP BY page ORDER BY views DESC LIMIT 20`,
    ),
    client.query<ReachData['days'][number]>(
      `SELECT toStartOfDay(timestamp) AS day, blob3 AS lang, SUM(_sample_interval) AS requests FROM ${dataset} WHERE blob1 = 'feed' AND ${since} GROUP BY day, lang ORDER BY day LIMIT 1000`,
    ),
  ]);
  return {
    claims: numbers(claims, ['subscribers', 'network', 'polls']),
    families: numbers(families, ['requests']),
    partners: numbers(partners, ['requests']),
    feeds: numbers(feeds, ['requests', 'not_modified']),
    articles: numbers(articles, ['views']),
    days: numbers(dayRows, ['requests']),
  };
}
