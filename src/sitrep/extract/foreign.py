"""Mentions from articles in languages the English model does not read (French, Spanish, Arabic, Russian...).

The same raid is reported by AFP in French, by Al Jazeera in Arabic and by a Kyiv outlet in Ukrainian; without
these reports an incident loses independent voices and the clustering loses documents. No packaged model
here reads them all (only English and French spaCy pipelines are on PyPI), so this stage reads what carries
across languages with the tools that are multilingual, and a small editable word list for the rest:
  dates    the language's own weekday and month names (Babel's CLDR data), resolved by dateparser;
  places   country names in the article's language (CLDR) and towns through the gazetteer's alternate names
           (Latin, Arabic and Cyrillic spellings);
  figures  `foreign_claims`, with the word list of `data/casualty_words.yaml`.
What it leaves out: named people and actors' roles need a parser for the language.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from dateparser import DateDataParser

from sitrep.extract.dates import PUBLICATION_DATE, date_from_iso, day_date
from sitrep.extract.foreign_claims import Lexicon, load_lexicons, month_names, sentence_claims, strip_proclitic
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.scene import scene_place
from sitrep.records import Claim, Document, EventDate, Mention, Place, PlaceMention

LEAD_SENTENCES = 4          # dates come from the first sentences that report violence, as in English leads
BACKGROUND_DAYS = 60        # an explicit date further back than this before publication is history


@dataclass
class _Sentence:
    """A sentence of the article, in the shape `scene.scene_place` reads."""
    text: str
    start: int
    cue: str | None = None
    event: tuple[str, str, str] | None = None    # ACLED type, sub-type and action of its first event word
    claims: list[Claim] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    datelines: set[int] = field(default_factory=set)
    site_tail: set[int] = field(default_factory=set)   # the headline's site-name tail is read in English only


def reads(language: str) -> bool:
    """Whether this stage has words for `language`."""
    return language in load_lexicons()


def foreign_mentions(document: Document, kb: KnowledgeBase, gazetteer: Gazetteer) -> list[Mention]:
    """The document's primary mention, then one for each sentence that tells an earlier incident (all its dates
    long before publication: "En 2019, un raid américain avait tué ..."), read with its language's word list."""
    lex = load_lexicons()[document.language]
    sentences = [_Sentence(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
                 for m in re.finditer(r"[^\n]+?(?:[.!?؟](?=\s)|$)", document.text, re.M) if m.group().strip()]
    for s in sentences:
        s.places = _countries(s.text, s.start, lex.code, gazetteer)
    named = {p.place.country for s in sentences for p in s.places if p.place}
    dateline = _DATELINE.match(document.text)
    filed_until = dateline.end() if dateline else 0
    for s in sentences:
        s.places = sorted(s.places + _towns(s, named, lex, gazetteer), key=lambda p: p.start)
        s.datelines = {p.start for p in s.places if p.start < filed_until}
        # the dateline's wire, city and filing date are not the source, scene or date of the event
        body = " " * max(0, min(filed_until - s.start, len(s.text))) + s.text[max(0, filed_until - s.start):]
        s.event = next(((kind, sub, action) for kind, sub, action, rx in lex.events if rx.search(body)), None)
        s.claims = [replace(c, quote=s.text) for c in sentence_claims(body, s.start, lex, kb, document.name)]
        s.text = body
        s.cue = s.event[2] if s.event else "attack" if s.claims else None
    pub = date_from_iso(document.published)
    # a sentence that tells an earlier incident: every date it names lies long before publication ("en 2019")
    background: list[tuple[_Sentence, list[EventDate]]] = []
    for s in sentences[1:]:
        dates = sentence_dates(s.text, lex.code, pub) if pub and s.cue else []
        if dates and all((pub - date_from_iso(d.latest)).days > BACKGROUND_DAYS for d in dates):
            background.append((s, dates))
    earlier = {id(s) for s, _ in background}
    main = [s for s in sentences if id(s) not in earlier]
    eventful = [s for s in main if s.cue]
    when = event_date(eventful[:LEAD_SENTENCES], lex.code, document.published)
    mentions = [_mention(document, 0, "primary", main, when)]
    for index, (s, dates) in enumerate(background, start=1):
        when = next((d for d in dates if d.precision == "day"), dates[0])
        mentions.append(_mention(document, index, "mention", [s], when))
    return mentions


def _mention(document: Document, index: int, role: str, sentences: list[_Sentence], when: EventDate) -> Mention:
    eventful = [s for s in sentences if s.cue]
    event = next((s.event for s in eventful if s.event), (None, None, "other"))
    # a figure repeated (headline, recap) is one claim; unattributed, it is the attributed one said again
    claims = {(c.figure, c.group, c.value, c.qualifier, c.source): c for s in sentences for c in s.claims}
    attributed = {key[:4] for key in claims if key[4]}
    claims = {key: c for key, c in claims.items() if key[4] or key[:4] not in attributed}
    return Mention(
        id=hashlib.sha256(f"{document.id}:{index}".encode()).hexdigest()[:24],
        document_id=document.id, document=document.name, role=role,  # type: ignore[arg-type]
        event_type=event[0], sub_event_type=event[1], action=event[2], date=when,
        place=scene_place(sentences) if any(s.places for s in sentences) else Place(),  # type: ignore[arg-type]
        claims=tuple(claims.values()), published=document.published, outlet=document.outlet,
        evidence=" ".join(s.text for s in eventful)[:3000], language=document.language)


@lru_cache(maxsize=32)
def _country_names(code: str) -> tuple[re.Pattern | None, dict[str, str]]:
    """Country names in the language (CLDR territory names) as one pattern, longest first (Arabic names may
    carry a proclitic: "بسوريا"), and each name's ISO2."""
    try:
        territories = Locale.parse(code).territories
    except (UnknownLocaleError, ValueError):
        return None, {}
    iso_of = {name: iso for iso, name in territories.items() if len(iso) == 2 and iso.isalpha()}
    names = "|".join(map(re.escape, sorted(iso_of, key=len, reverse=True)))
    return re.compile(rf"(?<!\w)(?:[وبل]|ال)?({names})(?!\w)"), iso_of


def _countries(text: str, start: int, code: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    pattern, iso_of = _country_names(code)
    found = []
    for m in pattern.finditer(text) if pattern else ():
        iso = iso_of[m.group(1)]
        if country := gazetteer.country(iso):
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
            variants = [words, " ".join([strip_proclitic(words.split()[0]), *words.split()[1:]])]
        elif re.match(r"[А-ЯЁІЇЄҐ]", words) and " " not in words and len(words) > 5:
            variants += [words[:-1], words[:-2]]
        for variant in variants:
            if variant in lex.not_places or strip_proclitic(variant) in lex.not_places:
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
    return day_date(pub, PUBLICATION_DATE)


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
    return tuple((i, re.compile(rf"(?<!\w)(?:[وب]?ال)?{re.escape(n.lower()[:-1].removeprefix('ال'))}\w{{0,2}}(?!\w)",
                                re.I)) for i, n in names.items())


@lru_cache(maxsize=32)
def _date_patterns(code: str) -> tuple[tuple[str, re.Pattern], ...]:
    months = "|".join(sorted(map(re.escape, month_names(code)), key=len, reverse=True))
    lex = load_lexicons()[code]
    patterns = [("relative", lex.day_words)]
    if months:
        patterns.append(("calendar", re.compile(
            rf"(?<![\w.])\d{{1,2}}(?:er|º|\.)?\s+(?:de\s+)?(?:{months})\.?(?:\s+(?:de\s+)?(?:19|20)\d\d)?(?!\w)"
            rf"|(?<!\w)(?:{months})\.?\s+\d{{1,2}}(?:,?\s+(?:19|20)\d\d)?(?!\w)", re.I)))
    patterns += [("weekday", rx) for _, rx in _weekdays(code)]
    return tuple(patterns)
