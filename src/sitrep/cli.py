"""The command line: a thin layer over library functions (Typer + Rich).

Exit codes: 0 all good; 2 usage error (bad option, missing path); 3 some inputs were quarantined
(the rest was processed); 4 the database cannot be opened.
"""
from __future__ import annotations

import json
import sys
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from sitrep.errors import GazetteerError, StoreError, UsageError
from sitrep.settings import TABLE, Settings

EXIT_REJECTED, EXIT_USAGE, EXIT_STORE = 3, 2, 4

app = typer.Typer(help="sitrep: turn news articles about armed conflict into a sourced incident database.\n\n"
                       "Example:  sitrep run ../shared/seeds && sitrep incidents",
                  no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
                  pretty_exceptions_show_locals=False)
gazetteer_app = typer.Typer(help="Manage the gazetteer (GeoNames) used to resolve places.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
console = Console(stderr=True)
out = Console()

DbOption = Annotated[str, typer.Option("--db", help="SQLite database file.", envvar="SITREP_DB")]


def _fail(message: str, code: int) -> None:
    console.print(f"[red]error:[/red] {message}")
    raise typer.Exit(code)


@app.command()
def run(paths: Annotated[list[Path], typer.Argument(help="Files or folders: .txt .html .jsonl .warc(.gz) .rss .atom")],
        db: DbOption = "sitrep.db",
        processes: Annotated[Optional[int], typer.Option(
            help="spaCy worker processes (default 1, or SITREP_PROCESSES); 2 is best on a 2-core laptop.")] = None
        ) -> None:
    """Ingest articles and update the incident database.

    Example:  sitrep run ../shared/seeds --db sitrep.db

    Running again on the same inputs adds nothing; new inputs join the existing incidents.
    """
    from sitrep.pipeline import run as run_pipeline
    settings = Settings.load(db=db, processes=processes)
    started = time.monotonic()
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("{task.fields[file]}"), console=console, transient=True)
    task = progress.add_task("reading", total=None, file="")

    def report(done: int, total: int, path: str) -> None:
        if not progress.live.is_started and time.monotonic() - started > 1.0:
            progress.start()   # a bar only for runs longer than a second
        progress.update(task, completed=done, total=total, file=Path(path).name)

    try:
        summary = run_pipeline(paths, settings, progress=report)
    except UsageError as exc:
        _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)
    finally:
        if progress.live.is_started:
            progress.stop()
    console.print(f"[bold]{summary.read}[/bold] documents read from {summary.files} files: "
                  f"{summary.added} new ({summary.copies} syndicated copies), {summary.unchanged} already stored, "
                  f"[{'red' if summary.rejected else 'green'}]{len(summary.rejected)} rejected[/]. "
                  f"Database {db}: {summary.incidents} incidents, {summary.claims} claims "
                  f"({time.monotonic() - started:.1f}s).")
    for rejected in summary.rejected[:20]:
        console.print(f"  [yellow]quarantined[/yellow] {rejected.source}: {rejected.reason}: {rejected.detail}")
    if len(summary.rejected) > 20:
        console.print(f"  … and {len(summary.rejected) - 20} more: `sitrep quarantine --db {db}`")
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def _open(db: str):
    from sitrep.store import open_store
    if not Path(db).exists():
        _fail(f"{db} does not exist: run `sitrep run INPUT --db {db}` first", EXIT_USAGE)
    try:
        return open_store(db, readonly=True)
    except StoreError as exc:
        _fail(str(exc), EXIT_STORE)


@app.command()
def export(db: DbOption = "sitrep.db",
           format: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | geojson | parquet")] = "jsonl",
           out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: stdout).")]
           = None) -> None:
    """Export incidents. jsonl follows the export contract; csv has ACLED-like columns.

    Example:  sitrep export --format jsonl --out incidents.jsonl
    """
    from sitrep.serve import export as writers
    if format not in ("jsonl", "csv", "geojson", "parquet"):
        _fail(f"unknown format {format!r}: use jsonl, csv, geojson or parquet", EXIT_USAGE)
    if format == "parquet" and out_file is None:
        _fail("parquet needs --out FILE", EXIT_USAGE)
    store = _open(db)
    incidents = list(store.iter_incidents())
    if format == "parquet":
        writers.write_parquet(incidents, out_file)
    else:
        with (open(out_file, "w", encoding="utf-8", newline="") if out_file else nullcontext(sys.stdout)) as fh:
            {"jsonl": writers.write_jsonl, "csv": writers.write_csv, "geojson": writers.write_geojson}[format](
                incidents, fh)
    if out_file:
        console.print(f"{len(incidents)} incidents written to {out_file}")


@app.command()
def incidents(db: DbOption = "sitrep.db",
              limit: Annotated[int, typer.Option(help="Rows to show.")] = 50) -> None:
    """Show incidents as a table: date, place, type, fatalities range, sources, flags.

    Example:  sitrep incidents --db sitrep.db
    """
    store = _open(db)
    table = Table(title=f"Incidents in {db}", show_lines=False, expand=False)
    for column, style in (("date", "bold"), ("place", ""), ("what", ""), ("killed", "red"), ("sources", ""),
                          ("flags", "yellow"), ("id", "dim")):
        # dates, ranges and ids are read whole; the other columns wrap, one item a line
        table.add_column(column, style=style, overflow="fold", no_wrap=column in ("date", "killed", "id"))
    rows = sorted(store.iter_incidents(), key=lambda i: (not any(d.role == "primary" for d in i.documents),
                                                        i.date.earliest or "9999", i.id))
    for incident in rows[:limit]:
        place = incident.place
        where = ", ".join(x for x in dict.fromkeys((place.name, place.admin1, place.country)) if x) or "?"
        f = incident.fatalities
        killed = "?" if f.best is None else str(f.best) if f.low == f.high else f"{f.low}–{f.high}"
        voices = sorted({c.source or "unattributed" for c in incident.claims})
        primary = any(d.role == "primary" for d in incident.documents)
        what = incident.action + ("" if primary else "\n(recalled)")
        table.add_row(incident.date.value or "?", where, what, killed,
                      f"{_plural(len(incident.documents), 'doc')}\n{_plural(len(voices), 'voice')}",
                      "\n".join(sorted({fl.kind for fl in incident.flags})) or "", incident.id)
    store.close()
    out.print(table)


@app.command()
def quarantine(db: DbOption = "sitrep.db") -> None:
    """List the inputs that were rejected, with the reason.

    Example:  sitrep quarantine --db sitrep.db
    """
    store = _open(db)
    table = Table(title="Quarantined inputs")
    for column in ("source", "reason", "detail"):
        table.add_column(column, overflow="fold")
    for rejected in store.rejected():
        table.add_row(rejected.source, rejected.reason, rejected.detail)
    out.print(table)


@app.command()
def places(input_file: Annotated[Path, typer.Argument(help="JSONL records with `id` and `text`.")],
           out_file: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output JSONL (default stdout).")]
           = None) -> None:
    """Geoparse documents: every place name with its resolved coordinates.

    Example:  sitrep places ../shared/benchmarks/geo-dev/documents.jsonl --out places.jsonl
    """
    from sitrep.extract.gazetteer import Gazetteer
    from sitrep.extract.nlp import load_pipeline
    from sitrep.extract.places import geoparse_records
    if not input_file.exists():
        _fail(f"{input_file} does not exist", EXIT_USAGE)
    settings = Settings.load()
    gazetteer = Gazetteer.open(settings.gazetteer or None)
    nlp = load_pipeline(gazetteer.ruler_patterns())
    records = (json.loads(line) for line in input_file.open(encoding="utf-8") if line.strip())
    with (open(out_file, "w", encoding="utf-8") if out_file else nullcontext(sys.stdout)) as fh:
        for row in geoparse_records(records, nlp, gazetteer):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


@gazetteer_app.command("import")
def gazetteer_import(files: Annotated[list[Path], typer.Argument(
        help="GeoNames dumps: allCountries.txt or country files, alternateNamesV2.txt, admin1CodesASCII.txt")]) -> None:
    """Add full GeoNames dumps to the gazetteer for village-level coverage.

    Example:  sitrep gazetteer import SY.txt IQ.txt alternateNamesV2.txt admin1CodesASCII.txt
    """
    from sitrep.extract.gazetteer import Gazetteer, import_geonames
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        _fail(f"not found: {', '.join(missing)}", EXIT_USAGE)
    settings = Settings.load()
    gazetteer = Gazetteer.open(settings.gazetteer or None)
    try:
        added = import_geonames(gazetteer.path, files)
    except GazetteerError as exc:
        _fail(str(exc), EXIT_USAGE)
    console.print(f"imported {added} rows into {gazetteer.path}")


@app.command()
def serve(db: DbOption = "sitrep.db",
          host: Annotated[str, typer.Option(help="Address to bind; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port.")] = 8000) -> None:
    """Serve the read-only web page and JSON API over a database.

    Example:  sitrep serve --db sitrep.db   then open http://127.0.0.1:8000
    """
    from sitrep.serve.app import serve as serve_app
    _open(db).close()
    serve_app(db, host, port)


@app.command()
def settings() -> None:
    """Print every setting with its default; override with SITREP_<NAME> environment variables.

    Example:  SITREP_BATCH_SIZE=128 sitrep run articles/
    """
    table = Table(title="Settings")
    for column in ("name", "default", "environment", "help"):
        table.add_column(column, overflow="fold")
    for name, (default, help_text) in TABLE.items():
        table.add_row(name, repr(default), f"SITREP_{name.upper()}", help_text)
    out.print(table)
