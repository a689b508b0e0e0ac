"""Where a document's date expressions are, and what each resolves to: spaCy's DATE/TIME entities plus the
night-time phrasings it misses, durations and ages dropped, and relative phrases ("two days after the raid")
counted from the date they refer to. Resolving one expression is `dates.resolve_date`."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from sitrep.extract.dates import (ANCHOR_RE, MONTH_PATTERN, PUBLICATION_DATE, WEEKDAY_PATTERN, WEEKDAY_RE, YEAR_RE,
                                  date_from_iso, day_date, month_and_day, resolve_date)
from sitrep.extract.holidays import HOLIDAY_PATTERN
from sitrep.extract.nlp import entities, text_of
from sitrep.records import EventDate

_DATE_WORD_RE = re.compile(
    rf"\b(?:{MONTH_PATTERN}|{WEEKDAY_PATTERN}|{HOLIDAY_PATTERN}|1[89]\d\d|20\d\d|today|tonight|yesterday|overnight"
    r"|night|weekend|ago|earlier|later|after|before|previous|following|last|this)(?![a-z])|\d{4}-\d\d-\d\d|\d/\d", re.I)
_DURATION_RE = re.compile(r"\b\w+-(?:day|week|month|year|hour)s?\b|\bfor\s+\w+\s+(?:days|weeks|months|years)\b"
                          r"|-year-old|\byears? old\b", re.I)
# Night/part-of-day phrasings NER often leaves out; the regex only adds spans NER did not find.
_MISSED_RE = re.compile(
    rf"\b(?:overnight|(?:late\s+|early\s+)?last\s+night|the\s+(?:previous|preceding)\s+(?:night|day)"
    rf"|the\s+night\s+before|(?:early|late)\s+(?:on\s+)?{WEEKDAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?"
    r"|earlier\s+(?:this|last)\s+(?:week|month|year)|(?:early|late)\s+last\s+(?:week|month|year)"
    r"|(?:a|one|two|three|four|five|six|\d)\s+(?:days?|nights?)\s+(?:after|before|earlier|later)"
    rf"|{HOLIDAY_PATTERN}(?:\s+(?:morning|afternoon|evening|night))?)\b", re.I)
_HOLIDAY_ANCHOR_RE = re.compile(rf"\bthe[\s-]+(?:day|night)[\s-]+(?:before|after)[\s-]+{HOLIDAY_PATTERN}\b",
                                re.I)
# "home for Thanksgiving", "a gun he got for Christmas": the holiday is a purpose, not a date
_FOR_HOLIDAY_RE = re.compile(rf"\bfor\s+(?:the\s+)?{HOLIDAY_PATTERN}", re.I)
# "a Halloween party", "Christmas lights": the holiday names a kind of thing, not a day
_HOLIDAY_KIND_RE = re.compile(r"\s+(?:party|parties|costumes?|parade|celebrations?|gatherings?|dinner|lights"
                              r"|decorations|shopping|gifts?|presents?|tree|festival|carnival|cookout|barbecue"
                              r"|event)\b", re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression at [start, end) of the document text and what it resolves to."""
    start: int
    end: int
    text: str
    date: EventDate



def _candidate_spans(sdoc) -> list[tuple[int, int]]:
    """DATE/TIME entities (extended over a following "after the raid" / "earlier") plus regex-found phrases."""
    text = text_of(sdoc)
    spans: list[tuple[int, int]] = []
    for ent in entities(sdoc):
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = ent.start_char, ent.end_char
        tail = re.match(r"\s+(?:after|before|later|earlier|prior)\b(?:\s+(?:to\s+)?(?:the|that|this)\s+[a-z]+)?",
                        text[end:end + 40], re.I)
        if tail and re.search(r"\b(days?|weeks?|nights?)$", ent.text, re.I):
            end += tail.end()
        # one entity for "Wednesday, two days after": the day, then what is counted from it
        split = re.search(r",\s+(?=\S+\s+(?:days?|weeks?|nights?)\s+(?:after|later)\b)", text[start:end], re.I)
        if split:
            spans.append((start, start + split.start()))
            start += split.end()
        holiday_weekend = re.match(r"[\s-]+(?:weekend|holidays?|break|season)\b", text[end:end + 12], re.I)
        if holiday_weekend and re.search(HOLIDAY_PATTERN + r"$", ent.text, re.I):
            end += holiday_weekend.end()      # "a Labor Day weekend shooting"
        spans.append((start, end))
    for match in _HOLIDAY_ANCHOR_RE.finditer(text):     # "the day after" + "Thanksgiving" are one date
        spans = [(s, e) for s, e in spans if e <= match.start() or s >= match.end()] + [match.span()]
    for match in _MISSED_RE.finditer(text):
        if not any(s <= match.start() < e or match.start() <= s < match.end() for s, e in spans):
            spans.append((match.start(), match.end()))
    return sorted(spans)


def document_year_reference(expressions: list[str], published: str | None) -> str | None:
    """A date that fixes the year of bare day-month expressions in a document without a publication date:
    the latest weekday-fixed date ("Friday September 13") among its expressions, else None."""
    if published:
        return published
    fixed = [resolve_date(e, None) for e in expressions
             if WEEKDAY_RE.search(e) and month_and_day(e.lower()) and not YEAR_RE.search(e)]
    values = sorted(d.value for d in fixed if d.precision == "day")
    return values[-1] if values else None


def _anchor_for(index: int, mentions: list[DateMention], text: str, span: tuple[int, int],
                published: str | None) -> EventDate | None:
    """What "two days after the raid" / "a day earlier" counts from: the first dated sentence naming the same
    event noun, else the nearest earlier date in the document, else the publication date."""
    noun = re.search(r"\b(?:the|that|this)\s+([a-z]+)$", text[span[0]:span[1]], re.I)
    if noun:
        for mention in mentions:
            sentence_start = text.rfind(".", 0, mention.start) + 1
            sentence_end = text.find(".", mention.end)
            sentence = text[sentence_start:sentence_end if sentence_end >= 0 else len(text)]
            if mention.date.value and re.search(rf"\b{noun.group(1)}\b", sentence, re.I):
                return mention.date
    if index:
        return mentions[index - 1].date
    pub = date_from_iso(published)
    return day_date(pub, PUBLICATION_DATE) if pub else None


def _dates_what_follows(text: str, mentions: list[DateMention], start: int, expression: str) -> bool:
    """"was arrested Thursday, a day after he shot ...", "on Wednesday, two days after the shooting": the phrase
    dates what follows "after", the earlier event, counted back from the date just before it in the same
    sentence (Thursday - 1)."""
    if not mentions or not re.search(r"\b(?:after|later)(?:\s+(?:the|that|this)\s+[a-z]+)?$", expression.strip(), re.I):
        return False
    between = text[mentions[-1].end:start]
    return len(between) <= 120 and re.search(r"[,—–]", between) is not None and not re.search(r"[.!?]\s", between)


def _holiday_as_kind(text: str, start: int, end: int) -> bool:
    """A holiday named as a purpose or a kind of thing ("home for Thanksgiving", "a Halloween party")."""
    return bool(_FOR_HOLIDAY_RE.search(text[max(0, start - 12):end]) or re.search(
        HOLIDAY_PATTERN + "$", text[start:end], re.I) and _HOLIDAY_KIND_RE.match(text, end))


def find_dates(sdoc, published: str | None) -> list[DateMention]:
    """Date expressions of a spaCy Doc, in text order, each resolved (unknown ones kept with their text)."""
    text = text_of(sdoc)
    spans = [(s, e) for s, e in _candidate_spans(sdoc)
             if _DATE_WORD_RE.search(text[s:e]) and not _DURATION_RE.search(text[s:e])
             and not _holiday_as_kind(text, s, e)]
    reference = document_year_reference([text[s:e] for s, e in spans], published)
    mentions: list[DateMention] = []
    for start, end in spans:
        expression = text[start:end]
        anchor, read_as = None, expression
        if ANCHOR_RE.search(expression.lower()):
            anchor = _anchor_for(len(mentions), mentions, text, (start, end), published)
            if _dates_what_follows(text, mentions, start, expression):
                read_as = re.sub(r"\b(?:after|later)\b", "before", expression.strip(), flags=re.I)
        resolved = resolve_date(read_as, published, anchor, year_reference=None if published else reference)
        resolved = replace(resolved, text=expression) if read_as != expression else resolved
        mentions.append(DateMention(start, end, expression, resolved))
    return mentions
