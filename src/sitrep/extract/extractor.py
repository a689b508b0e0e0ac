"""The extract stage: one spaCy pass per document, then every field module over its sentences."""
from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from sitrep.extract.foreign import foreign_mentions, reads
from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.mentions import assemble_mentions
from sitrep.extract.nlp import load_pipeline, parse
from sitrep.records import Document, Mention
from sitrep.settings import Settings

ENGLISH = {"en", "und"}


def english_view(document: Document) -> str:
    """The cleaned text with non-English paragraphs blanked to spaces: offsets stay the same, and the
    English model never reads Arabic or other languages it would mislabel."""
    if all(p.language in ENGLISH for p in document.paragraphs):
        return document.text
    chars = list(document.text)
    for p in document.paragraphs:
        if p.language not in ENGLISH:
            chars[p.start:p.end] = " " * (p.end - p.start)
    return "".join(chars)


class Extractor:
    """Holds the loaded models (spaCy, gazetteer, knowledge base); `extract` is the stage.

    With `settings.processes` > 1 a pool of forked workers, started once and kept, runs the whole
    extraction (spaCy and the field modules) on slices of each batch: spaCy's own `n_process` would
    start new processes for every batch and leave the field modules on one core."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.kb = KnowledgeBase.load(settings.knowledge_base or None)
        self.gazetteer = Gazetteer.open(settings.gazetteer or None)
        self.nlp = load_pipeline([*self.kb.ruler_patterns(), *self.gazetteer.ruler_patterns()])
        self._pool = None

    def extract(self, documents: Sequence[Document]) -> list[Mention]:
        workers = max(1, self.settings.processes)
        if workers == 1 or len(documents) < 2 * workers:
            return self._extract_here(documents)
        if self._pool is None:
            global _WORKER_EXTRACTOR
            _WORKER_EXTRACTOR = self          # inherited by the forked workers
            self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_open_worker_gazetteer)
        size = -(-len(documents) // (2 * workers))      # two slices per worker: the faster one takes a third
        slices = [list(documents[i:i + size]) for i in range(0, len(documents), size)]
        return [m for part in self._pool.map(_extract_in_worker, slices) for m in part]

    def _extract_here(self, documents: Sequence[Document]) -> list[Mention]:
        """English documents through spaCy; documents in another language with a word list (`foreign`)
        without it; mentions in the order of `documents`."""
        english = [d for d in documents if d.language in ENGLISH or not reads(d.language)]
        by_id: dict[str, list[Mention]] = {}
        for document, sdoc in zip(english, parse(self.nlp, [english_view(d) for d in english], self.settings.batch_size)):
            by_id[document.id] = assemble_mentions(document, sdoc, self.kb, self.gazetteer)
        for document in documents:
            if document.id not in by_id:
                by_id[document.id] = foreign_mentions(document, self.kb, self.gazetteer)
        return [m for d in documents for m in by_id[d.id]]

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None


_WORKER_EXTRACTOR: Extractor | None = None


def _open_worker_gazetteer() -> None:
    """A SQLite connection must not cross a fork: each worker opens its own on the gazetteer file."""
    _WORKER_EXTRACTOR.gazetteer = Gazetteer.open(_WORKER_EXTRACTOR.settings.gazetteer or None)


def _extract_in_worker(documents: list[Document]) -> list[Mention]:
    return _WORKER_EXTRACTOR._extract_here(documents)
