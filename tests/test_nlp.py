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


def test_token_sentence_and_text_caches_match_spacy(nlp) -> None:
    from sitrep.extract.nlp import parse, sentences_of, span_text, tokens_of
    texts = ["Gunmen opened fire on a bus near Mogadishu.\n\nFive people died, police said on Monday.",
             "  Leading spaces,\ttabs and  double spaces  stay where they were. A second sentence ends here  "]
    for text, doc in zip(texts, parse(nlp, texts, batch_size=2)):
        assert text_of(doc) == doc.text == text
        assert [t.text for t in tokens_of(doc)] == [t.text for t in doc]
        assert [(s.start, s.end) for s in sentences_of(doc)] == [(s.start, s.end) for s in doc.sents]
        for span in [*doc.sents, doc[2:7], doc[0:1], *doc.ents]:
            assert span_text(span) == span.text


def test_exact_spellings_tag_the_same_entities_as_one_ruler() -> None:
    """One-word exact spellings go to a second, phrase-based ruler; the entities must be those of a single
    ruler holding every pattern as a token pattern."""
    import spacy
    from sitrep.extract.nlp import MODEL, UNUSED
    patterns = [{"label": "ORG", "pattern": [{"ORTH": "IDF"}], "id": "Israel Defense Forces"},
                {"label": "ORG", "pattern": [{"ORTH": "SDF"}], "id": "Syrian Democratic Forces"},
                {"label": "ORG", "pattern": [{"ORTH": "ISIS-K"}], "id": "Islamic State"},
                {"label": "ORG", "pattern": "SDF Command Council", "id": "SDF council"},
                {"label": "GPE", "pattern": [{"ORTH": {"IN": ["Idlib", "Raqqa"]}}], "id": "geo"}]
    split = load_pipeline(patterns)
    assert "exact_spellings" in split.pipe_names
    single = spacy.load(MODEL, exclude=UNUSED)
    single.add_pipe("sentencizer", first=True)
    single.add_pipe("paragraph_breaks", first=True)
    single.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"}).add_patterns(patterns)
    text = ("The IDF said the SDF Command Council met in Raqqa; SDF fighters and idf units, not sdf ones, "
            "fought ISIS-K near Idlib. IDF.")
    got = [(e.start, e.end, e.label_, e.ent_id_) for e in split(text).ents]
    assert got == [(e.start, e.end, e.label_, e.ent_id_) for e in single(text).ents]
    assert (1, 2, "ORG", "Israel Defense Forces") in got
