"""Mentions from articles in languages the English model does not read (French, Spanish, Arabic, Russian...).

The same raid is reported by AFP in French, by Al Jazeera in Arabic and by a Kyiv outlet in Ukrainian; without
these reports an incident loses independent voices and the clustering loses documents. No packaged model
here reads them all (only English and French spaCy pipelines are on PyPI), so this stage reads what carries
across languages with the tools that are multilingual, and a small editable word list for the rest:
  dates    dateparser's own multilingual parser, on the sentences that report violence;
  places   country names in the article's language (Babel's CLDR data) and towns through the gazetteer's
           alternate names (Latin and Cyrillic spellings; unidecode makes "Харків" "Kharkiv");
  figures  numbers (digits; number words through text2num or the word list) next to a casualty word of
           `data/casualty_words.yaml`, with their group, qualifier and subsets ("dont six enfants");
  sources  "according to X" phrases and the knowledge base's names (which carry Arabic aliases too).
What it leaves out: named people and actors' roles need a parser for the language.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale, UnknownLocaleError
from dateparser import DateDataParser
from text_to_num import alpha2digit

from sitrep.extract.dates import date_from_iso, day_date
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.mentions import _place
from sitrep.records import Claim, Document, EventDate, Mention, Place, PlaceMention

LEXICON = Path(__file__).resolve().parents[1] / "data" / "casualty_words.yaml"
TEXT2NUM_LANGUAGES = {"fr", "es", "pt", "de", "it", "nl", "ca"}
LEAD_SENTENCES = 4          # dates come from the first sentences that report violence, as in English leads
BACKGROUND_DAYS = 60        # an explicit date further back than this before publication is history
_SENTENCE_END = re.compile(r"(?<=[.!?؟。])\s+|\n+")
_WORD = re.compile(r"[^\W_]+(?:\u200c[^\W_]+)*")     # Persian joins a word's parts with a zero-width non-joiner
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

    def words(patterns: list[str]) -> re.Pattern:
        prefix = f"(?:{proclitic})?" if proclitic else ""
        return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(patterns)})(?!\w)", re.I)

    numbers = {k.lower(): int(v) for k, v in (block.get("numbers") or {}).items()}
    number_words = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    prefix = f"(?:{proclitic})?" if proclitic else ""
    number = re.compile(rf"(?<![\w.,:/-]){prefix}(?P<n>\d+(?:[ .,\u00a0\u202f]\d{{3}})*(?![\w:/-]|[.,]\d)"
                        + (rf"|(?:{number_words})(?!\w))" if number_words else ")"), re.I)
    return Lexicon(
        code=code,
        figures=tuple((f, words(p)) for f, p in block["figures"].items()),
        groups=tuple((g, words(p)) for g, p in block["groups"].items()),
        persons=words(block["persons"]), subset=words(block["subset"]),
        qualifiers=tuple((q, words(p)) for q, p in block["qualifiers"].items()),
        according_to=words(block["according_to"]), said=words(block["said"]),
        number=number, number_values=numbers, vague=frozenset(w.lower() for w in block.get("vague") or ()),
        events=tuple((t, s, a, words([p])) for t, s, a, p in block["events"]),
        day_words=words(block["day_words"]), proclitic=proclitic,
        not_places=frozenset(block.get("not_places") or ()))


@dataclass
class _Sentence:
    """A sentence of the article, in the shape `mentions._place` reads (cue, places, datelines)."""
    text: str
    start: int
    cue: str | None = None
    claims: list[Claim] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    datelines: set[int] = field(default_factory=set)


def reads(language: str) -> bool:
    """Whether this stage has words for `language`."""
    return language in load_lexicons()


def foreign_mentions(document: Document, kb: KnowledgeBase, gazetteer: Gazetteer) -> list[Mention]:
    """The document's primary mention, then one for each sentence that tells an earlier incident (all its dates
    long before publication: "En 2019, un raid américain avait tué ..."), read with its language's word list."""
    lex = load_lexicons()[document.language]
    sentences = [_Sentence(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
                 for m in re.finditer(r"[^\n]+?(?:[.!?؟](?=\s)|$)", document.text, re.M) if m.group().strip()]
    names = _country_names(lex.code)
    for s in sentences:
        s.places = _countries(s.text, s.start, names, gazetteer)
    named = {p.place.country for s in sentences for p in s.places if p.place}
    dateline = _DATELINE.match(document.text)
    filed_until = dateline.end() if dateline else 0
    for s in sentences:
        s.places = sorted(s.places + _towns(s, named, lex, gazetteer), key=lambda p: p.start)
        s.datelines = {p.start for p in s.places if p.start < filed_until}
        # the dateline's wire, city and filing date are not the source, scene or date of the event
        body = " " * max(0, min(filed_until - s.start, len(s.text))) + s.text[max(0, filed_until - s.start):]
        s.cue = next((action for _, _, action, rx in lex.events if rx.search(body)), None)
        s.claims = [replace(c, quote=s.text) for c in sentence_claims(body, s.start, lex, kb, document.name)]
        s.text = body
        if s.claims and not s.cue:
            s.cue = "attack"
    pub = date_from_iso(document.published)
    background = [s for s in sentences[1:] if _is_background(s, lex.code, pub)]
    main = [s for s in sentences if s not in background]
    eventful = [s for s in main if s.cue]
    when = event_date(eventful[:LEAD_SENTENCES], lex.code, document.published)
    mentions = [_mention(document, 0, "primary", main, when, lex)]
    for index, s in enumerate(background, start=1):
        days = [d for d in sentence_dates(s.text, lex.code, pub) if d.precision == "day"]
        when = days[0] if days else sentence_dates(s.text, lex.code, pub)[0]
        mentions.append(_mention(document, index, "mention", [s], when, lex))
    return mentions


def _mention(document: Document, index: int, role: str, sentences: list[_Sentence], when: EventDate,
             lex: Lexicon) -> Mention:
    eventful = [s for s in sentences if s.cue]
    event = next(((t, sub, a) for s in eventful for t, sub, a, rx in lex.events if rx.search(s.text)),
                 (None, None, "other"))
    # a figure repeated (headline, recap) is one claim; unattributed, it is the attributed one said again
    claims = {(c.figure, c.group, c.value, c.qualifier, c.source): c for s in sentences for c in s.claims}
    attributed = {key[:4] for key in claims if key[4]}
    claims = {key: c for key, c in claims.items() if key[4] or key[:4] not in attributed}
    return Mention(
        id=hashlib.sha256(f"{document.id}:{index}".encode()).hexdigest()[:24],
        document_id=document.id, document=document.name, role=role,  # type: ignore[arg-type]
        event_type=event[0], sub_event_type=event[1], action=event[2], date=when,
        place=_place(sentences) if any(s.places for s in sentences) else Place(),  # type: ignore[arg-type]
        claims=tuple(claims.values()), published=document.published, outlet=document.outlet,
        evidence=" ".join(s.text for s in eventful)[:3000], language=document.language)


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


def _clause_end(text: str, start: int) -> int:
    """A subset clause runs to the next comma, dash, bracket or sentence end ("dont six enfants, ont été")."""
    m = re.compile(r"[,;:()\u2014\u2013.!?،؛]|\s[-–]\s").search(text, start)
    return m.start() if m else len(text)


def _is_date_number(text: str, m: re.Match, code: str) -> bool:
    """"13 mars", "le 13 de marzo", "March 13": a day of a month, not a count. Years (1900-2099) too."""
    raw = m.group("n")
    if re.fullmatch(r"(?:19|20)\d\d", raw):
        return True
    months = _month_names(code)
    after = re.match(r"\s*(?:de\s+)?([^\W\d_]+)", text[m.end():])
    before = re.search(r"([^\W\d_]+)\s*$", text[:m.start()])
    return bool(after and after.group(1).lower() in months or before and before.group(1).lower() in months)


@lru_cache(maxsize=32)
def _month_names(code: str) -> frozenset[str]:
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
    for qualifier, rx in lex.qualifiers:
        m = None
        for m in rx.finditer(before[-40:]):
            pass
        if m and not before[-40:][m.end():].strip():
            return qualifier
        if lex.proclitic and rx.match(after.lstrip()):      # Arabic puts "at least" after the count
            return qualifier
    return "exact"


def _figure_near(text: str, count: _Count, lex: Lexicon) -> str | None:
    """The casualty word of a count: just before it ("tuant au moins 13 personnes", "مقتل 13", "avait tué le
    chef X et 6 autres"), else later in its clause after any subset ("13 personnes, dont six enfants, ont été
    tuées")."""
    window = text[max(0, count.start - 80):count.start]
    best: tuple[int, str] | None = None
    for figure, rx in lex.figures:
        for m in rx.finditer(window):
            gap = window[m.end():]
            near = len(_WORD.findall(gap)) <= 3 or len(_WORD.findall(gap)) <= 7 and not re.search(r"[,;:.\d]", gap)
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
                if len(_WORD.findall(part[:m.start()])) <= 6]
        if hits:
            return min(hits)[1]
    return None


def _source(text: str, lex: Lexicon, kb: KnowledgeBase) -> tuple[str | None, str]:
    """Who the sentence credits: a knowledge-base name after "according to" or anywhere in a sentence with a
    reporting verb; else the words after "according to", as written (`_as_written`)."""
    marker = lex.according_to.search(text)
    if not (marker or lex.said.search(text)):
        return None, "unattributed"
    tokens = list(_WORD.finditer(text))
    names = kb.names_in([t.group() for t in tokens]) or kb.names_in([_strip_proclitic(t.group()) for t in tokens])
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


def _strip_proclitic(word: str) -> str:
    """Arabic "and/with/for" written onto the word: "وال"/"بال"/"لل" + noun is the noun with its article."""
    if re.match(r"^(?:[وفبك]ال|لل)..", word):
        return "ال" + word[3 if word[1] == "ا" else 2:]
    return word[1:] if re.match(r"^[وفبل]...", word) else word


@lru_cache(maxsize=32)
def _country_names(code: str) -> tuple[tuple[str, str], ...]:
    """(name in the language, ISO2), longest first, from CLDR territory names."""
    try:
        territories = Locale.parse(code).territories
    except (UnknownLocaleError, ValueError):
        return ()
    pairs = [(name, iso) for iso, name in territories.items() if len(iso) == 2 and iso.isalpha()]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def _countries(text: str, start: int, names: tuple[tuple[str, str], ...], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Countries by their names in the article's language (Arabic names may carry a proclitic: "بسوريا")."""
    found = []
    for name, iso in names:
        for m in re.finditer(rf"(?<!\w)(?:[وبل]|ال)?{re.escape(name)}(?!\w)", text):
            country = gazetteer.country(iso)
            if country and not any(p.start <= start + m.start() < p.end for p in found):
                found.append(PlaceMention(start + m.start(), start + m.end(), m.group(), Place(
                    name=country.name, country=iso, lat=country.lat, lon=country.lon, precision="country")))
    return found


# "BEYROUTH (AFP) -", "BEIRUT, 16 may (EFE).-", "МОСКВА, 16 мая – РИА Новости": where and when the wire filed
_DATELINE = re.compile(r"^\s*[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ'’ -]{2,30}\b[^\n]{0,40}?(?:\)\s*\.?\s*[-–—]+|\s[-–—]+\s)")
_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+(?:\s(?:(?:de|del|de la|du|des|di|da|do|al|el)\s)?"
                          r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+){0,2}")


def _towns(s: _Sentence, countries: set[str], lex: Lexicon, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Towns and provinces the gazetteer knows by this spelling: capitalised words in Latin and Cyrillic
    script (a Russian or Ukrainian case ending dropped: "в Харькове"), any word or pair of words in Arabic
    (proclitic dropped: "بإدلب"). A word that is a town somewhere counts only for a big place, a province, or
    a town in a country the article names."""
    spans = [(m.start(), m.group()) for m in _CAPITALISED.finditer(s.text)]
    arabic = list(re.finditer(r"[\u0600-\u06ff]+", s.text))
    spans += [(a.start(), s.text[a.start():b.end()]) for a, b in zip(arabic, arabic[1:])
              if not s.text[a.end():b.start()].strip()]                  # two-word names first ("دير الزور")
    spans += [(m.start(), m.group()) for m in arabic]
    found: list[PlaceMention] = []
    for at, words in spans:
        if any(p.start <= s.start + at < p.end for p in found):
            continue
        variants = [words, *words.split()[:1]] if " " in words else [words]
        if re.match(r"[\u0600-\u06ff]", words):
            variants = [words, " ".join([_strip_proclitic(words.split()[0]), *words.split()[1:]])]
        elif re.match(r"[А-ЯЁІЇЄҐ]", words) and " " not in words and len(words) > 5:
            variants += [words[:-1], words[:-2]]
        for variant in variants:
            if variant in lex.not_places or _strip_proclitic(variant) in lex.not_places:
                continue
            candidates = [c for c in gazetteer.lookup(variant) if c.precision != "country"]
            # a name in its own script is a rarer coincidence than a capitalised Latin word
            big = 20_000 if re.match(r"[\u0600-\u06ffА-ЯЁІЇЄҐ]", variant) else 100_000
            fit = [c for c in candidates if c.country in countries] or \
                  [c for c in candidates if c.precision == "admin1" or c.population >= big]
            if fit:
                found.append(PlaceMention(s.start + at, s.start + at + len(variant), variant, fit[0].to_place()))
                break
    return found


def event_date(sentences: list[_Sentence], code: str, published: str | None) -> EventDate:
    """The first date in the lead's violent sentences, else the publication day (the English reader's convention).

    Expressions are found with the language's own weekday and month names (CLDR, from Babel) and its words for
    "yesterday", and resolved by dateparser against the publication date: dateparser's `search_dates` joins
    stray words into dates ("jueves en un" read as January). Never after publication, never older than
    BACKGROUND_DAYS (that is history told in the lead)."""
    pub = date_from_iso(published)
    if pub is None:
        return EventDate()
    for s in sentences:
        for when in sentence_dates(s.text, code, pub):
            if when.precision == "day" and (pub - date_from_iso(when.value)).days <= BACKGROUND_DAYS:
                return when
    return day_date(pub, "publication date")


def sentence_dates(text: str, code: str, pub: date) -> list[EventDate]:
    """Dates a sentence names, in text order, none after publication: days, and years said alone ("en 2019")."""
    patterns = _date_patterns(code)
    found = sorted((m.start(), m.end(), kind, m.group()) for kind, rx in patterns for m in rx.finditer(text))
    dates, taken = [], []
    for start, end, kind, expression in found:
        if kind == "weekday":
            weekday = next(i for i, rx in _weekdays(code) if rx.search(expression))
            day = pub - timedelta(days=(pub.weekday() - weekday) % 7)
        else:
            parsed = _parser(code, pub).get_date_data(expression.rstrip(". ")).date_obj
            if parsed is None:
                continue
            day = parsed.date()
        if day <= pub:
            dates.append(day_date(day, expression))
            taken.append((start, end))
    for m in re.finditer(r"(?<![\d./-])(?:19|20)\d\d(?![\d./-])", text):
        if int(m.group()) <= pub.year and not any(s <= m.start() < e for s, e in taken):
            dates.append(EventDate(m.group(), "year", f"{m.group()}-01-01", f"{m.group()}-12-31", m.group()))
    return dates


def _is_background(s: _Sentence, code: str, pub: date | None) -> bool:
    """A sentence told of an earlier incident: every date it names is long before publication ("en 2019")."""
    if pub is None or not s.cue:
        return False
    dates = sentence_dates(s.text, code, pub)
    return bool(dates) and all(date_from_iso(d.latest or "") is not None and
                               (pub - date_from_iso(d.latest)).days > BACKGROUND_DAYS for d in dates)


@lru_cache(maxsize=64)
def _parser(code: str, pub: date) -> DateDataParser:
    return DateDataParser(languages=[code], settings={
        "RELATIVE_BASE": datetime(pub.year, pub.month, pub.day, 12), "PREFER_DATES_FROM": "past"})


@lru_cache(maxsize=32)
def _weekdays(code: str) -> tuple[tuple[int, re.Pattern], ...]:
    """Weekday names as stems ("в среду" and "среда", "mardi"): the name less its last letter, and two more."""
    try:
        names = Locale.parse(code).days["format"]["wide"]
    except (UnknownLocaleError, ValueError):
        return ()
    return tuple((i, re.compile(rf"(?<!\w)(?:[وب]?ال|ال)?{re.escape(n.lower()[:-1].removeprefix('ال'))}\w{{0,2}}(?!\w)",
                                re.I)) for i, n in names.items())


@lru_cache(maxsize=32)
def _date_patterns(code: str) -> tuple[tuple[str, re.Pattern], ...]:
    months = "|".join(sorted(map(re.escape, _month_names(code)), key=len, reverse=True))
    lex = load_lexicons()[code]
    patterns = [("relative", lex.day_words)]
    if months:
        patterns.append(("calendar", re.compile(
            rf"(?<![\w.])\d{{1,2}}(?:er|º|\.)?\s+(?:de\s+)?(?:{months})\.?(?:\s+(?:de\s+)?(?:19|20)\d\d)?(?!\w)"
            rf"|(?<!\w)(?:{months})\.?\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?(?!\w)", re.I)))
    patterns += [("weekday", rx) for _, rx in _weekdays(code)]
    return tuple(patterns)
