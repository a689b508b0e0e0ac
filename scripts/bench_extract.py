"""Extraction throughput on gva-dev, as a ratio to a bare spaCy tok2vec+ner pass over the same texts.

    .venv/bin/python scripts/bench_extract.py [--n 400] [--processes 1] [--documents PATH]

Both passes run in this process on the same cleaned texts, so the ratio holds on any machine; the
target is extraction ≤ 1.3× the floor. Not a test: it prints numbers.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from sitrep.clean import clean
from sitrep.extract.extractor import Extractor
from sitrep.extract.nlp import MODEL, UNUSED
from sitrep.records import Document, RawDocument
from sitrep.settings import Settings

GVA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "gva-dev" / "documents.jsonl"


def documents(n: int, path: Path = GVA) -> list[Document]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            doc = clean(RawDocument(name=row["id"], source="gva", text=row["text"], published=row.get("published")))
            if isinstance(doc, Document):
                out.append(doc)
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--processes", type=int, default=1)
    ap.add_argument("--documents", type=Path, default=GVA,
                    help="gva-dev documents.jsonl (default: ../shared next to the repository; give it from a worktree)")
    args = ap.parse_args()
    docs = documents(args.n, args.documents)
    texts = [d.text for d in docs]
    settings = Settings.load(processes=args.processes)
    extractor = Extractor(settings)          # loads models before timing
    floor_nlp = spacy.load(MODEL, exclude=UNUSED)
    list(floor_nlp.pipe(texts[:20]))
    extractor.extract(docs[:20])

    t0 = time.perf_counter()
    for _ in floor_nlp.pipe(texts, batch_size=settings.batch_size, n_process=args.processes):
        pass
    floor = time.perf_counter() - t0
    t0 = time.perf_counter()
    mentions = extractor.extract(docs)
    full = time.perf_counter() - t0
    print(f"documents: {len(docs)}  mentions: {len(mentions)}  processes: {args.processes}")
    print(f"floor (spaCy tok2vec+ner alone): {len(docs) / floor:.1f} docs/s")
    print(f"sitrep extraction:               {len(docs) / full:.1f} docs/s")
    print(f"ratio extraction/floor: {full / floor:.2f}  (target ≤ 1.3)")


if __name__ == "__main__":
    main()
