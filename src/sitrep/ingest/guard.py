"""Read one input file's bytes safely: size limit, empty, binary and encoding checks.

Every failure is an InputRejected with a reason code and a sentence the user can act on; the
caller turns it into a quarantine row and goes on with the rest of the batch.
"""
from __future__ import annotations

from pathlib import Path

from sitrep.errors import InputRejected

_BINARY_SNIFF = 8192


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or InputRejected (unreadable, too_large, empty, binary)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputRejected("unreadable", f"cannot read {path}: {exc.strerror}") from exc
    if size > max_bytes:
        raise InputRejected("too_large", f"{size:,} bytes is over the limit of {max_bytes:,}; split the file or "
                                         "raise SITREP_MAX_INPUT_BYTES")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputRejected("unreadable", f"cannot read {path}: {exc.strerror}") from exc
    if not data.strip():
        raise InputRejected("empty", "the file is empty")
    if looks_binary(data):
        raise InputRejected("binary", "the file holds binary data, not text, HTML, JSONL, WARC or a feed")
    return data


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: not a text format we read."""
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def decode_utf8(data: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or InputRejected('encoding') naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRejected("encoding", f"not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                                        "convert it, e.g. `iconv -f WINDOWS-1252 -t UTF-8`") from exc
