"""Cross-document incident clustering: every report of one incident in one cluster, two incidents never merged.

Pure functions over Mentions (no I/O), in four parts:
- `features`: per-mention evidence (date bounds, place, named people, rarity-weighted text);
- `blocking`: keys (date window x area, date window x rare proper name, named people per year) that give the
  candidate pairs, so that placing one new mention costs the same whatever the store size;
- `scoring`: `score_pair` explains each pair;
- `partition`: `cluster_mentions`, a deterministic, order-independent agglomeration, and the incremental path
  (`links`, `LinkGraph`, `recluster_neighbourhood`) that equals it.
"""
from sitrep.cluster.blocking import (COARSE_SPAN_DAYS, DEFAULT_WINDOW_DAYS, LONG_WINDOW_DAYS, BlockIndex, block_keys,
                                     lookup_keys, meet)
from sitrep.cluster.features import date_bounds, evidence_features
from sitrep.cluster.partition import (Cluster, LinkGraph, Recluster, cluster_mentions, incident_id, links,
                                      recluster_neighbourhood)
from sitrep.cluster.scoring import DEFAULT_THRESHOLD, DEFAULT_WEIGHTS, ScoreWeights, named_across_days, score_pair

__all__ = ["COARSE_SPAN_DAYS", "DEFAULT_THRESHOLD", "DEFAULT_WEIGHTS", "DEFAULT_WINDOW_DAYS", "LONG_WINDOW_DAYS",
           "BlockIndex", "Cluster", "LinkGraph", "Recluster", "ScoreWeights", "block_keys", "cluster_mentions",
           "date_bounds", "evidence_features", "incident_id", "links", "lookup_keys", "meet", "named_across_days",
           "recluster_neighbourhood", "score_pair"]
