"""Schema migrations for the SQLite store, applied in order and recorded in `schema_migrations`.

Add a migration by appending to MIGRATIONS; never edit one that has shipped.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[str, str]] = [
    ("initial", """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    source TEXT NOT NULL,
    published TEXT,
    url TEXT,
    outlet TEXT,
    title TEXT,
    language TEXT,
    copy_of TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    minhash BLOB,
    added_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX documents_name ON documents(name);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TABLE minhash_bands (
    band TEXT NOT NULL,
    document_id TEXT NOT NULL,
    PRIMARY KEY (band, document_id)
) WITHOUT ROWID;

CREATE TABLE quarantine (
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    name TEXT,
    added_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (source, reason)
);

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    role TEXT NOT NULL,
    date_earliest TEXT,
    date_latest TEXT,
    country TEXT,
    admin1 TEXT,
    incident_id TEXT,
    record TEXT NOT NULL
);
CREATE INDEX mentions_incident ON mentions(incident_id);
CREATE INDEX mentions_document ON mentions(document_id);

CREATE TABLE mention_blocks (
    key TEXT NOT NULL,
    mention_id TEXT NOT NULL,
    PRIMARY KEY (key, mention_id)
) WITHOUT ROWID;

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    date TEXT,
    date_earliest TEXT,
    country TEXT,
    admin1 TEXT,
    event_type TEXT,
    fatalities_best INTEGER,
    has_disagreement INTEGER NOT NULL DEFAULT 0,
    grade TEXT,
    record TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date_earliest, id);
CREATE INDEX incidents_country ON incidents(country, date_earliest, id);
CREATE INDEX incidents_event_type ON incidents(event_type, date_earliest, id);

CREATE TABLE incident_documents (
    incident_id TEXT NOT NULL,
    document_id TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (incident_id, document_id)
) WITHOUT ROWID;
CREATE INDEX incident_documents_document ON incident_documents(document_id);

CREATE TABLE claims (
    incident_id TEXT NOT NULL,
    document TEXT NOT NULL,
    figure TEXT NOT NULL,
    grp TEXT NOT NULL,
    value INTEGER NOT NULL,
    qualifier TEXT NOT NULL,
    source TEXT,
    source_type TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE INDEX claims_incident ON claims(incident_id);

CREATE TABLE flags (
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    document TEXT,
    detail TEXT NOT NULL
);
CREATE INDEX flags_incident ON flags(incident_id);

CREATE TABLE incident_history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX incident_history_incident ON incident_history(incident_id);
"""),
    ("list_order_indexes", """
DROP INDEX incidents_date;
DROP INDEX incidents_country;
DROP INDEX incidents_event_type;
CREATE INDEX incidents_order ON incidents(coalesce(date_earliest, ''), id);
CREATE INDEX incidents_country_order ON incidents(country, coalesce(date_earliest, ''), id);
CREATE INDEX incidents_admin1_order ON incidents(admin1, coalesce(date_earliest, ''), id);
CREATE INDEX incidents_event_type_order ON incidents(event_type, coalesce(date_earliest, ''), id);
CREATE INDEX incidents_grade_order ON incidents(grade, coalesce(date_earliest, ''), id);
CREATE INDEX claims_document ON claims(document);
"""),
    ("fts_document_rowid", """
ALTER TABLE incident_documents ADD COLUMN document_rowid INTEGER;
UPDATE incident_documents SET document_rowid = (SELECT rowid FROM documents WHERE documents.id = document_id);
CREATE INDEX incident_documents_rowid ON incident_documents(document_rowid, incident_id);
"""),
    ("mention_links", """
CREATE TABLE mention_links (
    mention_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (mention_id, other_id)
) WITHOUT ROWID;
"""),
]
