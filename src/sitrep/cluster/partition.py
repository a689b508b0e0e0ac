"""Partitioning: a deterministic, order-independent agglomeration of scored mentions into incidents.

Same set in, same partition and ids out. The result decomposes over the components of the "link" graph (pairs
scoring at least the threshold, and a report with the background mention it may follow up), so the incremental
path re-clusters only the link component of the new mentions and equals the batch result.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitrep.cluster.blocking import DEFAULT_WINDOW_DAYS, LONG_WINDOW_DAYS, block_keys, lookup_keys, meet
from sitrep.cluster.features import features
from sitrep.cluster.scoring import DEFAULT_THRESHOLD, DEFAULT_WEIGHTS, ScoreWeights, score_pair
from sitrep.records import Mention


BIG_INCIDENT = 3      # reports: an incident this big is joined by best links (`_can_merge`), tuned on gva-dev
STRONG_LINK = 1.2
BIG_AVERAGE = 0.6


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
    """Average link at least the threshold, and no cross pair below the floor (that is where hard negatives sit).

    A cross pair too far apart in time is a veto too, unless the later report names a person that a report of
    the merged cluster, within the window of the earlier one, names too (the trial report and the report that
    named the victim, against the first report that named no one): its dates then cannot tell, and it is left
    out of the average.

    A small group joining an incident of BIG_INCIDENT reports or more needs less than the average: a big
    incident's reports tell different parts of the story (the shooting, the victims, the arrest, the vigil), so
    a new report agrees strongly with some of them and barely with others. Each of the group's reports must then
    link clearly (STRONG_LINK times the threshold) to one of the incident's, and the average still be at least
    BIG_AVERAGE times the threshold.
    """
    deferred, scores = [], []
    best: dict[str, float] = {}
    small, big = (left, right) if len(left) <= len(right) else (right, left)
    for x in small:
        for y in big:
            score, evidence = pair(x, y)
            if evidence.get("cannot_link") == "dates incompatible" and evidence["days_apart"] <= LONG_WINDOW_DAYS:
                deferred.append((x, y))
                continue
            if score < weights.floor or "cannot_link" in evidence:
                return False
            scores.append(score)
            best[x] = max(best.get(x, 0.0), score)
    if not scores:
        return False
    average = sum(scores) / len(scores)
    if average < threshold and not (
            len(big) >= BIG_INCIDENT and average >= BIG_AVERAGE * threshold
            and all(best.get(x, 0.0) >= STRONG_LINK * threshold for x in small)):
        return False
    members = left + right
    return all(_bridged(x, y, members, pair, threshold) for x, y in deferred)


def _bridged(x: str, y: str, members: list[str], pair: _PairScores, threshold: float) -> bool:
    """Whether the later of x and y links by a named person to a member whose dates agree with the earlier."""
    early, late = sorted((x, y), key=lambda i: (features(pair.by_id[i]).earliest, i))
    for z in members:
        if z in (early, late):
            continue
        score, evidence = pair(late, z)
        if score >= threshold and "named_across_days" in evidence and "cannot_link" not in pair(early, z)[1]:
            return True
    return False


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
    articles: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        articles[by_id[i].document_id].append(i)
    candidates.update((x, y) for article in articles.values() for x in article for y in article if x < y)
    return [(s, x, y) for x, y in candidates
            if _compared(by_id[x], by_id[y], window_days) and (s := pair(x, y)[0]) >= threshold]


def _compared(a: Mention, b: Mention, window_days: int) -> bool:
    """Whether a pair is scored at all: it meets by blocking keys, or both are mentions of one article."""
    return a.document_id == b.document_id or meet(a, b, window_days)


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
    together; background mentions that join none are agglomerated among themselves. A report whose primary
    incident is its alone follows its background mention into that mention's incident (`_follow_ups`).
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
    follows = _follow_ups(groups, joined, by_id)
    followers: dict[int, list[str]] = defaultdict(list)
    for lone, target in follows.items():
        followers[target] += groups[lone] + joined.get(lone, [])
    groups = [sorted(group + joined.get(n, []) + followers.get(n, [])) for n, group in enumerate(groups)
              if n not in follows]
    left = set(leftover)
    groups += _agglomerate(leftover, [e for e in linked_pairs if e[1] in left and e[2] in left], pair, weights,
                           threshold)
    return sorted((_make_cluster(g, primaries, pair) for g in groups), key=lambda c: c.incident_id)


def _follow_ups(groups: list[list[str]], joined: Mapping[int, list[str]],
                by_id: Mapping[str, Mention]) -> dict[int, int]:
    """Lone reports that follow an incident up: group index -> the incident group it joins.

    A report whose own event no other report tells (a group of its primary mention alone), while the earlier
    event it recounts, its background mention, joined an incident others report, is a follow-up of that
    incident: the arrest, the charge, the funeral dated by their own day (gva-dev: B³ recall +0.012, precision
    -0.001). It joins the biggest such incident (ties: the smallest first id); a group that follows is never
    followed. Only a report within LONG_WINDOW_DAYS of the event it recounts can follow it up (`follows_up`)."""
    incidents_of_document: dict[str, set[int]] = defaultdict(set)
    for n, members in joined.items():
        for b in members:
            incidents_of_document[by_id[b].document_id].add(n)
    follows = {}
    for n, group in enumerate(groups):
        lone = by_id[group[0]]
        targets = {t for t in incidents_of_document.get(lone.document_id, set()) - {n}
                   if any(follows_up(lone, by_id[b]) for b in joined[t] if by_id[b].document_id == lone.document_id)
                   } if len(group) == 1 else ()
        if targets:
            follows[n] = min(targets, key=lambda g: (-len(groups[g]), groups[g][0]))
    return {n: target for n, target in follows.items() if target not in follows}


def follows_up(report: Mention, background: Mention) -> bool:
    """Whether an article's main mention can follow up its background mention: both dated, at most
    LONG_WINDOW_DAYS apart. A report years after the event it recalls ("the 2019 raid that killed Baghdadi")
    tells a new event, not a follow-up; and the bound keeps the link component of an often recalled incident
    from growing with the store (such pairs are linked whatever they score, see `links`)."""
    if report.document_id != background.document_id or report.role == background.role:
        return False
    a, b = features(report), features(background)
    if a.earliest is None or b.earliest is None:
        return False
    return max(a.earliest, b.earliest) - min(a.latest, b.latest) <= LONG_WINDOW_DAYS


# ---------------------------------------------------------------- incremental

def links(mention: Mention, candidates: Iterable[Mention], threshold: float = DEFAULT_THRESHOLD,
          weights: ScoreWeights = DEFAULT_WEIGHTS, window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, float]:
    """The candidates that `mention` links to: they score at least the threshold, or one follows the other up
    (`follows_up`: a report and its background mention, see `_follow_ups`). Candidates are the block index's
    and the other mentions of its article, which are always placed together (the pipeline clusters a
    document's mentions in one batch)."""
    found = {}
    for other in candidates:
        if other.id != mention.id and _compared(mention, other, window_days):
            score = score_pair(mention, other, weights, window_days)[0]
            if score >= threshold or follows_up(mention, other) or follows_up(other, mention):
                found[other.id] = score
    return found


class LinkGraph:
    """In-memory link graph (mention id -> linked ids); the store keeps the same as a links table.

    Clusters are always link-connected (a report and the background mention it may follow up are linked
    whatever they score), and clustering a set decomposes over its link components, so the component of the new
    mentions is exactly the neighbourhood that `recluster_neighbourhood` needs.

    Most mentions link to one other (a background mention to its article's primary, a report to one other
    report): such a mention maps to that id itself, not to a set, a third of the memory (as in `BlockIndex`).
    """

    def __init__(self) -> None:
        self._linked: dict[str, str | set[str]] = {}

    def add(self, mention_id: str, linked_ids: Iterable[str]) -> None:
        for other in linked_ids:
            self._link(mention_id, other)
            self._link(other, mention_id)

    def _link(self, mention_id: str, other: str) -> None:
        held = self._linked.get(mention_id)
        if held is None:
            self._linked[mention_id] = other
        elif isinstance(held, str):
            if held != other:
                self._linked[mention_id] = {held, other}
        else:
            held.add(other)

    def component(self, mention_ids: Iterable[str]) -> set[str]:
        seen = set(mention_ids)
        frontier = list(seen)
        while frontier:
            held = self._linked.get(frontier.pop(), ())
            for other in (held,) if isinstance(held, str) else held:
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
