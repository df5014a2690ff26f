/** The URLs authors write (front matter, links and images in bodies): what readers can follow. */

// An address written without its scheme: cie.hit.edu.cn/a.jpg, www.example.com.
const NO_SCHEME_HOST = /^(www\.|[a-z0-9-]+\.(com|cn|org|edu|net)\b)/i;

// Characters a URI may hold as they are (RFC 3986); anything else must be percent-encoded.
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * What is wrong with `url` as an absolute link or image address, or undefined when nothing is.
 * Non-ASCII letters (a Chinese page name) are fine: `normalizeUrl` percent-encodes them.
 */
export function urlProblem(url: string, kind: 'link' | 'image'): string | undefined {
  const shown = `"${url.length > 80 ? `${url.slice(0, 77)}...` : url}"`;
  if (/\s/.test(url.trim())) return `${shown} contains a space; a URL has none (write %20 if the address really has one)`;
  if (/["<>\\`]/.test(url)) return `${shown} contains a quote mark, "<", ">" or "\\"; a URL has none (percent-encode them)`;
  if (NO_SCHEME_HOST.test(url)) return `${shown} has no scheme; write it in full: https://${url}`;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return `${shown} is not absolute; feeds are read off-site, so write the full address, e.g. https://cie.hit.edu.cn/...`;
  }
  if (!URL.canParse(url)) return `${shown} is not a valid URL`;
  const { protocol, hostname } = new URL(url);
  if (kind === 'image') {
    if (protocol === 'http:') {
      return `${shown} uses http:, which readers and pages on https block; use https://${url.slice('http://'.length)}`;
    }
    if (protocol !== 'https:') return `${shown} is not an https:// address; upload the picture and link it with https://`;
  } else if (!['http:', 'https:', 'mailto:'].includes(protocol)) {
    return `${shown} uses ${protocol}; links must be https://, http:// or mailto:`;
  }
  if (protocol !== 'mailto:' && hostname === '') return `${shown} has no host name`;
  return undefined;
}

/** The URL as readers and validators need it: IDN hosts in punycode, other non-ASCII percent-encoded. */
export function normalizeUrl(url: string): string {
  const trimmed = url.trim();
  if (URI_CHARS.test(trimmed)) return trimmed;
  const href = new URL(trimmed).href;
  return URI_CHARS.test(href) ? href : encodeURI(href);
}

/** Whether `src` names a file beside the article (photo.jpg, ./photos/a.jpg) rather than a web address. */
export function isLocalPath(src: string): boolean {
  const value = src.trim();
  return value !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(value) && !value.startsWith('/') && !NO_SCHEME_HOST.test(value);
}
