"""Latency of `GET /api/incidents` over 100k synthetic incidents, for a few filter combinations.

    python scripts/bench_api.py [--incidents 100000] [--db /tmp/bench.db] [--repeat 30]

Builds the store through its own write methods (one batch, one document per incident so full-text search has
something to search), then times each query through the ASGI app (TestClient: no network) and prints the
median and p95 against the 100 ms target. A store already at --db with the right size is reused.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path
from urllib.parse import parse_qsl

from fastapi.testclient import TestClient

from sitrep.records import Claim, Disagreement, Document, DocumentRef, EventDate, Fatalities, Incident, Place
from sitrep.serve.app import create_app
from sitrep.serve.filters import IncidentFilters
from sitrep.store import open_store

TARGET_MS = 100
PLACES = [("SY", "Idlib", 35.9, 36.6), ("SY", "Aleppo", 36.2, 37.1), ("SY", "Deir ez-Zor", 35.3, 40.1),
          ("IQ", "Anbar", 33.4, 43.3), ("IQ", "Nineveh", 36.3, 43.1), ("YE", "Taiz", 13.6, 44.0),
          ("AF", "Helmand", 31.6, 64.4), ("SO", "Banadir", 2.0, 45.3), ("ML", "Mopti", 14.5, -4.2),
          ("NG", "Borno", 11.8, 13.1), ("UA", "Donetsk", 48.0, 37.8), ("SD", "Khartoum", 15.5, 32.5),
          ("MM", "Sagaing", 22.0, 95.9), ("CD", "Nord-Kivu", -0.7, 29.2), ("LY", "Tripoli", 32.9, 13.2)]
EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"]
ACTIONS = ["airstrike", "shelling", "raid", "clash", "bombing", "ambush", "protest"]
GRADES = ["single_source", "corroborated", "contested"]
TARGETS = ["market", "checkpoint", "hospital", "school", "convoy", "village", "mosque", "camp", "bridge", "farm"]
QUERIES = [
    ("no filter", ""),
    ("country", "country=SY"),
    ("country + date range", "country=IQ&date_from=2020-01-01&date_to=2020-12-31"),
    ("admin1", "admin1=Donetsk"),
    ("event type", "event_type=Battles"),
    ("grade", "grade=contested"),
    ("has disagreement", "has_disagreement=true"),
    ("min fatalities", "min_fatalities=20"),
    ("rare combination", "country=ML&event_type=Riots&min_fatalities=10&has_disagreement=true"),
    ("full text, common word", "q=airstrike"),
    ("full text, rare word", "q=bridge AND convoy"),
    ("full text + country", "q=hospital&country=YE"),
    ("page size 500", "limit=500"),
]


def synthetic(n: int, seed: int = 7) -> tuple[list[Document], list[Incident]]:
    """Incidents spread over ten years, fifteen regions and every grade, each with one short article."""
    rng = random.Random(seed)
    documents, incidents = [], []
    for k in range(n):
        country, admin1, lat, lon = rng.choice(PLACES)
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        action, target = rng.choice(ACTIONS), rng.choice(TARGETS)
        killed = int(rng.expovariate(1 / 6))
        text = (f"An {action} hit a {target} near {admin1} on {day}, killing {killed} people, officials said. "
                f"Witnesses described the {rng.choice(TARGETS)} as badly damaged. Report number {k}.")
        name = f"bench-{k:06d}"
        documents.append(Document(id=f"d{k:07d}", name=name, text=text, source=f"bench/{name}", published=day))
        claim = Claim("killed", "total", killed, source="officials", source_type="government", document=name,
                      quote=text.split(". ")[0] + ".", start=0, end=len(text.split(". ")[0]) + 1)
        disputed = rng.random() < 0.1
        incidents.append(Incident(
            id=f"i{k:07d}", event_type=rng.choice(EVENT_TYPES), action=action,
            date=EventDate(day, "day", day, day),
            place=Place(f"Town {k % 977}", admin1, None, country, lat + rng.uniform(-1, 1), lon + rng.uniform(-1, 1),
                        "town"),
            claims=(claim,), fatalities=Fatalities(killed, killed, killed + (3 if disputed else 0)),
            disagreements=(Disagreement("killed", "total", (killed, killed + 3), ("officials", "medics")),)
            if disputed else (),
            documents=(DocumentRef(name, "primary", published=day),),
            grade="contested" if disputed else rng.choice(GRADES[:2])))
    return documents, incidents


def build(db: Path, n: int) -> float:
    """Write n incidents in one batch; returns seconds taken (0 when an existing store of that size is reused)."""
    if db.exists():
        store = open_store(db, readonly=True)
        try:
            if store.counts().incidents == n:
                return 0.0
        finally:
            store.close()
        db.unlink()
    started = time.perf_counter()
    documents, incidents = synthetic(n)
    store = open_store(db)
    try:
        with store.batch():
            for document in documents:
                store.add_document(document, [])
            for incident in incidents:
                store.save_incident(incident, {incident.documents[0].document: f"d{incident.id[1:]}"})
    finally:
        store.close()
    return time.perf_counter() - started


def measure(client: TestClient, query: str, repeat: int) -> tuple[float, float, int, float, float]:
    """(median ms, p95 ms, incidents on the first page, ms for the second page via the cursor, store-only median ms).

    The store-only time (`Store.list_incidents` alone) tells a slow query from slow serving.
    """
    url = f"/api/incidents?{query}"
    first = client.get(url)
    first.raise_for_status()
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url).raise_for_status()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    store, store_query = client.app.state.store, IncidentFilters(**dict(parse_qsl(query))).to_query()
    store_timings = []
    for _ in range(max(3, repeat // 3)):
        started = time.perf_counter()
        store.list_incidents(store_query)
        store_timings.append((time.perf_counter() - started) * 1000)
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    next_ms = float("nan")
    if first.json()["next_url"]:
        started = time.perf_counter()
        client.get(first.json()["next_url"]).raise_for_status()
        next_ms = (time.perf_counter() - started) * 1000
    return statistics.median(timings), p95, first.json()["count"], next_ms, statistics.median(store_timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--db", default="/tmp/sitrep-bench.db")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    seconds = build(Path(args.db), args.incidents)
    print(f"store: {args.incidents} incidents at {args.db}" + (f" (built in {seconds:.1f} s)" if seconds else
                                                                  " (reused)"))
    print(f"{'query':<28} {'median ms':>9} {'p95 ms':>8} {'rows':>5} {'page 2 ms':>9} {'store ms':>8}"
          f"  target p95 < {TARGET_MS} ms")
    slow = []
    with TestClient(create_app(args.db)) as client:
        for label, query in QUERIES:
            median, p95, rows, next_ms, store_ms = measure(client, query, args.repeat)
            verdict = "ok" if p95 < TARGET_MS else "SLOW"
            if verdict == "SLOW":
                slow.append(label)
            print(f"{label:<28} {median:9.1f} {p95:8.1f} {rows:5d} {next_ms:9.1f} {store_ms:8.1f}  {verdict}  ?{query}")
    print(f"{len(QUERIES) - len(slow)} of {len(QUERIES)} queries within target" +
          (f"; slow: {', '.join(slow)}" if slow else ""))


if __name__ == "__main__":
    main()
