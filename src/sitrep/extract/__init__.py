"""Extract: Document -> Mentions. One spaCy pass per document feeds every field module.

Field modules, one per family: `knowledge` (actors and sources), `gazetteer` + `places` (where),
`dates` (when), `claims` + `victims` + `numbers` (how many), `attribution` (said by whom), `events` (what, who, named people),
and `mentions`, which splits a document into the incident it is about and the earlier incidents it
recalls in passing.
"""


def __getattr__(name: str):
    # lazy, so that importing one field module (e.g. dates from `clean`) does not load spaCy models
    if name == "Extractor":
        from sitrep.extract.extractor import Extractor
        return Extractor
    raise AttributeError(name)
