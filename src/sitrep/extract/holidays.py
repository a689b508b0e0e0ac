"""Days news names by their holiday ("on Christmas Eve", "Thanksgiving night"): the names and the day each falls
on in a given year. Resolving an expression that names one against the publication date is `dates`' job."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.easter import easter

# Days news names by their holiday. Written out here because holiday calendars (python-holidays) list public
# holidays only, not the eves and Halloween on which many incidents are dated; the movable ones are the
# US dates (Thanksgiving, Memorial Day, Labor Day), as the names are said in US news.
HOLIDAY_PATTERN = (r"(?:new\s+year['’]?s\s+(?:eve|day)|christmas(?:\s+(?:eve|day))?|xmas(?:\s+eve)?"
                   r"|fourth\s+of\s+july|independence\s+day|halloween|valentine['’]?s\s+day"
                   r"|st\.?\s+patrick['’]?s\s+day|thanksgiving(?:\s+day)?|black\s+friday|easter(?:\s+sunday)?"
                   r"|memorial\s+day|labor\s+day|mother['’]?s\s+day|father['’]?s\s+day)")
HOLIDAY_RE = re.compile(rf"\b{HOLIDAY_PATTERN}\b", re.I)
_FIXED_HOLIDAYS = {"new year eve": (12, 31), "new year day": (1, 1), "christmas eve": (12, 24), "xmas eve": (12, 24),
                   "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25), "fourth of july": (7, 4),
                   "independence day": (7, 4), "halloween": (10, 31), "valentine day": (2, 14),
                   "st patrick day": (3, 17)}
# movable ones: (month, weekday with Monday 0, nth of the month with -1 the last, days after it)
_MOVABLE_HOLIDAYS = {"thanksgiving": (11, 3, 4, 0), "thanksgiving day": (11, 3, 4, 0), "black friday": (11, 3, 4, 1),
                     "memorial day": (5, 0, -1, 0), "labor day": (9, 0, 1, 0), "mother day": (5, 6, 2, 0),
                     "father day": (6, 6, 3, 0)}


def holiday_date(name: str, year: int) -> date:
    """The day a holiday name (matched by HOLIDAY_PATTERN) falls on in `year`."""
    key = " ".join(re.sub(r"['’.]", "", name.lower()).split())
    key = re.sub(r"\b(year|valentine|patrick|mother|father)s\b", r"\1", key)    # "New Years Eve", "Mother's Day"
    if key in _FIXED_HOLIDAYS:
        return date(year, *_FIXED_HOLIDAYS[key])
    if key.startswith("easter"):
        return easter(year)
    month, weekday, nth, later = _MOVABLE_HOLIDAYS[key]
    if nth < 0:
        last = date(year, month, calendar.monthrange(year, month)[1])
        return last - timedelta((last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta((weekday - first.weekday()) % 7 + 7 * (nth - 1) + later)
