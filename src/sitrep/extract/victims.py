"""The casualty figure each counted group of people in a sentence takes.

`people_groups` finds who a sentence counts ("13 people", "a militant", "his wife", "17-year-old
John Doe"); this module reads the casualty word on either side of each group ("were killed",
"killing", "left ... dead", "the death of", "death toll rose to") and settles the sentence: who was
*not* hurt ("none of the other six", "no one was injured"), shot and later dead, the shooter's own
death. Rules over spaCy tokens and entities (the pipeline has no parser or tagger, by design: see
nlp.py), because the constructions are few and closed-class; a learned model would need labelled
casualty data we do not have. Every rule is about English news phrasing in general, not one article.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities, span_text
from sitrep.extract.numbers import is_age, number_value, read_quantity
from sitrep.extract.people_groups import (AUXILIARIES, BREAK, DETERMINERS, FIGURE_NOUNS, LEFT_CUES, MILITARY_WORDS,
                                          NOUN_GROUP, NUMBERED, PERSON_GROUPS, RIGHT_CUES, Victims, coordinate,
                                          counted_groups, merge_totals)

DEATH_NOUNS = {"death": "killed", "deaths": "killed", "bodies": "killed", "body": "killed", "killing": "killed",
               "killings": "killed", "lives": "killed", "life": "killed", "wounding": "wounded", "shooting": "shot",
               "shootings": "shot",
               "arrest": "arrested", "arrests": "arrested", "detention": "arrested"}
TOLL_WORDS = {"toll"}
SUBSET_OPENERS = {"including", "included", "include", "includes", "among"}
NEGATIONS = {"not", "n't", "never", "neither", "nor"}
RELATIVES = {"which", "who", "whom", "whose", "where"}
DOING_VERBS = {"shot", "killed", "wounded", "injured", "stabbed", "murdered"}   # not "suffered a wound"
OBJECT_STARTERS = {"a", "an", "the", "his", "her", "their", "him", "them", "another", "two", "three", "four", "five",
                   "six", "several", "multiple"}
UNREAL = NEGATIONS | {"could", "would", "might", "nearly", "almost"}   # "could have died", "nearly died"
LATER_DEATH = [tuple(p.split()) for p in ("died", "dies", "succumbed", "pronounced dead", "passed away",
                                          "did not survive", "killing him", "killing her", "killing them")]
STILL = {"is", "are", "remains", "remain", "remained", "stays", "still"}
SURVIVING = {"non", "minor", "released", "survive", "recover", "stable", "stabilized"}
CARRIED = {"taken", "rushed", "transported", "airlifted", "flown", "driven"}   # "... to a hospital"
CONDITIONS = {"critical", "serious", "stable", "grave", "fair", "guarded"}   # a patient's, told by a hospital
KIN = {"his", "her", "their", "its", "'s", "’s"}   # possessives before a group: someone's family
SUBJECT_PRONOUNS = {"he", "she", "they", "we", "i"}   # a clause of its own: the casualty word is about them
BULLETS = {"bullet", "bullets", "gunfire", "round", "rounds", "pellets", "shotgun", "gunshot", "shots"}


_KILLS_ONESELF = (r"(?:turn(?:ed|ing|s)? (?:the )?(?:gun|weapon|rifle|pistol) on|kill(?:ed|ing|s)?|shoot(?:ing|s)?|shot) "
                  r"(?:himself|herself|self)|(?:took|taking) (?:his|her) own life|commit(?:s|ted|ting)? suicide")
# right after the dead are counted (", himself", "and then himself", a headline's "kills son, self"), or told
# later with a connective ("... before turning the gun on himself", "..., then took her own life")
# or killed by police right after: "... before he was fatally shot", "..., before being shot dead by officers"
_KILLED_IN_TURN = (r"before (?:being|(?:he|she) (?:was|is|'s)|the (?:gunman|shooter|suspect|attacker) (?:was|is)) "
                   r"(?:fatally shot|shot dead|shot and killed|killed)")
SELF_KILL = re.compile(rf"^(?:, )?(?:and )?(?:then )?(?:himself|herself|self)\b"
                       rf"|(?:\b(?:then|before|after|later|and)|,) (?:\w+ ){{0,2}}?(?:{_KILLS_ONESELF})\b"
                       rf"|\b{_KILLED_IN_TURN}\b")
SHOOTERS = {"shooter", "killer", "perpetrator", "gunwoman"}   # besides the person nouns of people_groups
INCLUDES_SHOOTER = re.compile(r"\bincluding (?:the )?(?:gunman|shooter|suspect|attacker|perpetrator|killer)\b|"
                              r"\b(?:gunman|shooter|suspect|attacker|killer) (?:was |is )?among\b")


def with_the_shooter(words: list[str], victims: list[Victims], persons: set[int]) -> list[Victims]:
    """ "killed his wife and two children before turning the gun on himself", "kills woman, her son,
    himself": the killer is dead too, so the sentence's death toll is those counted plus one. Not when
    the dead are the sentence's subject and nobody else is named before the shot: "a boy died after
    accidentally shooting himself" is one death."""
    killed = [v for v in victims if v.figure == "killed"]
    if not killed:
        return victims
    last = max(killed, key=lambda v: v.end)
    after = " ".join(words[last.end:])
    found = SELF_KILL.search(after)
    if not found or INCLUDES_SHOOTER.search(" ".join(words)):
        return victims
    between = range(last.end, last.end + len(after[:found.end()].split()))   # "..., father commits suicide"

    def someone_else(k: int) -> bool:
        # "his father's gun" and "deputies say" name others, but not someone who fired
        following = words[k + 1] if k + 1 < len(words) else ""
        return (words[k] in NOUN_GROUP or words[k] in SHOOTERS or k in persons) and \
            following not in ("'s", "\u2019s", "say", "says", "said", "told")
    if found.start() > 0 and _cue_before(words, last.start) is None and not any(someone_else(k) for k in between):
        return victims   # the one who died shot himself
    total = next((v for v in killed if v.group == "total" and v.subset is None), None)
    count = total.value if total else sum(v.value for v in killed if v.subset is None)
    added = replace(total or killed[0], value=count + 1, group="total", subset=None, qualifier="exact")
    return [v for v in victims if v is not total] + [added]


def opens_subset(words: list[str]) -> bool:
    """ "including six children", "among them": the words go on counting the group before."""
    return bool(SUBSET_OPENERS & set(words[:6]))


def sentence_victims(words: list[str], sent: Span, kb: KnowledgeBase, previous: list[Victims]) -> list[Victims]:
    """The counted groups of `sent` with their figures; `previous` is the sentence before's, for
    "They included six children"."""
    armed = {i - sent.start for e in entities(sent) for i in range(e.start, e.end)
             if (entry := kb.resolve(e.ent_id_ or span_text(e))) is not None and entry.kind == "armed_group"}
    named = {i - sent.start for e in entities(sent) if e.label_ in ("ORG", "NORP", "GPE", "PERSON", "LOC")
             for i in range(e.start, e.end)}
    persons = {i - sent.start for e in entities(sent) if e.label_ == "PERSON" for i in range(e.start, e.end)}
    phrases = counted_groups(words, armed, named, persons, _told_dead)
    out: list[Victims] = _nobody(words, named)
    lists = coordinate(words, phrases)
    kept = -1   # the last list that gave a figure: "including ..." continues only that one
    for n, members in enumerate(lists):
        start, end = members[0].start, members[-1].end
        parent = out[-1] if out and kept == n - 1 and opens_subset(words[max(0, start - 4):start]) else None
        inherited = previous and not parent and opens_subset(words[:start])
        figure = _figure_of(words, members)
        if figure is None and parent:
            figure = parent.figure
        if figure is None and inherited:
            figure = _inherited_figure(words, previous)
        if figure is None and out and words[max(0, start - 2):start] == ["along", "with"] and (
                out[-1].figure in ("shot", "wounded") or words[start - 3] == "killed"):
            # "John Doe was shot along with a boy and a man": three shot; not "found dead, along with two victims"
            figure = out[-1].figure
        if figure is None or _negated(words, start, end) or \
                figure not in ("killed", "wounded", "shot") and all(m.named for m in members):
            continue
        next_start = lists[n + 1][0].start if n + 1 < len(lists) else len(words)
        if figure in ("shot", "wounded") and _cue_before(words, start) is None and _dies_later(words, end, next_start):
            figure = "killed"   # "a boy who was shot Friday has died": one death, not a wound and a death
        if parent or inherited:   # "including three people" says nothing the parent did not
            people = sum(m.value for m in members if m.group in PERSON_GROUPS)
            if parent and figure == "killed" and parent.figure in ("shot", "wounded") and 0 < people < parent.value:
                # "three people were injured, including a girl who died": two wounded, one killed
                parent.value -= people
                out.append(Victims(people, "exact", "total", start, end, figure="killed"))
            members = [m for m in members if m.group != "total"]
        kept = n
        for v in merge_totals(words, members, subset=bool(parent or inherited)):
            v.figure = figure
            if all(m.named for m in members):
                v.subset = "named"   # named people: who died, not a toll; reconcile counts them by name
            if len(members) == 1 and not (parent or inherited):
                kin = DETERMINERS & set(words[max(0, v.start - 1):v.start + 1])   # "his two brothers": kin, not a toll
                if v.group in ("women", "children") or v.group == "men" and not kin:
                    # "two children were killed": two people, two children
                    out.append(replace(v, group="total"))
                elif v.countable_single:
                    v.group = "total"
            out.append(v)
    if any(v.with_pronoun for v in out):   # "a 12-year-old ... after he and three others were shot": one of them
        first = min(v.start for v in out if v.with_pronoun)
        out = [v for v in out if not (v.value == 1 and v.countable_single and v.start < first
                                      and v.figure != "killed")]   # "a man died after he and two others were shot"
    out = _multiple_victims(words, out)
    _split_fatal(words, out)
    _add_subsets(words, out)
    return with_the_shooter(words, _add_more(words, out), persons)


MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_EVENTS = {"shooting": "shot", "homicide": "killed", "murder": "killed", "slaying": "killed"}


def _multiple_victims(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "a double shooting", "a triple homicide": that many people shot or killed, when the sentence counts
    no group as large."""
    for k in range(len(words) - 1):
        n, figure = MULTIPLE.get(words[k]), MULTIPLE_EVENTS.get(words[k + 1])
        if n and figure and not any(v.group == "total" and v.value >= n for v in victims):
            return [*victims, Victims(n, "exact", "total", k, k + 2, figure=figure)]
    return victims


def _add_more(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "A boy was wounded in a shooting that also injured a woman", "killing two people, and ...
    killing another person": people told as more than those counted before in the sentence, with the
    same figure, add to them. Only totals add: groups ("a woman") keep their own count."""
    out: list[Victims] = []
    for v in victims:
        also = "also" in words[max(0, v.start - 3):v.start] or "also" in _up_to_cue(words, v.end)
        told_more = also or v.rest or words[max(0, v.start - 2):v.start] == ["along", "with"]
        # "killing two people ... killing another": both objects; not "a girl shot, killed another teen"
        another = words[v.start] == "another" and not told_more
        more = told_more or another
        # the group counted just before ("three men were killed and two others wounded": others than the dead)
        last = max((u.end for u in out if u.end <= v.start), default=None)
        before = next((u for u in out if u.end == last and u.group == "total" and u.subset in (None, "named")
                       and _same_fate(u.figure, v.figure) and not (another and _cue_before(words, u.start) is None)),
                      None) if more and v.group == "total" and v.subset in (None, "named") else None
        if before is None:
            # "A man was also shot": someone besides those counted before, not one of the document's dead
            out.append(replace(v, rest=True) if also and v.figure in ("shot", "wounded") else v)
            continue
        out.remove(before)
        figure = "shot" if "shot" in (before.figure, v.figure) else v.figure   # the dead among them: told apart later
        out.append(replace(v, value=before.value + v.value, start=before.start, rest=False, figure=figure, subset=None,
                           qualifier=before.qualifier if v.qualifier == "exact" else v.qualifier))
    return out


def _up_to_cue(words: list[str], i: int) -> list[str]:
    """The words from i to the next casualty word, asides included: ", identified as John Doe, was also"."""
    end = next((k for k in range(i, min(len(words), i + 16)) if words[k] in RIGHT_CUES or words[k] in (".", ";")), i)
    return words[i:end]


def _same_fate(first: str | None, second: str | None) -> bool:
    """Two figures that count the same kind of casualty: shot people are wounded unless they died."""
    return first == second or {first, second} == {"shot", "wounded"}


def _nobody(words: list[str], named: set[int]) -> list[Victims]:
    """ "There were no U.S. casualties", "no one was hurt": a figure of zero."""
    out = []
    for i, w in enumerate(words):
        if w in ("no", "nobody") and words[i + 1:i + 2] != ["longer"]:
            for j in range(i + 1, min(len(words), i + 5)):
                figure = {"casualties": "casualties", "deaths": "killed", "fatalities": "killed",
                          "injuries": "wounded"}.get(words[j])
                if w == "nobody" or (words[j] == "one" and j == i + 1):
                    figure = _cue_after(words, j + 1, strict=True)
                if figure in ("casualties", "killed", "wounded"):
                    if {"else", "other", "further", "additional"} & set(words[i + 1:j + 2]):
                        break   # "no one else was hurt": none beyond those counted, not none at all
                    between = range(i + 1, j)
                    group = ("security_forces" if any(k in named or words[k] in MILITARY_WORDS for k in between)
                             else "civilians" if any(words[k] == "civilian" for k in between) else "total")
                    out.append(Victims(0, "exact", group, i, j + 1, figure=figure))
                    break
                if words[j] in BREAK or words[j] in (".", ","):
                    break
    return out


def _negated(words: list[str], start: int, end: int) -> bool:
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


def _dies_later(words: list[str], end: int, stop: int) -> bool:
    """The same people's death told later in their clause: "a boy who was shot Friday has died",
    "were taken to a hospital, where they died". `stop`: where the next counted group begins."""
    for k in range(end, min(stop, len(words))):
        if words[k] in (".", ";"):
            return False
        if any(tuple(words[k:k + len(p)]) == p for p in LATER_DEATH) and not UNREAL & set(words[k - 3:k]):
            return True
    return False




def _told_dead(words: list[str], end: int) -> bool:
    """ "one of the three victims later died", "one of the two men, a 30-year-old, was killed": the
    people whose words end at `end` die, later in the sentence or after an aside."""
    after = words[end] if end < len(words) else "."
    return _dies_later(words, end + 1, len(words)) or after not in RIGHT_CUES and _cue_after(words, end) == "killed"


def _figure_of(words: list[str], members: list[Victims]) -> str | None:
    """The figure from the casualty word after or before the group ("N bodies" sets its own)."""
    first, last = members[0], members[-1]
    head = words[last.end - 1]
    if head in FIGURE_NOUNS and len(members) == 1:
        figure, qualifier = FIGURE_NOUNS[head]
        if qualifier != "exact" and first.qualifier == "exact":
            first.qualifier = qualifier
        return figure
    figure = _cue_after(words, last.end, strict=last.bare)
    before = _cue_before(words, first.start)
    if before == "left":
        return figure if figure in ("killed", "wounded") else None
    # "40 wounded people", "three injured soldiers": the casualty word is an adjective inside the group
    inside = next((RIGHT_CUES[w] for w in words[first.start:last.end] if RIGHT_CUES.get(w) in ("killed", "wounded")),
                  None)
    if figure == "shot" and before in ("killed", "wounded"):
        return before   # "injuring nine people before he was shot": the verb before governs
    if not (figure or before or inside) and "gunshot" in words[first.start:last.end]:
        return "shot"   # "two other gunshot victims were treated and released"
    return figure or before or inside


def _cue_after(words: list[str], i: int, strict: bool = False) -> str | None:
    """The casualty word in the few words after a group: "were killed", "had been wounded".
    `strict` (a bare number, "two died"): only auxiliaries may come between."""
    j, limit, skipped_clause = i, i + 8, False
    while j < len(words) and j < limit:
        w = words[j]
        if w in ("struck", "hit") and BULLETS & set(words[j + 1:j + 5]) or \
                w == "with" and "gunshot" in words[j + 1:j + 5]:
            return "shot"   # "was struck by a stray bullet", "found with gunshot wounds"
        if w in ("treated", "recovering") and {"wounds", "injuries", "released", "wound"} & set(words[j + 1:j + 5]):
            return "wounded"   # "were treated for wounds", "treated and released", "is recovering from a wound"
        if w in CONDITIONS and words[j + 1:j + 2] == ["condition"] and words[j - 1] == "in":
            return "wounded"   # "remained in critical condition", "is in stable condition"
        if w in ("to", "in") and {"hospital", "hospitals"} & set(words[j + 1:j + 4]):
            return _hospital_patient(words, j)
        if strict and w not in RIGHT_CUES and w not in AUXILIARIES and w not in CARRIED:
            return None
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


def _cue_before(words: list[str], i: int) -> str | None:
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
    if w in LEFT_CUES and (k == 0 or words[k - 1] != "to"):
        fatal = w in ("shot", "shooting", "wounding", "wounded", "injuring") and k > 0 and words[k - 1] == "fatally"
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


def _inherited_figure(words: list[str], previous: list[Victims]) -> str | None:
    """ "They included six children and four women": the figure of the group just counted."""
    for w, figure in (("dead", "killed"), ("killed", "killed"), ("wounded", "wounded"), ("injured", "wounded")):
        if w in words[:8]:
            return figure
    parent = next((p for p in previous if p.group == "total"), previous[0])
    return parent.figure


def _split_fatal(words: list[str], victims: list[Victims]) -> None:
    """ "Four people were shot, one fatally" / "two of whom died": killed 2 and the rest wounded; so with
    "four victims wounded, two of them already dead"."""
    def of_them(v: Victims) -> bool:
        return words[v.start + 1:v.start + 3] in (["of", "them"], ["of", "whom"])

    for s in [v for v in victims if v.figure in ("shot", "wounded")]:
        fatal = [v for v in victims if v.figure == "killed" and v.start > s.start
                 and (v.bare or of_them(v) or "fatally" in words[v.end:v.end + 4])
                 and (s.figure == "shot" or of_them(v))]
        if fatal:
            s.value -= sum(f.value for f in fatal)
            s.figure = "wounded"
            if s.value <= 0:
                victims.remove(s)


def _add_subsets(words: list[str], victims: list[Victims]) -> None:
    """ "killed four leaders of IS": militants, and the named subset "leaders"."""
    for v in victims:
        if v.group == "militants" and words[v.end - 1] in ("leaders", "commanders", "leader", "commander"):
            v.subset = "leaders"
