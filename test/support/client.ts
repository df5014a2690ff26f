/** What a feed reader does with a response: fetch it, check it is well-formed, parse it. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { exports } from 'cloudflare:workers';
import { createApp } from '../../src/app';
import { Library } from '../../src/content/library';
import type { CompiledContent } from '../../src/content/model';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name, jpath) =>
    ['item', 'entry', 'category', 'atom:link'].includes(name) || (name === 'link' && String(jpath).startsWith('feed')),
});

/** Parses XML after asserting it is well-formed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed feeds are free-form trees
export function parseXml(text: string): any {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(text);
}

/** Requests the deployed Worker (the repository's compiled content). */
export function request(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, 'http://feeds.test'), init));
}

/** A Worker over synthetic content, with optional wrangler vars. */
export function appWith(content: CompiledContent, vars: Record<string, string> = {}) {
  const app = createApp(new Library(content));
  const env = { SITE_URL: '', FEED_ITEMS: '20', ...vars } as unknown as Env;
  return (path: string, init?: RequestInit) =>
    Promise.resolve(app.fetch(new Request(new URL(path, 'http://feeds.test'), init), env));
}
