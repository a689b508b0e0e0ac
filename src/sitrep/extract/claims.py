"""Casualty claims: every figure a text gives, credited to who gave it, with its sentence.

Each sentence's counted groups and figures come from `victims`, its speaker from `attribution`;
this module turns them into claims and settles them over the whole document.

Conventions:
- a named group wins over "total" ("14 IS members were killed" is militants 14); a lone person
  or a count of "people"/"men"/"others" is the total; "including six children" adds subset claims.
- "N were shot" is N wounded unless the same text says some died ("one fatally", "died"); so are people
  "taken to a hospital" or "gunshot victims": hurt, and alive unless the text says otherwise. People told
  as more ("a man was also shot") are not among the document's dead.
- one officer hurt and no other wound in the text ("a police officer was shot") is also a wounded total
  of one, as "a man was shot" is; counts of a side's forces ("seven soldiers were wounded") stay groups.
- "reported seeing 12 bodies" is killed at_least 12: bodies seen are a lower bound.
- a sentence placed in a year well before the article's own time ("in 2014", "a July 2014 shooting") is
  history, not a claim; so is a count over several incidents ("in two separate shootings", "each year",
  "in the past six weeks") or over a stretch of clock time ("since 10 p.m. Friday", "in about ten hours"),
  and a page's link to another story ("Related stories 2 killed, 22 injured in ...").
- one person hurt, then told dead of "he", "the boy" or a name ("critically injured a 9-year-old boy ...
  The boy passed away") is one death, not a death and a wound; so are "one of them died" after a count
  of the hurt, and "both died". A death only asked about ("unclear whether he died") is not told.
- people shot who then died in the same clause are killed only ("a boy who was shot Friday has died").
- a named person with an age ("Jane Doe, 31, died") is a claim of one with subset "named": a death
  or wound told of someone, not a toll; reconcile may count them by name instead.
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from sitrep.clean import LINK_TO_STORY
from sitrep.extract.attribution import Speaker, SpeakerFinder, sentence_words
from sitrep.extract.dates import MONTH_PATTERN, WEEKDAY_PATTERN
from sitrep.extract.english_casualty_words import PERSON_GROUPS
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import entities, span_text
from sitrep.extract.people_groups import Victims
from sitrep.extract.victims import opens_subset, sentence_victims
from sitrep.records import Claim, Document

YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
# "in 2014", "a July 2014 shooting"
HISTORY = re.compile(rf"\b(?:in|since|of|{MONTH_PATTERN})\s+(19[5-9]\d|20\d\d)\b", re.I)
# running tallies ("344 people were killed in the city last year", "so far this year") are statistics, not incidents
AGGREGATE = re.compile(r"\b(last|this|so far this|past|previous) (year|month|decade|weekend|summer)\b|"
                       rf"\bsince (the start|the beginning|{MONTH_PATTERN}|the war|the conflict|the start of"
                       rf"|{WEEKDAY_PATTERN})\b|\b(in|within|over) (less than |under |the (past|last) )?\d+ hours\b"
                       r"|\ba total of\b|\bso far\b|\bthe year\b|"
                       r"\b(in|during) [A-Za-z]+ alone\b|\bin the first \w+ (days|weeks|months)\b|"
                       r"\b(in|between|during) (?!the\b)(\w+ ){0,3}(shootings|incidents|attacks)\b|"
                       r"(?<!of )\b(two|three|four|five|six|seven|several|multiple|separate|\d+) (\w+ ){0,3}?"
                       r"(shootings|incidents|attacks|accidents)\b|"
                       r"\b(?:weekend|week|night|month) that (?:saw|included)\b|"
                       r"\b(each|every|per) (year|month|week)\b|\bannually\b|"
                       r"\b(past|last) \w+ (days|weeks|months|years)\b|\bacross the (city|county|state|country)\b|"
                       r"\bcitywide\b|\bbetween (?:\w+ )?(?:19|20)\d\d and\b|"
                       # a stretch of clock time: "between 3:50 p.m. Friday and 3 a.m. Monday", "since 10 p.m. Friday",
                       # "in about ten hours", "over a span of 80 hours", "from Sunday morning to early Monday"
                       r"\b(?:between|since) \d{1,2}(?::\d\d)? ?(?:a\.m\.|p\.m\.|am\b|pm\b)|"
                       r"\b(?:in|within|over|during) (?:about |nearly |roughly |just |the (?:past |last )?)?(?:\d+|two|"
                       r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few) hours\b|\bspan of\b|"
                       r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|several)[- ]hour "
                       r"(?:span|period|stretch|window)\b|"
                       r"\bfrom (?:early |late )?\w+ (?:morning|afternoon|evening|night) (?:to|until|through) |"
                       r"\b(?:violent|bloody) (?:[\w-]+ )?(?:night|weekend|day|week|stretch|span)\b|"
                       r"\bweekend (?:of )?(?:gun ?fire|violence|shootings)\b|"
                       # "the first in a string of three shooting deaths", "in 2 days"
                       r"\ba (?:string|spate|rash|series|wave) of (?:\w+ ){0,3}?(?:shootings|deaths|killings|homicides|"
                       r"murders|attacks|incidents|violence)\b|"
                       r"\bin (?:\d+|two|three|four|five|six|seven|a few|several) (?:days|weeks|months)\b", re.I)


def extract_claims(sdoc: Doc, document: Document, kb: KnowledgeBase) -> list[Claim]:
    """All casualty claims of one document, in text order, repeats (same figure, group, value,
    qualifier and source) kept once at their first place."""
    speakers = SpeakerFinder(sdoc, kb)
    reference_year = _reference_year(document)
    found: list[Claim] = []
    lone: dict[str, tuple[Span, Speaker | None]] = {}   # figure -> first "he died" / "the man was shot"
    previous: list[Victims] = []
    previous_from = 0   # where the sentence before's claims begin in `found`
    for index, sent in enumerate(speakers.sents):
        words = sentence_words(sent)
        text = span_text(sent)
        if not any(ch.isalpha() and ch.isascii() for ch in text) or _is_history(text, reference_year) or \
                LINK_TO_STORY.match(text) or OTHER_STORY.match(text):
            previous = []
            continue
        victims = sentence_victims(words, sent, kb, previous)
        if not victims and (victims := _pronoun_deaths(words, previous)) or \
                _some_of_them_died(words, victims, previous):
            # the wounded of the sentence before are these dead: shot people, less the dead, as any shooting's
            found[previous_from:] = [replace(c, figure="shot") if c.figure == "wounded" else c
                                     for c in found[previous_from:]]
        previous_from = len(found)
        for v in victims:
            found.append(_claim(v, speakers.speaker_for(index, sent, v.start), sent, document))
        if not victims and (figure := _lone_person_event(words, sent)):
            lone.setdefault(figure, (sent, speakers.speaker_for(index, sent, 0)))
        previous = victims or previous if opens_subset(words) else victims
    claims = _resolve_definite(_settle_shootings(found, lone, document))
    unique: dict[tuple, Claim] = {}
    for c in claims:
        unique.setdefault((c.figure, c.group, c.value, c.qualifier, c.source, c.subset), c)
    return list(unique.values())


# a page's list of other stories: a video's running time before its headline ("2:40 Raw video: Neighbor heard
# shots that killed ..."), not a clock time ("2:40 a.m."); a gallery's "Caption" line about another story
OTHER_STORY = re.compile(r"\s*(?:\d{1,2}:\d\d(?! ?(?:a\.?m\b|p\.?m\b|a\.m\.|p\.m\.))\s+[A-Z0-9]|Caption\s+[A-Z])")


def _reference_year(document: Document) -> int | None:
    if document.published:
        return int(document.published[:4])
    years = [int(y) for y in YEAR.findall(document.text)]
    return max(years) if years else None


# "Late last month, jihadists killed 50 soldiers in an ambush": one event dated by the period, not a tally
ONE_EVENT = re.compile(r"\b(?:in|during) (?:a|an) (?:\w+ )?(?:ambush|attack|raid|strike|airstrike|bombing|blast"
                       r"|explosion|assault|massacre)\b", re.I)


def _is_history(text: str, reference_year: int | None) -> bool:
    """A sentence set in a year two or more years before the article's is background history; a
    running tally over a period is a statistic."""
    return bool(AGGREGATE.search(text)) and not ONE_EVENT.search(text) or (
        reference_year is not None and any(int(y) < reference_year - 1 for y in HISTORY.findall(text)))


# "They were taken to a hospital, where they were pronounced dead", "Both died at the scene": the people the
# sentence before counted, all dead
PRONOUN_DEATH = re.compile(r"^(?:they|both(?: of them| victims)?|all(?: of them)?) (?:[^.;]* )?(?:died|were (?:later )?"
                           r"pronounced dead|were killed|did not survive|succumbed|passed away|have died)\b")


def _pronoun_deaths(words: list[str], previous: list[Victims]) -> list[Victims]:
    """ "Two men were shot. Both died at the scene.": the shot people of the sentence before, now counted dead."""
    match = PRONOUN_DEATH.search(" ".join(words))
    if not match or {"not", "n't", "could", "would", "might", "nearly", "almost"} & set(match.group().split()[:-2]):
        return []
    shot = [v for v in previous if v.figure in ("shot", "wounded") and v.group == "total" and v.value > 1]
    return [Victims(shot[-1].value, shot[-1].qualifier, "total", 0, 1, figure="killed")] if shot else []


def _some_of_them_died(words: list[str], victims: list[Victims], previous: list[Victims]) -> bool:
    """ "Two men were wounded Friday. One of them died at the hospital.": part of the people the sentence
    before counted hurt, now told dead."""
    hurt = max((v.value for v in previous if v.figure in ("shot", "wounded") and v.group == "total"), default=0)
    return any(v.figure == "killed" and v.start <= 3 and words[v.start + 1:v.start + 3] in (["of", "them"],
               ["of", "those"]) and v.value < hurt for v in victims)


LONE_SUBJECT = (r"\b(?:he|she|the (?:[a-z]+ )?(?:man|woman|victim|boy|girl|teen|teenager|child|toddler|baby|infant|"
                r"driver|passenger|clerk|homeowner|student|suspect|gunman|shooter|officer|deputy|youth|male|female|"
                r"\d+ - year - old))")
LONE_DEATH = re.compile(LONE_SUBJECT + r" (?:(?:who|that) )?(?:(?:was|had been|is) )?(?:later |then |also )?"
                        r"(?:pronounced dead|died (?:at|in|from|"
                        r"of|later|shortly|on|after|before|while|a|early|late|overnight|yesterday|today|tonight|last|"
                        r"this|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|has died|passed away|"
                        r"did not survive|succumbed|"
                        r"suffered (?:a )?fatal|was killed|was fatally|was found dead|"
                        r"was shot (?:and killed|dead|to death)|is dead|was dead)\b")
LONE_WOUND = re.compile(LONE_SUBJECT + r" (?:(?:was|is|has been|had been) )?(?:also )?(?:shot|wounded|injured|hurt|"
                        r"recovering from (?:a |an )?(?:\w+ ){0,2}(?:wound|wounds|injuries)|"
                        r"grazed|struck by (?:a )?(?:bullet|gunfire)|suffered (?:a |an |non - life - threatening |"
                        r"minor |serious |critical |life - threatening |multiple )*(?:gunshot )?(?:wound|wounds|"
                        r"injuries)|(?:listed )?in (?:critical|stable|serious|fair|good) condition|"
                        r"(?:taken|transported|rushed|airlifted|flown) (?:by (?:\w+ ){1,3})?to (?:[\w.']+ ){0,4}"
                        r"hospital)\b"
                        r"(?! (?:and killed|dead|to death|and died))")


DEATH_OF_SOMEONE = re.compile(r"\b(?:was|were) (?:later )?pronounced dead\b|\blater died\b|\bsuccumbed to\b|"
                              # "shot himself once, inflicting a fatal wound", a headline's "John Doe Dead at 25"
                              r"\b(?:inflicting|inflicted) (?:a |an )?(?:fatal|mortal) (?:gunshot )?(?:wound|injury)|"
                              r"\bdead at (?:age )?\d{1,2}\b(?! ?(?:a\.m\.|p\.m\.|am\b|pm\b|:|-))|"
                              r"\bdied (?:at the scene|at a hospital|at the hospital|from (?:his|her|their) (?:injuries|wounds))|"
                              r"\b(?:where|but|and) (?:he |she )?(?:later )?(?:died|passed away|did not survive)\b|"
                              r"\b(?:has|have|later) passed away\b|\bpronounced (?:the |a )?(?:\w+ ){0,3}dead\b|"
                              r"\b(?<!could )(?<!would )(?<!might )(?<!may )(?<!must )(?:has|have|had) (?:since )?died\b|"
                              r"\bfound (?:he|him|she|her) dead\b|"
                              # "kills herself with a loaded gun", "took his own life"; "Body found in ...", "a body was
                              # found": a death, however told
                              r"\b(?<!never )(?<!not )(?<!n't )(?:kills|killed) (?:himself|herself)\b|"
                              r"\b(?:took|takes) (?:his|her) own life\b|"
                              r"^body (?:found|discovered|recovered)\b|"
                              r"\ba body (?:was|has been|had been|is) (?:found|discovered|recovered|located|pulled)\b|"
                              r"\bfatally (?:shot|shoots|shooting) (?:himself|herself|self)\b|"
                              r"\b(?:his|her|\w+ 's|\w+ ’s) body (?:was|had been|has been) (?:found|"
                              r"discovered|recovered|located|pulled)\b")
# "charged in the fatal shooting on Copeland Street": someone died, however many
FATAL_EVENT = re.compile(r"\b(?:fatal|deadly) (?:shooting|stabbing|shootout|attack)\b|\b(?:shooting|gunshot) death\b|"
                         r"\bdeath (?:was |is |has been )?ruled (?:a )?homicide\b", re.I)
# a death by other means ("an elderly woman was killed when she smashed her car") is not one of the people shot
_ACCIDENT = r"crash\w*|smash\w*|collision|collided|drown\w*|overdos\w*"
OTHER_CAUSE = re.compile(rf"\b(?:{_ACCIDENT}|stabb\w*|blaze|fire broke|beaten|struck by a (?:car|vehicle|train)|bat|"
                         r"knife|hammer|strangl\w*)\b", re.I)
GUNFIRE = re.compile(r"\b(?:shot|shoot\w*|gunfire|gunshots?|guns?|fired|bullets?)\b", re.I)
SELF_INFLICTED = re.compile(r"\b(?:shot|shoots|shooting) (?:himself|herself|self)\b")


# "not able to say if the man had died": asked, not told ("unclear if he died of the stab wounds or the
# gunshots" tells the death and asks its cause)
UNKNOWN = re.compile(r"\b(?:if|whether)\b")


def _lone_person_event(words: list[str], sent: Span) -> str | None:
    """ "He died at the hospital", "the victim was taken to a hospital", "Petersen was killed", "the
    fatal shooting on Elm Street": one death or wound told without a number; used only when the document
    gives no count of its own."""
    person = {t.i - sent.start for e in entities(sent) if e.label_ == "PERSON" for t in e} | _leading_name(sent)
    joined = " ".join("he" if i in person and i - 1 not in person else w for i, w in enumerate(words)
                      if i not in person or i - 1 not in person)
    death = LONE_DEATH.search(joined) or DEATH_OF_SOMEONE.search(joined)
    asked = death and UNKNOWN.search(joined[:death.start()]) and " or " not in joined[death.end():]
    if death and not asked or FATAL_EVENT.search(joined):
        return "killed"
    if LONE_WOUND.search(joined) or SELF_INFLICTED.search(joined):
        return "wounded"
    return None


def _leading_name(sent: Span) -> set[int]:
    """The capitalised words a sentence opens with when they are a name the NER took for a place or missed
    ("Savannah Walker died ..."): two or more, right before a verb."""
    run = []
    for token in sent:
        if not (token.is_title and token.is_alpha) or token.lower_ in NAME_STOPS:
            break
        run.append(token.i - sent.start)
    following = sent[len(run)].lower_ if len(run) < len(sent) else ""
    return set(run) if len(run) >= 2 and following in ("died", "was", "is", "has", "had", "passed") else set()


NAME_STOPS = {"the", "a", "an", "police", "officers", "deputies", "authorities", "he", "she", "they", "it", "his",
              "her"}


# --- claims ---------------------------------------------------------------------------------------

REST = {"rest": None, "named rest": "named"}   # the private marks of people told as more, and what stays


def _claim(v: Victims, speaker: Speaker | None, sent: Span, document: Document) -> Claim:
    text = span_text(sent)
    lead = len(text) - len(text.lstrip())
    start, end = sent.start_char + lead, sent.start_char + len(text.rstrip())
    # subset carries private marks until the document is settled: "definite" ("the four men"), "rest"
    # ("three others"), "named rest" ("Ann Roe and Tim Brown were also shot"); _settle_shootings and
    # _resolve_definite remove them
    return Claim(figure=v.figure, group=v.group, value=v.value, qualifier=v.qualifier,
                 source=speaker.name if speaker else None,
                 source_type=speaker.source_type if speaker else "unattributed",
                 document=document.name, quote=document.text[start:end], start=start, end=end,
                 subset="named rest" if v.rest and v.subset == "named" else
                 v.subset or ("definite" if v.definite else "rest" if v.rest else None))


# hurt without a weapon: "suffered a cut when he punched a wall", "an officer was hurt in one of those fires"
MISHAP = re.compile(r"\b(?:crash\w*|collision|collided|drown\w*|pool|punch\w*|a cut\b|cuts\b|glass|fell|jump\w*|"
                    r"trampl\w*|(?:house|apartment|car|vehicle|brush) fire|in (?:a|the|one of those) fires?\b|burns?\b|"
                    r"heart attack|bitten|fist ?fight|brawl|(?:in|during) a fight)\b", re.I)
# any attack in the sentence makes its wounds the attack's ("hurt by glass when the blast hit", "stabbed")
ATTACK = re.compile(r"\b(?:stabb\w*|knife|beat\w*|hammer|slash\w*|machete|assault\w*|attack\w*|blast\w*|explo\w*|"
                    r"bomb\w*|shell\w*|strikes?|missiles?|rockets?|mortars?|grenades?|artillery|drones?|raid\w*|"
                    r"clash\w*|fire)\b", re.I)


# a death by accident or illness: "died in a car crash the night before", "died of an apparent heart attack"
FATAL_MISHAP = re.compile(rf"\b(?:{_ACCIDENT}|heart attack)\b", re.I)


def _hurt_otherwise(claim: Claim) -> bool:
    """A wound, or a death, told with an accident as its cause and no weapon in its sentence: in a shooting's
    story, not one of the people shot."""
    mishap = MISHAP if claim.figure == "wounded" else FATAL_MISHAP if claim.figure == "killed" else None
    return mishap is not None and bool(mishap.search(claim.quote)) and not GUNFIRE.search(claim.quote) \
        and not ATTACK.search(mishap.sub("", claim.quote))


def _settle_shootings(claims: list[Claim], lone: dict[str, tuple[Span, Speaker | None]],
                      document: Document) -> list[Claim]:
    """People shot are wounded, less those the text says died; a death or wound told of one
    person without a number counts one when the document has no count of that figure."""
    shooting = GUNFIRE.search(document.text) is not None
    out = [c for c in claims if c.figure != "shot" and not (shooting and _hurt_otherwise(c))]
    lone_death = "killed" in lone and not any(c.figure == "killed" for c in claims)
    if lone_death:
        death = _claim(Victims(1, "exact", "total", 0, 0, figure="killed"), lone["killed"][1], lone["killed"][0],
                       document)
        out = _died_later(out, death, lone["killed"][0])
        out.append(death)
    # a death told of the suspect alone ("the suspect was killed") is not one of the people shot
    victim_died = lone_death and not SHOOTER_DEATH.search(" ".join(sentence_words(lone["killed"][0])))
    killed = max((c.value for c in claims if c.figure == "killed" and not (shooting and _hurt_otherwise(c))
                  and (GUNFIRE.search(c.quote) or not OTHER_CAUSE.search(c.quote))), default=1 if victim_died else 0)
    for c in claims:
        dead = 0 if c.subset in REST else killed
        hurt_otherwise = shooting and _hurt_otherwise(replace(c, figure="wounded"))   # "taken to a hospital after a crash"
        if c.figure == "shot" and c.value > dead and not hurt_otherwise:
            # the private marks go, who was named stays
            named = "named" if c.subset in ("named", "named rest") else None
            out.append(replace(c, figure="wounded", value=c.value - dead, subset=named))
    if "wounded" in lone and not killed and not any(c.figure == "wounded" for c in out):
        out.append(_claim(Victims(1, "exact", "total", 0, 0, figure="wounded"), lone["wounded"][1],
                          lone["wounded"][0], document))
    wounded = [c for c in out if c.figure == "wounded" and c.value]
    if wounded and all(c.group == "security_forces" and c.value == 1 for c in wounded):
        # "a police officer was shot", and no other wound in the text: one person hurt, as "a man was shot"
        # is; a count of a side's forces ("seven soldiers were wounded") stays a group, part of a larger toll
        out.append(replace(wounded[0], group="total"))
    return sorted((replace(c, subset=REST.get(c.subset, c.subset)) for c in out), key=lambda c: c.start)


SHOOTER_DEATH = re.compile(r"\b(?:suspect|gunman|shooter|attacker|assailant)\b[^.;]*?\b(?:was|is) (?:later )?"
                           r"(?:killed|dead|fatally shot|shot dead|shot and killed|pronounced dead)\b|"
                           r"\b(?:fatally|mortally) (?:wounding|wounded|shooting|shot) the (?:suspect|gunman|shooter)\b|"
                           r"\bkilling the (?:suspect|gunman|shooter)\b")
# a sentence about one person already told of: "He ...", "The boy ...", "Police said the victim ...", a name
TOLD_OF_ONE = re.compile(r"(?:\w+ ){0,3}?" + LONE_SUBJECT + r" ")


def _died_later(claims: list[Claim], death: Claim, sent: Span) -> list[Claim]:
    """ "... an accidental shooting that critically injured a 9-year-old boy. [...] The boy was taken off life
    support and passed away.": when the text's only wounds are of one person each, told before a death told
    of "he", "the boy" or a name, that person is the one who died, not one more person hurt."""
    wounds = [c for c in claims if c.figure == "wounded" and c.value]
    words = sentence_words(sent)
    person = {t.i - sent.start for e in entities(sent) if e.label_ == "PERSON" for t in e}
    told_of = " ".join("he" if i in person else w for i, w in enumerate(words) if w.strip())
    if not wounds or not TOLD_OF_ONE.match(told_of) or any(
            c.value != 1 or c.subset in REST or c.start >= death.start or c.group not in PERSON_GROUPS for c in wounds):
        return claims
    return [c for c in claims if c not in wounds]


def _resolve_definite(claims: list[Claim]) -> list[Claim]:
    """ "the four men killed" after "killed four leaders of IS": the same people, the earlier group."""
    out = []
    for c in claims:
        if c.subset == "definite":
            earlier = next((e for e in out if e.figure == c.figure and e.value == c.value and e.group != "total"), None)
            c = replace(c, group=earlier.group, subset=earlier.subset) if earlier else replace(c, subset=None)
        out.append(c)
    return out
