"""Cross-document incident clustering: every report of one incident in one cluster, two incidents never merged.

Pure functions over Mentions (no I/O). Blocking keys (date window x area, plus named people) give the candidate
pairs so that placing one new mention costs the same whatever the store size; `score_pair` explains each pair;
`cluster_mentions` is a deterministic, order-independent agglomeration (same set in, same partition and ids out).
Its result decomposes over the components of the "link" graph (pairs scoring at least the threshold), so the
incremental path re-clusters only the link component of the new mentions and equals the batch result.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from unidecode import unidecode

from sitrep.extract.places import km
from sitrep.records import EventDate, Mention

DEFAULT_THRESHOLD = 0.33     # Settings.cluster_threshold; tuned on gva-dev (scripts/tune_clustering.py)
DEFAULT_WINDOW_DAYS = 7      # Settings.date_window_days: farther apart than this, two dates cannot be one incident
COARSE_SPAN_DAYS = 45        # a date range wider than this (year, unknown) gets year keys instead of day keys
PRECISE_PLACES = {"point", "town", "admin2"}
WORD = re.compile(r"[^\W_]+")
NUMBER = re.compile(r"\b\d\d+\b")   # ages, house numbers, tolls; single digits are in every report
CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
TITLES = {"mr", "mrs", "ms", "dr", "sgt", "officer", "detective", "lt", "capt", "gen", "col", "president",
          "jr", "sr", "ii", "iii", "iv"}


@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """How much each kind of evidence counts; the positive parts sum to 1. Tuned on gva-dev."""
    text: float = 0.30       # content-word overlap of the evidence sentences
    salient: float = 0.25    # overlap of numbers and proper names (ages, counts, street and victim names)
    people: float = 0.15     # a named person in common
    place: float = 0.10      # place and date together stay below the threshold: same town and day is not
    date: float = 0.20       # enough, some words of the reports must agree too
    claims: float = 0.10     # same killed/wounded totals (+), different (-)
    event_type: float = 0.05  # different event types (-): weak, reports of one event often classify it apart
    victims_conflict: float = 0.15  # both name victims and none is shared: a different incident (names are noisy)
    # towns over 150 km apart or different admin1: most likely two incidents, but a geocoder's wrong guess
    # among same-named towns must not forbid what the text says is one event
    place_conflict: float = 0.3
    floor: float = 0.08      # no pair across two clusters may score below this for them to merge

    def replace(self, **changes: float) -> "ScoreWeights":
        return dataclasses.replace(self, **changes)


DEFAULT_WEIGHTS = ScoreWeights()


@dataclass(frozen=True, slots=True)
class Cluster:
    """One incident as clustering sees it: its members and why each joined."""
    incident_id: str
    mention_ids: tuple[str, ...]
    joins: tuple[tuple[str, float, dict], ...] = ()


@dataclass(frozen=True, slots=True)
class Recluster:
    """The clusters replacing the neighbourhood's previous ones, and what changed."""
    clusters: tuple[Cluster, ...]
    history: tuple[dict, ...]


def incident_id(mention_ids: Iterable[str]) -> str:
    """Stable id from the smallest member id (callers pass primary members first when there are any)."""
    return "inc-" + hashlib.sha1(min(mention_ids).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------- features

@dataclass(frozen=True, slots=True)
class _TextFeatures:
    words: frozenset[str]
    salient: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Features:
    earliest: int | None      # date bounds as ordinals
    latest: int | None
    place: tuple              # (lat, lon, admin1, country, precise)
    people: frozenset[str]
    surnames: frozenset[str]
    victims: frozenset[str]
    totals: tuple             # ((figure, value), ...) of "total" killed/wounded claims
    event_type: str | None
    text: _TextFeatures


def _norm(text: str) -> str:
    return " ".join(WORD.findall((text if text.isascii() else unidecode(text)).lower()))


def _person_key(name: str) -> str:
    return " ".join(t for t in _norm(name).split() if t not in TITLES)


def _day(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def date_bounds(date: EventDate, published: str | None = None) -> tuple[int | None, int | None]:
    """Earliest and latest possible day (ordinals) of an EventDate; without one, the fortnight before publication."""
    earliest, latest = _day(date.earliest), _day(date.latest)
    if earliest is not None and latest is not None:
        return earliest, latest
    value = date.value or ""
    try:
        if len(value) >= 10:
            day = dt.date.fromisoformat(value[:10]).toordinal()
            return day, day
        if len(value) == 7:
            first = dt.date(int(value[:4]), int(value[5:7]), 1)
            nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first.toordinal(), nxt.toordinal() - 1
        if len(value) == 4:
            return dt.date(int(value), 1, 1).toordinal(), dt.date(int(value), 12, 31).toordinal()
    except ValueError:
        pass
    pub = _day(published)
    return (pub - 14, pub) if pub is not None else (None, None)


@lru_cache(maxsize=8192)
def evidence_features(evidence: str) -> _TextFeatures:
    """Content words, and the 'salient' tokens that tell similar incidents apart: numbers and proper names."""
    words = frozenset(w for w in _norm(evidence).split() if len(w) > 2 and w not in STOP_WORDS and not w.isdigit())
    salient = set(NUMBER.findall(evidence))
    for match in CAPITALISED.finditer(evidence):
        key = _norm(match.group())
        if key and key not in CALENDAR and key not in STOP_WORDS:
            salient.add(key)
    return _TextFeatures(words, frozenset(salient))


_FEATURES: dict[str, tuple[Mention, _Features]] = {}
_FEATURES_KEPT = 20_000   # a bound on memory; new mentions are compared with recent ones


def _features(m: Mention) -> _Features:
    """Per-mention features, memoised by id (hashing a whole Mention costs more than computing some of them)."""
    found = _FEATURES.get(m.id)
    if found is not None and (found[0] is m or found[0] == m):
        return found[1]
    if len(_FEATURES) >= _FEATURES_KEPT:
        _FEATURES.clear()
    features = _FEATURES[m.id] = (m, _compute_features(m))
    return features[1]


def _compute_features(m: Mention) -> _Features:
    earliest, latest = date_bounds(m.date, m.published)
    p = m.place
    place = (p.lat, p.lon, _norm(p.admin1) if p.admin1 else None, (p.country or "").upper() or None,
             p.precision in PRECISE_PLACES)
    people = frozenset(k for k in (_person_key(x.name) for x in m.people) if k)
    victims = frozenset(k for k in (_person_key(x.name) for x in m.people if x.role in ("killed", "wounded")) if k)
    totals = tuple(sorted({(c.figure, c.value) for c in m.claims if c.group == "total"
                           and c.figure in ("killed", "wounded")}))
    return _Features(earliest, latest, place, people, frozenset(k.split()[-1] for k in people if " " in k),
                     victims, totals, m.event_type, evidence_features(m.evidence))


# ---------------------------------------------------------------- blocking

def _area_key(m: Mention) -> str | None:
    p = m.place
    country = (p.country or "").upper()
    if p.admin1:
        return f"{country}/{_norm(p.admin1)}"
    if p.lat is not None and p.lon is not None:
        return f"{country}/cell{math.floor(p.lat)},{math.floor(p.lon)}"
    return country or None


def block_keys(m: Mention, window_days: int = DEFAULT_WINDOW_DAYS) -> list[str]:
    """Keys two mentions must share to be compared at all.

    Buckets of window+1 days over the date bounds widened by half the window (two ranges within `window_days`
    of each other then share a day, so a bucket: 2 or 3 keys for a dated day) crossed with the admin1 area (else
    a 1-degree cell, else the country, else "?"); a range wider than COARSE_SPAN_DAYS gets year keys instead
    (such mentions meet only each other and, through people keys, the incidents of the people they name); each
    named person gives a key per year, and one more shared with undated mentions. Every other bucket is bounded
    in time, so its size does not grow with the store. Actors are not keys: one armed group acts in many incidents a week, so they would narrow nothing.
    """
    f = _features(m)
    area = _area_key(m) or "?"
    keys: set[str] = set()
    if f.earliest is not None:
        pad, width = (window_days + 1) // 2, window_days + 1
        if f.latest - f.earliest <= COARSE_SPAN_DAYS:
            first, last = (f.earliest - pad) // width, (f.latest + pad) // width
            keys.update(f"d{width}:{bucket}:{area}" for bucket in range(first, last + 1))
        else:
            first, last = (dt.date.fromordinal(x).year for x in (f.earliest, f.latest))
            keys.update(f"y:{year}:{area}" for year in range(first, min(last, first + 2) + 1))
        years = {dt.date.fromordinal(x).year for x in (f.earliest, f.latest)}
        keys.update(f"p:{person}:{year}" for person in f.people for year in years)
    # a named person also meets that person's undated mentions (an article with no date at all): this
    # bucket grows with how often one person is named in violent events, not with the store
    keys.update(f"p:{person}:?" for person in f.people)
    if area != "?":
        # anchorless mentions (no event date, no publication date) and dated ones find each other through
        # two area keys that only the other kind looks up (see lookup_keys)
        keys.add(f"a:{area}" if f.earliest is not None else f"u:{area}")
    return sorted(keys)


def lookup_keys(m: Mention, window_days: int = DEFAULT_WINDOW_DAYS) -> list[str]:
    """Keys to look a mention's candidates up by: its block keys, except that a dated mention looks up the
    anchorless mentions of its area ("u:") instead of every dated one ("a:"), and an anchorless mention looks
    up the dated mentions of its area. Only mentions of an article with no date at all pay for a scan of
    their area's history; they are rare, and nothing else can place them."""
    keys = []
    for key in block_keys(m, window_days):
        if key.startswith("a:"):
            keys.append("u:" + key[2:])
        elif key.startswith("u:"):
            keys += [key, "a:" + key[2:]]
        else:
            keys.append(key)
    return keys


class BlockIndex:
    """In-memory blocking index (key -> mention ids); the store implements the same two methods over a table."""

    def __init__(self, window_days: int = DEFAULT_WINDOW_DAYS):
        self.window_days = window_days
        self._ids: dict[str, list[str]] = defaultdict(list)

    def add(self, mention: Mention) -> None:
        for key in block_keys(mention, self.window_days):
            self._ids[key].append(mention.id)

    def neighbours(self, mention: Mention) -> set[str]:
        found: set[str] = set()
        for key in lookup_keys(mention, self.window_days):
            found.update(self._ids.get(key, ()))
        found.discard(mention.id)
        return found


# ---------------------------------------------------------------- scoring

def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _place_similarity(a: tuple, b: tuple) -> tuple[float, dict, str | None]:
    """(similarity in [-1, 1], evidence, reason they cannot be one place); -1 is a place conflict."""
    lat1, lon1, admin_a, country_a, precise_a = a
    lat2, lon2, admin_b, country_b, precise_b = b
    if country_a and country_b and country_a != country_b:
        return 0.0, {"countries": [country_a, country_b]}, "different countries"
    if lat1 is not None and lat2 is not None:
        distance = km(lat1, lon1, lat2, lon2)
        if distance > 150 and precise_a and precise_b:
            return -1.0, {"km": round(distance)}, None
        return max(0.0, 1.0 - distance / 50.0), {"km": round(distance, 1)}, None
    if admin_a and admin_b:
        if admin_a != admin_b:
            return -1.0, {"admin1": [admin_a, admin_b]}, None
        return 0.5, {"admin1": admin_a}, None
    return 0.2, {}, None


def _date_similarity(a: _Features, b: _Features, window_days: int) -> tuple[float, dict, str | None]:
    if a.earliest is None or b.earliest is None:
        return 0.3, {}, None
    gap = max(0, max(a.earliest, b.earliest) - min(a.latest, b.latest))
    if gap > window_days:
        return 0.0, {"days_apart": gap}, "dates incompatible"
    width = max(a.latest - a.earliest, b.latest - b.earliest)
    # An exact shared day is strong; overlapping week or month ranges say little; each day apart halves it.
    return 0.5 ** gap / (1.0 + width / 3.0), {"days_apart": gap, "widest_range_days": width}, None


def score_pair(a: Mention, b: Mention, weights: ScoreWeights = DEFAULT_WEIGHTS,
               window_days: int = DEFAULT_WINDOW_DAYS) -> tuple[float, dict]:
    """Score in [0, 1] that a and b report the same incident, with the evidence for it.

    A pair that cannot be one incident (different countries, dates further apart than the window) scores 0 with
    evidence["cannot_link"] saying why; distant towns or different admin1 and differently named victims are
    strong penalties, which the text can outweigh only when it is nearly the same report.
    """
    if a.id > b.id:
        a, b = b, a
    fa, fb = _features(a), _features(b)
    place, place_ev, place_block = _place_similarity(fa.place, fb.place)
    date, date_ev, date_block = _date_similarity(fa, fb, window_days)
    evidence: dict = {"place": round(place, 3), **place_ev, "date": round(date, 3), **date_ev}
    blocked = place_block or date_block
    if blocked:
        evidence["cannot_link"] = blocked
        return 0.0, evidence
    text = _jaccard(fa.text.words, fb.text.words)
    shared_salient = fa.text.salient & fb.text.salient
    salient = len(shared_salient) / math.sqrt(len(fa.text.salient) * len(fb.text.salient)) if shared_salient else 0.0
    shared_people = sorted(fa.people & fb.people) or sorted(fa.surnames & fb.surnames)
    people = 1.0 if shared_people else 0.0
    place_weight = weights.place if place >= 0 else weights.place_conflict
    score = (weights.text * min(1.0, 2.0 * text) + weights.salient * salient + weights.people * people
             + place_weight * place + weights.date * date)
    evidence.update(text=round(text, 3), salient=round(salient, 3))
    if shared_people:
        evidence["shared_people"] = shared_people[:5]
    if fa.victims and fb.victims and not (fa.victims & fb.victims) and not shared_people:
        score -= weights.victims_conflict
        evidence["different_victims"] = [sorted(fa.victims)[:3], sorted(fb.victims)[:3]]
    figures_a, figures_b = dict(fa.totals), dict(fb.totals)
    common = sorted(set(figures_a) & set(figures_b))
    if common:
        agree = sum(figures_a[k] == figures_b[k] for k in common) / len(common)
        score += weights.claims * (2 * agree - 1)
        evidence["figures_agree"] = round(agree, 2)
    if fa.event_type and fb.event_type and fa.event_type != fb.event_type:
        score -= weights.event_type
        evidence["event_types"] = [fa.event_type, fb.event_type]
    return min(1.0, max(0.0, score)), evidence


# ---------------------------------------------------------------- clustering

class _PairScores:
    """Memoised score_pair over one clustering run, keyed by the ordered id pair."""

    def __init__(self, by_id: Mapping[str, Mention], weights: ScoreWeights, window_days: int):
        self.by_id, self.weights, self.window_days = by_id, weights, window_days
        self._cache: dict[tuple[str, str], tuple[float, dict]] = {}

    def __call__(self, x: str, y: str) -> tuple[float, dict]:
        pair = (x, y) if x < y else (y, x)
        found = self._cache.get(pair)
        if found is None:
            found = self._cache[pair] = score_pair(self.by_id[pair[0]], self.by_id[pair[1]],
                                                   self.weights, self.window_days)
        return found


def _can_merge(left: list[str], right: list[str], pair: _PairScores, weights: ScoreWeights,
               threshold: float) -> bool:
    """Average link at least the threshold, and no cross pair below the floor (that is where hard negatives sit)."""
    total = 0.0
    for x in left:
        for y in right:
            score, evidence = pair(x, y)
            if score < weights.floor or "cannot_link" in evidence:
                return False
            total += score
    return total / (len(left) * len(right)) >= threshold


def _agglomerate(ids: list[str], edges: list[tuple[float, str, str]], pair: _PairScores,
                 weights: ScoreWeights, threshold: float) -> list[list[str]]:
    """Merge along links from the strongest down (ties by ids), each merge checked by `_can_merge`."""
    root = {i: i for i in ids}
    members = {i: [i] for i in ids}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for _, x, y in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        rx, ry = find(x), find(y)
        if rx != ry and _can_merge(members[rx], members[ry], pair, weights, threshold):
            keep, gone = min(rx, ry), max(rx, ry)
            root[gone] = keep
            members[keep] = sorted(members[keep] + members.pop(gone))
    return [members[r] for r in sorted(members)]


def _links(ids: list[str], by_id: Mapping[str, Mention], pair: _PairScores, threshold: float,
           window_days: int) -> list[tuple[float, str, str]]:
    """Candidate pairs (sharing a block key) scoring at least the threshold."""
    index: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        for key in block_keys(by_id[i], window_days):
            index[key].append(i)
    candidates = {(min(x, y), max(x, y)) for x in ids for key in lookup_keys(by_id[x], window_days)
                  for y in index.get(key, ()) if x != y}
    return [(s, x, y) for x, y in candidates if (s := pair(x, y)[0]) >= threshold]


def _make_cluster(ids: list[str], primaries: set[str], pair: _PairScores) -> Cluster:
    anchors = [i for i in ids if i in primaries] or ids
    anchor = min(anchors)
    joins: list[tuple[str, float, dict]] = [(anchor, 1.0, {"anchor": True})]
    for i in ids:
        if i == anchor:
            continue
        score, other = max(((pair(i, j)[0], j) for j in ids if j != i), key=lambda t: (t[0], t[1]))
        joins.append((i, round(score, 4), {"with": other, **pair(i, other)[1]}))
    return Cluster(incident_id(anchors), tuple(ids), tuple(joins))


def cluster_mentions(mentions: Sequence[Mention], threshold: float = DEFAULT_THRESHOLD,
                     weights: ScoreWeights = DEFAULT_WEIGHTS,
                     window_days: int = DEFAULT_WINDOW_DAYS) -> list[Cluster]:
    """Partition mentions into incidents; the same set gives the same clusters and ids in any order.

    Primary mentions are agglomerated first. A background mention (role "mention") then joins the primary
    incident it links to best, judged against that incident alone, so it can never pull two primary incidents
    together; background mentions that join none are agglomerated among themselves.
    """
    by_id = {m.id: m for m in mentions}
    pair = _PairScores(by_id, weights, window_days)
    primaries = {i for i, m in by_id.items() if m.role == "primary"}
    linked_pairs = _links(sorted(by_id), by_id, pair, threshold, window_days)
    groups = _agglomerate(sorted(primaries), [e for e in linked_pairs if e[1] in primaries and e[2] in primaries],
                          pair, weights, threshold)
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    linked_groups: dict[str, set[int]] = defaultdict(set)
    for _, x, y in linked_pairs:
        if (x in primaries) != (y in primaries):
            background, primary = (y, x) if x in primaries else (x, y)
            linked_groups[background].add(group_of[primary])
    joined: dict[int, list[str]] = defaultdict(list)
    for b, linked in linked_groups.items():
        # best average link first; ties go to the group with the smallest first id
        best = sorted((-(sum(pair(b, p)[0] for p in groups[g]) / len(groups[g])), groups[g][0], g) for g in linked
                      if _can_merge([b], groups[g], pair, weights, threshold))
        if best:
            joined[best[0][2]].append(b)
    placed = {b for members in joined.values() for b in members}
    leftover = sorted(i for i in by_id if i not in primaries and i not in placed)
    groups = [sorted(group + joined.get(n, [])) for n, group in enumerate(groups)]
    left = set(leftover)
    groups += _agglomerate(leftover, [e for e in linked_pairs if e[1] in left and e[2] in left], pair, weights, threshold)
    return sorted((_make_cluster(g, primaries, pair) for g in groups), key=lambda c: c.incident_id)


# ---------------------------------------------------------------- incremental

def links(mention: Mention, candidates: Iterable[Mention], threshold: float = DEFAULT_THRESHOLD,
          weights: ScoreWeights = DEFAULT_WEIGHTS, window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, float]:
    """The candidates (from the block index) that `mention` links to: score at least the threshold."""
    found = {}
    for other in candidates:
        if other.id != mention.id:
            score = score_pair(mention, other, weights, window_days)[0]
            if score >= threshold:
                found[other.id] = score
    return found


class LinkGraph:
    """In-memory link graph (mention id -> linked ids); the store keeps the same as a links table.

    Clusters are always link-connected, and clustering a set decomposes over its link components, so the
    component of the new mentions is exactly the neighbourhood that `recluster_neighbourhood` needs.
    """

    def __init__(self) -> None:
        self._linked: dict[str, set[str]] = defaultdict(set)

    def add(self, mention_id: str, linked_ids: Iterable[str]) -> None:
        for other in linked_ids:
            self._linked[mention_id].add(other)
            self._linked[other].add(mention_id)

    def component(self, mention_ids: Iterable[str]) -> set[str]:
        seen = set(mention_ids)
        frontier = list(seen)
        while frontier:
            for other in self._linked.get(frontier.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    frontier.append(other)
        return seen


def recluster_neighbourhood(new: Sequence[Mention], neighbourhood: Sequence[Mention], previous: Sequence[Cluster],
                            threshold: float = DEFAULT_THRESHOLD, weights: ScoreWeights = DEFAULT_WEIGHTS,
                            window_days: int = DEFAULT_WINDOW_DAYS) -> Recluster:
    """Re-cluster new mentions with their neighbourhood; the clusters returned replace `previous`.

    `neighbourhood` is the existing mentions the new ones can reach (their LinkGraph component, which holds the
    whole incidents of those mentions); `previous` are the clusters those mentions belong to. History entries:
    new (an incident of new mentions only), join (new mentions added to one incident), merge (incidents
    joined, old ids in "from"), split (an incident's members now in several, ids in "into").
    """
    clusters = cluster_mentions([*neighbourhood, *new], threshold, weights, window_days)
    new_ids = {m.id for m in new}
    was = {mid: c.incident_id for c in previous for mid in c.mention_ids}
    history: list[dict] = []
    now: dict[str, set[str]] = defaultdict(set)
    for cluster in clusters:
        before = sorted({was[i] for i in cluster.mention_ids if i in was})
        added = sorted(new_ids.intersection(cluster.mention_ids))
        for old in before:
            now[old].add(cluster.incident_id)
        if not before:
            history.append({"kind": "new", "incident": cluster.incident_id, "mentions": added})
        elif len(before) > 1:
            history.append({"kind": "merge", "incident": cluster.incident_id, "from": before, "mentions": added})
        elif added or before[0] != cluster.incident_id:
            history.append({"kind": "join", "incident": cluster.incident_id, "from": before, "mentions": added})
    for old in sorted(now):
        if len(now[old]) > 1:
            history.append({"kind": "split", "incident": old, "into": sorted(now[old])})
    return Recluster(tuple(clusters), tuple(history))
