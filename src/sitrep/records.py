"""Typed, immutable records passed between pipeline stages.

Data flows  RawDocument -> Document -> Mention (with Claims) -> Incident.
Rejected inputs become Rejected records (the quarantine), never exceptions that stop a run.
Every record round-trips through plain dicts (`to_dict` / `from_dict`) so the store can keep
them as JSON and the distributed runner can ship them between processes.
"""
from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

DatePrecision = Literal["day", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "town", "admin2", "admin1", "region", "country", "unknown"]
Figure = Literal["killed", "wounded", "casualties", "arrested", "missing"]
Group = Literal["total", "civilians", "children", "women", "men", "militants", "security_forces"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "fewer_than"]
SourceType = Literal["government", "military", "armed_group", "ngo", "un", "media", "witness", "medical",
                     "unattributed"]
FlagKind = Literal["date_inconsistency", "admin_mismatch", "direction_mismatch", "figure_conflict", "other"]
MentionRole = Literal["primary", "mention"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as read from the outside world, before any cleaning."""
    name: str                      # the input's own name (file stem, JSONL id, WARC target URI)
    source: str                    # where it came from: a path, "path:line" or "path#record"
    text: str | None = None        # plain text, when the input is text
    html: str | bytes | None = None  # raw HTML (bytes keep the page's declared charset)
    published: str | None = None   # YYYY-MM-DD from metadata, when the input states it
    url: str | None = None
    outlet: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be processed, kept as data (the quarantine) with its reason."""
    source: str
    reason: str                    # short code: empty, binary, encoding, too_large, malformed, unreadable
    detail: str                    # a sentence a user can act on
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the cleaned text and the language detected for it."""
    start: int
    end: int
    language: str


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned document: boilerplate removed, offsets of `text` are what every quote points into."""
    id: str                        # content hash of the cleaned text: the same text twice is one document
    name: str
    text: str
    source: str
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str = "en"
    paragraphs: tuple[Paragraph, ...] = ()
    removed: tuple[str, ...] = ()  # boilerplate lines dropped by `clean`, kept for inspection
    # (clean_start, raw_start) pairs: cleaned text from clean_start on maps to raw text from raw_start on
    char_map: tuple[tuple[int, int], ...] = ()
    copy_of: str | None = None     # id of an earlier near-identical document (syndicated copy)


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None = None       # YYYY-MM-DD | YYYY-MM | YYYY | None
    precision: DatePrecision = "unknown"
    earliest: str | None = None
    latest: str | None = None
    text: str | None = None        # the expression it was read from


@dataclass(frozen=True, slots=True)
class Place:
    name: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None     # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: PlacePrecision = "unknown"
    gazetteer_id: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the text and what the gazetteer resolved it to (place is None when unresolved)."""
    start: int
    end: int
    text: str
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    role: Literal["perpetrator", "target", "victim", "partner", "other"] = "other"
    kind: str | None = None        # state_military, government, armed_group, ngo, un, media, medical, witness


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: Literal["killed", "wounded", "arrested", "other"] = "other"


@dataclass(frozen=True, slots=True)
class Claim:
    """One figure as one source stated it, with the sentence it came from."""
    figure: Figure
    group: Group
    value: int
    qualifier: Qualifier = "exact"
    source: str | None = None
    source_type: SourceType = "unattributed"
    document: str = ""             # document name
    quote: str = ""
    start: int = 0
    end: int = 0
    subset: str | None = None      # e.g. "leaders": a named subset of the group


@dataclass(frozen=True, slots=True)
class Flag:
    kind: FlagKind
    detail: str
    document: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """What one document says about one incident: the unit that clustering groups."""
    id: str                        # stable: hash of document id and mention index
    document_id: str
    document: str                  # document name
    role: MentionRole = "primary"
    event_type: str | None = None
    sub_event_type: str | None = None
    action: str = "other"
    date: EventDate = field(default_factory=EventDate)
    place: Place = field(default_factory=Place)
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    claims: tuple[Claim, ...] = ()
    flags: tuple[Flag, ...] = ()
    published: str | None = None
    outlet: str | None = None
    evidence: str = ""             # the sentences the mention was read from (for text similarity)
    # dates on which the text says statements about the event were made ("On 4 January, X announced ...");
    # a statement dated before the event is a date_inconsistency, checked once the incident's date is known
    statement_dates: tuple[EventDate, ...] = ()
    language: str = "en"           # of the text it was read from: reports in two languages share no wording


@dataclass(frozen=True, slots=True)
class Disagreement:
    figure: Figure
    group: Group
    values: tuple[int, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentRef:
    document: str
    role: MentionRole
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    copy_of: str | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world event with every voice that reported it, reconciled."""
    id: str
    event_type: str | None = None
    sub_event_type: str | None = None
    action: str = "other"
    date: EventDate = field(default_factory=EventDate)
    place: Place = field(default_factory=Place)
    actors: tuple[Actor, ...] = ()
    people: tuple[Person, ...] = ()
    claims: tuple[Claim, ...] = ()
    fatalities: Fatalities = field(default_factory=Fatalities)
    disagreements: tuple[Disagreement, ...] = ()
    flags: tuple[Flag, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    grade: str = "single_source"   # single_source | corroborated | contested
    grade_reasons: tuple[str, ...] = ()
    toll_history: tuple[dict, ...] = ()


def to_dict(record: Any) -> dict:
    """A record as plain JSON-ready data (tuples become lists)."""
    return dataclasses.asdict(record)


R = TypeVar("R")


def from_dict(cls: type[R], data: dict) -> R:
    """Rebuild a record (and its nested records) from `to_dict` output; unknown keys are ignored."""
    hints = _type_hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)   # resolving string annotations is slow: once per class


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if dataclasses.is_dataclass(hint):
        return from_dict(hint, value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        return tuple(_convert(a, v) for a, v in zip(args, value))
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if dataclasses.is_dataclass(arg):
                return from_dict(arg, value)
        return value
    return value
