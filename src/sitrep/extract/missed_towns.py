"""Towns the small model misses altogether, found by the gazetteer in the provinces the article (or its
outlet) already names: "in Greer" in a story about Greenville, S.C.; "Roselle" read as a person."""
from __future__ import annotations

import calendar

from sitrep.extract.gazetteer import Candidate, Gazetteer
from sitrep.extract.nlp import entities, span_text, text_of, tokens_of
from sitrep.extract.outlets import DOMINANT, dominant_town
from sitrep.extract.place_words import GENERIC_WORDS, LOCATIVES, STREET_WORDS
from sitrep.extract.toponym_filters import BLOCK_OF, RESIDENT_NOUNS, is_speaker, named_as_person, surname_of
from sitrep.extract.toponyms import MISLABELLED, QUARTERED_CITY, Toponym


def local_names(sdoc, toponyms: list[Toponym], gazetteer: Gazetteer,
                home: tuple[Candidate, ...] = ()) -> list[Toponym]:
    """Towns the NER missed, found by the gazetteer: a capitalized word after "in/at/near/from..." or
    before an incident's noun, "police" or a resident's noun ("the Brookhaven shooting", "Erie Police say",
    "a Kuna man"; also where the model read the word as a date: "in Fellsmere"), or a dateline's
    CAPITALS, outside any entity,
    naming a town in a province the article already names ("in Greer" in a story about Greenville, S.C.)
    or the outlet's `home` is in. Only in-province towns: elsewhere it is a surname. Never the surname of
    a person the article names ("Trevor Williams ... Williams was found"), which the recognizer dropped.
    A sentence's opening name before its people or incident ("Salina man dies") is a town even outside those
    provinces when one town of the name dominates (_sentence_openings)."""
    provinces = {(t.chosen.country, t.chosen.admin1_code) for t in toponyms
                 if t.chosen and t.chosen.precision in ("admin1", "admin2", "town") and not t.demonym}
    provinces |= {(c.country, c.admin1_code) for c in home}
    def in_province(text: str) -> tuple[Candidate, ...]:
        return tuple(c for c in gazetteer.lookup(text) if not c.alias and c.precision == "town"
                     and c.population >= 1000 and (c.country, c.admin1_code) in provinces)

    covered = {i for t in toponyms for i in range(t.start, t.end)}
    taken = {i for e in entities(sdoc) if not _misread_as_time(e) for i in range(e.start, e.end)}
    surnames = {surname_of(e) for e in entities(sdoc) if e.label_ == "PERSON" and len(e) >= 2}
    extra = []
    tokens = tokens_of(sdoc)
    for ent in entities(sdoc):   # "Roselle" or "Lombard" read as an organization or a person, not "Perry" of
        # "Daveion Perry, 20 ... Perry was arrested" nor "1-year-old Ashley"
        if (ent.label_ in MISLABELLED and len(ent) <= (1 if ent.label_ == "PERSON" else 2)
                and ent.start_char not in covered and not is_speaker(sdoc, ent) and span_text(ent) not in surnames
                and not (ent.label_ == "PERSON" and named_as_person(sdoc, span_text(ent), gazetteer))
                and (towns := in_province(ent.text))):
            extra.append(Toponym(ent.start_char, ent.end_char, span_text(ent), span_text(ent), candidates=towns))
        elif ent.label_ in ("ORG", "GPE") and ent.start_char not in covered \
                and (quarter := _city_quarter(ent, gazetteer)):
            extra.append(quarter)   # "in southeast Washington"
    for tok in tokens:
        after = tokens[tok.i + 1].lower_ if tok.i + 1 < len(sdoc) else ""
        if tok.i in taken or tok.idx in covered or not tok.is_alpha or len(tok) < 4 or tok.is_sent_start and not (
                tok.is_upper or after == "police"):   # "Erie Police say ..." opens a sentence
            continue
        dateline = tok.is_upper and after in (",", "-", "—", "(") \
            and not (tok.i and tokens[tok.i - 1].is_upper and tokens[tok.i - 1].is_alpha)   # all of "WEST PRICE HILL"
        locative = tok.i > 0 and tokens[tok.i - 1].lower_ in LOCATIVES \
            or after in INCIDENT_NOUNS or after == "police" or after in RESIDENT_NOUNS   # "a Kuna man"
        if not (tok.is_title and locative or dateline):
            continue
        text = tok.text.title() if dateline else tok.text
        if towns := in_province(text):
            extra.append(Toponym(tok.idx, tok.idx + len(tok), tok.text, text, candidates=towns))
    covered |= {t.start for t in extra}
    countries = {country for country, _ in provinces} | {t.chosen.country for t in toponyms if t.chosen}
    return extra + [t for t in _sentence_openings(sdoc, in_province, gazetteer, countries) if t.start not in covered]


COMPASS_QUARTERS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}


def _city_quarter(ent, gazetteer: Gazetteer) -> Toponym | None:
    """ "in southeast Washington", "Northwest Washington": a quarter of a city big enough to have quarters (the one
    city of the name that dominates its namesakes), which the model read as an organization."""
    words = list(ent)
    sdoc = ent.doc
    if words[0].lower_ in COMPASS_QUARTERS and len(words) == 2:
        words = words[1:]
    elif not (len(words) == 1 and ent.start and sdoc[ent.start - 1].lower_ in COMPASS_QUARTERS):
        return None
    following = sdoc[ent.end].text.rstrip(".").lower() if ent.end < len(sdoc) else ""
    if following in STREET_WORDS or BLOCK_OF.search(text_of(sdoc)[max(0, ent.start_char - 40):ent.start_char]):
        return None   # "East Houston Street", "the 2700 block of West Lexington"
    name = words[0]
    towns = sorted((c for c in gazetteer.lookup(name.text) if c.precision == "town" and not c.alias),
                   key=lambda c: -c.population)
    if not towns or towns[0].population < QUARTERED_CITY or not name.is_title or \
            len(towns) > 1 and towns[0].population < DOMINANT * towns[1].population:
        return None   # a quarter is named without its state only of a city far bigger than any namesake
    return Toponym(name.idx, name.idx + len(name), name.text, name.text, candidates=(towns[0],))


def _sentence_openings(sdoc, in_province, gazetteer: Gazetteer, countries: set[str]) -> list[Toponym]:
    """A headline's or sentence's opening town before the people or the incident it is about: "Salina Man
    Dies From Gunshot Wound", "2 Blytheville teens charged", "A Hutchinson teen was arrested", "Three Rivers
    double homicide suspects arrested", "Buckeye police investigate" (a name of up to three words, in any case
    the NER made of it): one in a province the article or its outlet names, or else the one town of the name
    big enough to have its own news (outlets.dominant_town: Salina, Kansas, not Utah's)."""
    tokens = tokens_of(sdoc)
    found = []
    for i, tok in enumerate(tokens):
        before = [w for w in tokens[_sentence_start(tokens, i):i] if not w.is_space]   # a paragraph's break
        opening = not before or len(before) == 1 and (before[0].like_num or before[0].lower_ in ("a", "an")) \
            or 2 <= len(before) <= 4 and \
            before[-1].text == ":" and all(w.is_title for w in before[:-1])   # "Breaking News: Joplin teen"
        if not (opening and tok.is_title and tok.is_alpha):
            continue
        for k in range(i + 1, min(i + 4, len(tokens))):
            noun = tokens[k].lower_
            if noun in OPENING_NOUNS or noun in INCIDENT_ADJECTIVES and k + 1 < len(tokens) \
                    and tokens[k + 1].lower_ in INCIDENT_NOUNS:
                words = sdoc[i:k]
                if all(w.lower_ in GENERIC_WORDS | OPENING_NOUNS for w in words):
                    break   # "Metro police", "Police Chief"
                towns = in_province(words.text) or tuple(
                    town for town in [dominant_town([c for c in gazetteer.lookup(words.text) if c.precision == "town"
                                                     and not c.alias])]
                    if town and (not countries or town.country in countries))   # not China's Dade in a Miami story
                if towns:
                    found.append(Toponym(words.start_char, words.end_char, words.text, words.text, candidates=towns))
                break
            if not (tokens[k].is_title and tokens[k].is_alpha):
                break
    return found


def _sentence_start(tokens, i: int) -> int:
    """The index of the first token of the sentence holding token `i` (at most five tokens back)."""
    start = i
    while start > max(0, i - 5) and not tokens[start].is_sent_start:
        start -= 1
    return start if tokens[start].is_sent_start else -1


# What a town's name opens in a local headline: "Brookhaven shooting", "the Montfort homicide".
INCIDENT_NOUNS = {"shooting", "shootings", "homicide", "murder", "stabbing", "standoff", "slaying", "killing"}
# ...and the people or force it is about: "Salina man", "Blytheville teens", "Buckeye police", "Carbondale chief".
OPENING_NOUNS = INCIDENT_NOUNS | RESIDENT_NOUNS - {"high", "school"} | {
    "men", "women", "boys", "girls", "teens", "teenagers", "residents", "students", "police", "chief", "family"}
INCIDENT_ADJECTIVES = {"double", "triple", "fatal", "deadly", "accidental"}   # "Cameron Accidental Shooting"
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                      *calendar.day_abbr) if w}


def _misread_as_time(ent) -> bool:
    """One capitalized word the model took for a date or time ("in Fellsmere" as DATE), not a month or day."""
    return ent.label_ in ("DATE", "TIME") and len(ent) == 1 and ent[0].is_title and ent[0].is_alpha \
        and ent[0].lower_ not in CALENDAR_WORDS

