"""Score event dates: the main event's date of each article against gold incident dates.

On gva-dev (US local news, publication date in metadata) and on the five seeds, with
`sitrep.extract.event_dates.main_event_date`. Prints accuracy (exact
day) and docs/s, and the ceiling: the share of articles whose gold date is among the resolved dates of the
text or is the publication date, which no choice among them can beat.

    .venv/bin/python scripts/score_dates.py [--limit N] [--shared ../shared]
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.extract.dates import publication_date_from_text
from sitrep.extract.document_dates import find_dates
from sitrep.extract.event_dates import main_event_date
from sitrep.extract.nlp import load_pipeline


def score(records: list[dict], gold_dates: dict[str, list], nlp, ceiling: bool) -> dict:
    """Exact-day accuracy of `main_event_date` on the records whose gold date is scored."""
    started = time.perf_counter()
    counts, misses = {"correct": 0, "total": 0, "reachable": 0}, []
    for record, sdoc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        accepted = gold_dates.get(record["id"])
        if accepted is None:          # the gold leaves this incident's date unscored
            continue
        published = record.get("published") or publication_date_from_text(record["text"])
        found = main_event_date(sdoc, published)
        ok = found.value in accepted if accepted[0] else found.value is None
        counts["correct"] += ok
        counts["total"] += 1
        if ceiling:
            counts["reachable"] += published in accepted or any(
                m.date.value in accepted for m in find_dates(sdoc, published))
        if not ok:
            misses.append((record["id"], published, accepted, found.value, found.text))
    counts["seconds"] = time.perf_counter() - started
    counts["misses"] = misses
    return counts


def gold_by_document(gold: dict) -> dict[str, list]:
    """Accepted dates of each document's primary incident (first the gold date); unscored ones left out."""
    incidents = {i["incident"]: i for i in gold["incidents"]}
    accepted = {}
    for d in gold["documents"]:
        incident = incidents[d["primary_incident"]]
        if not incident.get("date_unscored"):
            accepted[d["document"]] = [incident.get("date"), *incident.get("date_also_accepted", [])]
    return accepted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--limit", type=int, default=0, help="score only the first N gva-dev articles")
    parser.add_argument("--ceiling", action="store_true", help="also print the best accuracy any choice could reach")
    parser.add_argument("--misses", type=int, default=0, help="print this many wrong gva-dev articles")
    args = parser.parse_args()
    shared = Path(args.shared)
    nlp = load_pipeline()

    bench = shared / "benchmarks" / "gva-dev"
    records = [json.loads(line) for line in (bench / "documents.jsonl").open(encoding="utf-8")]
    records = records[: args.limit] if args.limit else records
    result = score(records, gold_by_document(json.loads((bench / "gold.json").read_text())), nlp, args.ceiling)
    total = result["total"]
    print(f"gva-dev: {result['correct']}/{total} = {result['correct'] / total:.3f} exact-day accuracy, "
          f"{len(records) / result['seconds']:.1f} docs/s")
    if args.ceiling:
        print(f"gva-dev ceiling (gold among the text's dates or the publication date): "
              f"{result['reachable'] / total:.3f}")
    for miss in result["misses"][: args.misses]:
        print("   miss", miss)

    seed_gold = json.loads((shared / "gold" / "seeds.gold.json").read_text())
    seeds = [{"id": d["document"], "published": d["published"],
              "text": (shared / "seeds" / f"{d['document']}.txt").read_text(encoding="utf-8")}
             for d in seed_gold["documents"]]
    by_doc = gold_by_document(seed_gold)
    for record, sdoc in zip(seeds, nlp.pipe([s["text"] for s in seeds])):
        published = record["published"] or publication_date_from_text(record["text"])
        found = main_event_date(sdoc, published)
        accepted = by_doc[record["id"]]
        ok = found.value in accepted if accepted[0] else found.value is None
        verdict = "ok" if ok else "unknown: the date must come from other reports" if found.value is None else "WRONG"
        print(f"seed {record['id']}: gold {accepted[0]} got {found.value} ({found.precision}, "
              f"{found.text!r}) {verdict}")


if __name__ == "__main__":
    main()
