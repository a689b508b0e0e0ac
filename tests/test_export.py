"""Export writers: JSONL checked against the contract in shared/spec/export.md, CSV, GeoJSON, Parquet, and
the shared scorer reading what we write."""
from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from pathlib import Path

import pytest

from sitrep.records import Actor, EventDate, Flag, Person, Place
from sitrep.serve.export import CSV_COLUMNS, write_csv, write_geojson, write_jsonl, write_parquet
from test_reconcile import ATMEH, claim, mention, raid_reports, reconcile_all

SHARED = Path(__file__).parents[2] / "shared"


def incidents():
    """A located, contested raid; an unlocated arrest with no figures; a shooting with only wounded."""
    raid = reconcile_all(raid_reports(), incident_id="raid")
    arrests = reconcile_all([mention("arrests", action="arrest", event_type="Strategic developments",
                                     sub_event_type="Arrests", role="mention",
                                     claims=(claim(7, figure="arrested"),))], incident_id="arrests")
    shooting = reconcile_all([mention("shooting", published="2014-03-02", action="attack",
                                      date=EventDate("2014-03", "month"),
                                      place=Place(name="Springfield", admin1="Illinois", country="US",
                                                  lat=39.8, lon=-89.64, precision="town"),
                                      claims=(claim(2, figure="wounded", source="police",
                                                    source_type="government"),),
                                      flags=(Flag("other", "street name given two ways"),))],
                             incident_id="shooting")
    return [raid, arrests, shooting]


def jsonl_rows() -> list[dict]:
    out = io.StringIO()
    assert write_jsonl(incidents(), out) == 3
    return [json.loads(line) for line in out.getvalue().splitlines()]


def contract() -> dict:
    """The example object in the contract, whose string values spell out each field's allowed values."""
    spec = SHARED / "spec" / "export.md"
    if not spec.exists():
        pytest.skip("shared/spec/export.md is not beside the repository")
    return json.loads(re.search(r"```json\n(.*?)\n```", spec.read_text(), re.S).group(1))


def allowed_values(description: str) -> set | None:
    """{"raid", "airstrike", ...} from "raid | airstrike | ..."; None for free text, a pattern or a placeholder
    ("name | null")."""
    if " | " not in description or "e.g." in description or "YYYY" in description or "string" in description:
        return None
    options = [o.strip() for o in description.split(" | ")]
    options[0] = options[0].split(": ")[-1]
    named = [o for o in options if o != "null"]
    if len(named) < 2 or not all(re.fullmatch(r"[A-Za-z0-9_/ ]+", o) for o in named):
        return None
    return {None if o == "null" else o for o in options}


def check(value, spec, path: str):
    if isinstance(spec, dict):
        assert isinstance(value, dict), path
        missing = set(spec) - set(value)
        assert not missing, f"{path}: missing {missing}"
        for k in spec:
            check(value[k], spec[k], f"{path}.{k}")
    elif isinstance(spec, list):
        assert isinstance(value, list), path
        for i, item in enumerate(value):
            check(item, spec[0], f"{path}[{i}]")
    elif isinstance(spec, str):
        allowed = allowed_values(spec)
        if allowed is not None:
            assert value in allowed, f"{path}: {value!r} not in {allowed}"
        elif spec.startswith("ISO 3166-1") and value is not None:
            assert re.fullmatch(r"[A-Z]{2}", value), f"{path}: {value!r}"
        elif "YYYY-MM-DD" in spec and value is not None:
            assert re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", value), f"{path}: {value!r}"
    elif isinstance(spec, (int, float)) and value is not None:
        assert isinstance(value, (int, float)), path


def test_jsonl_follows_the_contract_field_names_and_value_sets():
    spec = contract()
    rows = jsonl_rows()
    for row in rows:
        check(row, spec, row["id"])
    raid = rows[0]
    rule = raid["fatalities"].pop("rule")
    assert raid["fatalities"] == {"low": 12, "best": 13, "high": 13}
    assert "low = the smallest" in rule and "best = " in rule   # the rule travels with the figures
    assert {(d["group"], tuple(d["values"])) for d in raid["disagreements"]} == {("children", (6, 4)),
                                                                                ("women", (4, 2))}
    assert raid["grade"] == "contested" and raid["time_precision"] == 1
    assert all(c["quote"] and c["document"] in {"wire-a", "wire-b"} for c in raid["claims"])


def test_unknown_date_and_place_are_null_with_unknown_precision():
    arrests = jsonl_rows()[1]
    assert (arrests["date"], arrests["date_precision"], arrests["time_precision"]) == (None, "unknown", None)
    assert arrests["place"]["precision"] == "unknown" and arrests["place"]["name"] is None
    assert arrests["claims"][0]["source"] is None and arrests["claims"][0]["source_type"] == "unattributed"
    assert {k: v for k, v in arrests["fatalities"].items() if k != "rule"} == {"low": None, "best": None, "high": None}
    assert arrests["documents"] == [{"document": "arrests", "role": "mention", "url": "https://example.org/arrests",
                                     "outlet": "outlet of arrests", "published": None, "title": "Report arrests",
                                     "copy_of": None}]


def test_csv_has_acled_like_columns_and_one_row_per_incident():
    out = io.StringIO()
    write_csv(incidents(), out)
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames) == CSV_COLUMNS
    for column in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "country",
                   "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "fatalities",
                   "source", "notes"):
        assert column in CSV_COLUMNS
    raid, arrests, shooting = list(reader)
    assert (raid["actor1"], raid["actor2"], raid["country"], raid["country_code"]) == (
        "United States armed forces", "Islamic State", "Syria", "SY")
    assert (raid["geo_precision"], raid["fatalities"], raid["fatalities_low"]) == ("1", "13", "12")
    assert "disagreement on killed children: 6 vs 4" in raid["notes"]
    assert (arrests["event_date"], arrests["time_precision"], arrests["fatalities"]) == ("", "", "")
    assert (shooting["event_date"], shooting["time_precision"], shooting["fatalities"]) == ("2014-03", "3", "0")


def test_geojson_has_point_features_for_located_incidents_only():
    out = io.StringIO()
    assert write_geojson(incidents(), out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == ["raid", "shooting"]
    raid = collection["features"][0]
    assert raid["geometry"] == {"type": "Point", "coordinates": [ATMEH.lon, ATMEH.lat]}
    assert raid["properties"]["location"] == "Atmeh" and raid["properties"]["fatalities_best"] == 13


def test_parquet_is_the_flat_table_with_claims_as_json(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "incidents.parquet"
    assert write_parquet(incidents(), path) == 3
    table = pq.read_table(path)
    assert table.column_names == list(CSV_COLUMNS) + ["claims_json"]
    rows = table.to_pylist()
    assert rows[0]["latitude"] == ATMEH.lat and rows[1]["fatalities"] is None
    assert len(json.loads(rows[0]["claims_json"])) == 7


def test_shared_scorer_reads_our_export(tmp_path):
    score_py, gold_path = SHARED / "eval" / "score.py", SHARED / "gold" / "seeds.gold.json"
    if not (score_py.exists() and gold_path.exists()):
        pytest.skip("shared scorer or gold not beside the repository")
    spec = importlib.util.spec_from_file_location("sitrep_shared_score", score_py)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    # The seed raid as our extraction would hand it over, under the seed documents' names (own wording).
    ngo = dict(source="Syrian Civil Defense", source_type="ngo")
    raid = reconcile_all([
        mention("000_d1012e0bd66cf7b5", place=ATMEH, action="raid", date=EventDate("2022-02-03", "day"),
                event_type="Battles", sub_event_type="Armed clash",
                actors=(Actor("United States armed forces", "perpetrator"),),
                people=(Person("Abu Ibrahim al-Hashimi al-Qurayshi", "killed"),),
                flags=(Flag("date_inconsistency", "a January statement about a February raid"),),
                claims=(claim(13, qualifier="at_least", source="local sources"),
                        claim(6, "children", source="local sources"),
                        claim(2, "children", source="Pentagon", source_type="military"))),
        mention("001_d3eca66359643406", place=ATMEH, action="raid", date=EventDate("2022-02-03", "day"),
                claims=(claim(13, **ngo), claim(6, "children", **ngo), claim(4, "women", **ngo))),
        mention("002_dce108061c62bd8e", published="2022-02-03", place=ATMEH, action="raid",
                date=EventDate("2022-02-03", "day"),
                claims=(claim(13, **ngo), claim(4, "children", source="SOHR", source_type="ngo"),
                        claim(2, "women", source="SOHR", source_type="ngo"),
                        claim(12, qualifier="at_least", source="Ahmad Rahhal", source_type="witness"))),
    ], incident_id="atmeh")
    export = tmp_path / "seeds.jsonl"
    with export.open("w", encoding="utf-8") as out:
        write_jsonl([raid], out)
    result = score.evaluate(json.loads(gold_path.read_text()), score.load_export(str(export)))
    row = next(r for r in result["incidents"] if r["incident"] == "atmeh-raid")
    assert row["found"] and row["date_ok"] and row["place_ok"]
    assert (row["disagreements"], row["flags"], row["people"]) == ("2/2", "1/1", "1/1")
    assert result["documents_primary_twice"] == []
