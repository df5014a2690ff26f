/** The pictures saved beside the articles, as the compiler meets them: found by name, and those no article uses. */
import { type Photo, type PhotoIndex, PICTURE_FILE } from './photos';
import type { Problem, SourceFile } from './source';

/** The pictures beside the articles: found by the name an article writes, and which of them no article uses. */
export class PictureShelf {
  private readonly paths: Set<string>;
  private readonly used = new Set<string>();

  constructor(
    files: SourceFile[],
    private readonly photos: PhotoIndex | undefined,
    private readonly prefix: string,
  ) {
    this.paths = new Set(files.map((f) => f.path).filter((p) => p.startsWith('articles/') && PICTURE_FILE.test(p)));
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** What `find` answers for `name` in `dir`, without counting the picture as used. */
  peek(dir: string, name: string): Photo | { error: string } {
    return this.lookup(dir, name).photo;
  }

  /** The picture `name` in the article folder `dir`, or what is wrong (said after the name, as in "photo.jpg" ...). */
  find(dir: string, name: string): Photo | { error: string } {
    const { path, photo } = this.lookup(dir, name);
    if (path) this.used.add(path);
    return photo;
  }

  private lookup(dir: string, name: string): { path?: string; photo: Photo | { error: string } } {
    let relative = name.trim().replace(/^\.\//, '');
    try {
      relative = decodeURI(relative);
    } catch {}
    if (relative.split('/').includes('..'))
      return { photo: { error: "is outside the article's folder; save the picture beside the article" } };
    const path = `${dir}/${relative}`;
    if (!this.paths.has(path)) {
      const here = [...this.paths].filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1));
      const near = here.find((p) => p.toLowerCase() === relative.toLowerCase());
      if (near) return { photo: { error: `is not beside the article; the file is named "${near}" (names are case-sensitive)` } };
      const list = here.length > 0 ? `the pictures there: ${here.join(', ')}` : 'there is no picture there';
      return { photo: { error: `is not beside the article (in ${this.prefix}${dir}/); ${list}` } };
    }
    return { path, photo: this.photos?.get(path) ?? { error: 'has not been processed; run npm run build (it prepares the pictures)' } };
  }

  /** Pictures no article uses, as warnings: they would be uploaded for nothing, or a reference has a typo. */
  unused(): Problem[] {
    return [...this.paths]
      .filter((p) => !this.used.has(p))
      .map((p) => ({
        file: `${this.prefix}${p}`,
        message: 'is used by no article (neither "image:" nor ![...](...) names it); reference it, or delete it',
      }));
  }
}
