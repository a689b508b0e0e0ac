"""The date of an article's main event: the first sentences that report it, without header dates ("Posted:
Tuesday, January 28, 2014"), statement dates ("police said Sunday") or the dates of court steps and funerals
a follow-up tells."""
from __future__ import annotations

import re

from sitrep.extract.dates import PUBLICATION_DATE, YEAR_RE, date_from_iso, day_date
from sitrep.extract.document_dates import DateMention, find_dates
from sitrep.extract.events import VIOLENCE, event_cue
from sitrep.extract.nlp import sentences_of, span_text, text_of
from sitrep.records import EventDate

_STATED_AFTER_RE = re.compile(r"\s*(?:morning|afternoon|evening|night)?\s*(?:said|says|identified|announced|released"
                              r"|confirmed|told|reported|named)\b", re.I)
_HEADER_LINE_RE = re.compile(r"\b(?:published|posted|updated|date|dated|last modified)\b", re.I)
_STATEMENT_RE = re.compile(r"\b(?:said|says|announced|reported|told|confirmed|stated|added|released|identified"
                           r"|updated|posted|condition|(?:news|press) conference|briefing|interview)\b[^.]{0,12}$", re.I)


def in_header(text: str, start: int, end: int) -> bool:
    """The date at [start, end) sits in a byline/dateline line ("Posted: Tuesday, January 28, 2014 8:18 PM")
    or is a full date, year included, in one of the first short lines: the date of the article, not of an
    event ("It happened Sunday in the 1900 block" has no year)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if _HEADER_LINE_RE.search(text[max(line_start, start - 40):start]):
        return True
    with_year = YEAR_RE.search(text[start:end]) or re.match(r"\W{0,3}(?:1[89]|20)\d\d\b", text[end:end + 8])
    return start < 300 and len(line) < 90 and with_year is not None


# steps of the justice process and of mourning that follow an attack: their dates are not the attack's
_PROCEDURE_RE = re.compile(r"\b(?:sentenc\w+|plead\w*|pleaded|plea|arraign\w*|indict\w*|convicted|acquitted|trial"
                           r"|hearing|court|courtroom|testif\w+|jury|judge|bond|bail|extradited|booked|custody"
                           r"|appear(?:ed|s|ance)|charged|charges|funeral|vigil|memorial|buried|burial)\b", re.I)


# the crime a charge names is not the attack told again: "was charged with first-degree murder Friday"
_CHARGE_RE = re.compile(r"\b(?:charged with|counts? of|suspicion of|accused of|convicted of|guilty (?:plea )?(?:of|to))"
                        r"(?:\s+(?:first|second|third)[- ]degree|\s+attempted|\s+capital|\s+felony)*\s+\w+", re.I)


def procedure_date(text: str, sentence_start: int, start: int) -> bool:
    """The date belongs to a court step or a funeral told after the attack ("was sentenced today", "returned
    to court Thursday"): in its sentence, a procedure word comes after the last violent word before it."""
    before = text[sentence_start:start]
    procedure = [m.end() for m in _PROCEDURE_RE.finditer(before)]
    if not procedure:
        return False
    violent = [m.end() for m in VIOLENCE.finditer(_CHARGE_RE.sub(" ", before))]
    return not violent or procedure[-1] > violent[-1]


def statement_date(text: str, start: int, end: int) -> bool:
    """The date at [start, end) is when something was said or reported ("police said Sunday", "in critical
    condition Tuesday", "the coroner on Friday identified"), not when the event happened; a possessive names
    the event ("police said Friday's shooting")."""
    if re.match(r"\w+['’]s\b", text[start:start + 16]):
        return False
    return _STATEMENT_RE.search(text[max(0, start - 40):start]) is not None or \
        _STATED_AFTER_RE.match(text, end) is not None


# "It happened just before 10 p.m. Sunday", "The incident occurred Saturday": the sentence dates the event the
# lead told, without naming it again
_HAPPENED = re.compile(r"\b(?:happened|occurred|took place|unfolded|erupted|broke out)\b", re.I)


def main_event_date(sdoc, published: str | None, dates: list[DateMention] | None = None, sentences: int = 5,
                    background_days: int = 60) -> EventDate:
    """The date of an article's main event, from its first `sentences` sentences that report an event
    (`event_cue`), skipping header and statement dates ("police said Sunday").

    The earliest day-precise date wins, because leads put the report's day beside the event's ("in critical
    condition Tuesday after he was shot Monday"); dates of later event sentences count only within
    `background_days` before publication (older ones are background: "the 2019 raid on Oct. 31").
    When the first dated event sentence has no resolvable date (no publication date for "on Tuesday"), the
    answer is unknown rather than a background date. Else the first date after the first event sentence,
    else the publication day, except in a follow-up that dates only court steps or funerals
    (`procedure_date`): then the attack's month or year when given, else unknown. Tuned on gva-dev
    (scripts/score_dates.py). Pass `dates` (from `find_dates`) when the caller has them already."""
    text, pub = text_of(sdoc), date_from_iso(published)
    found_dates = find_dates(sdoc, published) if dates is None else dates
    usable = [m for m in found_dates
              if not in_header(text, m.start, m.end) and not statement_date(text, m.start, m.end)]
    events = [s for s in sentences_of(sdoc) if event_cue(span_text(s)) or _HAPPENED.search(span_text(s))][:sentences]
    dated = [(i, [m for m in usable if s.start_char <= m.start < s.end_char]) for i, s in enumerate(events)]
    # an article about an attack that dates only its court steps ("was sentenced today") is a follow-up:
    # those dates, and its publication day, are not the attack's
    if any(event_cue(span_text(s)) not in (None, "arrest") for s in events):
        procedure = {id(m) for i, found in dated for m in found
                     if procedure_date(text, events[i].start_char, m.start)}
        dated = [(i, [m for m in found if id(m) not in procedure]) for i, found in dated]
        usable = [m for m in usable if id(m) not in procedure]
    else:
        procedure = set()
    coarse = [m for _, found in dated for m in found if m.date.precision in ("week", "month", "year")]
    # a sentence dated only by a month or year ("since the end of 2017") gives background, not the event
    # ... while a week ("over the weekend", "earlier this week") dates the event to within days
    dated = [(i, found) for i, found in dated if any(m.date.precision in ("day", "week", "unknown") for m in found)]
    if dated:
        first, first_found = dated[0]
        if pub is None and all(m.date.precision == "unknown" for m in first_found):
            return first_found[0].date
        days = [m for i, found in dated for m in found if m.date.precision == "day" and (
            i == first or pub and (pub - date_from_iso(m.date.value)).days <= background_days)]
        if days:
            return min(days, key=lambda m: m.date.value).date
        weeks = [m.date for m in first_found if m.date.precision == "week"]
        if weeks:
            # "hurt over the weekend. ... around 2 p.m. on Sunday, deputies were dispatched": the day inside it
            inside = [m.date for m in usable if m.date.precision == "day" and m.start >= events[0].start_char
                      and weeks[0].earliest <= m.date.value <= weeks[0].latest]
            return inside[0] if inside else weeks[0]
    after = [m for m in usable if m.date.precision == "day" and events and m.start >= events[0].start_char]
    if after:
        return after[0].date
    if procedure:
        return coarse[0].date if coarse else EventDate()
    return day_date(pub, PUBLICATION_DATE) if pub else EventDate()
