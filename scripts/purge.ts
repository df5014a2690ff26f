/**
 * Cloudflare's cache purge API (POST /zones/{zone}/purge_cache): by URL (`files`, at most 100 a request) and by
 * prefix (`prefixes`, at most 30 a request). Needs an API token with the zone permission "Cache Purge: Purge" and the
 * zone's id. CLOUDFLARE_API_BASE_URL moves the API (a local stand-in in the tests), as it does for wrangler.
 */

export const PURGE_FILES_PER_REQUEST = 100;
export const PURGE_PREFIXES_PER_REQUEST = 30;
const API = 'https://api.cloudflare.com/client/v4';

export interface PurgeTarget {
  token: string;
  zoneId: string;
  /** The API's base URL (default: Cloudflare's). */
  api?: string;
  fetch?: typeof fetch;
}

/** One request's outcome: what it asked to purge and whether Cloudflare took it. */
export interface PurgeResult {
  kind: 'files' | 'prefixes';
  count: number;
  ok: boolean;
  detail: string;
}

/** The purge target from the environment, or why there is none (a line to print). */
export function purgeTargetFromEnv(env: NodeJS.ProcessEnv = process.env): PurgeTarget | string {
  const token = env.CLOUDFLARE_API_TOKEN;
  const zoneId = env.CLOUDFLARE_ZONE_ID;
  if (!token || !zoneId) {
    return "not purged: set CLOUDFLARE_API_TOKEN (permission Zone › Cache Purge › Purge) and CLOUDFLARE_ZONE_ID (the domain's Overview page, right column) to purge Cloudflare's cache by URL";
  }
  return { token, zoneId, ...(env.CLOUDFLARE_API_BASE_URL ? { api: env.CLOUDFLARE_API_BASE_URL } : {}) };
}

/** `host/path` as Cloudflare's prefix purge takes it (no scheme). */
export const prefixOf = (url: string) => url.replace(/^https?:\/\//, '');

/** Purges `urls` (absolute) and `prefixes` (host/path), in as few requests as the API's limits allow. */
export async function purge(target: PurgeTarget, urls: readonly string[], prefixes: readonly string[]): Promise<PurgeResult[]> {
  const api = (target.api ?? API).replace(/\/$/, '');
  const send = target.fetch ?? fetch;
  const batches: { kind: PurgeResult['kind']; items: readonly string[] }[] = [];
  for (let i = 0; i < urls.length; i += PURGE_FILES_PER_REQUEST)
    batches.push({ kind: 'files', items: urls.slice(i, i + PURGE_FILES_PER_REQUEST) });
  for (let i = 0; i < prefixes.length; i += PURGE_PREFIXES_PER_REQUEST)
    batches.push({ kind: 'prefixes', items: prefixes.slice(i, i + PURGE_PREFIXES_PER_REQUEST) });
  const results: PurgeResult[] = [];
  for (const { kind, items } of batches) {
    try {
      const res = await send(`${api}/zones/${encodeURIComponent(target.zoneId)}/purge_cache`, {
        method: 'POST',
        headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ [kind]: items }),
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await res.json().catch(() => ({}))) as { success?: boolean; errors?: { message?: string }[] };
      const ok = res.ok && answer.success === true;
      const detail = ok ? `${res.status}` : `${res.status} ${answer.errors?.map((e) => e.message).join('; ') || res.statusText}`;
      results.push({ kind, count: items.length, ok, detail });
    } catch (error) {
      results.push({ kind, count: items.length, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}
