/**
 * The limit the bench holds the Worker to: a Worker that answers one URL with the same bytes and the same
 * response headers as ours, precomputed, with no routing (a matching If-None-Match gets the same 304). Its
 * Response inits are made once, headers as a `Headers` (what ours does too): the cheapest way workerd knows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Module } from './workerd';

/** Headers that the runtime writes per connection or per response, not the Worker. */
const RUNTIME_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const workerHeaders = (h: Headers) => [...h].filter(([k]) => !RUNTIME_HEADERS.has(k)) as [string, string][];

/**
 * Asks our Worker at `origin` for `path` (200, then 304 with its ETag) and writes `<name>.js` and `<name>.txt`
 * into `dir`: a Worker answering exactly that. Returns the ETag and the modules to run it with.
 */
export async function writeBaseline(origin: string, path: string, dir: string, name: string): Promise<{ etag: string; modules: Module[] }> {
  const res = await fetch(origin + path);
  const body = await res.text();
  const etag = res.headers.get('etag') ?? '';
  const notModified = await fetch(origin + path, { headers: { 'if-none-match': etag } });
  if (res.status !== 200 || notModified.status !== 304) throw new Error(`${path}: ${res.status}, ${notModified.status}`);
  writeFileSync(join(dir, `${name}.txt`), body);
  writeFileSync(
    join(dir, `${name}.js`),
    `import text from '${name}.txt';
const body = new TextEncoder().encode(text);
const init = { status: 200, headers: new Headers(${JSON.stringify(workerHeaders(res.headers))}) };
const notModified = { status: 304, headers: new Headers(${JSON.stringify(workerHeaders(notModified.headers))}) };
export default {
  fetch(request) {
    if (request.headers.get('if-none-match') === ${JSON.stringify(etag)}) return new Response(null, notModified);
    return new Response(body, init);
  },
};
`,
  );
  return {
    etag,
    modules: [
      { name: `${name}.js`, kind: 'esModule', file: `${name}.js` },
      { name: `${name}.txt`, kind: 'text', file: `${name}.txt` },
    ],
  };
}
