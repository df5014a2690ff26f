/**
 * The one way feeds write XML: elements as xml-js takes them (the serialiser `feed` itself uses), built
 * only through the helpers here, and one escaper for markup written as strings (pages, sitemaps, OPML).
 */
import { js2xml } from 'xml-js';

/** RFC 5005 Feed History (<fh:archive/>). */
export const FH_NS = 'http://purl.org/syndication/history/1.0';
/** Media RSS: the picture readers show as an item's thumbnail. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

const MARKUP: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for XML/HTML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => MARKUP[c] as string);
}

/** Escapes plain text so that it reads the same when a field is declared to hold HTML. */
export const escapeHtml = escapeXml;

/**
 * Plain text that readers cannot mistake for markup. Some clients decode HTML in titles even where
 * the format says text (feedparser in RSS, @extractus/feed-extractor in both), others never do: no
 * escaping reads the same in both for a title that says "&lt;" or "<b>". A WORD JOINER (U+2060,
 * invisible, no width) after "&" or "<" where they start something entity- or tag-like keeps every
 * client showing the same characters, and keeps the W3C validator from seeing HTML in text. The same
 * joiner inside "]]>" lets the text sit in a CDATA section whole (xml-js splits only the first "]]>").
 */
export function plainText(text: string): string {
  return text
    .replace(/&(?=#?[A-Za-z0-9]+;?)/g, '&\u2060')
    .replace(/<(?=[/!?A-Za-z])/g, '<\u2060')
    .replaceAll(']]>', ']]\u2060>');
}

/**
 * Text as xml-js must be given it: it turns every "&amp;" back into "&" before escaping (to avoid
 * double escaping), which would change a text that really says "&amp;"; this undoes that in advance.
 */
export function xmlJsText(text: string): string {
  return plainText(text).replaceAll('&amp;', '&amp;amp;');
}

/** An element's text for xml-js. */
export function xmlText(text: string): { _text: string } {
  return { _text: xmlJsText(text) };
}

/** Attributes for xml-js, which escapes only '"' in values: the rest is escaped here. */
export function xmlAttributes(attributes: Record<string, string | undefined>): { _attributes: Record<string, string> } {
  const defined = Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined);
  return { _attributes: Object.fromEntries(defined.map(([k, v]) => [k, v.replace(/[&<>]/g, (c) => MARKUP[c] as string)])) };
}

/** An element for xml-js: attributes, text and child elements. */
export type XmlElement = { [name: string]: unknown };

/**
 * Sibling elements of one name: xml-js writes an array as repeated elements. `feed`'s extensions take a record
 * (`objects: Record<string, unknown>`), which an array is not to TypeScript; this type is both, so the one place
 * that hands `feed` repeated elements needs no cast.
 */
export interface RepeatedElements extends Array<XmlElement> {
  [name: string]: unknown;
}

/** `elements` as repeated siblings of one name. */
export function repeated(elements: XmlElement[]): RepeatedElements {
  return elements as RepeatedElements;
}

/** Serialises a document element (with the XML declaration) the way `feed` does: xml-js, compact, 4 spaces. */
export function serialiseXml(root: Record<string, XmlElement>): string {
  return js2xml({ _declaration: xmlAttributes({ version: '1.0', encoding: 'utf-8' }), ...root }, { compact: true, spaces: 4 });
}
