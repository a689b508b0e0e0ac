"""Checks of what a text says about its places against the gazetteer: a town put in the wrong province
(admin_mismatch) or on the wrong side of its country (direction_mismatch). Both are flags on the incident,
never a reason to move the place."""
from __future__ import annotations

import re

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.nlp import text_of
from sitrep.extract.places import km, parse_toponyms, possessive_country
from sitrep.extract.toponyms import Toponym
from sitrep.records import Flag, PlaceMention


def place_flags(sdoc, mentions: list[PlaceMention], gazetteer: Gazetteer, document_name: str | None,
                outlet: str | None = None, title: str | None = None) -> list[Flag]:
    """Inconsistencies between what the text says about a place and where the gazetteer has it, for the
    toponyms among `mentions` (geoparse's output, possibly filtered by the caller).

    admin_mismatch: "X in Syria's Raqqa governorate" when the gazetteer's only X in that country lies
    in another province, well away from the stated one. direction_mismatch: "Syria's northwestern
    Hasakah region" / "Atmeh in eastern Syria" when the place sits clearly on the other side of the
    country (outer 40% of its extent on the opposite side). Both need the explicit construction.
    `outlet` and `title` as given to geoparse (so that both read the same parse).
    """
    flags = []
    toponyms = parse_toponyms(sdoc, gazetteer, outlet=outlet, title=title)
    spans = {(m.start, m.end) for m in mentions}
    text = text_of(sdoc)
    for t in toponyms:
        if (t.start, t.end) not in spans:   # only the place mentions the caller kept
            continue
        for q in t.qualifiers:
            if flag := _admin_mismatch(t, q, gazetteer, document_name):
                flags.append(flag)
        if flag := _direction_mismatch(text, t, toponyms, gazetteer, document_name):
            flags.append(flag)
    return list({(f.kind, f.detail): f for f in flags}.values())


def _admin_mismatch(t: Toponym, q: Toponym, gazetteer: Gazetteer, document: str | None) -> Flag | None:
    area = q.chosen
    if t.demonym or not area or area.precision != "admin1" or q.level != "admin1" and not possessive_country(q):
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
