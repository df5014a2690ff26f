"""Reads feeds with Python's feedparser (Debian python3-feedparser) and prints what a reader sees, as JSON."""
import html
import json
import sys

import feedparser

def shown(entry):
    """The title as a reader displays it: HTML titles (Atom type="html") are rendered, so unescaped."""
    title = entry.get("title")
    detail = entry.get("title_detail") or {}
    return html.unescape(title) if title is not None and detail.get("type") == "text/html" else title


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
        "link": d.feed.get("link"),
        "entries": [
            {
                "title": shown(e),
                "link": e.get("link"),
                "id": e.get("id"),
                "published": e.get("published"),
                "updated": e.get("updated"),
                "has_content": bool(e.get("content") or e.get("summary")),
                "tags": [t.get("label") or t.get("term") for t in e.get("tags", [])],
            }
            for e in d.entries
        ],
    })
json.dump(out, sys.stdout, ensure_ascii=False)
