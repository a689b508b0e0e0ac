"""Shared fixtures: paths to ../shared (skipped when absent), a seeds database built once per session, and
the knowledge base with the spaCy pipeline that carries its entity ruler (a test file may define its own `nlp`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.extract.gazetteer import Gazetteer, ensure_default_gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.nlp import load_pipeline

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


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The default gazetteer (built on first use)."""
    return Gazetteer.open(str(ensure_default_gazetteer()))


@pytest.fixture(scope="session")
def nlp(kb):
    return load_pipeline(kb.ruler_patterns())
