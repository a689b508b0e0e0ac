"""Figures as news writes them: "1,200", "thirteen", "twenty-one", "at least 13", "dozens".

Works on a sentence's lower-cased tokens (spaCy splits "twenty-one" into three tokens and keeps
"1,200" whole); `parse_quantity` does the same on a plain string for callers without a Doc.
Number words go through text2num; only the qualifiers and the vague quantities are ours.

Vague quantities (a convention, so every claim states a lower bound it can defend):
  "dozens" / "dozens of"   -> at_least 24   (two dozen is the least "dozens" can mean)
  "scores of"              -> at_least 40
  "tens of"                -> at_least 20
  "hundreds" / "thousands" -> at_least 200 / at_least 2000
  "a dozen" -> about 12, "a couple of" -> about 2, "a handful of" -> at_least 2
  "several", "a few", "many", "some" (without a number) -> no figure: too vague to count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

Qualifier = str  # records.Qualifier values

# token sequences, longest first, and the qualifier they give the figure that follows
QUALIFIER_PHRASES: list[tuple[tuple[str, ...], Qualifier]] = sorted([
    (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"), (("no", "less", "than"), "at_least"),
    (("a", "minimum", "of"), "at_least"), (("not", "less", "than"), "at_least"),
    (("more", "than"), "more_than"), (("over",), "more_than"), (("upwards", "of"), "more_than"),
    (("in", "excess", "of"), "more_than"), (("above",), "more_than"),
    (("about",), "about"), (("around",), "about"), (("nearly",), "about"), (("almost",), "about"),
    (("some",), "about"), (("approximately",), "about"), (("roughly",), "about"), (("an", "estimated"), "about"),
    (("approx",), "about"), (("close", "to"), "about"), (("an", "approximate"), "about"), (("circa",), "about"),
    (("up", "to"), "up_to"), (("as", "many", "as"), "up_to"), (("at", "most"), "up_to"),
    (("fewer", "than"), "fewer_than"), (("less", "than"), "fewer_than"), (("under",), "fewer_than"),
], key=lambda p: -len(p[0]))

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ("hundred", "thousand", "million")
NUMBER_WORDS = set(UNITS) | set(TENS) | set(SCALES)
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")

# vague plurals: (words, value, qualifier); "of" is optional after them
VAGUE: list[tuple[tuple[str, ...], int, Qualifier]] = [
    (("dozens",), 24, "at_least"), (("scores", "of"), 40, "at_least"), (("tens", "of"), 20, "at_least"),
    (("hundreds",), 200, "at_least"), (("thousands",), 2000, "at_least"),
    (("a", "dozen"), 12, "about"), (("a", "couple", "of"), 2, "about"), (("a", "handful", "of"), 2, "at_least"),
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from tokens [start, end): `end` is the first token after the number itself."""
    value: int
    qualifier: Qualifier
    start: int
    end: int
    vague: bool = False


def number_value(words: list[str], i: int) -> tuple[int, int] | None:
    """(value, next index) of the number starting at words[i], digits or words; None if there is none."""
    word = words[i]
    if DIGITS.match(word):
        return int(word.replace(",", "")), i + 1
    if word not in NUMBER_WORDS or word in SCALES:
        return None
    j = i
    parts = []
    while j < len(words):
        w = words[j]
        if w in NUMBER_WORDS:
            parts.append(w)
        elif w == "-" and parts and parts[-1] in TENS and j + 1 < len(words) and words[j + 1] in UNITS:
            pass
        elif w == "and" and parts and parts[-1] in SCALES and j + 1 < len(words) and words[j + 1] in NUMBER_WORDS:
            pass
        else:
            break
        j += 1
    try:
        return text2num(" ".join(parts), "en"), j
    except ValueError:  # "one one": not one number, read the first word alone
        return text2num(parts[0], "en"), i + 1


AGE_WORDS = {"age", "ages", "aged"}
# words that may stand between an age word and the number it governs: "under the age of 10",
# "between the ages of 16 and 18", "ranging in age from 31 to 40", "aged 16-18"
AGE_LINKS = {"of", "the", "from", "to", "and", "between", "-", "in"}


def is_age(words: list[str], i: int) -> bool:
    """Whether the number at words[i] is an age or an age bound, not a count of people."""
    if words[max(0, i - 2):i] in (["younger", "than"], ["older", "than"]):
        return True   # "a boy younger than 12"
    for k in range(i - 1, max(-1, i - 7), -1):
        w = words[k]
        if w in AGE_WORDS:
            return True
        if w not in AGE_LINKS and number_value(words, k) is None:
            return False
    return False


def _by_first_word(table: list[tuple]) -> dict[str, list[tuple]]:
    """A phrase table indexed by its first word, order kept: read_quantity runs on every token."""
    index: dict[str, list[tuple]] = {}
    for row in table:
        index.setdefault(row[0][0], []).append(row)
    return index


def read_quantity(words: list[str], i: int) -> Quantity | None:
    """The figure starting at words[i], with any qualifier in front ("at least 13", "dozens of")."""
    qualifier, j = "exact", i
    for phrase, q in _QUALIFIERS_BY_WORD.get(words[i], ()) if i < len(words) else ():
        if tuple(words[i:i + len(phrase)]) == phrase:
            qualifier, j = q, i + len(phrase)
            break
    if j < len(words):
        number = number_value(words, j)
        if number is not None:
            return Quantity(number[0], qualifier, i, number[1])
        for phrase, value, q in _VAGUE_BY_WORD.get(words[j], ()):
            if tuple(words[j:j + len(phrase)]) == phrase:
                end = j + len(phrase)
                return Quantity(value, q if qualifier == "exact" else qualifier, i, end, vague=True)
    return None


_QUALIFIERS_BY_WORD = _by_first_word(QUALIFIER_PHRASES)
_VAGUE_BY_WORD = _by_first_word(VAGUE)


def parse_quantity(text: str) -> Quantity | None:
    """The first figure in `text` (offsets are word indices of a simple split), or None."""
    words = re.findall(r"\d{1,3}(?:,\d{3})+|\d+|[a-z]+|-", text.lower())
    for i in range(len(words)):
        quantity = read_quantity(words, i)
        if quantity is not None:
            return quantity
    return None
