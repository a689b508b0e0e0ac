"""Towns the small model misses altogether, found by the gazetteer in the provinces the article (or its
outlet) already names: "in Greer" in a story about Greenville, S.C.; "Roselle" read as a person."""
from __future__ import annotations

import calendar

from sitrep.extract.gazetteer import Candidate, Gazetteer
from sitrep.extract.nlp import entities, span_text, tokens_of
from sitrep.extract.toponym_filters import RESIDENT_NOUNS, is_speaker, surname_of
from sitrep.extract.toponyms import MISLABELLED, Toponym


def local_names(sdoc, toponyms: list[Toponym], gazetteer: Gazetteer,
                home: tuple[Candidate, ...] = ()) -> list[Toponym]:
    """Towns the NER missed, found by the gazetteer: a capitalized word after "in/at/near/from..." or
    before an incident's noun, "police" or a resident's noun ("the Brookhaven shooting", "Erie Police say",
    "a Kuna man"; also where the model read the word as a date: "in Fellsmere"), or a dateline's
    CAPITALS, outside any entity,
    naming a town in a province the article already names ("in Greer" in a story about Greenville, S.C.)
    or the outlet's `home` is in. Only in-province towns: elsewhere it is a surname. Never the surname of
    a person the article names ("Trevor Williams ... Williams was found"), which the recognizer dropped."""
    provinces = {(t.chosen.country, t.chosen.admin1_code) for t in toponyms
                 if t.chosen and t.chosen.precision in ("admin1", "admin2", "town") and not t.demonym}
    provinces |= {(c.country, c.admin1_code) for c in home}
    if not provinces:
        return []
    def in_province(text: str) -> tuple[Candidate, ...]:
        return tuple(c for c in gazetteer.lookup(text) if not c.alias and c.precision == "town"
                     and c.population >= 1000 and (c.country, c.admin1_code) in provinces)

    covered = {i for t in toponyms for i in range(t.start, t.end)}
    taken = {i for e in entities(sdoc) if not _misread_as_time(e) for i in range(e.start, e.end)}
    surnames = {surname_of(e) for e in entities(sdoc) if e.label_ == "PERSON" and len(e) >= 2}
    extra = []
    tokens = tokens_of(sdoc)
    for ent in entities(sdoc):   # "Roselle" or "Lombard" read as an organization or a person
        if (ent.label_ in MISLABELLED and len(ent) <= (1 if ent.label_ == "PERSON" else 2)
                and ent.start_char not in covered and not is_speaker(sdoc, ent) and span_text(ent) not in surnames
                and (towns := in_province(ent.text))):
            extra.append(Toponym(ent.start_char, ent.end_char, span_text(ent), span_text(ent), candidates=towns))
    for tok in tokens:
        after = tokens[tok.i + 1].lower_ if tok.i + 1 < len(sdoc) else ""
        if tok.i in taken or tok.idx in covered or not tok.is_alpha or len(tok) < 4 or tok.is_sent_start and not (
                tok.is_upper or after == "police"):   # "Erie Police say ..." opens a sentence
            continue
        dateline = tok.is_upper and after in (",", "-", "—", "(") \
            and not (tok.i and tokens[tok.i - 1].is_upper and tokens[tok.i - 1].is_alpha)   # all of "WEST PRICE HILL"
        locative = tok.i > 0 and tokens[tok.i - 1].lower_ in ("in", "at", "near", "from", "outside", "to", "of") \
            or after in INCIDENT_NOUNS or after == "police" or after in RESIDENT_NOUNS   # "a Kuna man"
        if not (tok.is_title and locative or dateline):
            continue
        text = tok.text.title() if dateline else tok.text
        if towns := in_province(text):
            extra.append(Toponym(tok.idx, tok.idx + len(tok), tok.text, text, candidates=towns))
    return extra


# What a town's name opens in a local headline: "Brookhaven shooting", "the Montfort homicide".
INCIDENT_NOUNS = {"shooting", "shootings", "homicide", "murder", "stabbing", "standoff", "slaying", "killing"}
CALENDAR_WORDS = {w.lower() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                      *calendar.day_abbr) if w}


def _misread_as_time(ent) -> bool:
    """One capitalized word the model took for a date or time ("in Fellsmere" as DATE), not a month or day."""
    return ent.label_ in ("DATE", "TIME") and len(ent) == 1 and ent[0].is_title and ent[0].is_alpha \
        and ent[0].lower_ not in CALENDAR_WORDS

