"""Name keys for gazetteer matching: how a written place name becomes the key the gazetteer indexes
("Deir ez-Zor" ~ "Deir al-Zor", "St. Louis" ~ "Saint Louis"), and a consonant skeleton for
transliteration variants. Shared by the build (which writes the keys) and lookups (which read them).
"""
from __future__ import annotations

import re

from unidecode import unidecode

ARTICLE = re.compile(r"^(?:the\s+|(?:a[lrsdtnz]h?|e[lrsdtnz])[-\u2010\u2011' ](?=\w))", re.I)
SUN_LETTER = re.compile(r"^a([rsdtnz])h?[- ]\1", re.I)

ARABIC_OR_CYRILLIC = re.compile(r"^[\u0600-\u06ff\u0400-\u04ff\s'\u2019-]+$")
_ARABIC_MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")        # short vowels, shadda, tatweel
_ARABIC_LETTERS = str.maketrans("أإآٱىة", "اااايه")


def script_key(text: str) -> str:
    """Key for a name written in Arabic or Cyrillic: its own letters, since unidecode drops Arabic vowels
    ("إدلب" would become "dlb") and the gazetteer keeps these spellings as GeoNames gives them. Arabic: no
    vowel marks, one alef, no leading article; Cyrillic: lower case, ё as е."""
    text = _ARABIC_MARKS.sub("", text.strip()).translate(_ARABIC_LETTERS).lower().replace("ё", "е")
    text = re.sub(r"^ال(?=\S{2})", "", text)
    return " ".join(re.sub(r"['\u2019-]", " ", text).split())


def normalize_name(text: str) -> str:
    """Key for name matching: ASCII, lowercase, no leading "the"/Arabic article, punctuation as spaces; names
    in Arabic or Cyrillic script keep their script (`script_key`)."""
    if ARABIC_OR_CYRILLIC.match(text) and re.search(r"[^\W\d_]", text):
        return script_key(text)
    text = unidecode(text).replace("\u2019", "'").strip()
    for _ in range(2):
        m = ARTICLE.match(text)
        if not m:
            break
        word = m.group(0).strip(" -'").lower()
        # "al-"/"el-" always; "ar-"/"as "... only when assimilated to the next letter (Ar Raqqah, As Suwayda)
        if word in ("the", "al", "el") or SUN_LETTER.match(text) or text[len(word)] in "-'":
            text = text[m.end():]
    text = re.sub(r"[^0-9a-z]+", " ", text.lower().replace("'", "")).strip()
    return re.sub(r"\bst\b", "saint", re.sub(r"\bmt\b", "mount", re.sub(r"\bft\b", "fort", text)))


def skeleton(key: str) -> str:
    """Consonant skeleton of a normalized name, for transliteration variants (Buseirah ~ Busayrah)."""
    out = key[:1] + re.sub(r"[aeiouy ]+", "", key[1:])
    return re.sub(r"(.)\1+", r"\1", out).rstrip("h")


def is_latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF or ch in "\u2018\u2019\u02bf\u02be" for ch in name)

