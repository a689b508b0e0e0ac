"""Casualty figures in articles in other languages: the word lists of `data/casualty_words.yaml`, compiled, and
the reading of one sentence with them.

A count is a number (digits; number words through text2num where it reads the language, else the word list)
followed by a word for people or for a casualty; its figure is the casualty word just before it ("tuant 13
personnes", "مقتل 13") or later in its clause past any subset ("13 personnes, dont six enfants, ont été
tuées"); counts inside a subset clause take the figure of the count they are part of. The source is a
knowledge-base name after "according to" or in a sentence with a reporting verb, else the words after
"according to" as written. Hand-written: no library reads casualty counts in these languages.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from text_to_num import alpha2digit

from sitrep.extract.knowledge import KnowledgeBase
from sitrep.records import Claim

LEXICON = Path(__file__).resolve().parents[1] / "data" / "casualty_words.yaml"
TEXT2NUM_LANGUAGES = {"fr", "es", "pt", "de", "it", "nl", "ca"}
WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")     # Persian joins a word's parts with a zero-width non-joiner
# a count is not followed by units of age, time, distance or money (any language: the units are short)
_NOT_COUNT_NEXT = re.compile(r"^\s*(?:%|ans?\b|años?\b|anos?\b|jahre?n?\b|anni\b|عاما|سنة|лет\b|год|рок|km\b|kilom"
                             r"|heures?\b|horas?\b|ore\b|uhr\b|h\b|dollars?|euros?|\$|€|mètres?|metros?|m\b)", re.I)


@dataclass(frozen=True)
class Lexicon:
    """One language's casualty words, compiled."""
    code: str
    figures: tuple[tuple[str, re.Pattern], ...]
    groups: tuple[tuple[str, re.Pattern], ...]
    persons: re.Pattern
    subset: re.Pattern
    qualifiers: tuple[tuple[str, re.Pattern], ...]
    qualifiers_after: tuple[tuple[str, re.Pattern], ...]
    according_to: re.Pattern
    said: re.Pattern
    number: re.Pattern
    number_values: dict[str, int]
    vague: frozenset[str]
    events: tuple[tuple[str, str, str, re.Pattern], ...]
    day_words: re.Pattern
    proclitic: str = ""
    not_places: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_lexicons(path: str = str(LEXICON)) -> dict[str, Lexicon]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return {code: _compile(code, block) for code, block in data.items()}


def _compile(code: str, block: dict) -> Lexicon:
    proclitic = "|".join(sorted(block.get("proclitics") or [], key=len, reverse=True))
    prefix = f"(?:{proclitic})?" if proclitic else ""

    def words(patterns: list[str]) -> re.Pattern:
        return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(patterns)})(?!\w)", re.I)

    numbers = {k.lower(): int(v) for k, v in (block.get("numbers") or {}).items()}
    number_words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    number = re.compile(rf"(?<![\w.,:/-]){prefix}(?P<n>\d+(?:[ .,\u00a0\u202f]\d{{3}})*(?![\w:/-]|[.,]\d)"
                        + (rf"|(?:{number_words})(?!\w))" if number_words else ")"), re.I)
    return Lexicon(
        code=code,
        figures=tuple((f, words(p)) for f, p in block["figures"].items()),
        groups=tuple((g, words(p)) for g, p in block["groups"].items()),
        persons=words(block["persons"]), subset=words(block["subset"]),
        qualifiers=tuple((q, words(p)) for q, p in block["qualifiers"].items()),
        qualifiers_after=tuple((q, words(p)) for q, p in (block.get("qualifiers_after") or {}).items()),
        according_to=words(block["according_to"]), said=words(block["said"]),
        number=number, number_values=numbers, vague=frozenset(w.lower() for w in block.get("vague") or ()),
        events=tuple((t, s, a, words([p])) for t, s, a, p in block["events"]),
        day_words=words(block["day_words"]), proclitic=proclitic,
        not_places=frozenset(block.get("not_places") or ()))


@dataclass(frozen=True)
class _Count:
    value: int
    qualifier: str
    group: str
    figure: str | None         # when the word after the number says it ("13 morts", "13 قتيلا")
    start: int                 # of the number, in the sentence
    end: int                   # after its group word


def sentence_claims(text: str, offset: int, lex: Lexicon, kb: KnowledgeBase, document: str) -> list[Claim]:
    """Figures of one sentence, each with the sentence's source; a count inside a subset clause ("dont six
    enfants") takes the figure of the count it is part of. `offset` is where the sentence starts."""
    # threshold 2: "deux" is a number, "un" stays the article it usually is
    work = alpha2digit(text, lex.code, threshold=2) if lex.code in TEXT2NUM_LANGUAGES else text
    source, source_type = _source(text, lex, kb)     # text2num reads "secondo" (according to) as "2nd"
    claims: list[Claim] = []
    head: Claim | None = None
    for count, in_subset in _counts(work, lex):
        if in_subset:
            figure = count.figure or (head.figure if head else None)
        else:
            figure = count.figure or _figure_near(work, count, lex)
        if figure is None:
            continue
        claim = Claim(figure=figure, group=count.group, value=count.value,  # type: ignore[arg-type]
                      qualifier=count.qualifier, source=source, source_type=source_type,  # type: ignore[arg-type]
                      document=document, quote=text, start=offset, end=offset + len(text))
        claims.append(claim)
        if not in_subset:
            head = claim
    return claims


def _counts(text: str, lex: Lexicon):
    """(count, inside a subset clause) for every number followed by a word for people or for casualties."""
    subset_zones = [(m.end(), _clause_end(text, m.end())) for m in lex.subset.finditer(text)]
    for m in lex.number.finditer(text):
        raw, after = m.group("n"), text[m.end():]
        if _NOT_COUNT_NEXT.match(after) or _is_date_number(text, m, lex.code):
            continue
        value = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else lex.number_values.get(raw.lower())
        if not value or value > 100_000:
            continue
        following = re.match(r"\s*(?:(?:de|d'|of)\s*)?(\S+(?:\s\S+)?)", after)
        if following is None:
            continue
        at, words = m.end() + following.start(1), following.group(1)
        figure = None
        if group := _first_match(lex.groups, words):
            name, end = group[0], at + group[1]
        elif person := lex.persons.match(words):
            name, end = "total", at + person.end()
        elif casualty := _first_match(lex.figures, words):
            name, figure, end = "total", casualty[0], at + casualty[1]
        else:
            continue
        qualifier = "at_least" if raw.lower() in lex.vague else _qualifier(text[:m.start()], text[end:], lex)
        yield (_Count(value, qualifier, name, figure, m.start(), end),
               any(lo <= m.start() < hi for lo, hi in subset_zones))


def _first_match(rules: tuple[tuple[str, re.Pattern], ...], text: str) -> tuple[str, int] | None:
    """(name, end) of the first rule whose words open `text`."""
    for name, rx in rules:
        if m := rx.match(text):
            return name, m.end()
    return None


_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013.!?،؛]|\s[-–]\s")


def _clause_end(text: str, start: int) -> int:
    """A subset clause runs to the next comma, dash, bracket or sentence end ("dont six enfants, ont été")."""
    m = _CLAUSE_BREAK.search(text, start)
    return m.start() if m else len(text)


def _is_date_number(text: str, m: re.Match, code: str) -> bool:
    """"13 mars", "le 13 de marzo", "March 13": a day of a month, not a count. Years (1900-2099) too."""
    raw = m.group("n")
    if re.fullmatch(r"(?:19|20)\d\d", raw):
        return True
    months = month_names(code)
    after = re.match(r"\s*(?:de\s+)?([^\W\d_]+)", text[m.end():])
    before = re.search(r"([^\W\d_]+)\s*$", text[:m.start()])
    return bool(after and after.group(1).lower() in months or before and before.group(1).lower() in months)


@lru_cache(maxsize=32)
def month_names(code: str) -> frozenset[str]:
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    names = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            names |= {n.lower().rstrip(".") for n in locale.months[context][width].values()}
    return frozenset(names)


def _qualifier(before: str, after: str, lex: Lexicon) -> str:
    """The qualifier that ends right before the count ("au moins 13"), or follows its group word."""
    tail = before[-40:]
    for qualifier, rx in lex.qualifiers:
        if any(not tail[m.end():].strip() for m in rx.finditer(tail)):
            return qualifier
    return next((qualifier for qualifier, rx in lex.qualifiers_after if rx.match(after.lstrip())), "exact")


def _figure_near(text: str, count: _Count, lex: Lexicon) -> str | None:
    """The casualty word of a count: just before it ("tuant au moins 13 personnes", "مقتل 13", "avait tué le
    chef X et 6 autres"), else later in its clause after any subset ("13 personnes, dont six enfants, ont été
    tuées")."""
    window = text[max(0, count.start - 80):count.start]
    best: tuple[int, str] | None = None
    for figure, rx in lex.figures:
        for m in rx.finditer(window):
            gap = window[m.end():]
            near = len(WORD.findall(gap)) <= 3 or len(WORD.findall(gap)) <= 7 and not re.search(r"[,;:.\d]", gap)
            if near and (best is None or m.end() > best[0]):
                best = (m.end(), figure)
    if best:
        return best[1]
    rest = text[count.end:]
    stop = re.search(r"[.;!?؛]", rest)
    rest = rest[:stop.start()] if stop else rest
    subset = lex.subset.match(rest.lstrip(" ,"))
    # past the subset clause when it is closed ("..., dont six enfants, ont été tuées"), else through it
    # ("۱۳ نفر از جمله ۶ کودک کشته شدند": 13 people, among them 6 children, were killed)
    after_subset = rest[_clause_end(rest, len(rest) - len(rest.lstrip(" ,")) + subset.end()):] if subset else ""
    for part in ([after_subset] if subset else []) + [rest]:
        hits = [(m.start(), figure) for figure, rx in lex.figures for m in rx.finditer(part)
                if len(WORD.findall(part[:m.start()])) <= 6]
        if hits:
            return min(hits)[1]
    return None


def _source(text: str, lex: Lexicon, kb: KnowledgeBase) -> tuple[str | None, str]:
    """Who the sentence credits: a knowledge-base name after "according to" or anywhere in a sentence with a
    reporting verb; else the words after "according to", as written (`_as_written`)."""
    marker = lex.according_to.search(text)
    if not (marker or lex.said.search(text)):
        return None, "unattributed"
    tokens = list(WORD.finditer(text))
    names = kb.names_in([t.group() for t in tokens])
    if not names and lex.proclitic:    # "وفقا للدفاع المدني": the name with "for the" written onto it
        names = kb.names_in([strip_proclitic(t.group()) for t in tokens])
    after = [n for n in names if marker and tokens[n[0]].start() >= marker.end()]
    if after or names:
        entry = (after or names)[0][2]
        return entry.canonical, entry.source_type
    phrase = _as_written(text[marker.end():]) if marker else None
    return (phrase, "unattributed") if phrase else (None, "unattributed")


def _as_written(after: str) -> str | None:
    """The source's words after "according to": up to the next punctuation, and in scripts with capitals up to
    the last capitalised word among the first six ("der UNO wurden ..." is "der UNO"); else three words."""
    words = re.split(r"[,.;:()«»\"“”،؛]|\S*\d", after)[0].split()[:6]
    capitals = [i for i, w in enumerate(words) if w[:1].isupper() or w[:2] in ("l'", "d'") and w[2:3].isupper()]
    words = words[:capitals[-1] + 1] if capitals else words[:3]
    return " ".join(words) or None


def strip_proclitic(word: str) -> str:
    """Arabic "and/with/for" written onto the word: "وال"/"بال"/"لل" + noun is the noun with its article."""
    if re.match(r"^(?:[وفبك]ال|لل)..", word):
        return "ال" + word[3 if word[1] == "ا" else 2:]
    return word[1:] if re.match(r"^[وفبل]...", word) else word
