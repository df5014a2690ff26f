/**
 * What the bench holds the Worker to, written from what ours answers (the same bytes and the same response headers,
 * precomputed; a matching If-None-Match gets the same 304). Response inits are made once, headers as a `Headers`
 * (what ours does too): the cheapest way workerd knows.
 * - **The limit** (issue #24's): one Worker for every target, its answers in a `Map` keyed by the request's pathname
 *   (`new URL(request.url).pathname`), a 404 for any other path. The least a Worker serving more than one URL does:
 *   read the URL, look up, compare, answer. The targets are judged against it.
 * - **The floor**: a Worker for one URL that reads neither the URL nor anything but If-None-Match. No Worker that
 *   serves a site can be this cheap; the bench shows it beside the limit, for what workerd itself costs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Module } from './workerd';

/** Headers that the runtime writes per connection or per response, not the Worker. */
const RUNTIME_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
const workerHeaders = (h: Headers) => [...h].filter(([k]) => !RUNTIME_HEADERS.has(k)) as [string, string][];

/** One URL as ours answers it: the 200's body and headers, and the 304's headers for its ETag. */
interface Answer {
  path: string;
  body: string;
  etag: string;
  ok: [string, string][];
  notModified: [string, string][];
}

async function answerOf(origin: string, path: string): Promise<Answer> {
  const res = await fetch(origin + path);
  const body = await res.text();
  const etag = res.headers.get('etag') ?? '';
  const notModified = await fetch(origin + path, { headers: { 'if-none-match': etag } });
  if (res.status !== 200 || notModified.status !== 304) throw new Error(`${path}: ${res.status}, ${notModified.status}`);
  return { path, body, etag, ok: workerHeaders(res.headers), notModified: workerHeaders(notModified.headers) };
}

/** The module text of one answer's representation, its body imported from `textModule`. */
const representation = (a: Answer, textModule: string) =>
  `{ etag: ${JSON.stringify(a.etag)}, body: encoder.encode(${textModule}), ok: { status: 200, headers: new Headers(${JSON.stringify(a.ok)}) }, notModified: { status: 304, headers: new Headers(${JSON.stringify(a.notModified)}) } }`;

/**
 * Asks our Worker at `origin` for each of `paths` (200, then 304 with its ETag) and writes the limit Worker answering
 * all of them into `dir` (`<name>.js`, and `<name>-<i>.txt` for the bodies). Returns each path's ETag and the
 * modules to run it with.
 */
export async function writeLimit(
  origin: string,
  paths: string[],
  dir: string,
  name: string,
): Promise<{ etags: Map<string, string>; modules: Module[] }> {
  const answers: Answer[] = [];
  for (const path of paths) {
    const a = await answerOf(origin, path);
    writeFileSync(join(dir, `${name}-${answers.length}.txt`), a.body);
    answers.push(a);
  }
  writeFileSync(
    join(dir, `${name}.js`),
    `${answers.map((_, i) => `import body${i} from '${name}-${i}.txt';`).join('\n')}
const encoder = new TextEncoder();
const answers = new Map([
${answers.map((a, i) => `  [${JSON.stringify(a.path)}, ${representation(a, `body${i}`)}],`).join('\n')}
]);
export default {
  fetch(request) {
    const rep = answers.get(new URL(request.url).pathname);
    if (rep === undefined) return new Response('Not found', { status: 404 });
    if (request.headers.get('if-none-match') === rep.etag) return new Response(null, rep.notModified);
    return new Response(rep.body, rep.ok);
  },
};
`,
  );
  return {
    etags: new Map(answers.map((a) => [a.path, a.etag])),
    modules: [
      { name: `${name}.js`, kind: 'esModule', file: `${name}.js` },
      ...answers.map((_, i) => ({ name: `${name}-${i}.txt`, kind: 'text' as const, file: `${name}-${i}.txt` })),
    ],
  };
}

/**
 * Asks our Worker at `origin` for `path` and writes the floor Worker answering exactly that (whatever the URL) into
 * `dir` (`<name>.js`, `<name>.txt`). Returns the modules to run it with.
 */
export async function writeFloor(origin: string, path: string, dir: string, name: string): Promise<{ modules: Module[] }> {
  const a = await answerOf(origin, path);
  writeFileSync(join(dir, `${name}.txt`), a.body);
  writeFileSync(
    join(dir, `${name}.js`),
    `import text from '${name}.txt';
const encoder = new TextEncoder();
const rep = ${representation(a, 'text')};
export default {
  fetch(request) {
    if (request.headers.get('if-none-match') === rep.etag) return new Response(null, rep.notModified);
    return new Response(rep.body, rep.ok);
  },
};
`,
  );
  return {
    modules: [
      { name: `${name}.js`, kind: 'esModule', file: `${name}.js` },
      { name: `${name}.txt`, kind: 'text', file: `${name}.txt` },
    ],
  };
}
