"""Toponym recognition: which spans of a spaCy doc name places, and the gazetteer candidates of each.

The small NER misses or mislabels many place names ("Greer" as PERSON, "S.C. Highway Patrol" as one
ORG, datelines in capitals); what a reader uses to see a place there is its construction ("in X",
"X, Ga.", "X County", "BEIRUT --") checked against the gazetteer. Resolution is in `places`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitrep.extract.gazetteer import COUNTRY_ALIASES, Candidate, Gazetteer, normalize_name
from sitrep.extract.nlp import entities, span_text, text_of, tokens_of
from sitrep.extract.place_words import (AREA_WORDS, COMPASS, GENERIC_WORDS, LOCATIVES, ROAD_WORDS,
                                       STREET_WORDS, TITLES, TOWN_INSTITUTIONS, VEHICLE_MAKES, VEHICLE_NOUNS)
from sitrep.extract.us_states import AP_STATES, state_abbreviation, state_after

TOPONYM_LABELS = {"GPE", "LOC", "FAC"}
# A word after (or ending) a name that says what level of place it is.
LEVEL_WORDS = {"province": "admin1", "governorate": "admin1", "state": "admin1", "oblast": "admin1",
               "region": "admin1", "county": "admin2", "parish": "admin2", "district": "admin2"}
LEVEL_SUFFIX = re.compile(r"\s+(province|governorate|oblast|region|district)$", re.I)
# Text between a place and a larger place that contains it: "Atmeh, a village in northern Idlib".
# Words that make a name next to them a place even when the NER calls it ORG/PERSON ("the X area").
# NER labels the small model gives place names it does not know ("in Greer": NORP, "Saratoga": PRODUCT).
MISLABELLED = {"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART"}
COUNTY_END = re.compile(r"\s(county|parish)$", re.I)
# What follows a dateline's place name: "NEWARK -- ", "BEIRUT: ", "HAMILTON — ", "GENEVA (Reuters)".
DATELINE_DASH = {"--", "-", "\u2014", "\u2013", "\x97"}
DATELINE_END = {":", "(", ","}
# A US legislator's party and home state or town: "D-S.C.", "R-Marshall", "DFL-Cook".
PARTY_HOME = re.compile(r"(?<![\w-])(?:D|R|I|DFL)-((?:[A-Z][a-z]{0,3}\.\s?){1,2}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
PLACE_NOUNS = {"area", "village", "town", "city", "district", "neighborhood", "neighbourhood", "camp", "suburb",
               "region", "province", "governorate", "county", "parish", "countryside", "outskirts"}
AREA_PREFIX = re.compile(r"^(?:(?:north|south|east|west)(?:ern)?|north-?(?:east|west)(?:ern)?|"
                         r"south-?(?:east|west)(?:ern)?|central|upper|lower|greater|rural)\s+", re.I)
# A direction in lower case before a name: where in the town, not part of its name ("southwest Fresno").
DIRECTION_IN_TOWN = re.compile(r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)\s+(?=[A-Z])")
APPOSITION = re.compile(r"^,\s+(?:a|an|the)\s+(?:[a-z]+\s+)?(?:village|town|city|district|area|suburb|"
                        r"neighbou?rhood|camp|province|region)\b")
# A street address before a name ("the 4700 block of West Addison") and a local force's name after one.
BLOCK_OF = re.compile(r"(?i)\bblock\s+of\s+(?:(?:north|south|east|west|[nsew]\.?)\s+)?$")
LOCAL_FORCE = re.compile(r"(?i)\b(police|sheriff|sheriff's|fire department|fire rescue)\b")
# Capital letters that name a country in news: the rest of the ISO codes are other things ("ST", "TM").
COUNTRY_ABBREVIATIONS = {a for names in COUNTRY_ALIASES.values() for a in names if re.fullmatch(r"[A-Z]{2,3}", a)} | {
    "DC", "NSW", "ACT"}


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
    state_weak: bool = False                 # the state is a postal code or full name ("Perth, WA" is
                                             # Australian): it only decides among the name's own towns
    possessed_by: "Toponym | None" = None    # "Syria's Idlib": Syria
    loose: bool = False                      # candidates are spelling variants only (lookup_loose)
    near: list["Toponym"] = field(default_factory=list)   # "X near B": soft context, not containment
    district: bool = False                   # "the Austin neighborhood": a part of a town, not a town
    host: Candidate | None = None            # a district's town, as resolution finds it




def _town_of_its_own(text: str, gazetteer: Gazetteer) -> bool:
    """A city the gazetteer knows by `text` (over 10,000 people), not just a people's name ("Somali")."""
    return any(c.precision == "town" and not c.alias and c.population >= 10_000 for c in gazetteer.lookup(text)) \
        and not gazetteer.demonym_country(text)


def _is_place_name(text: str, gazetteer: Gazetteer, big: bool = False) -> bool:
    """Whether the gazetteer knows `text` as a country, province, "X County" or (when not `big`) a town;
    or `text` is a US state's abbreviation ("S.C.")."""
    if not big and state_abbreviation(text, gazetteer):
        return True
    if text.lower() in COMPASS:   # Cameroon's "East" region is not the East of "East High School"
        return False
    county = COUNTY_END.search(text)
    return any(c.precision == "country" or (not big and (c.precision == "admin1" or c.population >= 1000
                                                         or county and c.precision == "admin2") and not c.alias)
               for c in gazetteer.lookup(text))


def _embedded(sdoc, ent, gazetteer: Gazetteer):
    """A place name that opens or closes an organization's name ("Alexandria Police", "Bank of America")."""
    first = ent.start + (tokens_of(sdoc)[ent.start].lower_ == "the")
    for n in (2, 1):
        if ent.end - first >= n and gazetteer.demonym_country(span_text(sdoc[first:first + n])):
            return sdoc[first:first + n]
    for n in (3, 2, 1):   # the longest name the gazetteer knows: "East Bank Middle School" is not in "East"
        head = span_text(sdoc[first:first + n])
        if ent.end - first > n and (_is_place_name(head, gazetteer) or n > 1 and any(
                not c.alias and c.precision == "town" for c in gazetteer.lookup(head))):
            return sdoc[first:first + n]
    for i in range(ent.start + 1, ent.end - 1):
        if tokens_of(sdoc)[i].lower_ == "of" and _is_place_name(span_text(sdoc[i + 1:ent.end]), gazetteer):
            return sdoc[i + 1:ent.end]
    return None


def recognize(sdoc, gazetteer: Gazetteer, embedded: bool = False) -> list[Toponym]:
    """The place names of `sdoc` with their candidates (unresolved), in text order."""
    found = []
    tokens = tokens_of(sdoc)
    for ent in entities(sdoc):
        written = span_text(ent)   # sliced once: Span.text joins the tokens on every access
        if (ent.label_ == "NORP" or embedded and ent.end - ent.start == 1) and gazetteer.demonym_country(written):
            found.append(Toponym(ent.start_char, ent.end_char, written, written, demonym=True))
            continue
        if embedded and ent.label_ == "NORP" and (regions := _regional_demonym(written, gazetteer)):
            found.append(Toponym(ent.start_char, ent.end_char, written, regions[0].name, demonym=True,
                                 candidates=regions))
            continue
        after_comma = ent.start > 0 and tokens[ent.start - 1].text == ","
        code = AP_STATES.get(normalize_name(written)) if after_comma or "." in written.rstrip(".") else None
        if code and ent.label_ in ("GPE", "ORG", "NORP", "LOC") and (state := gazetteer.admin1_of("US", code)):
            found.append(Toponym(ent.start_char, ent.end_char, written, written, "admin1", candidates=(state,)))
            continue
        nxt = tokens[ent.end].lower_ if ent.end < len(sdoc) else ""
        before = span_text(sdoc[max(0, ent.start - 2):ent.start]).lower()
        prev = tokens[ent.start - 1].lower_ if ent.start else ""
        named_as_place = (nxt in PLACE_NOUNS or re.match(r"(village|town|city|district|province) of$", before)
                          or ((prev in ("in", "at", "near", "outside", "from")   # ", of Wooster": residence
                               or prev == "of" and ent.start > 1 and tokens[ent.start - 2].text == ",")
                              and not (ent.label_ == "ORG" and written.isupper() and not any(   # "from NATO"
                                  c.precision in ("country", "admin1") for c in gazetteer.lookup(written)))
                              and _is_place_name(written, gazetteer))
                          or (prev == "in" and ent.end + 1 < len(sdoc) and tokens[ent.end].text == ","
                              and tokens[ent.end + 1].ent_type_ == "GPE")  # "in Sarmada, Idlib"
                          or (ent.label_ == "ORG" and _is_place_name(written, gazetteer, big=True)))
        named_as_place = named_as_place or APPOSITION.match(span_text(sdoc[ent.end:ent.end + 5])) or (
            ent.label_ == "NORP" and nxt in TOWN_INSTITUTIONS and _town_of_its_own(written, gazetteer))
        if ent.label_ not in TOPONYM_LABELS and not (ent.label_ in MISLABELLED and named_as_place):
            # an organization's name says where it is for the benchmarks; for an incident only a local force's
            # ("Phoenix Police Department", "Laurel County Sheriff's Office") says where it happened
            local_force = ent.label_ == "ORG" and LOCAL_FORCE.search(written)
            span = _embedded(sdoc, ent, gazetteer) if (embedded and ent.label_ in ("ORG", "FAC", "EVENT")
                                                       or local_force) else None
            if span is None:
                continue
            if gazetteer.demonym_country(span.text):
                found.append(Toponym(span.start_char, span.end_char, span.text, span.text, demonym=True))
                continue
            if state := state_abbreviation(span.text, gazetteer):   # "the S.C. Highway Patrol"
                found.append(Toponym(span.start_char, span.end_char, span.text, span.text, "admin1",
                                     candidates=(state,)))
                continue
            ent = span
        start, text = ent.start_char, span_text(ent)
        if nxt in ("county", "parish") and not re.search(r"(?i)(county|parish)$", text):
            text = span_text(sdoc[ent.start:ent.end + 1])   # "Rapides Parish": the admin2's own name
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        if m := DIRECTION_IN_TOWN.match(text):   # "in west Charlotte": a part of Charlotte, not "West Charlotte"
            start, text = start + m.end(), text[m.end():]
        text = re.sub(r"['\u2019]s$", "", text)
        parts = [p.strip() for p in text.split(",") if p.strip()]
        name, state = (parts[0], AP_STATES.get(normalize_name(parts[1]))) if len(parts) == 2 else (text, None)
        level = None
        if m := LEVEL_SUFFIX.search(name):
            level, name = LEVEL_WORDS[m.group(1).lower()], name[:m.start()]
        if nxt in LEVEL_WORDS and not level:
            level = LEVEL_WORDS[nxt]
        weak = False
        if state is None:
            state, weak = state_after(sdoc, ent.end, gazetteer)
        if name:
            found.append(Toponym(start, start + len(text), text, name, level, state=state, state_weak=weak,
                                 facility=ent.label_ == "FAC" and not named_as_place))
    for t in _unlabelled(sdoc, gazetteer):   # a longer form-made name ("ST. LOUIS --") replaces the NER's "ST"
        overlap = [o for o in found if o.start < t.end and t.start < o.end]
        if all(o.end - o.start < t.end - t.start for o in overlap):
            found = [o for o in found if o not in overlap] + [t]
    for t in _county_list(text_of(sdoc), gazetteer):   # "Clarke" in "Clarke and Oconee counties" is the county
        found = [o for o in found if not (o.start < t.end and t.start < o.end)] + [t]
    people: set[str] = set()
    found = [t for t in found if _in_place_construction(sdoc, t, gazetteer, people)]
    # one sense per discourse: a name read as a place once is a place where the NER called it a person
    names = {normalize_name(t.text) for t in found if not t.demonym}
    for ent in entities(sdoc):
        if ent.label_ in ("PERSON", "ORG") and normalize_name(span_text(ent)) in names and not _speaker(sdoc, ent) \
                and not any(t.start <= ent.start_char < t.end for t in found):
            found.append(Toponym(ent.start_char, ent.end_char, span_text(ent), span_text(ent)))
    surnames = {_surname_of(e) for e in entities(sdoc) if e.label_ == "PERSON" and len(e) >= 2} | people
    found = [t for t in found if _in_place_construction(sdoc, t, gazetteer, people)]
    found = [t for t in found if t.text not in surnames | people or not _surname(sdoc, t)]
    found.sort(key=lambda t: t.start)
    text = text_of(sdoc)
    for t in found:
        if not t.demonym and (m := DISTRICT_AFTER.match(text, t.end)) and not CITY_PART_BEFORE.search(
                text, max(0, t.start - 20), t.start):   # "the Malibu Groves neighborhood", not "an Atlanta neighborhood"
            t.district = True
            if m.group(1):
                t.end, t.text = m.end(1), text[t.start:m.end(1)]
                t.name = t.text
        if not t.candidates:
            t.candidates = _candidates(t, gazetteer)
            t.loose = bool(t.candidates) and all(c.alias for c in t.candidates) and not gazetteer.lookup(t.name)
        if not t.candidates and not t.demonym:
            _narrow(sdoc, t, gazetteer)
        if t.state_weak and (any(c.precision in ("country", "admin1") and not c.alias for c in t.candidates) or not any(
                c.precision == "town" and not c.alias and c.country == "US" and c.admin1_code == t.state
                for c in t.candidates)):
            t.state, t.state_weak = None, False   # "Illinois, Missouri" is a list; "Perth, WA" is Australian
    return found


def _unlabelled(sdoc, gazetteer: Gazetteer) -> list[Toponym]:
    """Place names whose form says place whatever the NER made of them: a dateline in capitals
    ("NEWARK --", "BEIRUT:") naming a town, and an "X County"/"X Parish" the gazetteer knows
    (the small model reads "Anderson County Sheriff Greg Taylor" as one person). A dateline opens a
    story or paragraph: capitals inside a sentence are acronyms ("NATO, the UN")."""
    found = []
    tokens = tokens_of(sdoc)
    organizations = {i for e in entities(sdoc) if e.label_ == "ORG" for i in range(e.start, e.end)}
    i = 0
    while i < len(sdoc):
        tok = tokens[i]
        prev = tokens[i - 1] if i else None
        at_head = prev is None or prev.is_space or prev.like_num or prev.text in (".", "!", "?", '"', "'", ")")
        saint = tok.text in ("ST", "FT", "MT") and i + 2 < len(sdoc) and tokens[i + 1].text == "."  # "ST. LOUIS"
        if tok.is_alpha and tok.is_upper and (len(tok) >= 3 or saint) and at_head:
            j = i + 2 if saint else i + 1
            while j < len(sdoc) and j - i < 5 and (tokens[j].is_upper and tokens[j].is_alpha or tokens[j].text == "OF"):
                j += 1
            # a dash after it is a dateline whatever the NER says; a comma or colon only outside an ORG
            dash = tokens[j].text in DATELINE_DASH and (tokens[j].text != "-" or tokens[j - 1].whitespace_) \
                if j < len(sdoc) else False   # "KAILUA-KONA" is one name
            state, weak = state_after(sdoc, j, gazetteer) if j < len(sdoc) else (None, False)
            # a comma or colon after capitals inside an ORG is an acronym list ("NATO, the UN"), unless a
            # state follows ("CHARLOTTE, N.C.") or an outlet's call letters do ("MIAMI (CBSMiami)")
            if j < len(sdoc) and (dash or tokens[j].text in DATELINE_END and (
                    i not in organizations or state or tokens[j].text == "(")):
                span = sdoc[i:j]
                name = span.text.title()
                county = COUNTY_END.search(name)   # "ITASCA COUNTY, Minn."
                if any(not c.alias and (c.precision in ("town", "admin1", "country") or county and c.precision == "admin2")
                       for c in gazetteer.lookup(name)) or state and not weak:
                    found.append(Toponym(span.start_char, span.end_char, span.text, name, "admin2" if county else None,
                                         state=state, state_weak=weak))
            i = j
            continue
        if tok.is_title and i + 1 < len(sdoc) and tokens[i + 1].lower_ in ("county", "parish"):
            for k in (i - 1, i):   # "New Kent County", "Anderson County"
                span = sdoc[k:i + 2]
                if k >= 0 and span[0].is_title and any(c.precision == "admin2" for c in gazetteer.lookup(span.text)):
                    found.append(Toponym(span.start_char, span.end_char, span.text, span.text, "admin2"))
                    break
        i += 1
    for i, tok in enumerate(tokens):   # "Hope, Ark., police": a town the NER missed, named with its state
        state, weak = state_after(sdoc, i, gazetteer) if tok.text == "," and i else (None, False)
        for n in (3, 2, 1) if state else ():
            words = sdoc[max(0, i - n):i]
            if len(words) == n and all(w.is_title or w.text in (".", "St.") for w in words) and words[0].is_title \
                    and any(c.precision == "town" and c.admin1_code == state and c.country == "US" and not c.alias
                            for c in gazetteer.lookup(words.text)):
                found.append(Toponym(words.start_char, words.end_char, words.text, words.text, state=state,
                                     state_weak=weak))
                break
    for m in PARTY_HOME.finditer(text_of(sdoc)):   # "Sen. Jay Rockefeller, D-W. Va.", "Rep. Dan Seifert, R-Marshall"
        name = m.group(1).rstrip()
        state = state_abbreviation(name, gazetteer)
        if state or _is_place_name(name, gazetteer):
            found.append(Toponym(m.start(1), m.start(1) + len(name), name, name, "admin1" if state else None,
                                 candidates=(state,) if state else ()))
    return found


# What makes a name a part of a town: "the Austin neighborhood", "the Juniata section of Philadelphia".
DISTRICT_AFTER = re.compile(r"((?:\s[A-Z][a-z]+){1,2})?\s+(?:neighbou?rhood|section|community area)\b")
CITY_PART_BEFORE = re.compile(r"(?i)\b(?:an?|(?:north|south|east|west)\w*|downtown|central)\s+$")
# "Butler, Clark and Warren counties", "Caddo and Bossier parishes": each name is a county of that name.
COUNTY_LIST = re.compile(r"((?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,?\s+(?:and|or|&)\s+"
                         r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(counties|parishes)\b")


def _county_list(text: str, gazetteer: Gazetteer) -> list[Toponym]:
    """The names of a list the plural "counties"/"parishes" closes, each read as a county: "X County" in
    American usage, or the county named "X" itself abroad ("Kent and Essex counties"); context decides."""
    found = []
    for m in COUNTY_LIST.finditer(text):
        kind = "County" if m.group(2) == "counties" else "Parish"
        for name in re.finditer(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?", m.group(1)):
            counties = tuple(c for n in (f"{name.group(0)} {kind}", name.group(0))
                             for c in gazetteer.lookup(n) if c.precision == "admin2")
            if counties:
                start = m.start(1) + name.start()
                found.append(Toponym(start, start + len(name.group(0)), name.group(0), name.group(0), "admin2",
                                     candidates=counties))
    return found


def _in_place_construction(sdoc, t: Toponym, gazetteer: Gazetteer, people: set[str]) -> bool:
    """False for a place name used as part of another name: a street or park ("Auburn Avenue", "Foster
    Park", "the 4700 block of West Addison"), a person ("Kevie Durham", "Zaire Thomas": the entity ruler
    splits names), or a country code in capitals that is not how news names a country ("ST", "TM").
    A longer name the gazetteer knows as a town ("Hot Springs", "Cleveland Heights") replaces the span."""
    if t.text.islower():
        return False   # "the central region": a description, not a name
    if t.demonym or t.candidates or t.level or t.state:
        return True
    if re.fullmatch(r"[A-Z]{2,3}", t.text) and t.text not in COUNTRY_ABBREVIATIONS:
        return False
    if re.fullmatch(r"[A-Z][a-z]{1,2}\.", t.text) and not state_abbreviation(t.text, gazetteer):
        return False   # "Sr.", "Jr.": an abbreviation, not a country's code
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return True
    text = text_of(sdoc)
    if BLOCK_OF.search(text[max(0, t.start - 40):t.start]):
        return False
    prev = tokens_of(sdoc)[span.start - 1] if span.start else None
    nxt = tokens_of(sdoc)[span.end] if span.end < len(sdoc) else None
    if t.text in VEHICLE_MAKES and nxt is not None and (nxt.lower_ in VEHICLE_NOUNS or nxt.is_title and prev
                                                        is not None and prev.lower_ in ("a", "an", "model")):
        people.add(t.text)   # "a Pontiac Grand Prix", "the Toyota van": the make, elsewhere too
        return False
    for words in (sdoc[span.start - 1:span.end] if prev is not None and prev.lower_ not in COMPASS else None,
                  sdoc[span.start:span.end + 1] if nxt is not None else None):
        if words is not None and words[0].is_title and words[-1].is_title and any(
                c.precision == "town" and not c.alias for c in gazetteer.lookup(words.text)):
            t.start, t.end, t.text, t.name = words.start_char, words.end_char, words.text, words.text
            return True
    if all(w in GENERIC_WORDS for w in normalize_name(t.name).split()) and not any(
            c.precision == "region" for c in gazetteer.lookup(t.name)):
        return False   # "West Side", "Metro": a part of the story's city, not a place abroad
    after = tokens_of(sdoc)[span.end + 1] if span.end + 1 < len(sdoc) else None
    if nxt is not None and nxt.text.rstrip(".").lower() in STREET_WORDS and (nxt.is_title or nxt.text.endswith(".")) \
            and not COUNTY_END.search(t.text) \
            and not (after is not None and after.is_title and after.is_alpha) and not (
                nxt.lower_ not in ("street", "avenue", "boulevard", "road", "drive") and
                any(c.precision in ("country", "admin1") for c in gazetteer.lookup(t.text))):
        return False   # "Auburn Avenue", "Foster Park"; not "Florida Highway Patrol", "Ohio Turnpike"
    if len(span) == 1 and t.text.istitle() and _title_case_line(text, t.start) \
            and re.search(rf"\b{re.escape(t.text.lower())}\b", text):
        return False   # "Shooting Kills 1, Police Say": a word the body writes in lower case ("police said")
    if len(span) != 1 or any(c.precision == "country" for c in gazetteer.lookup(t.text)):
        return True   # a person's name part is one word, never a country's name
    aged = span.end + 3 < len(sdoc) and sdoc[span.end + 1].text == "," and sdoc[span.end + 2].like_num \
        and sdoc[span.end + 3].text == ","
    if nxt is not None and nxt.is_title and (nxt.ent_type_ == "PERSON" or nxt.is_alpha and aged):
        people.add(t.text)   # "Zaire Thomas", "Cleveland Smelley, 30,"
        return False
    if any(c.precision == "admin1" for c in gazetteer.lookup(t.text)):
        return True   # "Education Minnesota", "Acting Texas ..."
    if prev is not None and prev.is_title and prev.is_alpha and not prev.is_stop and prev.ent_type_ in ("", "PERSON") \
            and prev.lower_ not in AREA_WORDS and not gazetteer.demonym_country(prev.text) and not _headline(sdoc, span):
        if prev.ent_type_ == "PERSON" or _introduces_person(sdoc, span.end):
            people.add(t.text)   # "Kevie Durham, 24,": the bare name elsewhere is the person too
        return False
    return True


def _surname_of(person) -> str:
    """The family name of a PERSON entity: its last word before "Jr.", "III"..."""
    words = [w.text for w in person if w.text.rstrip(".").lower() not in ("jr", "sr", "ii", "iii", "iv", ",")]
    return words[-1] if words else person[-1].text


def _introduces_person(sdoc, i: int) -> bool:
    """What follows a person's name: an age (", 24,") or a speech verb."""
    nxt = sdoc[i:i + 2]
    return (len(nxt) == 2 and nxt[0].text == "," and nxt[1].like_num) or (len(nxt) >= 1 and nxt[0].lower_ in (
        "said", "says", "told", "added", "wrote", "asked"))


def _headline(sdoc, span) -> bool:
    """Whether `span` sits in words written in Title Case (a headline), where capitals say nothing."""
    text = text_of(sdoc)
    around = text[max(0, span.start_char - 40):span.start_char].split()[-3:] + text[span.end_char:span.end_char + 40].split()[:3]
    words = [w for w in around if re.match(r"[A-Za-z]{4,}", w)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _title_case_line(text: str, i: int) -> bool:
    """Whether the line around `i` is written in Title Case (a headline)."""
    line = text[text.rfind("\n", 0, i) + 1:(text.find("\n", i) + 1 or len(text) + 1) - 1]
    words = re.findall(r"\b[A-Za-z]{4,}", line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


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
    if inner is not None and inner.end < span.end and sdoc[inner.end].text.rstrip(".").lower() in STREET_WORDS \
            and not COUNTY_END.search(inner.text):
        return   # "Auburn Avenue", "Churchill Downs": named after a place, not in it
    if inner is not None:
        t.start, t.end, t.text, t.name = inner.start_char, inner.end_char, inner.text, inner.text
        t.facility = False   # "Laurel County" in "Laurel County Sheriff" is the county, not a building
        t.demonym = bool(gazetteer.demonym_country(inner.text))
        t.candidates = _candidates(t, gazetteer)


def local_names(sdoc, toponyms: list[Toponym], gazetteer: Gazetteer,
                home: tuple[Candidate, ...] = ()) -> list[Toponym]:
    """Towns the NER missed, found by the gazetteer: a capitalized word after "in/at/near/from..." or
    before an incident's noun or "police" ("the Brookhaven shooting", "Erie Police say"), or a dateline's
    CAPITALS, outside any entity,
    naming a town in a province the article already names ("in Greer" in a story about Greenville, S.C.)
    or the outlet's `home` is in. Only in-province towns: elsewhere it is a surname."""
    provinces = {(t.chosen.country, t.chosen.admin1_code) for t in toponyms
                 if t.chosen and t.chosen.precision in ("admin1", "admin2", "town") and not t.demonym}
    provinces |= {(c.country, c.admin1_code) for c in home}
    if not provinces:
        return []
    def in_province(text: str) -> tuple[Candidate, ...]:
        return tuple(c for c in gazetteer.lookup(text) if not c.alias and c.precision == "town"
                     and c.population >= 1000 and (c.country, c.admin1_code) in provinces)

    covered = {i for t in toponyms for i in range(t.start, t.end)}
    taken = {i for e in entities(sdoc) for i in range(e.start, e.end)}
    extra = []
    tokens = tokens_of(sdoc)
    for ent in entities(sdoc):   # "Roselle" or "Lombard" read as an organization or a person
        if (ent.label_ in MISLABELLED and len(ent) <= (1 if ent.label_ == "PERSON" else 2)
                and ent.start_char not in covered and not _speaker(sdoc, ent) and (towns := in_province(ent.text))):
            extra.append(Toponym(ent.start_char, ent.end_char, span_text(ent), span_text(ent), candidates=towns))
    for tok in tokens:
        after = tokens[tok.i + 1].lower_ if tok.i + 1 < len(sdoc) else ""
        if tok.i in taken or tok.idx in covered or not tok.is_alpha or len(tok) < 4 or tok.is_sent_start and not (
                tok.is_upper or after == "police"):   # "Erie Police say ..." opens a sentence
            continue
        dateline = tok.is_upper and after in (",", "-", "—", "(") \
            and not (tok.i and tokens[tok.i - 1].is_upper and tokens[tok.i - 1].is_alpha)   # all of "WEST PRICE HILL"
        locative = tok.i > 0 and tokens[tok.i - 1].lower_ in ("in", "at", "near", "from", "outside", "to", "of") \
            or after in INCIDENT_NOUNS or after == "police"
        if not (tok.is_title and locative or dateline):
            continue
        text = tok.text.title() if dateline else tok.text
        if towns := in_province(text):
            extra.append(Toponym(tok.idx, tok.idx + len(tok), tok.text, text, candidates=towns))
    return extra


# what follows a dateline's town: "MOSCOW — ", "MAIDUGURI, Nigeria (AP) — ", "TRENTON - ", "BEIRUT: "
DATELINE_TAIL = re.compile(r"(?:,[\w. ]{2,30})?\s*(?:\([\w. /-]+\)\s*)?[-—–:]")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A place name in capitals opening a paragraph, followed by a dash or a wire's name: where the
    reporter filed from, which may not be the scene."""
    line_start = text.rfind("\n", 0, start) + 1
    return (not text[line_start:start].strip() and text[start:end].isupper()
            and DATELINE_TAIL.match(text, end) is not None)


# What a town's name opens in a local headline: "Brookhaven shooting", "the Montfort homicide".
INCIDENT_NOUNS = {"shooting", "shootings", "homicide", "murder", "stabbing", "standoff", "slaying", "killing"}


def _surname(sdoc, t: Toponym) -> bool:
    """For a name that is also a person's surname in the article ("Clinton" after "Hillary Clinton"):
    it is the person, unless the text puts it in a place's construction ("in Clinton", "Clinton, Md.")."""
    if " " in t.text or t.state or t.level or t.demonym or t.text.isupper():   # capitals: a dateline
        return False
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    prev = tokens_of(sdoc)[span.start - 1].lower_ if span is not None and span.start else ""
    nxt = tokens_of(sdoc)[span.end].text if span is not None and span.end < len(sdoc) else ""
    return prev not in LOCATIVES and nxt != ","




def _speaker(sdoc, ent) -> bool:
    """'Jackson said', 'Mr. Jackson': a person after all."""
    prev = tokens_of(sdoc)[ent.start - 1].text.rstrip(".").lower() if ent.start else ""
    nxt = tokens_of(sdoc)[ent.end].lower_ if ent.end < len(sdoc) else ""
    return prev in TITLES or nxt in ("said", "says", "told", "added", "wrote", "asked", "explained")




def _candidates(t: Toponym, gazetteer: Gazetteer) -> tuple[Candidate, ...]:
    if t.demonym:
        iso = gazetteer.demonym_country(t.name)
        return tuple(c for c in gazetteer.lookup(iso) if c.precision == "country") if iso else ()
    if " " in t.name and t.name.rsplit(" ", 1)[-1].rstrip(".").lower() in ROAD_WORDS:
        return tuple(c for c in gazetteer.lookup(t.name) if c.precision == "point")   # "Second Street": no town
    cands = gazetteer.lookup(t.name) or gazetteer.lookup(t.text)
    if t.level == "admin2" and (full := gazetteer.lookup(t.text)):
        cands = full
    # a county is meant only when the text says so ("Paris" is the city, "Rapides Parish" the parish)
    cands = tuple(c for c in cands if c.precision != "admin2" or t.level == "admin2"
                  or re.search(r"(?i)\b(county|parish|district|borough)$", t.text))
    if not cands and (m := AREA_PREFIX.match(t.name)):   # "North Georgia", "West Africa", "Upper Egypt"
        cands = tuple(c for c in gazetteer.lookup(t.name[m.end():]) if c.precision in ("country", "admin1", "region"))
    return cands or gazetteer.lookup_loose(t.name)
