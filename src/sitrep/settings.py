"""One table of settings (name, default, help), one Settings object passed down the pipeline.

Every setting can be overridden by an environment variable SITREP_<NAME>; `sitrep settings`
prints the table. A test fails when a field of Settings has no row here.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path

TABLE: dict[str, tuple[object, str]] = {
    "db": ("sitrep.db", "SQLite database file (the embedded default store)."),
    "max_input_bytes": (20_000_000, "Inputs larger than this are quarantined as too_large."),
    "batch_size": (64, "Documents per store transaction and per spaCy batch."),
    "processes": (1, "spaCy worker processes for extraction (2 is the best on a 2-core laptop)."),
    "gazetteer": ("", "Gazetteer SQLite file; empty means the default built from GeoNames cities500 on first use."),
    "knowledge_base": ("", "Extra actors/sources YAML file merged over the shipped knowledge base."),
    "copy_threshold": (0.8, "MinHash Jaccard estimate above which a document is a syndicated copy of another."),
    "cluster_threshold": (0.33, "Score at which two mentions link into one incident (tuned on gva-dev: scripts/tune_clustering.py)."),
    "date_window_days": (7, "How far apart two mentions' dates may be to be compared at all (blocking)."),
}


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "sitrep.db"
    max_input_bytes: int = 20_000_000
    batch_size: int = 64
    processes: int = 1
    gazetteer: str = ""
    knowledge_base: str = ""
    copy_threshold: float = 0.8
    cluster_threshold: float = 0.33
    date_window_days: int = 7

    @classmethod
    def load(cls, **overrides: object) -> "Settings":
        """Defaults, then SITREP_* environment variables, then explicit overrides (None is ignored)."""
        values: dict[str, object] = {}
        for f in dataclasses.fields(cls):
            env = os.environ.get(f"SITREP_{f.name.upper()}")
            if env is not None:
                values[f.name] = type(TABLE[f.name][0])(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def data_dir() -> Path:
    """Where sitrep keeps files it builds (the compiled gazetteer): SITREP_HOME or ~/.cache/sitrep."""
    home = os.environ.get("SITREP_HOME") or os.path.join(os.path.expanduser("~"), ".cache", "sitrep")
    path = Path(home)
    path.mkdir(parents=True, exist_ok=True)
    return path
