"""Casualty claims: figures, groups, qualifiers and who said them, over sentences written for these tests,
the regression file of tricky cases, and the seed articles against their gold reading."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from sitrep.extract.claims import extract_claims
from sitrep.records import Document, to_dict

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[1] / "shared"
REGRESSION = yaml.safe_load((HERE / "regression_claims.yaml").read_text(encoding="utf-8"))


def claims_of(text: str, nlp, kb, published: str | None = None):
    document = Document(id="t", name="test-doc", text=text, source="test", published=published)
    return extract_claims(nlp(text), document, kb)


def keys(claims) -> set[tuple]:
    return {(c.figure, c.group, c.value) for c in claims}


@pytest.mark.parametrize("case", REGRESSION, ids=[c["why"] for c in REGRESSION])
def test_regression_case(case, nlp, kb):
    claims = claims_of(case["text"], nlp, kb)
    got = {(c.figure, c.group, c.value, c.qualifier, c.source) for c in claims}
    want = {tuple(row) for row in case["claims"]}
    assert got == want


@pytest.mark.parametrize("text, expected", [
    ("Thirteen people were killed in the strike.", {("killed", "total", 13)}),
    ("The strike killed thirteen people.", {("killed", "total", 13)}),
    ("The shelling left 13 people dead and 30 wounded.", {("killed", "total", 13), ("wounded", "total", 30)}),
    ("At least twenty-one people died when the boat capsized after gunfire.", {("killed", "total", 21)}),
    ("Seven American soldiers had been wounded in the attack.", {("wounded", "security_forces", 7)}),
    ("Three police officers were injured.", {("wounded", "security_forces", 3)}),
    ("14 ISIS members were killed in the operation.", {("killed", "militants", 14)}),
    ("Troops killed six militants overnight.", {("killed", "militants", 6)}),
    ("Six civilians were killed and nine others were injured.", {("killed", "civilians", 6), ("wounded", "total", 9)}),
    ("Security forces arrested 40 protesters.", {("arrested", "total", 40)}),
    ("Nine fishermen are still missing after the attack.", {("missing", "total", 9)}),
    ("Four villagers are missing after the raid.", {("missing", "total", 4)}),
    ("Two children were killed in the airstrike.", {("killed", "children", 2), ("killed", "total", 2)}),
    ("A soldier was killed by a roadside bomb.", {("killed", "security_forces", 1)}),
    ("Gunmen stormed the village, killing a woman and two children.",
     {("killed", "women", 1), ("killed", "children", 2)}),
    ("No one was hurt in the blast.", {("wounded", "total", 0)}),
    ("There were no casualties.", {("casualties", "total", 0)}),
    ("The Israeli army said there were no Israeli casualties.", {("casualties", "security_forces", 0)}),
    ("Six people were shot Saturday night, two of whom died.", {("killed", "total", 2), ("wounded", "total", 4)}),
    ("Three people were shot. One of them died at the hospital.", {("killed", "total", 1), ("wounded", "total", 2)}),
    ("A man was shot in the leg Monday. He died at the hospital.", {("killed", "total", 1)}),
    ("A woman was wounded in a drive-by shooting.", {("wounded", "total", 1), ("wounded", "women", 1)}),
    ("Rescuers recovered 30 bodies from the rubble.", {("killed", "total", 30)}),
])
def test_constructions(text, expected, nlp, kb):
    assert keys(claims_of(text, nlp, kb)) == expected


@pytest.mark.parametrize("text", [
    "The convoy of 2,500 troops deployed to the border in 2019.",
    "He was 45 years old and lived at 12 Station Road.",
    "Call 555-0142 with information; the reward is $10,000.",
    "The meeting on 4 January lasted three hours.",
    "The prison houses about 3,000 detainees and 200 guards.",
    "Officials said several people were hurt.",
    "The militants threatened to kill hundreds of hostages.",
    "She has two children and works in the town hall.",
    "The IS leader was killed in 2019 in a raid.",
])
def test_non_casualty_numbers_give_no_claim(text, nlp, kb):
    assert claims_of(text, nlp, kb) == []


def test_qualifiers_are_kept(nlp, kb):
    text = ("More than 50 people were killed. Up to 200 were injured. Nearly 90 people were arrested. "
            "Fewer than ten soldiers were wounded.")
    got = {(c.figure, c.value, c.qualifier) for c in claims_of(text, nlp, kb)}
    assert {("killed", 50, "more_than"), ("wounded", 200, "up_to"), ("arrested", 90, "about"),
            ("wounded", 10, "fewer_than")} <= got


@pytest.mark.parametrize("text, source, source_type", [
    ("Thirty people were killed, the Health Ministry said.", "Ministry of Health", "government"),
    ("According to OCHA, 12 civilians were killed.", "OCHA", "un"),
    ("The IDF said it killed 15 Hamas fighters.", "Israel Defense Forces", "military"),
    ("Hamas said 15 of its fighters were killed.", "Hamas", "armed_group"),
    ("Reuters reported that 8 people were killed.", "Reuters", "media"),
    ("Doctors Without Borders said 40 wounded people arrived at its clinic.", "Doctors Without Borders", "medical"),
    ("Residents told reporters that five people were killed.", "residents", "witness"),
    ("Unconfirmed reports say six people were killed.", "local sources", "unattributed"),
    ("Six people were killed in the strike.", None, "unattributed"),
    ("Six people were killed, the Sahel Watchers Collective said.", "Sahel Watchers Collective", "unattributed"),
])
def test_sources_are_resolved_and_typed(text, source, source_type, nlp, kb):
    claims = claims_of(text, nlp, kb)
    assert claims and all((c.source, c.source_type) == (source, source_type) for c in claims)


def test_quote_offsets_point_into_the_text(nlp, kb):
    text = "Fighting continued overnight.\n\nLocal officials said 11 people were killed in the shelling."
    (claim,) = claims_of(text, nlp, kb)
    assert text[claim.start:claim.end] == claim.quote == "Local officials said 11 people were killed in the shelling."
    assert claim.document == "test-doc"


def test_speaker_does_not_leak_into_an_unrelated_sentence(nlp, kb):
    text = "The mayor said the town was calm. Two soldiers were killed in a separate attack on Friday."
    (claim,) = claims_of(text, nlp, kb)
    assert claim.source is None


def test_quote_continuation_keeps_the_speaker(nlp, kb):
    text = ('"We are investigating," the Interior Ministry spokesman said. '
            '"Four officers were wounded. The attackers fled."')
    (claim,) = claims_of(text, nlp, kb)
    assert (claim.figure, claim.group, claim.value, claim.source) == ("wounded", "security_forces", 4,
                                                                       "Ministry of Interior")


def test_extraction_is_deterministic_and_order_of_text(nlp, kb):
    text = "Police said 3 people were killed. Medics said 12 people were wounded. Police said 3 people were killed."
    first, second = claims_of(text, nlp, kb), claims_of(text, nlp, kb)
    assert first == second and [c.start for c in first] == sorted(c.start for c in first)
    assert len(first) == 2


def _score_module():
    spec = importlib.util.spec_from_file_location("shared_score", SHARED / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seed_articles_reach_the_claim_floor(nlp, kb):
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repository")
    import json
    import re
    score = _score_module()
    gold = json.loads((SHARED / "gold" / "seeds.gold.json").read_text(encoding="utf-8"))
    tp = fp = n = 0
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", path.read_text(encoding="utf-8"))
        document = Document(id=path.stem, name=path.stem, text=text, source=str(path))
        pred = [to_dict(c) for c in extract_claims(nlp(text), document, kb)]
        gold_claims = [c for i in gold["incidents"] for c in i.get("claims") or [] if path.stem in c["documents"]]
        result = score.score_claims(gold_claims, pred)
        tp, fp, n = tp + result["tp_s"], fp + result["fp_s"], n + result["gold_s"]
    assert score.f1(tp, tp + fp, n)[2] >= 0.90
