"""Event dates: resolve one date expression against the publication date (finding them in a document is
`document_dates`).

Every resolved date carries a precision (day | week | month | year | unknown) and inclusive earliest/latest
bounds that always contain the value. Two promises the export contract depends on:
- never today's date: relative expressions ("on Tuesday", "last night") resolve only against the publication
  date; without one they stay unknown;
- never a guessed year: a day and month without a year ("August 29") gets a year only from the publication
  date, or from a weekday that fits ("Friday September 13"), or from such a weekday-fixed date elsewhere in the
  same document. Years stated elsewhere in the text are NOT used: in news they mostly date background events
  (an earlier raid "on 27 October 2019"), so borrowing them would date the main event wrongly.

dateparser parses the explicit forms (any date format, "yesterday", "3 days ago", weekdays with
PREFER_DATES_FROM='current_period', which is the setting that keeps "Thursday" on a Thursday publication day);
the rules here cover what it does not: night-time phrasings, early/mid/late modifiers, calendar weeks and
months relative to publication, and expressions relative to another event ("two days after the raid").
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from dateparser.date import DateDataParser
from text_to_num import text2num

from sitrep.extract.holidays import HOLIDAY_RE, holiday_date
from sitrep.records import EventDate

# the `text` of an event date that is only the publication day: the text named no date of its own
PUBLICATION_DATE = "publication date"
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

MONTH_PATTERN = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
                 r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")
WEEKDAY_PATTERN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTH_RE = re.compile(rf"\b({MONTH_PATTERN})(?![a-z])", re.I)
WEEKDAY_RE = re.compile(rf"\b({WEEKDAY_PATTERN})\b", re.I)
_DAY_MONTH_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})(?![a-z])", re.I)
_MONTH_DAY_RE = re.compile(rf"\b({MONTH_PATTERN})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!:)", re.I)
_NUMERIC_DATE_RE = re.compile(r"\b(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")
# "the night of 6-7 February", "March 3 to 5": a span of days within one month
_DAY_RANGE_RE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_PATTERN}"
                           rf"|{MONTH_PATTERN}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*(\d{{1,2}})\b", re.I)
_PART_RE = re.compile(r"\b(early|mid|middle of|late|end of|beginning of|start of)[\s-]", re.I)
_NUMBER = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
ANCHOR_RE = re.compile(
    rf"\b(?:{_NUMBER}\s+(day|days|week|weeks|night|nights)\s+(after|before|later|earlier|prior)"
    r"|the\s+(next|following|previous|preceding)\s+(day|night|morning|evening|afternoon|week)"
    r"|the\s+(day|night)[\s-]+(before|after))\b", re.I)
_LAST_PERIOD_RE = re.compile(r"\b(?:last|past|previous)\s+(?:week|month|year|weekend)\b", re.I)
# how long before an event a statement about it can be misdated; one further back is about something else
STATEMENT_REACH_DAYS = 62
_AGO_RE = re.compile(rf"\b{_NUMBER}\s+(day|days|week|weeks|month|months|year|years)\s+ago\b", re.I)


def _iso(d: date) -> str:
    return d.isoformat()


def date_from_iso(value: str | None) -> date | None:
    """The date of a "YYYY-MM-DD..." string; None when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def day_date(d: date, text: str, earliest: date | None = None, latest: date | None = None) -> EventDate:
    """A day-precision date (bounds default to the day itself)."""
    return EventDate(_iso(d), "day", _iso(earliest or d), _iso(latest or d), text)


def _week_date(first: date, last: date, text: str) -> EventDate:
    """A week-precision date: the value is the first day of the span (the week it names)."""
    return EventDate(_iso(first), "week", _iso(first), _iso(last), text)


def _month_date(year: int, month: int, text: str, part: str | None = None,
                not_after: date | None = None) -> EventDate:
    last = calendar.monthrange(year, month)[1]
    lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, last)}.get(part or "", (1, last))
    earliest, latest = date(year, month, lo), date(year, month, hi)
    if not_after and earliest <= not_after < latest:
        latest = not_after
    return EventDate(f"{year:04d}-{month:02d}", "month", _iso(earliest), _iso(latest), text)


def _year_date(year: int, text: str, part: str | None = None, not_after: date | None = None) -> EventDate:
    lo, hi = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}.get(part or "", (1, 12))
    earliest, latest = date(year, lo, 1), date(year, hi, calendar.monthrange(year, hi)[1])
    if not_after and earliest <= not_after < latest:
        latest = not_after
    return EventDate(f"{year:04d}", "year", _iso(earliest), _iso(latest), text)


_MONTH_ONLY_RE = re.compile(rf"(?:(?:early|mid|late)[\s-])?({MONTH_PATTERN})", re.I)


def month_only(text: str | None) -> int | None:
    """The month of an expression that names a month and nothing else ("March", "mid-January"), else None."""
    match = _MONTH_ONLY_RE.fullmatch((text or "").strip())
    return MONTHS[match.group(1).lower().rstrip(".")] if match else None


def _part(text: str) -> str | None:
    """early | mid | late modifier of a month or year expression ("mid-January", "the end of 2017")."""
    match = _PART_RE.search(text)
    if not match:
        return None
    word = match.group(1).lower()
    return {"middle of": "mid", "end of": "late", "beginning of": "early", "start of": "early"}.get(word, word)


def _number(word: str) -> int:
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else text2num(word, "en")


def infer_year_from_weekday(month: int, day: int, weekday: int, not_after: date,
                            years_back: int = 12) -> int | None:
    """The most recent year, not after `not_after`, in which month/day fell on `weekday` (0 = Monday).

    "Friday September 13" fits 2024, 2019, 2013...: the stated weekday is what fixes the year, and the
    reference date bounds it from above (a report cannot describe a day after it was written). A month/day
    falls on every weekday within 12 years, so a search further back would only find a misprinted weekday."""
    for year in range(not_after.year, not_after.year - years_back, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= not_after and candidate.weekday() == weekday:
            return year
    return None


def _most_recent(month: int, day: int, not_after: date) -> date | None:
    """The latest month/day on or before `not_after` (Feb 29 looks back up to 8 years)."""
    for year in range(not_after.year, not_after.year - 8, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= not_after:
            return candidate
    return None


def _parser(base: date) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime(base.year, base.month, base.day, 12),
        "PREFER_DATES_FROM": "current_period", "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False})


def _shift(anchor: EventDate, days: int, text: str) -> EventDate:
    """`anchor` moved by `days`; unknown unless the anchor is a day or a week ("a day earlier" than
    "in 2017" says nothing more than the year)."""
    if anchor.precision not in ("day", "week"):
        return EventDate(text=text)
    lo = date_from_iso(anchor.earliest) + timedelta(days)
    hi = date_from_iso(anchor.latest) + timedelta(days)
    if anchor.precision == "day":
        value = date_from_iso(anchor.value) + timedelta(days)
        return day_date(value, text, min(lo, value), max(hi, value))
    return _week_date(lo, hi, text)


def _relative_to_anchor(match: re.Match, anchor: EventDate | None, text: str) -> EventDate:
    if anchor is None:
        return EventDate(text=text)
    groups = [g.lower() if g else g for g in match.groups()]
    count, unit, direction, which, unit2, single, direction2 = groups
    if count:
        days = _number(count) * (7 if unit.startswith("week") else 1)
        sign = 1 if direction in ("after", "later") else -1
    else:
        sign = 1 if (which or direction2) in ("next", "following", "after") else -1
        days = 7 if unit2 == "week" else 1
    shifted = _shift(anchor, sign * days, text)
    night = (unit or unit2 or single or "").startswith("night") and sign < 0
    if night and shifted.precision == "day":   # the previous night runs into the anchor day
        return replace(shifted, latest=anchor.value)
    return shifted


def _relative_to_publication(norm: str, pub: date, text: str) -> EventDate | None:
    """Expressions dateparser does not resolve: night-time, calendar weeks/months/years before publication."""
    monday = pub - timedelta(pub.weekday())
    part = _part(norm)
    if re.search(r"\bovernight\b", norm) and not WEEKDAY_RE.search(norm):
        return day_date(pub, text, pub - timedelta(1), pub)
    if re.search(r"\blast night\b", norm):
        return day_date(pub - timedelta(1), text, pub - timedelta(1), pub)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", norm):
        return day_date(pub, text)
    if re.search(r"\b(the|last|past|this) weekend\b", norm):
        sunday = pub - timedelta((pub.weekday() + 1) % 7)
        return _week_date(sunday - timedelta(1), sunday, text)
    if re.search(r"\blast week\b", norm):
        return _week_date(monday - timedelta(7), monday - timedelta(1), text)
    if re.search(r"\bthis week\b", norm):
        return _week_date(monday, pub, text)
    if re.search(r"\b(last|past) month\b", norm):
        prev = pub.replace(day=1) - timedelta(1)
        return _month_date(prev.year, prev.month, text, part)
    if re.search(r"\bthis month\b", norm):
        return _month_date(pub.year, pub.month, text, part, not_after=pub)
    if re.search(r"\b(last|past) year\b", norm) and not re.search(r"\bthe (last|past) year\b", norm):
        return _year_date(pub.year - 1, text, part)
    if re.search(r"\bthis year\b", norm):
        return _year_date(pub.year, text, part, not_after=pub)
    return None


def _from_holiday(norm: str, pub: date | None, text: str) -> EventDate | None:
    """"on Christmas Eve", "Thanksgiving night", "Easter Sunday 2016": the holiday in the stated year, else its
    latest occurrence on or before publication; unknown without either."""
    match = HOLIDAY_RE.search(norm)
    if not match:
        return None
    years = YEAR_RE.findall(norm)
    if years:
        day = holiday_date(match.group(0), int(years[-1]))
    elif pub is None:
        return EventDate(text=text)
    else:
        day = holiday_date(match.group(0), pub.year)
        if day > pub:
            day = holiday_date(match.group(0), pub.year - 1)
        if (pub - day).days > 300:   # "Halloween" said in late October: the coming one, not an event's day
            return EventDate(text=text)
    if re.search(r"\b(?:weekend|holidays?|break|season|week)\b", norm[match.end():]):   # "Memorial Day weekend"
        return _week_date(day - timedelta(3), day + timedelta(3), text)
    if re.search(r"\bnight\b", norm[match.end():]):
        return day_date(day, text, day, day + timedelta(1))
    return day_date(day, text)


def _from_weekday(norm: str, pub: date, text: str) -> EventDate | None:
    """"on Tuesday", "early Thursday", "Monday night", "last Friday": the latest such day on or before publication."""
    match = WEEKDAY_RE.search(norm)
    if not match or re.search(rf"\b(next|coming)\s+{WEEKDAY_PATTERN}", norm):
        return None
    weekday = WEEKDAYS[match.group(1).lower()]
    back = (pub.weekday() - weekday) % 7
    last = re.search(rf"\blast\s+{WEEKDAY_PATTERN}", norm) is not None
    if back == 0 and last:
        back = 7
    if back == 6 and not last:
        # the day after the publication date: a story updated past its date stamp ("remained at large early
        # Wednesday" dated Tuesday) or a step still to come ("an autopsy is scheduled for Monday"), seldom a
        # day six days back; which day it is cannot be told (gva-dev: 54 of the 59 articles this changes
        # were dated right only without it)
        return EventDate(precision="unknown", text=text)
    day = pub - timedelta(back)
    if re.search(r"\b(night|overnight)\b", norm):
        return day_date(day, text, day, day + timedelta(1))
    return day_date(day, text)


def month_and_day(norm: str) -> tuple[int, int] | None:
    for regex, month_group, day_group in ((_MONTH_DAY_RE, 1, 2), (_DAY_MONTH_RE, 2, 1)):
        match = regex.search(norm)
        if match:
            month, day = MONTHS.get(match.group(month_group).rstrip(".").lower()), int(match.group(day_group))
            if month and 1 <= day <= 31:
                return month, day
    return None


def _calendar_date(norm: str, text: str, pub: date | None, year_reference: date | None) -> EventDate | None:
    """Expressions naming a month (with or without day/year) or a year, or a numeric date."""
    years = YEAR_RE.findall(norm)
    month_match = _MONTH_RE.search(norm)
    month = MONTHS.get(month_match.group(1).rstrip(".").lower()) if month_match else None
    if month is None and not years and not _NUMERIC_DATE_RE.search(norm):
        return None
    part = _part(norm)
    stated = month_and_day(norm)
    if years or _NUMERIC_DATE_RE.search(norm):
        data = _parser(pub or date(2000, 1, 1)).get_date_data(text)
        parsed, parts = data.date_obj, set(data.parts or ())
        # dateparser reads "10 and 12 March 2023" as a day of the current year: trust it only with the stated year
        if parsed and "year" in parts and (not years or str(parsed.year) in years):
            if "day" in parts:
                return day_date(parsed.date(), text)
            if "month" in parts:
                return _month_date(parsed.year, parsed.month, text, part)
        if years and stated:
            try:
                return day_date(date(int(years[-1]), *stated), text)
            except ValueError:          # "31 February 2023"
                return EventDate(text=text)
        if years and month and not stated:
            return _month_date(int(years[-1]), month, text, part)
        if years and not month:
            return _year_date(int(years[-1]), text, part)
        if not years:
            return None
    reference = pub or year_reference
    if stated:
        weekday = WEEKDAY_RE.search(norm)
        if weekday:
            # the reference (or, lacking any, today) is only an upper bound for the search, never the answer
            year = infer_year_from_weekday(*stated, WEEKDAYS[weekday.group(1).lower()],
                                           reference or date.today())
            if year:
                return day_date(date(year, *stated), text)
        resolved = _most_recent(*stated, reference) if reference else None
        return day_date(resolved, text) if resolved else EventDate(text=text)
    if month:
        if reference is None:
            return EventDate(text=text)
        year = reference.year if month <= reference.month else reference.year - 1
        resolved = _month_date(year, month, text, part, not_after=reference)
        said_last = re.search(r"\blast\s+" + MONTH_PATTERN, norm) and (year, month) == (reference.year, reference.month)
        if said_last or resolved.earliest > reference.isoformat():
            # "last March" said in March, "mid-March" on March 1st: the year before
            resolved = _month_date(year - 1, month, text, part)
        return resolved
    return None


def _over_day_range(norm: str, when: EventDate) -> EventDate:
    """A resolved day widened to the span of days the expression names ("the night of 6-7 February" runs
    from the 6th into the 7th; "3 to 5 March" is a three-day period), in the resolved day's month and year."""
    match = _DAY_RANGE_RE.search(norm)
    if not match or when.precision != "day":
        return when
    first, last = (int(match.group(1)), int(match.group(2))) if match.group(1) else \
        (int(match.group(3)), int(match.group(4)))
    day = date_from_iso(when.value)
    if not (day and 1 <= first < last <= calendar.monthrange(day.year, day.month)[1]):
        return when
    start, end = day.replace(day=first), day.replace(day=last)
    if (end - start).days == 1:
        return day_date(start, when.text, start, end)
    return _week_date(start, end, when.text) if (end - start).days <= 7 else when


def resolve_date(expression: str, published: str | None, anchor: EventDate | None = None,
                 *, year_reference: str | None = None) -> EventDate:
    """Resolve one date expression against the publication date (YYYY-MM-DD) and, for expressions relative
    to another event ("a day earlier", "two days after the raid"), against `anchor`.

    `year_reference` is a date elsewhere in the same document that fixes the year of a bare "August 29"
    when there is no publication date (a weekday-fixed date; see `document_year_reference`).
    """
    text = expression.strip()
    norm = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    pub, reference = date_from_iso(published), date_from_iso(year_reference)
    anchored = ANCHOR_RE.search(norm)
    if anchored:
        # "the day after Thanksgiving" counts from the holiday it names
        holiday = _from_holiday(norm[anchored.end():], pub, text) if HOLIDAY_RE.search(norm[anchored.end():]) else None
        return _relative_to_anchor(anchored, holiday or anchor, text)
    holiday = _from_holiday(norm, pub, text)
    if holiday is not None:
        return holiday
    calendar_date = _calendar_date(norm, text, pub, reference)
    if calendar_date is not None:
        return _over_day_range(norm, calendar_date)
    if pub is None:
        return EventDate(text=text)
    if re.search(r"\b(?:later (?:this|that)|next|coming) (?:week|month|year)\b", norm):
        return EventDate(text=text)          # still to come: not an event's date
    relative = _relative_to_publication(norm, pub, text)
    if relative is not None:
        return relative
    weekday = _from_weekday(norm, pub, text)
    if weekday is not None:
        return weekday
    ago = _AGO_RE.search(norm)
    if ago or re.search(r"\byesterday\b", norm):
        data = _parser(pub).get_date_data(ago.group(0) if ago else "yesterday")
        if data.date_obj is not None:
            when = data.date_obj.date()
            if data.period == "day":
                return day_date(when, text)
            if data.period == "week":
                return _week_date(when - timedelta(3), when + timedelta(3), text)
            return _month_date(when.year, when.month, text) if data.period == "month" else _year_date(when.year, text)
    return EventDate(text=text)


_HEADER_CUE_RE = re.compile(r"\b(published|posted|updated|date|dated|last modified)\b\s*:?\s*", re.I)
_FULL_DATE_RE = re.compile(
    rf"(?:{WEEKDAY_PATTERN},?\s+)?(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})", re.I)


def publication_date_from_text(text: str, head_chars: int = 400) -> str | None:
    """A publication date stated at the top of an article, as YYYY-MM-DD, else None.

    Conservative: only a full date (day, month, year) in the first lines, and only when a header cue
    ("Published", "Posted", "date") precedes it or the date opens a short line ("Feb 3, 2022 10:15 AM",
    "2022-02-03"). A date inside a photo caption or a sentence is not a publication date."""
    for line in text[:head_chars].splitlines()[:6]:
        line = line.strip()
        for match in _FULL_DATE_RE.finditer(line):
            before = line[:match.start()]
            cue = _HEADER_CUE_RE.search(before)
            opens_line = not before.strip(" —-|·•:")
            cued = cue is not None and cue.end() >= len(before.rstrip()) - 1 and len(before) - cue.start() < 40
            if (cued and len(before) < 120) or (opens_line and len(line) < 80):
                data = _parser(date(2000, 1, 1)).get_date_data(match.group(0))
                if data.date_obj is not None and {"year", "month", "day"} <= set(data.parts or ()):
                    return _iso(data.date_obj.date())
            break   # only the first date of a line can be its header date
    return None


def date_inconsistency(statement: EventDate, event: EventDate) -> bool:
    """True when a statement about an event is dated before the event could have happened
    ("On 4 January, X announced ... a raid" about a raid of 3 February).

    A statement kept only as a day and month (year unknown, e.g. "4 January") is placed in the year that
    puts it closest to the event: statements are made around the event they describe. One dated relative to
    something else ("the day before", "three months ago", "last week") or more than STATEMENT_REACH_DAYS before
    the event is about something else the text recalls (an earlier attack, a conviction in 1991), not a
    misdated statement about this one."""
    if event.earliest is None or statement.text and (ANCHOR_RE.search(statement.text) or _AGO_RE.search(
            statement.text) or _LAST_PERIOD_RE.search(statement.text)):
        return False
    event_start = date_from_iso(event.earliest)
    latest = date_from_iso(statement.latest)
    if latest is None and statement.text:
        stated = month_and_day(statement.text.lower())
        if stated is None:
            return False
        candidates = []
        for year in (event_start.year - 1, event_start.year, event_start.year + 1):
            try:
                candidates.append(date(year, *stated))
            except ValueError:
                continue
        latest = min(candidates, key=lambda d: abs((d - event_start).days), default=None)
    return latest is not None and event_start - timedelta(days=STATEMENT_REACH_DAYS) <= latest < event_start


def acled_time_precision(when: EventDate) -> int:
    """ACLED time_precision: 1 the day is known, 2 the week (or weekend, or a few days) is known,
    3 only the month or something coarser is known."""
    span = _span_days(when)
    if when.precision == "day" and span is not None and span <= 1:
        return 1
    if when.precision in ("day", "week"):
        return 2
    return 3


def ucdp_date_prec(when: EventDate) -> int:
    """UCDP GED date_prec: 1 exact day; 2 a range of 2-6 days; 3 only the week is known;
    4 a range of 8-30 days or only the month; 5 a range over 30 days, only the year, or unknown."""
    span = _span_days(when)
    if span is None:
        return 5
    days = span + 1
    if days == 1:
        return 1
    if when.precision == "week" and days == 7:
        return 3
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    return 4 if days <= 31 else 5


def _span_days(when: EventDate) -> int | None:
    lo, hi = date_from_iso(when.earliest), date_from_iso(when.latest)
    return (hi - lo).days if lo and hi else None
