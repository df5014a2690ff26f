/** Text clean-up shared by the content build: what XML 1.0 forbids and what can spoof text. */

// C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates: not allowed in XML 1.0 documents.
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Bidi embedding/override/isolate controls: zh and en never need them; they can reorder text shown to readers.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Removes characters that would make a feed malformed or reorder what readers see. */
export function cleanText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(BIDI_CONTROLS, '');
}

/** Applies cleanText to every string inside a parsed YAML value. */
export function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [cleanText(k), cleanStrings(v)]));
  }
  return value;
}
