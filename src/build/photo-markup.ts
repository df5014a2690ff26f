/**
 * The HTML of a picture beside an article, for each place it goes: pages get a <picture> (WebP with a JPEG/PNG
 * fallback, srcset and sizes, width and height so nothing shifts, lazy below the fold); feeds get one plain <img>
 * with an absolute URL that every reader shows. Build time only.
 */
import { escapeXml } from '../feeds/xml';
import { feedVariant, type Photo } from './photos';

/** Where a picture sits on a page, which decides how wide it is drawn: a gallery's width depends on how many it holds. */
export type PhotoPlace = 'lead' | 'body' | { gallery: number };

// The text column is 46rem less 2.5rem of padding (43.5rem), the viewport less the padding below that. A gallery's
// grid (src/pages/style.ts) has tracks of at least 13rem and .5rem gaps, its empty tracks collapsed: one picture
// across below a 26.5rem column (a 29rem viewport), two up to 40rem (42.5rem), three from there.
const COLUMN = '(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)';
const ONE_OR_TWO = '(min-width: 29rem) calc(50vw - 1.5rem), calc(100vw - 2.5rem)';

/** The `sizes` of a picture in `place`: how wide the page draws it at each viewport width. */
export function pictureSizes(place: PhotoPlace): string {
  if (typeof place === 'string') return COLUMN;
  if (place.gallery <= 2) return `(min-width: 46rem) 21.5rem, ${ONE_OR_TWO}`;
  return `(min-width: 46rem) 14.2rem, (min-width: 42.5rem) calc(33.3vw - 1.2rem), ${ONE_OR_TWO}`;
}

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** A picture on a page: the lead image is loaded at once, the others when they come near the screen. */
export function pagePicture(photo: Photo, alt: string, place: PhotoPlace): string {
  const main = feedVariant(photo);
  const srcset = (key: 'webp' | 'fallback') => photo.variants.map((v) => `${v[key]} ${v.width}w`).join(', ');
  const sizes = pictureSizes(place);
  return [
    `<picture><source${attrs({ type: 'image/webp', srcset: srcset('webp'), sizes })}>`,
    `<img${attrs({ src: main.fallback, srcset: srcset('fallback'), sizes, width: main.width, height: main.height, alt })}`,
    `${attrs(place === 'lead' ? { decoding: 'async', fetchpriority: 'high' } : { loading: 'lazy', decoding: 'async' })}></picture>`,
  ].join('');
}

/** A picture in a feed: one JPEG (or PNG) under the site's origin, with its size. */
export function feedPicture(photo: Photo, alt: string, origin: string): string {
  const v = feedVariant(photo);
  return `<img${attrs({ src: origin + v.fallback, width: v.width, height: v.height, alt })}>`;
}
