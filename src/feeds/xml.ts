/** What RSS and Atom share: namespaces, and text and attributes as xml-js (inside `feed`) must be given them. */

/** RFC 5005 Feed History (<fh:archive/>). */
export const FH_NS = 'http://purl.org/syndication/history/1.0';
/** Media RSS: the picture readers show as an item's thumbnail. */
export const MEDIA_NS = 'http://search.yahoo.com/mrss/';
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Escapes text for XML/HTML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Escapes plain text so that it reads the same when a field is declared to hold HTML. */
export const escapeHtml = escapeXml;

/**
 * Plain text that readers cannot mistake for markup. Some clients decode HTML in titles even where
 * the format says text (feedparser in RSS, @extractus/feed-extractor in both), others never do: no
 * escaping reads the same in both for a title that says "&lt;" or "<b>". A WORD JOINER (U+2060,
 * invisible, no width) after "&" or "<" where they start something entity- or tag-like keeps every
 * client showing the same characters, and keeps the W3C validator from seeing HTML in text.
 */
export function plainText(text: string): string {
  return text.replace(/&(?=#?[A-Za-z0-9]+;?)/g, '&\u2060').replace(/<(?=[/!?A-Za-z])/g, '<\u2060');
}

/**
 * An element's text for xml-js: it turns every "&amp;" back into "&" before escaping (to avoid
 * double escaping), which would change a text that really says "&amp;"; this undoes that in advance.
 */
export function xmlText(text: string): { _text: string } {
  return { _text: plainText(text).replaceAll('&amp;', '&amp;amp;') };
}

/** Attributes for xml-js, which escapes only '"' in values: the rest is escaped here. */
export function xmlAttributes(attributes: Record<string, string | undefined>): { _attributes: Record<string, string> } {
  const defined = Object.entries(attributes).filter((e): e is [string, string] => e[1] !== undefined);
  return {
    _attributes: Object.fromEntries(defined.map(([k, v]) => [k, v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')])),
  };
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
