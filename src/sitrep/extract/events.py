"""What happened, to whom and when: ACLED event type of a sentence, named people with their fate, actors with
roles, and the date of an article's main event.

Keyword rules over word forms (the pipeline has no lemmatizer or parser: see nlp.py), grouped in tiers:
a specific kind of violence (raid, airstrike, shelling, IED...) outranks generic violence words (killed, shot,
attack), which outrank arrests; within a tier the trigger that comes first in the sentence wins, since news
leads name the main event before its consequences ("killed in shelling and clashes that followed the raid").
Types follow the ACLED codebook: a military raid on an armed group is a Battle (Armed clash); a shooting of
civilians is Violence against civilians (Attack); remote weapons are Explosions/Remote violence.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from sitrep.extract.nlp import entities, span_text, text_of, tokens_of
from sitrep.records import Actor, Person

_F = re.IGNORECASE
EXPLOSIONS, BATTLES, VAC = "Explosions/Remote violence", "Battles", "Violence against civilians"

# (event_type, sub_event_type, action, trigger) — the specific tier, in no particular order.
_SPECIFIC = [
    (EXPLOSIONS, "Suicide bomb", "suicide_bombing", r"suicide (?:car )?(?:bomb|bomber|bombers|bombing|bombings|attack"
     r"|attacker|attackers|vest)s?|blew (?:himself|herself|themselves) up|self-detonat\w*"),
    (EXPLOSIONS, "Air/drone strike", "drone_strike", r"drone (?:strike|attack)s?|(?:armed |kamikaze )?drones? "
     r"(?:struck|hit|targeted|bombed|fired)|uav (?:strike|attack)s?"),
    (EXPLOSIONS, "Air/drone strike", "airstrike", r"air ?strikes?|air raids?|aerial (?:bombardment|attack|bombing)s?"
     r"|warplanes?|fighter jets?|barrel bombs?|(?:military|coalition|u\.?s\.?|israeli|russian|turkish|american"
     r"|precision) strikes?|strikes? (?:killed|hit|targeted|destroyed)"),
    (EXPLOSIONS, "Shelling/artillery/missile attack", "shelling", r"shelling|shelled|artillery|mortars?(?! and pestle)"
     r"|rocket (?:fire|attack)s?|rockets? (?:hit|struck|landed|slammed)|missile (?:strike|attack)s?|missiles? "
     r"(?:hit|struck|slammed)|(?:fired|launched) (?:rockets|missiles|mortars)|ballistic missiles?"),
    (EXPLOSIONS, "Remote explosive/landmine/IED", "ied", r"ieds?|improvised explosive|roadside bombs?|land ?mines?"
     r"|explosive devices?|booby[- ]trap\w*|sticky bombs?|magnetic bombs?"),
    (EXPLOSIONS, "Remote explosive/landmine/IED", "bombing", r"car bombs?|vbieds?|bomb(?:s|ing|ings|ed)?(?![- ]"
     r"(?:threat|making|squad))|explosions?|exploded|detonated|bomb blasts?|blasts? (?:killed|ripped|hit|struck|tore)"),
    (EXPLOSIONS, "Grenade", "bombing", r"(?:hand )?grenades?"),
    (BATTLES, "Armed clash", "raid", r"raid(?:s|ed|ing)?|commando (?:operation|assault)s?|special forces (?:operation"
     r"|assault)s?|counter-?terror(?:ism)? operations?|ground (?:assault|operation)s?"),
    (BATTLES, "Government regains territory", "clash", r"recaptured|retook|retaken|regained control|recapture of"
     r"|liberated (?:the )?(?:town|city|village|district|area)"),
    (BATTLES, "Non-state actor overtakes territory", "clash", r"(?:seized|took) control of|overran|captured the "
     r"(?:town|city|village|district|base)|fell to (?:the )?(?:militants|rebels|insurgents|jihadists|fighters)"),
    (BATTLES, "Armed clash", "clash", r"clash(?:es|ed)?|fighting|firefights?|gun ?battles?|exchanges? of fire"
     r"|exchanged fire|battles?|ambush(?:ed|es)?|skirmish(?:es)?"),
    (VAC, "Attack", "massacre", r"massacres?|massacred"),
    (VAC, "Attack", "execution", r"executed(?! (?:a|the) (?:search )?warrant)|executions?|beheaded|beheadings?"),
    (VAC, "Abduction/forced disappearance", "abduction", r"abduct(?:ed|ion|ions|s)?|kidnap(?:ped|ping|pings|s)?"
     r"|taken hostage|forcibly disappeared|enforced disappearance"),
    (VAC, "Sexual violence", "attack", r"raped|rape|sexual(?:ly)? (?:violence|assault|assaulted)"),
    ("Riots", "Violent demonstration", "protest", r"riot(?:s|ers|ing)?|rioted"),
    ("Riots", "Mob violence", "attack", r"mobs?|lynch(?:ed|ing)?"),
    ("Protests", "Peaceful protest", "protest", r"protest(?:s|ers|ors|ed|ing)?|demonstrat(?:ion|ions|ors|ed)"
     r"|rall(?:y|ies|ied) against|sit-ins?|march(?:ed|es)? (?:\w+ly )?(?:through|to|against|in protest)|took to the streets"
     r"|(?:went|go|going) on strike|(?:hunger|general) strike|marchers"),
]
# headlines speak in the present tense: "Man shoots wife", "Gunman kills 3", "Teen dies after crash"
_GENERIC = (VAC, "Attack", "attack", r"shot|shoots|shooting|shootings|shootout|gunman|gunmen|gunfire|gunshots?"
            r"|bullets?|opened fire|fired (?:shots|at)|stabb(?:ed|ing)|stabs|murder(?:ed|s)?|homicides?|slain|slayings?"
            r"|killed|kills|killing|attack(?:s|ed|ing)?|assault(?:ed)?|assassinat\w+|wounded|wounding|injured"
            r"|injuring|died|dies|dead|fatal(?:ly)?")
_ARREST = ("Strategic developments", "Arrests", "arrest", r"arrest(?:s|ed|ing)?|detained|detain(?:s|ing)?"
           r"|apprehended|taken into custody|rounded up|(?:was|were) captured|charged with|booked")
# Phrases that contain a trigger word but report no violent event.
_NOT_EVENTS = re.compile(r"\bfighting for (?:his|her|their) li(?:fe|ves)|\b(?:heart|panic|asthma|anxiety) attacks?"
                         r"|\b(?:mug|booster|flu|vaccine) ?shots?"
                         r"|\bscreenshots?|\bhunger strikes?|\bshot (?:a|the) (?:video|film|footage)|\bbomb threats?"
                         r"|\bstrike (?:a|the) deal|\bbattlefield|\bbattle (?:over|for) custody", _F)
_CIVILIANS = re.compile(r"\b(?:civilians?|villagers|worshippers|students|children|women|residents|passengers"
                        r"|shoppers|families|family|teens?|man|woman|boy|girl|daughter|son|wife|husband|mother"
                        r"|father)\b", _F)
_ARMED = re.compile(r"\b(?:soldiers?|troops|army|checkpoints?|militants?|insurgents?|rebels?|fighters|jihadists"
                    r"|security forces|militia(?:s|men)?|military (?:post|base|convoy|position)s?|convoys?"
                    r"|outposts?)\b", _F)
_PROTESTERS = re.compile(r"\b(?:protesters|protestors|demonstrators|marchers|protest|demonstration)\b", _F)
_VIOLENT_PROTEST = re.compile(r"\b(?:clash\w*|threw (?:stones|rocks)|torched|set fire|burned|looted|riot\w*)\b", _F)
_INTERVENTION = re.compile(r"\b(?:tear gas|dispersed|rubber bullets|water cannon|arrested)\b", _F)
_FORCE_ON_PROTESTERS = re.compile(r"\b(?:killed|shot|opened fire on|fired on|live (?:fire|ammunition))\b", _F)


def _compile(rule: tuple[str, str, str, str]) -> tuple[str, str, str, re.Pattern]:
    event_type, sub_type, action, trigger = rule
    return event_type, sub_type, action, re.compile(rf"\b(?:{trigger})\b", _F)


_GENERIC_RULE, _ARREST_RULE = _compile(_GENERIC), _compile(_ARREST)
VIOLENCE = _GENERIC_RULE[3]   # a word of violence in a sentence: shot, killed, stabbing...


def _alternation(rules: list[tuple[str, str, str, str]]) -> tuple[re.Pattern, list[tuple[str, str, str]]]:
    """One pattern for many rules: its leftmost match is the earliest trigger in the text, and at
    one position the first rule in order wins, as with one search per rule but in a single scan."""
    # the word start is tested once before the alternatives, not once per rule (every trigger starts with a
    # letter): the same matches, three times faster on text where most positions start no word
    pattern = "|".join(rf"(?P<r{i}>(?:{trigger})\b)" for i, (_, _, _, trigger) in enumerate(rules))
    return re.compile(rf"\b(?=\w)(?:{pattern})", _F), [r[:3] for r in rules]


_TERRITORY = _alternation([r for r in _SPECIFIC if "territory" in r[1]])
_ANY_SPECIFIC = _alternation(_SPECIFIC)


def _first_match(text: str, rules: tuple[re.Pattern, list[tuple[str, str, str]]]) -> tuple[str, str, str] | None:
    pattern, labels = rules
    m = pattern.search(text)
    return labels[int(m.lastgroup[1:])] if m else None


def _protest(text: str) -> tuple[str, str, str]:
    """ACLED splits demonstrations by what happened at them."""
    if _VIOLENT_PROTEST.search(text):
        return "Riots", "Violent demonstration", "protest"
    if _FORCE_ON_PROTESTERS.search(text):
        return "Protests", "Excessive force against protesters", "protest"
    if _INTERVENTION.search(text):
        return "Protests", "Protest with intervention", "protest"
    return "Protests", "Peaceful protest", "protest"


@lru_cache(maxsize=4096)   # each sentence is asked about by mentions, dates and actors
def classify_event(text: str) -> tuple[str | None, str | None, str]:
    """(ACLED event_type, sub_event_type, action) of a sentence or lead paragraph; (None, None, "other")
    when it reports no event."""
    text = _NOT_EVENTS.sub(" ", text)
    if _PROTESTERS.search(text):
        return _protest(text)
    territory = _first_match(text, _TERRITORY)
    if territory:
        return territory
    specific = _first_match(text, _ANY_SPECIFIC)
    if specific:
        event_type, sub_type, action = specific
        violent = _GENERIC_RULE[3].search(text)
        if action == "raid" and not violent and _ARREST_RULE[3].search(text):
            return _ARREST_RULE[:3]             # a police raid that only arrested people
        return event_type, sub_type, action
    if _GENERIC_RULE[3].search(text):
        if _ARMED.search(text) and not _CIVILIANS.search(text):
            return BATTLES, "Armed clash", "attack"
        return _GENERIC_RULE[:3]
    if _ARREST_RULE[3].search(text):
        return _ARREST_RULE[:3]
    return None, None, "other"


def event_cue(text: str) -> str | None:
    """The action when the sentence reports a violent event or an arrest, else None."""
    action = classify_event(text)[2]
    return None if action == "other" else action


# ---- named people and their fate -------------------------------------------------------------------------

_TITLES = re.compile(r"^(?:(?:former|late|then|President|Vice President|Prime Minister"
                     r"|Minister|Gen\.?|General|Lt\.?|Lieutenant|Col\.?|Colonel|Maj\.?|Major|Capt\.?|Captain|Sgt\.?"
                     r"|Sergeant|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Sheikh|Commander|Officer|Deputy|Senator|Sen\.?|Rep\.?"
                     r"|King|Prince|Imam|Chief|Emir|leader|aide)\s+)+")
# Kunyas and nasab names the small model misses or mislabels: Abu Zeinab, Abu-Ali al-Tunisi, Umm Sayyaf, bin Laden.
# A lone "al-X" is more often an organisation (al-Qaida, al-Shabaab) than a person: two parts are required.
_ARABIC_NAME = re.compile(r"\b(?:Abu|Umm|Ibn|Bin|bin)[- ](?:al-)?[A-Z]\w+(?:[- ](?:(?:al|el|bin|ibn|abu|abd)[- ])?"
                          r"[A-Z]\w+)*|\b[Aa]l-[A-Z]\w+(?:\s+[Aa]l-[A-Z]\w+)+")
SPEECH_VERBS = r"said|says|told|announced|added|stated|reported|claimed|wrote|tweeted|confirmed|noted|explained|insisted"
_FATES = [  # (role, trigger phrase); passive forms are handled by the "was/were" prefix in _AFTER
    ("killed", r"shot (?:dead|to death)|stabbed to death|beaten to death|(?:shot|targeted|attacked) and killed"
     r"|killed|killing|slain|assassinated|assassination of|executed|execution of|murdered|murder of|beheaded"
     r"|gunned down|fatally (?:shot|wounded|stabbed)|found dead|pronounced dead|deaths? of|died|dies|take out"
     r"|took out|taken out|eliminated|blew himself up|blew herself up"),
    ("wounded", r"wounded|wounding|injured|injuring|hurt|shot|stabbed|hospitali[sz]ed"),
    ("arrested", r"arrested|arrest of|detained|detention of|apprehended|captured|taken into custody|charged"),
    ("other", r"targeted|targeting|hunted|sought"),   # the named target of an operation, fate not stated
]
_FATE_RE = [(role, re.compile(rf"\b(?:{trigger})\b", _F)) for role, trigger in _FATES]
_AFTER = re.compile(rf"^\s*(?:,[^,;]{{0,60}},)?\s*,?\s*(?:who\s+)?(?:(?:was|were|had been|has been|have been|is|are"
                    rf"|got|being)\s+)?(?:\w+ly\s+)?(?:(?:{SPEECH_VERBS})\b)?", _F)
_BREAK = re.compile(rf"\b(?:{SPEECH_VERBS}|by|during|who|which|when|while|after|before|according|that)\b|;",
                    _F)
_LIST = re.compile(r"^\s*(?:were|are|was|is|included|include|including|:)\b", _F)


def canonical_person(name: str) -> str:
    """A person's name without titles, quotes or a possessive ending."""
    name = re.sub(r"[\"“”]", "", name).strip()
    name = re.sub(r"['’]s$", "", name)
    name = _TITLES.sub("", name)
    return re.sub(r"\s+", " ", name).strip(" ,.")


def _name_spans(sent) -> list[tuple[int, int]]:
    """Character spans (relative to the sentence) of person names: NER PERSON plus Arabic name patterns."""
    base = sent.start_char
    spans = [(e.start_char - base, e.end_char - base - (2 if re.search(r"['’]s$", e.text) else 0))
             for e in entities(sent) if e.label_ == "PERSON" and len(re.sub(r"\W", "", e.text)) >= 3]
    for match in _ARABIC_NAME.finditer(span_text(sent)):
        s, e = match.span()
        overlapping = [sp for sp in spans if sp[0] < e and s < sp[1]]
        spans = [sp for sp in spans if sp not in overlapping]
        spans.append((min([s, *[sp[0] for sp in overlapping]]), max([e, *[sp[1] for sp in overlapping]])))
    return sorted(spans)


def _is_modifier(text: str, end: int) -> bool:
    """"bin Laden aide X", "Biden's": a name qualifying another noun is not the one whose fate is told."""
    return bool(re.match(r"['’]s\b|\s+(?!(?:in|at|on|of|for|from|with|to|near|during|and|or|as|by|who|was|were"
                         r"|is|had|has)\b)[a-z]+\s+[A-Z]", text[end:end + 30]))


def _fate_after(text: str, end: int) -> str | None:
    """Fate told right after the name: "X was killed", "X, 25, died", "X, who was shot dead"."""
    tail = text[end:end + 120]
    prefix = _AFTER.match(tail)
    if prefix is None or re.search(rf"\b(?:{SPEECH_VERBS})\b", prefix.group(0), _F):
        return None
    rest = tail[prefix.end():]
    for role, pattern in _FATE_RE:
        match = pattern.match(rest.lstrip()) if rest.strip() else None
        if match and (prefix.group(0).strip(" ,") or role == "killed" and match.group(0).lower() in ("died", "dies")
                      or role == "killed" and match.group(0).lower().startswith("blew")):
            return role
    return None


def _fate_before(text: str, start: int, names: list[tuple[int, int]]) -> str | None:
    """Fate told before the name: "killed X", "the death of a militant identified as X", "the four men killed
    were A, B and C" (a list: every name after it)."""
    head = text[:start]
    best = None
    for role, pattern in _FATE_RE:
        for match in pattern.finditer(head):
            if best is None or match.end() > best[1].end():
                best = (role, match)
    if best is None:
        return None
    role, match = best
    between = head[match.end():]
    if _LIST.match(between):
        return None if re.search(r";", between) else role
    others = [s for s, e in names if match.end() <= s < start and not _is_modifier(text, e)]
    place_like = re.search(r"\b(?:in|at|near|from|outside|inside)\s+(?:the\s+)?$", between, _F)
    if others or place_like or _BREAK.search(between) or len(between.split()) > 12:
        return None
    return role


def _with_head(sent):
    """The sentence joined to the ones before it when the sentencizer split it after an abbreviation or
    initials ("identified as "Kh.Sh.Sh.," also known as ..."), or the fragment starts in lower case."""
    doc, start = sent.doc, sent.start
    tokens, text = tokens_of(doc), text_of(doc)
    # the previous sentence's last tokens, not Token.sent: that scans every sentence of the doc on each call
    while start > 0 and (re.match(r"\s*[a-z]", text[tokens[start].idx:sent.end_char])
                         or re.search(r"\b[A-Z][a-z]{0,2}\.[\"”',\s]*$", span_text(doc[max(0, start - 4):start]))):
        start -= 1
        while start > 0 and not tokens[start].is_sent_start:
            start -= 1
    return sent if start == sent.start else doc[start:sent.end]


_SIGNATURE_AFTER = re.compile(r"\s*\(@\w+\)")
_BYLINE_BEFORE = re.compile(r"(?:\bby:?|[—–])\s*$", re.I)


def people_with_fates(sent) -> list[Person]:
    """Named people in a spaCy sentence whose fate the sentence states (killed, wounded, arrested; `other` for
    the named target of an operation). Speakers ("Biden said") and people merely named are not returned."""
    own_start = sent.start_char
    sent = _with_head(sent)
    text = span_text(sent)
    spans = _name_spans(sent)
    people: dict[str, str] = {}
    for start, end in spans:
        if start + sent.start_char < own_start:
            continue
        if re.match(rf"\s*(?:,[^,]{{0,60}},)?\s*(?:{SPEECH_VERBS})\b", text[end:end + 80], _F) or _is_modifier(text, end):
            continue
        if _SIGNATURE_AFTER.match(text, end) or _BYLINE_BEFORE.search(text[max(0, start - 12):start]):
            continue    # who wrote or posted it: "by: Nicole Carr", "— Nicole Carr (@NicoleCarrWSB)"
        role = _fate_after(text, end) or _fate_before(text, start, spans)
        name = canonical_person(text[start:end])
        if role and name and name not in people:
            people[name] = role
    return [Person(name, role) for name, role in people.items()]


# ---- actors and their roles ------------------------------------------------------------------------------

_UNIT_OF_ORG = re.compile(r"^['’]s\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}")   # "INSS's Counter-Terrorism Cell"
_FORCE_NOUN = (r"(?:(?:-led|-backed)?\s*(?:(?:special|security|armed|government"
               r"|coalition|regime|military|air|ground|elite|intelligence|naval|allied|rebel|opposition|police"
               r"|counter-terrorism)\s+)*(?:forces|troops|military|army|soldiers|commandos|militants|fighters|police"
               r"|air force|navy|warplanes|jets|drones?|services?|coalition|militias?|rebels|insurgents|operatives"
               r"|agents|officers|cell|unit)\b)")
_FORCE_RE = re.compile(rf"^{_FORCE_NOUN}")
_EVENT_VERB = (r"carried out|conducted|launched|killed|kill|raided|attacked|struck|shelled|bombed|targeted|stormed"
               r"|ambushed|fired|opened fire|shot|executed|abducted|kidnapped|arrested|detained|captured|seized"
               r"|clashed|bombarded|hit|led|recaptured|retook|overran")
_EVENT_NOUN = r"raid|strike|airstrike|air strike|drone strike|operation|attack|assault|offensive|bombing|shelling"
_AS_PERPETRATOR = re.compile(rf"^\s*(?:\([^)]*\)\s*)?(?:,[^,;]{{0,60}},\s*)?(?:have |has |had )?(?:\w+ly\s+)?"
                             rf"(?:{_EVENT_VERB})\b"
                             rf"|^\s*(?:\w+\s+)?(?:{_EVENT_NOUN})s?\b", _F)
_BY_BEFORE = re.compile(rf"\b(?:{_EVENT_VERB}|{_EVENT_NOUN})s?\b(?:\s+\w+){{0,3}}\s+by\s+(?:the\s+)?$", _F)
_TARGET_BEFORE = re.compile(r"\b(?:targeted|targeting|against|attacked|raided|struck|shelled|bombed|bombarded|hit"
                            r"|killed|kill|killing|ambushed"
                            r"|fought|clashed with|attacks? on|raids? on|strikes? on|assault on|war on)\s+"
                            r"(?:[\w-]+\s+){0,4}$", _F)
_PLACE_AFTER = re.compile(r"^\s*(?:area|governorate|province|district|region|village|town|city|neighbou?rhood)\b", _F)
_PARTNER_BEFORE = re.compile(r"\b(?:in coordination with|coordinated with|alongside|with the (?:help|support"
                             r"|assistance) of|jointly with|in cooperation with|in partnership with|together with"
                             r"|backed by|supported by|aided by)\s+(?:the\s+)?$", _F)


def _actor_spans(sent) -> list[tuple[int, int, bool, bool]]:
    """(start, end, nationality, place_like) of organisation-like names: ORG, NORP and GPE entities, extended
    over a force noun ("Iraqi security forces", "U.S. special forces"). `nationality` marks a bare NORP
    ("Yazidis", who can be victims); `place_like` a bare country or nationality, an actor only as the doer."""
    base, text, spans = sent.start_char, span_text(sent), []
    for ent in entities(sent):
        if ent.label_ not in ("ORG", "NORP", "GPE"):
            continue
        s, e = ent.start_char - base, ent.end_char - base
        force = _FORCE_RE.match(text[e:]) or (_UNIT_OF_ORG.match(text[e:]) if ent.label_ == "ORG" else None)
        if force:
            e += force.end()
        spans.append((s, e, ent.label_ == "NORP" and not force, ent.label_ != "ORG" and not force))
    return spans


def actors_with_roles(sent, resolve: Callable[[str], str | None]) -> list[Actor]:
    """Actors in a spaCy sentence with the role the sentence gives them: perpetrator ("X carried out", "X raid",
    "by X"), target ("targeted Y", "killed a Y leader"; victim when the sentence reports violence against
    civilians), partner ("in coordination with Z"). Names are canonicalised by `resolve`, kept as written
    when it returns None."""
    text = span_text(sent)
    event_type = classify_event(text)[0]
    actors: dict[str, str] = {}
    for start, end, nationality, place_like in _actor_spans(sent):
        before, after = text[:start], text[end:]
        if _PLACE_AFTER.match(after) or place_like and re.search(r"\b(?:in|at|near|inside|across)\s+(?:[a-z-]+\s+){0,2}$", before):
            continue
        if _PARTNER_BEFORE.search(before):
            role = "partner"
        elif _AS_PERPETRATOR.match(after) or _BY_BEFORE.search(before):
            role = "perpetrator"
        elif _TARGET_BEFORE.search(before) and not place_like:
            role = "victim" if event_type == VAC and nationality else "target"
        else:
            continue
        written = re.sub(r"['’]s$", "", re.sub(r"^(?:the|a|an)\s+", "", text[start:end], flags=_F)).strip()
        name = resolve(written) or written
        actors.setdefault(name, role)
    return [Actor(name, role) for name, role in actors.items()]
