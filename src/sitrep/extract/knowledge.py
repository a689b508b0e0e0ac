"""The knowledge base of actors and sources: who an organisation is, whatever a text calls it.

News names the same body many ways ("ISIS", "Daesh", "the Islamic State group", "داعش"); a claim
is credited to one canonical name so that two articles quoting the same source agree. The shipped
table lives in `sitrep/data/actors.yaml`; a user YAML of the same shape is merged over it.

Matching, in order: exact alias after normalisation (unidecode, case, punctuation, a leading "the",
al-/el- articles), acronyms by exact spelling only ("IS" must never match the verb "is"), an alias
contained in a longer name ("Pentagon press secretary John Kirby"), then rapidfuzz for unseen
spellings of long names ("Syrian Observatory of Human Rights").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process
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
        self._contained_rank = {alias: rank for rank, alias in enumerate(sorted(self._exact, key=len, reverse=True))}
        # the same few names recur in every sentence; the fuzzy fallback makes a miss costly
        self.resolve = lru_cache(maxsize=1 << 16)(self._resolve)

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

    def _resolve(self, name: str | None) -> Entry | None:
        """The entry `name` refers to, or None when the name is unknown (`resolve`, memoised)."""
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
        if contained := self._contained_alias(key):
            return self._exact[contained]
        for word in re.findall(r"\b[A-Z][A-Za-z.]*[A-Z]\b\.?", name):
            if is_acronym(word) and word.replace(".", "") in self._acronyms:
                return self._acronyms[word.replace(".", "")]
        if len(key) >= FUZZY_MIN_LENGTH and self._fuzzy_keys:
            best = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.token_sort_ratio, score_cutoff=FUZZY_FLOOR)
            if best:
                return self._exact[best[0]]
        return None

    def names_in(self, words: list[str], longest: int = 7) -> list[tuple[int, int, Entry]]:
        """Known names among runs of `words` (exact aliases and acronyms, longest first, not overlapping):
        for text without an NER pass (articles in other languages), where no span says where a name is."""
        found: list[tuple[int, int, Entry]] = []
        taken: set[int] = set()
        for n in range(min(longest, len(words)), 0, -1):
            for i in range(len(words) - n + 1):
                if taken & set(range(i, i + n)):
                    continue
                run = " ".join(words[i:i + n])
                entry = self._acronyms.get(run.replace(".", "")) if n == 1 and is_acronym(run) else \
                    self._exact.get(normalise(run))
                if entry:
                    found.append((i, i + n, entry))
                    taken |= set(range(i, i + n))
        return sorted(found, key=lambda f: f[0])

    def _contained_alias(self, key: str) -> str | None:
        """The longest alias that is a run of whole words of `key`: looking up the key's word runs instead of
        scanning every alias, which made each new name cost a pass over the whole table."""
        words = key.split(" ")
        runs = (" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
        return min((run for run in runs if run in self._contained_rank), key=self._contained_rank.get, default=None)

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
