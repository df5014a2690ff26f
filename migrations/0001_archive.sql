-- The archive (docs/archive.md): bodies of older articles, kept out of the Worker's bundle.
CREATE TABLE IF NOT EXISTS bodies (
  -- "<lang>/<slug>" of the article.
  key TEXT PRIMARY KEY,
  -- A hash of html and feed_html: `npm run deploy` rewrites only the rows whose hash changed.
  hash TEXT NOT NULL,
  html TEXT NOT NULL,
  -- The body for feeds, split where the site's origin goes (JSON array), when it holds pictures beside the article.
  feed_html TEXT
) WITHOUT ROWID;
