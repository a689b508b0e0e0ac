"""The casualty word on either side of a counted group: "were killed", "killing", "left ... dead",
"the death of", "death toll rose to", "was taken to a hospital", "shot and wounded", and whether the
group's fate is denied ("were not hurt") or told later in its clause ("who was shot Friday has died").

Read over the lower-cased tokens of one sentence (see `people_groups` for the groups, `victims` for
how a sentence's groups and figures are settled together).
"""
from __future__ import annotations

import re

from sitrep.extract.english_casualty_words import (AUXILIARIES, BULLETS, CARRIED, CONDITIONS, DEATH_NOUNS,
                                                   DETERMINERS, DOING_VERBS, FIGURE_NOUNS, KIN, LATER_DEATH,
                                                   LEFT_CUES, NEGATIONS, NOUN_GROUP, NUMBERED, OBJECT_STARTERS,
                                                   RELATIVES, RIGHT_CUES, SHOT_AS_NOUN, STILL, SUBJECT_PRONOUNS,
                                                   SUBSET_OPENERS,
                                                   SURVIVING, TOLL_WORDS, UNREAL)
from sitrep.extract.numbers import is_age, number_value, read_quantity
from sitrep.extract.people_groups import Victims


def negated(words: list[str], start: int, end: int) -> bool:
    """ "None of the eight people inside were hurt", "the two children were not injured", "two people
    could have been killed", "no words to describe a child being hurt", "whenever a child is shot": no
    casualty reported."""
    before = words[max(0, start - 4):start]
    if "of" in before and {"none", "neither"} & set(before) or {"whenever", "anytime"} & set(before) or \
            "time" in before and {"any", "every"} & set(before) or \
            words[end:end + 1] == ["being"] and {"describe", "imagine", "picture", "fathom"} & set(before):
        return True
    denied = False   # a negation or a modal counts only before the group's own casualty word
    k, seen = end, 0
    while k < len(words) and seen < 8:
        if words[k] == "," and words[k + 1:k + 2] and words[k + 1] in RELATIVES:
            # ", which detectives say was the target of the shooting,": a clause about them, not their fate
            close = next((j for j in range(k + 2, min(len(words), k + 30)) if words[j] == ","), None)
            if close is not None:
                k = close + 1
                continue
        seen += 1
        if words[k] in RIGHT_CUES:
            return denied
        if words[k] in (".", ";", "and", "but"):
            return False
        denied = denied or words[k] in NEGATIONS and words[k + 1:k + 2] != ["survive"] or \
            words[k] in ("could", "would", "might")
        k += 1
    return False


def dies_later(words: list[str], end: int, stop: int) -> bool:
    """The same people's death told later in their clause: "a boy who was shot Friday has died",
    "were taken to a hospital, where they died". `stop`: where the next counted group begins."""
    for k in range(end, min(stop, len(words))):
        if words[k] in (".", ";") or words[k] in SUBSET_OPENERS:
            return False   # "three people were injured, including a sailor who died": the death is of one of them
        if any(tuple(words[k:k + len(p)]) == p for p in LATER_DEATH) and not UNREAL & set(words[k - 3:k]):
            return True
    return False




def told_dead(words: list[str], end: int) -> bool:
    """ "one of the three victims later died", "one of the two men, a 30-year-old, was killed": the
    people whose words end at `end` die, later in the sentence or after an aside."""
    after = words[end] if end < len(words) else "."
    return dies_later(words, end + 1, len(words)) or after not in RIGHT_CUES and cue_after(words, end) == "killed"


def figure_of(words: list[str], members: list[Victims]) -> str | None:
    """The figure from the casualty word after or before the group ("N bodies" sets its own)."""
    first, last = members[0], members[-1]
    # the group's own noun, the first of its words: "four bodies, two men and two women," is of the dead
    head = next((w for w in words[first.start:last.end] if w in FIGURE_NOUNS or w in NOUN_GROUP), words[last.end - 1])
    if head in FIGURE_NOUNS and len(members) == 1:
        figure, qualifier = FIGURE_NOUNS[head]
        if qualifier != "exact" and first.qualifier == "exact":
            first.qualifier = qualifier
        return figure
    figure = cue_after(words, last.end, strict=last.bare)
    before = cue_before(words, first.start)
    if before == "left":
        return figure if figure in ("killed", "wounded") else None
    # "40 wounded people", "three injured soldiers": the casualty word is an adjective inside the group
    inside = next((RIGHT_CUES[w] for w in words[first.start:last.end] if RIGHT_CUES.get(w) in ("killed", "wounded")),
                  None)
    if figure == "shot" and before in ("killed", "wounded"):
        return before   # "injuring nine people before he was shot": the verb before governs
    if inside == "killed" and figure in ("shot", "wounded"):
        return inside   # "found a deceased man with a gunshot wound": dead, however hurt
    if not (figure or before or inside) and "gunshot" in words[first.start:last.end]:
        return "shot"   # "two other gunshot victims were treated and released"
    return figure or before or inside


def cue_after(words: list[str], i: int, strict: bool = False) -> str | None:
    """The casualty word in the few words after a group: "were killed", "had been wounded".
    `strict` (a bare number, "two died"): only auxiliaries may come between."""
    j, limit, skipped_clause = i, i + 8, False
    while j < len(words) and j < limit:
        w = words[j]
        if w in ("none", "not", "non") and "fatally" in words[j + 1:j + 5]:
            return "wounded"   # "four others were hit, none fatally", "shot non-fatally"
        if w in ("struck", "hit") and BULLETS & set(_place_name(words, j + 1) + words[j + 1:j + 3]) or \
                w == "with" and "gunshot" in words[j + 1:j + 5]:
            # "was struck by a stray bullet", "struck by what may have been celebratory gunfire", "found with
            # gunshot wounds"
            return "shot"
        if w in ("treated", "recovering") and {"wounds", "injuries", "released", "wound"} & set(words[j + 1:j + 5]):
            return "wounded"   # "were treated for wounds", "treated and released", "is recovering from a wound"
        if w in CONDITIONS and words[j + 1:j + 2] == ["condition"] and words[j - 1] == "in":
            return "wounded"   # "remained in critical condition", "is in stable condition"
        if w in ("to", "in") and {"hospital", "hospitals"} & set(_place_name(words, j + 1)):
            return _hospital_patient(words, j)
        if strict and w not in RIGHT_CUES and w not in AUXILIARIES and w not in CARRIED:
            return None
        if w == "," and words[j + 1:j + 2] == ["none"] and "fatally" in words[j + 2:j + 6]:
            return "wounded"
        if w in (",", "—", "–", "(") and not skipped_clause:   # an aside: "Four teens, the youngest 12, were shot"
            closer = {"(": ")"}.get(w, w)
            close = next((k for k in range(j + 1, min(len(words), j + 14)) if words[k] == closer), None)
            if close is None:
                return None
            j, limit, skipped_clause = close + 1, close + 9, True
            while j < len(words) and (words[j] in ("and", ",") or number_value(words, j) is not None):
                j += 1                             # the rest of a list of ages: ", 19, 22 and 30,"
            limit = j + 8
            continue
        if w in RIGHT_CUES:
            if _acts_on_someone(words, i, j):
                return None   # "Terry Doe, 54, shot and killed a deer": the group did it, it did not happen to them
            if w == "shot" and words[j + 1:j + 2] == ["at"] and words[j + 2:j + 3] and words[j + 2] in FIRED_AT:
                return None   # "the two men shot at them", "were shot at by officers": fired on, not hit
            if words[j + 1:j + 2] == ["or"] and RIGHT_CUES.get(words[j + 2] if j + 2 < len(words) else "") not in (
                    None, RIGHT_CUES[w]):
                return "casualties"   # "killed or wounded", "wounded or killed": dead and hurt together
            return _shot_or(words, j, RIGHT_CUES[w])
        if w == "among" and j + 2 < len(words) and words[j + 1] == "the":
            return {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded"}.get(words[j + 2])
        if w in ("lost", "losing") and words[j + 1:j + 3] == ["their", "lives"]:
            return "killed"
        if w in ("did", "does") and words[j + 1:j + 3] in (["not", "survive"], ["n't", "survive"]):
            return "killed"
        if w in ("passed", "passes") and words[j + 1:j + 2] == ["away"]:
            return "killed"
        if w in (".", ";", ":", "(", "and", "but", "or", "to", "while", "when", "before", "after", "because",
                 "until", "that", "which") or w == '"' or w in SUBJECT_PRONOUNS:
            return None   # "accused in a shooting that killed ...", "his sisters on the night he was killed": not them
        if read_quantity(words, j) is not None and words[j] not in ("some", "about", "over", "around", "under") \
                and not is_age(words, j) and words[j - 1] not in NUMBERED:
            return None
        j += 1
    return None


# who is fired at in "shot at them" (a place after "shot at" is where someone was hit: "shot at a party")
FIRED_AT = {"them", "him", "her", "us", "me", "police", "officers", "deputies", "each", "by"}


def _place_name(words: list[str], j: int) -> list[str]:
    """The few words after "to"/"in"/"by", up to a clause break: "a hospital", "Baylor Scott & White Hospital
    in Temple", "what may have been celebratory gunfire"."""
    name = words[j:j + 8]
    stop = next((k for k, w in enumerate(name) if w in (".", ",", ";", "and", "with", "where", "for")), len(name))
    return name[:stop]


def _hospital_patient(words: list[str], j: int) -> str:
    """ "were taken to area hospitals": hurt, and alive unless the text says they died ("shot"); alive for
    sure when still there ("remains in the hospital") or said to be ("with non-life-threatening injuries")."""
    clause = words[j + 1:j + 14]
    clause = clause[:next((k for k, w in enumerate(clause) if w in (".", ";")), len(clause))]
    if words[j - 1] in STILL or SURVIVING & set(clause):
        return "wounded"
    return "shot"


def _acts_on_someone(words: list[str], i: int, j: int) -> bool:
    """Active voice: no auxiliary between the group (ending at i) and the verb at j, and an object after
    it ("shot and killed his wife", "wounded two officers")."""
    while j + 1 < len(words) and words[j] in ("fatally", "accidentally", "allegedly", "reportedly", "then"):
        j += 1                                  # "fatally shot her husband"
    if words[j] not in DOING_VERBS or any(words[k] in AUXILIARIES for k in range(i, j)):
        return False
    k = j + 1
    if words[k:k + 1] == ["and"] and words[k + 1:k + 2] and words[k + 1] in RIGHT_CUES:
        k += 2                                  # "shot and killed ..."
    elif words[k:k + 1] == ["dead"]:
        k += 1                                  # "shot dead three teachers"
    # a headline's bare noun is an object too: "Mother shot and wounded son"
    return words[k:k + 1] != [] and (words[k] in OBJECT_STARTERS or words[k] in NOUN_GROUP
                                     or read_quantity(words, k) is not None)


def _shot_or(words: list[str], j: int, figure: str) -> str:
    """ "shot dead", "shot and killed", "fatally shot" are deaths; "shot and wounded" a wound."""
    if figure == "shot":
        after = " ".join(words[j + 1:j + 4])
        clause = words[j + 1:j + 14]
        clause = clause[:next((k for k, w in enumerate(clause) if w in (".", ",", ";", "but", "while")), len(clause))]
        headline = " ".join(words[j + 1:j + 10])   # "girl shot in the head, killed"
        joined = clause[clause.index("and"):] if "and" in clause else []
        death = next((k for k, w in enumerate(joined) if w in ("pronounced", "died", "killed")), None)
        if re.match(r"(dead|to death|and killed|and fatally|fatally|, killed)\b", after) or words[j - 1] == "fatally" \
                or re.search(r"^[^.;,]*, (killed|dies|dead)(?: [^,]*)?$", headline) \
                or death is not None and not UNREAL & set(joined) and not _new_subject(joined[1:death]):
            # "shot in the neck and pronounced dead": the same person, one clause
            return "killed"
        if re.match(r"(and wounded|and injured|and hurt)\b", after):
            return "wounded"
        if words[j] in ("suffering", "suffered", "suffer", "suffers", "sustained"):
            following = words[j + 1:j + 6]
            if {"fatal", "deadly", "mortal"} & set(following) and "non" not in following:
                return "killed"
            return "shot" if "gunshot" in following and "non" not in following else "wounded"   # "non-fatal": lived
    return figure


def _new_subject(words: list[str]) -> bool:
    """ "(four men were shot) and one was killed", "and a woman died": other people, a count of their own."""
    return any(w in NOUN_GROUP or w in ("another", "one") or number_value(words, k) is not None
               for k, w in enumerate(words))


def cue_before(words: list[str], i: int) -> str | None:
    """The casualty verb or noun right before a group: "killing", "left", "the death of", "toll rose to"."""
    k = i - 1
    if k > 0 and words[k] in ("'s", "’s"):   # "killed his ex-girlfriend's two daughters": back over the owner
        owner = next((j for j in range(k - 1, max(-1, k - 6), -1) if words[j] in DETERMINERS | {"the"}), None)
        k = owner if owner is not None else k
    while k >= 0 and words[k] in ("had", "have", "has", "reportedly", "also", "allegedly", "the", "at", "least", "his",
                                  "her", "their", "its"):
        if words[k] == "at" and words[k + 1:k + 2] != ["least"]:
            break   # "put the toll at 15" is read below; "shooting at five people" is shots aimed, not a casualty
        k -= 1
    if k < 0:
        return None
    w = words[k]
    if w == "shot" and k > 0 and words[k - 1] in SHOT_AS_NOUN:
        return None   # "a single shot 223 was fired": the noun, not the verb
    if w in LEFT_CUES and k > 0 and (words[k - 1] in NEGATIONS or words[k - 1] == "to" and words[k - 2:k - 1] and
                                     words[k - 2] in NEGATIONS):
        return None   # "he did not kill his brother", "never shot anyone", "did not try to kill"
    if w in LEFT_CUES and (k == 0 or words[k - 1] != "to"):
        fatal = w in ("shot", "shoots", "shooting", "wounding", "wounded", "injuring") and k > 0 and \
            words[k - 1] == "fatally"
        if k >= 2 and words[k - 1] == "or" and LEFT_CUES.get(words[k - 2]) not in (None, LEFT_CUES[w]):
            return "casualties"   # "killing or wounding 12 people": dead and hurt together
        if LEFT_CUES[w] == "shot" and not fatal and KIN & set(words[k + 1:i]):
            return None   # "shot his two sisters": their fate is told elsewhere (a family shot is often killed)
        return "killed" if fatal else LEFT_CUES[w]
    if w == "dead" and k > 0 and words[k - 1] == "shot":
        return "killed"   # "gunmen shot dead three teachers"
    if w == "left" and (k == 0 or words[k - 1] != "to"):
        return "left"
    if w in ("struck", "striking", "hit", "hitting") and (BULLETS | {"fired", "opened"}) & set(words[max(0, k - 10):k]):
        return "shot"   # "fired into the house, striking a mother and her son", "gunfire struck two men"
    if w == "pronounced":
        return "killed"   # "the coroner pronounced 18-year-old Jane Doe dead"
    if w == "of" and k >= 1 and words[k - 1] in DEATH_NOUNS:
        fatal = k >= 2 and words[k - 2] in ("fatal", "deadly")   # "the fatal shooting of a man"
        return "killed" if fatal else DEATH_NOUNS[words[k - 1]]
    if w in ("to", "at", "of", "reached", "hit", "stands", "stood", "is", "was") and \
            any(x in TOLL_WORDS for x in words[max(0, k - 8):k]):
        before = words[max(0, k - 8):k]
        return "wounded" if "injury" in before or "injured" in before else "killed"
    if w in ("seeing", "saw", "found", "recovered", "retrieved", "counted"):
        return None   # "seeing 12 bodies": the noun "bodies" carries the figure
    return None
