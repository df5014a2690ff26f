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

/** Parses XML after asserting it is well-formed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed feeds are free-form trees
export function parseXml(text: string): any {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new Error(`malformed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(text);
}
