"""The whole pipeline on real text: the seeds, bad inputs, re-runs, shuffled orders and a killed run."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.pipeline import run
from sitrep.settings import Settings
from sitrep.store import open_store

runner = CliRunner()


def _counts(db: Path):
    store = open_store(db, readonly=True)
    try:
        return store.counts()
    finally:
        store.close()


def _membership(db: Path) -> dict[str, frozenset[str]]:
    """incident id → the names of the documents that are primary for it."""
    store = open_store(db, readonly=True)
    try:
        return {i.id: frozenset(d.document for d in i.documents if d.role == "primary") for i in store.iter_incidents()}
    finally:
        store.close()


def test_seeds_run_twice_changes_nothing(seeds_db: Path, shared: Path) -> None:
    before = _counts(seeds_db)
    assert before.documents == 5 and before.incidents >= 3 and before.claims > 5
    summary = run([shared / "seeds"], Settings.load(db=str(seeds_db)))
    assert summary.added == 0 and summary.unchanged == 5
    assert _counts(seeds_db) == before


def test_every_seed_is_primary_for_exactly_one_incident(seeds_db: Path) -> None:
    primaries = [name for names in _membership(seeds_db).values() for name in names]
    assert sorted(primaries) == sorted(set(primaries)) and len(primaries) == 5


def test_order_of_arrival_does_not_change_incidents(shared: Path, tmp_path: Path) -> None:
    seeds = sorted((shared / "seeds").glob("*.txt"))
    results = []
    for n, order in enumerate((seeds, list(reversed(seeds)), random.Random(7).sample(seeds, len(seeds)))):
        db = tmp_path / f"order{n}.db"
        for path in order:            # one document per run: the incremental path
            run([path], Settings.load(db=str(db)))
        results.append(_membership(db))
    assert results[0] == results[1] == results[2]


def test_bad_inputs_are_quarantined_and_the_rest_is_processed(shared: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(next((shared / "seeds").glob("003_*.txt")), inputs / "good.txt")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(os.urandom(4096))
    (inputs / "latin1.txt").write_bytes("Une bombe a tu\xe9 trois personnes \xe0 Gao.".encode("latin-1"))
    with open(inputs / "huge.txt", "wb") as fh:
        fh.write(b"Gunmen killed two people in an attack on a market, police said. " * 800_000)   # ~52 MB
    (inputs / "cut.html").write_text("<html><head><title>x</title></head><body><div><p>", encoding="utf-8")
    good = json.dumps({"id": "wire-1", "text": "Gunmen killed two farmers in an attack on a village near Gao on "
                       "Monday, the army said.", "published": "2023-05-02"})
    (inputs / "batch.jsonl").write_text(good + "\n{not json\n" + good.replace("wire-1", "wire-2").replace(
        "two farmers", "three herders") + "\n", encoding="utf-8")
    db = tmp_path / "bad.db"
    result = runner.invoke(app, ["run", str(inputs), "--db", str(db)])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    store = open_store(db, readonly=True)
    reasons = {Path(r.source.split(":")[0]).name: r.reason for r in store.rejected()}
    names = {d for i in store.iter_incidents() for d in (x.document for x in i.documents)}
    store.close()
    assert reasons == {"empty.txt": "empty", "binary.txt": "binary", "latin1.txt": "encoding",
                       "huge.txt": "too_large", "cut.html": "no_text", "batch.jsonl": "malformed"}
    assert {"good", "wire-1", "wire-2"} <= names


def test_cli_exports_match_the_contract(seeds_db: Path, shared: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["export", "--db", str(seeds_db), "--format", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and all({"id", "date", "date_precision", "place", "claims", "documents"} <= set(r) for r in rows)
    score = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold",
                            str(shared / "gold" / "seeds.gold.json"), "--export", str(out)],
                           capture_output=True, text=True, check=True)
    assert "summary: clustering_f1=" in score.stdout
    for fmt, marker in (("csv", "event_date,time_precision,event_type"), ("geojson", '"FeatureCollection"')):
        result = runner.invoke(app, ["export", "--db", str(seeds_db), "--format", fmt])
        assert result.exit_code == 0 and marker in result.output
    table = runner.invoke(app, ["incidents", "--db", str(seeds_db)], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "Idlib" in table.output and "Deir ez-Zor" in table.output


def test_cli_usage_errors_are_clear(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "sitrep run" in result.output


def test_a_killed_run_resumes_without_loss_or_duplicates(shared: Path, tmp_path: Path) -> None:
    """Kill `sitrep run` once it has committed some documents, run again, compare with an uninterrupted run."""
    lines = (shared / "benchmarks" / "gva-dev" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[:60]
    source = tmp_path / "gva60.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sitrep = [str(Path(sys.executable).parent / "sitrep")]
    env = {**os.environ, "SITREP_BATCH_SIZE": "8"}
    killed_db, clean_db = tmp_path / "killed.db", tmp_path / "clean.db"
    proc = subprocess.Popen([*sitrep, "run", str(source), "--db", str(killed_db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            n = sqlite3.connect(killed_db).execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            n = 0
        if n >= 8:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    subprocess.run([*sitrep, "run", str(source), "--db", str(killed_db)], env=env, check=True, capture_output=True)
    subprocess.run([*sitrep, "run", str(source), "--db", str(clean_db)], env=env, check=True, capture_output=True)
    assert _counts(killed_db) == _counts(clean_db)
    assert _membership(killed_db) == _membership(clean_db)


def test_the_same_article_under_two_names_keeps_both_as_copies(tmp_path: Path) -> None:
    text = ("Two gunmen opened fire on a wedding party in the village of Kolofata on Saturday night, killing "
            "seven guests and wounding twelve, a local official told reporters on Sunday.")
    rows = [{"id": name, "text": text, "published": "2021-03-07"} for name in ("site-a/1", "site-b/9", "site-a/1")]
    source = tmp_path / "wire.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = tmp_path / "copies.db"
    summary = run([source], Settings.load(db=str(db)))
    assert (summary.added, summary.copies, summary.unchanged) == (2, 1, 1)
    store = open_store(db, readonly=True)
    [incident] = [i for i in store.iter_incidents() if any(d.role == "primary" for d in i.documents)]
    store.close()
    refs = {d.document: d for d in incident.documents}
    assert set(refs) == {"site-a/1", "site-b/9"} and refs["site-b/9"].copy_of
    assert run([source], Settings.load(db=str(db))).added == 0


def test_real_news_in_two_orders_gives_the_same_incidents(shared: Path, tmp_path: Path) -> None:
    """Local news on many similar shootings, fed in opposite orders in small batches: the same incidents, and
    no document primary for two of them (an incident that lost a member is rewritten too)."""
    lines = (shared / "benchmarks" / "gva-dev" / "documents.jsonl").read_text(encoding="utf-8").splitlines()[:120]
    results = []
    for n, ordered in enumerate((lines, lines[::-1])):
        source = tmp_path / f"order{n}.jsonl"
        source.write_text("\n".join(ordered) + "\n", encoding="utf-8")
        db = tmp_path / f"order{n}.db"
        run([source], Settings.load(db=str(db), batch_size=8))
        membership = _membership(db)
        primaries = [name for names in membership.values() for name in names]
        assert len(primaries) == len(set(primaries))
        results.append(membership)
    assert results[0] == results[1]            # the same partition, and the same incident ids


def test_two_worker_processes_give_the_same_incidents(seeds_db: Path, shared: Path, tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    run([shared / "seeds"], Settings.load(db=str(db), processes=2))
    store_one, store_two = open_store(seeds_db, readonly=True), open_store(db, readonly=True)
    try:
        one = sorted((i.id, i.fatalities, len(i.claims)) for i in store_one.iter_incidents())
        two = sorted((i.id, i.fatalities, len(i.claims)) for i in store_two.iter_incidents())
    finally:
        store_one.close(), store_two.close()
    assert one == two and len(one) >= 3
