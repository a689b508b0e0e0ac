"""Ingest: the only stage that reads the outside world. Paths in, RawDocument or Rejected records out.

Formats by file ending: .txt, .html/.htm, .jsonl, .warc/.warc.gz, .rss/.atom/.xml (feeds).
Nothing here raises for a bad input: it becomes a Rejected record and the batch goes on.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from sitrep.errors import InputRejected, UsageError
from sitrep.ingest.feeds import looks_like_feed, read_feed
from sitrep.ingest.guard import read_bytes
from sitrep.ingest.jsonl import read_jsonl
from sitrep.ingest.text import read_html, read_text
from sitrep.ingest.warc import read_warc
from sitrep.records import RawDocument, Rejected

FORMATS = {".txt": "text", ".text": "text", ".md": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl",
           ".ndjson": "jsonl", ".warc": "warc", ".gz": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed"}


def input_format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz") and not name.endswith((".warc.gz", ".arc.gz")):
        return None
    return FORMATS.get(path.suffix.lower())


def discover(paths: Iterable[Path]) -> list[Path]:
    """Files to read, in a stable order: folders are walked recursively, hidden files skipped."""
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise UsageError(f"{path} does not exist")
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            found.append(path)
    return found


def read_inputs(files: Iterable[Path], max_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Every document in `files` (several for JSONL, WARC and feeds), or a Rejected record per bad input."""
    for path in files:
        kind = input_format(path)
        if kind is None:
            yield Rejected(str(path), "unsupported",
                           f"unknown file type {path.suffix or '(none)'}; sitrep reads .txt .html .jsonl .warc(.gz) "
                           ".rss .atom")
            continue
        if kind == "warc":
            yield from read_warc(path, max_bytes)
            continue
        try:
            data = read_bytes(path, max_bytes)
            if kind == "text":
                yield read_text(path, data)
            elif kind == "html":
                yield read_html(path, data)
            elif kind == "jsonl":
                yield from read_jsonl(path, data)
            elif looks_like_feed(data):
                yield from read_feed(path, data)
            else:
                yield Rejected(str(path), "unsupported", "an .xml file that is not an RSS or Atom feed")
        except InputRejected as exc:
            yield Rejected(str(path), exc.reason, exc.detail, name=path.stem)
