"""Counts over a stretch of time or from an earlier year are tallies or history, not an incident's
toll; a death only asked about is not told. Every sentence is written for these tests."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def claims_of(text: str, nlp, kb) -> set[tuple[str, int]]:
    document = Document(id="t", name="periods-doc", text=text, source="test", published="2016-07-04")
    return {(c.figure, c.value) for c in extract_claims(nlp(text), document, kb) if c.group == "total"}


@pytest.mark.parametrize("text", [
    "At least 40 people have been shot in the city between 3:50 p.m. Friday and 3 a.m. Monday.",
    "Since 10 p.m. Friday night, 11 people have been shot in the city.",
    "The weekend saw 20 people shot over a span of 80 hours.",
    "Twelve people, including two children, were shot in Chicago in about ten hours.",
    "At least eight other people were shot from Sunday morning to early Monday.",
    "Nine people were wounded in a 36-hour stretch across the South Side.",
    "Police said 14 people were shot during a violent weekend in the city.",
    "Weekend gunfire kills 2, wounds 9",
])
def test_counts_over_a_stretch_of_time_are_tallies(text, nlp, kb):
    assert claims_of(text, nlp, kb) == set()


@pytest.mark.parametrize("text", [
    "Four people were shot at a party on Saturday night.",
    "Two men were wounded in a shooting at about 3 a.m. Sunday.",
    "A man was shot and killed Friday night in the 600 block of Elm Street.",
    "Five people were hurt when a gunman opened fire at 10 p.m. on Saturday.",
])
def test_one_shooting_at_a_time_of_day_is_still_an_incident(text, nlp, kb):
    assert claims_of(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "The shooting happened down the street from a July 2014 shooting that left a 12-year-old girl dead.",
    "In March 2013, two men were killed outside the same bar.",
    "In 2012, three people were wounded at the same corner.",
])
def test_an_event_dated_years_before_is_history(text, nlp, kb):
    assert claims_of(text, nlp, kb) == set()


@pytest.mark.parametrize("text", [
    "Police were not able to say if the man had died.",
    "It was unclear whether the victim had died.",
    "Officers would not say whether the woman was pronounced dead at the scene.",
])
def test_a_death_only_asked_about_is_not_told(text, nlp, kb):
    assert ("killed", 1) not in claims_of(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "Related stories 2 killed, 22 injured in shooting at Texas house party",
    "RELATED: 3 shot outside nightclub on Main Street",
    "READ MORE: Two teens wounded in drive-by",
    "STORY: 1 dead in triple shooting at Vegas nightclub",
])
def test_a_link_to_another_story_is_not_a_claim(text, nlp, kb):
    assert claims_of(text, nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("Related to the shooting, police arrested two men.", {("arrested", 2)}),
    ("The related charges were dropped after three people were shot.", {("wounded", 3)}),
])
def test_the_word_related_in_a_sentence_keeps_its_claims(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Two separate hunting accidents Sunday morning left two injured.",
    "Monday's violence followed a weekend that saw more than 50 people shot across the city.",
])
def test_tallies_over_several_events_are_not_an_incident(text, nlp, kb):
    assert claims_of(text, nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("A man was shot on Elm Street. Eight students were injured in a fight at the middle school on Friday.", 1),
    ("A man was shot on Elm Street. Two men were hurt in a brawl outside the bar later that night.", 1),
    ("Shots were fired. Two men were injured in a fight that ended when one pulled a gun and fired.", 2),
])
def test_hurt_in_a_fight_without_a_gun_is_not_among_the_shot(text, expected, nlp, kb):
    assert max(v for f, v in claims_of(text, nlp, kb) if f == "wounded") == expected


@pytest.mark.parametrize("text, expected", [
    ("Two men were shot on Elm Street.  Both died at the scene.", {("killed", 2)}),
    ("Two men were shot on Elm Street.\n\nBoth died at the scene.", {("killed", 2)}),
    ("Three people were shot Friday.    They were pronounced dead at a hospital.", {("killed", 3)}),
])
def test_spaces_between_sentences_do_not_hide_a_sentence_start(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Police are investigating a shooting that critically injured a 9-year-old boy. The boy was taken off "
     "life support on Sunday and passed away.", {("killed", 1)}),
    ("A man was found shot in a car on Elm Street. He was pronounced dead at the hospital.", {("killed", 1)}),
    ("A teenager was wounded in the shooting on Friday. Police said the teen died on Monday.", {("killed", 1)}),
])
def test_one_person_hurt_then_told_dead_is_one_death(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("A woman was shot in the arm. Police said a man was also wounded. He died at the hospital.",
     {("wounded", 1), ("killed", 1)}),
    ("A man was killed and a woman was wounded in the shooting. Police said she is in stable condition.",
     {("killed", 1), ("wounded", 1)}),
    ("An officer was wounded in the arm during the chase. Ray Tyson was killed.", {("wounded", 1), ("killed", 1)}),
])
def test_others_hurt_beside_the_dead_stay_hurt(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two men were wounded on Friday. One of them died at the hospital.", {("wounded", 1), ("killed", 1)}),
    ("Four people were shot outside the bar. Two of them later died.", {("wounded", 2), ("killed", 2)}),
    ("Three teens were hurt in the shooting. One of those teens died Sunday.", {("wounded", 2), ("killed", 1)}),
])
def test_some_of_those_hurt_told_dead_in_the_next_sentence(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Detectives say he shot himself once, inflicting a fatal wound.",
    "Former boxer Sam Lee dead at 47 after shooting at his home",
])
def test_a_death_told_in_other_words(text, nlp, kb):
    assert claims_of(text, nlp, kb) == {("killed", 1)}


@pytest.mark.parametrize("text", [
    "A man was shot on Elm Street. Three people were taken to the hospital after a truck overturned in a crash.",
    "A man was shot on Elm Street. Two people were rushed to the hospital after a house fire on Oak Street.",
])
def test_people_taken_to_hospital_after_an_accident_are_not_among_the_shot(text, nlp, kb):
    assert claims_of(text, nlp, kb) == {("wounded", 1)}


@pytest.mark.parametrize("text", [
    "Her slaying was the first in a string of three shooting deaths for the sheriff's office.",
    "2 teenagers killed and 2 juveniles arrested for murder in Louisville in 2 days",
    "The city has seen a spate of shootings that left nine people wounded.",
])
def test_a_string_of_events_is_a_tally(text, nlp, kb):
    assert claims_of(text, nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("A series of shots rang out and two men were wounded.", {("wounded", 2)}),
    ("The man died in a hospital two days later.", {("killed", 1)}),
])
def test_a_series_of_shots_is_one_shooting(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected
