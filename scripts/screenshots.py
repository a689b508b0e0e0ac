"""Save PNG screenshots of the list, map, incident and document pages of a sitrep database, to look at them.

    python scripts/screenshots.py --db sitrep.db --out screenshots/ [--incident ID]

Starts the server on a free localhost port and drives Debian's chromium with Playwright.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from sitrep.serve.app import create_app
from sitrep.serve.views import document_path, incident_path
from sitrep.store import IncidentQuery, open_store

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pages_to_shoot(db: str, incident_id: str | None) -> dict[str, str]:
    store = open_store(db, readonly=True)
    try:
        if incident_id is None:
            # the incident with the most claims shows the side-by-side table best
            incidents, _ = store.list_incidents(IncidentQuery(limit=500))
            incident_id = max(incidents, key=lambda i: (len(i.claims), len(i.documents))).id if incidents else None
        incident = store.get_incident(incident_id) if incident_id else None
    finally:
        store.close()
    pages = {"list": "/", "map": "/map", "docs": "/docs"}
    if incident:
        pages["incident"] = incident_path(incident.id)
        if incident.documents:
            pages["document"] = document_path(incident.documents[0].document, incident.id)
            pages["document-all"] = document_path(incident.documents[0].document)  # every citing incident
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--incident", help="incident id for the incident page (default: the one with most claims)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            for name, path in pages_to_shoot(args.db, args.incident).items():
                page.goto(f"http://127.0.0.1:{port}{path}")
                if name == "map":
                    page.locator("#map-status", has_text="on the map").wait_for()
                    page.wait_for_timeout(300)
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
                print(out / f"{name}.png", path)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
