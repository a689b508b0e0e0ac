"""RSS and Atom files (feedparser): each entry that carries content is one document named by its link."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import feedparser

from sitrep.records import RawDocument, Rejected


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(path: Path, data: bytes) -> Iterator[RawDocument | Rejected]:
    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Rejected(str(path), "malformed", f"not a readable RSS/Atom feed: {feed.bozo_exception}")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, 1):
        body = (entry.get("content") or [{}])[0].get("value") or entry.get("summary")
        name = entry.get("link") or entry.get("id") or f"{path.stem}#{number}"
        if not (body or "").strip() and not (entry.get("title") or "").strip():
            yield Rejected(f"{path}#{number}", "empty", f"feed entry {number} ({name}) has no content or title",
                           name=name)
            continue
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        yield RawDocument(name=name, source=f"{path}#{number}", html=body if (body or "").strip() else None,
                          url=entry.get("link"), outlet=outlet, title=entry.get("title"), published=time.strftime("%Y-%m-%d", parsed) if parsed else None)
