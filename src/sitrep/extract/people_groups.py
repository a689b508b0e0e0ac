"""Who a sentence counts: the groups of people a casualty figure can be about.

"13 people", "seven American soldiers", "a militant", "his wife and two children", "two men, ages 21
and 22", "17-year-old John Doe", "Jane Doe, 31,", "injuring Ann Roe and Tim Brown", a headline's bare
"Man, woman shot": each becomes a `Victims` record (how many, which group, which tokens) before
`group_lists` joins lists of them and `victims` gives them a figure.
Rules over spaCy tokens and entities, not a learned model (see victims.py for why); the word
tables they read (person nouns, casualty words: a bare number is a group only next to one, "two
died", "killing two") are in `english_casualty_words`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sitrep.extract.english_casualty_words import (AUXILIARIES, BARE_FOLLOWERS, BREAK, BULLETS, CLAUSE_OPENERS,
                                                   DEATH_NOUNS, DETERMINERS, FIGURE_NOUNS, HEADLINE_QUALIFIERS,
                                                   KILLING_VERBS, LATER_DIED, LEFT_CUES, LIST_CUES, MILITARY_WORDS,
                                                   MONTHS, NAMING_VERBS, NOT_A_COUNT, NOUN_GROUP, NUMBERED, ORDINALS,
                                                   PARENTS, PERSON_GROUPS, PLACE_SUFFIXES, PLURAL_NOUNS, PRESENT_CUES,
                                                   QUALIFYING_PARTICIPLES, RIGHT_CUES, SECURITY_BIGRAMS)
from sitrep.extract.numbers import is_age, number_value, read_quantity


@dataclass(slots=True)
class Victims:
    """A counted group of people in one sentence, before a figure is known (tokens [start, end))."""
    value: int
    qualifier: str
    group: str
    start: int
    end: int
    definite: bool = False     # "the four men": refers back to a group counted before
    countable_single: bool = False  # a lone "a man", "a 20-year-old": the total when it stands alone
    bare: bool = False         # a number with no noun: "killing two", "one died"
    rest: bool = False         # "three others were shot": people beyond those already counted
    with_pronoun: bool = False  # "he and three others": the person the sentence began with is counted here
    named: bool = False        # "Jane Doe, 31": one named person; counted only as a casualty, not as an arrest
    subset: str | None = None
    figure: str | None = None



# whether the people whose words end at an index are said to die ("one of the three victims later died")
DeathTold = Callable[[list[str], int], bool]


def counted_groups(words: list[str], armed: set[int], named: set[int], persons: set[int],
                   told_dead: DeathTold, titled: set[int] = frozenset()) -> list[Victims]:
    """Every "number + people noun", "a + person noun", "his wife", "N bodies" in the sentence. `titled`: the
    capitalised words a headline may put before its subject ("Weatherford student killed") when the NER
    does not see a place in them."""
    out: list[Victims] = []
    i = 0
    while i < len(words):
        v = _counted_group_at(words, i, armed, named, persons, told_dead, titled)
        if v is None:
            i += 1
            continue
        if words[v.end:v.end + 1] == ["in"] and words[v.end + 1:v.end + 2] in (["his"], ["her"], ["their"]):
            decade = next((k for k in range(v.end + 2, min(len(words), v.end + 4))
                           if re.fullmatch(r"\d0s|teens", words[k])), None)
            v.end = v.end if decade is None else decade + 1   # "a woman in her 50s": the age is part of the group
        if words[v.end:v.end + 1] == [","]:
            # "two men, ages 21 and 22, were ...", "three men, ages 54, 33 and 26, and a woman", "two males, 30
            # and 42 were": the ages are part of the group
            first = k = v.end + 1 + (words[v.end + 1:v.end + 2] in (["ages"], ["aged"], ["age"]))
            if k > v.end + 1 or k < len(words) and _listed_age(words, k):
                while k < len(words) and (number_value(words, k) or words[k] in ("and", "-", "to")
                                          or words[k] == "," and _age_follows(words, k + 1)):
                    k += 1
                v.end = k + (words[k:k + 1] == [","]) if k > first else v.end
        out.append(v)
        i = v.end
    return out


def _counted_group_at(words: list[str], i: int, armed: set[int], named: set[int],
                      persons: set[int], told_dead: DeathTold, titled: set[int] = frozenset()) -> Victims | None:
    w = words[i]
    prev = words[i - 1] if i else ""
    if is_age(words, i) or prev in MONTHS or prev in ("no", "$", "#", "no.") or words[i + 1:i + 2] and \
            words[i + 1] in MONTHS or prev in ("a", "an") and number_value(words, i) or i in named and i - 1 in named \
            and not _subject_of_cue(words, i, titled) or prev in NUMBERED or _listed_age(words, i) or \
            prev == "of" and words[i - 2:i - 1] and words[i - 2] in PARENTS or _code_part(words, i):
        return None   # an age, a date ("March 3"), money, "a 50", "no one", "Channel 4", "Father of 5", "I-10"
    if (age := _age_phrase(words, i)) and prev not in DETERMINERS and (i == 0 or number_value(words, i - 1) is None):
        return _aged_person(words, i, age[0], age[1], armed, named, persons)
    if (v := _named_person(words, i, named, persons) or _listed_person(words, i, persons)):
        return v
    # "Man shot ...", "St. Louis woman killed ...", "Police officer wounded ...", "Police: Man shot ...", "Otter
    # Tail County boy dies ...", "2 dead, child hurt" (a headline's next clause)
    opening = i == 0 or all(k in named or k in titled or words[k] in MILITARY_WORDS
                            or words[k] in HEADLINE_QUALIFIERS for k in range(i)) or prev in CLAUSE_OPENERS or \
        prev in (":", "—", "–") and i <= 4 or prev in PLACE_SUFFIXES and i <= 5 and not BREAK & set(words[:i]) or \
        prev in (",", ";") and i >= 2 and words[i - 2] in RIGHT_CUES
    # a headline verb before a bare noun: "Father shoots son", "Teen shot and killed man", "shooting that killed
    # teen", "Police identify victim killed ...", "Deaths of adult, child", "murder-suicide of daughter, father"
    # (not "the injured man")
    verb = prev in PRESENT_CUES or prev in KILLING_VERBS or prev in ("killed", "wounded", "injured") and \
        words[i - 2:i - 1] in (["and"], ["that"], ["which"]) or prev in NAMING_VERBS or \
        prev == "of" and i >= 2 and DEATH_NOUNS.get(words[i - 2]) in ("killed", "shot")
    listed = prev in ("and", ",") and (words[i - 2] in NOUN_GROUP or words[i - 2:i] == [",", "and"]
                                        and words[i - 3] in NOUN_GROUP)   # "his mother, stepfather, and grandmother"
    if (opening or verb or listed) and \
            (v := _headline_person(words, i, opening)):
        return v   # "Man shot in leg", "Father shoots son", "a man and woman were found"
    if w == "another" and (words[i + 1:i + 2] and (words[i + 1] in AUXILIARIES or words[i + 1] in RIGHT_CUES)
                           or prev in LEFT_CUES and _head_noun(words, i + 1, armed, named, singular=True) is None):
        # "and another was injured", "wounding another"
        return Victims(1, "exact", "total", i, i + 1, bare=True, rest=True)
    if w == "twins" or w == "twin" and words[i + 1:i + 2] and words[i + 1] in NOUN_GROUP and words[i + 1].endswith("s"):
        # "fatally shot twin daughters", "the twins were killed": two people
        return Victims(2, "exact", _noun_group(words, i + 1, armed, i) if w == "twin" else "total", i,
                       i + 1 + (w == "twin"), countable_single=True)
    if words[i + 1:i + 2] == ["couple"] and (w == "a" and words[i + 2:i + 3] not in (["of"], ["hundred"], ["dozen"])
                                              or w == "the" and i + 2 < len(words) and words[i + 2] in AUXILIARIES):
        # "a couple and their two children were found dead", "the couple were shot": two people (not "a couple
        # of hours", nor "the couple discovered ...", who acted)
        return Victims(2, "exact", "total", i, i + 2, definite=w == "the")
    if w in ("a", "an", "another") and words[i + 1:i + 2] and words[i + 1] in ORDINALS:
        return _one_more(words, i, armed, named)
    if w == "the" and words[i + 1:i + 2] == ["other"] and prev in LEFT_CUES:
        # "killing Lewis and critically wounding the other man": one more person, the object of the verb
        head = _head_noun(words, i + 2, armed, named, singular=True)
        if head is not None and not words[head[1] - 1].endswith("s") and words[head[1] - 1] not in PLURAL_NOUNS:
            return Victims(1, "exact", head[0], i, head[1], countable_single=head[0] in PERSON_GROUPS, rest=True)
    if (w in DETERMINERS or w == "the" and _age_phrase(words, i + 1)) and read_quantity(words, i) is None:
        head = _head_noun(words, i + 1, armed, named, singular=True)
        plural = head is not None and (words[head[1] - 1] in PLURAL_NOUNS or words[head[1] - 1].endswith("s"))
        if plural and (ages := _ages_listed(words, head[1])):
            # "killed his sons, ages 3 and 4": as many people as ages
            return Victims(ages[0], "exact", head[0], i, ages[1], countable_single=head[0] in PERSON_GROUPS)
        if head is None or plural and _age_phrase(words, i + 1) is None:
            return None   # "their fighters": not one person
        group, end, scare = head
        if words[end:end + 1] in (["'s"], ["’s"]):   # "his wife's brother": she owns the group, she is not in it
            owned = _head_noun(words, end + 1, armed, named, singular=True)
            if owned is None or read_quantity(words, end + 1) is not None:
                return None   # "his ex-girlfriend's two daughters": the number counts them
            group, end, scare = owned
        return Victims(1, "exact", "total" if scare else group, i, end,
                       countable_single=group in ("total", "men", "women", "children"),
                       # "another man was shot": one more than those told before (not "shot another teen")
                       rest=w == "another" and words[end:end + 1] in (["was"], ["were"], ["is"], ["has"], ["had"]))
    q = read_quantity(words, i)
    if q is None or (1900 <= q.value <= 2100 and not q.vague and "," not in words[q.end - 1]):
        return None   # a year: counts this large are written with a comma
    if q.end < len(words) and (words[q.end] in NOT_A_COUNT or (words[q.end] == "-" and q.end + 1 < len(words)
                                                                  and words[q.end + 1] in NOT_A_COUNT)):
        return None
    if prev == "both" or words[q.end:q.end + 1] in (["more"], ["additional"], ["further"]):
        return None   # "a woman and a man, both 19": ages; "two more bodies were recovered": an increment
    value, start = q.value, q.start
    head = _head_noun(words, q.end, armed, named, singular=q.value == 1)
    of = q.start - 1 if prev == "of" else q.start - 2 if words[max(0, q.start - 2):q.start] == ["of", "the"] else None
    if head is not None and of is not None and of > 0:   # "one of the three victims died", "which of the two men"
        part = number_value(words, of - 1)
        after = words[head[1]] if head[1] < len(words) else "."
        # "one of the three victims died": the part; "one of the two men who died", "... two men killed": the whole;
        # "two of the four people who were shot died": the part again
        relative = words[head[1] + 1:head[1] + 3]
        shot_then_died = after in ("who", "that") and relative[:1] in (["were"], ["was"]) and \
            relative[1:] in (["shot"], ["wounded"], ["injured"], ["hit"]) and \
            any(w in LATER_DIED for w in words[head[1] + 3:head[1] + 8])
        if part is not None and part[0] < q.value and (shot_then_died or after not in ("who", "that", "which") and (
                after in LATER_DIED or told_dead(words, head[1]))):
            return Victims(part[0], "exact", head[0], of - 1, head[1], bare=True)
        if words[of - 1] in ("which", "who", "none", "neither", "each", "either", "any", "whichever"):
            return None
    others = head is not None and bool({"others", "other"} & set(words[q.end:head[1]]))
    pronoun = i >= 2 and words[i - 1] == "and" and (words[i - 2] in ("he", "she") or i - 2 in persons and others)
    if pronoun:   # "he and three others were shot", "Jones and two other people died": one more
        value, start = value + 1, i - 2
    definite = prev in ("the", "those", "these")
    if head is None:
        nxt = words[q.end] if q.end < len(words) else "."
        part = number_value(words, of - 1) if of is not None and of > 0 else None
        if part is not None and part[0] < value and any(w in LATER_DIED for w in words[q.end:q.end + 10]):
            return Victims(part[0], "exact", "total", of - 1, q.end, bare=True)   # "One of 5 shot ... dies"
        if (prev == "," and (i - 2 in named or words[q.end:q.end + 1] == [","])) or not (
                nxt in RIGHT_CUES or nxt in AUXILIARIES or nxt in BARE_FOLLOWERS) or nxt == "shot" and (
                words[q.end + 1:q.end + 2] in (["was"], ["were"], ["is"], ["rang"], ["fired"], ["hit"])
                or prev in ("fired", "heard")):
            return None   # an age ("Jane Doe, 31, was"), a count of things ("90,280 deer"), "one shot was fired"
        return Victims(value, q.qualifier, "total", start, q.end, definite=definite, bare=True)
    group, end, scare = head
    group = "total" if scare else group
    return Victims(value, q.qualifier, group, start, end, definite=definite,
                   countable_single=group == "total" or words[end - 1] in ("men", "man")
                   or (q.value == 1 and group in ("women", "children")),
                   rest=others and not pronoun, with_pronoun=pronoun)   # "he and four others": all of them


def _subject_of_cue(words: list[str], i: int, titled: set[int]) -> bool:
    """A Title Case headline's person noun right before its casualty verb, which the NER read into a name
    ("Otter Tail County Boy Dies After ...")."""
    return i - 1 in titled and words[i] in NOUN_GROUP and i + 1 < len(words) and words[i + 1] in RIGHT_CUES


def _one_more(words: list[str], i: int, armed: set[int], named: set[int]) -> Victims | None:
    """ "Three men shot, a fourth wounded by shrapnel", "a second child was injured": one person more than
    those told before."""
    head = _head_noun(words, i + 2, armed, named, singular=True)
    after = head[1] if head else i + 2
    if {"them", "him", "her"} & set(words[after:after + 4]):
        return None   # "after a third teen accidentally shot them": the one who fired
    if head is not None:
        return Victims(1, "exact", head[0], i, head[1], countable_single=head[0] in PERSON_GROUPS, rest=True)
    nxt = words[i + 2] if i + 2 < len(words) else "."
    if head is None and (nxt in AUXILIARIES or nxt in RIGHT_CUES):
        return Victims(1, "exact", "total", i, i + 2, bare=True, rest=True)
    return None


def _code_part(words: list[str], i: int) -> bool:
    """A number after a hyphen that joins it to a letter or another number, no person noun after it: a road
    or a code ("along I-10", "Route 1-10"), not a count."""
    if i < 2 or words[i - 1] != "-" or words[i + 1:i + 2] and words[i + 1] in NOUN_GROUP:
        return False
    before = words[i - 2]
    return number_value(words, i - 2) is not None or len(before) <= 2 and before.isalpha()


def _age_follows(words: list[str], k: int) -> bool:
    """Whether the next age of a list starts at words[k]: "32" or "and 49" (not "and two males")."""
    k += words[k:k + 1] == ["and"]
    number = number_value(words, k) if k < len(words) else None
    return number is not None and (number[1] >= len(words) or words[number[1]] not in NOUN_GROUP)


def _listed_age(words: list[str], i: int) -> bool:
    """ "two females, 28 and 27, and one male, 24,": bare numbers set off by commas after people are ages."""
    k = i - 1
    while k >= 2 and words[k] == "and" and number_value(words, k - 1) is not None:
        k -= 2                                   # back over "28 and" in "28 and 27"
    # the last of a list of ages needs no closing comma: "two males, 30 and 42 were injured"
    closed = words[i + 1:i + 2] in ([","], ["and"], [")"]) or k < i - 1
    return k >= 1 and words[k] == "," and words[k - 1] in NOUN_GROUP and number_value(words, i) is not None \
        and number_value(words, i)[0] < 110 and closed


def _aged_person(words: list[str], i: int, years: float, end: int, armed: set[int], named: set[int],
                 persons: set[int]) -> Victims | None:
    """One person told by age without an article: "17-year-old John Doe", "17-year-old man shot"."""
    name_end = next(k for k in range(end, len(words) + 1) if k not in named and k not in persons)
    if name_end > end and (name_end == len(words) or words[name_end] not in NOUN_GROUP):
        end = name_end   # a name, not a place before a noun ("17-year-old Chicago man")
        if i and words[i - 1] == "," and words[end:end + 1] == [","]:
            end += 1   # "The victim, 53-year-old Jane Doe, died": the aside's closing comma is the group's
        return Victims(1, "exact", "children" if years < 18 else "total", i, end, countable_single=True, bare=True,
                       named=True)
    head = _head_noun(words, end, armed, named, singular=True) if end < len(words) and (
        words[end] in NOUN_GROUP or end in named) else None
    if head is not None:
        return Victims(1, "exact", head[0], i, head[1], countable_single=head[0] in PERSON_GROUPS)
    nxt = words[end] if end < len(words) else "."
    # ... or the first of a list: "2-year-old and 10-month-old killed"
    listed = nxt in ("and", ",") and end + 1 < len(words) and _age_phrase(words, end + 1) is not None
    if (i and words[i - 1] in LEFT_CUES) or nxt in RIGHT_CUES or nxt in AUXILIARIES or listed:
        return Victims(1, "exact", "children" if years < 18 else "total", i, end, countable_single=True, bare=True)
    return None


def _named_person(words: list[str], i: int, named: set[int], persons: set[int]) -> Victims | None:
    """ "Damon Smith, 16, died": a named person with their age is one person."""
    # the age closes with a comma, or a semicolon in a list of names: "Ann Roe, 35; Tim Brown, 34; and ..."
    if not (i >= 2 and words[i - 1] == "," and i - 2 in named | persons and words[i + 1:i + 2] in ([","], [";"])):
        return None
    years = number_value(words, i)
    if years is None or years[0] > 110:
        return None
    start, end = i - 2, i + 2
    while start - 1 in named | persons:
        start -= 1
    start -= start > 0 and words[start - 1] in NOUN_GROUP   # "mother Jane Doe, 49,"
    if words[end:end + 1] == ["of"]:   # "Jane Doe, 31, of Springfield, was shot"
        end = next((k + 1 for k in range(end, min(len(words), end + 8)) if words[k] == ","), end)
    return Victims(1, "exact", "children" if years[0] < 18 else "total", start, end, countable_single=True,
                   bare=True, named=True)


def _listed_person(words: list[str], i: int, persons: set[int]) -> Victims | None:
    """A name with no age that a casualty word is told of: right after one ("injuring Leanne Smith"), or one
    of a list of names before one ("Ann Roe, Tim Brown and Lee Green all suffered wounds")."""
    if i not in persons or i - 1 in persons:
        return None
    end = i
    while end in persons:
        end += 1
    comma = next((k for k in range(end, min(len(words), end + 8)) if words[k] in (",", ".", ";")), None)
    if comma is not None and words[comma] == "," and comma + 1 < len(words) and number_value(words, comma + 1):
        return None   # "Jane Doe, 31,", 'John "J.R." Doe, 13,': the age makes it _named_person's
    if not (i and words[i - 1] in LEFT_CUES or _names_before(words, i, persons)):
        # the first name of a list: the whole list must come right before its own casualty word
        k, names = end, 1
        while words[k:k + 1] in ([","], ["and"]):
            k += 1 + (words[k + 1:k + 2] == ["and"])
            if k not in persons:
                return None
            while k in persons:
                k += 1
            names += 1
        if names < 2 or k >= len(words) or not (words[k] in AUXILIARIES or words[k] in LIST_CUES):
            return None
    return Victims(1, "exact", "total", i, end, countable_single=True, bare=True, named=True)


def _names_before(words: list[str], i: int, persons: set[int]) -> bool:
    """Whether the name at words[i] follows another in a list: "Ann Roe and Tim Brown", "..., Lee Green"."""
    k = i - 1
    if k >= 0 and words[k] == "and":
        k -= 1
    if k >= 0 and words[k] == ",":
        k -= 1
    return k < i - 1 and k in persons


def _headline_person(words: list[str], i: int, opening: bool) -> Victims | None:
    """ "Man shot in leg at gas station", "Boy, 14, fatally shot", "Father shoots son": a headline's
    bare singular person noun (at the opening, only right before a casualty word)."""
    w, head = words[i], i
    if w not in NOUN_GROUP or w in PLURAL_NOUNS or w.endswith("s"):
        return None
    while head + 1 < len(words) and NOUN_GROUP.get(words[head + 1]) == NOUN_GROUP[w] and \
            words[head + 1] not in PLURAL_NOUNS:
        head += 1   # "Teen girl killed": the last noun of the compound heads it
    w, end = words[head], head + 1
    if words[end:end + 1] == [","] and words[end + 2:end + 3] == [","] and number_value(words, end + 1):
        end += 3   # "Boy, 14, ..."
    end = _past_children(words, w, end)
    struck = words[end:end + 1] in (["struck"], ["hit"]) and BULLETS & set(words[end + 1:end + 5])   # "by bullet"
    if opening and end < len(words) and words[end] not in RIGHT_CUES and words[end] not in AUXILIARIES and \
            not struck and not (words[end] in ("and", ",") and end + 1 < len(words) and _names_people(words, end + 1)):
        return None   # "Woman and 5-year-old child injured": the casualty word comes after the list
    group = _noun_group(words, head, set(), i)
    return Victims(1, "exact", group, i, end, countable_single=group in PERSON_GROUPS, bare=True)


def _past_children(words: list[str], noun: str, end: int) -> int:
    """ "a mother of three", "Father of 5": one parent; the number counts their children, not the victims."""
    if noun in PARENTS and words[end:end + 1] == ["of"] and (kids := read_quantity(words, end + 1)):
        return kids.end
    return end


def _names_people(words: list[str], i: int) -> bool:
    """Whether a person phrase starts at words[i]: "teen", "5-year-old child", "two men", "her son"."""
    k = i + (words[i] in DETERMINERS)
    return words[k] in NOUN_GROUP or _age_phrase(words, k) is not None or \
        read_quantity(words, k) is not None and any(w in NOUN_GROUP for w in words[k + 1:k + 4])


def _head_noun(words: list[str], i: int, armed: set[int], named: set[int],
               singular: bool) -> tuple[str, int, bool] | None:
    """(group, end, scare-quoted) of the person noun within a few modifier words after index i."""
    j = i
    while j < len(words) and j < i + 7:
        w = words[j]
        if w in FIGURE_NOUNS and not singular:
            return "total", j + 1, False
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if (w, nxt) in SECURITY_BIGRAMS:
            return "security_forces", j + 2, False
        if w in NOUN_GROUP and nxt in NOUN_GROUP and NOUN_GROUP[w] == NOUN_GROUP[nxt]:
            j += 1   # "deputy constables", "teen girls": the last noun of the compound heads it
            continue
        if w in NOUN_GROUP and nxt == "-" and words[j + 2:j + 3] and words[j + 2] in QUALIFYING_PARTICIPLES:
            return None   # "a rebel-run channel", "a police-led raid": the noun only qualifies another
        if w in NOUN_GROUP and not (w in ("members", "member") and words[j - 1:j] == ["family"]):
            group = _noun_group(words, j, armed, i)
            end = j + 1
            scare = words[j - 1] == '"' and nxt == '"'
            # "their fighters and prison workers": one group of mixed people, security staff decide
            if nxt == "and" and j + 2 < len(words) and read_quantity(words, j + 2) is None:
                rest = words[j + 2:j + 5]
                # within the noun phrase: not "her husband and son, deputies said"
                rest = rest[:next((k for k, r in enumerate(rest) if r in BREAK), len(rest))]
                if any((a, b) in SECURITY_BIGRAMS for a, b in zip(rest, rest[1:])) or \
                        any(NOUN_GROUP.get(r) == "security_forces" for r in rest):
                    group, end = "security_forces", j + 2 + next(
                        k for k in range(len(rest)) if NOUN_GROUP.get(rest[k]) or rest[k] in ("workers", "staff")) + 1
            if scare:
                end += 1
            return group, _past_children(words, w, end), scare
        age = _age_phrase(words, j)
        if age is not None:
            years, after = age
            noun = next((k for k in range(after, min(len(words), after + 4)) if k not in named), len(words))
            if noun < len(words) and words[noun] in NOUN_GROUP:
                j = noun   # "a 3-year-old Elkhart boy": the place between the age and the noun is a modifier
                continue
            return ("children" if years < 18 else "total"), after, False
        if number_value(words, j) is not None:
            return None   # "one of the two people", "Image 3 of 33 Seven people": the count is the other number
        if w in ("the", "a", "an") and words[j - 1:j] != ["of"]:
            return None   # "told 59 News the injuries ...": an article starts another noun phrase
        if j not in named and w in BREAK and not (w == "of" or w == '"'):
            return None
        j += 1
    return None


def _ages_listed(words: list[str], k: int) -> tuple[int, int] | None:
    """(how many ages, end) of ", ages 3 and 4" / ", aged 16, 17 and 19" after a plural noun."""
    if words[k:k + 1] != [","] or words[k + 1:k + 2] not in (["ages"], ["aged"]):
        return None
    count, j = 0, k + 2
    while j < len(words) and (number := number_value(words, j)) is not None and number[0] < 110:
        count, j = count + 1, number[1]
        j += words[j:j + 1] in ([","], ["and"]) and j + 1 < len(words) and number_value(words, j + 1) is not None
    return (count, j) if count > 1 else None


def _age_phrase(words: list[str], j: int) -> tuple[float, int] | None:
    """(age in years, end) of "12-year-old", "18-month old", "3 years old" starting at words[j]."""
    number = number_value(words, j) if j < len(words) and words[j] != "-" else None
    if number is None:
        return None
    rest = words[number[1]:number[1] + 4]
    if rest[:3] == ["y", "/", "o"] or rest[:1] == ["yo"]:   # "5 y/o boy", "7 yo girl"
        return number[0], number[1] + (3 if rest[0] == "y" else 1)
    for shape in (["-", "{u}", "-", "old"], ["-", "{u}", "old"], ["{u}s", "old"], ["{u}", "old"]):
        for unit, per_year in (("year", 1), ("yr", 1), ("month", 12), ("week", 52), ("day", 365)):
            pattern = [p.format(u=unit) for p in shape]
            if rest[:len(pattern)] == pattern:
                return number[0] / per_year, number[1] + len(pattern)
    return None


def _noun_group(words: list[str], j: int, armed: set[int], start: int) -> str:
    group = NOUN_GROUP[words[j]]
    if group == "men_kin":
        return "men"
    if group in ("men", "women", "children") or group != "armed_members":
        return "total" if words[j] in ("men", "man") else group
    # members/leaders/commanders count as militants when an armed group is named next to them
    window = set(range(start, min(len(words), j + 7)))
    return "militants" if window & armed or {"militant", "jihadist", "terrorist"} & set(words[start:j]) else "total"
