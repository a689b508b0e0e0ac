"""Per-mention evidence for clustering: date bounds, place, named people and rarity-weighted text.

Rarity comes from English word frequencies (wordfreq), not from the corpus being clustered, so a mention's
features never depend on which other mentions are in the batch: clustering stays order-independent and the
incremental path equals the batch one.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode
from wordfreq import get_frequency_dict

from sitrep.extract.dates import MONTH_PATTERN, MONTHS, PUBLICATION_DATE
from sitrep.records import EventDate, Mention

PRECISE_PLACES = {"point", "town", "admin2"}
WORD = re.compile(r"[^\W_]+")
NUMBER = re.compile(r"\b\d\d+\b")   # ages, house numbers, tolls; single digits are in every report
# Ages as English news gives them ("a 16-year-old", "Darnell Hayes, 19,", "aged 34"): two reports of one week
# and town that both give ages and share none are most likely about different people (two shootings).
AGE = re.compile(r"\b(\d{1,2})[- ]years?[- ]old\b|\b[A-Z][a-z]+,\s(\d{1,2})(?=[,;:)]|\.\s)|\baged?\s(\d{1,2})\b")
# The street of a "3300 block of West Augusta Boulevard" (US police usage): the word after the direction. Two
# reports placing their shootings on different blocks' streets are two shootings.
STREET_BLOCK = re.compile(r"\b\d{2,5}\s+block\s+of\s+(?:the\s+)?"
                          r"(?:(?:[NSEW]|North|South|East|West)\.?\s+)?([A-Z0-9][\w']*)")
# A calendar day as English news writes it ("the March 9 shooting", "on Nov. 22", "Sept. 21, 2016", "on 4 January"):
# a follow-up (the arrest, the plea, the funeral) is dated by its own event but names the day of the shooting.
# A plain regex, not dateparser: it runs on every mention clustered, and only needs day-and-month forms.
_MONTH_NAME = rf"(?=[A-Z])(?i:{MONTH_PATTERN})"   # capitalised: "may" is mostly the verb
NAMED_DAY = re.compile(rf"\b(?P<month>{_MONTH_NAME})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:\d])"
                       rf"(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
                       rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH_NAME})"
                       rf"(?:,?\s+(?P<year2>(?:19|20)\d\d)\b)?")
# a report dated only by its publication day (`dates.PUBLICATION_DATE`) may tell of the day before
# (`scoring._date_similarity`)
PUBLISHED_LAG_DAYS = 1
NAMED_DAYS = 4         # days named in one report's sentences that count as its dates too
CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
TITLES = {"mr", "mrs", "ms", "dr", "sgt", "officer", "detective", "lt", "capt", "gen", "col", "president",
          "jr", "sr", "ii", "iii", "iv"}
# Head nouns that make an extracted "person" a place or an institution ("Stroger Hospital", "Ralph Boyles Road"):
# such names recur across unrelated incidents of one city, so they must not count as a named person.
NOT_PERSON_WORDS = {"hospital", "center", "centre", "medical", "clinic", "trauma", "street", "avenue", "boulevard",
                    "road", "drive", "lane", "highway", "parkway", "park", "plaza", "mall", "school", "university",
                    "college", "academy", "church", "mosque", "county", "city", "police", "department", "sheriff",
                    "court", "office", "station", "memorial", "apartments", "club", "lounge", "bar", "market",
                    "store", "hotel", "camp", "base", "district", "province", "village", "st", "ave", "blvd", "rd"}
RARE_ZIPF = 2.0        # Zipf frequency given to a word missing from the frequency list (all of them are rarer than 3)
RARE_NAME_ZIPF = 4.5   # a proper-name word rarer than this in English is specific enough for a blocking key
# a toll of one or two fits too many incidents to tell reports in two languages are about the same one
DISTINCT_TOLL = 3
NAME_KEYS = 3          # blocking keys per mention from its rarest proper-name words
# A proper-name word at least this rare (Zipf 3.5 or less: most surnames, small towns, a bar's name; not
# "hospital", "sheriff", "tavern") names one thing; LONG_NAME_KEYS of them, not the town's, key a mention per year.
TEXT_NAME_RARITY = 3.5
LONG_NAME_KEYS = 2
PERSON_WORD_ZIPF = 4.5  # a word of a person's name rarer than this identifies the person ("gustafson", not "david")
# Only the people an incident happened to, or who were arrested for it, tie reports weeks apart: a police
# spokesman, a prosecutor or a head of state is named in many incidents.
PRINCIPAL_ROLES = ("killed", "wounded", "arrested")
# Name particles and kunyas are shared by unrelated people ("Abu Omar al-Masri", "Abu Khalid al-Masri" share
# "abu"; "van", "de", "bin" likewise): they identify no one.
NAME_PARTICLES = {"abu", "umm", "bin", "ibn", "bint", "ben", "van", "von", "der", "den", "del", "della", "dos",
                  "das", "mac"}


@dataclass(frozen=True, slots=True)
class TextFeatures:
    words: frozenset[str]
    salient: frozenset[str]        # numbers and proper names (ages, counts, street and victim names)
    weights: Mapping[str, float]   # content word -> rarity-weighted tf, unit length (for a cosine)
    name_words: frozenset[str]     # the words of its proper names
    rare_names: tuple[str, ...]    # its proper-name words rarer than RARE_NAME_ZIPF, rarest first (blocking keys)
    ages: frozenset[int]           # the ages it gives ("16-year-old", "Hayes, 19,")
    streets: frozenset[str]        # the streets of the blocks it names ("3300 block of West Augusta" -> augusta)


@dataclass(frozen=True, slots=True)
class Features:
    earliest: int | None      # date bounds as ordinals
    latest: int | None
    place: tuple              # (lat, lon, admin1, country, precise)
    place_words: frozenset[str]  # the words of the place's name ("newport", "news")
    people: frozenset[str]    # normalised full names ("darnell hayes"), institutions left out
    principals: frozenset[str]  # the people killed, wounded or arrested (not officials quoted, not leaders named)
    surnames: frozenset[str]  # last words of multi-word names
    person_words: frozenset[str]  # rare words of the principals' names
    long_names: tuple[str, ...]   # its LONG_NAME_KEYS rarest names of at least TEXT_NAME_RARITY, not its town's
    victims: frozenset[str]
    tallies: Mapping[str, frozenset[int]]  # "killed"/"wounded" -> every total the report gives
    event_type: str | None
    text: TextFeatures
    language: str = "en"
    tolls: frozenset[tuple[str, int]] = frozenset()  # (killed|wounded, N) of any group, N >= DISTINCT_TOLL
    lag: int = 0      # days the event may precede `earliest`: a report dated only by its publication
    named_days: frozenset[int] = frozenset()  # ordinals of the calendar days its sentences name (`named_days`)


def norm(text: str) -> str:
    return " ".join(WORD.findall((text if text.isascii() else unidecode(text)).lower()))


def person_key(name: str) -> str:
    """A person's name without titles; empty when the name is an institution or a place, which an English name
    tells by its last word, the head noun ("Stroger Hospital"; "Park Ji-sung" stays a person)."""
    words = [t for t in norm(name).split() if t not in TITLES]
    return "" if not words or words[-1] in NOT_PERSON_WORDS else " ".join(words)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def date_bounds(date: EventDate, published: str | None = None) -> tuple[int | None, int | None]:
    """Earliest and latest possible day (ordinals) of an EventDate; without one, the fortnight before publication."""
    earliest, latest = _day(date.earliest), _day(date.latest)
    if earliest is not None and latest is not None:
        return earliest, latest
    value = date.value or ""
    try:
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10]).toordinal()
            return day, day
        if len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(value) == 4:
            return dt.date(int(value), 1, 1).toordinal(), dt.date(int(value), 12, 31).toordinal()
    except ValueError:
        pass
    pub = _day(published)
    return (pub - 14, pub) if pub is not None else (None, None)


@lru_cache(maxsize=1)
def _zipf_table() -> dict[str, float]:
    """English word frequencies on the Zipf scale (wordfreq's small list: every word seen once per million)."""
    return {w: math.log10(f) + 9.0 for w, f in get_frequency_dict("en", wordlist="small").items()}


def rarity(word: str) -> float:
    """An inverse document frequency that needs no corpus: 7 minus the word's Zipf frequency in English
    ("police" 1.7, "avenue" 2.6, a surname off the list 5); a non-English word counts as rare."""
    return 7.0 - _zipf_table().get(word, RARE_ZIPF)


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


@lru_cache(maxsize=8192)
def evidence_features(evidence: str) -> TextFeatures:
    """Content words weighted by rarity, and the 'salient' tokens that tell similar incidents apart: numbers and
    proper names."""
    tokens = [w for w in norm(evidence).split() if len(w) > 2 and w not in STOP_WORDS and not w.isdigit()]
    raw = {w: (1.0 + math.log(n)) * rarity(w) for w, n in Counter(tokens).items()}
    length = math.sqrt(sum(x * x for x in raw.values())) or 1.0
    salient = set(NUMBER.findall(evidence))
    for match in CAPITALISED.finditer(evidence):
        key = norm(match.group())
        if key and key not in CALENDAR and key not in STOP_WORDS:
            salient.add(key)
    name_words = frozenset(w for phrase in salient if not phrase.isdigit() for w in phrase.split()
                           if len(w) > 2 and w not in STOP_WORDS)
    rare = sorted((w for w in name_words if rarity(w) >= 7.0 - RARE_NAME_ZIPF), key=lambda w: (-rarity(w), w))
    ages = frozenset(int(next(g for g in match.groups() if g)) for match in AGE.finditer(evidence))
    streets = frozenset(match.group(1).lower() for match in STREET_BLOCK.finditer(evidence))
    return TextFeatures(frozenset(tokens), frozenset(salient), {w: x / length for w, x in raw.items()},
                        name_words, tuple(rare), ages, streets)


class MentionMemo:
    """Values computed from a mention, memoised by its id (hashing a whole Mention costs more than computing
    some of them); past `kept` entries the oldest goes, a bound on memory that keeps the recent mentions a
    stream compares new ones with (starting afresh instead made the cost of a mention depend on when the memo
    was last emptied)."""

    def __init__(self, compute: Callable[..., object], kept: int = 20_000):
        self._compute, self._kept = compute, kept
        self._values: OrderedDict[tuple, tuple[Mention, object]] = OrderedDict()

    def __call__(self, m: Mention, *args: object):
        key = (m.id, *args)
        found = self._values.get(key)
        if found is not None and (found[0] is m or found[0] == m):
            return found[1]
        if len(self._values) >= self._kept:
            self._values.popitem(last=False)
        value = self._compute(m, *args)
        self._values[key] = (m, value)
        return value

    def clear(self) -> None:
        self._values.clear()


def named_days(evidence: str, published: str | None, latest: int | None) -> frozenset[int]:
    """The calendar days a report's sentences name, as ordinals: a day without a year is the most recent one on
    or before publication (else the report's own latest date), as a reader of the report would take it."""
    ceiling = _day(published) or latest
    found: set[int] = set()
    for match in NAMED_DAY.finditer(evidence):
        month = MONTHS.get((match["month"] or match["month2"]).rstrip(".").lower())
        day, year = int(match["day"] or match["day2"]), match["year"] or match["year2"]
        if year:
            found.update(_ordinal(int(year), month, day))
        elif ceiling is not None:
            year = dt.date.fromordinal(ceiling).year
            this_year = _ordinal(year, month, day)
            found.update(this_year if this_year and min(this_year) <= ceiling else _ordinal(year - 1, month, day))
        if len(found) >= NAMED_DAYS:
            break
    return frozenset(found)


def _ordinal(year: int, month: int | None, day: int) -> set[int]:
    try:
        return {dt.date(year, month, day).toordinal()} if month else set()
    except ValueError:
        return set()


def _compute_features(m: Mention) -> Features:
    earliest, latest = date_bounds(m.date, m.published)
    p = m.place
    place = (p.lat, p.lon, norm(p.admin1) if p.admin1 else None, (p.country or "").upper() or None,
             p.precision in PRECISE_PLACES)
    people = frozenset(k for k in (person_key(x.name) for x in m.people) if k)
    victims = frozenset(k for k in (person_key(x.name) for x in m.people if x.role in ("killed", "wounded")) if k)
    tallies = {figure: frozenset(c.value for c in m.claims if c.group == "total" and c.figure == figure)
               for figure in ("killed", "wounded")}
    principals = frozenset(k for k in (person_key(x.name) for x in m.people if x.role in PRINCIPAL_ROLES) if k)
    person_words = frozenset(w for k in principals for w in k.split()
                             if len(w) > 2 and w not in NAME_PARTICLES and rarity(w) >= 7.0 - PERSON_WORD_ZIPF)
    place_words = frozenset(w for w in norm(p.name or "").split() if len(w) > 2 and w not in STOP_WORDS)
    surnames = frozenset(k.split()[-1] for k in people if " " in k)
    text = evidence_features(m.evidence)
    long_names = tuple(w for w in text.rare_names if rarity(w) >= TEXT_NAME_RARITY and w not in place_words)
    tolls = frozenset((c.figure, c.value) for c in m.claims
                      if c.figure in ("killed", "wounded") and c.value >= DISTINCT_TOLL)
    return Features(earliest, latest, place, place_words, people, principals, surnames, person_words,
                    long_names[:LONG_NAME_KEYS], victims,
                    {k: v for k, v in tallies.items() if v}, m.event_type, text, m.language, tolls,
                    PUBLISHED_LAG_DAYS if m.date.text == PUBLICATION_DATE else 0,
                    named_days(m.evidence, m.published, latest))


features: Callable[[Mention], Features] = MentionMemo(_compute_features)
