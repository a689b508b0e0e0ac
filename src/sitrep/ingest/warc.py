"""WARC / WARC.gz crawls (warcio): each HTML response record is one document named by its target URI."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from sitrep.records import RawDocument, Rejected


def read_warc(path: Path, max_record_bytes: int) -> Iterator[RawDocument | Rejected]:
    """Stream the file (crawls are larger than any single-document limit); each record is size-checked."""
    try:
        with path.open("rb") as stream:
            yield from _records(path, stream, max_record_bytes)
    except OSError as exc:
        yield Rejected(str(path), "unreadable", f"cannot read {path}: {exc.strerror}")


def _records(path: Path, stream: BinaryIO, max_record_bytes: int) -> Iterator[RawDocument | Rejected]:
    number = 0
    size = path.stat().st_size
    try:
        records = ArchiveIterator(stream)
        for record in records:
            number += 1
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path.name}#{number}"
            content_type = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if "html" not in content_type.lower():
                continue
            source = f"{path}#{number}"
            try:
                body = record.content_stream().read(max_record_bytes + 1)
            except Exception as exc:  # warcio raises plain exceptions on truncated or bad chunked bodies
                yield Rejected(source, "unreadable", f"WARC record {number} ({uri}) cannot be read: {exc}", name=uri)
                continue
            if getattr(record.raw_stream, "limit", 0) > 0 and len(body) <= max_record_bytes:
                yield Rejected(source, "unreadable", f"WARC record {number} ({uri}) is truncated", name=uri)
                continue
            if len(body) > max_record_bytes:
                yield Rejected(source, "too_large", f"WARC record {number} ({uri}) is over {max_record_bytes:,} bytes",
                               name=uri)
                continue
            if not body.strip():
                yield Rejected(source, "empty", f"WARC record {number} ({uri}) has an empty body", name=uri)
                continue
            yield RawDocument(name=uri, source=source, html=body, url=uri)
        if records.offset < size:   # warcio stops quietly at a cut-off gzip member
            yield Rejected(f"{path}#{number + 1}", "unreadable",
                           f"the file ends in the middle of record {number + 1} (bytes {records.offset}-{size})")
    except (ArchiveLoadFailed, ValueError, OSError, EOFError) as exc:
        yield Rejected(f"{path}#{number + 1}", "unreadable",
                       f"WARC record {number + 1} and the rest of the file cannot be read: {exc}")
