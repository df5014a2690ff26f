/** Well-formedness check and parsing of XML documents, as a reader would see them. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name, jpath) =>
    ['item', 'entry', 'category', 'atom:link'].includes(name) || (name === 'link' && String(jpath).startsWith('feed')),
});

/** A parsed feed: a free-form tree that tests walk as a reader would. */
// biome-ignore lint/suspicious/noExplicitAny: parsed feeds are free-form trees; tests assert on their shape.
export type Parsed = any;

/** Parses XML after asserting it is well-formed. */
export function parseXml(text: string): Parsed {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(text);
}
