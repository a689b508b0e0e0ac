"""The spaCy pipeline wrapper: paragraph breaks end sentences, cached entities match spaCy's own."""
from __future__ import annotations

import pytest

from sitrep.extract.nlp import entities, load_pipeline, text_of


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def test_a_paragraph_break_ends_a_sentence_without_a_full_stop(nlp) -> None:
    doc = nlp("Two killed in market blast in Kano\n\nA bomb went off at a busy market on Friday. Police said two died.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["Two killed in market blast in Kano", "A bomb went off at a busy market on Friday.",
                     "Police said two died."]


def test_sentences_within_a_paragraph_are_unchanged(nlp) -> None:
    doc = nlp("Gunmen attacked a bus near Mogadishu. Officials in Somalia blamed al-Shabaab. Five died.")
    assert len(list(doc.sents)) == 3


def test_cached_entities_match_spacy_for_every_span(nlp) -> None:
    doc = nlp("Gunmen attacked a bus near Mogadishu on Monday, Somali police said.\n\n"
              "The African Union and the United Nations condemned the attack in Somalia's capital on Tuesday.")
    assert [e.text for e in entities(doc)] == [e.text for e in doc.ents]
    for sent in doc.sents:
        assert [(e.start, e.end) for e in entities(sent)] == [(e.start, e.end) for e in sent.ents]
    part = doc[3:12]
    assert [(e.start, e.end) for e in entities(part)] == [(e.start, e.end) for e in part.ents]
    assert text_of(doc) == doc.text
