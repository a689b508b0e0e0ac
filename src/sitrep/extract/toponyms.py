"""Toponym recognition: which spans of a spaCy doc name places, and the gazetteer candidates of each.

The small NER misses or mislabels many place names ("Greer" as PERSON, "S.C. Highway Patrol" as one
ORG, datelines in capitals); what a reader uses to see a place there is its construction ("in X",
"X, Ga.", "X County", "BEIRUT --") checked against the gazetteer. Resolution is in `places`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from sitrep.extract.gazetteer import Candidate, Gazetteer, normalize_name
from sitrep.extract.nlp import entities, span_text, text_of, tokens_of
from sitrep.extract.place_words import (COMPASS, LOCATIVES, PLACE_NAME_ENDS, ROAD_WORDS, STREET_WORDS,
                                       TOWN_INSTITUTIONS)
from sitrep.extract.toponym_filters import (COUNTY_END, HOUSING_WORDS, SIDE_OF_TOWN, in_a_ranked_name,
                                           in_place_construction, is_speaker, is_surname_use, named_as_person,
                                           surname_of)
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
# A local force's name after a place name ("Phoenix Police Department").
LOCAL_FORCE = re.compile(r"(?i)\b(police|sheriff|sheriff's|fire department|fire rescue)\b")


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
    township: bool = False                   # "Harrison Township": a US township, which the gazetteer lacks


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
        if county := _possessive_county(sdoc, ent, gazetteer):
            (start, text), nxt = county, "county"   # "Prince George's County" is no "Prince George"
        if text.lower().startswith("the "):
            start, text = start + 4, text[4:]
        if m := DIRECTION_IN_TOWN.match(text):   # "in west Charlotte": a part of Charlotte, not "West Charlotte"
            start, text = start + m.end(), text[m.end():]
        text = re.sub(r"['\u2019]s$", "", text)
        parts = [p.strip() for p in text.split(",") if p.strip()]
        name, state = (parts[0], AP_STATES.get(normalize_name(parts[1]))) if len(parts) == 2 else (text, None)
        name = COUNTY_ABBREVIATION.sub(" County", name)
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
    found = [t for t in found if in_place_construction(sdoc, t, gazetteer, people)]
    # one sense per discourse: a name read as a place once is a place where the NER called it a person
    names = {normalize_name(t.text) for t in found if not t.demonym}
    for ent in entities(sdoc):
        if ent.label_ in ("PERSON", "ORG") and normalize_name(span_text(ent)) in names and not is_speaker(sdoc, ent) \
                and not any(t.start <= ent.start_char < t.end for t in found):
            found.append(Toponym(ent.start_char, ent.end_char, span_text(ent), span_text(ent)))
    surnames = {surname_of(e) for e in entities(sdoc) if e.label_ == "PERSON" and len(e) >= 2} | people
    found = [t for t in found if in_place_construction(sdoc, t, gazetteer, people)]
    found = [t for t in found if t.text not in surnames | people or not is_surname_use(sdoc, t)]
    found = [t for t in _without_people(sdoc, found, gazetteer) if not in_a_ranked_name(sdoc, t)]
    found.sort(key=lambda t: t.start)
    text = text_of(sdoc)
    for t in found:
        if not t.demonym and (m := DISTRICT_AFTER.match(text, t.end)) and not CITY_PART_BEFORE.search(
                text, max(0, t.start - 20), t.start):   # "the Malibu Groves neighborhood", not "an Atlanta neighborhood"
            t.district = True
            if m.group(1):
                t.end, t.text = m.end(1), text[t.start:m.end(1)]
                t.name = t.text
        if text.startswith(" Side", t.end) and SIDE_OF_TOWN.match(f"{t.name} Side"):
            t.end, t.text, t.name = t.end + 5, f"{t.text} Side", f"{t.name} Side"   # "the Far North" + "Side"
        if SIDE_OF_TOWN.match(t.name):   # a side of the story's city: no namesake anywhere (Cameroon's Far North)
            t.district, t.candidates = True, ()
            continue
        if not t.candidates:
            t.candidates = _candidates(t, gazetteer)
            t.loose = bool(t.candidates) and all(c.alias for c in t.candidates) and not gazetteer.lookup(t.name)
        if not t.candidates and not t.demonym:
            _narrow(sdoc, t, gazetteer)
        if t.state_weak and (any(c.precision in ("country", "admin1") and not c.alias for c in t.candidates) or (
                t.candidates or not is_dateline(text, t.start, t.end)) and not any(
                c.precision == "town" and not c.alias and c.country == "US" and c.admin1_code == t.state
                for c in t.candidates)):
            # "Illinois, Missouri" is a list; "Perth, WA" is Australian; a dateline the gazetteer has no town for
            # keeps its state, weakly ("NORTH FAIRMOUNT, Ohio (WKRC)")
            t.state, t.state_weak = None, False
    return found


COUNTY_ABBREVIATION = re.compile(r"\s+Co\.?$")


def _possessive_county(sdoc, ent, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """"Prince George's County", "Queen Anne's Co.": the county a name with a possessive makes, which the NER
    cuts at the "'s" or reads from its last word (its counties are named for people), when the gazetteer
    knows it: its start and text."""
    tokens, end = tokens_of(sdoc), ent.end
    if end + 1 >= len(sdoc) or tokens[end].lower_ not in ("'s", "\u2019s") \
            or tokens[end + 1].lower_ not in ("county", "co.", "co", "parish"):
        return None
    for first in range(max(0, ent.start - 2), ent.start + 1):   # "George" of "Prince George's County"
        span = sdoc[first:end + 2]
        if all(tok.is_title for tok in sdoc[first:end]) and any(
                c.precision == "admin2" for c in gazetteer.lookup(COUNTY_ABBREVIATION.sub(" County", span_text(span)))):
            return span.start_char, span_text(span)
    return None


def _possessive_names(sdoc, gazetteer: Gazetteer) -> list[Toponym]:
    """Towns and counties named with a possessive, "Lee's Summit", "St. Mary's County": the NER reads the
    part before the "'s" as a person; the gazetteer knows the whole name."""
    found = []
    tokens = tokens_of(sdoc)
    for i, tok in enumerate(tokens):
        if tok.lower_ not in ("'s", "\u2019s") or not 0 < i < len(sdoc) - 1 or not tokens[i + 1].is_title:
            continue
        for first, last in ((i - 1, i + 2), (i - 2, i + 2), (i - 1, i + 3)):
            span = sdoc[max(0, first):min(len(sdoc), last)]
            if len(span) != last - first or not all(t.is_title or t.i == i or t.text == "." for t in span):
                continue
            name = COUNTY_ABBREVIATION.sub(" County", span_text(span))
            cands = tuple(c for c in gazetteer.lookup(name) if not c.alias and (
                c.precision == "admin2" and COUNTY_END.search(name) or c.precision == "town" and c.population >= 1000))
            if cands:
                level = "admin2" if cands[0].precision == "admin2" else None
                found.append(Toponym(span.start_char, span.end_char, span_text(span), name, level, candidates=cands))
                break
    return found


def _without_people(sdoc, found: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """One sense per discourse the other way: a name the NER reads as a person (or a person's name part) at
    most of its occurrences, that the text writes as a person's somewhere (after a first name or with an age:
    toponym_filters.named_as_person) and never puts in a place's construction ("in Perry", "Perry, Ga.",
    "Perry County"), is a person throughout ("Daveion Perry, 20 ... Perry was arrested", "1-year-old Ashley"),
    whatever the ruler made of it elsewhere."""
    tokens = tokens_of(sdoc)
    people: Counter = Counter()
    uses: Counter = Counter()
    placed: set[str] = set()
    for t in found:
        if t.demonym or " " in t.name or t.text.isupper():
            continue
        key = normalize_name(t.name)
        span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        uses[key] += 1
        people[key] += any(tok.ent_type_ == "PERSON" for tok in span)
        prev = tokens[span.start - 1].lower_ if span.start else ""
        if prev in LOCATIVES or t.state or t.level or re.match(r"\s*,\s*(?:[A-Z][a-z]+\.|[A-Z]{2}\b)",
                                                                 text_of(sdoc)[t.end:t.end + 8]):
            placed.add(key)
    names = {normalize_name(t.name): t.name for t in found}
    persons = {k for k, n in uses.items() if k not in placed and 2 * people[k] > n
               and named_as_person(sdoc, names[k], gazetteer)}
    return [t for t in found if normalize_name(t.name) not in persons or t.demonym]


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
                # a weak state too in a dateline's form ("WEST PRICE HILL, Ohio (WKRC) --"), where "Ohio" is no list
                if any(not c.alias and (c.precision in ("town", "admin1", "country") or county and c.precision == "admin2")
                       for c in gazetteer.lookup(name)) or state and (
                           not weak or is_dateline(text_of(sdoc), span.start_char, span.end_char)):
                    found.append(Toponym(span.start_char, span.end_char, span.text, name, "admin2" if county else None,
                                         state=state, state_weak=weak))
            i = j
            continue
        if tok.is_title and i + 1 < len(sdoc) and tokens[i + 1].lower_ in ("county", "parish", "co."):
            for k in (i - 1, i):   # "New Kent County", "Anderson County", "Aiken Co."
                span = sdoc[k:i + 2]
                name = f"{sdoc[k:i + 1].text} County" if tokens[i + 1].lower_ == "co." else span.text
                if k >= 0 and span[0].is_title and any(c.precision == "admin2" for c in gazetteer.lookup(name)):
                    found.append(Toponym(span.start_char, span.end_char, span.text, name, "admin2"))
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
    found += _possessive_names(sdoc, gazetteer)
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
QUARTERED_CITY = 50_000   # a town this big has quarters a story names by direction ("North Philadelphia")
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
    if inner is not None and inner.end < span.end and sdoc[inner.end].text.rstrip(".").lower() in STREET_WORDS | HOUSING_WORDS \
            and not COUNTY_END.search(inner.text):
        return   # "Auburn Avenue", "Churchill Downs", "Eureka Garden": named after a place, not in it
    if inner is not None and inner.start == span.start and inner.end == span.end - 1 \
            and span.root.ent_type_ in ("GPE", "LOC") and sdoc[inner.end].is_title \
            and sdoc[inner.end].lower_ in PLACE_NAME_ENDS:
        t.district = True   # "Hamilton Heights", "Harbor City": a part of the story's city the gazetteer lacks
        return
    if inner is not None:
        t.township = inner.end < span.end and sdoc[inner.end].text.rstrip(".").lower() in ("township", "twp")
        t.start, t.end, t.text, t.name = inner.start_char, inner.end_char, inner.text, inner.text
        t.facility = False   # "Laurel County" in "Laurel County Sheriff" is the county, not a building
        t.demonym = bool(gazetteer.demonym_country(inner.text))
        t.candidates = _candidates(t, gazetteer)


# what follows a dateline's town: "MOSCOW — ", "MAIDUGURI, Nigeria (AP) — ", "TRENTON - ", "BEIRUT: "
DATELINE_TAIL = re.compile(r"(?:,[\w. ]{2,30})?\s*(?:\([\w. /-]+\)\s*)?[-—–:]")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A place name in capitals opening a paragraph, followed by a dash or a wire's name: where the
    reporter filed from, which may not be the scene."""
    line_start = text.rfind("\n", 0, start) + 1
    return (not text[line_start:start].strip() and text[start:end].isupper()
            and DATELINE_TAIL.match(text, end) is not None)


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
        # ...and a part of a city big enough to have quarters: "Southeast D.C.", "West Philadelphia" are the city
        cands = tuple(c for c in gazetteer.lookup(t.name[m.end():]) if c.precision in ("country", "admin1", "region")
                      or c.precision == "town" and c.population >= QUARTERED_CITY)
    return cands or gazetteer.lookup_loose(t.name)
