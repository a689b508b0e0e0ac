"""Casualty phrasings common in conflict and wire reporting: victims named by their occupation, groups
named only as qualifiers ("a rebel-run channel"), parents counted once, parts of a group who died,
increments to a toll, and a recalled event dated by a period. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def totals(text: str, nlp, kb) -> set[tuple[str, str, int]]:
    document = Document(id="t", name="conflict-doc", text=text, source="test")
    return {(c.figure, c.group, c.value) for c in extract_claims(nlp(text), document, kb) if not c.subset}


@pytest.mark.parametrize("text, expected", [
    ("Another raid hit a farm near the border, killing two farmers.", ("killed", "total", 2)),
    ("The strike killed two shepherds and a student.", ("killed", "total", 3)),
    ("Gunmen shot dead three teachers and a driver.", ("killed", "total", 4)),
    ("Militants killed five fishermen on the lake.", ("killed", "total", 5)),
    ("Four nurses were wounded when a shell hit the clinic.", ("wounded", "total", 4)),
])
def test_victims_named_by_occupation(text, expected, nlp, kb):
    assert expected in totals(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "An air strike hit a market on Monday, killing nine civilians, a rebel-run television channel reported.",
    "A police-led raid on the camp killed nine civilians.",
])
def test_a_group_named_only_as_a_qualifier_is_not_a_victim(text, nlp, kb):
    assert totals(text, nlp, kb) == {("killed", "civilians", 9)}


@pytest.mark.parametrize("text, expected", [
    ("Father of 5 killed, 4 hospitalized after shooting", {("killed", "total", 1), ("killed", "men", 1),
                                                           ("wounded", "total", 4)}),
    ("A mother of three was shot and killed outside her home.", {("killed", "total", 1), ("killed", "women", 1)}),
])
def test_a_parent_is_one_person_not_their_children(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("One of 5 shot in billiards bar dies of injuries", 1),
    ("Police say one of five people shot outside the lounge has died.", 1),
    ("The chief said two of the four people who were shot died before reaching the hospital.", 2),
])
def test_the_part_of_a_group_who_died(text, expected, nlp, kb):
    assert {v for f, g, v in totals(text, nlp, kb) if f == "killed" and g == "total"} == {expected}


def test_an_increment_to_a_toll_is_not_a_total(nlp, kb):
    text = "The death toll rose to nine on Thursday after two more bodies were recovered from the rubble."
    assert {v for f, g, v in totals(text, nlp, kb) if f == "killed"} == {9}


def test_ages_after_both_are_not_a_count(nlp, kb):
    text = "Officers found a woman and a man, both 19, dead inside the house."
    assert not any(v >= 19 for _, _, v in totals(text, nlp, kb))


@pytest.mark.parametrize("text, expected", [
    ("Late last month, jihadists killed more than 50 soldiers in an ambush in the north.",
     ("killed", "security_forces", 50)),
    ("Last year, a gunman killed 9 people in an attack on a church.", ("killed", "total", 9)),
])
def test_an_event_dated_by_a_period_is_not_a_tally(text, expected, nlp, kb):
    found = totals(text, nlp, kb)
    assert expected in found and ("killed", "militants", 1) not in found


def test_a_period_tally_is_still_dropped(nlp, kb):
    assert totals("So far this year, 212 people have been killed in shootings across the county.", nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("Earlier, officials had put the toll at 15.", ("killed", "total", 15)),
    ("The emergency agency put the death toll at 40.", ("killed", "total", 40)),
    ("The injury toll stood at 12 on Sunday.", ("wounded", "total", 12)),
])
def test_a_toll_put_at_a_number(text, expected, nlp, kb):
    assert expected in totals(text, nlp, kb)


def test_shots_fired_at_people_are_not_a_toll(nlp, kb):
    assert totals("Gunmen were shooting at five people outside the store.", nlp, kb) == set()
