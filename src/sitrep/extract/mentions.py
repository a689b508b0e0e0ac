"""Split one document into incident mentions: the incident it is about, and earlier ones it recalls.

News stories recall background events ("the largest raid since the 2019 assault that killed
al-Baghdadi", "a similar attack in Pakistan in 2011"). Those must become separate mentions with
their own date and place, never merged into the main incident. A sentence that reports an event
(an event cue) is background when its dates are coarse (a bare year or month), follow "since", or
lie more than a week from the main event's date; everything else describes the main incident.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from sitrep.extract.claims import extract_claims
from sitrep.extract.dates import DateMention, find_dates
from sitrep.extract.events import actors_with_roles, classify_event, event_cue, people_with_fates
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.places import geoparse, place_flags
from sitrep.records import Actor, Claim, Document, EventDate, Mention, Person, Place, PlaceMention

BACKGROUND_GAP_DAYS = 7
_SPEECH = r"(announced|said|says|stated|declared|confirmed|told|claimed|reported|tweeted|wrote)"
# "On 4 January, X announced ..." / "X announced on 3 February that ...": the date of a statement
_STATEMENT_BEFORE = re.compile(r"^\W*(on|as of)\s*$", re.I)
_STATEMENT_AFTER = re.compile(_SPEECH + r"\s+(on|late on|early on)?\s*$", re.I)
_SINCE = re.compile(r"\b(since|after|before|previous|former|last year|years? ago)\b", re.I)
_PRECISE = {"day", "week"}


@dataclass
class _Sentence:
    span: Span
    cue: str | None
    dates: list[DateMention] = field(default_factory=list)
    statement_dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


def assemble_mentions(document: Document, sdoc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer) -> list[Mention]:
    """The document's mentions: first the primary one (always present), then background ones."""
    sentences = _sentences(document, sdoc, kb, gazetteer)
    main_date = _main_date(sentences)
    main: list[_Sentence] = []
    background: dict[tuple, list[_Sentence]] = {}
    for s in sentences:
        if s.cue and _is_background(s, main_date):
            background.setdefault(_background_key(s), []).append(s)
        else:
            main.append(s)
    flags = tuple(place_flags(sdoc, [p for s in sentences for p in s.places], gazetteer, document.name))
    mentions = [_mention(document, 0, "primary", main, main_date, kb, flags)]
    for index, group in enumerate(background.values(), 1):
        group_date = _most_precise([d.date for s in group for d in s.dates])
        mentions.append(_mention(document, index, "mention", group, group_date, kb, ()))
    return mentions


def _sentences(document: Document, sdoc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer) -> list[_Sentence]:
    dates = find_dates(sdoc, document.published)
    places = geoparse(sdoc, gazetteer)
    claims = extract_claims(sdoc, document, kb)
    out = []
    for span in sdoc.sents:
        if not span.text.strip():
            continue
        s = _Sentence(span=span, cue=event_cue(span.text))
        for d in dates:
            if span.start_char <= d.start < span.end_char:
                (s.statement_dates if _is_statement_date(span, d) else s.dates).append(d)
        s.places = [p for p in places if span.start_char <= p.start < span.end_char]
        s.claims = [c for c in claims if span.start_char <= c.start < span.end_char]
        out.append(s)
    return out


def _is_statement_date(span: Span, d: DateMention) -> bool:
    before = span.doc.text[span.start_char:d.start]
    after = span.doc.text[d.end:span.end_char]
    if _STATEMENT_BEFORE.match(before) and re.search(_SPEECH, after[:150], re.I):
        return True
    return bool(_STATEMENT_AFTER.search(before[-40:]))


def _main_date(sentences: list[_Sentence]) -> EventDate:
    """The earliest day- or week-precise date of the first event sentence that has one (events precede the
    reports about them: 'in critical condition Tuesday after he was shot Monday'), else the most precise
    non-background date seen in event sentences, else unknown."""
    for s in sentences:
        if not s.cue or _SINCE.search(s.span.text):
            continue
        precise = [d.date for d in s.dates if d.date.precision in _PRECISE and d.date.earliest]
        if precise:
            return min(precise, key=lambda d: (d.earliest, d.latest or ""))
    return EventDate()


def _is_background(s: _Sentence, main: EventDate) -> bool:
    known = [d.date for d in s.dates if d.date.precision != "unknown" and d.date.earliest]
    if not known:
        return False
    if main.earliest:
        return all(_days_apart(d, main) > BACKGROUND_GAP_DAYS for d in known)
    # no main date: a coarse date (a bare year or month) in an event sentence recalls an older event
    return all(d.precision in ("month", "year") for d in known) or bool(_SINCE.search(s.span.text))


def _days_apart(a: EventDate, b: EventDate) -> int:
    """Smallest distance in days between two date ranges (0 when they overlap)."""
    a0, a1 = date.fromisoformat(a.earliest), date.fromisoformat(a.latest or a.earliest)
    b0, b1 = date.fromisoformat(b.earliest), date.fromisoformat(b.latest or b.earliest)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _background_key(s: _Sentence) -> tuple:
    known = [d.date for d in s.dates if d.date.earliest]
    year = min(d.earliest[:4] for d in known) if known else None
    countries = sorted({p.place.country for p in s.places if p.place and p.place.country})
    return (year, countries[0] if countries else None)


def _most_precise(dates: list[EventDate]) -> EventDate:
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    known = [d for d in dates if d.precision != "unknown"]
    return min(known, key=lambda d: (order[d.precision], d.earliest or "")) if known else EventDate()


def _place(sentences: list[_Sentence]) -> Place:
    """The first most precise place named in event sentences, else anywhere in the group."""
    order = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, "unknown": 6}
    for pool in ([s for s in sentences if s.cue], sentences):
        found = [p.place for s in pool for p in s.places if p.place]
        if found:
            best = min(order[p.precision] for p in found)
            return next(p for p in found if order[p.precision] == best)
    return Place()


def _mention(document: Document, index: int, role: str, sentences: list[_Sentence], when: EventDate,
             kb: KnowledgeBase, flags: tuple) -> Mention:
    cue_text = " ".join(s.span.text for s in sentences if s.cue)[:2000]
    event_type, sub_event_type, action = classify_event(cue_text or " ".join(s.span.text for s in sentences[:3]))
    people: dict[str, Person] = {}
    actors: dict[str, Actor] = {}
    for s in sentences:
        for person in people_with_fates(s.span):
            people.setdefault(person.name, person)
        if s.cue:
            for actor in actors_with_roles(s.span, _canonical(kb)):
                actors.setdefault(actor.name, actor)
    evidence = " ".join(s.span.text for s in sentences if s.cue)[:3000]
    return Mention(
        id=hashlib.sha256(f"{document.id}:{index}".encode()).hexdigest()[:24],
        document_id=document.id, document=document.name, role=role,  # type: ignore[arg-type]
        event_type=event_type, sub_event_type=sub_event_type, action=action, date=when,
        place=_place(sentences), actors=tuple(actors.values()), people=tuple(people.values()),
        claims=tuple(c for s in sentences for c in s.claims), flags=flags,
        published=document.published, outlet=document.outlet, evidence=evidence,
        statement_dates=tuple(d.date for s in sentences for d in s.statement_dates))


def _canonical(kb: KnowledgeBase):
    def resolve(name: str) -> str | None:
        entry = kb.resolve(name)
        return entry.canonical if entry else None
    return resolve
