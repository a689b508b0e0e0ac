"""The store interface: everything stages and readers need from a database, and nothing more.

SQLite (`sqlite.py`) is the embedded default; another backend (PostgreSQL) implements the same
protocol without touching any stage. Only the store writes; writes happen in `batch()` blocks,
one transaction each, through one writer.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from sitrep.records import Document, Incident, Mention, Rejected


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters for listing incidents; every field is optional. `cursor` is opaque (from a previous page)."""
    date_from: str | None = None      # YYYY-MM-DD, inclusive
    date_to: str | None = None
    country: str | None = None        # ISO2
    admin1: str | None = None
    event_type: str | None = None
    text: str | None = None           # full-text query over cleaned document text (FTS5 syntax)
    min_fatalities: int | None = None
    has_disagreement: bool | None = None
    grade: str | None = None
    cursor: str | None = None
    limit: int = 50


@dataclass(frozen=True, slots=True)
class Counts:
    documents: int
    rejected: int
    mentions: int
    incidents: int
    claims: int


class Store(Protocol):
    # -- writing (pipeline) --------------------------------------------------------------
    def batch(self) -> AbstractContextManager[None]:
        """One transaction: everything written inside commits together or not at all."""

    def has_document(self, document_id: str) -> bool: ...

    def add_document(self, document: Document, minhash_bands: Sequence[str]) -> None: ...

    def copy_candidates(self, minhash_bands: Sequence[str]) -> list[str]:
        """Ids of stored documents sharing an LSH band: candidates for a syndicated copy."""

    def minhash_of(self, document_id: str) -> bytes | None: ...

    def quarantine(self, rejected: Rejected) -> None: ...

    def add_mentions(self, mentions: Sequence[Mention], block_keys: Sequence[Sequence[str]]) -> None: ...

    def pending_mentions(self) -> list[Mention]:
        """Mentions not yet assigned to an incident (new, or left by a run killed half way)."""

    def neighbour_mentions(self, keys: Iterable[str]) -> list[Mention]:
        """Mentions indexed under any of `keys` (the blocking index)."""

    def add_links(self, mention_id: str, linked: dict[str, float]) -> None:
        """Record pairs that scored at least the clustering threshold."""

    def link_component(self, mention_ids: Iterable[str]) -> set[str]:
        """Mentions reachable through recorded links: the neighbourhood re-clustered with new mentions."""

    def mentions_by_id(self, mention_ids: Iterable[str]) -> list[Mention]: ...

    def incident_members(self, incident_ids: Iterable[str]) -> list[Mention]: ...

    def incident_of(self, mention_ids: Iterable[str]) -> dict[str, str]: ...

    def assign(self, assignments: dict[str, str], history: Sequence[dict]) -> None:
        """Set mention → incident and record why (history entries)."""

    def save_incident(self, incident: Incident) -> None: ...

    def drop_incidents(self, incident_ids: Iterable[str]) -> None: ...

    # -- reading (CLI, exports, API) -----------------------------------------------------
    def counts(self) -> Counts: ...

    def documents_by_id(self, document_ids: Iterable[str]) -> dict[str, Document]: ...

    def get_document(self, name_or_id: str) -> Document | None: ...

    def iter_incidents(self) -> Iterator[Incident]:
        """All incidents in a stable order (date, then id)."""

    def list_incidents(self, query: IncidentQuery) -> tuple[list[Incident], str | None]:
        """One page of incidents matching `query` and the cursor of the next page (None at the end)."""

    def get_incident(self, incident_id: str) -> Incident | None: ...

    def incident_history(self, incident_id: str) -> list[dict]: ...

    def incidents_citing(self, document_name: str) -> list[str]:
        """Ids of the incidents whose claims quote the named document."""

    def rejected(self) -> list[Rejected]: ...

    def close(self) -> None: ...
