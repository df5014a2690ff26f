/**
 * The articles an earlier build compiled, kept in dist/cache/ (one file per content folder) so that a rebuild compiles
 * only the files that changed: at 10,000 articles the Markdown, sanitising and checks of 20,000 files are most of a
 * build. Made invalid as a whole by any change to the compiler's code or dependencies; an article whose file is gone
 * leaves the cache at the next build (a withdrawn text is not kept here either).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { ArticleCache, CachedArticle } from '../src/build/compile';

/** What the compiled articles depend on besides their files: the code under src/ and the locked dependencies. */
function compilerVersion(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(path);
      } else hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  walk(join(root, 'src'));
  const lock = join(root, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

interface Stored {
  version: string;
  articles: Record<string, { key: string; article: CachedArticle }>;
}

/** The cache of one content folder, read at the start of a build and written at its end. */
export class FileArticleCache implements ArticleCache {
  private readonly seen = new Set<string>();
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly stored: Stored,
  ) {}

  /** The cache for `contentDir` (project code from `root`), empty when absent, unreadable or made by other code. */
  static open(contentDir: string, root: string, cacheDir = 'dist/cache'): FileArticleCache {
    const file = resolve(cacheDir, `articles-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}.json`);
    const version = compilerVersion(root);
    let stored: Stored = { version, articles: {} };
    if (existsSync(file) && statSync(file).size > 0) {
      try {
        const read = JSON.parse(readFileSync(file, 'utf8')) as Stored;
        if (read.version === version) stored = read;
      } catch {
        // A torn write or a hand edit: start afresh.
      }
    }
    return new FileArticleCache(file, stored);
  }

  /** Starts a build (npm start's watcher keeps one cache for many): what it meets decides what is kept. */
  begin(): this {
    this.seen.clear();
    this.hits = 0;
    this.misses = 0;
    return this;
  }

  get(path: string, key: string, fresh: (article: CachedArticle) => boolean = () => true): CachedArticle | undefined {
    this.seen.add(path);
    const entry = this.stored.articles[path];
    if (entry?.key !== key || !fresh(entry.article)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // A copy: the build adds to its articles (cards), which must not leak into what the next build reuses.
    return structuredClone(entry.article);
  }

  set(path: string, key: string, article: CachedArticle): void {
    this.seen.add(path);
    this.stored.articles[path] = { key, article: structuredClone(article) };
    this.changed = true;
  }

  /** Writes the cache, without the articles this build did not meet (deleted or withdrawn files). */
  save(): void {
    for (const path of Object.keys(this.stored.articles)) {
      if (!this.seen.has(path)) {
        delete this.stored.articles[path];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    mkdirSync(dirname(this.file), { recursive: true });
    // Written beside and renamed: a build stopped halfway never leaves half a cache.
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.stored));
    renameSync(`${this.file}.tmp`, this.file);
    this.changed = false;
  }
}
