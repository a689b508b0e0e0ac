#!/usr/bin/env python3
"""Score claim extraction alone: the seeds against their gold claims, gva-dev against incident truth.

    .venv/bin/python scripts/score_claims.py [--shared ../shared] [--limit N] [--show]

Seeds: per document, predicted claims against all gold claims of that document (primary and
background incidents pooled), with the key and source matching of shared/eval/score.py.
gva-dev: per article, killed = the largest killed/total claim (else the per-group sum, as
reconcile does), wounded = the largest wounded/total claim, each compared with the incident's
truth: an article-level proxy of the incident-level killed/wounded accuracy.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from sitrep.extract.claims import extract_claims
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import load_pipeline
from sitrep.records import Claim, Document, to_dict

DATE_LINE = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s*")
SEED_FLOOR = 0.90
KILLED_FLOOR, WOUNDED_FLOOR = 0.85, 0.80


def load_scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed_documents(shared: Path) -> list[Document]:
    docs = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        match = DATE_LINE.match(text)
        published = match.group(0).split()[1] if match else None
        text = text[match.end():] if match else text
        docs.append(Document(id=path.stem, name=path.stem, text=text, source=str(path), published=published))
    return docs


def score_seeds(nlp, kb, shared: Path, scorer, show: bool) -> float:
    gold = json.loads((shared / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))
    docs = seed_documents(shared)
    gold_by_doc = defaultdict(list)
    for incident in gold["incidents"]:
        for claim in incident.get("claims") or []:
            for name in claim.get("documents") or []:
                gold_by_doc[name].append(claim)
    tp = fp = n_gold = 0
    for doc, sdoc in zip(docs, nlp.pipe(d.text for d in docs)):
        pred = [to_dict(c) for c in extract_claims(sdoc, doc, kb)]
        result = scorer.score_claims(gold_by_doc[doc.name], pred)
        tp, fp, n_gold = tp + result["tp_s"], fp + result["fp_s"], n_gold + result["gold_s"]
        print(f"{doc.name}: sourced {result['tp_s']}/{result['gold_s']} (+{result['fp_s']} unmatched)")
        if show:
            for c in pred:
                ok = any(scorer.key(c) == scorer.key(g) and scorer.source_ok(g, c) for g in gold_by_doc[doc.name])
                print(f"   {'ok ' if ok else 'XX '} {c['figure']}/{c['group']}={c['value']} {c['qualifier']} "
                      f"[{c['source']} ({c['source_type']})] {c['quote'][:110]!r}")
            for g in gold_by_doc[doc.name]:
                if not any(scorer.key(c) == scorer.key(g) and scorer.source_ok(g, c) for c in pred):
                    print(f"   MISSED {g['figure']}/{g['group']}={g['value']} [{g['source']}]")
    p, r, f = scorer.f1(tp, tp + fp, n_gold)
    print(f"seeds sourced claims: precision {p:.3f} recall {r:.3f} F1 {f:.3f} (floor {SEED_FLOOR})")
    return f


def article_figures(claims: list[Claim]) -> tuple[int, int]:
    """(killed, wounded) one article states: largest total claim; killed falls back to group sums."""
    def total(figure: str) -> int | None:
        values = [c.value for c in claims if c.figure == figure and c.group == "total" and c.subset is None]
        return max(values) if values else None
    killed = total("killed")
    if killed is None:
        groups = defaultdict(int)
        for c in claims:
            if c.figure == "killed":
                groups[c.group] = max(groups[c.group], c.value)
        killed = max(sum(groups[g] for g in ("children", "women", "men")),
                     sum(groups[g] for g in ("civilians", "militants", "security_forces")))
    return killed, total("wounded") or 0


def score_gva(nlp, kb, shared: Path, limit: int | None, show: bool, with_title: bool) -> tuple[float, float]:
    bench = shared / "benchmarks" / "gva-dev"
    gold = json.loads((bench / "gold.json").read_text(encoding="utf-8"))
    truth = {d: i["truth"] for i in gold["incidents"] if i.get("truth") for d in i["documents"]}
    docs = []
    with open(bench / "documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in truth and row.get("text"):
                text = f"{row['title']}\n\n{row['text']}" if with_title and row.get("title") else row["text"]
                docs.append(Document(id=row["id"], name=row["id"], text=text, source=str(bench),
                                     published=row.get("published")))
    docs = docs[:limit] if limit else docs
    k_ok = w_ok = 0
    started = time.perf_counter()
    for doc, sdoc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=64)):
        killed, wounded = article_figures(extract_claims(sdoc, doc, kb))
        t = truth[doc.name]
        k_ok += killed == t["killed"]
        w_ok += wounded == t["wounded"]
        if show and (killed != t["killed"] or wounded != t["wounded"]):
            print(f"   {doc.name}: killed {killed} vs {t['killed']}, wounded {wounded} vs {t['wounded']}")
    elapsed = time.perf_counter() - started
    n = len(docs) or 1
    print(f"gva-dev articles {len(docs)}: killed {k_ok / n:.3f} (floor {KILLED_FLOOR}), "
          f"wounded {w_ok / n:.3f} (floor {WOUNDED_FLOOR}), {len(docs) / elapsed:.1f} docs/s")
    return k_ok / n, w_ok / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--limit", type=int, default=None, help="score only the first N gva-dev articles")
    ap.add_argument("--show", action="store_true", help="print each seed claim and each gva-dev miss")
    ap.add_argument("--seeds-only", action="store_true")
    ap.add_argument("--with-title", action="store_true",
                    help="diagnostic: read each gva-dev headline as the first line of its text")
    args = ap.parse_args()
    shared = Path(args.shared)
    kb = KnowledgeBase.load()
    nlp = load_pipeline(kb.ruler_patterns())
    score_seeds(nlp, kb, shared, load_scorer(shared), args.show)
    if not args.seeds_only:
        score_gva(nlp, kb, shared, args.limit, args.show, args.with_title)


if __name__ == "__main__":
    main()
