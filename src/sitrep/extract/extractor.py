"""The extract stage: one spaCy pass per document, then every field module over its sentences."""
from __future__ import annotations

from collections.abc import Sequence

from sitrep.extract.gazetteer import Gazetteer
from sitrep.extract.knowledge import KnowledgeBase
from sitrep.extract.mentions import assemble_mentions
from sitrep.extract.nlp import load_pipeline
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
    """Holds the loaded models (spaCy, gazetteer, knowledge base); `extract` is the stage."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.kb = KnowledgeBase.load(settings.knowledge_base or None)
        self.gazetteer = Gazetteer.open(settings.gazetteer or None)
        self.nlp = load_pipeline([*self.kb.ruler_patterns(), *self.gazetteer.ruler_patterns()])

    def extract(self, documents: Sequence[Document]) -> list[Mention]:
        texts = [english_view(d) for d in documents]
        mentions: list[Mention] = []
        parsed = self.nlp.pipe(texts, batch_size=self.settings.batch_size, n_process=max(1, self.settings.processes))
        for document, sdoc in zip(documents, parsed):
            mentions += assemble_mentions(document, sdoc, self.kb, self.gazetteer)
        return mentions
