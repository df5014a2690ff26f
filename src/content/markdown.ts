/** Markdown -> sanitised HTML for article bodies (build time only; never bundled into the Worker). */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, async: false });

// A scheme means absolute; sanitize-html drops the schemes it does not allow (javascript:, data:, ...).
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Renders one body; `onProblem` hears about links that readers outside the site could not follow. */
export function renderBody(markdown: string, onProblem: (message: string) => void): string {
  const raw = marked.parse(markdown) as string;
  const html = sanitizeHtml(raw, {
    allowedTags: [
      'p',
      'br',
      'hr',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'strong',
      'em',
      'b',
      'i',
      'code',
      'pre',
      'del',
      's',
      'sub',
      'sup',
      'abbr',
      'img',
      'figure',
      'figcaption',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    allowedAttributes: {
      a: ['href', 'title', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      abbr: ['title'],
      ol: ['start'],
      th: ['colspan', 'rowspan'],
      td: ['colspan', 'rowspan'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['https'] },
    allowProtocolRelative: false,
    // The page has the h1; a "# heading" in a body becomes h2.
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = attribs.href;
        if (href !== undefined && !HAS_SCHEME.test(href.trim())) {
          onProblem(`link "${href}" is not absolute; feeds are read off-site, so use a full https:// URL`);
          const { href: _dropped, ...rest } = attribs;
          return { tagName, attribs: rest };
        }
        return { tagName, attribs };
      },
      img: (tagName, attribs) => {
        const src = attribs.src;
        if (src !== undefined && !HAS_SCHEME.test(src.trim())) {
          onProblem(`image "${src}" is not an absolute https:// URL`);
        }
        return { tagName, attribs };
      },
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !/^https:\/\//i.test(frame.attribs.src ?? ''),
  });
  // sanitize-html escapes ">" in text already; this guards the CDATA sections feeds wrap bodies in.
  return html.replaceAll(']]>', ']]&gt;').trim();
}
