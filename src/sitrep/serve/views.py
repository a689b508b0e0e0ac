"""Pure functions from records to what a reader sees: list rows, the side-by-side claims table, marked text.

Both the HTML pages and their JSON twins are built from these, so the two never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from sitrep.records import Claim, Document, Incident, to_dict

FIGURE_ORDER = ("killed", "wounded", "casualties", "arrested", "missing")
GROUP_ORDER = ("total", "civilians", "children", "women", "men", "militants", "security_forces")
QUALIFIER_WORDS = {"exact": "", "at_least": "at least", "more_than": "more than", "about": "about",
                   "up_to": "up to", "fewer_than": "fewer than"}
UNATTRIBUTED = "Unattributed"


def incident_path(incident_id: str) -> str:
    return "/incidents/" + quote(incident_id, safe="")


def document_path(name: str, incident_id: str | None = None) -> str:
    path = "/documents/" + quote(name, safe="")
    return path + ("?incident=" + quote(incident_id, safe="") if incident_id else "")


def safe_link(url: str | None) -> str | None:
    """An article's URL only when it is plain http(s): hostile `javascript:` and `data:` URLs never become links."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def claim_value(claim: Claim) -> str:
    """'at least 13', '6': the figure as a reader would say it."""
    words = QUALIFIER_WORDS.get(claim.qualifier, claim.qualifier.replace("_", " "))
    return f"{words} {claim.value}".strip()


def document_heading(document: Document | None, title: str | None = None, name: str = "", words: int = 12) -> str:
    """A document's title; without one (a plain-text file names none), its opening words, which say more to a
    reader than a file name like `002_dce10806`."""
    if title or (document is not None and document.title):
        return title or document.title
    opening = document.text.split() if document is not None else []
    if not opening:
        return name or (document.name if document is not None else "")
    return " ".join(opening[:words]) + (" …" if len(opening) > words else "")


def place_label(incident: Incident) -> str:
    parts = [p for p in (incident.place.name, incident.place.admin1, incident.place.country) if p]
    return ", ".join(dict.fromkeys(parts)) or "place unknown"


def incident_summary(incident: Incident) -> dict:
    """One row of the list (and one marker of the map): small enough to send thousands at once."""
    return {
        "id": incident.id,
        "url": incident_path(incident.id),
        "api_url": "/api" + incident_path(incident.id),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "action": incident.action,
        "date": incident.date.value,
        "date_precision": incident.date.precision,
        "place": to_dict(incident.place),
        "place_label": place_label(incident),
        "fatalities": to_dict(incident.fatalities),
        "grade": incident.grade,
        "disagreements": len(incident.disagreements),
        "flags": len(incident.flags),
        "documents": len(incident.documents),
        "claims": len(incident.claims),
    }


@dataclass(frozen=True, slots=True)
class ClaimCell:
    """One source's statements of one figure: usually one value, several when documents differ."""
    values: tuple[tuple[str, tuple[int, ...]], ...]  # (value as said, indexes into incident.claims)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    figure: str
    group: str
    subset: str | None
    disputed: bool
    cells: tuple[ClaimCell, ...]                     # one per source column, in column order


@dataclass(frozen=True, slots=True)
class ClaimsTable:
    sources: tuple[str, ...]
    source_types: tuple[str, ...]
    rows: tuple[ClaimRow, ...]


def claims_table(incident: Incident) -> ClaimsTable:
    """Claims pivoted so each source is a column and each (figure, group) a row: disagreements line up."""
    sources: dict[str, str] = {}
    for claim in incident.claims:
        sources.setdefault(claim.source or UNATTRIBUTED, claim.source_type)
    disputed = {(d.figure, d.group) for d in incident.disagreements}
    keys = sorted({(c.figure, c.group, c.subset) for c in incident.claims}, key=_row_order)
    rows = []
    for figure, group, subset in keys:
        cells = []
        for source in sources:
            said: dict[str, list[int]] = {}
            for i, c in enumerate(incident.claims):
                if (c.figure, c.group, c.subset, c.source or UNATTRIBUTED) == (figure, group, subset, source):
                    said.setdefault(claim_value(c), []).append(i)
            cells.append(ClaimCell(tuple((v, tuple(ix)) for v, ix in said.items())))
        rows.append(ClaimRow(figure, group, subset, (figure, group) in disputed, tuple(cells)))
    return ClaimsTable(tuple(sources), tuple(sources.values()), tuple(rows))


def disagreement_views(incident: Incident) -> list[dict]:
    """Each disagreement with who said what, read from the claims: Disagreement.sources is not aligned with values."""
    out = []
    for d in incident.disagreements:
        said: dict[int, list[str]] = {}
        for c in incident.claims:
            if (c.figure, c.group) == (d.figure, d.group):
                sources = said.setdefault(c.value, [])
                if (c.source or UNATTRIBUTED) not in sources:
                    sources.append(c.source or UNATTRIBUTED)
        values = [{"value": v, "sources": said.get(v, [])} for v in sorted(set(d.values) | set(said), reverse=True)]
        out.append({"figure": d.figure, "group": d.group, "values": values})
    return out


def _row_order(key: tuple[str, str, str | None]) -> tuple[int, int, str]:
    figure, group, subset = key
    return (_index(FIGURE_ORDER, figure), _index(GROUP_ORDER, group), subset or "")


def _index(order: tuple[str, ...], value: str) -> int:
    return order.index(value) if value in order else len(order)


def claims_table_dict(table: ClaimsTable, incident: Incident) -> dict:
    """The claims table as JSON: the same rows and columns the HTML page shows."""
    return {
        "sources": [{"name": s, "source_type": t} for s, t in zip(table.sources, table.source_types)],
        "rows": [{
            "figure": r.figure, "group": r.group, "subset": r.subset, "disputed": r.disputed,
            "cells": [[{"value": v, "claims": list(ix), "documents": sorted({incident.claims[i].document for i in ix})}
                       for v, ix in cell.values] for cell in r.cells],
        } for r in table.rows],
    }


def document_spans(document: Document, incidents: list[Incident]) -> list[dict]:
    """The spans of `document` that claims quote, with what each claim says, in text order."""
    spans = []
    for incident in incidents:
        for i, c in enumerate(incident.claims):
            if c.document not in (document.name, document.id):
                continue
            start, end = max(0, c.start), min(len(document.text), c.end)
            if start >= end:
                continue
            spans.append({"start": start, "end": end, "claim": i, "incident": incident.id,
                          "figure": c.figure, "group": c.group, "value": claim_value(c),
                          "source": c.source or UNATTRIBUTED, "quote": c.quote,
                          "matches_text": document.text[start:end].strip() == c.quote.strip()})
    return sorted(spans, key=lambda s: (s["start"], s["end"], s["claim"]))


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of document text; `spans` are indexes of the claim spans covering it (empty: not quoted)."""
    start: int
    text: str
    spans: tuple[int, ...]
    opens: tuple[int, ...] = ()  # claim indexes whose quote starts here (anchors for links to the quote)


def marked_segments(text: str, spans: list[dict]) -> list[Segment]:
    """Cut `text` at every span boundary so overlapping quotes still mark correctly."""
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    segments = []
    for a, b in zip(cuts, cuts[1:]):
        covering = tuple(i for i, s in enumerate(spans) if s["start"] <= a and b <= s["end"])
        opens = tuple(s["claim"] for s in spans if s["start"] == a)
        segments.append(Segment(a, text[a:b], covering, opens))
    return segments
