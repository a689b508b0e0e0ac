"""Counts of the dead in phrasings local and conflict news share: a killer who dies with his victims told
as a list ("kills woman, her son, himself"), people counted by a word that is not a number ("a couple",
"twin daughters", "his sons, ages 3 and 4"), a list of people that is the subject of its clause, a death
told inside a subset, headline subjects after a place or a clause opener, and a death told without a
count ("a body was found", "kills herself"). Every sentence here is written for these tests."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def claims_of(text: str, nlp, kb) -> set[tuple]:
    document = Document(id="t", name="s6-doc", text=text, source="test")
    return {(c.figure, c.group, c.value) + ((c.subset,) if c.subset else ())
            for c in extract_claims(nlp(text), document, kb)}


def totals(text: str, nlp, kb) -> set[tuple[str, int]]:
    return {(c[0], c[2]) for c in claims_of(text, nlp, kb) if c[1] == "total" and len(c) == 3}


@pytest.mark.parametrize("text, expected", [
    ("Man kills woman, her son, himself in apartment", 3),
    ("Police: Father kills woman, her daughter, himself at farm", 3),
    ("Woman kills man, his brother, herself outside bar", 3),
    ("Gunman fatally shoots 3 musicians, self in Queens", 4),
    ("Deputies: Dad fatally shot twin daughters, himself", 3),
    ("John Doe, 40, shot and killed his sons, ages 6 and 8, then turned the gun on himself.", 3),
    ("A man fatally shot his partner and their two children before setting the house on fire and killing "
     "himself, investigators said.", 4),
])
def test_a_killer_dead_with_those_he_killed(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A couple and their two small children were found shot to death Monday.", 4),
    ("The couple were found dead inside the home.", 2),
    ("Twin brothers were shot and killed outside a school.", 2),
    ("Two children, ages 4 and 7, and their father have been found dead in a home.", 3),
    ("A woman and two children were killed in the airstrike.", 3),
    ("Three boys and a woman were shot dead at the checkpoint.", 4),
    ("Police said Ann Roe killed her 5-year-old daughter, Maya, and 8-year-old son, Leo.", 2),
])
def test_people_counted_by_words_and_lists(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "The couple discovered the man bleeding from a gunshot wound, she said.",
    "Police spent a couple of hours at the scene.",
])
def test_a_couple_who_act_or_a_few_are_not_victims(text, nlp, kb):
    assert not any(v == 2 for _, v in totals(text, nlp, kb))


@pytest.mark.parametrize("text", [
    "The militants stormed the village, killing a woman and two children.",
    "Jets struck the market, killing an elderly woman and three children.",
])
def test_a_list_after_a_verb_stays_groups(text, nlp, kb):
    """Conflict reports detail part of a larger toll this way; reconcile sums the groups."""
    assert not any(f == "killed" for f, _ in totals(text, nlp, kb))


@pytest.mark.parametrize("text, killed, wounded", [
    ("Three other people were injured, including a sailor who died from his wounds on Sunday.", 1, 2),
    ("Four people were hurt, including a woman who later died at the hospital.", 1, 3),
])
def test_a_death_inside_a_subset_is_of_one_of_them(text, killed, wounded, nlp, kb):
    assert {("killed", killed), ("wounded", wounded)} <= totals(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "Deputies located a deceased man with a gunshot wound to the head.",
    "Officers found a dead woman with gunshot wounds in the car.",
])
def test_a_dead_person_found_with_wounds_is_dead(text, nlp, kb):
    assert ("killed", 1) in totals(text, nlp, kb) and not any(f == "wounded" for f, _ in totals(text, nlp, kb))


@pytest.mark.parametrize("text, figure", [
    ("Teen charged with killing uncle in Shreveport", "killed"),
    ("Woman arrested after murdering neighbor", "killed"),
    ("Coroner confirms murder-suicide of daughter, father in Littlestown", "killed"),
    ("Brookfield student killed in hunting accident", "killed"),
    ("Teenage boy shot and killed by relative", "killed"),
    ("Town in mourning after girl, 15, is killed by gunmen", "killed"),
    ("2-year-old and 10-month-old killed in house fire shooting", "killed"),
])
def test_headline_subjects_in_more_places(text, figure, nlp, kb):
    assert any(f == figure for f, _ in totals(text, nlp, kb))


@pytest.mark.parametrize("text", [
    "Wounded teen found outside store dies at hospital",
    "Injured boy found near bridge dies",
])
def test_a_capitalised_casualty_word_is_not_a_place(text, nlp, kb):
    """A headline's capitalised words before its subject may be a place, but not a casualty word."""
    assert ("wounded", 1) not in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("The woman who was shot to death during the party was a nurse, police said.", {("killed", 1)}),
    ("A body was found in a field near the highway on Saturday.", {("killed", 1)}),
    ("Body found in creek, investigation underway", {("killed", 1)}),
    ("4-year-old kills herself with loaded handgun", {("killed", 1)}),
    ("Burglary suspect fights with officers, kills himself", {("killed", 1)}),
    ("He never killed himself, his brother insisted.", set()),
])
def test_a_death_told_without_a_count(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two men were shot outside the bar. A woman who was driving by died in a car crash nearby, police said.",
     {("wounded", 2)}),
    ("A teen was shot in the arm. On Sunday an 80-year-old hunter died of an apparent heart attack in the woods.",
     {("wounded", 1)}),
    ("A man was shot and killed. His cousin drowned in the river a week later.", {("killed", 1)}),
])
def test_a_death_by_accident_in_a_shooting_story_is_not_of_the_shooting(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "He did not kill his brother, his mother said.",
    "The teen never shot anyone, his lawyer argued.",
])
def test_a_denied_killing_is_no_casualty(text, nlp, kb):
    assert totals(text, nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("Police said the man killed his wife, Ann, and his son, Tom, and then tried to kill himself.", 2),
    ("The woman fatally shot her husband and her daughter before attempting to kill herself.", 2),
])
def test_a_killer_who_tried_to_die_is_alive(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("Highland mom, two sons died of gunshot wounds", 3),
    ("Dad, 2 daughters found shot dead in home", 3),
])
def test_parents_told_as_mom_and_dad(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("Suspect in custody after killing officer, 3 others", 4),
    ("The roadside bomb killed a soldier and two others.", 3),
    ("Gunmen shot dead a teacher and four other people.", 5),
])
def test_others_are_besides_those_listed_before_them(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A man was shot in the leg on Main Street. 2:40 Raw video: Neighbor heard shots that killed man with axe",
     {("wounded", 1)}),
    ("A man was shot in the leg. Caption Double homicide being investigated in the county.", {("wounded", 1)}),
    ("3:30 a.m. A man was shot dead on Elm Street.", {("killed", 1)}),
])
def test_a_page_list_of_other_stories_is_no_claim(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Teen gunshot death appears accidental",
    "Update: Riverside death ruled homicide by gunshot wound",
    "Savannah Walker died from a gunshot wound early Sunday, the coroner's office said.",
])
def test_one_death_told_without_a_number(text, nlp, kb):
    assert totals(text, nlp, kb) == {("killed", 1)}


@pytest.mark.parametrize("text, expected", [
    ("Seven people were shot on Monday. It came amid a violent two-hour span in which 10 people were shot and one "
     "man was killed.", {("wounded", 7)}),
    ("Four people were shot. The violence was the latest in a week that included a fatal shooting on Elm Street.",
     {("wounded", 4)}),
])
def test_a_tally_over_a_stretch_of_time_is_no_claim(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Otter Tail County Boy Dies After Being Accidentally Shot",
    "Weatherford Student Killed In Hunting Accident",
])
def test_a_title_case_headline_subject_the_ner_reads_as_a_name(text, nlp, kb):
    assert ("killed", 1) in totals(text, nlp, kb)
