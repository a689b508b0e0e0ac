"""A capitalized name used as a person's, not a place's: the ruler splits people's names where it marks a
city, and the NER reads surnames as towns. Sentences written for these tests, several phrasings each."""
from __future__ import annotations

import pytest

from sitrep.extract.nlp import load_pipeline
from sitrep.extract.places import geoparse


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def placed(nlp, gazetteer, text, **kw) -> dict[str, object]:
    """Mention text -> its place, for the mentions that got one."""
    return {m.text: m.place for m in geoparse(nlp(text), gazetteer, **kw) if m.place is not None}


@pytest.mark.parametrize("text, name", [
    ("Waco Police Sgt. Patrick Swanton said a teenage girl shot herself in the leg.", "Patrick"),
    ('"He was putting his weapon away," Captain Michael Flick of the Monroe police said.', "Michael"),
    ("The hearing was held before District Judge Michael M. Metros on Tuesday.", "Michael"),
    ("Det. Patrick Kelly said the boy was taken to a hospital in Waco.", "Patrick"),
])
def test_a_first_name_after_a_rank_or_before_an_initial_is_no_place(nlp, gazetteer, text, name):
    assert name not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text", [
    "Officers found 58-year-old Santa Guerrero with a gunshot wound to the leg.",
    "Medics treated 41-year-old Santa Guerrero at the scene before taking her to a hospital.",
])
def test_a_name_after_an_age_is_a_person(nlp, gazetteer, text):
    assert not any(p.country == "MX" for p in placed(nlp, gazetteer, text).values())


@pytest.mark.parametrize("text, name", [
    ("The suspect, Brandon Fryer, fled on foot. Witnesses said Fryer had argued with the victim.", "Brandon"),
    ("Denver Kowalski was arrested Monday in Dallas. Kowalski told police he acted alone.", "Denver"),
])
def test_a_first_name_whose_surname_stands_alone_elsewhere_is_a_person(nlp, gazetteer, text, name):
    assert name not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name", [
    ("The Dublin Historical Society met on Monday. Historical records were shown.", "Dublin"),
    ("The PPD informed the Paris Walmart store. Walmart said it would add patrols.", "Paris"),
    ("The Minnesota House voted on Monday. The House adjourned at noon.", "Minnesota"),
])
def test_a_place_before_an_institutions_name_stays_a_place(nlp, gazetteer, text, name):
    assert any(k.endswith(name) for k in placed(nlp, gazetteer, text))


@pytest.mark.parametrize("text", [
    "Arthur Norman, the principal's uncle, spoke to reporters. Norman said she loved her students.",
    "The victim's neighbor, Ray Norman, heard the shots. Norman says he called 911 right away.",
])
def test_a_surname_before_a_speech_verb_is_a_person(nlp, gazetteer, text):
    assert "Norman" not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name", [
    ("Police in Norman said the road would stay closed until Monday.", "Norman"),
    ("An 18-year-old Beaumont man was arrested, Beaumont police said.", "Beaumont"),
    ("Moscow said the talks would resume next week.", "Moscow"),
])
def test_a_place_in_a_places_construction_stays_a_place(nlp, gazetteer, text, name):
    assert name in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text", [
    ("Trevor Williams, 33, was shot in Los Angeles, California, on Friday. Someone in the car returned fire "
     "at Williams, who was in the passenger seat. Williams was found dead inside the car."),
    ("Deputies say Tamika Williams, 29, was hit twice in Sacramento, California. Paramedics took Williams to "
     "a hospital, where Williams died."),
])
def test_a_persons_surname_is_not_read_as_a_town_of_the_storys_state(nlp, gazetteer, text):
    assert "Williams" not in placed(nlp, gazetteer, text)


def test_provinces_of_a_few_people_do_not_enter_the_entity_ruler(gazetteer):
    names = {name for p in gazetteer.ruler_patterns() if isinstance(p["pattern"], list)
             for name in p["pattern"][0]["ORTH"]["IN"]}
    assert {"Michael", "Patrick"}.isdisjoint(names)
    assert {"Idlib", "Texas", "Ontario"} <= names


@pytest.mark.parametrize("text, name", [
    ("Deputies removed a Remington with a scope and two handguns from the home in Kittanning, Pa.", "Remington"),
    ("The boy found his father's Remington shotgun in a closet, deputies said.", "Remington"),
    ("Investigators say the teen fired a Winchester rifle from the porch.", "Winchester"),
    ("The gun, a Springfield Armory pistol, was recovered nearby.", "Springfield"),
])
def test_a_gun_makers_name_is_no_place(nlp, gazetteer, text, name):
    assert name not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name", [
    ("Police said many people were outside at Latrobe Homes on Saturday night.", "Latrobe"),
    ("Seven people were wounded at Eureka Garden late Sunday, police said.", "Eureka"),
])
def test_a_housing_estate_named_after_a_town_is_no_town(nlp, gazetteer, text, name):
    assert name not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name", [
    ("A Springfield man was charged after the shooting, police said.", "Springfield"),
    ("Officers in Winchester, Va., arrested the driver.", "Winchester"),
])
def test_a_town_named_like_a_gun_maker_is_still_a_town(nlp, gazetteer, text, name):
    assert name in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text, name", [
    ("Witnesses saw a black Toyota leave the parking lot in Atlanta, police said.", "Toyota"),
    ("The suspects drove off in a silver Mercedes toward Fresno, California.", "Mercedes"),
    ("Four men were shot outside a liquor store on New York Ave. in Washington, D.C.", "New York"),
    ("Traffic was backed up on Florida Avenue after the shooting in Washington, D.C.", "Florida"),
])
def test_a_car_or_a_street_named_after_a_place_is_no_place(nlp, gazetteer, text, name):
    assert name not in placed(nlp, gazetteer, text)


@pytest.mark.parametrize("text", ["Troopers with the Florida Highway Patrol closed the road near Ocala.",
                                  "Florida Highway Patrol troopers closed the road near Ocala on Sunday."])
def test_a_states_highway_patrol_keeps_the_state(nlp, gazetteer, text):
    assert any(p.precision == "admin1" and p.admin1 == "Florida" for p in placed(nlp, gazetteer, text).values())


@pytest.mark.parametrize("text", [
    "About 55 Gainesville residents marched on Friday. Gainesville says no to discrimination, one marcher said.",
    "The council met on Tuesday. Springfield says it will appeal the ruling.",
])
def test_a_town_speaking_without_a_first_name_anywhere_stays_a_town(nlp, gazetteer, text):
    assert placed(nlp, gazetteer, text)
