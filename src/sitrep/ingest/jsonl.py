"""JSONL input records (export contract): one document per line; one bad line is rejected alone."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from sitrep.ingest.guard import decode_utf8
from sitrep.records import RawDocument, Rejected

_OPTIONAL = ("url", "published", "outlet", "title")


def read_jsonl(path: Path, data: bytes) -> Iterator[RawDocument | Rejected]:
    text = decode_utf8(data)
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        source = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(source, "malformed", f"line {number} is not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield Rejected(source, "malformed", f"line {number} is not a JSON object")
            continue
        body_text, body_html, title = record.get("text"), record.get("html"), record.get("title")
        if not any(isinstance(v, str) and v.strip() for v in (body_text, body_html, title)):
            yield Rejected(source, "malformed", f"line {number} has no `text`, `html` or `title`",
                           name=str(record.get("id")) if record.get("id") is not None else None)
            continue
        name = str(record["id"]) if record.get("id") is not None else f"{path.stem}:{number}"
        extras = {k: str(record[k]) if record.get(k) is not None else None for k in _OPTIONAL}
        published = extras["published"]
        published = published[:10] if published is not None and _is_iso_date(published) else None
        has_text = isinstance(body_text, str) and body_text.strip()
        html = body_html if isinstance(body_html, str) and body_html.strip() and not has_text else None
        yield RawDocument(name=name, source=source, text=body_text if has_text else None, html=html,
                          published=published, url=extras["url"], outlet=extras["outlet"], title=extras["title"])


def _is_iso_date(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit()
