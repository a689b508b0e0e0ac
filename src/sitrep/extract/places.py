"""The geoparser: place names in a spaCy doc, resolved against the gazetteer with the text's own context.

Resolution uses what a reader uses: the hierarchy the text states ("Atmeh, in Idlib province",
"Macon, Ga.", "Syria's Raqqa governorate"), the countries and provinces named elsewhere in the
article, nearness to the other places it names, and size. A town the gazetteer lacks falls back to
the hierarchy the text gives (precision admin1/country), never to a guessed point.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from sitrep.extract.gazetteer import Candidate, Gazetteer, km, normalize_name
from sitrep.extract.local_setting import (NEAR_KM, city_neighbourhoods, dateline_districts, drop_strays,
                                         generic_abroad, home_namesakes, place_districts)
from sitrep.extract.missed_towns import local_names
from sitrep.extract.nlp import text_of
from sitrep.extract.outlets import outlet_country, outlet_home
from sitrep.extract.place_words import STREET_WORDS
from sitrep.extract.toponyms import Toponym, recognize
from sitrep.records import Place, PlaceMention

CONNECTOR = re.compile(r"^\s*(?:,|\()?\s*(?:(?:a|an|the)\s+)?"
                       r"(?:(?!(?:and|or|but|to|from|with|while|after|before)\b)[a-z]+\s+){0,3}?"
                       r"(?P<rel>in|near|outside|of|,|\()?\s*(?:the\s+)?(?:(?:north|south|east|west|central)[a-z-]*\s+)?$")
PRECISION_RANK = {"country": 0, "region": 1, "admin1": 2, "admin2": 3, "town": 4, "point": 5}


def _attach_qualifiers(sdoc, toponyms: list[Toponym]) -> None:
    """Link each toponym to the larger places the text puts it in: "A, in B", "B's A", "A (B)"."""
    text = text_of(sdoc)
    for a, b in zip(toponyms, toponyms[1:]):
        gap = text[a.end:b.start]
        if "\n" in gap or len(gap) > 40:
            continue
        m = CONNECTOR.match(gap)
        if m and not b.demonym and (m.group("rel") or gap.strip() in ("", ",")):
            (a.near if m.group("rel") in ("near", "outside") else a.qualifiers).append(b)
        elif re.match(r"^['\u2019]s\s+(?:\w+ern\s+)?$", gap) or (a.demonym and re.match(r"^\s*(?:\w+ern\s+)?$", gap)):
            b.qualifiers.append(a)
            b.possessed_by = a
    for a, b in reversed(list(zip(toponyms, toponyms[1:]))):  # "Atmeh and Barisha in Idlib": both are
        if b.qualifiers and not a.qualifiers and re.match(r"^\s*(?:,|and|or|, and)\s*$", text[a.end:b.start]):
            a.qualifiers = list(b.qualifiers)
    for a in toponyms:  # "X in Syria's Raqqa governorate": X is in Raqqa, not just in Syria
        for q in list(a.qualifiers):
            inner = next((c for c in toponyms if c.possessed_by is q), None)
            if inner is not None and inner is not a:
                a.qualifiers.insert(0, inner)


def _fits(c: Candidate, q: Candidate) -> bool:
    """Whether candidate `c` lies inside the qualifying place `q` as far as the gazetteer knows."""
    if q.precision == "country":
        return c.country == q.country
    if q.precision == "admin1":
        return c.country == q.country and c.admin1_code == q.admin1_code
    if q.precision == "admin2":
        return c.country == q.country and c.admin1_code == q.admin1_code and km(c.lat, c.lon, q.lat, q.lon) < 80
    return km(c.lat, c.lon, q.lat, q.lon) < 150


def _allowed(t: Toponym) -> tuple[Candidate, ...]:
    """Candidates consistent with the level and hierarchy the text states; all of them if none is."""
    cands = t.candidates
    if t.level:
        admin = tuple(c for c in cands if c.precision == t.level or c.precision == "region" and t.level == "admin1")
        cands = admin or cands
    if t.facility:  # "White House", "Ghweran prison": a town of the same name is not the building
        cands = tuple(c for c in cands if c.precision == "point")
    if t.state:
        in_state = tuple(c for c in cands if c.country == "US" and c.admin1_code == t.state)
        cands = in_state if in_state or not t.state_weak else cands
    for q in t.qualifiers:
        if not q.chosen:
            continue
        inside = tuple(c for c in cands if _fits(c, q.chosen) and c.geonameid != q.chosen.geonameid)
        # "Illinois, Missouri, Nevada" is a list, not a hierarchy: the name is itself a place as large as
        # the "qualifier" in the same country (or nothing fits and it is as large): ignore the qualifier.
        # Else keep only what fits (nothing, for a homonym the gazetteer lacks: the fallback takes over)
        rank = PRECISION_RANK[q.chosen.precision]
        peers = [c for c in cands if PRECISION_RANK[c.precision] <= rank and not c.alias]
        if not any(c.country == q.chosen.country for c in peers) and (inside or not peers):
            cands = inside or _misplaced_towns(t, q, cands)
    if t.loose:  # a spelling variant only counts where the text's own hierarchy or countries put it
        cands = tuple(c for c in cands if t.qualifiers and t.qualifiers[0].chosen or c.country in t.context)
    if t.context and not t.qualifiers and not t.state:
        # a village abroad is a worse guess than "somewhere in the country the article is about"
        cands = tuple(c for c in cands if c.country in t.context or c.population >= 5000 and not c.alias
                      or c.precision in ("country", "admin1", "region"))
    return cands


def possessive_country(q: Toponym) -> bool:
    """"Syria's Raqqa governorate": the province is given as its country's."""
    return any(x.chosen is not None and x.chosen.precision == "country" for x in q.qualifiers)


def _misplaced_towns(t: Toponym, q: Toponym, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """"X in Syria's Raqqa governorate" when the gazetteer's only X in Syria is in another province: the
    text got the province wrong more often than the gazetteer lacks a second X, so the town it is (and
    place_flags says the text disagrees). Only for an explicit province ("governorate", "Syria's"):
    "Madison, Ohio" is not Madison, Wisconsin."""
    if q.chosen.precision != "admin1" or not (q.level == "admin1" or possessive_country(q)):
        return ()
    return tuple(c for c in cands if c.precision == "town" and c.country == q.chosen.country)


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    points: list[tuple[float, float, str]] = field(default_factory=list)
    support: dict[str, int] = field(default_factory=dict)   # geonameid -> other names with a reading nearby
    towns: Counter = field(default_factory=Counter)           # the towns the other names are read as
    home_towns: tuple[Candidate, ...] = ()                    # the local outlet's own town(s)
    _closest: dict[tuple, float | None] = field(default_factory=dict, repr=False)

    def closest_km(self, c: Candidate) -> float | None:
        """Distance from `c` to the nearest other context point (None without one); memoised, since
        every occurrence of a name scores the same candidates against the same context (a hot spot)."""
        key = (c.geonameid, c.lat, c.lon)
        if key not in self._closest:
            self._closest[key] = min((km(c.lat, c.lon, lat, lon) for lat, lon, gid in self.points
                                      if gid != c.geonameid), default=None)
        return self._closest[key]


@dataclass(frozen=True)
class Home:
    """Where the outlet is: its domain's country, and the state or town its name or title tail gives."""
    country: str | None = None
    places: tuple[Candidate, ...] = ()


def _context(toponyms: list[Toponym], support: dict[str, int] | None = None, home: Home | None = None) -> Context:
    """What the other names say; the outlet's `home` counts as one more mention of its country and of
    its state or province (once, however many of its towns it names), and its towns as nearby places."""
    ctx = Context(support=support or {})
    if home and home.country:
        ctx.countries[home.country] += 1
    for country, admin1 in {(c.country, c.admin1_code) for c in home.places} if home else ():
        ctx.countries[country] += 1 if country != home.country else 0
        ctx.admin1s[(country, admin1)] += 1
    # and its town is near the places it reports ("Marion County" from a Shreveport station is Texas')
    ctx.points += [(c.lat, c.lon, c.geonameid) for c in home.places if c.precision == "town"] if home else []
    ctx.home_towns = tuple(c for c in home.places if c.precision == "town") if home else ()
    for t in toponyms:
        c = t.chosen or (t.candidates[0] if len({x.geonameid for x in t.candidates}) == 1 else None)
        if t.state and not t.state_weak or c is not None and t.state and c.admin1_code == t.state:
            ctx.admin1s[("US", t.state)] += 1
            ctx.countries["US"] += 1
        if c is None:
            continue
        if c.country:
            ctx.countries[c.country] += 1
        if c.precision in ("admin1", "admin2", "town") and c.admin1_code:
            ctx.admin1s[(c.country, c.admin1_code)] += 1 if c.precision != "town" else 0.5
        if c.precision in ("town", "admin2"):
            ctx.points.append((c.lat, c.lon, c.geonameid))
        if c.precision == "town" and not t.district and not t.demonym:
            ctx.towns[c] += 1
    return ctx


def _score(c: Candidate, t: Toponym, ctx: Context) -> float:
    score = math.log10(c.population + 10)
    bonus = {"country": 3.0, "admin1": 2.0, "region": 1.5}.get(c.precision, 0.0) if not c.alias else 0.0
    if c.precision == "admin1" and c.population < 1_000_000 and any(
            o.precision == "town" and not o.alias and o.population >= min(c.population, 100_000) for o in t.candidates):
        bonus = -1.0   # a small province named like a city (Senegal's Saint-Louis, Ghana's Savannah) is rarely meant
    if c.precision == "town" and any(o.precision == "country" and not o.alias for o in t.candidates):
        bonus = -1.5   # "Chile" is the country, not a village of that name in a province the story names
    score += bonus
    score -= 2.5 if c.alias else 0.0
    score += 1.0 if c.feature_code == "PPLC" and not c.alias else 0.0   # "Salisbury", Harare's old name, is no capital
    if (c.feature_code == "PPLC" and not c.alias and not any(o.precision == "country" for o in t.candidates)
            and any(o.precision == "admin1" and o.country == c.country for o in t.candidates)):
        score += 3.0   # "Washington" alone is the capital, the state is "Washington state"
    score += min(ctx.countries.get(c.country, 0), 3) * 2.0
    if c.country is None and c.precision == "region":
        score += 2.0   # a region of several countries ("Middle East") fits any country context
    elif ctx.countries and c.country not in ctx.countries and c.precision != "country":
        score -= 2.0   # the article is about other countries
    # the province the story names (or sets its other towns in) is where its other towns are, the more so
    # the more it is named
    score += 1.5 * min(ctx.admin1s.get((c.country, c.admin1_code), 0), 2) if c.precision != "country" else 0.0
    if any(q.chosen and km(c.lat, c.lon, q.chosen.lat, q.chosen.lon) < 100 for q in t.near):
        score += 2.0   # "X near Aleppo"
    score += SUPPORT_BONUS * min(ctx.support.get(c.geonameid, 0), 2)
    closest = ctx.closest_km(c) if c.precision in ("town", "admin2") else None
    if closest is not None:
        score += 2.0 if closest < 50 else 1.5 if closest < 150 else 0.5 if closest < 400 else 0.0
    if c.precision in ("town", "admin2") and any(km(c.lat, c.lon, h.lat, h.lon) < MARKET_KM for h in ctx.home_towns):
        score += MARKET_BONUS   # a local outlet's stories are in its market: "Antioch" on a Nashville station
    return score


def _resolve(toponyms: list[Toponym], home: Home | None = None) -> None:
    """Passes: first with what is unambiguous, then (twice) with what the last pass chose, each name in turn
    seeing the choices made before it (updating all at once lets two names swap readings: Walker County
    follows Huntsville, Alabama while Huntsville follows Walker County, Texas).
    One sense per discourse: a name gets one reading in a document, voted over its occurrences,
    and its context is what the *other* names say (so a reading cannot vote for itself)."""
    by_name: dict[str, list[Toponym]] = {}
    for t in toponyms:
        by_name.setdefault(normalize_name(t.name) + ("#d" if t.demonym else ""), []).append(t)
    support = _colocated(by_name)
    contexts = {key: _context(_others(toponyms, group), support.get(key), home) for key, group in by_name.items()}
    for key, group in by_name.items():
        _choose(group, contexts[key])
    for _ in range(2):   # a second round lets a name follow one read later ("Georgia" the state, not the country)
        for key, group in by_name.items():
            _choose(group, _context(_others(toponyms, group), support.get(key), home))


MARKET_KM = 120      # a local outlet's own town's surroundings, where most of its stories happen...
MARKET_BONUS = 2.0   # ...worth this much to a reading there over a bigger namesake elsewhere
SUPPORT_KM = NEAR_KM  # a reading of another name this near supports a reading...
SUPPORT_BONUS = 1.0   # ...by this much in _score, for up to two such names
CELL_DEGREES = 0.5


def _colocated(by_name: dict[str, list[Toponym]]) -> dict[str, dict[str, int]]:
    """For each name and each of its town/county readings, how many *other* names have a reading within
    SUPPORT_KM: a local story names a town with its county and neighbours ("Paris and Henry County"), and
    only one Paris has a Henry County around it, even when neither name is unambiguous alone. Readings are
    bucketed in a degree grid so that a document's thousands of candidate pairs are not all measured."""
    grid: dict[tuple[int, int], list[tuple[str, Candidate]]] = {}
    readings: dict[str, list[Candidate]] = {}
    for key, group in by_name.items():
        if group[0].demonym:
            continue
        cands = {c.geonameid: c for t in group for c in t.candidates
                 if c.precision in ("town", "admin2") and not c.alias}
        readings[key] = list(cands.values())
        for c in cands.values():
            grid.setdefault((int(c.lat // CELL_DEGREES), int(c.lon // CELL_DEGREES)), []).append((key, c))
    support: dict[str, dict[str, int]] = {}
    for key, cands in readings.items():
        for c in cands:
            row, col = int(c.lat // CELL_DEGREES), int(c.lon // CELL_DEGREES)
            near = {other for dr in (-1, 0, 1) for dc in (-1, 0, 1) for other, o in grid.get((row + dr, col + dc), ())
                    if other != key and km(c.lat, c.lon, o.lat, o.lon) < SUPPORT_KM}
            if near:
                support.setdefault(key, {})[c.geonameid] = len(near)
    return support


def _others(toponyms: list[Toponym], group: list[Toponym]) -> list[Toponym]:
    """The toponyms not in `group`, by identity: `in` would compare dataclasses field by field (a toponym
    equal to a member has the same name, so it is in the group anyway)."""
    members = {id(t) for t in group}
    return [t for t in toponyms if id(t) not in members]


def _choose(group: list[Toponym], ctx: Context) -> None:
    """One reading for all occurrences of a name: the candidate with the most votes that each allows."""
    for t in group:
        t.context = {c for c, n in ctx.countries.items() if n >= 1}
        if t.township:   # "Harrison Township" is a town of that name only beside the story's other places
            t.candidates = tuple(c for c in t.candidates if (d := ctx.closest_km(c)) is not None and d < NEAR_KM)
    # "HOWLAND, Ohio -- ... in Howland": the occurrence the text places decides for the bare ones
    placed = [t for t in group if t.state and not t.state_weak or any(q.chosen for q in t.qualifiers)]
    allowed = {c.geonameid for t in placed for c in _allowed(t)}
    explicit = any(t.state and not t.state_weak or any(q.chosen and q.chosen.precision in ("admin1", "country")
                                                       for q in t.qualifiers) for t in placed)
    if placed and len(placed) < len(group) and (allowed or explicit):
        for t in group:
            if t not in placed:
                t.candidates = tuple(c for c in t.candidates if c.geonameid in allowed)
    votes: Counter = Counter()
    best: dict[str, Candidate] = {}
    for t in group:
        for c in _allowed(t):
            votes[c.geonameid] += _score(c, t, ctx)
            best[c.geonameid] = c
    shared = best[max(votes, key=votes.get)] if votes else None
    for t in group:
        own = {c.geonameid for c in _allowed(t)}
        t.chosen = shared if shared and shared.geonameid in own else (
            max(_allowed(t), key=lambda c: _score(c, t, ctx)) if own else None)
    if any(t.district for t in group):
        place_districts(group, ctx.towns, ctx.home_towns)


def _fallback(t: Toponym, gazetteer: Gazetteer) -> Place | None:
    """The hierarchy the text gives for a name the gazetteer cannot place: never a guessed point (a
    district's town is no guess: the district lies within a few kilometres of its point)."""
    if t.district and t.host is not None:   # "Mayfair, Philadelphia"
        return replace(t.host.to_place(f"{t.name}, {t.host.name}"), gazetteer_id=None)
    if " " in t.name and t.name.rsplit(" ", 1)[-1].rstrip(".").lower() in STREET_WORDS:
        return None   # "Oshiro Road in Mountain View": a street is no town, and its town is named anyway
    for q in t.qualifiers:
        area = q.chosen
        if area and area.precision == "town":   # "Atmeh, Idlib": the province, not the city's point
            area = gazetteer.admin1_of(area.country, area.admin1_code)
        if area:
            return replace(area.to_place(t.name), gazetteer_id=None)
    if t.state and not t.state_weak and (admin := gazetteer.admin1_of("US", t.state)):
        return replace(admin.to_place(t.name), gazetteer_id=None)
    return None


# geoparse and place_flags of one document share one parse: the last one is kept (with its doc, so the
# identity check cannot be fooled by a recycled id)
_LAST_PARSE: list = [None, None, None, None]


def parse_toponyms(sdoc, gazetteer: Gazetteer, embedded: bool = False, outlet: str | None = None,
           title: str | None = None) -> list[Toponym]:
    doc, last_gazetteer, last_options, toponyms = _LAST_PARSE
    if doc is sdoc and last_gazetteer is gazetteer and last_options == (embedded, outlet, title):
        return toponyms
    home = Home(outlet_country(outlet), outlet_home(outlet, title, gazetteer))
    toponyms = _parse_uncached(sdoc, gazetteer, embedded, home)
    _LAST_PARSE[:] = [sdoc, gazetteer, (embedded, outlet, title), toponyms]
    return toponyms


def _parse_uncached(sdoc, gazetteer: Gazetteer, embedded: bool, home: Home) -> list[Toponym]:
    toponyms = recognize(sdoc, gazetteer, embedded)
    _attach_qualifiers(sdoc, toponyms)
    _resolve(toponyms, home)
    if extra := local_names(sdoc, toponyms, gazetteer, home.places):
        toponyms = sorted(toponyms + extra, key=lambda t: t.start)
        _resolve(toponyms, home)
    dateline_districts(text_of(sdoc), toponyms, home.places)
    generic_abroad(toponyms, home.places)
    drop_strays(toponyms, home.places)
    home_namesakes(text_of(sdoc), toponyms, home.places)
    city_neighbourhoods(text_of(sdoc), toponyms, home.places)
    return toponyms


def geoparse(sdoc, gazetteer: Gazetteer, embedded: bool = False, outlet: str | None = None,
             title: str | None = None) -> list[PlaceMention]:
    """Place mentions of a spaCy doc, offsets into `sdoc.text`.

    `embedded` also returns demonyms ("Syrian": its country) and place names inside organization names
    ("Alexandria Police"): geoparsing benchmarks count those, an incident's place should not.
    `outlet` (the document's outlet domain or URL) lends its country-code domain as context: "London"
    in the London Free Press (lfpress.ca) is London, Ontario; so do a town in its name and the station's
    home in the `title`'s site-name tail (outlets.outlet_home): "Laurel" from a Hattiesburg station is
    Laurel, Mississippi."""
    toponyms = [t for t in parse_toponyms(sdoc, gazetteer, embedded, outlet, title) if embedded or not t.demonym]
    placed = [_placed(t, gazetteer) for t in toponyms]
    # one sense per discourse for fallbacks too: "Atmeh" placed by "Atmeh, in Idlib" once is placed everywhere
    known: dict[str, Place] = {}
    for t, place in zip(toponyms, placed):
        if place is not None and place.gazetteer_id is None:
            key = normalize_name(t.name)
            if key not in known or PRECISION_RANK.get(place.precision, 0) > PRECISION_RANK.get(known[key].precision, 0):
                known[key] = place
    return [PlaceMention(t.start, t.end, t.text, _finer(place, known.get(normalize_name(t.name))))
            for t, place in zip(toponyms, placed)]


def _finer(place: Place | None, known: Place | None) -> Place | None:
    if place is None or (known is not None and place.gazetteer_id is None
                         and PRECISION_RANK.get(known.precision, 0) > PRECISION_RANK.get(place.precision, 0)):
        return known
    return place


def _placed(t: Toponym, gazetteer: Gazetteer) -> Place | None:
    if t.chosen is None:
        return _fallback(t, gazetteer)
    if t.host is not None and t.chosen.precision == "town" and t.chosen.geonameid != t.host.geonameid:
        return t.chosen.to_place(f"{t.name}, {t.host.name}")   # "South Shore, Chicago": a part of the city
    return t.chosen.to_place(None if t.demonym else t.name if t.chosen.alias else None)


def geoparse_records(records: Iterable[dict], nlp, gazetteer: Gazetteer, batch_size: int = 32) -> Iterator[dict]:
    """`sitrep places`: one output line per input record, offsets into the record's `text`."""
    def pairs():
        for record in records:
            yield record.get("text") or "", record
    for sdoc, record in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
        places = []
        for m in geoparse(sdoc, gazetteer, embedded=True, outlet=record.get("outlet") or record.get("url"),
                          title=record.get("title")):
            p = m.place or Place()
            places.append({"start": m.start, "end": m.end, "text": m.text, "lat": p.lat, "lon": p.lon,
                           "country": p.country, "admin1": p.admin1, "gazetteer_id": p.gazetteer_id,
                           "precision": p.precision})
        yield {"document": record.get("id") or record.get("name"), "places": places}
