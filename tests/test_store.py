"""The SQLite store on records written here: migrations, round-trips, blocking index, filters and pages."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.records import (Claim, Disagreement, Document, DocumentRef, EventDate, Fatalities, Incident, Mention, Place,
                            Rejected)
from sitrep.store import IncidentQuery, open_store
from sitrep.store.schema import MIGRATIONS


def _document(i: int, text: str) -> Document:
    return Document(id=f"d{i}", name=f"doc-{i}", text=text, source=f"/in/doc-{i}.txt", published="2023-05-0%d" % i)


def _incident(i: int, day: str, country: str, killed: int, disagreement: bool = False) -> Incident:
    claim = Claim(figure="killed", group="total", value=killed, source="Police", source_type="government",
                  document=f"doc-{i}", quote="q", start=0, end=1)
    return Incident(id=f"inc-{i}", action="attack", event_type="Violence against civilians",
                    date=EventDate(day, "day", day, day), place=Place(name="Town", country=country),
                    claims=(claim,), fatalities=Fatalities(killed, killed, killed),
                    disagreements=(Disagreement("killed", "total", (1, 2), ("a", "b")),) if disagreement else (),
                    documents=(DocumentRef(document=f"doc-{i}", role="primary"),))


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    open_store(tmp_path / "a.db").close()
    open_store(tmp_path / "a.db").close()
    rows = sqlite3.connect(tmp_path / "a.db").execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(n, name) for n, (name, _) in enumerate(MIGRATIONS, 1)]


def test_not_a_sitrep_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        open_store(tmp_path / "x.db")
    sqlite3.connect(tmp_path / "empty.db").execute("CREATE TABLE t(x)")
    with pytest.raises(StoreError, match="not a sitrep database"):
        open_store(tmp_path / "empty.db", readonly=True)


def test_documents_mentions_and_blocking_index_round_trip(store) -> None:
    doc = _document(1, "Gunmen killed five soldiers near Gao on Monday.")
    mention = Mention(id="m1", document_id="d1", document="doc-1", date=EventDate("2023-05-01", "day"),
                      place=Place(name="Gao", country="ML", lat=16.27, lon=-0.04, precision="town"),
                      claims=(Claim("killed", "security_forces", 5, document="doc-1"),))
    with store.batch():
        store.add_document(doc, ["b1", "b2"])
        store.add_document(doc, ["b1", "b2"])      # the same content twice is one row
        store.add_mentions([mention], [["k:ML:2023-05-01"]])
        store.quarantine(Rejected("/in/bad.txt", "empty", "the file is empty"))
        store.quarantine(Rejected("/in/bad.txt", "empty", "the file is empty"))
    assert store.counts().documents == 1 and store.counts().rejected == 1
    assert store.documents_by_id(["d1"])["d1"] == doc
    assert store.get_document("doc-1") == doc
    assert store.copy_candidates(["b2", "zz"]) == ["d1"]
    assert store.pending_mentions() == [mention]
    assert store.neighbour_mentions(["k:ML:2023-05-01", "k:other"]) == [mention]
    with store.batch():
        store.assign({"m1": "inc-1"}, [{"incident": "inc-1", "kind": "new", "mentions": ["m1"]}])
    assert store.pending_mentions() == [] and store.incident_of(["m1"]) == {"m1": "inc-1"}
    assert store.incident_members(["inc-1"]) == [mention]
    assert store.incident_history("inc-1")[0]["kind"] == "new"


def test_a_failed_batch_writes_nothing(store) -> None:
    with pytest.raises(RuntimeError):
        with store.batch():
            store.add_document(_document(1, "text"), [])
            raise RuntimeError("killed half way")
    assert store.counts().documents == 0


def test_list_filters_full_text_and_cursor_pages(store) -> None:
    with store.batch():
        for i in range(1, 8):
            text = "A car bomb exploded at a market." if i % 2 else "Troops clashed with fighters at a checkpoint."
            store.add_document(_document(i, text), [])
            store.save_incident(_incident(i, f"2023-05-0{i}", "SY" if i < 5 else "IQ", killed=i, disagreement=i == 3),
                                {f"doc-{i}": f"d{i}"})
    page, cursor = store.list_incidents(IncidentQuery(limit=3))
    assert [i.id for i in page] == ["inc-7", "inc-6", "inc-5"] and cursor
    page2, cursor2 = store.list_incidents(IncidentQuery(limit=3, cursor=cursor))
    assert [i.id for i in page2] == ["inc-4", "inc-3", "inc-2"]
    page3, cursor3 = store.list_incidents(IncidentQuery(limit=3, cursor=cursor2))
    assert [i.id for i in page3] == ["inc-1"] and cursor3 is None
    ids = lambda **kw: [i.id for i in store.list_incidents(IncidentQuery(**kw))[0]]  # noqa: E731
    assert ids(country="IQ") == ["inc-7", "inc-6", "inc-5"]
    assert ids(min_fatalities=6) == ["inc-7", "inc-6"]
    assert ids(has_disagreement=True) == ["inc-3"]
    assert ids(date_from="2023-05-02", date_to="2023-05-03") == ["inc-3", "inc-2"]
    assert ids(text="bomb") == ["inc-7", "inc-5", "inc-3", "inc-1"]
    assert ids(text="checkpoint", country="SY") == ["inc-4", "inc-2"]
    assert store.incidents_citing("doc-3") == ["inc-3"] and store.incidents_citing("nope") == []
    with pytest.raises(StoreError, match="cursor"):
        store.list_incidents(IncidentQuery(cursor="not-a-cursor"))


def test_saving_an_incident_again_replaces_it(store) -> None:
    with store.batch():
        store.save_incident(_incident(1, "2023-05-01", "SY", killed=3))
        store.save_incident(_incident(1, "2023-05-01", "SY", killed=4))
    assert store.counts().incidents == 1 and store.counts().claims == 1
    assert store.get_incident("inc-1").fatalities.best == 4
