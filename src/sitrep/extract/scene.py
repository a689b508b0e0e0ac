"""Where an incident happened, among the places its sentences name (`scene_place`): the lead's first place,
refined by a finer one inside it, with what the text sets apart from the scene (a hospital's town, a
newspaper's, a court's, someone's home town, the area around a city, a reporter's dateline) weighed as news
English writes it (hand-written patterns: no installed package reads these constructions)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Protocol

from sitrep.extract.missed_towns import CALENDAR_WORDS
from sitrep.extract.places import km
from sitrep.records import Place, PlaceMention

NEAR_KM = 50          # two precise places farther apart than this are two scenes
COUNTY_KM = 80        # a town farther than this from a second-level division's point is not inside it


class SceneSentence(Protocol):
    """What `scene_place` reads of a sentence (mentions._Sentence, and foreign.py's sentences of other
    languages): its text and start in the article, its event cue, its places, which of them open a dateline and
    which name the outlet in the headline's tail (`site_tail`, empty where no tail is read)."""
    text: str
    cue: str | None
    places: list[PlaceMention]
    datelines: set[int]
    site_tail: set[int]

    @property
    def start(self) -> int: ...


def scene_place(sentences: list[SceneSentence], article_scene: Place | None = None) -> Place:
    """Where the event happened: the first place named in an event sentence (the lead names the scene
    first), refined by the first more precise place that lies inside it ("Idlib province" → "Atmeh").
    Places the text sets apart from the scene (a hospital's town, a newspaper's, a court's, a distance's
    origin, the outlet's home in the headline's tail: `_aside`) only count when there is nothing else; a
    victim's home town ("a Columbus man", "who lived in Antioch") is no scene while the text names another,
    but may still refine one (it is mostly nearby); the area around a city ("a Houston-area home", "east of
    Portland") gives way to a town near it; of two places as precise, the one the text puts something in.
    `article_scene`, the scene of the whole article, stands when these sentences (the primary event's, of a
    story on an arrest or a trial whose placed lead went to a recalled event) name no place."""
    own = _group_scene(sentences)
    if article_scene is not None and own.precision == "unknown":
        return article_scene
    return own


def _group_scene(sentences: list[SceneSentence]) -> Place:
    """`scene_place` of one group of sentences."""
    named = [(s, p, _aside(s, p)) for s in sentences for p in s.places if p.place]
    scene = [(s, p) for s, p, aside in named if not aside]
    kept = scene or [(s, p) for s, p, _ in named]
    # ...unless only a dateline or a state is left: "PORTLAND, Ore. (KOIN) - A Sandy man shot his wife" is in Sandy
    # ...nor when no other town is put as a scene or a jurisdiction ("Doctors say a Kansas City teen ...", and
    # a first name read as a town; not "Erie Police say a Detroit man", "in Brookfield ... a woman from Milwaukee")
    chosen = [(s, p) for s, p in kept if not _residence(s, p)]
    chosen = chosen if any(p.start not in s.datelines and _rank(p.place) <= RANK["admin2"]
                           and (_in_place(s, p) or _jurisdiction(s, p)) for s, p in chosen) else kept
    found = [_Found(p.place, p.start in s.datelines, _vicinity(s, p), _in_place(s, p)) for s, p in chosen if s.cue] \
        or [_Found(p.place, p.start in s.datelines, _vicinity(s, p), _in_place(s, p)) for s, p in chosen]
    if not found:
        return Place()
    # the support of a scene counts non-event sentences and asides too ("New Orleans police", "Orleans Parish jail")
    every = [p.place for _, p, _ in named]
    lead = found[:3]
    fine = [f for f in lead if _rank(f.place) <= RANK["admin1"]]
    if any(not compatible(a.place, b.place) for a in fine for b in fine):
        # the lead names two scenes that cannot both be right (a person's first name read as a town,
        # a story's other city, the dateline of a reporter filing from another country): keep the ones most
        # of the article's places agree with; on a tie, not a dateline abroad ("MOSCOW — ... in Kharkiv")
        support = {id(f): (sum(compatible(f.place, p) for p in every[:20]),
                           not f.dateline or any(o.place is not f.place and o.place.country == f.place.country
                                                 for o in fine))
                   for f in fine}
        top = max(support.values())
        lead = [f for f in fine if support[id(f)] == top]
    # the lead's most precise place; of two as precise, one the text puts the event in ("... Shot in Indio -
    # Palm Springs news")
    chosen_lead = min(lead, key=lambda f: (_rank(f.place) + (VICINITY_RANK if f.vicinity else 0), not f.located))
    best, vicinity = chosen_lead.place, chosen_lead.vicinity
    # refined by event sentences first, then by any sentence (a dateline "ST. LOUIS" inside "Mo."); the area around
    # a city ("a Houston-area home", "Atlanta's suburbs") by a town near it ("KATY, Texas (AP)")
    for s, p in [(s, p) for s, p in kept if s.cue] + kept:
        if _refines(s, p, best, vicinity):
            best, vicinity = p.place, False
    if any(p.place is best and p.start in s.datelines for s, p in kept):
        # a dateline is where the reporter filed: another town of its state is the scene when an event
        # sentence puts the event in it, or its police own the case, and the text names it again ("BILLINGS, Mont.
        # — ... a residence in Roundup", "CINCINNATI (AP) — ... Hamilton police say"), or the dateline's own
        # sentence names a nearby town's people ("PORTLAND, Ore. — A Sandy man")
        again = Counter(p.place.gazetteer_id for _, p in kept)
        dateline = best
        best = next((p.place for s, p in kept if s.cue and p.start not in s.datelines and p.place.precision == "town"
                     and p.place.gazetteer_id != dateline.gazetteer_id and not _vicinity(s, p)
                     and (p.place.country, p.place.admin1) == (dateline.country, dateline.admin1)
                     and (again[p.place.gazetteer_id] >= 2 and (_in_place(s, p) or _jurisdiction(s, p)
                                                                  and compatible(p.place, dateline))
                          or s.datelines and _residence(s, p) and compatible(p.place, dateline))), best)
    return best


def _refines(s: SceneSentence, p: PlaceMention, best: Place, vicinity: bool) -> bool:
    """Whether `p` is a finer place inside `best`; when `best` is the area around a city (`vicinity`), a town
    near the city other than the city itself and no one's home town; and when `p` is itself the area around
    a place ("detained east of Portland"), only for a county that place lies in."""
    candidate = p.place
    apart = None if None in (candidate.lat, best.lat) else km(candidate.lat, candidate.lon, best.lat, best.lon)
    if _vicinity(s, p) and (apart is None or apart > NEAR_KM):
        return False
    if vicinity and (candidate.gazetteer_id == best.gazetteer_id or _residence(s, p)
                     or apart is not None and apart > VICINITY_KM):
        return False
    return _rank(candidate) < _rank(best) + (VICINITY_RANK if vicinity else 0) and _inside(candidate, best)


@dataclass
class _Found:
    """A place the text may set the event in, with what its construction says of it."""
    place: Place
    dateline: bool
    vicinity: bool    # "a Houston-area home", "Atlanta's northeastern suburbs": somewhere around the city
    located: bool     # "in Indio", "at a home in Roundup": the text puts something in it


VICINITY_RANK = 0.5   # the area around a city is coarser than a town, finer than its county
VICINITY_KM = 80      # ...and a town this close refines it
_VICINITY_AFTER = re.compile(r"(?i)^(?:-|\s)area\b|^['’]?s?\s+(?:(?:north|south|east|west)\w*\s+)?(?:suburbs?|"
                             r"outskirts|metro(?:politan)? area)\b")
_VICINITY_BEFORE = re.compile(r"(?i)\b(?:(?:suburbs?|outskirts)\s+of|metro|greater|suburban"
                              r"|(?:north|south|east|west)(?:east|west)?(?:ern)?\s+of)"
                              r"\s+(?:the\s+)?$")


def _vicinity(s: SceneSentence, p: PlaceMention) -> bool:
    """ "a Houston-area home", "the Atlanta suburbs", "metro Atlanta", "east of Portland": around the city, not in
    it."""
    at = p.start - s.start
    return bool(_VICINITY_AFTER.match(s.text[at + len(p.text):at + len(p.text) + 30])
                or _VICINITY_BEFORE.search(s.text[max(0, at - 20):at]))


def _in_place(s: SceneSentence, p: PlaceMention) -> bool:
    """ "in Roundup", not "a suspect in McDonald's murder", nor "at the Hollywood Recreation Center" (a name the
    town's name opens)."""
    at = p.start - s.start
    after = s.text[at + len(p.text):at + len(p.text) + 20]
    named_after = re.match(r"\s(?-i:[A-Z][a-z]+)\b", after)
    return bool(_IN_PLACE.search(s.text[:at])) and not re.match(r"['’]s\b", after) and not (
        named_after and named_after.group().strip().lower() not in CALENDAR_WORDS)


def _jurisdiction(s: SceneSentence, p: PlaceMention) -> bool:
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
# suspect was arrested in or a court sits in, a state police post's town, a wire's credit line, the far town a
# distance is measured from (hand-written: news English patterns).
_ASIDE_BEFORE = re.compile(
    r"(?:\b(?:hospital|medical cent(?:er|re)|trauma cent(?:er|re)|clinic|jail)\s+in|\bhospitali[sz]ed\s+in"
    r"|\b(?:taken|transported|flown|airlifted|rushed|driven|transferred|flew)\s+(?:\w+\s+){0,2}to"
    r"|\b(?:arrested|apprehended|captured|caught|booked|jailed|detained)\s+(?:\w+\s+){0,3}(?:in|at)"
    r"|\bto\s+(?-i:(?:[A-Z][\w.'’]*\s+){1,4})in"   # "then to Trinity Mother Frances in Tyler": its town
    r"|\b(?:[2-9]\d|\d{3,})\s*(?:miles?|kilometers?|kilometres?|km)\s+(?:\w+\s+){0,2}(?:of|from)"
    r"|\bstate police\s+(?:post\s+)?in|\bpost\s+\d+"   # "state police in Newport", "Post 11 London"
    r"|\bcourt(?:house|room)?\s+in|\b(?:arraigned|sentenced)\s+(?:\w+\s+){0,3}in"   # "District Court in Romulus"
    r"|\binformation from:?)"                          # a wire's credit: "Information from: The (Panama City) News"
    r"\s+(?:(?:a|an|the)\s+)?\(?$", re.I)
# ...and after the name: its hospital or jail ("a San Antonio hospital", "San Antonio Military Medical Center",
# "Carilion Roanoke Memorial"), a newspaper named after the town ("told the Indianapolis Star"), a stream
_ASIDE_AFTER = re.compile(r"^['’]?s?\s+(?i:area\s+|regional\s+|children['’]s\s+)?(?:[A-Z][a-z]+\s+){0,2}"
                          r"(?:(?i:hospital|medical cent(?:er|re)|trauma|jail|detention)"
                          r"|Memorial\b(?!\s+(?:Day|Park|Drive|Stadium|Highway|Road|Boulevard|Bridge))"
                          r"|Post|Journal|Times|Tribune|Herald|Gazette|Chronicle|Register|Courier|Dispatch|Inquirer"
                          r"|Observer|Bee|Democrat|Enquirer|Free Press|News(?!:)|Star|Sun|Press|Record|Telegram"
                          r"|Daily"   # not a section's label: "Bridgeport News: 2 Women Shot"
                          r"|River|Creek|Bayou)\b")   # a stream named after it: "near the San Joaquin River"
_FORCE_AFTER = re.compile(r"(?i)^['’]?s?\s+(?:police|pd|sheriff|officers|detectives|fire|county)\b")
_IN_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.I)   # "happened at a home in Roundup"
# a person's home town: "a Detroit man", "a 15-year-old from Columbus", "Jason Belmont, 45, of Fairplay", "Tavis
# Jackson, of Abbeville", "a girl who lived in Antioch"
_RESIDENCE_BEFORE = re.compile(r"(?:\bfrom|\d+,?\s+of|\b(?-i:[A-Z][a-z]+),\s+of"
                               r"|\b(?:lived|lives|living|resided|resides|residing|grew up)\s+in)\s+$", re.I)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|two|three|four|\d+-year-old)\s+$", re.I)
# a headline's opening before a home town: nothing, or a source's label ("Police: Shawnee teen shot in ...")
_HEADLINE_OPENING = re.compile(r"\W*(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?:\s+)?")
_RESIDENCE_AFTER = re.compile(r"^,?\s+(?:(?i:township|county|area)\s+)?(?:man|woman|men|women|boy|girl|teen|"
                              r"teenager|teens|resident|residents|native|couple|family|mother|father|youth|student|"
                              r"toddler|child|pastor|officer)\b")
# "Samir Price, of the 6100 block of Loretto Avenue in Oxford Circle": a person's address
_ADDRESS_BEFORE = re.compile(r"(?i),\s+of\s+the\s+\d+\s+block\s+of\s+(?:[\w.]+\s+){1,4}in\s+$")
# "Tampa resident Amanda Grau", "Oakland residents": a home town even without an article before it
_RESIDENT_AFTER = re.compile(r"^,?\s+(?:residents?|natives?)\b")


def _aside(s: SceneSentence, p: PlaceMention) -> bool:
    """Whether the text sets `p` apart from the event's scene (see _ASIDE_BEFORE and _ASIDE_AFTER)."""
    at = p.start - s.start
    return bool(p.start in s.site_tail or _ASIDE_BEFORE.search(s.text[max(0, at - 60):at])
                or _ASIDE_AFTER.match(s.text[at + len(p.text):at + len(p.text) + 30]))


def _residence(s: SceneSentence, p: PlaceMention) -> bool:
    """Whether the text names `p` as someone's home town or address (see _RESIDENCE_BEFORE and the others)."""
    at = p.start - s.start
    # "a Detroit man", and a headline's "Beaver teen killed in Aliquippa" (headlines drop the article); a
    # headline's "Springfield teen shot" is still in Springfield, as scene_place keeps a home town when the
    # text puts the event in no other town
    after = s.text[at + len(p.text):at + len(p.text) + 20]
    return bool(_RESIDENCE_BEFORE.search(s.text[max(0, at - 30):at]) or _RESIDENT_AFTER.match(after)
                or _ADDRESS_BEFORE.search(s.text[max(0, at - 70):at])
                or (_ARTICLE_BEFORE.search(s.text[max(0, at - 20):at]) or _HEADLINE_OPENING.fullmatch(s.text[:at]))
                and _RESIDENCE_AFTER.match(after))


def _rank(p: Place) -> float:
    """Precision rank; a town the gazetteer lacks, placed by the province or county the text names, sits
    just finer than that area."""
    if _named_fallback(p):
        return RANK[p.precision] - 0.5
    return RANK[p.precision]


def _same(a: str, b: str) -> bool:
    strip = lambda x: re.sub(r"^(al|el|ar|as|ad)[- ]|\b(province|governorate|region|state)\b|\W", "", x.lower())  # noqa: E731
    return strip(a) == strip(b)


RANK = {"point": 0, "town": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, "unknown": 6}


def _inside(inner: Place, outer: Place) -> bool:
    """`inner` lies within `outer` as far as the hierarchy tells (country, then admin1 when `outer` has one)."""
    if not inner.country or inner.country != outer.country:
        return False
    if outer.precision == "admin2" and None not in (inner.lat, outer.lat) and \
            km(inner.lat, inner.lon, outer.lat, outer.lon) > COUNTY_KM:
        return False      # Wichita is in Kansas, but far from Cowley County (towns carry no county here)
    return RANK[outer.precision] >= RANK["country"] or not outer.admin1 or inner.admin1 == outer.admin1


def compatible(a: Place, b: Place) -> bool:
    """Two places can be the scene of one event: one contains the other, or they are close."""
    if not a.country or not b.country:
        return True
    if a.lat is not None and b.lat is not None and RANK[a.precision] <= 2 and RANK[b.precision] <= 2:
        return km(a.lat, a.lon, b.lat, b.lon) <= NEAR_KM
    return _inside(a, b) or _inside(b, a)
