"""The gazetteer: read-only access to a compiled GeoNames file (one indexed SQLite file, built by
`gazetteer_build`). Lookups go through an indexed `names` table, so nothing is held in Python memory.
"""
from __future__ import annotations

import math
import os
import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from sitrep.errors import GazetteerError
from sitrep.extract.gazetteer_build import ensure_default_gazetteer, import_geonames, is_current
from sitrep.extract.gazetteer_names import is_latin, normalize_name, skeleton
from sitrep.records import Place
from sitrep.settings import Settings

# the build's entry points and the name key too, for callers that know the gazetteer as one module
__all__ = ["Candidate", "Country", "Gazetteer", "ensure_default_gazetteer", "import_geonames", "is_current",
           "km", "normalize_name", "ruler_patterns"]
SMALL_PROVINCE = 10_000   # a first-level division with fewer people (Isle of Man's "Michael" and "Patrick",
                          # Anguilla's "West End") names a person or a street far more often than itself



@lru_cache(maxsize=1 << 16)   # resolution rounds measure the same pairs of places again and again
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name may refer to."""
    geonameid: str
    name: str
    country: str | None
    admin1_code: str | None
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    population: int
    precision: str
    alias: bool = False            # matched through an alternate name only

    def to_place(self, name: str | None = None) -> Place:
        return Place(name=name or self.name, admin1=self.admin1, admin2=self.admin2, country=self.country,
                     lat=self.lat, lon=self.lon, precision=self.precision, gazetteer_id=self.geonameid)


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    name: str
    lat: float
    lon: float
    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float


CANDIDATE_SQL = """SELECT DISTINCT p.geonameid, p.name, p.country, p.admin1_code, a.name, COALESCE(d.name, p.admin2_code),
  p.lat, p.lon, p.feature_class, p.feature_code, p.population, p.precision, n.alias FROM places p
  LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1_code
  LEFT JOIN admin2 d ON d.country = p.country AND d.admin1_code = p.admin1_code AND d.code = p.admin2_code"""


class Gazetteer:
    """Read-only access to a compiled gazetteer file."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self.conn = conn
        self.path = path
        self.lookup = lru_cache(maxsize=20000)(self._lookup)

    @classmethod
    def open(cls, path: str | None = None) -> "Gazetteer":
        """Open `path`, or the settings' gazetteer, or the default file (built when missing or stale)."""
        path = path or Settings.load().gazetteer or None
        if path is None:
            path = str(ensure_default_gazetteer())
        if not os.path.exists(path):
            raise GazetteerError(f"Gazetteer file {path} does not exist: build it with import_geonames or "
                                 "leave the gazetteer setting empty to use the default.")
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("SELECT 1 FROM names LIMIT 1")
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"Gazetteer file {path} is not a sitrep gazetteer ({exc}).") from exc
        return cls(conn, path)

    def _lookup(self, name: str) -> tuple[Candidate, ...]:
        """Entries whose normalized name is `name`'s, biggest first (at most 60)."""
        key = normalize_name(name)
        if not key:
            return ()
        rows = self.conn.execute(f"{CANDIDATE_SQL} JOIN names n ON n.geonameid = p.geonameid WHERE n.key = ? "
                                 "ORDER BY n.alias, p.population DESC LIMIT 60", (key,)).fetchall()
        return tuple(Candidate(*row) for row in rows)

    def lookup_loose(self, name: str, min_similarity: float = 70) -> tuple[Candidate, ...]:
        """Spelling variants (same consonant skeleton, similar string): for names `lookup` misses."""
        from rapidfuzz import fuzz
        key = normalize_name(name)
        if len(key) < 5:
            return ()
        rows = self.conn.execute(f"{CANDIDATE_SQL} JOIN names n ON n.geonameid = p.geonameid WHERE n.skeleton = ? "
                                 "AND n.alias = 0 ORDER BY p.population DESC LIMIT 60", (skeleton(key),)).fetchall()
        return tuple(Candidate(*row[:12], True) for row in rows
                     if fuzz.ratio(key, normalize_name(row[1])) >= min_similarity)

    def admin1_of(self, country: str | None, code: str | None) -> Candidate | None:
        """The first-level division itself, as a candidate (for falling back from a town to its province)."""
        row = self.conn.execute(CANDIDATE_SQL.replace("n.alias", "0") + " WHERE p.feature_code = 'ADM1' AND p.country = ? "
                                "AND p.admin1_code = ? LIMIT 1", (country, code)).fetchone()
        return Candidate(*row[:12]) if row else None

    def country(self, iso2: str) -> Country | None:
        row = self.conn.execute("SELECT iso2, name, lat, lon, min_lat, max_lat, min_lon, max_lon FROM countries "
                                "WHERE iso2 = ?", (iso2,)).fetchone()
        return Country(*row) if row else None

    def demonym_country(self, word: str) -> str | None:
        """ISO2 of the country a demonym ("Syrian", "Turkish") belongs to."""
        row = self.conn.execute("SELECT iso2 FROM demonyms WHERE key = ?", (normalize_name(word),)).fetchone()
        return row[0] if row else None

    def ruler_patterns(self, min_population: int = 100_000) -> list[dict]:
        """EntityRuler patterns (case-sensitive) for countries, first-level divisions and big cities: the
        names the small model most often leaves out or calls PERSON/ORG.

        One-word names go into a single case-sensitive {"ORTH": {"IN": [...]}} pattern (thousands of
        separate token patterns slow the matcher down 10x); longer names are phrase patterns. Conservative
        on purpose: a ruler span overrides the statistical NER, so names that are also common words or
        first names (_NOT_PLACE_ALONE), short names and provinces of a few people are left out.
        """
        rows = self.conn.execute(
            "SELECT DISTINCT p.name, p.precision FROM places p WHERE p.precision = 'country' OR (p.precision = "
            "'admin1' AND p.population >= ?) OR (p.feature_class = 'P' AND p.population >= ?)",
            (SMALL_PROVINCE, min_population)).fetchall()
        single, patterns = set(), []
        for name, precision in rows:
            if not is_latin(name) or len(name) < 4 or name.lower() in _NOT_PLACE_ALONE or not name[0].isupper():
                continue
            tokens = [t for t in re.split(r"\s+|([-'.,])", name) if t]
            if len(tokens) == 1:
                single.add(name)
            else:  # phrase pattern: matched on lowercase text, harmless for multi-word names
                patterns.append({"label": "GPE", "pattern": name, "id": "geo"})
        if single:
            patterns.append({"label": "GPE", "pattern": [{"ORTH": {"IN": sorted(single)}}], "id": "geo"})
        return patterns


# Place names that are also everyday words or first names: a case-sensitive pattern would still fire on
# them at the start of a sentence or in a person's name (hand-written: no package lists these).
_NOT_PLACE_ALONE = {"university", "union", "victoria", "march", "independence", "liberty", "mobile", "ocean",
                    "commerce", "enterprise", "progress", "reform", "friendship", "concord", "hope", "paradise",
                    "eden", "florence", "jordan", "chad", "nice", "split", "bath", "reading", "orange", "phoenix",
                    "troy", "justice", "police", "center", "centre", "central", "north", "south", "east", "west",
                    "capital", "federal", "national", "lincoln", "jackson", "madison", "franklin", "washington",
                    "clinton", "hamilton", "warren", "marion", "charlotte", "austin", "dallas", "tyler", "kent",
                    "carmen", "santiago", "sofia", "alexandria", "georgia", "virginia", "salem", "aurora",
                    "irving", "garland", "pueblo", "cary", "allen", "murray", "wayne", "douglas", "taylor"}


def ruler_patterns(gazetteer: Gazetteer | None = None) -> list[dict]:
    """EntityRuler patterns of the given (or the default) gazetteer; see Gazetteer.ruler_patterns."""
    return (gazetteer or Gazetteer.open()).ruler_patterns()
