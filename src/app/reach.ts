/**
 * /reach: the reach report (the one `npm run reach` writes), served by the Worker to the promotion team.
 * Off unless four secrets are set with `wrangler secret put` (none belongs in wrangler.toml):
 * REACH_REPORT_PASSWORD (asked by the browser, user name "reach"), CLOUDFLARE_ACCOUNT_ID,
 * CLOUDFLARE_API_TOKEN ("Account Analytics: Read") and REACH_DATASET (the dataset of the REACH binding).
 * Off, it is a 404 like any unknown path; on, a missing or wrong password is a 401 that says nothing more. It is
 * off, too, for a request that did not come through Cloudflare's edge: only there is the client's address known.
 */
import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import * as z from 'zod/mini';
import type { Library } from '../content/library';
import { standardHeaders } from '../http/headers';
import { problemResponse } from '../http/problem';
import { parseQuery, wholeNumber } from '../http/query';
import { htmlReport } from '../reach/report';
import { readReach, type SqlClient, sqlClient } from '../reach/sql';
import { type AppEnv, HTML } from './context';
import { notFound } from './errors';

export interface ReachSecrets {
  REACH_REPORT_PASSWORD?: string;
  CLOUDFLARE_ACCOUNT_ID?: string;
  CLOUDFLARE_API_TOKEN?: string;
  REACH_DATASET?: string;
}

/** The report reads the SQL API with the Worker's own credentials; tests pass a stand-in. */
export type ReachClientFactory = (accountId: string, token: string) => SqlClient;

// The report has its styles inline and its charts as inline SVG; nothing else may load.
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const ALLOWED = { days: 'a whole number of days from 1 to 90 (default 30)' };
const reportQuery = z.object({
  days: z._default(wholeNumber(90, 'must be from 1 to 90'), 30),
});

/** 429 for an address that tried too many passwords: it says when to try again and nothing else. */
function tooManyAttempts(): Response {
  return problemResponse(
    { status: 429, title: 'Too many attempts', detail: 'Too many login attempts from this address; try again in a minute.' },
    { 'Retry-After': '60', 'Cache-Control': 'no-store' },
  );
}

/**
 * Who is guessing, as Cloudflare's edge saw it: its CF-Connecting-IP, which the edge sets itself, and only when the
 * request came through the edge (it carries `request.cf`); off the edge the header is whatever the client wrote, so
 * there is no key and /reach stays closed. An IPv6 client holds a whole /64, so it counts as one.
 */
export function guessingClient(request: Request): string | undefined {
  if (!(request as { cf?: unknown }).cf) return undefined;
  const ip = request.headers.get('CF-Connecting-IP');
  if (!ip) return undefined;
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const groups = head ? head.split(':') : [];
  const rest = tail === undefined ? [] : tail ? tail.split(':') : [];
  const full = [...groups, ...Array(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest];
  return `${full
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function reachRoutes(library: Library, clientFor: ReachClientFactory = sqlClient) {
  const missing = notFound(library);
  return new Hono<AppEnv>().get(
    '/reach',
    async (c, next) => {
      const secrets = c.env as ReachSecrets;
      const {
        REACH_REPORT_PASSWORD: password,
        CLOUDFLARE_ACCOUNT_ID: account,
        CLOUDFLARE_API_TOKEN: token,
        REACH_DATASET: dataset,
      } = secrets;
      if (!password || !account || !token || !dataset) return missing(c);
      // Guessing is slowed by Cloudflare's rate limiter (REACH_LOGINS): every attempt with credentials counts, so
      // past the limit a guess is not even compared. Without the binding the report stays off.
      const limiter = (c.env as { REACH_LOGINS?: RateLimit }).REACH_LOGINS;
      const client = guessingClient(c.req.raw);
      if (!limiter || !client) return missing(c);
      if (c.req.header('Authorization') !== undefined) {
        const { success } = await limiter.limit({ key: client });
        if (!success) return tooManyAttempts();
      }
      // hono's basicAuth compares in constant time; a failure is a bare 401 asking for credentials.
      return basicAuth({ username: 'reach', password, realm: 'Study at HIT news reach report' })(c, next);
    },
    async (c) => {
      const { CLOUDFLARE_ACCOUNT_ID: account = '', CLOUDFLARE_API_TOKEN: token = '', REACH_DATASET: dataset = '' } = c.env as ReachSecrets;
      // A bad window is a 400 naming the parameter (after the password: nothing is said to strangers).
      const { days } = parseQuery(new URL(c.req.url), reportQuery, ALLOWED, 'Invalid query parameter', true);
      const data = await readReach(clientFor(account, token), dataset, days);
      const headers = standardHeaders(HTML, REPORT_CSP).filter(([name]) => !name.startsWith('Access-Control'));
      headers.push(['Content-Type', HTML], ['Cache-Control', 'no-store'], ['X-Robots-Tag', 'noindex']);
      return new Response(
        c.req.method === 'HEAD' ? null : htmlReport(data, days, new Date().toISOString().slice(0, 16).replace('T', ' ')),
        {
          headers,
        },
      );
    },
  );
}
