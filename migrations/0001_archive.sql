-- The archive (docs/archive.md): bodies of older articles, kept out of the Worker's bundle.
-- key: a hash of what the body holds, so a deploy writes only rows it has not written before.
CREATE TABLE IF NOT EXISTS bodies (
  key TEXT PRIMARY KEY,
  html TEXT NOT NULL,
  -- The body for feeds, split where the site's origin goes (JSON array), when it holds pictures beside the article.
  feed_html TEXT
) WITHOUT ROWID;
