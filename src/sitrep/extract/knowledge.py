"""The knowledge base of actors and sources: who an organisation is, whatever a text calls it.

News names the same body many ways ("ISIS", "Daesh", "the Islamic State group", "داعش"); a claim
is credited to one canonical name so that two articles quoting the same source agree. The shipped
table lives in `sitrep/data/actors.yaml`; a user YAML of the same shape is merged over it.

Matching, in order: exact alias after normalisation (unidecode, case, punctuation, a leading "the",
al-/el- articles), acronyms by exact spelling only ("IS" must never match the verb "is"), an alias
contained in a longer name ("Pentagon press secretary John Kirby"), then rapidfuzz for unseen
spellings of long names ("Syrian Observatory of Human Rights").

`SpeakerFinder` credits each sentence of a spaCy Doc to its speaker ("X said", "according to X",
the speaker of an enclosing quote, "it said" carried from the sentence before) and resolves the
speaker through the knowledge base, so claims name canonical sources.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span
from unidecode import unidecode

from sitrep.errors import UsageError

# kb kind -> the claim's source_type (records.SourceType); kinds not listed give "unattributed"
SOURCE_TYPE_OF_KIND = {
    "state_military": "military", "government": "government", "police": "government",
    "armed_group": "armed_group", "ngo": "ngo", "monitor": "ngo", "un": "un", "media": "media",
    "medical": "medical", "witness": "witness",
}
RULER_LABEL_OF_KIND = {"person": "PERSON", "witness": "PERSON"}
# rapidfuzz token_sort_ratio floor: 90 accepts "Syrian Observatory of Human Rights" and
# "Hezbolah", and rejects "Syrian Civil Defense" for "Syrian Arab Red Crescent"
FUZZY_FLOOR = 90
FUZZY_MIN_LENGTH = 7       # shorter names differ by one letter from unrelated ones: exact only
WORD = re.compile(r"[^\W_]+")
SHIPPED = Path(__file__).resolve().parents[1] / "data" / "actors.yaml"


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def source_type(self) -> str:
        return SOURCE_TYPE_OF_KIND.get(self.kind, "unattributed")


def is_acronym(alias: str) -> bool:
    """Short all-capital names (IS, AP, SDF, INSS) collide with ordinary words in lower case."""
    letters = alias.replace(".", "").replace("-", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 5


def normalise(name: str) -> str:
    """Lower-case ASCII words without articles: the form aliases are compared in."""
    text = unidecode(name).lower().replace("'s ", " ")
    text = re.sub(r"\b(al|el)[- ]", "", text)
    words = WORD.findall(text)
    while words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


class KnowledgeBase:
    """Canonical entries with their aliases; `resolve` maps a name as written to its entry."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._exact: dict[str, Entry] = {}
        self._acronyms: dict[str, Entry] = {}
        for entry in entries:
            for alias in (entry.canonical, *entry.aliases):
                if is_acronym(alias):
                    self._acronyms[alias.replace(".", "")] = entry
                elif normalise(alias):
                    self._exact.setdefault(normalise(alias), entry)
        self._fuzzy_keys = [k for k in self._exact if len(k) >= FUZZY_MIN_LENGTH]
        # longest first, so "Gaza Health Ministry" wins over "Health Ministry" inside a longer name
        self._contained = sorted(self._exact, key=len, reverse=True)

    @classmethod
    def load(cls, extra_path: str | None = None) -> "KnowledgeBase":
        """The shipped table, with the entries of `extra_path` (a user YAML) merged over it."""
        entries = _parse(yaml.safe_load(SHIPPED.read_text(encoding="utf-8")), str(SHIPPED))
        if extra_path:
            path = Path(extra_path)
            try:
                extra = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise UsageError(f"cannot read knowledge base {path}: {exc}; give a YAML list of "
                                 "{canonical, kind, aliases} entries") from exc
            entries = merge(entries, _parse(extra, str(path)))
        return cls(entries)

    def resolve(self, name: str | None) -> Entry | None:
        """The entry `name` refers to, or None when the name is unknown."""
        if not name or not name.strip():
            return None
        for word in re.findall(r"[A-Z][A-Z.\-]*[A-Z]\.?|[A-Z]{2,}", name):
            if word.replace(".", "") in self._acronyms and normalise(word) == normalise(name):
                return self._acronyms[word.replace(".", "")]
        key = normalise(name)
        if not key:
            return None
        if key in self._exact:
            return self._exact[key]
        padded = f" {key} "
        for alias in self._contained:
            if f" {alias} " in padded:
                return self._exact[alias]
        for word in re.findall(r"\b[A-Z][A-Za-z.]*[A-Z]\b\.?", name):
            if is_acronym(word) and word.replace(".", "") in self._acronyms:
                return self._acronyms[word.replace(".", "")]
        if len(key) >= FUZZY_MIN_LENGTH and self._fuzzy_keys:
            best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_FLOOR)
            if best:
                return self._exact[best[0]]
        return None

    def ruler_patterns(self) -> list[dict]:
        """spaCy EntityRuler patterns: proper-name aliases case-insensitively, acronyms by exact spelling."""
        patterns = []
        for entry in self.entries:
            label = RULER_LABEL_OF_KIND.get(entry.kind, "ORG")
            for alias in dict.fromkeys((entry.canonical, *entry.aliases)):
                if is_acronym(alias):
                    patterns.append({"label": label, "pattern": [{"ORTH": alias}], "id": entry.canonical})
                elif alias[:1].isupper() or not alias[:1].isascii():
                    patterns.append({"label": label, "pattern": alias, "id": entry.canonical})
        return patterns


def merge(base: list[Entry], extra: list[Entry]) -> list[Entry]:
    """`extra` over `base`: same canonical name (any case) takes the new kind and adds aliases."""
    merged = {e.canonical.lower(): e for e in base}
    for entry in extra:
        old = merged.get(entry.canonical.lower())
        if old is None:
            merged[entry.canonical.lower()] = entry
        else:
            aliases = tuple(dict.fromkeys((*old.aliases, *entry.aliases)))
            merged[entry.canonical.lower()] = Entry(entry.canonical, entry.kind or old.kind, aliases)
    return list(merged.values())


def _parse(data: object, where: str) -> list[Entry]:
    if not isinstance(data, list):
        raise UsageError(f"knowledge base {where}: expected a YAML list of {{canonical, kind, aliases}} entries")
    entries = []
    for n, row in enumerate(data, 1):
        if not isinstance(row, dict) or not row.get("canonical"):
            raise UsageError(f"knowledge base {where}: entry {n} has no 'canonical' name")
        aliases = row.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        entries.append(Entry(str(row["canonical"]), str(row.get("kind") or ""), tuple(str(a) for a in aliases)))
    return entries


# --- who said it: a sentence's speaker, resolved through the knowledge base ------------------------

SPEECH_VERBS = set("said says say told tells tell reported reports report claimed claims claim announced announces "
                   "announce stated states confirmed confirms confirm added noted notes wrote writes tweeted posted "
                   "alleged alleges allege estimated estimates documented recorded counted".split())
LEAD_IN_ADVERBS = {"also", "later", "previously", "earlier", "has", "have", "had", "reportedly", "initially",
                   "originally", "further", "separately", "would", "then", "additionally"}
SEGMENT_BOUNDS = {",", '"', ";", ":", "that", "and", "but", "while", "when", "as", "because", "—", "–"}
ANAPHORS = {"it", "he", "she", "they", "we", "i", "statement", "report", "release", "group", "monitor", "agency",
            "organisation", "organization", "spokesman", "spokeswoman", "spokesperson", "official"}
OFFICIAL_WORDS = {"spokesman", "spokeswoman", "spokesperson", "official", "minister", "chief", "sgt", "sgt.", "lt",
                  "lt.", "officer", "detective", "sheriff", "police", "commander", "gen.", "general", "captain",
                  "capt.", "mayor", "governor", "lieutenant", "sergeant", "deputy", "prosecutor", "attorney"}
MEDICAL_WORDS = {"doctor", "dr.", "dr", "nurse", "surgeon", "physician", "coroner", "paramedic"}
STATEMENT = re.compile(r"\b(the|its|a|their|his|her) (statement|report|release|communiqu[eé])\b", re.I)
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
QUOTE_SPANS = re.compile(r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"")


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a claim is credited to: a canonical name (or the words as written) and a records.SourceType."""
    name: str
    source_type: str


class SpeakerFinder:
    """Who each sentence credits: "X said", "according to X", the speaker of an enclosing quote,
    and, for "it said" or a sentence that goes on summarising a statement, the speaker before."""

    def __init__(self, sdoc: Doc, kb: KnowledgeBase):
        self.kb = kb
        self.sents = list(sentences(sdoc))
        self.own: list[list[tuple[int, Speaker | None]]] = []   # (verb token index, speaker); None = "it said"
        self.carried: list[Speaker | None] = []
        last: Speaker | None = None
        statement_before = False
        for sent in self.sents:
            own = self._own_speakers(sent)
            self.own.append(own)
            named = [s for _, s in own if s is not None]
            statementish = bool(STATEMENT.search(sent.text)) or "statement" in sent.text.lower()
            carried = last if (any(s is None for _, s in own) or (not named and (statementish or statement_before))) \
                else None
            self.carried.append(carried)
            if named or carried:
                last = named[-1] if named else carried
            statement_before = statementish and bool(named or carried)
        self.quotes = [(m.start(), m.end()) for m in QUOTE_SPANS.finditer(sdoc.text)]

    def speaker_for(self, index: int, sent: Span, token: int) -> Speaker | None:
        """The speaker of the claim whose group starts at sentence token `token`."""
        char = sent[token].idx if token < len(sent) else sent.start_char
        for q_start, q_end in self.quotes:
            if q_start <= char < q_end:
                quoted = self._quote_speaker(q_start, q_end, index)
                if quoted:
                    return quoted
        own = self.own[index]
        before = [s for i, s in own if i < token]
        after = [s for i, s in own if i >= token]
        chosen = before[-1] if before else (after[0] if after else None)
        return chosen if chosen is not None else self.carried[index]

    def _quote_speaker(self, q_start: int, q_end: int, index: int) -> Speaker | None:
        for k, sent in enumerate(self.sents):
            if sent.end_char <= q_start or sent.start_char > q_end:
                continue
            for i, s in self.own[k]:
                at = sent[i].idx
                if (at >= q_end and at - q_end < 80) or (at < q_start and q_start - at < 80):
                    return s if s is not None else self.carried[k]
        first = next((k for k, s in enumerate(self.sents) if s.end_char > q_start), index)
        if first > 0:   # a quote that opens right after an attributed quote goes on in the same voice
            prev = self.sents[first - 1]
            if any(prev.start_char <= a < prev.end_char for a, _ in self.quotes):
                named = [s for _, s in self.own[first - 1] if s is not None]
                return named[-1] if named else self.carried[first - 1]
        return None

    def _own_speakers(self, sent: Span) -> list[tuple[int, Speaker | None]]:
        words = [token_word(t) for t in sent]
        out = []
        for i, w in enumerate(words):
            if w == "according" and i + 1 < len(words) and words[i + 1] == "to":
                end = next((k for k in range(i + 2, len(words)) if words[k] in (",", ".", ";", '"')), len(words))
                speaker = self._resolve(sent[i + 2:end], sent[i + 2:end])
                if speaker is not False:
                    out.append((i, speaker))
            elif w in SPEECH_VERBS:
                speaker = self._subject_of(sent, words, i)
                if speaker is not False:
                    out.append((i, speaker))
        return out

    def _subject_of(self, sent: Span, words: list[str], verb: int) -> Speaker | None | bool:
        """The speaker before the verb (skipping asides between commas), else the one right after it."""
        k = verb - 1
        while k >= 0 and words[k] in LEAD_IN_ADVERBS:
            k -= 1
        segments = []
        end = k + 1
        for j in range(k, -2, -1):
            if j == -1 or words[j] in SEGMENT_BOUNDS:
                segments.append(sent[j + 1:end])
                if j == -1 or words[j] != "," or len(segments) == 3:
                    break
                end = j
        context = sent[segments[-1].start - sent.start:verb] if segments else sent[verb:verb]
        # nearest segment first; an aside that describes ("a nearby resident", "an opposition war monitor")
        # yields to a name before it, and only a named body or person is taken from it on this pass
        for seg in segments:
            describes = len(seg) > 0 and seg[0].lower_ in ("a", "an")
            for level in ((0,) if describes else (0, 1)):
                speaker = self._resolve(seg, context, level) if len(seg) else False
                if speaker is not False:
                    return speaker
        for seg in segments:
            speaker = self._resolve(seg, context, 2) if len(seg) else False
            if speaker is not False:
                return speaker
        if not segments or len(segments[0]) == 0:
            right_end = next((k for k in range(verb + 1, len(words)) if words[k] in (",", ".", ";", '"')), len(words))
            right = sent[verb + 1:right_end]
            if 0 < len(right) <= 8:
                return self._resolve(right, right)
        return False

    def _resolve(self, np: Span, context: Span, level: int = 2) -> Speaker | None | bool:
        """A noun phrase as a source: KB name, person (level 0), a common-noun voice such as "police"
        (level 1), or the words as written (level 2); False when none fits at this level.
        None means an anaphor ("it", "the statement"): the caller carries the speaker before."""
        words = [t.lower_ for t in np if not t.is_punct]
        content = [w for w in words if w not in ("the", "a", "an", "its", "their", "his", "her")]
        if not content:
            return False
        if len(content) == 1 and content[0] in ANAPHORS or content[-1:] == ["statement"]:
            return None
        known = [e for e in np.ents if e.ent_id_ and self.kb.resolve(e.ent_id_)]
        if known:
            entry = self.kb.resolve(known[-1].ent_id_)
            return Speaker(entry.canonical, entry.source_type)
        people = [e for e in np.ents if e.label_ == "PERSON"]
        if people:
            roles = {t.lower_ for t in context}
            # a named person without an office or a medical title is a witness (resident, journalist, relative)
            kind = ("government" if roles & OFFICIAL_WORDS else "medical" if roles & MEDICAL_WORDS else "witness")
            entry = self.kb.resolve(np.text) if roles & OFFICIAL_WORDS else None
            return Speaker(entry.canonical, entry.source_type) if entry else Speaker(people[0].text, kind)
        entry = self.kb.resolve(np.text) if level >= 1 else None
        if entry:
            return Speaker(entry.canonical, entry.source_type)
        if level < 2 or len(content) > 8 or not any(t.is_alpha and t.text[0].isupper() for t in np):
            return False   # words as written only when they name someone ("the Iraqi head of state")
        orgs = [e for e in np.ents if e.label_ in ("ORG", "GPE", "NORP")]
        kind = "government" if orgs and orgs[-1].label_ == "GPE" else "unattributed"
        text = orgs[-1].text if orgs else " ".join(t.text for t in np if t.lower_ not in ("the", "a", "an"))
        text = re.sub(r"^(the|a|an) ", "", text.strip(" ,.\"“”"), flags=re.I)
        return Speaker(text, kind)


def sentences(sdoc: Doc):
    """spaCy's sentences, also cut at line breaks: a caption or title line is not part of the next sentence."""
    for sent in sdoc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and "\n" in token.text:
                if token.i > start:
                    yield sdoc[start:token.i]
                start = token.i + 1
        if start < sent.end:
            yield sdoc[start:sent.end]


def token_word(token) -> str:
    """A token's lower-case text, every kind of quotation mark written as '"'."""
    text = token.lower_
    return '"' if text in QUOTES else text
