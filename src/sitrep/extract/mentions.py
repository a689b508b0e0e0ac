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
from collections import Counter
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
from sitrep.extract.place_checks import place_flags
from sitrep.extract.places import geoparse, km
from sitrep.extract.toponyms import is_dateline
from sitrep.records import Actor, Claim, Document, EventDate, Mention, Person, Place, PlaceMention

BACKGROUND_GAP_DAYS = 7
LEAD_CHARS = 400      # of the article's opening, added to the evidence of a primary mention...
SHORT_EVIDENCE = 300  # ...whose event sentences are shorter than this
NEAR_KM = 50          # two precise places farther apart than this are two scenes
COUNTY_KM = 80        # a town farther than this from a second-level division's point is not inside it
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
    claims: list[Claim] = field(default_factory=list)

    @property
    def start(self) -> int:
        """Where the sentence starts in the text: with `text`, `cue`, `places` and `datelines`, all that
        `scene_place` reads (the reader of other languages builds sentences of that shape without spaCy)."""
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
        s.claims = [c for c in claims if span.start_char <= c.start < span.end_char]
        out.append(s)
    return out


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
    own = [p.place for p in s.places if p.place and _RANK[p.place.precision] <= _RANK["admin1"]]
    return bool(own) and main_place.country is not None and not any(_compatible(p, main_place) for p in own)


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


def scene_place(sentences: list[_Sentence], article_scene: Place | None = None) -> Place:
    """Where the event happened: the first place named in an event sentence (the lead names the scene
    first), refined by the first more precise place that lies inside it ("Idlib province" → "Atmeh").
    Places the text sets apart from the scene (a hospital's town, a newspaper's, a distance's origin:
    `_aside`) only count when there is nothing else; a victim's home town ("a Columbus man") is no
    scene while the text names another, but may still refine one (it is mostly nearby).
    `article_scene`, the scene of the whole article, stands when these sentences (the primary event's, of a
    story on an arrest or a trial whose placed lead went to a recalled event) name no place."""
    own = _group_scene(sentences)
    if article_scene is not None and own.precision == "unknown":
        return article_scene
    return own


def _group_scene(sentences: list[_Sentence]) -> Place:
    """`scene_place` of one group of sentences."""
    named = [(s, p, _aside(s, p)) for s in sentences for p in s.places if p.place]
    scene = [(s, p) for s, p, aside in named if not aside]
    kept = scene or [(s, p) for s, p, _ in named]
    # ...unless only a dateline or a state is left: "PORTLAND, Ore. (KOIN) - A Sandy man shot his wife" is in Sandy
    # ...nor when no other town is put as a scene or a jurisdiction ("Doctors say a Kansas City teen ...", and
    # a first name read as a town; not "Erie Police say a Detroit man", "in Brookfield ... a woman from Milwaukee")
    chosen = [(s, p) for s, p in kept if not _residence(s, p)]
    chosen = chosen if any(p.start not in s.datelines and _rank(p.place) <= _RANK["admin2"]
                           and (_in_place(s, p) or _jurisdiction(s, p)) for s, p in chosen) else kept
    found = [(p.place, p.start in s.datelines) for s, p in chosen if s.cue] or \
        [(p.place, p.start in s.datelines) for s, p in chosen]
    if not found:
        return Place()
    # the support of a scene counts non-event sentences and asides too ("New Orleans police", "Orleans Parish jail")
    every = [p.place for _, p, _ in named]
    lead = found[:3]
    fine = [(p, dateline) for p, dateline in lead if _rank(p) <= _RANK["admin1"]]
    if any(not _compatible(a, b) for a, _ in fine for b, _ in fine):
        # the lead names two scenes that cannot both be right (a person's first name read as a town,
        # a story's other city, the dateline of a reporter filing from another country): keep the ones most
        # of the article's places agree with; on a tie, not a dateline abroad ("MOSCOW — ... in Kharkiv")
        support = {id(c): (sum(_compatible(c, p) for p in every[:20]),
                           not dateline or any(o is not c and o.country == c.country for o, _ in fine))
                   for c, dateline in fine}
        top = max(support.values())
        lead = [(c, dateline) for c, dateline in fine if support[id(c)] == top]
    best = min((p for p, _ in lead), key=_rank)   # the lead's most precise place
    # refined by event sentences first, then by any sentence (a dateline "ST. LOUIS" inside "Mo.")
    everywhere = [p.place for s, p in kept]
    for candidate in [p.place for s, p in kept if s.cue] + everywhere:
        if _rank(candidate) < _rank(best) and _inside(candidate, best):
            best = candidate
    if any(p.place is best and p.start in s.datelines for s, p in kept):
        # a dateline is where the reporter filed: another town of its state is the scene when an event
        # sentence puts the event in it and the text names it again ("BILLINGS, Mont. — ... a residence in
        # Roundup"), or the dateline's own sentence names a nearby town's people ("PORTLAND, Ore. — A Sandy man")
        named = Counter(p.place.gazetteer_id for _, p in chosen)
        dateline = best
        best = next((p.place for s, p in kept if s.cue and p.start not in s.datelines and p.place.precision == "town"
                     and p.place.gazetteer_id != dateline.gazetteer_id
                     and (p.place.country, p.place.admin1) == (dateline.country, dateline.admin1)
                     and (named[p.place.gazetteer_id] >= 2 and _in_place(s, p)
                          or s.datelines and _residence(s, p) and _compatible(p.place, dateline))), best)
    return best


def _in_place(s: _Sentence, p: PlaceMention) -> bool:
    """ "in Roundup", not "a suspect in McDonald's murder"."""
    at = p.start - s.start
    return bool(_IN_PLACE.search(s.text[:at])) and not re.match(r"['’]s\b", s.text[at + len(p.text):])


def _jurisdiction(s: _Sentence, p: PlaceMention) -> bool:
    """ "Dayton police", "the City of Brookfield PD", "Anderson County": a force or an area that owns the case."""
    at = p.start - s.start
    return bool(_FORCE_AFTER.match(s.text[at + len(p.text):at + len(p.text) + 20])
                or re.search(r"(?i)\b(?:city|town|village|county) of\s+$", s.text[max(0, at - 20):at])
                or p.place.precision == "admin2")


def _named_fallback(p: Place) -> bool:
    """A town the gazetteer lacks, placed at the province or county the text puts it in ("Toone,
    Tennessee", "SNOWVILLE, Box Elder County"): its own name, a larger area's point."""
    return p.gazetteer_id is None and p.precision in ("admin1", "admin2") and bool(p.name) and not any(
        _same(p.name, area) for area in (p.admin1, p.admin2) if area)


# What sets a place apart from the scene: the hospital or jail a victim or suspect was taken to, the town a
# suspect was arrested in, a newspaper named after its town, the far town a distance is measured from
# (hand-written: news English patterns).
_ASIDE_BEFORE = re.compile(
    r"(?:\b(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re)|clinic|jail)\s+in|\bhospitali[sz]ed\s+in"
    r"|\b(?:taken|transported|flown|airlifted|rushed|driven|transferred|flew|airlifted)\s+(?:\w+\s+){0,2}to"
    r"|\b(?:arrested|apprehended|captured|caught|booked|jailed|detained)\s+(?:\w+\s+){0,3}(?:in|at)"
    r"|\bto\s+(?-i:(?:[A-Z][\w.'’]*\s+){1,4})in"   # "then to Trinity Mother Frances in Tyler": its town
    r"|\b(?:[2-9]\d|\d{3,})\s*(?:miles?|kilometers?|kilometres?|km)\s+(?:\w+\s+){0,2}(?:of|from))"
    r"\s+(?:(?:a|an|the)\s+)?$", re.I)
_ASIDE_AFTER = re.compile(r"^['’]?s?\s+(?i:area\s+|regional\s+|children['’]s\s+)?"
                          r"(?:(?i:hospital|medical cent(?:er|re)|trauma|jail|detention)|Post|Journal|Times|Tribune|"
                          r"Herald|Gazette|Chronicle|Register|Courier|Dispatch|Inquirer|Observer|Bee|Democrat|"
                          r"Enquirer|Free Press)\b")
_FORCE_AFTER = re.compile(r"(?i)^['’]?s?\s+(?:police|pd|sheriff|officers|detectives|fire|county)\b")
_IN_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)   # "happened at a home in Roundup"
# a person's home town: "a Detroit man", "a 15-year-old from Columbus", "Jason Belmont, 45, of Fairplay"
_RESIDENCE_BEFORE = re.compile(r"(?:\bfrom|\d+,?\s+of)\s+$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|two|three|four|\d+-year-old)\s+$", re.I)
# a headline's opening before a home town: nothing, or a source's label ("Police: Shawnee teen shot in ...")
_HEADLINE_OPENING = re.compile(r"\W*(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?:\s+)?")
_RESIDENCE_AFTER = re.compile(r"^,?\s+(?:(?i:township|county|area)\s+)?(?:man|woman|men|women|boy|girl|teen|"
                              r"teenager|teens|resident|residents|native|couple|family|mother|father|youth|student|"
                              r"toddler|child|pastor|officer)\b")


def _aside(s: _Sentence, p: PlaceMention) -> bool:
    """Whether the text sets `p` apart from the event's scene (see _ASIDE_BEFORE and _ASIDE_AFTER)."""
    at = p.start - s.start
    return bool(_ASIDE_BEFORE.search(s.text[max(0, at - 60):at])
                or _ASIDE_AFTER.match(s.text[at + len(p.text):at + len(p.text) + 30]))


def _residence(s: _Sentence, p: PlaceMention) -> bool:
    at = p.start - s.start
    # "a Detroit man", and a headline's "Beaver teen killed in Aliquippa" (headlines drop the article); a
    # headline's "Springfield teen shot" is still in Springfield, as scene_place keeps a home town when the
    # text puts the event in no other town
    return bool(_RESIDENCE_BEFORE.search(s.text[max(0, at - 30):at])
                or (_ARTICLE_BEFORE.search(s.text[max(0, at - 20):at]) or _HEADLINE_OPENING.fullmatch(s.text[:at]))
                and _RESIDENCE_AFTER.match(s.text[at + len(p.text):at + len(p.text) + 20]))


def _rank(p: Place) -> float:
    """Precision rank; a town the gazetteer lacks, placed by the province or county the text names, sits
    just finer than that area."""
    if _named_fallback(p):
        return _RANK[p.precision] - 0.5
    return _RANK[p.precision]


def _same(a: str, b: str) -> bool:
    strip = lambda x: re.sub(r"^(al|el|ar|as|ad)[- ]|\b(province|governorate|region|state)\b|\W", "", x.lower())  # noqa: E731
    return strip(a) == strip(b)


_RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, "unknown": 6}


def _inside(inner: Place, outer: Place) -> bool:
    """`inner` lies within `outer` as far as the hierarchy tells (country, then admin1 when `outer` has one)."""
    if not inner.country or inner.country != outer.country:
        return False
    if outer.precision == "admin2" and None not in (inner.lat, outer.lat) and \
            km(inner.lat, inner.lon, outer.lat, outer.lon) > COUNTY_KM:
        return False      # Wichita is in Kansas, but far from Cowley County (towns carry no county here)
    return _RANK[outer.precision] >= _RANK["country"] or not outer.admin1 or inner.admin1 == outer.admin1


def _compatible(a: Place, b: Place) -> bool:
    """Two places can be the scene of one event: one contains the other, or they are close."""
    if not a.country or not b.country:
        return True
    if a.lat is not None and b.lat is not None and _RANK[a.precision] <= 2 and _RANK[b.precision] <= 2:
        return km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    return _inside(a, b) or _inside(b, a)


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
