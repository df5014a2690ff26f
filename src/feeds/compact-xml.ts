/**
 * xml-js's `js2xml` for the one form the feeds use (compact elements, comments ignored, an indent of spaces), written
 * for speed and byte for byte the same output: test/build/compact-xml.test.ts compares the two over every feed the
 * fixtures, a SYNTHETIC archive and the hostile articles make. The Worker's bundle takes it in xml-js's place
 * (wrangler.toml `alias`), so that `feed`'s RSS writer and the Atom writer (./xml.ts) run it; the build's pre-renders in
 * Node run xml-js itself. Why: xml-js built every element's string from arrays joined at each level and an indentation
 * string per element, 7 of the 12 ms of workerd CPU a first 100-item RSS view took (`PROFILE_FIRST=40 npm run
 * bench:profile -- /en/rss.xml`, docs/performance.md).
 */

/** The options `feed` and ./xml.ts pass: compact, comments ignored, `spaces` as a count or a string. */
interface Options {
  compact?: boolean;
  ignoreComment?: boolean;
  spaces?: number | string;
}

type Node = Record<string, unknown>;

/** Text as xml-js writes it: `&amp;` first taken back to `&` (xml-js's guard against double escaping), then escaped. */
function text(value: unknown): string {
  return String(value).replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attributes as xml-js writes them: each defined one, its `"` escaped (the rest is the caller's, ./xml.ts). */
function attributes(attrs: unknown): string {
  if (!attrs || typeof attrs !== 'object') return '';
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) out += ` ${name}="${String(value).replace(/"/g, '&quot;')}"`;
  }
  return out;
}

/** Whether an element has anything but attributes (xml-js's hasContentCompact with anyContent). */
function hasContent(element: Node): boolean {
  for (const key of Object.keys(element)) if (key !== '_attributes' && key !== '_parent') return true;
  return false;
}

/** Whether an element's closing tag goes on a line of its own: it holds an element (not only text or CDATA). */
function holdsElements(element: unknown): boolean {
  if (typeof element !== 'object' || element === null) return typeof element === 'string' && element !== '';
  for (const key of Object.keys(element)) {
    if (key !== '_attributes' && key !== '_parent' && key !== '_text' && key !== '_cdata' && key !== '_instruction') return true;
  }
  return false;
}

class Writer {
  readonly parts: string[] = [];
  constructor(private readonly spaces: string) {}

  private indentation(depth: number, firstLine: boolean): string {
    return (!firstLine && this.spaces ? '\n' : '') + this.spaces.repeat(depth);
  }

  elements(element: Node, depth: number, firstLine: boolean): void {
    let pushed = false;
    for (const key of Object.keys(element)) {
      const value = element[key];
      if (key === '_attributes' || key === '_parent') continue;
      if (key === '_doctype' || key === '_instruction') throw new Error(`compact-xml does not write ${key}`);
      const nodes = Array.isArray(value) ? value : [value];
      for (const node of nodes) {
        const first = firstLine && !pushed;
        if (key === '_declaration') this.parts.push(`<?xml${attributes((node as Node | undefined)?._attributes)}?>`);
        else if (key === '_text') this.parts.push(text(node));
        else if (key === '_cdata') this.parts.push(`<![CDATA[${String(node).replace(']]>', ']]]]><![CDATA[>')}]]>`);
        else if (key === '_comment') this.parts.push(this.indentation(depth, first));
        else {
          this.parts.push(this.indentation(depth, first));
          this.element(node, key, depth, holdsElements(node));
        }
        pushed = true;
      }
    }
  }

  private element(element: unknown, name: string, depth: number, indent: boolean): void {
    if (element === undefined || element === null || element === '') {
      this.parts.push(`<${name}/>`);
      return;
    }
    if (typeof element !== 'object') {
      this.parts.push(`<${name}>${text(element)}</${name}>`);
      return;
    }
    const node = element as Node;
    const attrs = node._attributes as Record<string, unknown> | undefined;
    this.parts.push(`<${name}${attributes(attrs)}`);
    if (!hasContent(node) && attrs?.['xml:space'] !== 'preserve') {
      this.parts.push('/>');
      return;
    }
    this.parts.push('>');
    this.elements(node, depth + 1, false);
    this.parts.push(`${indent ? this.indentation(depth, false) : ''}</${name}>`);
  }
}

/** Serialises a compact xml-js document; only what the feeds use (see Options). */
export function js2xml(js: Node, options: Options = {}): string {
  if (!options.compact) throw new Error('compact-xml writes compact documents only');
  const spaces = typeof options.spaces === 'number' ? ' '.repeat(options.spaces) : (options.spaces ?? '');
  const writer = new Writer(spaces);
  writer.elements(js, 0, true);
  return writer.parts.join('');
}
