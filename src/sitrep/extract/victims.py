"""Counted groups of people in one sentence and the casualty figure each takes.

Rules over spaCy tokens and entities (the pipeline has no parser or tagger, by design: see nlp.py),
because the constructions are few and closed-class: a counted group of people ("13 people",
"seven American soldiers", "a militant", "his wife") next to a casualty word on either side
("were killed", "killing", "left ... dead", "the death of", "death toll rose to"). A learned model
would need labelled casualty data we do not have; every rule below is about English news
phrasing in general, not about one article. Local crime reports also count people without a number:
a headline's bare noun ("Man shot in leg"), an age ("17-year-old John Doe", "Jane Doe, 31,"), and
say who was *not* hurt ("none of the other six", "were not injured"), which gives no figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities, span_text
from sitrep.extract.numbers import is_age, number_value, read_quantity

PERSON_NOUNS = {
    "total": "people persons person individuals individual victims victim others adults adult residents resident "
             "passengers passenger worshippers pilgrims protesters protester demonstrators students student "
             "workers worker journalists journalist employees staff patients relatives suspects suspect sons daughters "
             "villagers migrants refugees shoppers bystanders bystander pedestrians pedestrian men man females males "
             "son daughter cousin friend neighbor neighbour cousins friends neighbors siblings driver drivers "
             "motorist motorists passerby passersby customer customers clerk clerks cashier homeowner homeowners "
             "occupant occupants male female",
    "children": "children child kids kid boys boy girls girl babies baby infants infant toddlers toddler "
                "minors minor teens teen teenagers teenager juveniles juvenile schoolchildren",
    "women": "women woman wife mother sister grandmother aunt niece fiancee girlfriend daughter-in-law wives mothers "
             "sisters girlfriends",
    "men_kin": "husband father brother grandfather uncle nephew fiance boyfriend husbands fathers brothers boyfriends",
    "militants": "militants militant fighters fighter insurgents insurgent rebels rebel terrorists terrorist "
                 "jihadists jihadist gunmen gunman attackers attacker assailants assailant bombers extremists "
                 "combatants combatant",
    "armed_members": "members member leaders leader commanders commander operatives operative",
    "security_forces": "soldiers soldier troops servicemen serviceman personnel policemen policeman policewomen "
                       "officers officer guards guard marines gendarmes conscripts deputies deputy constables "
                       "constable troopers trooper",
    "civilians": "civilians civilian noncombatants",
}
NOUN_GROUP = {w: g for g, words in PERSON_NOUNS.items() for w in words.split()}
PLURAL_NOUNS = {"men", "women", "children", "people", "police", "staff", "personnel", "teens", "kids", "youths"}
SECURITY_BIGRAMS = {("security", "forces"), ("police", "officers"), ("prison", "workers"), ("prison", "guards"),
                    ("prison", "staff"), ("service", "members"), ("security", "personnel"), ("border", "guards")}
FIGURE_NOUNS = {"deaths": ("killed", "exact"), "fatalities": ("killed", "exact"), "dead": ("killed", "exact"),
                "bodies": ("killed", "at_least"), "corpses": ("killed", "at_least"),
                "casualties": ("casualties", "exact"), "injuries": ("wounded", "exact")}
RIGHT_CUES = {"killed": "killed", "dead": "killed", "died": "killed", "die": "killed", "dies": "killed",
              "perished": "killed", "slain": "killed", "murdered": "killed", "massacred": "killed",
              "executed": "killed", "fatally": "killed", "beheaded": "killed", "dying": "killed",
              "wounded": "wounded", "injured": "wounded", "hurt": "wounded", "hospitalized": "wounded",
              "hospitalised": "wounded", "shot": "shot", "deceased": "killed",
              "suffering": "shot", "suffered": "shot", "suffer": "shot", "suffers": "shot", "sustained": "shot",
              "grazed": "wounded", "succumbed": "killed",
              "arrested": "arrested", "detained": "arrested", "captured": "arrested", "apprehended": "arrested",
              "missing": "missing"}
LEFT_CUES = {"killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed", "murdering": "killed",
             "executing": "killed", "massacring": "killed",
             "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
             "injures": "wounded", "wounds": "wounded", "shot": "shot", "shooting": "shot", "grazed": "wounded",
             "shoots": "shot",
             "grazing": "wounded",
             "arrested": "arrested", "arresting": "arrested", "arrests": "arrested", "detained": "arrested",
             "detaining": "arrested", "captured": "arrested", "capturing": "arrested"}
DEATH_NOUNS = {"death": "killed", "deaths": "killed", "bodies": "killed", "body": "killed", "killing": "killed",
               "killings": "killed", "lives": "killed", "life": "killed", "wounding": "wounded", "shooting": "shot",
               "shootings": "shot",
               "arrest": "arrested", "arrests": "arrested", "detention": "arrested"}
TOLL_WORDS = {"toll"}
SUBSET_OPENERS = {"including", "included", "include", "includes", "among"}
NOT_A_COUNT = {"year", "years", "day", "days", "hour", "hours", "minute", "minutes", "month", "months", "week",
               "weeks", "percent", "%", "a.m.", "p.m.", "am", "pm", "o'clock", "times", "miles", "feet", "km",
               "kilometres", "kilometers", "metres", "meters", "dollars", "rounds", "shots", "calibre", "caliber", "block",
               "blocks", "mph", "degrees", "pounds", "cents", "points", "games", "yards"}
BREAK = {",", ".", ";", ":", "!", "?", "was", "were", "is", "are", "has", "have", "had", "be", "been", "in", "on",
         "at", "from", "with", "by", "after", "before", "during", "for", "to", "that", "who", "which", "and", "or",
         "but", "as", "when", "while", "said", "says", "told", "near", "into", "over", "under", "than", "where", "whose",
         "through", "since", "until", "—", "–", "(", ")"}
AGE_WORDS = {"age", "ages", "aged"}
AUXILIARIES = {"was", "were", "is", "are", "been", "be", "being", "have", "has", "had", "reportedly", "also", "later",
               "of", "them", "those", "allegedly", "all", "else", "subsequently", "eventually", "got", "whom", "who",
               "since", "then", "apparently", "did", "critically", "seriously", "badly", "gravely", "mortally",
               "severely", "accidentally", "pronounced", "found", "both"}
BARE_FOLLOWERS = {",", ".", ";", ":", "and", "in", "on", "at", "during", "when", "after", "while", "including",
                  "more", "overnight", "inside", "near", "as", "-", "who", "whom", "before", "by", "with", "outside",
                  "across", "around"}
MONTHS = set("january february march april may june july august september october november december jan jan. feb "
             "feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split())
DETERMINERS = {"a", "an", "another", "his", "her", "their", "its"}
PRESENT_CUES = {"shoots", "kills", "wounds", "injures"}   # headline verbs: "Father shoots son"
NEGATIONS = {"not", "n't", "never", "neither", "nor"}
RELATIVES = {"which", "who", "whom", "whose", "where"}
DOING_VERBS = {"shot", "killed", "wounded", "injured", "stabbed", "murdered"}   # not "suffered a wound"
OBJECT_STARTERS = {"a", "an", "the", "his", "her", "their", "him", "them", "another", "two", "three", "four", "five",
                   "six", "several", "multiple"}
UNREAL = NEGATIONS | {"could", "would", "might", "nearly", "almost"}   # "could have died", "nearly died"
LATER_DEATH = [tuple(p.split()) for p in ("died", "dies", "succumbed", "pronounced dead", "passed away",
                                          "did not survive", "killing him", "killing her", "killing them")]
BULLETS = {"bullet", "bullets", "gunfire", "round", "rounds", "pellets", "shotgun", "gunshot", "shots"}
# nouns a number identifies rather than counts: "Precinct 5 officers", "Route 9", "Apartment 3"
NUMBERED = set("precinct district ward channel route highway interstate unit station engine ladder squad room "
               "apartment apt suite number exit gate pier lot building floor grade level section sector zone "
               "division battalion brigade company local chapter page episode season team".split())
PERSON_GROUPS = {"total", "women", "men", "children"}
MILITARY_WORDS = {"u.s.", "us", "american", "military", "coalition", "israeli", "russian", "ukrainian", "army",
                  "troops", "soldiers", "police", "security", "government", "turkish", "iraqi", "syrian", "nato"}


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


_KILLS_ONESELF = (r"(?:turn(?:ed|ing|s)? (?:the )?(?:gun|weapon|rifle|pistol) on|kill(?:ed|ing|s)?|shoot(?:ing|s)?|shot) "
                  r"(?:himself|herself)|(?:took|taking) (?:his|her) own life")
# right after the dead are counted (", himself", "and then himself"), or told later with a connective
# ("... before turning the gun on himself", "..., then took her own life")
SELF_KILL = re.compile(rf"^(?:, )?(?:and )?(?:then )?(?:himself|herself)\b"
                       rf"|\b(?:then|before|after|later|and) (?:\w+ ){{0,2}}?(?:{_KILLS_ONESELF})\b")
INCLUDES_SHOOTER = re.compile(r"\bincluding (?:the )?(?:gunman|shooter|suspect|attacker|perpetrator|killer)\b|"
                              r"\b(?:gunman|shooter|suspect|attacker|killer) (?:was |is )?among\b")


def with_the_shooter(words: list[str], victims: list[Victims]) -> list[Victims]:
    """ "killed his wife and two children before turning the gun on himself", "kills woman, her son,
    himself": the killer is dead too, so the sentence's death toll is those counted plus one."""
    killed = [v for v in victims if v.figure == "killed"]
    if not killed:
        return victims
    last = max(v.end for v in killed)
    if not SELF_KILL.search(" ".join(words[last:])) or INCLUDES_SHOOTER.search(" ".join(words)):
        return victims
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
    phrases = _counted_groups(words, armed, named, persons)
    out: list[Victims] = _nobody(words, named)
    lists = _coordinate(words, phrases)
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
        for v in _merge_totals(words, members, subset=bool(parent or inherited)):
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
        out = [v for v in out if not (v.value == 1 and v.countable_single and v.start < first)]
    _split_fatal(words, out)
    _add_subsets(words, out)
    return out


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
    could have been killed", "no words to describe a child being hurt": no casualty reported."""
    before = words[max(0, start - 4):start]
    if "of" in before and {"none", "neither"} & set(before) or \
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


def _counted_groups(words: list[str], armed: set[int], named: set[int], persons: set[int]) -> list[Victims]:
    """Every "number + people noun", "a + person noun", "his wife", "N bodies" in the sentence."""
    out: list[Victims] = []
    i = 0
    while i < len(words):
        v = _counted_group_at(words, i, armed, named, persons)
        if v is None:
            i += 1
            continue
        if words[v.end:v.end + 1] == ["in"] and words[v.end + 1:v.end + 2] in (["his"], ["her"], ["their"]):
            decade = next((k for k in range(v.end + 2, min(len(words), v.end + 4))
                           if re.fullmatch(r"\d0s|teens", words[k])), None)
            v.end = v.end if decade is None else decade + 1   # "a woman in her 50s": the age is part of the group
        if words[v.end:v.end + 1] == [","] and words[v.end + 1:v.end + 2] in (["ages"], ["aged"], ["age"]):
            close = next((k for k in range(v.end + 2, min(len(words), v.end + 9)) if words[k] == ","), None)
            v.end = v.end if close is None else close + 1   # "two men, ages 21 and 22, were ..."
        out.append(v)
        i = v.end
    return out


def _counted_group_at(words: list[str], i: int, armed: set[int], named: set[int],
                      persons: set[int]) -> Victims | None:
    w = words[i]
    prev = words[i - 1] if i else ""
    if is_age(words, i) or prev in MONTHS or prev in ("no", "$", "#", "no.") or words[i + 1:i + 2] and \
            words[i + 1] in MONTHS or prev in ("a", "an") and number_value(words, i) or i in named and i - 1 in named \
            or prev in NUMBERED or _listed_age(words, i):
        return None   # an age, a date ("March 3"), money, "a 50", "no one", "Channel 4", "Precinct 5"
    if (age := _age_phrase(words, i)) and prev not in DETERMINERS and (i == 0 or number_value(words, i - 1) is None):
        return _aged_person(words, i, age[0], age[1], armed, named, persons)
    if (v := _named_person(words, i, named, persons)):
        return v
    # "Man shot ...", "St. Louis woman killed ...", "Police officer wounded ..."
    opening = i == 0 or all(k in named or words[k] in MILITARY_WORDS for k in range(i))
    if (opening or prev in PRESENT_CUES or prev == "and" and words[i - 2] in NOUN_GROUP) and \
            (v := _headline_person(words, i, opening)):
        return v   # "Man shot in leg", "Father shoots son", "a man and woman were found"
    if w == "another" and words[i + 1:i + 2] and (words[i + 1] in AUXILIARIES or words[i + 1] in RIGHT_CUES):
        return Victims(1, "exact", "total", i, i + 1, bare=True, rest=True)   # "... and another was injured"
    if (w in DETERMINERS or w == "the" and _age_phrase(words, i + 1)) and read_quantity(words, i) is None:
        head = _head_noun(words, i + 1, armed, named, singular=True)
        if head is None or (words[head[1] - 1] in PLURAL_NOUNS or words[head[1] - 1].endswith("s")) \
                and _age_phrase(words, i + 1) is None:
            return None   # "their fighters": not one person
        group, end, scare = head
        return Victims(1, "exact", "total" if scare else group, i, end,
                       countable_single=group in ("total", "men", "women", "children"))
    q = read_quantity(words, i)
    if q is None or (1900 <= q.value <= 2100 and not q.vague and "," not in words[q.end - 1]):
        return None   # a year: counts this large are written with a comma
    if q.end < len(words) and (words[q.end] in NOT_A_COUNT or (words[q.end] == "-" and q.end + 1 < len(words)
                                                                  and words[q.end + 1] in NOT_A_COUNT)):
        return None
    value, start = q.value, q.start
    head = _head_noun(words, q.end, armed, named, singular=q.value == 1)
    of = q.start - 1 if prev == "of" else q.start - 2 if words[max(0, q.start - 2):q.start] == ["of", "the"] else None
    if head is not None and of is not None and of > 0:   # "one of the three victims died", "which of the two men"
        part = number_value(words, of - 1)
        after = words[head[1]] if head[1] < len(words) else "."
        # "one of the three victims died": the part; "one of the two men who died", "... two men killed": the whole
        if part is not None and part[0] < q.value and after not in ("who", "that", "which") and (
                after in ("died", "dies", "succumbed") or _dies_later(words, head[1] + 1, len(words))
                or after not in RIGHT_CUES
                and _cue_after(words, head[1]) == "killed"):
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
        if (prev == "," and (i - 2 in named or words[q.end:q.end + 1] == [","])) or not (
                nxt in RIGHT_CUES or nxt in AUXILIARIES or nxt in BARE_FOLLOWERS) or nxt == "shot" and (
                words[q.end + 1:q.end + 2] in (["was"], ["were"], ["rang"], ["fired"], ["hit"])
                or prev in ("fired", "heard")):
            return None   # an age ("Jane Doe, 31, was"), a count of things ("90,280 deer"), "one shot was fired"
        return Victims(value, q.qualifier, "total", start, q.end, definite=definite, bare=True)
    group, end, scare = head
    group = "total" if scare else group
    return Victims(value, q.qualifier, group, start, end, definite=definite,
                   countable_single=group == "total" or words[end - 1] in ("men", "man")
                   or (q.value == 1 and group in ("women", "children")),
                   rest=others, with_pronoun=pronoun)


def _listed_age(words: list[str], i: int) -> bool:
    """ "two females, 28 and 27, and one male, 24,": bare numbers set off by commas after people are ages."""
    k = i - 1
    while k >= 2 and words[k] == "and" and number_value(words, k - 1) is not None:
        k -= 2                                   # back over "28 and" in "28 and 27"
    return k >= 1 and words[k] == "," and words[k - 1] in NOUN_GROUP and number_value(words, i) is not None \
        and number_value(words, i)[0] < 110 and (words[i + 1:i + 2] in ([","], ["and"], [")"]))


def _aged_person(words: list[str], i: int, years: float, end: int, armed: set[int], named: set[int],
                 persons: set[int]) -> Victims | None:
    """One person told by age without an article: "17-year-old John Doe", "17-year-old man shot"."""
    name_end = next(k for k in range(end, len(words) + 1) if k not in named and k not in persons)
    if name_end > end and (name_end == len(words) or words[name_end] not in NOUN_GROUP):
        end = name_end   # a name, not a place before a noun ("17-year-old Chicago man")
        return Victims(1, "exact", "children" if years < 18 else "total", i, end, countable_single=True, bare=True,
                       named=True)
    head = _head_noun(words, end, armed, named, singular=True) if end < len(words) and (
        words[end] in NOUN_GROUP or end in named) else None
    if head is not None:
        return Victims(1, "exact", head[0], i, head[1], countable_single=head[0] in PERSON_GROUPS)
    nxt = words[end] if end < len(words) else "."
    if (i and words[i - 1] in LEFT_CUES) or nxt in RIGHT_CUES or nxt in AUXILIARIES:
        return Victims(1, "exact", "children" if years < 18 else "total", i, end, countable_single=True, bare=True)
    return None


def _named_person(words: list[str], i: int, named: set[int], persons: set[int]) -> Victims | None:
    """ "Damon Smith, 16, died": a named person with their age is one person."""
    if not (i >= 2 and words[i - 1] == "," and i - 2 in named | persons and words[i + 1:i + 2] == [","]):
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


def _headline_person(words: list[str], i: int, opening: bool) -> Victims | None:
    """ "Man shot in leg at gas station", "Boy, 14, fatally shot", "Father shoots son": a headline's
    bare singular person noun (at the opening, only right before a casualty word)."""
    w, end = words[i], i + 1
    if w not in NOUN_GROUP or w in PLURAL_NOUNS or w.endswith("s"):
        return None
    if words[end:end + 1] == [","] and words[end + 2:end + 3] == [","] and number_value(words, end + 1):
        end += 3   # "Boy, 14, ..."
    if opening and end < len(words) and words[end] not in RIGHT_CUES and words[end] not in AUXILIARIES:
        return None
    group = _noun_group(words, i, set(), i)
    return Victims(1, "exact", group, i, end, countable_single=group in PERSON_GROUPS, bare=True)


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
        if w in NOUN_GROUP and not (w in ("members", "member") and words[j - 1:j] == ["family"]):
            group = _noun_group(words, j, armed, i)
            end = j + 1
            scare = words[j - 1] == '"' and nxt == '"'
            # "their fighters and prison workers": one group of mixed people, security staff decide
            if nxt == "and" and j + 2 < len(words) and read_quantity(words, j + 2) is None:
                rest = words[j + 2:j + 5]
                if any((a, b) in SECURITY_BIGRAMS for a, b in zip(rest, rest[1:])) or \
                        any(NOUN_GROUP.get(r) == "security_forces" for r in rest):
                    group, end = "security_forces", j + 2 + next(
                        k for k in range(len(rest)) if NOUN_GROUP.get(rest[k]) or rest[k] in ("workers", "staff")) + 1
            if scare:
                end += 1
            return group, end, scare
        age = _age_phrase(words, j)
        if age is not None:
            years, after = age
            if after < len(words) and words[after] in NOUN_GROUP:
                j = after
                continue
            return ("children" if years < 18 else "total"), after, False
        if number_value(words, j) is not None:
            return None   # "one of the two people", "Image 3 of 33 Seven people": the count is the other number
        if j not in named and w in BREAK and not (w == "of" or w == '"'):
            return None
        j += 1
    return None


def _age_phrase(words: list[str], j: int) -> tuple[float, int] | None:
    """(age in years, end) of "12-year-old", "18-month old", "3 years old" starting at words[j]."""
    number = number_value(words, j) if j < len(words) and words[j] != "-" else None
    if number is None:
        return None
    rest = words[number[1]:number[1] + 4]
    if rest[:3] == ["y", "/", "o"] or rest[:1] == ["yo"]:   # "5 y/o boy", "7 yo girl"
        return number[0], number[1] + (3 if rest[0] == "y" else 1)
    for shape in (["-", "{u}", "-", "old"], ["-", "{u}", "old"], ["{u}s", "old"], ["{u}", "old"]):
        for unit, per_year in (("year", 1), ("month", 12), ("week", 52), ("day", 365)):
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


def _coordinate(words: list[str], phrases: list[Victims]) -> list[list[Victims]]:
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
            count = _enumerated(words, phrases[n:], last.value) if gap == [","] and last.value > 1 else 0
            if count:
                # "three victims, a man, a woman and a boy, were ...": the three named one by one
                end = phrases[n + count - 1].end
                lists[-1][-1] = replace(last, end=end + (words[end:end + 1] == [","]))
                skip = count - 1
                continue
            linked = gap in (["and"], [","], [",", "and"], ["as", "well", "as"]) or not gap and last.named
            # "two dead victims and two injured people": each group carries its own casualty word
            # "four people, one seriously": a bare number after a comma is part of the group, not more people
            linked = linked and not (v.bare and gap == [","] and read_quantity(words, v.start) is not None)
            if linked and words[last.end - 1] not in FIGURE_NOUNS and not (_own_cue(words, last) or _own_cue(words, v)):
                later = phrases[n + 1] if n + 1 < len(phrases) else None
                listed = later is not None and words[v.end:later.start] in (["and"], [",", "and"])
                apposed = gap == [","] or not gap and not v.named   # "Abu Ahmed, 45, a local commander, ..."
                if apposed and last.value == v.value == 1 and last.countable_single and v.countable_single \
                        and not listed:   # "another victim, a 37-year-old man, ...": one person named twice
                    lists[-1][-1] = replace(v if last.group == "total" else last, start=last.start,
                                            end=v.end + (words[v.end:v.end + 1] == [","]))
                else:
                    lists[-1].append(v)
                continue
        lists.append([v])
    return lists


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


def _merge_totals(words: list[str], members: list[Victims], subset: bool) -> list[Victims]:
    """ "a man and two others" is three people: totals in one list add up, and so do lists with a
    total in them ("two men and a boy") or of single people ("a girl and a 34-year-old woman").
    Other lists of groups ("killing a woman and two children", "his wife and three children") stay
    groups: in conflict reports they often detail part of a larger toll, and reconcile sums groups."""
    people = not subset and len(members) > 1 and all(m.group in PERSON_GROUPS for m in members) and (
        any(m.group == "total" for m in members) or all(m.value == 1 for m in members)
        and words[members[0].start] not in ("his", "her", "their", "its"))
    totals = members if people else [m for m in members if m.group == "total"]
    if len(totals) < 2:
        return members
    merged = replace(totals[0], group="total", value=sum(t.value for t in totals), end=totals[-1].end,
                     qualifier="exact" if all(t.qualifier == "exact" for t in totals) else totals[0].qualifier)
    return [merged] + [m for m in members if m.group != "total"]


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
        if w == "treated" and {"wounds", "injuries", "released", "wound"} & set(words[j + 1:j + 5]):
            return "wounded"   # "were treated for wounds", "treated and released"
        if strict and w not in RIGHT_CUES and w not in AUXILIARIES:
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
            return _shot_or(words, j, RIGHT_CUES[w])
        if w == "among" and j + 2 < len(words) and words[j + 1] == "the":
            return {"dead": "killed", "killed": "killed", "wounded": "wounded", "injured": "wounded"}.get(words[j + 2])
        if w in ("lost", "losing") and words[j + 1:j + 3] == ["their", "lives"]:
            return "killed"
        if w in ("did", "does") and words[j + 1:j + 3] in (["not", "survive"], ["n't", "survive"]):
            return "killed"
        if w in ("passed", "passes") and words[j + 1:j + 2] == ["away"]:
            return "killed"
        if w in ("to", "in") and {"hospital", "hospitals"} & set(words[j + 1:j + 4]):
            return "wounded"   # "three people went to the hospital", "were taken to area hospitals"
        if w in (".", ";", ":", "(", "and", "but", "or", "to", "while", "when", "before", "after", "because",
                 "until", "that", "which") or w == '"':   # "accused in a shooting that killed ...": not them
            return None
        if read_quantity(words, j) is not None and words[j] not in ("some", "about", "over", "around", "under") \
                and not is_age(words, j) and words[j - 1] not in NUMBERED:
            return None
        j += 1
    return None


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
    return words[k:k + 1] != [] and words[k] in OBJECT_STARTERS


def _shot_or(words: list[str], j: int, figure: str) -> str:
    """ "shot dead", "shot and killed", "fatally shot" are deaths; "shot and wounded" a wound."""
    if figure == "shot":
        after = " ".join(words[j + 1:j + 4])
        clause = words[j + 1:j + 14]
        clause = clause[:next((k for k, w in enumerate(clause) if w in (".", ",", ";", "but", "while")), len(clause))]
        headline = " ".join(words[j + 1:j + 10])   # "girl shot in the head, killed"
        if re.match(r"(dead|to death|and killed|and fatally|fatally|, killed)\b", after) or words[j - 1] == "fatally" \
                or re.search(r"^[^.;,]*, (killed|dies|dead)(?: [^,]*)?$", headline) \
                or "and" in clause and {"pronounced", "died", "killed"} & set(clause[clause.index("and"):]) \
                and not UNREAL & set(clause[clause.index("and"):]):
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


def _cue_before(words: list[str], i: int) -> str | None:
    """The casualty verb or noun right before a group: "killing", "left", "the death of", "toll rose to"."""
    k = i - 1
    while k >= 0 and words[k] in ("had", "have", "has", "reportedly", "also", "allegedly", "the", "at", "least"):
        if words[k] == "at" and words[k + 1:k + 2] != ["least"]:
            return None   # "shooting at five people", "fired at two officers": shots aimed, not a casualty
        k -= 1
    if k < 0:
        return None
    w = words[k]
    if w in LEFT_CUES and (k == 0 or words[k - 1] != "to"):
        fatal = w in ("shot", "shooting", "wounding", "wounded", "injuring") and k > 0 and words[k - 1] == "fatally"
        return "killed" if fatal else LEFT_CUES[w]
    if w == "left" and (k == 0 or words[k - 1] != "to"):
        return "left"
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
    """ "Four people were shot, one fatally" / "two of whom died": killed 2 and the rest wounded."""
    for s in [v for v in victims if v.figure == "shot"]:
        fatal = [v for v in victims if v.figure == "killed" and v.start > s.start
                 and (v.bare or "fatally" in words[v.end:v.end + 4])]
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
