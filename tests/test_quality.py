"""Eval gate: the seeds, run through the real pipeline and scored by the shared scorer, stay above pinned floors."""
from __future__ import annotations

import importlib.util
import io
import json
from pathlib import Path

from sitrep.serve.export import write_jsonl
from sitrep.store import open_store

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))["seeds"]


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_scores_stay_above_the_floors(seeds_db: Path, shared: Path) -> None:
    store = open_store(seeds_db, readonly=True)
    buffer = io.StringIO()
    write_jsonl(store.iter_incidents(), buffer)
    store.close()
    export = [json.loads(line) for line in buffer.getvalue().splitlines()]
    score = _scorer(shared)
    gold = json.loads((shared / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))
    result = score.evaluate(gold, export)
    found = lambda ratio: int(ratio.split("/")[0])  # noqa: E731
    measured = {
        "clustering_f1": result["documents_clustering_bcubed"]["f1"],
        "claims_sourced_f1": result["claims_sourced_f1"]["f1"],
        "claims_value_f1": result["claims_value_f1"]["f1"],
        "date_accuracy": result["date_accuracy"],
        "place_accuracy": result["place_accuracy"],
        "disagreements_found": found(result["disagreements_recall"]),
        "flags_found": found(result["flags_recall"]),
        "people_found": found(result["people_recall"]),
    }
    below = {k: (measured[k], floor) for k, floor in FLOORS.items() if measured[k] < floor}
    assert not below, f"below the floors (measured, floor): {below}"
    assert result["merged_gold_incidents"] == [] and result["documents_primary_twice"] == []
