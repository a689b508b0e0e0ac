"""Whether a capitalized name the recognizer found is used as a place, or as part of another name: a
person ("Kevie Durham", "Norman said"), a street or park ("Auburn Avenue"), a car ("a Pontiac Grand Prix").

The small model splits people's names where the entity ruler marks a city ("Cleveland Smelley") and
reads surnames as towns; what a reader uses is the construction around the name and the rest of the
article (the same surname alone, a title before it, a speech verb after it).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sitrep.extract.gazetteer import Gazetteer, normalize_name
from sitrep.extract.gazetteer_build import COUNTRY_ALIASES
from sitrep.extract.nlp import text_of, tokens_of
from sitrep.extract.numbers import TENS, UNITS
from sitrep.extract.place_words import (AREA_WORDS, COMPASS, GENERIC_WORDS, LOCATIVES, STREET_WORDS, TITLES,
                                       TOWN_INSTITUTIONS, VEHICLE_MAKES, VEHICLE_NOUNS)
from sitrep.extract.us_states import state_abbreviation

if TYPE_CHECKING:
    from sitrep.extract.toponyms import Toponym

COUNTY_END = re.compile(r"\s(county|parish)$", re.I)
# A street address before a name ("the 4700 block of West Addison").
BLOCK_OF = re.compile(r"(?i)\bblock\s+of\s+(?:(?:north|south|east|west|[nsew]\.?)\s+)?$")
# Capital letters that name a country in news: the rest of the ISO codes are other things ("ST", "TM").
COUNTRY_ABBREVIATIONS = {a for names in COUNTRY_ALIASES.values() for a in names if re.fullmatch(r"[A-Z]{2,3}", a)} | {
    "DC", "NSW", "ACT"}
# Ranks and roles news puts before a person's name, beyond place_words.TITLES (hand-written: no package
# lists them).
RANKS = {"captain", "cpt", "det", "detective", "sergeant", "lieutenant", "chief", "trooper", "cpl", "corporal",
         "spc", "pfc", "ofc", "patrolman", "constable", "inspector", "superintendent", "commissioner", "prof",
         "professor", "sister", "brother", "father", "pastor", "bishop", "mayor", "councilman", "councilwoman"}
# What a car make is after a colour ("a black Toyota"): its colour (hand-written).
COLOURS = {"black", "white", "silver", "gray", "grey", "red", "blue", "green", "gold", "tan", "maroon", "beige",
           "brown", "dark", "light", "burgundy", "orange", "yellow", "purple"}
# Road words after a state's name that make it a street ("New York Ave."), unlike "Florida Highway Patrol".
STREETS_NOT_SERVICES = {"street", "st", "avenue", "ave", "boulevard", "blvd", "road", "rd", "drive", "dr", "lane", "ln"}
# A city's side: "on the Far South Side", "the West Side" (of the city the story is set in): toponyms.recognize
# makes it a district of that city.
SIDE_OF_TOWN = re.compile(r"^(?:(?:Far|Near|Lower|Upper)\s+)?(?:North|South)?(?:east|west|East|West)?\s+Side$")
COMPASS_TOWN = 10_000   # "North Chicago" is a town of its own when the gazetteer's is this big
# Gun makers named like towns, and what follows a make in crime news (hand-written: no package lists them).
GUN_MAKES = {"Remington", "Winchester", "Springfield", "Marlin", "Browning", "Henry", "Kimber", "Ruger", "Colt",
             "Mossberg", "Savage", "Taurus", "Beretta", "Glock", "Hi-Point"}
GUN_NOUNS = {"rifle", "rifles", "shotgun", "shotguns", "pistol", "pistols", "handgun", "handguns", "revolver",
             "carbine", "armory", "model", "semiautomatic", "semi-automatic", "12-gauge", "20-gauge", ".22"}
# Words after a place's name that make it a housing estate: "Latrobe Homes", "Eureka Garden", "Lincoln Courts".
HOUSING_WORDS = {"homes", "gardens", "garden", "courts", "towers", "manor"}
SPEECH_VERBS = {"said", "says", "told", "added", "wrote", "asked", "explained", "testified", "recalled"}
AGE_BEFORE = re.compile(rf"(?i)\b(?:\d{{1,3}}|{'|'.join((*UNITS, *TENS))})(?:-\w+)?-year-old\s+$")   # "two-year-old"
# Who a town's name describes after an age: "an 18-year-old Beaumont man".
RESIDENT_NOUNS = {"man", "woman", "boy", "girl", "teen", "teenager", "youth", "resident", "native", "student",
                  "mother", "father", "son", "daughter", "child", "toddler", "officer", "deputy", "driver", "high",
                  "school"}


def in_place_construction(sdoc, t: "Toponym", gazetteer: Gazetteer, people: set[str]) -> bool:
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
    if t.text in VEHICLE_MAKES and nxt is not None and (nxt.lower_ in VEHICLE_NOUNS or prev is not None and (
            nxt.is_title and prev.lower_ in ("a", "an", "model") or prev.lower_ in COLOURS)):
        people.add(t.text)   # "a Pontiac Grand Prix", "the Toyota van": the make, elsewhere too
        return False
    if t.text in GUN_MAKES and nxt is not None and (nxt.lower_ in GUN_NOUNS or prev is not None and prev.lower_ in (
            "a", "an") and not (nxt.is_alpha and nxt.lower_ not in ("with", "and", "or"))):
        return False   # "a Remington shotgun", "a Remington with a scope", "Springfield Armory"
    if nxt is not None and nxt.lower_ in HOUSING_WORDS and nxt.is_title:
        return False   # "Latrobe Homes", "Eureka Garden": a housing estate named after a place
    if prev is not None and prev.lower_ in ("and", "&") and span.start > 1 \
            and tokens_of(sdoc)[span.start - 2].text.rstrip(".").lower() in STREET_WORDS:
        return False   # "near Yosemite Avenue and Cleveland": the cross street
    for words in (sdoc[span.start - 1:span.end] if prev is not None else None,
                  sdoc[span.start:span.end + 1] if nxt is not None else None):
        # a compass word opens a town's own name only for a town of some size ("North Chicago", "North
        # Charleston"), not for "North Georgia" or a hamlet named "South Boston"
        least = COMPASS_TOWN if words is not None and words.start < span.start and words[0].lower_ in COMPASS else 0
        if words is not None and words[0].is_title and words[-1].is_title and any(
                c.precision == "town" and not c.alias and c.population >= least for c in gazetteer.lookup(words.text)):
            t.start, t.end, t.text, t.name = words.start_char, words.end_char, words.text, words.text
            return True
    if all(w in GENERIC_WORDS for w in normalize_name(t.name).split()) and not any(
            c.precision == "region" for c in gazetteer.lookup(t.name)) and not SIDE_OF_TOWN.match(t.name):
        return False   # "Metro", "Downtown": a part of the story's city, not a place abroad (a side is one: recognize)
    after = tokens_of(sdoc)[span.end + 1] if span.end + 1 < len(sdoc) else None
    if nxt is not None and nxt.text.rstrip(".").lower() in STREET_WORDS and (nxt.is_title or nxt.text.endswith(".")) \
            and not COUNTY_END.search(t.text) \
            and not (after is not None and after.is_title and after.is_alpha) and not (
                nxt.text.rstrip(".").lower() not in STREETS_NOT_SERVICES and
                any(c.precision in ("country", "admin1") for c in gazetteer.lookup(t.text))):
        return False   # "Auburn Avenue", "Foster Park"; not "Florida Highway Patrol", "Ohio Turnpike"
    if len(span) == 1 and t.text.istitle() and _title_case_line(text, t.start) \
            and re.search(rf"\b{re.escape(t.text.lower())}\b", text):
        return False   # "Shooting Kills 1, Police Say": a word the body writes in lower case ("police said")
    if len(span) != 1 or any(c.precision == "country" for c in gazetteer.lookup(t.text)):
        return True   # a person's name part is one word, never a country's name
    def aged(after: int) -> bool:   # ", 30," or "; 30;" right after the name's end
        return after + 2 < len(sdoc) and sdoc[after].text in (",", ";") and sdoc[after + 1].like_num \
            and sdoc[after + 2].text in (",", ";")
    if nxt is not None and nxt.is_title and (nxt.ent_type_ == "PERSON" or nxt.is_alpha and (aged(span.end + 1) or (
            span.end + 1 < len(sdoc) and sdoc[span.end + 1].is_title and sdoc[span.end + 1].is_alpha
            and aged(span.end + 2)))):
        people.add(t.text)   # "Zaire Thomas", "Cleveland Smelley, 30,", "Cleveland Tyvon Smelley, 30;"
        return False
    if _person_context(sdoc, span, gazetteer):
        people.add(t.text)   # "Sgt. Patrick Swanton", "Norman said", "58-year-old Santa Guerrero"
        return False
    if AGE_NUMBER_AFTER.match(text, t.end) and (prev is None or prev.lower_ not in LOCATIVES):
        people.add(t.text)   # "Martinez, 24, was on the dance floor": an age follows a person's name
        return False
    if any(c.precision == "admin1" for c in gazetteer.lookup(t.text)):
        return True   # "Education Minnesota", "Acting Texas ..."
    if prev is not None and prev.is_title and prev.is_alpha and not prev.is_stop and prev.ent_type_ in ("", "PERSON") \
            and prev.lower_ not in AREA_WORDS and not gazetteer.demonym_country(prev.text) and not _headline(sdoc, span):
        if prev.ent_type_ == "PERSON" or _introduces_person(sdoc, span.end) or any(
                AGE_NUMBER_AFTER.match(text, m.end()) for m in re.finditer(rf"\b{re.escape(t.text)}\b", text)):
            # "Kevie Durham, 24,", "Jacob Lara ... Lara, 19,": the bare name elsewhere is the person too
            people.add(t.text)
        return False
    return True


def _person_context(sdoc, span, gazetteer: Gazetteer) -> bool:
    """What only a person's name stands in: a rank or title before it ("Sgt. Patrick", "Captain
    Michael"), a middle initial before it ("Randall H. McKinney"), an age before it, unless a resident's noun
    follows ("58-year-old Santa Guerrero", not "an 18-year-old Beaumont man"), an initial after it ("Michael M.
    Metros"), a name after it that the article gives a person elsewhere as a surname ("Cleveland Smelley ...
    Smelley said", "... Antoine Smelley"), or a
    speech verb right after a name the article also gives a first name ("Arthur Norman ... Norman said";
    "in Norman, officials said" and "Gainesville says no" are the towns). A country, a
    province or a capital speaking is the government ("Moscow said"), so those stay places."""
    tokens, text = tokens_of(sdoc), text_of(sdoc)
    prev = tokens[span.start - 1] if span.start else None
    nxt = tokens[span.end] if span.end < len(sdoc) else None
    if prev is not None and prev.text.rstrip(".").lower() in TITLES | RANKS:
        return True
    if prev is not None and re.fullmatch(r"[A-Z]\.", prev.text) and span.start > 1 \
            and tokens[span.start - 2].is_title and tokens[span.start - 2].is_alpha:
        return True   # "Randall H. McKinney": a middle initial
    if nxt is not None and nxt.is_title and nxt.is_alpha and len(nxt) > 2 and nxt.ent_type_ in ("", "PERSON") \
            and not gazetteer.lookup(nxt.text) and any(
                e.label_ == "PERSON" and e[-1].text == nxt.text and not e.start <= nxt.i < e.end for e in sdoc.ents):
        return True   # "Cleveland Smelley ... Smelley pulled out a gun", "... Antoine Smelley": a surname elsewhere
    first = span.start   # the name the span ends: "58-year-old Santa Guerrero"
    while first > max(0, span.start - 2) and tokens[first - 1].is_title and tokens[first - 1].is_alpha:
        first -= 1
    start = tokens[first].idx
    if AGE_BEFORE.search(text, max(0, start - 20), start) and not any(
            w.lower_ in RESIDENT_NOUNS | TOWN_INSTITUTIONS for w in tokens[span.end:span.end + 4]):
        return True   # "58-year-old Santa Guerrero"; not "an 18-year-old Beaumont man", "a Calgary, Alberta man"
    if nxt is not None and re.fullmatch(r"[A-Z]\.", nxt.text) and span.end + 1 < len(sdoc) \
            and tokens[span.end + 1].is_title:
        return True   # "Brittany S. Coffland": an initial, then the surname
    if any(c.precision in ("country", "admin1") for c in gazetteer.lookup(span.text)):
        return False   # "Minnesota House", "Ohio said": a state's institutions, its government speaking
    return nxt is not None and nxt.lower_ in SPEECH_VERBS and (prev is None or prev.lower_ not in LOCATIVES) \
        and not any(c.precision in ("country", "admin1", "region") or c.feature_code == "PPLC"
                    for c in gazetteer.lookup(span.text)) and _after_a_first_name(sdoc, span.text, gazetteer)


def _after_a_first_name(sdoc, name: str, gazetteer: Gazetteer) -> bool:
    """Whether the article writes `name` somewhere after another capitalized word that is no place
    ("Arthur Norman"): a surname, so that "Norman said" is the person; a town speaking ("Gainesville
    says no") has no first name anywhere."""
    tokens = tokens_of(sdoc)
    def placelike(word: str) -> bool:   # "Arthur" and "Ray" are hamlets too, but no town of a size
        return any(not c.alias and (c.precision != "town" or c.population >= COMPASS_TOWN) for c in gazetteer.lookup(word))
    return any(tok.text == name and tok.i and (w := tokens[tok.i - 1]).is_title and w.is_alpha and not w.is_stop
               and w.lower_ not in AREA_WORDS and not placelike(w.text) for tok in tokens)


def named_as_person(sdoc, name: str, gazetteer: Gazetteer) -> bool:
    """Whether the article writes `name` as a person's somewhere: after a first name ("Daveion Perry"), after
    an age ("1-year-old Ashley") or before one ("Perry, 20,", "Ashley, a 1-year-old girl")."""
    if _after_a_first_name(sdoc, name, gazetteer):
        return True
    text = text_of(sdoc)
    def resident(end: int) -> bool:   # "a 17-year-old Sheridan boy" is from Sheridan
        word = re.match(r"\s+(\w+)", text[end:end + 20])
        return bool(word) and word.group(1).lower() in RESIDENT_NOUNS | TOWN_INSTITUTIONS
    return any(AGE_BEFORE.search(text, max(0, m.start() - 20), m.start()) and not resident(m.end())
               or AGE_AFTER.match(text, m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", text))


_AGE_NUMBER = r",\s+\d{1,3}\s*,"
AGE_NUMBER_AFTER = re.compile(_AGE_NUMBER)   # "Martinez, 24,"; not "In Dayton, a 30-year-old man was shot"
AGE_AFTER = re.compile(rf"{_AGE_NUMBER}|,\s+an?\s+\d{{1,3}}-year-old\b")


def surname_of(person) -> str:
    """The family name of a PERSON entity: its last word before "Jr.", "III"..."""
    words = [w.text for w in person if w.text.rstrip(".").lower() not in ("jr", "sr", "ii", "iii", "iv", ",")]
    return words[-1] if words else person[-1].text


def _introduces_person(sdoc, i: int) -> bool:
    """What follows a person's name: an age (", 24,") or a speech verb."""
    nxt = sdoc[i:i + 2]
    return (len(nxt) == 2 and nxt[0].text == "," and nxt[1].like_num) or (len(nxt) >= 1 and nxt[0].lower_ in (
        SPEECH_VERBS))


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


def is_surname_use(sdoc, t: "Toponym") -> bool:
    """For a name that is also a person's surname in the article ("Clinton" after "Hillary Clinton"):
    it is the person, unless the text puts it in a place's construction ("in Clinton", "Clinton, Md.")."""
    if " " in t.text or t.state or t.level or t.demonym or t.text.isupper():   # capitals: a dateline
        return False
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    prev = tokens_of(sdoc)[span.start - 1].lower_ if span is not None and span.start else ""
    nxt = tokens_of(sdoc)[span.end].text if span is not None and span.end < len(sdoc) else ""
    after = tokens_of(sdoc)[span.end + 1] if span is not None and span.end + 1 < len(sdoc) else None
    # "Clinton, Md." and "Clinton, Iowa" are places; "killing Williams, but" and "Jackson, told police" not
    if nxt == "," and after is not None and after.lower_ == "who":
        return True   # "returned fire at Williams, who was ..."
    return prev not in LOCATIVES and (nxt != "," or after is None or not (after.is_title or after.is_upper))


def is_speaker(sdoc, ent) -> bool:
    """'Jackson said', 'Mr. Jackson': a person after all."""
    prev = tokens_of(sdoc)[ent.start - 1].text.rstrip(".").lower() if ent.start else ""
    nxt = tokens_of(sdoc)[ent.end].lower_ if ent.end < len(sdoc) else ""
    return prev in TITLES | RANKS or nxt in SPEECH_VERBS


def in_a_ranked_name(sdoc, t: Toponym) -> bool:
    """"Cpt. Shunta Boston Smith": place names among the two or three capitalised words after a rank are the
    person's names (the NER sees places there and leaves the name's other words unlabelled)."""
    span = sdoc.char_span(t.start, t.end, alignment_mode="expand")
    if t.demonym or span is None:
        return False
    tokens = tokens_of(sdoc)
    if len(span) == 1 and span[0].lower_.rstrip(".") in RANKS | TITLES and span.end + 1 < len(sdoc) \
            and tokens[span.end + (tokens[span.end].text == ".")].is_title:
        return True   # the rank itself ("Cpt." is no Cape Town airport code)
    for first in range(max(0, span.start - 3), span.start + 1):
        rank = first - 1 - (first > 1 and tokens[first - 1].text == ".")
        if rank < 0 or tokens[rank].lower_.rstrip(".") not in RANKS | TITLES:
            continue
        end = first
        while end < len(sdoc) and end - first < 4 and tokens[end].is_title and tokens[end].lower_ not in TOWN_INSTITUTIONS:
            end += 1
        if 2 <= end - first <= 3 and span.end <= end and (end == len(sdoc) or not tokens[end].is_title):
            return True
    return False
