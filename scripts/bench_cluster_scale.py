#!/usr/bin/env python3
"""Scale benchmark of incremental clustering: the cost of placing one mention must not grow with the store.

    .venv/bin/python scripts/bench_cluster_scale.py --n 1000000            # full run (a few minutes)
    .venv/bin/python scripts/bench_cluster_scale.py --n 30000 --verify     # quick check, incremental == batch

Streams N mentions, an article's mentions together, through BlockIndex + LinkGraph + recluster_neighbourhood,
as the pipeline does with the store. The mentions are
resampled from a base set (the mentions of a store built by `sitrep run` on gva-dev, `--db`, else a
synthetic set built here): copy k of the base set is shifted by k x SHIFT_DAYS so its incidents stay distinct
while the density per place and day stays that of the base set. Prints the mean cost per mention over the copy
of the base set during which the store reached 10k, 100k and 1M mentions, the ratio to the first, and the peak
RSS; targets: ratio <= 1.3, RSS <= 2 GB.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import datetime as dt
import gc
import hashlib
import random
import resource
import time
from pathlib import Path

from sitrep.cluster import (BlockIndex, Cluster, LinkGraph, cluster_mentions, evidence_features, links,
                            recluster_neighbourhood)
from sitrep.records import EventDate, Mention, Person, Place
from sitrep.store.sqlite import SqliteStore

CHECKPOINTS = (10_000, 100_000, 1_000_000)
CITIES = [("Chicago", "IL", 41.85, -87.65), ("Houston", "TX", 29.76, -95.36), ("Memphis", "TN", 35.15, -90.05),
          ("Detroit", "MI", 42.33, -83.05), ("Baltimore", "MD", 39.29, -76.61), ("Milwaukee", "WI", 43.04, -87.91),
          ("Dayton", "OH", 39.76, -84.19), ("Tulsa", "OK", 36.15, -95.99), ("Fresno", "CA", 36.75, -119.77),
          ("Mobile", "AL", 30.69, -88.04), ("Albany", "NY", 42.65, -73.76), ("Savannah", "GA", 32.08, -81.1)]
FIRST = ["James", "Maria", "Darnell", "Luis", "Keisha", "Tyrone", "Ashley", "Marcus", "Jose", "Brianna", "Andre"]
LAST = ["Johnson", "Williams", "Garcia", "Brown", "Davis", "Lopez", "Wilson", "Moore", "Taylor", "Jackson"]
SYLLABLES = ["ka", "lo", "mer", "tin", "sa", "vo", "ren", "di", "bel", "qu", "ash", "no", "gra", "fen", "ul", "zo"]
STREETS = ["Madison", "Elm", "Oak", "King", "Park", "Grand", "Lake", "Pine", "Maple", "Cedar", "Hill", "Union"]


def synthetic_base(incidents: int, seed: int = 7) -> list[Mention]:
    """gva-like mentions when no gva-dev store is given: 1-4 reports per shooting, in a dozen cities, 4 years."""
    rng = random.Random(seed)
    start = dt.date(2014, 1, 1).toordinal()
    mentions = []
    for n in range(incidents):
        city, state, lat, lon = rng.choice(CITIES)
        day = dt.date.fromordinal(start + rng.randrange(1460))
        victim = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        street, age, hour = rng.choice(STREETS), rng.randrange(15, 60), rng.randrange(1, 12)
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            published = (day + dt.timedelta(days=k % 2)).isoformat()
            evidence = (f"{victim}, {age}, was shot near {street} Avenue about {hour} p.m., police in {city} said. "
                        f"Report {k}: officers found the {age}-year-old wounded and took {victim.split()[0]} to "
                        f"hospital; no arrests have been made in the {street} shooting.")
            mentions.append(Mention(
                id=f"s{n:06d}-{k}", document_id=f"doc{n}-{k}", document=f"doc{n}-{k}", event_type="violence",
                date=EventDate(day.isoformat(), "day"), published=published,
                place=Place(city, state, None, "US", lat, lon, "town"), people=(Person(victim, "wounded"),),
                evidence=evidence))
    return mentions


def load_base(db: Path | None, synthetic: int) -> list[Mention]:
    if db is not None and not synthetic:
        store = SqliteStore(db, readonly=True)
        try:
            base = store.incident_members([incident.id for incident in store.iter_incidents()])
        finally:
            store.close()
    else:
        base = synthetic_base(synthetic or 3000)
    return sorted(base, key=lambda m: (m.published or "", m.id))


@functools.lru_cache(maxsize=1 << 16)
def moved(value: str | None, days: int) -> str | None:
    """A YYYY-MM-DD string moved by `days`; memoised so mentions of one day share one string, as rows would."""
    if not value or len(value) < 10:
        return value
    return dt.date.fromordinal(dt.date.fromisoformat(value[:10]).toordinal() + days).isoformat()


def pseudonym(name: str, copy: int) -> str:
    """A made-up surname, one per person and copy: the people of two incidents rarely share a name word (a
    suffix common to a whole copy would be one name shared by every victim of a year)."""
    digest = hashlib.sha1(f"{name}|{copy}".encode()).digest()
    return "".join(SYLLABLES[b % len(SYLLABLES)] for b in digest[:4]).capitalize()


def shifted(m: Mention, copy: int, shift_days: int) -> Mention:
    """Copy `copy` of a base mention: dates moved by copy x shift_days, named people given another surname
    (another incident has other victims), text and place shared with the base."""
    def move(value: str | None) -> str | None:
        return moved(value, copy * shift_days)
    date = m.date
    date = dataclasses.replace(date, value=move(date.value) if date.precision == "day" else date.value,
                               earliest=move(date.earliest), latest=move(date.latest))
    # every copy, the first included, gets made-up surnames: a window of copies then does the same work as
    # any other (the first copy kept the real names, memoised from the base set, and made 10k look cheap)
    people = tuple(dataclasses.replace(p, name=f"{p.name} {pseudonym(p.name, copy)}") for p in m.people)
    # another copy is another article: its mentions meet their own article's mentions, not the base's
    return dataclasses.replace(m, id=f"{m.id}~{copy}", document_id=f"{m.document_id}~{copy}", date=date,
                               published=move(m.published), people=people)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(base: list[Mention], n: int, shift_days: int, verify: bool) -> None:
    index, graph = BlockIndex(), LinkGraph()
    mentions: dict[str, Mention] = {}
    incident_of: dict[str, str] = {}
    clusters: dict[str, Cluster] = {}
    costs: dict[int, float] = {}
    # Text features are memoised per evidence string, and copies share their base's evidence: compute the base
    # set's before the clock starts so every window does the same work (tokenising is a constant per mention,
    # printed separately, that does not depend on the store's size).
    start = time.process_time()
    for m in base:
        evidence_features(m.evidence)
    print(f"tokenising evidence: {(time.process_time() - start) / len(base) * 1e6:.0f} us/mention (not in windows)")
    articles: dict[str, list[Mention]] = {}
    for m in base:
        articles.setdefault(m.document_id, []).append(m)
    checkpoints = [c for c in CHECKPOINTS if c < n] + [n]
    done, copy = 0, 0
    while done < n:
        # One window is one copy of the base set: every window then places the same articles, and its cost per
        # mention differs from another's only by the size of the store (a window of a fixed count of mentions
        # would hold another mix of the base set's busy and quiet weeks each time).
        window_start = time.process_time()
        for article in articles.values():
            # an article's mentions are placed together, as the pipeline places a document's mentions
            new = [shifted(m, copy, shift_days) for m in article]
            for m in new:
                candidates = [mentions[c] for c in index.neighbours(m)]
                index.add(m)
                graph.add(m.id, links(m, candidates + new))
                mentions[m.id] = m
            new_ids = {m.id for m in new}
            neighbourhood = graph.component(new_ids) - new_ids
            previous = [clusters.pop(inc) for inc in sorted({incident_of[x] for x in neighbourhood})]
            result = recluster_neighbourhood(new, [mentions[x] for x in neighbourhood], previous)
            for cluster in result.clusters:
                # the store writes the joins' evidence to disk; in memory only the membership is needed
                clusters[cluster.incident_id] = Cluster(cluster.incident_id, cluster.mention_ids)
                for mid in cluster.mention_ids:
                    incident_of[mid] = cluster.incident_id
        cost = (time.process_time() - window_start) / len(base)
        before, done, copy = done, done + len(base), copy + 1
        # The in-memory store here is millions of long-lived objects: freezing them keeps the cyclic GC from
        # rescanning them (the SQLite store holds them outside Python and has no such cost).
        gc.freeze()
        for checkpoint in (c for c in checkpoints if before < c <= done):
            costs[checkpoint] = cost
            print(f"{checkpoint:>9,} mentions  {cost * 1e6:8.1f} us CPU/mention (the copy of the base set that "
                  f"reached it, {before:,}-{done:,})  x{cost / costs[min(costs)]:.2f} of first  "
                  f"{len(clusters):,} incidents  peak RSS {peak_rss_mb():,.0f} MB", flush=True)
    if verify:
        batch = {c.incident_id: c.mention_ids for c in cluster_mentions(list(mentions.values()))}
        same = batch == {c.incident_id: c.mention_ids for c in clusters.values()}
        print(f"incremental == batch over {n:,} mentions: {same}")
        if not same:
            raise SystemExit(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="a store built by `sitrep run` on gva-dev (the base set)")
    parser.add_argument("--synthetic", type=int, default=0, help="use N synthetic base incidents instead")
    parser.add_argument("--shift-days", type=int, default=2000, help="date shift between copies of the base set")
    parser.add_argument("--verify", action="store_true", help="also check incremental == batch at the end")
    args = parser.parse_args()
    base = load_base(args.db, args.synthetic)
    print(f"base: {len(base):,} mentions; streaming {args.n:,}")
    run(base, args.n, args.shift_days, args.verify)
    print(f"peak RSS {peak_rss_mb():,.0f} MB")


if __name__ == "__main__":
    main()
