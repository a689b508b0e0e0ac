#!/usr/bin/env python3
"""Tune the cluster stage on gva-dev: re-cluster the mentions of a `sitrep run` store, score document B³ F1.

    .venv/bin/sitrep run ../shared/benchmarks/gva-dev/documents.jsonl --db /tmp/gva.db --processes 2
    .venv/bin/python scripts/tune_clustering.py --db /tmp/gva.db [--thresholds 0.3,0.33] [--weights 'people=0.2']

Extraction runs once (in `sitrep run`); each threshold and weight variant then re-clusters the stored
mentions in memory with `cluster_mentions`, so a sweep costs seconds per variant, not a pipeline run.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import itertools
import json
import time
from pathlib import Path

from sitrep.cluster import ScoreWeights, cluster_mentions
from sitrep.records import Mention, Place
from sitrep.store.sqlite import SqliteStore

# the shared material sits next to the repository: /work/main -> /work/shared, a worktree /work/wt/x -> /work/shared
SHARED = next((parent / "shared" for parent in Path(__file__).resolve().parents
               if (parent / "shared" / "eval").is_dir()), Path(__file__).resolve().parents[2] / "shared")
GVA = SHARED / "benchmarks" / "gva-dev"


def load_bcubed():
    spec = importlib.util.spec_from_file_location("sitrep_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.bcubed


def load_mentions(db: Path) -> list[Mention]:
    """Every stored mention, primary and background, as the pipeline clustered them."""
    store = SqliteStore(db, readonly=True)
    try:
        return store.incident_members([incident.id for incident in store.iter_incidents()])
    finally:
        store.close()


def with_gold_places(mentions: list[Mention]) -> list[Mention]:
    data = json.loads((GVA / "gold.json").read_text())
    incident_of = {d["document"]: d["primary_incident"] for d in data["documents"]}
    places = {}
    for incident in data["incidents"]:
        gp = incident["place"]
        places[incident["incident"]] = Place(
            name=gp.get("name"), admin1=gp.get("admin1"), country=gp.get("country"), lat=gp.get("lat"),
            lon=gp.get("lon"), precision="town" if gp.get("lat") is not None else "country")
    return [dataclasses.replace(m, place=places[incident_of[m.document]]) if m.document in incident_of else m
            for m in mentions]


def evaluate(mentions: list[Mention], gold: dict[str, str], bcubed, threshold: float, weights: ScoreWeights):
    start = time.perf_counter()
    clusters = cluster_mentions(mentions, threshold=threshold, weights=weights)
    seconds = time.perf_counter() - start
    by_mention = {m.id: m.document for m in mentions}
    primary = {m.id: m.role == "primary" for m in mentions}
    pred = {doc: f"single-{doc}" for doc in gold}
    for cluster in clusters:
        for mid in cluster.mention_ids:
            doc = by_mention[mid]
            if doc in pred and primary[mid]:
                pred[doc] = cluster.incident_id
    return (*bcubed(gold, pred), seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a store built by `sitrep run` on gva-dev")
    parser.add_argument("--thresholds", default="0.25,0.3,0.33,0.36,0.4,0.5")
    parser.add_argument("--gold-places", action="store_true",
                        help="diagnostic: give each mention its gold incident's place, to separate geocoding errors "
                             "from clustering errors (never a score to report as sitrep's)")
    parser.add_argument("--weights", default="", help="weight variants to sweep, e.g. 'text=0.2,people=0.3;text=0.4'")
    args = parser.parse_args()
    mentions = load_mentions(args.db)
    gold = {d["document"]: d["primary_incident"] for d in json.loads((GVA / "gold.json").read_text())["documents"]}
    if args.gold_places:
        mentions = with_gold_places(mentions)
    bcubed = load_bcubed()
    singletons = bcubed(gold, {d: d for d in gold})[2]
    print(f"{len(mentions)} mentions; all-singletons B3 F1 = {singletons:.3f}")
    thresholds = [float(t) for t in args.thresholds.split(",")]
    variants = [ScoreWeights()]
    for spec in filter(None, args.weights.split(";")):
        variants.append(ScoreWeights().replace(**{k: float(v) for k, v in (kv.split("=") for kv in spec.split(","))}))
    print(f"{'threshold':>9} {'weights':<44} {'P':>6} {'R':>6} {'F1':>6} {'sec':>5}")
    for weights, threshold in itertools.product(variants, thresholds):
        p, r, f, seconds = evaluate(mentions, gold, bcubed, threshold, weights)
        shown = " ".join(f"{field.name}={getattr(weights, field.name):g}" for field in dataclasses.fields(weights)
                         if getattr(weights, field.name) != getattr(ScoreWeights(), field.name)) or "defaults"
        print(f"{threshold:9.2f} {shown:<44} {p:6.3f} {r:6.3f} {f:6.3f} {seconds:5.1f}")


if __name__ == "__main__":
    main()
