"""Ingest on inputs written here: every format, and every kind of bad input becomes a Rejected record."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.ingest import discover, read_inputs
from sitrep.records import RawDocument, Rejected

ARTICLE = "Gunmen killed four villagers in an attack on Sunday, police said.\n\nThe attack took place at night."
LIMIT = 1_000_000


def _read(*paths: Path) -> list:
    return list(read_inputs(discover(list(paths)), LIMIT))


def test_text_file_with_leading_date_line(tmp_path: Path) -> None:
    (tmp_path / "a1.txt").write_text(" date 2021-05-02 KABUL (Wire) — " + ARTICLE, encoding="utf-8")
    [doc] = _read(tmp_path)
    assert isinstance(doc, RawDocument)
    assert doc.name == "a1" and doc.published == "2021-05-02"
    assert doc.text.startswith("KABUL (Wire)") and "date" not in doc.text[:10]


def test_jsonl_bad_line_is_rejected_alone(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "x1", "text": ARTICLE, "published": "2020-01-02T10:00:00Z"}),
             '{"id": "x2", "text": "unterminated',
             json.dumps({"id": "x3", "url": "https://x.example/3"}),
             json.dumps({"id": "x4", "html": "<html><body><p>" + ARTICLE + "</p></body></html>"})]
    (tmp_path / "batch.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = _read(tmp_path / "batch.jsonl")
    assert [type(i).__name__ for i in items] == ["RawDocument", "Rejected", "Rejected", "RawDocument"]
    assert items[0].published == "2020-01-02"
    assert items[1].source.endswith(":2") and items[1].reason == "malformed" and "line 2" in items[1].detail
    assert items[3].html and items[3].name == "x4"
    assert "no `text`, `html` or `title`" in items[2].detail


def test_jsonl_record_with_only_a_title_is_read(tmp_path: Path) -> None:
    (tmp_path / "titles.jsonl").write_text(json.dumps({"id": "t1", "title": "Two shot outside bar", "text": ""}),
                                           encoding="utf-8")
    [item] = _read(tmp_path / "titles.jsonl")
    assert isinstance(item, RawDocument) and item.text is None and item.html is None
    assert item.title == "Two shot outside bar"


def test_bad_files_are_quarantined_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 bombing kills 3".encode("latin-1"))
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    items = {Path(i.source).name: i for i in _read(tmp_path)}
    reasons = {name: i.reason for name, i in items.items() if isinstance(i, Rejected)}
    assert reasons == {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary",
                       "latin1.txt": "encoding", "big.txt": "too_large", "image.png": "unsupported"}
    assert isinstance(items["ok.txt"], RawDocument)
    assert "iconv" in items["latin1.txt"].detail


def _warc(path: Path, pages: list[tuple[str, bytes]], truncate: int = 0) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(html),
                                                      http_headers=headers))
    data = buffer.getvalue()
    path.write_bytes(data[:-truncate] if truncate else data)


def test_warc_records_and_a_truncated_tail(tmp_path: Path) -> None:
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    _warc(tmp_path / "crawl.warc.gz", [("https://news.example/a", page), ("https://news.example/b", page)])
    _warc(tmp_path / "broken.warc.gz", [("https://news.example/c", page)] * 2, truncate=40)
    items = _read(tmp_path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert {d.name for d in docs if "crawl" in d.source} == {"https://news.example/a", "https://news.example/b"}
    assert [d.name for d in docs if "broken" in d.source] == ["https://news.example/c"]
    [cut] = [i for i in items if isinstance(i, Rejected)]
    assert "broken" in cut.source and cut.reason == "unreadable" and "truncated" in cut.detail


def test_rss_feed_entries(tmp_path: Path) -> None:
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Daily Wire</title>
    <item><title>Attack</title><link>https://daily.example/1</link><pubDate>Mon, 06 Sep 2021 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description></item>
    <item><link>https://daily.example/2</link></item>
    <item><title>Gunmen kill four at checkpoint</title><link>https://daily.example/3</link></item></channel></rss>"""
    (tmp_path / "news.rss").write_text(feed, encoding="utf-8")
    items = _read(tmp_path)
    assert isinstance(items[0], RawDocument) and items[0].name == "https://daily.example/1"
    assert items[0].published == "2021-09-06" and items[0].outlet == "Daily Wire"
    assert isinstance(items[1], Rejected) and items[1].reason == "empty"
    assert isinstance(items[2], RawDocument) and items[2].html is None   # a headline-only item is read


def test_gzip_that_is_not_warc_is_unsupported(tmp_path: Path) -> None:
    (tmp_path / "notes.txt.gz").write_bytes(gzip.compress(b"hello"))
    [item] = _read(tmp_path)
    assert isinstance(item, Rejected) and item.reason == "unsupported"
