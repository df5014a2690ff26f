/** What a feed reader does with a response: fetch it, check it is well-formed, parse it. */
import { exports } from 'cloudflare:workers';
import { type AppOptions, createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import type { CompiledContent } from '../../src/content/model';
import { testEnv } from './env';

export { parseXml } from './xml';

/** Requests the Worker under test (over the fixture content in test/fixtures/content). */
export function request(path: string, init?: RequestInit): Promise<Response> {
  // Concatenated, not new URL(path, base): a path such as "//x" must stay a path.
  return exports.default.fetch(new Request(`http://feeds.test${path}`, init));
}

/** A Worker over synthetic content, with optional wrangler vars and app options (a clock, a hub stand-in). */
export function appWith(content: CompiledContent, vars: Record<string, string> = {}, options: AppOptions = {}) {
  const app = createApp(Library.of(content), {}, options);
  const env = testEnv({ SITE_URL: '', FEED_ITEMS: '20', ...vars });
  return (path: string, init?: RequestInit) => Promise.resolve(app.fetch(new Request(`http://feeds.test${path}`, init), env));
}
