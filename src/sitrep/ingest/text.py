"""Plain-text and HTML files: one document per file, named by the file's stem."""
from __future__ import annotations

import re
from pathlib import Path

from sitrep.ingest.guard import decode_utf8
from sitrep.records import RawDocument

# A leading metadata line such as "date 2022-02-03" (or "published: 2022-02-03") states the publication
# date; it is metadata, not text, and the rest of that line is text.
_LEADING_DATE = re.compile(r"\A\s*(?:date|published|pubdate)\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*", re.I)


def read_text(path: Path, data: bytes) -> RawDocument:
    text = decode_utf8(data)
    published = None
    match = _LEADING_DATE.match(text)
    if match:
        published = match.group(1)
        text = text[match.end():]
    return RawDocument(name=path.stem, source=str(path), text=text, published=published)


def read_html(path: Path, data: bytes) -> RawDocument:
    # trafilatura decodes bytes itself, honouring the page's declared charset
    return RawDocument(name=path.stem, source=str(path), html=data)
