"""Pair scoring: how strongly two mentions read as reports of one incident, and the evidence for it."""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from dataclasses import dataclass

from sitrep.cluster.blocking import DEFAULT_WINDOW_DAYS, LONG_WINDOW_DAYS
from sitrep.cluster.features import TEXT_NAME_RARITY, Features, cosine, features, rarity
from sitrep.extract.places import km
from sitrep.records import Mention

DEFAULT_THRESHOLD = 0.33     # Settings.cluster_threshold; tuned on gva-dev (scripts/tune_clustering.py)
# The rarity-weighted cosine of two reports' sentences counts from TEXT_FLOOR (what unrelated reports of one area
# and week share: "shot", "police", the town; 4 in 5 such gva-dev pairs are below it, over 9 in 10 pairs of
# reports of one incident above) and is full text evidence from TEXT_FULL on.
TEXT_FLOOR = 0.15
TEXT_FULL = 0.5
TEXT_NAMES_ACROSS_DAYS = 3   # rare proper-name words two reports weeks apart must share (`named_across_days`)
# A report dated only by its publication may tell of the day before ("Police said the shooting happened about 11
# p.m."); that day agrees with the other report's, but less than a day both reports give (gva-dev: such reports
# are dated right 41% of the time, a day late 26%).
PUBLISHED_DAY_AGREES = 0.75
# Two reports agreeing that one person (or no one) was killed or wounded: what most shootings have, so that agreement
# counts a quarter of what agreeing on a larger toll does (gva-dev: gold incidents lost to merges 56 -> 39, B³
# F1 0.939 -> 0.937; scripts/tune_clustering.py).
LONE_VICTIM_AGREES = 0.25


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """How much each kind of evidence counts; the positive parts sum to 1. Tuned on gva-dev."""
    text: float = 0.30       # rarity-weighted cosine of the evidence sentences
    salient: float = 0.25    # overlap of numbers and proper names (ages, counts, street and victim names)
    people: float = 0.15     # a named person in common
    place: float = 0.10      # place and date together stay below the threshold: same town and day is not
    date: float = 0.20       # enough, some words of the reports must agree too
    claims: float = 0.10     # same killed/wounded totals (+), different (-)
    event_type: float = 0.05  # different event types (-): weak, reports of one event often classify it apart
    victims_conflict: float = 0.15  # both name victims and none is shared: a different incident (names are noisy)
    ages_conflict: float = 0.15     # both give ages and none is shared ("a 15-year-old boy", "a 14-year-old girl")
    streets_conflict: float = 0.5   # both name the block's street and none is shared: nearly a veto
    # towns over 150 km apart or different admin1: most likely two incidents, but the geocoder's guess is often
    # wrong (a same-named town, a person's name read as a town), so it must not outweigh what the text says
    place_conflict: float = 0.1
    floor: float = 0.08      # no pair across two clusters may score below this for them to merge

    def replace(self, **changes: float) -> "ScoreWeights":
        return dataclasses.replace(self, **changes)


DEFAULT_WEIGHTS = ScoreWeights()


def _place_similarity(fa: Features, fb: Features) -> tuple[float, dict, str | None]:
    """(similarity in [-1, 1], evidence, reason they cannot be one place); -1 is a place conflict.

    Places that disagree (other countries, towns far apart, other admin1) while one report's text names the
    other's town are a geocoder's two readings of one name ("Chelsea", "Winchester"), not two places: they
    count as the same area, neither a conflict nor a match."""
    lat1, lon1, admin_a, country_a, precise_a = fa.place
    lat2, lon2, admin_b, country_b, precise_b = fb.place
    if country_a and country_b and country_a != country_b:
        similarity, evidence, block = 0.0, {"countries": [country_a, country_b]}, "different countries"
    elif lat1 is not None and lat2 is not None:
        distance = km(lat1, lon1, lat2, lon2)
        if distance <= 150 or not (precise_a and precise_b):
            return max(0.0, 1.0 - distance / 50.0), {"km": round(distance, 1)}, None
        similarity, evidence, block = -1.0, {"km": round(distance)}, None
    elif admin_a and admin_b:
        if admin_a == admin_b:
            return 0.5, {"admin1": admin_a}, None
        similarity, evidence, block = -1.0, {"admin1": [admin_a, admin_b]}, None
    else:
        # one report has no place (or no point): its text naming the other's town is what place can say
        similarity, evidence, block = 0.2, {}, None
    if (fa.place_words and fa.place_words <= fb.text.words) or (fb.place_words and fb.place_words <= fa.text.words):
        return 0.5, {**evidence, "town_named_in_both": True}, None
    return similarity, evidence, block


def _date_similarity(a: Features, b: Features, window_days: int) -> tuple[float, dict, str | None]:
    if a.earliest is None or b.earliest is None:
        return 0.3, {}, None
    gap = max(0, max(a.earliest, b.earliest) - min(a.latest, b.latest))
    width = max(a.latest - a.earliest, b.latest - b.earliest)
    evidence: dict = {}
    if gap and (a.lag or b.lag):
        # a report dated by its publication, the day after the other report's date
        lagged = max(0, max(a.earliest - a.lag, b.earliest - b.lag) - min(a.latest, b.latest))
        if lagged < gap:
            gap = lagged
            evidence["dated_by_publication"] = True
    if gap:
        # the follow-up dated by the arrest or the funeral that names the day of the shooting ("the March 9
        # shooting"): that day, against the other report's dates, is what the two dates say
        named = min(((max(0, day - other.latest, other.earliest - day), other.latest - other.earliest, day)
                     for one, other in ((a, b), (b, a)) for day in one.named_days), default=None)
        if named is not None and named[0] < gap:
            gap, width = named[0], named[1]
            evidence["named_day"] = dt.date.fromordinal(named[2]).isoformat()
    if gap > window_days:
        return 0.0, {"days_apart": gap}, "dates incompatible"
    # An exact shared day is strong; overlapping week or month ranges say little; each day apart halves it.
    agreement = PUBLISHED_DAY_AGREES if "dated_by_publication" in evidence else 1.0
    return (agreement * 0.5 ** gap / (1.0 + width / 3.0),
            {"days_apart": gap, "widest_range_days": width, **evidence}, None)


def named_across_days(a: Features, b: Features) -> list[str]:
    """The evidence that lets two reports weeks or months apart be one incident (the arrest, the trial, the
    funeral after the shooting): both name in full one person killed, wounded or arrested, or two rare words of
    such names in one report are among the other's proper names ("Burnsworth" and "Gustafson" in a court
    report, "John Henry Burnsworth fatally shot James Gustafson" in the first one), or three rare proper-name
    words that are not the towns' (the victim, the suspect, the bar, named in the text of both when neither
    names them as a principal). A town, a kind of event or an official quoted in both are never enough."""
    full = sorted(k for k in a.principals & b.principals if " " in k)
    if full:
        return full
    words = (a.person_words & (b.person_words | b.text.name_words)) | (b.person_words & a.text.name_words)
    if len(words) >= 2:
        return sorted(words)
    # a follow-up that names no principal still names what the first reports named: the victim, the suspect,
    # the bar ("Desmond Pryor", "Tallow Creek Tavern"); three such rare names besides the towns', where an
    # official or a hospital named in two reports of one city gives one or two
    places = a.place_words | b.place_words
    text_names = {w for w in a.text.name_words & b.text.name_words if w not in places and rarity(w) >= TEXT_NAME_RARITY}
    return sorted(text_names) if len(text_names) >= TEXT_NAMES_ACROSS_DAYS else []


def score_pair(a: Mention, b: Mention, weights: ScoreWeights = DEFAULT_WEIGHTS,
               window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[float, dict]:
    """Score in [0, 1] that a and b report the same incident, with the evidence for it.

    A pair that cannot be one incident (different countries, dates further apart than the window with no
    person named in both, dates more than LONG_WINDOW_DAYS apart) scores 0 with evidence["cannot_link"] saying
    why; distant towns or different admin1 and differently named victims are strong penalties, which the text
    can outweigh only when it is nearly the same report.
    """
    if a.id > b.id:
        a, b = b, a
    fa, fb = features(a), features(b)
    place, place_ev, place_block = _place_similarity(fa, fb)
    date, date_ev, date_block = _date_similarity(fa, fb, window_days)
    evidence: dict = {"place": round(place, 3), **place_ev, "date": round(date, 3), **date_ev}
    if date_block and not place_block and date_ev["days_apart"] <= LONG_WINDOW_DAYS:
        named = named_across_days(fa, fb)
        if named:
            date_block = None
            evidence["named_across_days"] = named[:5]
    blocked = place_block or date_block
    if blocked:
        evidence["cannot_link"] = blocked
        return 0.0, evidence
    text = cosine(fa.text.weights, fb.text.weights)
    shared_salient = fa.text.salient & fb.text.salient
    text_evidence = min(1.0, max(0.0, text - TEXT_FLOOR) / (TEXT_FULL - TEXT_FLOOR))
    if fa.language != fb.language:
        # reports in two languages share no wording: a distinctive toll both give stands in for it, and the
        # town both name, all their names would otherwise share, is no evidence
        shared_tolls = sorted(fa.tolls & fb.tolls)
        text_evidence = 1.0 if shared_tolls else 0.0
        if shared_tolls:
            evidence["tolls_across_languages"] = shared_tolls[:3]
        shared_salient = {s for s in shared_salient if not set(s.split()) <= fa.place_words | fb.place_words}
    salient = len(shared_salient) / math.sqrt(len(fa.text.salient) * len(fb.text.salient)) if shared_salient else 0.0
    shared_people = sorted(fa.people & fb.people) or sorted((fa.surnames | fa.people) & (fb.surnames | fb.people))
    people = 1.0 if shared_people else 0.0
    # a person killed, wounded or arrested in one report, named in the other's text though not extracted there
    # as a principal (the victim a follow-up names in passing, the suspect a first report names): people in common
    named_in_other = (fa.person_words & fb.text.name_words) | (fb.person_words & fa.text.name_words)
    if not shared_people and named_in_other:
        people = 1.0
        evidence["principal_named_in_other"] = sorted(named_in_other)[:3]
    place_weight = weights.place if place >= 0 else weights.place_conflict
    score = (weights.text * text_evidence + weights.salient * salient + weights.people * people
             + place_weight * place + weights.date * date)
    evidence.update(text=round(text, 3), salient=round(salient, 3))
    if shared_people:
        evidence["shared_people"] = shared_people[:5]
    if fa.victims and fb.victims and not (fa.victims & fb.victims) and not shared_people and not named_in_other:
        score -= weights.victims_conflict
        evidence["different_victims"] = [sorted(fa.victims)[:3], sorted(fb.victims)[:3]]
    if fa.text.ages and fb.text.ages and not (fa.text.ages & fb.text.ages) and not shared_people:
        score -= weights.ages_conflict
        evidence["different_ages"] = [sorted(fa.text.ages), sorted(fb.text.ages)]
    if fa.text.streets and fb.text.streets and not (fa.text.streets & fb.text.streets) and not shared_people:
        score -= weights.streets_conflict
        evidence["different_streets"] = [sorted(fa.text.streets), sorted(fb.text.streets)]
    # a report often gives several tallies (the dead at first, the dead now): a figure agrees when any is shared
    common = sorted(set(fa.tallies) & set(fb.tallies))
    if common:
        agree = sum(bool(fa.tallies[k] & fb.tallies[k]) for k in common) / len(common)
        shared = [v for k in common for v in fa.tallies[k] & fb.tallies[k]]
        score += weights.claims * (2 * agree - 1) * (LONE_VICTIM_AGREES if agree > 0.5 and max(shared) <= 1 else 1.0)
        evidence["figures_agree"] = round(agree, 2)
    if fa.event_type and fb.event_type and fa.event_type != fb.event_type:
        score -= weights.event_type
        evidence["event_types"] = [fa.event_type, fb.event_type]
    return min(1.0, max(0.0, score)), evidence
