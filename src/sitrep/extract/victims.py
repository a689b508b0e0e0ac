"""Counted groups of people in one sentence and the casualty figure each takes.

Rules over spaCy tokens and entities (the pipeline has no parser or tagger, by design: see nlp.py),
because the constructions are few and closed-class: a counted group of people ("13 people",
"seven American soldiers", "a militant", "his wife") next to a casualty word on either side
("were killed", "killing", "left ... dead", "the death of", "death toll rose to"). A learned model
would need labelled casualty data we do not have; every rule below is about English news
phrasing in general, not about one article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities
from sitrep.extract.numbers import number_value, read_quantity

PERSON_NOUNS = {
    "total": "people persons person individuals individual victims victim others adults adult residents resident "
             "passengers passenger worshippers pilgrims protesters protester demonstrators students student "
             "workers worker journalists journalist employees staff patients relatives suspects suspect sons daughters "
             "villagers migrants refugees shoppers bystanders bystander pedestrians pedestrian men man females males "
             "son daughter cousin friend neighbor neighbour",
    "children": "children child kids kid boys boy girls girl babies baby infants infant toddlers toddler "
                "minors minor teens teen teenagers teenager juveniles juvenile schoolchildren",
    "women": "women woman wife mother sister grandmother aunt niece fiancee girlfriend daughter-in-law",
    "men_kin": "husband father brother grandfather uncle nephew fiance boyfriend",
    "militants": "militants militant fighters fighter insurgents insurgent rebels rebel terrorists terrorist "
                 "jihadists jihadist gunmen gunman attackers attacker assailants assailant bombers extremists "
                 "combatants combatant",
    "armed_members": "members member leaders leader commanders commander operatives operative",
    "security_forces": "soldiers soldier troops servicemen serviceman personnel policemen policeman policewomen "
                       "officers officer guards guard marines gendarmes conscripts deputies deputy",
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
              "grazed": "wounded",
              "arrested": "arrested", "detained": "arrested", "captured": "arrested", "apprehended": "arrested",
              "missing": "missing"}
LEFT_CUES = {"killed": "killed", "killing": "killed", "kills": "killed", "kill": "killed", "murdering": "killed",
             "executing": "killed", "massacring": "killed",
             "wounded": "wounded", "wounding": "wounded", "injured": "wounded", "injuring": "wounded",
             "injures": "wounded", "wounds": "wounded", "shot": "shot", "shooting": "shot", "grazed": "wounded",
             "grazing": "wounded",
             "arrested": "arrested", "arresting": "arrested", "arrests": "arrested", "detained": "arrested",
             "detaining": "arrested", "captured": "arrested", "capturing": "arrested"}
DEATH_NOUNS = {"death": "killed", "deaths": "killed", "killing": "killed", "killings": "killed", "lives": "killed",
               "life": "killed", "wounding": "wounded", "shooting": "shot", "shootings": "shot",
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
               "since", "then", "apparently", "did"}
BARE_FOLLOWERS = {",", ".", ";", ":", "and", "in", "on", "at", "during", "when", "after", "while", "including",
                  "more", "overnight", "inside", "near", "as", "-", "who", "whom", "before", "by", "with", "outside",
                  "across", "around"}
MONTHS = set("january february march april may june july august september october november december jan jan. feb "
             "feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec.".split())
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
    subset: str | None = None
    figure: str | None = None


def opens_subset(words: list[str]) -> bool:
    """ "including six children", "among them": the words go on counting the group before."""
    return bool(SUBSET_OPENERS & set(words[:6]))


def sentence_victims(words: list[str], sent: Span, kb: KnowledgeBase, previous: list[Victims]) -> list[Victims]:
    """The counted groups of `sent` with their figures; `previous` is the sentence before's, for
    "They included six children"."""
    armed = {i - sent.start for e in entities(sent) for i in range(e.start, e.end)
             if (entry := kb.resolve(e.ent_id_ or e.text)) is not None and entry.kind == "armed_group"}
    named = {i - sent.start for e in entities(sent) if e.label_ in ("ORG", "NORP", "GPE", "PERSON", "LOC")
             for i in range(e.start, e.end)}
    phrases = _counted_groups(words, armed, named)
    out: list[Victims] = _nobody(words, named)
    for members in _coordinate(words, phrases):
        start = members[0].start
        parent = out[-1] if out and opens_subset(words[max(0, start - 4):start]) else None
        inherited = previous and not parent and opens_subset(words[:start])
        figure = _figure_of(words, members)
        if figure is None and parent:
            figure = parent.figure
        if figure is None and inherited:
            figure = _inherited_figure(words, previous)
        if figure is None:
            continue
        if parent or inherited:   # "including three people" says nothing the parent did not
            members = [m for m in members if m.group != "total"]
        for v in _merge_totals(members):
            v.figure = figure
            if len(members) == 1 and not (parent or inherited):
                if v.group in ("women", "children"):   # "two children were killed": two people, two children
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
                    between = range(i + 1, j)
                    group = ("security_forces" if any(k in named or words[k] in MILITARY_WORDS for k in between)
                             else "civilians" if any(words[k] == "civilian" for k in between) else "total")
                    out.append(Victims(0, "exact", group, i, j + 1, figure=figure))
                    break
                if words[j] in BREAK or words[j] in (".", ","):
                    break
    return out


def _counted_groups(words: list[str], armed: set[int], named: set[int]) -> list[Victims]:
    """Every "number + people noun", "a + person noun", "his wife", "N bodies" in the sentence."""
    out: list[Victims] = []
    i = 0
    while i < len(words):
        v = _counted_group_at(words, i, armed, named)
        if v is None:
            i += 1
            continue
        out.append(v)
        i = v.end
    return out


def _counted_group_at(words: list[str], i: int, armed: set[int], named: set[int]) -> Victims | None:
    w = words[i]
    prev = words[i - 1] if i else ""
    if prev in AGE_WORDS or prev in MONTHS or prev in ("no", "$", "#", "no.") or words[i + 1:i + 2] and words[i + 1] in MONTHS:
        return None   # an age, a date ("March 3"), money, a number of something, "no one"
    if w == "another" and words[i + 1:i + 2] and (words[i + 1] in AUXILIARIES or words[i + 1] in RIGHT_CUES):
        return Victims(1, "exact", "total", i, i + 1, bare=True, rest=True)   # "... and another was injured"
    if w in ("a", "an", "another", "his", "her", "their", "its") and read_quantity(words, i) is None:
        head = _head_noun(words, i + 1, armed, named, singular=True)
        if head is None or (words[head[1] - 1] in PLURAL_NOUNS or words[head[1] - 1].endswith("s")) \
                and _age_phrase(words, i + 1) is None:
            return None   # "their fighters": not one person
        group, end, scare = head
        return Victims(1, "exact", "total" if scare else group, i, end,
                       countable_single=group in ("total", "men", "women", "children"))
    if (age := _age_phrase(words, i)) and prev in LEFT_CUES:   # "killed 21-year-old Juwan Boykin"
        return Victims(1, "exact", "children" if age[0] < 18 else "total", i, age[1], countable_single=True)
    q = read_quantity(words, i)
    if q is None or (1900 <= q.value <= 2100 and not q.vague and "," not in words[q.end - 1]):
        return None   # a year: counts this large are written with a comma
    if q.end < len(words) and (words[q.end] in NOT_A_COUNT or (words[q.end] == "-" and q.end + 1 < len(words)
                                                                  and words[q.end + 1] in NOT_A_COUNT)):
        return None
    value, start = q.value, q.start
    pronoun = i >= 2 and words[i - 1] == "and" and words[i - 2] in ("he", "she")
    if pronoun:
        value, start = value + 1, i - 2   # "he and three others were shot": four people
    head = _head_noun(words, q.end, armed, named, singular=q.value == 1)
    definite = prev in ("the", "those", "these")
    if head is None:
        nxt = words[q.end] if q.end < len(words) else "."
        if (prev == "," and i - 2 in named) or not (
                nxt in RIGHT_CUES or nxt in AUXILIARIES or nxt in BARE_FOLLOWERS):
            return None   # an age ("Jane Doe, 31, was"), or a count of things ("90,280 deer")
        return Victims(value, q.qualifier, "total", start, q.end, definite=definite, bare=True)
    group, end, scare = head
    group = "total" if scare else group
    return Victims(value, q.qualifier, group, start, end, definite=definite,
                   countable_single=group == "total" or words[end - 1] in ("men", "man")
                   or (q.value == 1 and group in ("women", "children")),
                   rest=bool({"others", "other"} & set(words[q.end:end])), with_pronoun=pronoun)


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
    number = number_value(words, j) if words[j] not in ("-",) else None
    if number is None:
        return None
    rest = words[number[1]:number[1] + 4]
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
    for v in phrases:
        if lists:
            gap = words[lists[-1][-1].end:v.start]
            linked = gap in (["and"], [","], [",", "and"], ["as", "well", "as"])
            if linked and words[lists[-1][-1].end - 1] not in FIGURE_NOUNS:
                lists[-1].append(v)
                continue
        lists.append([v])
    return lists


def _merge_totals(members: list[Victims]) -> list[Victims]:
    """ "a man and two others" is three people: totals in one list add up."""
    totals = [m for m in members if m.group == "total"]
    if len(totals) < 2:
        return members
    merged = replace(totals[0], value=sum(t.value for t in totals), end=totals[-1].end,
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
    return figure or before or inside


def _cue_after(words: list[str], i: int, strict: bool = False) -> str | None:
    """The casualty word in the few words after a group: "were killed", "had been wounded".
    `strict` (a bare number, "two died"): only auxiliaries may come between."""
    j, limit, skipped_clause = i, i + 8, False
    while j < len(words) and j < limit:
        w = words[j]
        if strict and w not in RIGHT_CUES and w not in AUXILIARIES:
            return None
        if w in (",", "—", "–", "(") and not skipped_clause:   # an aside: "Four teens, the youngest 12, were shot"
            closer = {"(": ")"}.get(w, w)
            close = next((k for k in range(j + 1, min(len(words), j + 14)) if words[k] == closer), None)
            if close is None:
                return None
            j, limit, skipped_clause = close + 1, close + 9, True
            continue
        if w in RIGHT_CUES:
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
        if w in (".", ";", ":", "(", "and", "but", "or", "to", "while", "when") or w == '"':
            return None
        if read_quantity(words, j) is not None and words[j] not in ("some", "about", "over", "around", "under"):
            return None
        j += 1
    return None


def _shot_or(words: list[str], j: int, figure: str) -> str:
    """ "shot dead", "shot and killed", "fatally shot" are deaths; "shot and wounded" a wound."""
    if figure == "shot":
        after = " ".join(words[j + 1:j + 4])
        clause = words[j + 1:j + 14]
        clause = clause[:next((k for k, w in enumerate(clause) if w in (".", ",", ";", "but", "while")), len(clause))]
        if re.match(r"(dead|to death|and killed|and fatally|fatally)\b", after) or words[j - 1] == "fatally" \
                or "and" in clause and {"pronounced", "died", "killed"} & set(clause[clause.index("and"):]):
            # "shot in the neck and pronounced dead": the same person, one clause
            return "killed"
        if re.match(r"(and wounded|and injured|and hurt)\b", after):
            return "wounded"
        if words[j] in ("suffering", "suffered", "suffer", "suffers", "sustained"):
            following = words[j + 1:j + 6]
            if {"fatal", "deadly", "mortal"} & set(following):
                return "killed"
            return "shot" if "gunshot" in following else "wounded"
    return figure


def _cue_before(words: list[str], i: int) -> str | None:
    """The casualty verb or noun right before a group: "killing", "left", "the death of", "toll rose to"."""
    k = i - 1
    while k >= 0 and words[k] in ("had", "have", "has", "reportedly", "also", "allegedly", "the", "at", "least"):
        k -= 1
    if k < 0:
        return None
    w = words[k]
    if w in LEFT_CUES and (k == 0 or words[k - 1] != "to"):
        fatal = w in ("shot", "shooting") and k > 0 and words[k - 1] == "fatally"
        return "killed" if fatal else LEFT_CUES[w]
    if w == "left" and (k == 0 or words[k - 1] != "to"):
        return "left"
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
