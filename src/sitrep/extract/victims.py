"""The casualty figure each counted group of people in a sentence takes.

`people_groups` finds who a sentence counts ("13 people", "a militant", "his wife", "17-year-old
John Doe"), `casualty_cues` reads the casualty word on either side of each group ("were killed",
"killing", "left ... dead", "the death of", "death toll rose to"); this module settles the sentence:
who was *not* hurt ("none of the other six", "no one was injured"), shot and later dead, people told
one by one or as more ("another man was also shot"), the shooter's own death. Rules over spaCy tokens
and entities (the pipeline has no parser or tagger, by design: see nlp.py), because the constructions
are few and closed-class; a learned model would need labelled casualty data we do not have. Every
rule is about English news phrasing in general, not one article.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from sitrep.extract.casualty_cues import cue_after, cue_before, dies_later, figure_of, negated, told_dead
from sitrep.extract.english_casualty_words import (BREAK, DETERMINERS, LEFT_CUES, MILITARY_WORDS, NOUN_GROUP,
                                                   PERSON_GROUPS, RIGHT_CUES, SUBSET_OPENERS)
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities, span_text
from sitrep.extract.group_lists import coordinate, merge_totals
from sitrep.extract.people_groups import Victims, counted_groups


_KILLS_ONESELF = (r"(?:turn(?:ed|ing|s)? (?:the )?(?:gun|weapon|rifle|pistol) on|kill(?:ed|ing|s)?|shoot(?:ing|s)?|shot) "
                  r"(?:himself|herself|self)|(?:took|taking) (?:his|her) own life|commit(?:s|ted|ting)? suicide")
# right after the dead are counted (", himself", "and then himself", a headline's "kills son, self"), or told
# later with a connective ("... before turning the gun on himself", "..., then took her own life")
# or killed by police right after: "... before he was fatally shot", "..., before being shot dead by officers"
_KILLED_IN_TURN = (r"before (?:being|(?:he|she) (?:was|is|'s)|the (?:gunman|shooter|suspect|attacker) (?:was|is)) "
                   r"(?:fatally shot|shot dead|shot and killed|killed)")
SELF_KILL = re.compile(rf"^(?:, )?(?:and )?(?:then )?(?:himself|herself|self)\b(?! -)"
                       rf"|(?:\b(?:then|before|after|later|and)|,) (?:\w+ ){{0,2}}?(?:{_KILLS_ONESELF})\b"
                       rf"|\b{_KILLED_IN_TURN}\b")
ATTEMPT = re.compile(r"\b(?:tried|tries|trying|attempt\w*)\b")
SHOOTERS = {"shooter", "killer", "perpetrator", "gunwoman"}   # besides the person nouns of people_groups
CLAUSE_LINKS = {"where", "after", "before", "when", "while", "since", "because", "than", "who", "which", "that",
                "earlier", "later", "meanwhile", "separately"}   # words that start a clause about another time or place
KILLED_HIMSELF = re.compile(r"(?:, )?(?:who|and) (?:\w+ ){0,2}?(?:(?:shot and killed|killed|shot) (?:himself|herself)|"
                            r"(?:took|taking) (?:his|her) own life|turn(?:ed|ing) the gun on (?:himself|herself))")
SHOOTER_NOUNS = {"suspect", "suspects", "gunman", "gunmen", "attacker", "attackers", "assailant", "assailants"}
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
    if not found or INCLUDES_SHOOTER.search(" ".join(words)) or ATTEMPT.search(found.group()):
        return victims   # "..., then tried to kill herself": alive
    between = range(last.end, last.end + len(after[:found.end()].split()))   # "..., father commits suicide"

    def someone_else(k: int) -> bool:
        # "his father's gun" and "deputies say" name others, but not someone who fired
        following = words[k + 1] if k + 1 < len(words) else ""
        # "a boy is dead after the child ... shot himself": "the" and the same kind of person is the dead again
        again = words[k - 1] == "the" and NOUN_GROUP.get(words[k]) in {v.group for v in killed}
        return (words[k] in NOUN_GROUP and not again or words[k] in SHOOTERS or k in persons) and \
            following not in ("'s", "\u2019s", "say", "says", "said", "told")
    if found.start() > 0 and cue_before(words, last.start) is None and not any(someone_else(k) for k in between):
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
    phrases = counted_groups(words, armed, named, persons, told_dead, _leading_capitals(words, sent))
    out: list[Victims] = _nobody(words, named)
    lists = coordinate(words, phrases)
    kept = -1   # the last list that gave a figure: "including ..." continues only that one
    for n, members in enumerate(lists):
        start, end = members[0].start, members[-1].end
        parent = out[-1] if out and kept == n - 1 and opens_subset(words[max(0, start - 4):start]) else None
        inherited = previous and not parent and opens_subset(words[:start])
        figure = figure_of(words, members)
        if figure is None and parent:
            figure = parent.figure
        if figure is None and inherited:
            figure = _inherited_figure(words, previous)
        if figure is None and out and words[max(0, start - 2):start] == ["along", "with"] and (
                out[-1].figure in ("shot", "wounded") or words[start - 3] == "killed"):
            # "John Doe was shot along with a boy and a man": three shot; not "found dead, along with two victims"
            figure = out[-1].figure
        if figure is None or negated(words, start, end) or \
                figure not in ("killed", "wounded", "shot") and all(m.named for m in members):
            continue
        next_start = lists[n + 1][0].start if n + 1 < len(lists) else len(words)
        if figure in ("shot", "wounded") and cue_before(words, start) is None and dies_later(words, end, next_start):
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
    return with_the_shooter(words, _shooters_too(words, _one_by_one(words, _add_more(words, out))), persons)


def _leading_capitals(words: list[str], sent: Span) -> set[int]:
    """The capitalised content words a sentence opens with, up to its first person noun or casualty word: a
    headline's place or school the NER missed ("Weatherford student killed"), never "The" or "Police"."""
    out = set()
    for k, token in enumerate(sent):
        word = words[k]
        if not (token.is_title or token.is_upper) or not token.is_alpha or word in BREAK or word in DETERMINERS \
                or word in ("the", "police") or word in NOUN_GROUP or word in RIGHT_CUES or word in LEFT_CUES:
            break
        out.add(k)
    return out


def _told_as_subject(words: list[str], end: int) -> bool:
    """A passive verb right after the group: "a man was shot", "a girl had been grazed" (not "a man
    accidentally shot a boy", "a man who shot ...")."""
    return words[end:end + 1] in (["was"], ["were"], ["is"], ["are"]) or \
        words[end:end + 2] in (["had", "been"], ["has", "been"], ["have", "been"])


def _shooters_too(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "14 dead, 21 injured in mass shooting; 2 suspects killed", "three killed, gunman dead": the shooters'
    deaths told after their victims' are deaths of the incident too."""
    killed = [v for v in victims if v.figure == "killed" and v.subset in (None, "named")
              and v.group in ("total", "militants")]
    # "..., 30, who then shot and killed himself": the one named last is the shooter
    shooters = [v for v in killed if words[v.end - 1] in SHOOTER_NOUNS
                or v.value == 1 and KILLED_HIMSELF.match(" ".join(words[v.end:v.end + 9]))]
    dead = [v for v in killed if v.group == "total" and v not in shooters]
    if not shooters or not dead or min(s.start for s in shooters) < max(v.end for v in dead) or \
            INCLUDES_SHOOTER.search(" ".join(words)):
        return victims
    first = max(dead, key=lambda v: v.value)
    return [*victims, replace(first, value=first.value + sum(s.value for s in shooters), end=shooters[-1].end,
                              subset=None)]


def _one_by_one(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "A girl was grazed by a bullet, and a man was shot in the leg": people brought in one by one
    ("a", "an", "another"), each with a wound of their own, are together the sentence's wounded."""
    hurt = [v for v in victims if v.group == "total" and v.figure in ("shot", "wounded") and v.subset is None
            and not v.definite and words[v.start] in ("a", "an", "another") and _told_as_subject(words, v.end)]
    # each told in a clause of its own joined by "and" or a comma, not "a block from where a boy had been shot"
    if len(hurt) < 2 or any(a.end > b.start or CLAUSE_LINKS & set(words[a.end:b.start])
                            for a, b in zip(hurt, hurt[1:])):
        return victims
    figure = "shot" if any(v.figure == "shot" for v in hurt) else "wounded"
    return [*victims, Victims(sum(v.value for v in hurt), "exact", "total", hurt[0].start, hurt[-1].end,
                              figure=figure, rest=all(v.rest for v in hurt))]


MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_EVENTS = {"shooting": "shot", "homicide": "killed", "murder": "killed", "slaying": "killed"}


def _multiple_victims(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "a double shooting", "a triple homicide": that many people shot or killed, when the sentence counts
    no group as large."""
    for k in range(len(words) - 1):
        n, figure = MULTIPLE.get(words[k]), MULTIPLE_EVENTS.get(words[k + 1])
        if n and words[k + 1:k + 4] == ["murder", "-", "suicide"]:
            n += 1   # "a double murder-suicide": the two killed and the killer
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
                       and _same_fate(u.figure, v.figure) and not (another and cue_before(words, u.start) is None)),
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
                    figure = cue_after(words, j + 1, strict=True)
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
