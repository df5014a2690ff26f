/**
 * The HTML of a picture beside an article, for each place it goes: pages get a <picture> (WebP with a JPEG/PNG
 * fallback, srcset and sizes, width and height so nothing shifts, lazy below the fold); feeds get one plain <img>
 * with an absolute URL that every reader shows. Build time only.
 */
import { escapeXml } from '../feeds/xml';
import { feedVariant, type Photo } from './photos';

/** Where a picture sits on a page, which decides how wide it is drawn. */
export type PhotoPlace = 'lead' | 'body' | 'gallery';

// The text column is 46rem less 2.5rem of padding; a gallery shows two or three across.
const SIZES: Record<PhotoPlace, string> = {
  lead: '(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)',
  body: '(min-width: 46rem) 43.5rem, calc(100vw - 2.5rem)',
  gallery: '(min-width: 46rem) 21rem, calc(50vw - 1.5rem)',
};

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

/** A picture on a page: the lead image is loaded at once, the others when they come near the screen. */
export function pagePicture(photo: Photo, alt: string, place: PhotoPlace): string {
  const main = feedVariant(photo);
  const srcset = (key: 'webp' | 'fallback') => photo.variants.map((v) => `${v[key]} ${v.width}w`).join(', ');
  const sizes = SIZES[place];
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
