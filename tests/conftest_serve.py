"""A small incident database for the API and browser tests, written through the store's own write methods.

The texts are sentences written for these tests (never seed text). One article is hostile: its text, title,
outlet, URL and place name carry script payloads that must show as text and never run.
"""
from __future__ import annotations

import hashlib
import socket
import threading
import time
from pathlib import Path

from sitrep.records import (Actor, Claim, Disagreement, Document, DocumentRef, EventDate, Fatalities, Flag,
                            Incident, Place)
from sitrep.store import open_store

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

WHITE_HELMETS_TEXT = (
    "Rescuers pulled bodies from the rubble of two houses in Sarmada on Sunday.\n\n"
    "The Syrian Civil Defence, the volunteer rescue group known as the White Helmets, said its teams recovered "
    "nine bodies, five of them children, after the strike hit the town before dawn.\n\n"
    "Residents said drones had circled overhead for hours."
)
SOHR_TEXT = (
    "A drone strike on the town of Sarmada in Idlib province killed eleven people, a war monitor said on Monday.\n\n"
    "The Syrian Observatory for Human Rights said three children were among the dead and that the toll could rise.\n\n"
    "It was the deadliest strike in the area this year."
)
XSS_SCRIPT = '<script>window.__xss = "script"; document.title = "pwned";</script>'
XSS_IMG = '<img src=x onerror="window.__xss=\'img\'; document.title=\'pwned\'">'
WARC_NAME = "https://news.example/2024/05/shelling?id=7&lang=en"
HOSTILE_TEXT = (
    f"Gunmen attacked a checkpoint near Ramadi on Friday. {XSS_SCRIPT}\n\n"
    f"Police said four officers were killed in the attack. {XSS_IMG}\n\n"
    "The attackers fled towards the desert, officials said."
)


def _doc(name: str, text: str, **fields: object) -> Document:
    return Document(id=hashlib.sha256(text.encode()).hexdigest()[:16], name=name, text=text,
                    source=f"tests/{name}.txt", **fields)


def _claim(doc: Document, sentence: str, **fields: object) -> Claim:
    start = doc.text.index(sentence)
    return Claim(document=doc.name, quote=sentence, start=start, end=start + len(sentence), **fields)


def demo_records() -> tuple[list[Document], list[Incident]]:
    wh = _doc("wh-sarmada", WHITE_HELMETS_TEXT, published="2023-05-14", outlet="Rescue Wire",
              title="Rescuers count the dead in Sarmada", url="https://example.org/sarmada")
    sohr = _doc("sohr-sarmada", SOHR_TEXT, published="2023-05-15", outlet="Monitor Daily",
                title="Monitor says strike killed eleven")
    hostile = _doc("hostile-ramadi", HOSTILE_TEXT, published="2024-03-08",
                   outlet='<img src=x onerror="window.__xss=\'outlet\'">',
                   title=f"Checkpoint attack {XSS_SCRIPT}", url="javascript:window.__xss='url'")
    # named like a WARC record: by its target URI, with the slashes and query a URL has
    undated = _doc(WARC_NAME, "Shelling hit a village in the south, residents said. No one was hurt.")
    wh_sentence = WHITE_HELMETS_TEXT.split("\n\n")[1]
    sohr_sentence = SOHR_TEXT.split("\n\n")[1]
    sarmada = Incident(
        id="inc-sarmada", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        action="drone_strike",
        date=EventDate("2023-05-14", "day", "2023-05-14", "2023-05-14", "on Sunday"),
        place=Place("Sarmada", "Idlib", None, "SY", 36.1775, 36.7221, "town", "geonames:163270"),
        actors=(Actor("Syrian Civil Defence", "other", "ngo"),),
        claims=(
            _claim(wh, wh_sentence, figure="killed", group="total", value=9, source="Syrian Civil Defense",
                   source_type="ngo"),
            _claim(wh, wh_sentence, figure="killed", group="children", value=5, source="Syrian Civil Defense",
                   source_type="ngo"),
            _claim(sohr, SOHR_TEXT.split("\n\n")[0], figure="killed", group="total", value=11,
                   source="Syrian Observatory for Human Rights", source_type="ngo"),
            _claim(sohr, sohr_sentence, figure="killed", group="children", value=3,
                   source="Syrian Observatory for Human Rights", source_type="ngo"),
        ),
        fatalities=Fatalities(9, 11, 11),
        disagreements=(Disagreement("killed", "total", (9, 11), ("Syrian Civil Defense",
                                                                 "Syrian Observatory for Human Rights")),
                       Disagreement("killed", "children", (5, 3), ("Syrian Civil Defense",
                                                                   "Syrian Observatory for Human Rights"))),
        flags=(Flag("date_inconsistency", "one report dates the strike a day later", "sohr-sarmada"),),
        documents=(DocumentRef("wh-sarmada", "primary", wh.url, wh.outlet, wh.published, wh.title),
                   DocumentRef("sohr-sarmada", "primary", None, sohr.outlet, sohr.published, sohr.title)),
        grade="contested", grade_reasons=("two sources disagree on the death toll",))
    ramadi = Incident(
        id="inc-ramadi", event_type="Battles", action="attack",
        date=EventDate("2024-03-08", "day", "2024-03-08", "2024-03-08"),
        place=Place(f"Ramadi {XSS_IMG}", "Anbar", None, "IQ", 33.4258, 43.2992, "town"),
        claims=(_claim(hostile, "Police said four officers were killed in the attack.", figure="killed",
                       group="security_forces", value=4, source=f"police {XSS_SCRIPT}", source_type="government"),),
        fatalities=Fatalities(4, 4, 4),
        documents=(DocumentRef("hostile-ramadi", "primary", hostile.url, hostile.outlet, hostile.published,
                               hostile.title),),
        grade="single_source")
    village = Incident(id="inc-undated", event_type="Explosions/Remote violence", action="shelling",
                       documents=(DocumentRef(WARC_NAME, "primary"),))
    return [wh, sohr, hostile, undated], [sarmada, ramadi, village]


def build_demo_store(path: Path) -> Path:
    documents, incidents = demo_records()
    ids = {d.name: d.id for d in documents}
    store = open_store(path)
    try:
        with store.batch():
            for document in documents:
                store.add_document(document, [])
            for incident in incidents:
                store.save_incident(incident, ids)
            store.assign({}, [{"kind": "new", "incident": "inc-sarmada", "mentions": ["m-wh-1", "m-sohr-1"]}])
    finally:
        store.close()
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerThread:
    """uvicorn serving `create_app(db)` on a free localhost port, in a thread, for the browser tests."""

    def __init__(self, db: Path):
        import uvicorn

        from sitrep.serve.app import create_app

        self.port = free_port()
        app = create_app(str(db), allowed_hosts=("127.0.0.1",))  # as `sitrep serve` runs it on localhost
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def chromium_path() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else None
