"""The date of an article's main event: the first sentences that report it, without header dates ("Posted:
Tuesday, January 28, 2014"), statement dates ("police said Sunday") or the dates of court steps, funerals and
arrests a follow-up tells; when none of them gives a day, the bounds the text does give (an arrest, a
statement, the publication day), never a guess."""
from __future__ import annotations

import re
from bisect import bisect_right

from sitrep.extract.dates import PUBLICATION_DATE, YEAR_RE, date_from_iso, day_date
from sitrep.extract.document_dates import DateMention, find_dates
from sitrep.extract.events import SPEECH_VERBS, VIOLENCE, event_cue
from sitrep.extract.nlp import sentences_of, span_text, text_of
from sitrep.records import EventDate

_STATED_AFTER_RE = re.compile(r"\s*(?:morning|afternoon|evening|night)?\s*(?:said|says|identified|announced|released"
                              r"|confirmed|told|reported|named)\b", re.I)
_HEADER_LINE_RE = re.compile(r"\b(?:published|posted|updated|date|dated|last modified)\b", re.I)
_STATEMENT_RE = re.compile(r"\b(?:said|says|announced|reported|told|confirmed|stated|added|released|identified"
                           r"|updated?|posted|condition|(?:news|press) conference|briefing|interview|statement"
                           r"|at large|unclear|behind bars|(?:remain(?:s|ed)?|still) hospitali[sz]ed|learned)"
                           r"\b[^.]{0,12}$"
                           r"|\btold\s+(?:(?:the|[A-Z][\w.]*)\s+){1,4}(?:on\s+)?$", re.I)


def in_header(text: str, start: int, end: int) -> bool:
    """The date at [start, end) sits in a byline/dateline line ("Posted: Tuesday, January 28, 2014 8:18 PM")
    or is a full date, year included, in one of the first short lines: the date of the article, not of an
    event ("It happened Sunday in the 1900 block" has no year)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if _HEADER_LINE_RE.search(text[max(line_start, start - 40):start]):
        return True
    if re.search(r"\(@\w+\)\s*$", text[max(line_start, start - 40):start]):
        return True     # an embedded post's signature: "— Jane Doe (@janedoe) May 30, 2016"
    if re.search(r"\(\s*$", text[max(line_start, start - 3):start]) and re.match(r"\s*\)\s*[-–—]", text[end:]):
        return True     # a dateline's date: "FRANKLIN (Feb. 4, 2014) – ..."
    with_year = YEAR_RE.search(text[start:end]) or re.match(r"\W{0,3}(?:1[89]|20)\d\d\b", text[end:end + 8])
    return start < 300 and len(line) < 90 and with_year is not None


# steps of the justice process and of mourning that follow an attack: their dates are not the attack's
_PROCEDURE_RE = re.compile(r"\b(?:(?P<arrest>arrested|apprehended|turned (?:himself|herself) in|surrendered)"
                           r"|sentenc\w+|plead\w*|pleaded|plea|arraign\w*|indict\w*|convicted|acquitted|trial"
                           r"|hearing|courtroom|testif\w+|jury|judge|bond|bail|extradited|booked|custody"
                           r"|(?:in|to|into|before|federal|district|superior|circuit|county|municipal|magistrate"
                           r"|juvenile|family|criminal|supreme)\s+court(?!\s+(?:records|documents|papers|filings))"
                           r"|court\s+(?:appearance|hearing|date)|appear(?:ed|s|ance)|charged|charges|funeral|vigil"
                           r"|memorial\s+(?:service|ceremony|mass)|buried|burial)\b", re.I)


# the attack told in words of harm: violence, or a gun that "discharged, striking" someone
_HARM_RE = re.compile(rf"{VIOLENCE.pattern}|\b(?:struck|striking|discharged|went off|fired|hit by)\b", re.I)
_ATTACK_AFTER_RE = re.compile(r"\s+(?:shot|killed|opened fire|fired|stabbed|attacked|wounded)\b", re.I)
# the crime a charge names is not the attack told again: "was charged with first-degree murder Friday"
_CHARGE_RE = re.compile(r"\b(?:charged with|counts? of|suspicion of|accused of|convicted of"
                        r"|guilty (?:plea )?(?:of|to))"
                        r"(?:\s+(?:first|second|third)[- ]degree|\s+attempted|\s+capital|\s+felony)*\s+\w+", re.I)


# "Monday night's shooting", "the June 15 shooting", "the Nov. 22 shootout that wounded 17": a date that
# qualifies the attack's noun names the attack itself, whatever else the sentence tells
_NAMES_EVENT_RE = re.compile(
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:['’]s)?\s+(?:(?!(?:the|a|an|and|or|police|in|at|on|of|for"
    r"|to|by|with|from|after|before|following|during|since|when|while|near)\b)[\w-]+\s+){0,2}"
    r"(?:shootings?|shootouts?|killings?|slayings?|homicides?|murders?|attacks?|incidents?|stabbings?|death"
    r"|home invasion|robbery|ambush|standoff|gunfire|rampage|massacre)\b", re.I)


def names_event(text: str, end: int) -> bool:
    """The date ending at `end` qualifies an attack's noun ("Friday's triple murder", "the May 10 home
    invasion")."""
    return _NAMES_EVENT_RE.match(text, end) is not None


def procedure_step(text: str, sentence_start: int, start: int, end: int) -> str | None:
    """"court" when the date at [start, end) belongs to a court step or a funeral told after the attack ("was
    sentenced today", "returned to court Thursday"), "arrest" when to an arrest ("was arrested Monday in the
    fatal shooting"), else None: in its sentence, a procedure word comes after the last violent word before it."""
    if names_event(text, end) or _ATTACK_AFTER_RE.match(text, end):
        return None         # "the men on May 7 opened fire": the date's own clause tells the attack
    if re.match(r"(?:\s+(?:morning|afternoon|evening|night))?['’]s\s+(?:[\w-]+\s+){0,2}?(?:court\s+)?(?:hearing"
                r"|arraignment|trial|sentencing|funeral|vigil|court appearance)\b", text[end:end + 40], re.I):
        return "court"      # "During Friday's court hearing"
    before = text[sentence_start:start]
    procedure = list(_PROCEDURE_RE.finditer(before))
    if not procedure:
        return None
    violent = [m.end() for m in _HARM_RE.finditer(_CHARGE_RE.sub(" ", before))]
    if violent and procedure[-1].end() <= violent[-1]:
        return None
    return "arrest" if procedure[-1].group("arrest") else "court"


# "shot during a road-rage incident Sunday said ...": the date follows the event it dates
_EVENT_NOUN_BEFORE_RE = re.compile(r"\b(?:shooting|incident|attack|killing|slaying|homicide|stabbing|robbery|standoff"
                                   r"|crash|fight|altercation|argument)\s+(?:on\s+)?$", re.I)
_VIOLENT_PHRASE_BEFORE_RE = re.compile(rf"\b(?:{VIOLENCE.pattern})(?:\s+[\w'’-]+){{0,5}}\s+(?:on\s+)?$", re.I)
_OPENS_SENTENCE_RE = re.compile(r"(?:(?<!\b[ap]\.m)(?<!\b[A-Z])[.!?][\"”’']?\s+|\n\s*)(?:on\s+|late\s+|early\s+)?$",
                                re.I)
_PASSIVE_REPORT_RE = re.compile(r"\b(?:was|were)\s+reported\b[^.]{0,30}$", re.I)
_CLOCK_RE = re.compile(r"\d\s*[ap]\.?m\b|\b(?:noon|midnight)\b", re.I)
_CLOCK_AFTER_RE = re.compile(r"[\s,]*(?:(?:at|around|about|after|before|shortly|just|approximately)\s+)*"
                             r"\d{1,2}(?::\d\d)?\s*[ap]\.?m\b", re.I)
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH_VERBS}|identified|released|charged)\b", re.I)


def statement_date(text: str, start: int, end: int) -> bool:
    """The date at [start, end) is when something was said or reported ("police said Sunday", "in critical
    condition Tuesday", "the coroner on Friday identified"), not when the event happened; a possessive names
    the event ("police said Friday's shooting")."""
    if names_event(text, end) or _EVENT_NOUN_BEFORE_RE.search(text[max(0, start - 30):start]):
        return False
    # "was reported at about 10:30 p.m. Saturday": a passive report, or an hour, times the event itself
    if _CLOCK_RE.search(text[start:end]) or _PASSIVE_REPORT_RE.search(text[max(0, start - 45):start]):
        return False
    if _STATEMENT_RE.search(text[max(0, start - 40):start]):
        return True
    if _STATED_AFTER_RE.match(text, end):
        # "the shooting of two girls on Friday told police": the date ends the event's phrase, not the speaker's
        return not _VIOLENT_PHRASE_BEFORE_RE.search(text[max(0, start - 60):start])
    # "On Wednesday, the sheriff's office said officers found ...": a sentence opening on the day of a statement
    if _OPENS_SENTENCE_RE.search("\n" + text[max(0, start - 40):start] if start <= 40 else text[start - 40:start]):
        after = re.split(r"(?<!\b[ap]\.m)[.!?]\s", text[end:end + 120])[0]
        said, violent = _SPEECH_RE.search(after), VIOLENCE.search(after)
        # ... but "On Monday around 10:30 p.m., his family says ..." times the event: statements carry no hour
        return said is not None and (violent is None or said.start() < violent.start()) and \
            not _CLOCK_AFTER_RE.match(after)
    return False


# "It happened just before 10 p.m. Sunday", "The incident occurred Saturday": the sentence dates the event the
# lead told, without naming it again
_HAPPENED = re.compile(r"\b(?:happened|occurred|took place|unfolded|erupted|broke out"
                       r"|(?:called|dispatched|summoned) to|responded to|shoot|shots fired)\b", re.I)


def main_event_date(sdoc, published: str | None, dates: list[DateMention] | None = None, sentences: int = 5,
                    background_days: int = 60) -> EventDate:
    """The date of an article's main event, from its first `sentences` sentences that report an event
    (`event_cue`), skipping header and statement dates ("police said Sunday") and the days of court steps,
    funerals and arrests told after the attack (`procedure_step`).

    A follow-up that names its attack by the month ("shot in May") gets the day the text gives inside that
    month. Else the earliest day-precise date wins, because leads put the report's day beside the event's
    ("in critical condition Tuesday after he was shot Monday"); dates of later event sentences count only
    within `background_days` before publication (older ones are background: "the 2019 raid on Oct. 31").
    When the first dated event sentence has no resolvable date (no publication date for "on Tuesday"), the
    answer is unknown rather than a background date. Without a dated event sentence, see `_undated_event`.
    Tuned on gva-dev (scripts/score_dates.py). Pass `dates` (from `find_dates`) when the caller has them."""
    text, pub = text_of(sdoc), date_from_iso(published)
    found_dates = find_dates(sdoc, published) if dates is None else dates
    usable = [m for m in found_dates
              if not in_header(text, m.start, m.end) and not statement_date(text, m.start, m.end)]
    all_sentences = list(sentences_of(sdoc))
    events = [s for s in all_sentences if event_cue(span_text(s)) or _HAPPENED.search(span_text(s))][:sentences]
    dated = [(i, [m for m in usable if s.start_char <= m.start < s.end_char]) for i, s in enumerate(events)]
    # in an article about an attack, the days of its court steps and arrests are not the attack's
    steps: dict[int, str | None] = {}
    if any(event_cue(span_text(s)) not in (None, "arrest") for s in events):
        starts = [s.start_char for s in all_sentences]
        steps = {id(m): procedure_step(text, starts[bisect_right(starts, m.start) - 1] if starts else 0, m.start,
                                       m.end) for m in usable}
        dated = [(i, [m for m in found if not steps[id(m)]]) for i, found in dated]
        usable = [m for m in usable if not steps[id(m)]]
    # a follow-up names its attack by the month ("shot in May", "the June murders") before the day of its
    # news (a charge, a plea): the day the text gives inside that month is the attack's
    first_day = next((i for i, found in dated if any(m.date.precision == "day" for m in found)), len(events))
    lead_months = [m.date for i, found in dated if i <= first_day for m in found if m.date.precision == "month"
                   and not (pub and m.date.value == pub.isoformat()[:7])]   # "this month" is no follow-up's
    inside = [m for m in usable if m.date.precision == "day" and any(
        month.earliest <= m.date.value <= month.latest for month in lead_months)]
    if inside:
        return inside[0].date
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
    court = any(steps.get(id(m)) == "court" for m in found_dates
                if any(s.start_char <= m.start < s.end_char for s in events))
    return _undated_event(text, pub, usable, found_dates, steps, events[0].start_char if events else None,
                          coarse[0].date if court and coarse else None, court)


def _undated_event(text: str, pub, usable: list[DateMention], found_dates: list[DateMention],
                   steps: dict[int, str | None], first_event: int | None, attack_period: EventDate | None,
                   court: bool) -> EventDate:
    """The event's date when no sentence reporting it gives a day: the first day that names the attack
    ("Friday's shooting"), else the first day told after the first event sentence, else a day of the week
    before publication told before it ("Last night around 11:40 p.m. deputies received a call").
    Then bounds, not guesses: a follow-up dating only court steps gets the attack's month or year when given,
    else unknown; else the attack came no later than the earliest arrest, or than the earliest statement
    about it ("police said Monday"); else the publication day."""
    def days(found: list[DateMention]) -> list[DateMention]:
        return [m for m in found if m.date.precision == "day"]

    def this_week(m: DateMention) -> bool:
        return pub is not None and 0 <= (pub - date_from_iso(m.date.value)).days <= 7

    naming = [m for m in days(usable) if names_event(text, m.end)]
    after = [m for m in days(usable) if first_event is not None and m.start >= first_event]
    before = [m for m in days(usable) if this_week(m)]
    for found in (naming, after, before):
        if found:
            return found[0].date
    if court:
        return attack_period or EventDate()
    arrests = [m for m in days(found_dates) if steps.get(id(m)) == "arrest"]
    stated = [m for m in days(found_dates) if this_week(m) and not in_header(text, m.start, m.end)
              and statement_date(text, m.start, m.end)]
    for found in (arrests, stated):
        if found:
            return min(found, key=lambda m: m.date.value).date
    return day_date(pub, PUBLICATION_DATE) if pub else EventDate()
