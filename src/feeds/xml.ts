/** Small XML helpers for the parts of RSS and Atom that the `feed` package cannot write. */
/** Escapes text for XML/HTML element content and double-quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Namespace of our one extension element, <hit:translationGroup>. */
export const HIT_NS = 'tag:cie.hit.edu.cn,2025:syndication';
/** RFC 5005 Feed History namespace (<fh:archive/>). */
export const FH_NS = 'http://purl.org/syndication/history/1.0';

/** Escapes plain text so that it reads the same when a field is declared to hold HTML. */
export const escapeHtml = escapeXml;

/** `<name a="v" .../>` with every value escaped; undefined values are left out. */
export function emptyElement(name: string, attributes: Record<string, string | undefined>): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v as string)}"`)
    .join('');
  return `<${name}${attrs}/>`;
}

/**
 * Replaces each placeholder exactly once, failing loudly if the `feed` package's output
 * ever stops containing it, so that a library upgrade cannot silently drop our elements.
 */
export function replaceOnce(xml: string, placeholder: string, replacement: string): string {
  const at = xml.indexOf(placeholder);
  if (at < 0 || xml.indexOf(placeholder, at + placeholder.length) >= 0) {
    throw new Error(`feed output no longer has exactly one "${placeholder}"`);
  }
  return xml.slice(0, at) + replacement + xml.slice(at + placeholder.length);
}
