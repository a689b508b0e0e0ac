"""The embedded default store: one SQLite file (stdlib sqlite3, WAL, one writer, FTS5).

Records are kept as JSON beside the few columns that are indexed for blocking and filtering,
so the schema stays small and a record round-trips exactly. Writes happen inside `batch()`.
"""
from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sitrep.errors import StoreError
from sitrep.records import Document, Incident, Mention, Rejected, from_dict, to_dict
from sitrep.store.base import Counts, IncidentQuery
from sitrep.store.schema import MIGRATIONS

_CHUNK = 500  # SQLite's bound-parameter limit is far above this; chunks keep IN lists short


def _dumps(record: object) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":"))


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i:i + _CHUNK]


def _marks(items: Sequence[object]) -> str:
    return ",".join("?" * len(items))


class SqliteStore:
    """SQLite implementation of `sitrep.store.base.Store`."""

    def __init__(self, path: str | Path, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        try:
            if readonly:
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self._migrate()
            elif not self._applied():
                raise StoreError(f"{self.path} is not a sitrep database: run `sitrep run INPUT --db {self.path}` first")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open {self.path} as a sitrep database ({exc})") from exc

    # -- schema ----------------------------------------------------------------------------
    def _applied(self) -> set[int]:
        try:
            return {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        except sqlite3.OperationalError:
            return set()

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        " applied_at TEXT NOT NULL DEFAULT (datetime('now')))")
        applied = self._applied()
        if applied and max(applied) > len(MIGRATIONS):
            raise StoreError(f"{self.path} was written by a newer sitrep (schema {max(applied)}); upgrade sitrep")
        for version, (name, sql) in enumerate(MIGRATIONS, 1):
            if version in applied:
                continue
            try:
                # executescript runs the whole migration (triggers included) inside one explicit transaction
                self.db.executescript(f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO schema_migrations(version, name)"
                                      f" VALUES ({version}, '{name}');\nCOMMIT;")
            except sqlite3.Error:
                if self.db.in_transaction:
                    self.db.execute("ROLLBACK")
                raise

    # -- writing ---------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def has_document(self, document_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def add_document(self, document: Document, minhash_bands: Sequence[str], minhash: bytes | None = None) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO documents(id, name, source, published, url, outlet, title, language, copy_of, text,"
            " record, minhash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (document.id, document.name, document.source, document.published, document.url, document.outlet,
             document.title, document.language, document.copy_of, document.text, _dumps(document), minhash))
        self.db.executemany("INSERT OR IGNORE INTO minhash_bands(band, document_id) VALUES (?, ?)",
                            [(band, document.id) for band in minhash_bands])

    def copy_candidates(self, minhash_bands: Sequence[str]) -> list[str]:
        found: set[str] = set()
        for chunk in _chunks(list(minhash_bands)):
            found.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT document_id FROM minhash_bands WHERE band IN ({_marks(chunk)})", chunk))
        return sorted(found)

    def minhash_of(self, document_id: str) -> bytes | None:
        row = self.db.execute("SELECT minhash FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row[0] if row else None

    def quarantine(self, rejected: Rejected) -> None:
        self.db.execute("INSERT OR REPLACE INTO quarantine(source, reason, detail, name) VALUES (?,?,?,?)",
                        (rejected.source, rejected.reason, rejected.detail, rejected.name))

    def add_mentions(self, mentions: Sequence[Mention], block_keys: Sequence[Sequence[str]]) -> None:
        for mention, keys in zip(mentions, block_keys):
            self.db.execute(
                "INSERT OR IGNORE INTO mentions(id, document_id, role, date_earliest, date_latest, country, admin1,"
                " record) VALUES (?,?,?,?,?,?,?,?)",
                (mention.id, mention.document_id, mention.role, mention.date.earliest, mention.date.latest,
                 mention.place.country, mention.place.admin1, _dumps(mention)))
            self.db.executemany("INSERT OR IGNORE INTO mention_blocks(key, mention_id) VALUES (?, ?)",
                                [(key, mention.id) for key in keys])

    def _mentions(self, sql: str, params: Sequence[object] = ()) -> list[Mention]:
        return [from_dict(Mention, json.loads(r[0])) for r in self.db.execute(sql, params)]

    def pending_mentions(self) -> list[Mention]:
        return self._mentions("SELECT record FROM mentions WHERE incident_id IS NULL ORDER BY id")

    def neighbour_mentions(self, keys: Iterable[str]) -> list[Mention]:
        keys = sorted(set(keys))
        ids: set[str] = set()
        for chunk in _chunks(keys):
            ids.update(r[0] for r in self.db.execute(
                f"SELECT mention_id FROM mention_blocks WHERE key IN ({_marks(chunk)})", chunk))
        return self.mentions_by_id(ids)

    def mentions_by_id(self, mention_ids: Iterable[str]) -> list[Mention]:
        ids = sorted(set(mention_ids))
        out: list[Mention] = []
        for chunk in _chunks(ids):
            out += self._mentions(f"SELECT record FROM mentions WHERE id IN ({_marks(chunk)}) ORDER BY id", chunk)
        return out

    def add_links(self, mention_id: str, linked: dict[str, float]) -> None:
        """Record that a mention scored at least the clustering threshold with others (both directions)."""
        rows = [(a, b, score) for other, score in linked.items() for a, b in ((mention_id, other), (other, mention_id))]
        self.db.executemany("INSERT OR REPLACE INTO mention_links(mention_id, other_id, score) VALUES (?,?,?)", rows)

    def link_component(self, mention_ids: Iterable[str]) -> set[str]:
        """Every mention reachable from `mention_ids` through recorded links (the clustering neighbourhood)."""
        seen = set(mention_ids)
        frontier = sorted(seen)
        while frontier:
            found: set[str] = set()
            for chunk in _chunks(frontier):
                found.update(r[0] for r in self.db.execute(
                    f"SELECT other_id FROM mention_links WHERE mention_id IN ({_marks(chunk)})", chunk))
            frontier = sorted(found - seen)
            seen |= found
        return seen

    def incident_members(self, incident_ids: Iterable[str]) -> list[Mention]:
        ids = sorted(set(incident_ids))
        out: list[Mention] = []
        for chunk in _chunks(ids):
            out += self._mentions(
                f"SELECT record FROM mentions WHERE incident_id IN ({_marks(chunk)}) ORDER BY id", chunk)
        return out

    def incident_of(self, mention_ids: Iterable[str]) -> dict[str, str]:
        ids = sorted(set(mention_ids))
        out: dict[str, str] = {}
        for chunk in _chunks(ids):
            out.update(self.db.execute(
                f"SELECT id, incident_id FROM mentions WHERE incident_id IS NOT NULL AND id IN ({_marks(chunk)})",
                chunk).fetchall())
        return out

    def assign(self, assignments: dict[str, str], history: Sequence[dict]) -> None:
        self.db.executemany("UPDATE mentions SET incident_id = ? WHERE id = ?",
                            [(inc, mid) for mid, inc in sorted(assignments.items())])
        self.db.executemany("INSERT INTO incident_history(incident_id, kind, detail) VALUES (?,?,?)",
                            [(h["incident"], h["kind"], json.dumps(h, ensure_ascii=False, sort_keys=True))
                             for h in history])

    def save_incident(self, incident: Incident, document_ids: dict[str, str] | None = None) -> None:
        """Write (or replace) one reconciled incident and its claims, flags and document links.

        `document_ids` maps document name → id for the incident_documents index (used by full-text search).
        """
        self.drop_incidents([incident.id])
        self.db.execute(
            "INSERT INTO incidents(id, date, date_earliest, country, admin1, event_type, fatalities_best,"
            " has_disagreement, grade, record) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (incident.id, incident.date.value, incident.date.earliest, incident.place.country, incident.place.admin1,
             incident.event_type, incident.fatalities.best, int(bool(incident.disagreements)), incident.grade,
             _dumps(incident)))
        self.db.executemany(
            "INSERT INTO claims(incident_id, document, figure, grp, value, qualifier, source, source_type, quote,"
            " start, end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(incident.id, c.document, c.figure, c.group, c.value, c.qualifier, c.source, c.source_type, c.quote,
              c.start, c.end) for c in incident.claims])
        self.db.executemany("INSERT INTO flags(incident_id, kind, document, detail) VALUES (?,?,?,?)",
                            [(incident.id, f.kind, f.document, f.detail) for f in incident.flags])
        ids = document_ids or {}
        self.db.executemany(
            "INSERT OR REPLACE INTO incident_documents(incident_id, document_id, role, document_rowid)"
            " VALUES (?1, ?2, ?3, (SELECT rowid FROM documents WHERE id = ?2))",
            [(incident.id, ids.get(d.document, d.document), d.role) for d in incident.documents])

    def drop_incidents(self, incident_ids: Iterable[str]) -> None:
        for chunk in _chunks(sorted(set(incident_ids))):
            for table, column in (("incidents", "id"), ("claims", "incident_id"), ("flags", "incident_id"),
                                  ("incident_documents", "incident_id")):
                self.db.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(chunk)})", chunk)

    # -- reading ---------------------------------------------------------------------------
    def counts(self) -> Counts:
        def n(table: str) -> int:
            return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return Counts(documents=n("documents"), rejected=n("quarantine"), mentions=n("mentions"),
                      incidents=n("incidents"), claims=n("claims"))

    def documents_by_id(self, document_ids: Iterable[str]) -> dict[str, Document]:
        ids = sorted(set(document_ids))
        out: dict[str, Document] = {}
        for chunk in _chunks(ids):
            for doc_id, record in self.db.execute(
                    f"SELECT id, record FROM documents WHERE id IN ({_marks(chunk)})", chunk):
                out[doc_id] = from_dict(Document, json.loads(record))
        return out

    def get_document(self, name_or_id: str) -> Document | None:
        row = self.db.execute("SELECT record FROM documents WHERE id = ? OR name = ? ORDER BY added_at LIMIT 1",
                              (name_or_id, name_or_id)).fetchone()
        return from_dict(Document, json.loads(row[0])) if row else None

    def iter_incidents(self) -> Iterator[Incident]:
        rows = self.db.execute("SELECT record FROM incidents ORDER BY coalesce(date_earliest, ''), id").fetchall()
        for (record,) in rows:
            yield from_dict(Incident, json.loads(record))

    def list_incidents(self, query: IncidentQuery) -> tuple[list[Incident], str | None]:
        where, params = [], []
        if query.date_from:
            where.append("date_earliest >= ?"); params.append(query.date_from)
        if query.date_to:
            where.append("date_earliest <= ?"); params.append(query.date_to)
        for column, value in (("country", query.country), ("admin1", query.admin1),
                              ("event_type", query.event_type), ("grade", query.grade)):
            if value:
                where.append(f"{column} = ?"); params.append(value)
        if query.min_fatalities is not None:
            where.append("fatalities_best >= ?"); params.append(query.min_fatalities)
        if query.has_disagreement is not None:
            where.append("has_disagreement = ?"); params.append(int(query.has_disagreement))
        if query.text:
            # "+id": keep SQLite walking the ordered index instead of sorting every full-text hit
            # full-text hits are document rowids: join on them, never on the wide documents rows
            where.append("+id IN (SELECT incident_id FROM incident_documents WHERE document_rowid IN"
                         " (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))")
            params.append(query.text)
        if query.cursor:
            date_key, last_id = _decode_cursor(query.cursor)
            where.append("(coalesce(date_earliest, '') < ? OR (coalesce(date_earliest, '') = ? AND id < ?))")
            params += [date_key, date_key, last_id]
        sql = ("SELECT record, coalesce(date_earliest, ''), id FROM incidents"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY coalesce(date_earliest, '') DESC, id DESC LIMIT ?")
        limit = max(1, min(query.limit, 500))
        try:
            rows = self.db.execute(sql, [*params, limit + 1]).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad query: {exc}") from exc
        page = [from_dict(Incident, json.loads(r[0])) for r in rows[:limit]]
        cursor = _encode_cursor(rows[limit - 1][1], rows[limit - 1][2]) if len(rows) > limit else None
        return page, cursor

    def get_incident(self, incident_id: str) -> Incident | None:
        row = self.db.execute("SELECT record FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return from_dict(Incident, json.loads(row[0])) if row else None

    def incidents_citing(self, document_name: str) -> list[str]:
        """Ids of the incidents whose claims quote the named document."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT incident_id FROM claims WHERE document = ? ORDER BY incident_id", (document_name,))]

    def incident_history(self, incident_id: str) -> list[dict]:
        return [json.loads(r[0]) | {"at": r[1]} for r in self.db.execute(
            "SELECT detail, at FROM incident_history WHERE incident_id = ? ORDER BY seq", (incident_id,))]

    def rejected(self) -> list[Rejected]:
        return [Rejected(source=s, reason=r, detail=d, name=n) for s, r, d, n in self.db.execute(
            "SELECT source, reason, detail, name FROM quarantine ORDER BY source, reason")]

    def close(self) -> None:
        if not self.readonly:
            self.db.execute("PRAGMA optimize")   # keeps the planner's statistics fresh for the list filters
        self.db.close()


def _encode_cursor(date_key: str, incident_id: str) -> str:
    return base64.urlsafe_b64encode(json.dumps([date_key, incident_id]).encode()).decode()


def _decode_cursor(cursor: str) -> tuple[str, str]:
    try:
        date_key, incident_id = json.loads(base64.urlsafe_b64decode(cursor.encode()))
        return str(date_key), str(incident_id)
    except (ValueError, TypeError) as exc:
        raise StoreError("invalid cursor: pass the `next` value of a previous page unchanged") from exc
