"""Which of the places a text names is the incident's scene: not a newspaper's town, a court's, the town
named as someone's home, the outlet's home in the headline's tail, nor the city whose area or suburbs
the event happened in when the text names the town; a dateline gives way to its state's town whose police
own the case. Sentences written for these tests, several phrasings each."""
from __future__ import annotations

import pytest

from test_geo_s6_places import extractor, scene  # noqa: F401 (extractor is a fixture)


@pytest.mark.parametrize("text, town", [
    ("A man was shot dead on Friday, the sheriff told the Indianapolis Star.\n\n"
     "The killing happened at a home in Columbus, deputies said.", "Columbus"),
    ("Deputies said a teen was shot on Saturday, according to The Buffalo News.\n\n"
     "Medina police are investigating the shooting.", "Medina"),
    ("A Kerrville man shot his wife on Friday and died Tuesday at San Antonio Military Medical Center.",
     "Kerrville"),
    ("Three men were charged on Saturday in 34th District Court in Romulus over the shooting.\n\n"
     "The girl was shot in Detroit last week.", "Detroit"),
])
def test_a_newspaper_a_hospital_or_a_court_is_no_scene(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("text, town", [
    ("Three children shot in the Houston area in four days\n\n"
     "The latest boy was shot in the west Houston suburb of Katy on Monday.", "Katy"),
    ("Three people shot to death at home in Atlanta suburbs\n\nSNELLVILLE — Police are searching for a gunman "
     "after finding the bodies of three people in Atlanta's northeastern suburbs.", "Snellville"),
    ("Two women were killed in a metro Denver shooting on Friday.\n\n"
     "LAKEWOOD, Colo. — Police say the gunman fled the apartment complex.", "Lakewood"),
    ("Three people were shot dead at a Marion County berry farm. The suspect was detained east of Portland.\n\n"
     "The farm lies off a road near Woodburn.", "Woodburn"),
])
def test_a_citys_area_gives_way_to_the_town_near_it(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("text, town", [
    ("Two men were killed Friday on a ranch west of Amarillo, deputies said.", "Amarillo"),
    ("A hunter was shot and killed on Saturday in the woods north of Bozeman.", "Bozeman"),
])
def test_a_bearing_from_a_town_is_placed_at_it_when_nothing_finer_is_named(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("text", [
    "CINCINNATI (AP) — A prosecutor will take the death of a 3-year-old boy to a grand jury.\n\n"
    "Hamilton police say the boy shot himself with a gun he found in a purse. Hamilton officers found him.",
    "CINCINNATI — A grand jury will hear the case of a boy who was shot.\n\n"
    "Hamilton police said the boy shot himself on Friday, and the Hamilton police chief spoke on Monday.",
])
def test_a_dateline_gives_way_to_the_nearby_town_whose_police_own_the_case(extractor, text):
    assert scene(extractor, text).name == "Hamilton"


def test_a_far_towns_police_do_not_move_a_dateline(extractor):
    text = ("SAINT JOSEPH, Mich. — Four people were shot at a courthouse on Monday, police said.\n\n"
            "Chiefs in Battle Creek said the shooting hurt every officer. Battle Creek police sent condolences.")
    assert scene(extractor, text).name != "Battle Creek"


@pytest.mark.parametrize("text, town", [
    ("Tavis Jackson, of Abbeville, is charged with murder in the shooting, according to Anderson County "
     "deputies.\n\nThe teen was shot in a home invasion in Anderson on Thursday.", "Anderson"),
    ("A 16-year-old girl who lived in Antioch was killed in a police shooting on Tuesday.\n\n"
     "Hayward police said the chase ended at an apartment complex in Hayward.", "Hayward"),
    ("Oakland resident Mary Jones was wounded on Sunday at a nightclub in Berkeley.", "Berkeley"),
])
def test_a_home_town_is_no_scene_while_the_text_names_another(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("title, text, town", [
    ("Boy shot by his brother - KSWO, Lawton, OK- Wichita Falls, TX",
     "Boy shot by his brother - KSWO, Lawton, OK- Wichita Falls, TX\n\n"
     "COMANCHE, Okla. — A 10-year-old boy was shot by his brother on Tuesday, deputies said.", "Comanche"),
    ("Woman shot at gas station | WXYZ 7 Detroit",
     "Woman shot at gas station | WXYZ 7 Detroit\n\nA woman was shot at a gas station in Pontiac on Monday.",
     "Pontiac"),
])
def test_the_outlets_home_in_the_headlines_tail_is_no_scene(extractor, title, text, town):
    assert scene(extractor, text, title=title).name == town


@pytest.mark.parametrize("text", [
    "A Hutchinson teen was arrested Sunday after police say he lied about the gun used in the shooting.",
    "Police: teen arrested after a shooting\n\nA Hutchinson teen was arrested Sunday, police said.",
])
def test_an_opening_home_town_is_the_only_place_given(extractor, text):
    place = scene(extractor, text)
    assert (place.name, place.admin1) == ("Hutchinson", "Kansas")


@pytest.mark.parametrize("text", [
    "Four people were shot during an incident in southeast Washington on Saturday night, police said.",
    "Two men were wounded in a shooting in Northwest Washington late Friday, police said.",
])
def test_a_quarter_of_a_big_city_is_the_city(extractor, text):
    place = scene(extractor, text)
    assert (place.name, place.admin1) == ("Washington", "District of Columbia")


@pytest.mark.parametrize("text", [
    "A boy was shot on Friday in the 2700 block of West Lexington, police said.",
    "A woman was shot on East Houston Street on Thursday, police said.",
])
def test_a_street_named_after_a_city_is_no_quarter_of_it(extractor, text):
    assert scene(extractor, text).precision == "unknown"


@pytest.mark.parametrize("text, town", [
    ("Man and boy shot in Indio - Palm Springs news, weather, traffic\n\n"
     "Two people were taken to a hospital after a shooting in Indio on Sunday night.", "Indio"),
    ("A teen was killed at the Hollywood Recreation Center in Las Vegas on Saturday, police said.", "Las Vegas"),
    ("A constable shot a man in the arm during an eviction in Duncannon, state police in Newport said.", "Duncannon"),
    ("A girl was shot on Monday in Memphis, police said. She was a student at Horn Lake High School.", "Memphis"),
])
def test_the_town_the_text_puts_the_event_in_comes_first(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("text", [
    "A teen was struck by a stray bullet on a farm on Sunday, the Stanislaus County sheriff said. "
    "People were shooting near the San Joaquin River.",
    "A fisherman was shot on the bank of the Jackson Creek on Friday, the Lamar County sheriff said.",
])
def test_a_river_or_creek_named_like_a_town_is_no_town(extractor, text):
    assert scene(extractor, text).precision == "admin2"
