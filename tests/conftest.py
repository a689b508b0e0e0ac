"""Shared fixtures: paths to ../shared (skipped when absent) and a seeds database built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (seeds, gold, benchmarks) is not beside the repository")
    return SHARED


@pytest.fixture(scope="session")
def seeds_db(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built by the real pipeline from the five seed articles."""
    from sitrep.pipeline import run
    from sitrep.settings import Settings
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    run([shared / "seeds"], Settings.load(db=str(db)))
    return db
