"""Candidate blocking: the keys two mentions must share to be compared at all.

Every key of a dated mention is bounded in time (a date bucket, a year), so the candidates of one new mention do
not grow with the store: placing a mention costs the same in a store of ten thousand or a million.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from sitrep.cluster.features import NAME_KEYS, MentionMemo, features, norm
from sitrep.records import Mention

DEFAULT_WINDOW_DAYS = 7      # Settings.date_window_days: farther apart than this, two dates cannot be one incident...
LONG_WINDOW_DAYS = 365       # ...unless both name the same person: an arrest, a trial or a funeral months later
COARSE_SPAN_DAYS = 45        # a date range wider than this (year, unknown) gets year keys instead of day keys


def area_key(m: Mention) -> str | None:
    p = m.place
    country = (p.country or "").upper()
    if p.admin1:
        return f"{country}/{norm(p.admin1)}"
    if p.lat is not None and p.lon is not None:
        return f"{country}/cell{math.floor(p.lat)},{math.floor(p.lon)}"
    return country or None


def block_keys(m: Mention, window_days: int = DEFAULT_WINDOW_DAYS) -> list[str]:
    """Keys a mention is stored under (see `_stored_and_looked_up`)."""
    return sorted(_keys(m, window_days)[0])


def lookup_keys(m: Mention, window_days: int = DEFAULT_WINDOW_DAYS) -> list[str]:
    """Keys to look a mention's candidates up by (see `_stored_and_looked_up`)."""
    return sorted(_keys(m, window_days)[1])


def meet(a: Mention, b: Mention, window_days: int = DEFAULT_WINDOW_DAYS) -> bool:
    """Whether a and b are candidates: each finds the other by its lookup keys among the other's stored keys.

    Reach is not quite symmetric (a bucket holds days a little beyond the window of some of the days that look
    it up), so a pair counts only when it is found from both sides: then whichever is stored first, the other
    finds it, and the incremental path sees exactly the pairs the batch one does."""
    stored_a, looked_up_a = _keys(a, window_days)
    stored_b, looked_up_b = _keys(b, window_days)
    return not looked_up_a.isdisjoint(stored_b) and not looked_up_b.isdisjoint(stored_a)


def _stored_and_looked_up(m: Mention, window_days: int) -> tuple[frozenset[str], frozenset[str]]:
    """The keys two mentions must share, one storing and the other looking up, to be compared at all.

    A mention is stored under the buckets its own dates fall in and looks up every bucket within reach of its
    dates, so two mentions within reach of each other meet whichever comes first, and each is stored once or
    twice per kind of key. Kinds of key:
    - buckets of window+1 days crossed with the admin1 area (else a 1-degree cell, else the country, else "?"),
      and crossed with each of its rarest proper-name words (so that two reports of one event meet even when
      the geocoder put one in the wrong state); reach: the window;
    - a range wider than COARSE_SPAN_DAYS (a year, unknown) gets year keys instead: such mentions meet only
      each other and, through people keys, the incidents of the people they name;
    - each named person, and each rare word of the name of a person killed, wounded or arrested, per year;
      reach: LONG_WINDOW_DAYS, so that the arrest, the trial or the funeral months later meet the first
      reports; a named person also meets that person's undated mentions (an article with no date at all);
    - each of its LONG_NAME_KEYS rarest proper-name words rare enough to name one thing (a victim, a bar, a
      suspect named in the text but not extracted as a person), per year, reach LONG_WINDOW_DAYS: the follow-up
      weeks later that names no one as a principal can still meet the first reports (see `named_across_days`);
    - anchorless mentions (no event date, no publication date) and dated ones find each other through area
      keys that only the other kind looks up ("a:", "u:"): only mentions of an article with no date at all pay
      for a scan of their area's history; they are rare, and nothing else can place them.
    Every other bucket is bounded in time, so its size does not grow with the store. Actors are not keys: one
    armed group acts in many incidents a week, so they would narrow nothing. The mentions of one article need no
    key: they are placed together, and each is compared with the others (`partition.links`).
    """
    f = features(m)
    area = area_key(m) or "?"
    stored: set[str] = set()
    looked_up: set[str] = set()
    if f.earliest is not None:
        width = window_days + 1
        if f.latest - f.earliest <= COARSE_SPAN_DAYS:
            own = range(f.earliest // width, f.latest // width + 1)
            reach = range((f.earliest - window_days) // width, (f.latest + window_days) // width + 1)
            for buckets, keys in ((own, stored), (reach, looked_up)):
                keys.update(f"d{width}:{bucket}:{area}" for bucket in buckets)
                keys.update(f"n{width}:{bucket}:{name}" for bucket in buckets
                            for name in f.text.rare_names[:NAME_KEYS])
        else:
            first, last = (dt.date.fromordinal(x).year for x in (f.earliest, f.latest))
            years = {f"y:{year}:{area}" for year in range(first, min(last, first + 2) + 1)}
            stored |= years
            looked_up |= years
        own_years = {dt.date.fromordinal(x).year for x in (f.earliest, f.latest)}
        reach_years = range(dt.date.fromordinal(max(1, f.earliest - LONG_WINDOW_DAYS)).year,
                            dt.date.fromordinal(f.latest + LONG_WINDOW_DAYS).year + 1)
        for years, keys in ((own_years, stored), (reach_years, looked_up)):
            keys.update(f"p:{person}:{year}" for person in f.people for year in years)
            keys.update(f"pw:{word}:{year}" for word in f.person_words for year in years)
            keys.update(f"ny:{word}:{year}" for word in f.long_names for year in years)
    undated_people = {f"p:{person}:?" for person in f.people}
    stored |= undated_people
    looked_up |= undated_people
    if area != "?":
        stored.add(f"a:{area}" if f.earliest is not None else f"u:{area}")
        looked_up.update([f"u:{area}"] if f.earliest is not None else [f"u:{area}", f"a:{area}"])
    return frozenset(stored), frozenset(looked_up)


_keys: Callable[[Mention, int], tuple[frozenset[str], frozenset[str]]] = MentionMemo(_stored_and_looked_up)


class BlockIndex:
    """In-memory blocking index (key -> mention ids); the store implements the same two methods over a table.

    Most keys (a rare name in one week) hold a single mention: such a key maps to the id itself, not to a list,
    and keys are kept as their hashes (one process, so one hash seed), which together halve the index's memory."""

    def __init__(self, window_days: int = DEFAULT_WINDOW_DAYS):
        self.window_days = window_days
        self._ids: dict[int, str | list[str]] = {}

    def add(self, mention: Mention) -> None:
        for key in map(hash, _keys(mention, self.window_days)[0]):
            held = self._ids.get(key)
            if held is None:
                self._ids[key] = mention.id
            elif isinstance(held, str):
                self._ids[key] = [held, mention.id]
            else:
                held.append(mention.id)

    def neighbours(self, mention: Mention) -> set[str]:
        found: set[str] = set()
        for key in map(hash, _keys(mention, self.window_days)[1]):
            held = self._ids.get(key)
            if isinstance(held, str):
                found.add(held)
            elif held:
                found.update(held)
        found.discard(mention.id)
        return found
