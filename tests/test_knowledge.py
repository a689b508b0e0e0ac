"""The actors/sources knowledge base: aliases, acronyms, fuzzy spellings, user overrides, ruler patterns."""
from __future__ import annotations

import pytest

from sitrep.errors import UsageError
from sitrep.extract.knowledge import KnowledgeBase, normalise


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize("name, canonical", [
    ("ISIS", "Islamic State"), ("ISIL", "Islamic State"), ("Daesh", "Islamic State"), ("داعش", "Islamic State"),
    ("the Islamic State group", "Islamic State"), ("IS", "Islamic State"),
    ("SOHR", "Syrian Observatory for Human Rights"), ("the Observatory", "Syrian Observatory for Human Rights"),
    ("White Helmets", "Syrian Civil Defense"), ("Syrian Civil Defence", "Syrian Civil Defense"),
    ("CENTCOM", "US Central Command"), ("Centcom", "US Central Command"),
    ("U.S. military", "US military"), ("American troops", "US military"),
    ("the Pentagon", "Pentagon"), ("Defense Department", "Pentagon"),
    ("INSS", "Iraqi National Security Service"), ("IDF", "Israel Defense Forces"),
    ("Hizbollah", "Hezbollah"), ("el-Shabaab", "al-Shabaab"), ("Al Shabab", "al-Shabaab"),
    ("Médecins Sans Frontières", "Doctors Without Borders"), ("Medecins Sans Frontieres", "Doctors Without Borders"),
    ("the U.N. refugee agency", "UNHCR"), ("The Associated Press", "Associated Press"), ("AFP", "Agence France-Presse"),
    ("local sources", "local sources"), ("unconfirmed reports", "local sources"), ("police", "police"),
])
def test_aliases_resolve_to_canonical(kb, name, canonical):
    entry = kb.resolve(name)
    assert entry is not None and entry.canonical == canonical


@pytest.mark.parametrize("name, canonical", [
    ("Syrian Observatory of Human Rights", "Syrian Observatory for Human Rights"),   # unseen preposition
    ("Hezbolah", "Hezbollah"),                                                        # misspelling
    ("Pentagon press secretary John Kirby", "Pentagon"),                              # alias inside a title
    ("The US military's Middle East Command (Centcom)", "US Central Command"),
    ("a U.S.-backed Kurdish-led force", "Syrian Democratic Forces"),
    ("Hamas-run health ministry", "Gaza Health Ministry"),                            # the longer alias wins
])
def test_unseen_variants_resolve(kb, name, canonical):
    entry = kb.resolve(name)
    assert entry is not None and entry.canonical == canonical


@pytest.mark.parametrize("name", ["is", "Is", "ap", "un", "who", "Ahmad Rahhal", "the raid", "", "   "])
def test_short_words_and_unknown_names_do_not_match(kb, name):
    assert kb.resolve(name) is None


def test_kind_maps_to_claim_source_type(kb):
    assert kb.resolve("IDF").source_type == "military"
    assert kb.resolve("SOHR").source_type == "ngo"
    assert kb.resolve("Hamas").source_type == "armed_group"
    assert kb.resolve("OCHA").source_type == "un"
    assert kb.resolve("Reuters").source_type == "media"
    assert kb.resolve("MSF").source_type == "medical"
    assert kb.resolve("residents").source_type == "witness"
    assert kb.resolve("local sources").source_type == "unattributed"


def test_user_file_adds_entries_and_extends_existing(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "- canonical: Sahel Watch\n  kind: monitor\n  aliases: [SW Monitor, مرصد الساحل]\n"
        "- canonical: Islamic State\n  kind: armed_group\n  aliases: [Tanzim al-Dawla]\n", encoding="utf-8")
    kb = KnowledgeBase.load(str(extra))
    assert kb.resolve("SW Monitor").canonical == "Sahel Watch"
    assert kb.resolve("مرصد الساحل").source_type == "ngo"
    assert kb.resolve("Tanzim al-Dawla").canonical == "Islamic State"
    assert kb.resolve("Daesh").canonical == "Islamic State"   # shipped aliases are kept


def test_user_file_can_change_a_kind(tmp_path):
    extra = tmp_path / "kinds.yaml"
    extra.write_text("- canonical: Syrian Democratic Forces\n  kind: state_military\n", encoding="utf-8")
    assert KnowledgeBase.load(str(extra)).resolve("SDF").source_type == "military"


@pytest.mark.parametrize("content", ["just text", "- aliases: [x]\n", "{a: 1}"])
def test_malformed_user_file_is_a_usage_error(tmp_path, content):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError):
        KnowledgeBase.load(str(bad))


def test_missing_user_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        KnowledgeBase.load(str(tmp_path / "absent.yaml"))


def test_normalise_drops_articles_and_accents():
    assert normalise("The al-Nusra Front") == normalise("Nusra Front")
    assert normalise("Médecins") == "medecins"


def test_ruler_patterns_use_exact_spelling_for_acronyms(kb):
    patterns = kb.ruler_patterns()
    assert {"label": "ORG", "pattern": [{"ORTH": "IS"}], "id": "Islamic State"} in patterns
    assert not any(p["pattern"] == "police" for p in patterns)   # common nouns stay out of the ruler
    assert all(p["id"] for p in patterns)


def test_ruler_tags_acronym_but_not_the_verb(kb):
    from sitrep.extract.nlp import load_pipeline
    nlp = load_pipeline(kb.ruler_patterns())
    doc = nlp("The army said IS fighters attacked the town, and the situation is calm, Daesh said.")
    ids = [(e.text, e.ent_id_) for e in doc.ents if e.ent_id_]
    assert ("IS", "Islamic State") in ids and ("Daesh", "Islamic State") in ids
    assert not any(e.text == "is" for e in doc.ents)


@pytest.mark.parametrize("name, canonical", [
    ("Gaza Health Ministry spokesman Ashraf al-Qudra", "Gaza Health Ministry"),
    ("a senior Syrian Observatory for Human Rights researcher", "Syrian Observatory for Human Rights"),
    ("the press office of the White Helmets in Idlib", "Syrian Civil Defense"),
])
def test_the_longest_alias_inside_a_longer_name_wins(kb, name, canonical):
    assert kb.resolve(name).canonical == canonical


def test_an_alias_must_be_whole_words_of_the_name(kb):
    # "is" inside "this", "Observatory" spelled into a longer word: no alias is a run of whole words
    assert kb.resolve("Observatoryville town council") is None
