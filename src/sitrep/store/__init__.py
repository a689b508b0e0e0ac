"""Persistence. `open_store` picks the backend from the location; SQLite is the embedded default."""
from __future__ import annotations

from pathlib import Path

from sitrep.store.base import Counts, IncidentQuery, Store
from sitrep.store.sqlite import SqliteStore

__all__ = ["Counts", "IncidentQuery", "Store", "SqliteStore", "open_store"]


def open_store(location: str | Path, readonly: bool = False) -> SqliteStore:
    """Open (creating and migrating when writable) the store at `location`, a SQLite file path."""
    return SqliteStore(location, readonly=readonly)
