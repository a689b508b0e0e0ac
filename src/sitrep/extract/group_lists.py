"""Counted groups that go together: a list joined by "and" or commas ("a woman and two children")
shares one casualty figure, a group spelled out person by person ("three victims, a man, a woman and a
boy") is one group, a name set off after a noun ("his wife, 31-year-old Ann Roe") is the same person,
and totals in one list add up ("a man and two others" is three people).
"""
from __future__ import annotations

from dataclasses import replace

from sitrep.extract.casualty_cues import cue_before
from sitrep.extract.english_casualty_words import (AUXILIARIES, BREAK, FIGURE_NOUNS, NOUN_GROUP, PERSON_GROUPS,
                                                   RIGHT_CUES)
from sitrep.extract.numbers import read_quantity
from sitrep.extract.people_groups import Victims

def coordinate(words: list[str], phrases: list[Victims]) -> list[list[Victims]]:
    """Groups joined by "and" or commas ("a woman and two children") share one figure."""
    lists: list[list[Victims]] = []
    skip = 0
    for n, v in enumerate(phrases):
        if skip:
            skip -= 1
            continue
        if lists:
            last = lists[-1][-1]
            gap = words[last.end:v.start]
            if gap[-1:] in (["his"], ["her"], ["their"]) and v.value > 1:
                gap = gap[:-1]   # "Laura Roe, 32, and her two children": the owner's word is not a break in the list
            aside = next((k for k in range(2, min(len(gap), 5)) if gap[k] == ","), None) if gap[:1] == [","] else None
            if aside is not None and gap[aside + 1:] in (["and"], ["or"]) and last.value == 1 and \
                    all(w.isalpha() and w not in BREAK for w in gap[1:aside]):
                gap = [","] + gap[aside + 1:]   # "his daughter, London, and son": the name set off is not a break
            count = _enumerated(words, phrases[n:], last.value) if gap == [","] and last.value > 1 else 0
            if count > 1:
                # "three victims, a man, a woman and a boy, were ...": the three named one by one; not
                # "two girls, two men shot", a list of its own
                end = phrases[n + count - 1].end
                lists[-1][-1] = replace(last, end=end + (words[end:end + 1] == [","]))
                skip = count - 1
                continue
            linked = gap in (["and"], [","], [",", "and"], ["as", "well", "as"]) or not gap and last.named or \
                gap in ([";"], [";", "and"]) and last.named and v.named   # "Ann Roe, 35; Tim Brown, 34; and ..."
            # "two dead victims and two injured people": each group carries its own casualty word
            # "four people, one seriously": a bare number after a comma is part of the group, not more people
            # (a named person's age is not such a number: "54-year-old Tom Reed, 42-year-old Ann Reed and ...")
            linked = linked and not (v.bare and not v.named and gap == [","]
                                     and read_quantity(words, v.start) is not None)
            # "wounding two others, and a 64-year-old suspect is being sought": a new clause, its own subject
            singular_verb = words[v.end:v.end + 1] in (["is"], ["was"], ["has"])
            linked = linked and not (singular_verb and not _own_fate(words, v.end))
            if linked and words[last.end - 1] not in FIGURE_NOUNS and not (_own_cue(words, last) or _own_cue(words, v)):
                later = phrases[n + 1] if n + 1 < len(phrases) else None
                listed = later is not None and words[v.end:later.start] in (["and"], [",", "and"])
                apposed = gap == [","] or not gap and not v.named   # "Abu Ahmed, 45, a local commander, ..."
                # a headline's bare nouns are a list, not one person named twice: "Man, woman shot"; so are a
                # person and someone of theirs: "kills woman, her son, himself"
                apposed = apposed and not (words[last.start] in NOUN_GROUP and words[v.start] in NOUN_GROUP
                                           or _someone_of(words, last, v))
                # "his wife, 31-year-old Ann Roe, and ...": a name set off after a noun is the same person, in a
                # list too
                renamed = v.named and not last.named and gap == [","]
                if apposed and last.value == v.value == 1 and last.countable_single and v.countable_single \
                        and (not listed or renamed):   # "another victim, a 37-year-old man, ...": one person
                    lists[-1][-1] = replace(v if last.group == "total" else last, start=last.start,
                                            end=v.end + (words[v.end:v.end + 1] == [","]))
                else:
                    lists[-1].append(v)
                continue
        lists.append([v])
    return lists


def _someone_of(words: list[str], owner: Victims, v: Victims) -> bool:
    """ "a woman, her son", "a former pastor, his wife": `v` opens with a possessive that can be the person just
    counted, so it is someone of theirs, not the same person told again ("a man, her husband," may be)."""
    possessive = words[v.start]
    owner_is = {NOUN_GROUP.get(w) for w in words[owner.start:owner.end]}
    male = bool({"men", "men_kin"} & owner_is) or words[owner.end - 1] in MALE_NOUNS
    return possessive == "her" and not male or possessive == "his" and "women" not in owner_is


MALE_NOUNS = {"man", "boy", "son", "stepson", "grandson", "male"}   # "total" nouns that say the person is male


def _own_fate(words: list[str], i: int) -> bool:
    """A casualty word after the auxiliaries at words[i]: "was shot", "has since died"."""
    while i < len(words) and words[i] in AUXILIARIES:
        i += 1
    return i < len(words) and (words[i] in RIGHT_CUES or words[i] in ("pronounced", "taken", "listed", "in"))


def _enumerated(words: list[str], following: list[Victims], total: int) -> int:
    """How many of `following`, people joined by commas and "and", spell out a group of `total`."""
    people = 0
    for k, v in enumerate(following):
        if v.group not in PERSON_GROUPS or k and words[following[k - 1].end:v.start] not in ([","], ["and"],
                                                                                              [",", "and"]):
            break
        people += v.value
        if people >= total:
            return k + 1 if people == total else 0
    return 0


def _own_cue(words: list[str], v: Victims) -> bool:
    return any(RIGHT_CUES.get(w) in ("killed", "wounded") for w in words[v.start:v.end])


def merge_totals(words: list[str], members: list[Victims], subset: bool) -> list[Victims]:
    """ "a man and two others" is three people: totals in one list add up, and so do lists of people
    ("two men and a boy", "a girl and a 34-year-old woman", "his mother, stepfather and grandmother",
    "two children, ages 3 and 5, and their mother were found dead"): the list's total, beside its groups.
    A list of groups told as the object of a verb ("killing a woman and two children", "his wife and three
    children") stays groups: in conflict reports such a clause often details part of a larger toll, and
    reconcile sums groups. Lists of sides ("three soldiers and five militants") stay groups too."""
    people = not subset and len(members) > 1 and all(m.group in PERSON_GROUPS for m in members) and (
        any(m.group == "total" for m in members) or all(m.value == 1 for m in members)
        or cue_before(words, members[0].start) is None)
    # "killing an officer and three others", "a soldier and two other people": the others are besides those
    # listed before them, of whatever side
    people = people or not subset and len(members) > 1 and members[-1].rest and members[-1].group == "total"
    totals = members if people else [m for m in members if m.group == "total"]
    if len(totals) < 2:
        return members
    merged = replace(totals[0], group="total", value=sum(t.value for t in totals), end=totals[-1].end,
                     qualifier="exact" if all(t.qualifier == "exact" for t in totals) else totals[0].qualifier)
    return [merged] + [m for m in members if m.group != "total"]
