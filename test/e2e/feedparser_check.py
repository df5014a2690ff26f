"""Reads feeds with Python's feedparser (Debian python3-feedparser) and prints what a reader stores, as JSON."""
import calendar
import html
import json
import sys

import feedparser


def shown(detail, value):
    """Text as a reader displays it: HTML (RSS titles that look like markup, Atom type="html") is rendered."""
    if value is None:
        return None
    return html.unescape(value) if (detail or {}).get("type") == "text/html" else value


out = []
for url in sys.argv[1:]:
    d = feedparser.parse(url)
    out.append({
        "url": url,
        "status": d.get("status"),
        "bozo": d.bozo,
        "bozo_exception": repr(d.get("bozo_exception")) if d.bozo else None,
        "version": d.version,
        "title": d.feed.get("title"),
        "language": d.feed.get("language"),
        "entries": [
            {
                "title": shown(e.get("title_detail"), e.get("title")),
                "link": e.get("link"),
                "id": e.get("id"),
                "published_ms": calendar.timegm(e.published_parsed) * 1000 if e.get("published_parsed") else None,
                "author": e.get("author"),
                "tags": [t.get("term") for t in e.get("tags", [])],
                "related": [l.get("href") for l in e.get("links", []) if l.get("rel") == "related" and l.get("hreflang")],
                "content": (e.get("content") or [{}])[0].get("value") or e.get("summary") or "",
            }
            for e in d.entries
        ],
    })
json.dump(out, sys.stdout, ensure_ascii=False)
