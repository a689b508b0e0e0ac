"""Split one document into incident mentions: the incident it is about, and earlier ones it recalls.

News stories recall background events ("the largest raid since the 2019 assault that killed
al-Baghdadi", "a similar attack in Pakistan in 2011"). Those must become separate mentions with
their own date and place, never merged into the main incident. A sentence that reports an event
(an event cue) is background when its dates are coarse (a bare year or month), follow "since", or
lie more than a week from the main event's date, when its scene cannot be the main one, or when the
writer says it is another incident ("In a separate shooting"); everything else describes the main incident.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from sitrep.extract.claims import extract_claims
from sitrep.extract.dates import PUBLICATION_DATE, month_only
from sitrep.extract.document_dates import DateMention, find_dates
from sitrep.extract.event_dates import main_event_date, statement_date
from sitrep.extract.events import SPEECH_VERBS, actors_with_roles, classify_event, event_cue, people_with_fates
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import sentences_of, span_text
from sitrep.extract.outlets import site_tail
from sitrep.extract.place_checks import place_flags
from sitrep.extract.places import geoparse
from sitrep.extract.scene import RANK, compatible, scene_place
from sitrep.extract.toponyms import is_dateline
from sitrep.records import Actor, Claim, Document, EventDate, Mention, Person, Place, PlaceMention

BACKGROUND_GAP_DAYS = 7
LEAD_CHARS = 400      # of the article's opening, added to the evidence of a primary mention...
SHORT_EVIDENCE = 300  # ...whose event sentences are shorter than this
# "On 4 January, X announced ...": a sentence opening on the date of a statement
_OPENING_DATE = re.compile(r"^\W*(on|as of)\s*$", re.I)
_SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
_SINCE = re.compile(r"\b(since|after|before|previous|former|last year|years? ago)\b", re.I)
_WORD = re.compile(r"[a-z]{5,}")
# "eight months after a bystander was killed", "two years ago", "last year": an event told as long past
_LONG_AGO = re.compile(
    r"\b(?:(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many)\s+"
    r"(?:weeks?|months?|years?)|weeks|months|years)(?: and a half)?\s+(?:ago|earlier|before|after|prior)\b"
    r"|\blast year\b", re.I)
# "In a separate shooting, ...", "Separately, ...", "In another attack": the writer says it is another incident
_OTHER_INCIDENT = re.compile(
    r"^\W*separately\b|\b(?:in|during) (?:a|an) (?:separate|unrelated|different|second|third|earlier|later)"
    r"(?: \w+)? (?:incident|shooting|attack|case|raid|strike|robbery|altercation|clash|bombing|explosion)s?\b"
    r"|\bin (?:another|other) (?:incident|shooting|attack|case|raid|strike|violence)s?\b"
    r"|\b(?:another|a separate) (?:\w+ )?(?:shooting|attack|raid|strike|airstrike|bombing|ambush|explosion) "
    r"(?:hit|struck|killed|wounded|left|targeted|took place|happened|occurred)\b"
    # a round-up's next item: "Earlier Sunday, a man was shot ...", "Later that day, ..."
    r"|^\W*(?:earlier|later)(?: on)? (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|that day|in the day)\b", re.I)


@dataclass
class _Sentence:
    span: Span
    text: str            # span.text, sliced once: Span.text joins the tokens on every access
    cue: str | None
    dates: list[DateMention] = field(default_factory=list)
    statement_dates: list[DateMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    datelines: set[int] = field(default_factory=set)     # starts of its places that open a dateline
    site_tail: set[int] = field(default_factory=set)     # ...that name the outlet in the headline's tail
    claims: list[Claim] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Where the sentence starts in the text: with `text`, `cue`, `places`, `datelines` and `site_tail`, all
        that `scene.scene_place` reads (the reader of other languages builds sentences of that shape without
        spaCy: scene.SceneSentence)."""
        return self.span.start_char


def assemble_mentions(document: Document, sdoc: Doc, kb: KnowledgeBase, gazetteer: Gazetteer) -> list[Mention]:
    """The document's mentions: first the primary one (always present), then background ones."""
    dates = find_dates(sdoc, document.published)
    sentences = _sentences(document, sdoc, dates, kb, gazetteer)
    main_date = main_event_date(sdoc, document.published, dates)
    main_place = scene_place(sentences)
    main: list[_Sentence] = []
    background: dict[tuple, list[_Sentence]] = {}
    previous_key: tuple | None = None
    for position, s in enumerate(sentences):
        eventful = s.cue or s.claims       # "announced the death of a leader" counts a death without a cue word
        if position == 0:
            main.append(s)                 # the headline (or the lead) states what the article is about
        elif eventful and _OTHER_INCIDENT.search(s.text):
            previous_key = ("another incident", s.start)
            background[previous_key] = [s]
        elif eventful and (_is_background(s, main_date) or _elsewhere(s, main_place)):
            previous_key = _background_key(s)
            background.setdefault(previous_key, []).append(s)
        elif previous_key and _continues(s, background[previous_key][-1]):
            background[previous_key].append(s)
        else:
            previous_key = None
            main.append(s)
    flags = tuple(place_flags(sdoc, [p for s in sentences for p in s.places], gazetteer, document.name,
                              outlet=document.url or document.outlet, title=document.title))
    mentions = [_mention(document, 0, "primary", main, main_date, kb, flags, main_place)]
    for index, group in enumerate(background.values(), 1):
        group_date = _most_precise([d.date for s in group for d in s.dates])
        mention = _mention(document, index, "mention", group, group_date, kb, ())
        if _specific(mention):
            mentions.append(mention)
    return mentions


def _specific(m: Mention) -> bool:
    """A recalled event worth its own record: it has a figure, a named victim, or a day or month (stated even
    when its year is not: "beginning on 20 January")."""
    return (bool(m.claims) or any(p.role != "other" for p in m.people) or m.date.precision in ("day", "week", "month")
            or m.date.precision == "unknown" and bool(m.date.text))


def _sentences(document: Document, sdoc: Doc, dates: list[DateMention], kb: KnowledgeBase,
               gazetteer: Gazetteer) -> list[_Sentence]:
    places = geoparse(sdoc, gazetteer, outlet=document.url or document.outlet,   # "lfpress.ca": London, Ontario
                      title=document.title)
    claims = extract_claims(sdoc, document, kb)
    tail = _site_tail_span(document)
    out = []
    for span in sentences_of(sdoc):
        text = span_text(span)
        if not text.strip():
            continue
        s = _Sentence(span=span, text=text, cue=event_cue(text))
        for d in dates:
            if span.start_char <= d.start < span.end_char:
                (s.statement_dates if _is_statement_date(s, d) else s.dates).append(d)
        s.places = [p for p in places if span.start_char <= p.start < span.end_char and _is_scene(p, document.text)]
        s.datelines = {p.start for p in s.places if _is_dateline(p, document.text)}
        s.site_tail = {p.start for p in s.places if tail[0] <= p.start < tail[1]}
        s.claims = [c for c in claims if span.start_char <= c.start < span.end_char]
        out.append(s)
    return out


def _site_tail_span(document: Document) -> tuple[int, int]:
    """Where the text's headline names its outlet ("Girl shot by brother - KSWO, Lawton, OK - Wichita Falls, TX:
    News, Weather"): the outlet's home, not a place the story gives."""
    title = document.title or ""
    tail = site_tail(title)
    head = document.text[:len(title) + 5]
    at = head.find(tail.split(" | ")[0]) if tail else -1
    if at <= 0:
        return (0, 0)
    end = head.find("\n", at)
    return (at, len(head) if end < 0 else end)


_LOCATIVE = re.compile(r"\b(in|into|inside|across|from|near|throughout|within|at|to|of|out of)\s+(the\s+)?"
                       r"((north|south|east|west)\w*\s+)?$", re.I)
_POSSESSIVE_OR_END = re.compile(r"^\s*(['’]s\b|[,.;:)—–-]|$|and\b|or\b)")


def _is_scene(p: PlaceMention, text: str) -> bool:
    """A country name can be a scene ("in Syria", "Syria's Idlib") or a nationality ("US President",
    "U.S. forces"); only the first locates an event. Finer places are always scenes."""
    if p.place is None or p.place.precision != "country":
        return True
    before, after = text[max(0, p.start - 40):p.start], text[p.end:p.end + 3]
    return bool(_LOCATIVE.search(before) or _POSSESSIVE_OR_END.match(after))


def _is_dateline(p: PlaceMention, text: str) -> bool:
    """A town in capitals opening a paragraph, followed by a dash or a wire's name: where the reporter
    filed from, which may not be the scene."""
    return is_dateline(text, p.start, p.end)


def _is_statement_date(s: _Sentence, d: DateMention) -> bool:
    """The date of a statement about the event, not of the event: "X announced on 3 February", "police said
    Sunday" (events.statement_date), or a sentence opening "On 4 January, X announced ..."."""
    text = s.text    # Doc.text rebuilds the whole text on every access: slice the sentence instead
    start = d.start - s.start
    if statement_date(text, start, d.end - s.start):
        return True
    return bool(_OPENING_DATE.match(text[:start]) and _SPEECH.search(text[d.end - s.start:][:150]))


def _is_background(s: _Sentence, main: EventDate) -> bool:
    known = [d.date for d in s.dates if d.date.precision != "unknown" and d.date.earliest]
    if main.precision == "day" and _LONG_AGO.search(s.text) and not any(_days_apart(d, main) == 0 for d in known):
        return True       # the main event has its day; this one is told as months or years away from it
    if not known:
        # a month named without a year ("In March, ...") is a coarse date like "in 2019": an older event,
        # unless it is the main event's own month
        months = [month_only(d.date.text) for d in s.dates]
        return bool(months) and all(months) and not (
            main.earliest and date.fromisoformat(main.earliest).month in months)
    if main.earliest:
        # far from the main date, or a coarser period ("late last month", "in 2019") that excludes it, or
        # any month or year when the text gives the main event's day: a tally ("165 people were murdered
        # in 2015", "45 killed in July") or another event told loosely
        day_known = main.precision == "day" and main.text != PUBLICATION_DATE
        return all(_days_apart(d, main) > BACKGROUND_GAP_DAYS
                   or d.precision in ("month", "year") and (day_known or _days_apart(d, main) > 0) for d in known)
    # no main date: a coarse date (a bare year or month) in an event sentence recalls an older event
    return all(d.precision in ("month", "year") for d in known) or bool(_SINCE.search(s.text))


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
    if known:
        countries = sorted({p.place.country for p in s.places if p.place and p.place.country})
        return (min(d.earliest[:4] for d in known), countries[0] if countries else None)
    places = [p.place for p in s.places if p.place]
    return (None, places[0].gazetteer_id or places[0].name if places else s.start)


def _elsewhere(s: _Sentence, main_place: Place) -> bool:
    """An event sentence whose own scene (admin1 or finer) cannot be the main event's scene."""
    own = [p.place for p in s.places if p.place and RANK[p.place.precision] <= RANK["admin1"]]
    return bool(own) and main_place.country is not None and not any(compatible(p, main_place) for p in own)


def _continues(s: _Sentence, last: _Sentence) -> bool:
    """A sentence with no date or place of its own that goes on about the background event just told
    (it shares a content word with it), e.g. the toll of a prison attack recalled in the sentence before."""
    if s.dates or any(p.place for p in s.places):
        return False
    shared = set(_WORD.findall(s.text.lower())) & set(_WORD.findall(last.text.lower()))
    return bool(shared - _COMMON)


_COMMON = {"which", "their", "there", "would", "could", "after", "before", "since", "about", "people", "killed",
           "attack", "attacks", "group", "forces", "security", "official", "officials", "said", "according"}


def _most_precise(dates: list[EventDate]) -> EventDate:
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
    known = [d for d in dates if d.precision != "unknown"]
    if known:
        return min(known, key=lambda d: (order[d.precision], d.earliest or ""))
    return next((d for d in dates if d.text), EventDate())   # stated, but unresolvable (no year)


def _mention(document: Document, index: int, role: str, sentences: list[_Sentence], when: EventDate,
             kb: KnowledgeBase, flags: tuple, article_scene: Place | None = None) -> Mention:
    cue_text = " ".join(s.text for s in sentences if s.cue)[:2000]
    event_type, sub_event_type, action = classify_event(cue_text or " ".join(s.text for s in sentences[:3]))
    people: dict[str, Person] = {}
    actors: dict[str, Actor] = {}
    for s in sentences:
        for person in people_with_fates(s.span):
            people.setdefault(person.name, person)
        if s.cue:
            for actor in actors_with_roles(s.span, _canonical(kb)):
                actors.setdefault(actor.name, actor)
    told = " ".join(s.text for s in sentences if s.cue)
    # a short report's event sentences are a few words: its primary mention's words include the article's
    # opening (gva-dev re-clustered: B³ 0.916 -> 0.922; given to every report, 0.925, but the opening's names
    # made the blocking index half as big again at a million mentions)
    short = role == "primary" and len(told) < SHORT_EVIDENCE
    evidence = (document.text[:LEAD_CHARS] + " " + told if short else told)[:3000]
    return Mention(
        id=hashlib.sha256(f"{document.id}:{index}".encode()).hexdigest()[:24],
        document_id=document.id, document=document.name, role=role,  # type: ignore[arg-type]
        event_type=event_type, sub_event_type=sub_event_type, action=action, date=when,
        place=scene_place(sentences, article_scene), actors=tuple(actors.values()), people=tuple(people.values()),
        claims=tuple(c for s in sentences for c in s.claims), flags=flags,
        published=document.published, outlet=document.outlet, evidence=evidence,
        statement_dates=tuple(d.date for s in sentences for d in s.statement_dates))


def _canonical(kb: KnowledgeBase):
    def resolve(name: str) -> str | None:
        entry = kb.resolve(name)
        return entry.canonical if entry else None
    return resolve
