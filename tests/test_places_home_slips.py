"""What a local outlet's home settles that the text gets wrong or leaves open: a title tail that misreads a
station's brand, a wire's wrong state for the station's own city, a small far namesake in another state, and
names made only of compass and area words."""
from __future__ import annotations

import pytest
from test_places_outlets import home, nlp, places  # noqa: F401 (nlp is a fixture)


def test_a_tail_outside_the_stations_state_is_a_misread_brand(gazetteer):
    found = home(gazetteer, "foxcarolina.com", "Teen hurt in shooting - FOX Carolina 21")
    assert found == {("Greenville", "South Carolina", "town")}


def test_a_tail_in_the_stations_state_still_names_the_home(gazetteer):
    found = home(gazetteer, "wsbtv.com", "Man shot at gas station - WSB-TV 2 | Atlanta, Georgia")
    assert ("Atlanta", "Georgia", "town") in found and ("Georgia", "Georgia", "admin1") in found


@pytest.mark.parametrize("text", [
    "CHARLOTTE, S.C. (AP) - Police in Charlotte are investigating after a man was killed at an apartment.",
    "CHARLOTTE, S.C. -- One person died and two were hurt in a shooting overnight, police said.",
])
def test_a_wrong_state_for_the_stations_own_city_is_a_slip(nlp, gazetteer, text):
    found = places(nlp, gazetteer, text, outlet="example.com", title="Shooting - WXYZ | Charlotte, NC")
    assert (found["CHARLOTTE"].admin1, found["CHARLOTTE"].precision) == ("North Carolina", "town")


def test_without_the_stations_city_the_texts_state_stands(nlp, gazetteer):
    text = "CHARLOTTE, S.C. (AP) - Police in Charlotte are investigating after a man was killed at an apartment."
    found = places(nlp, gazetteer, text, outlet="example.com", title="Shooting - WXYZ | Columbia, SC")
    assert found["CHARLOTTE"].admin1 == "South Carolina"


@pytest.mark.parametrize("text, name, title, state", [
    ("A man shooting at others at a Madisonville party late Friday died in the gunfire, police said.",
     "Madisonville", "Shooting - WXYZ 9 | Cincinnati, Ohio", "Ohio"),
    ("Four shot outside corner store in East Germantown\n\nPolice are searching for the gunman who opened fire.",
     "East Germantown", "Shooting - WXYZ 6 | Philadelphia, Pennsylvania", "Pennsylvania"),
])
def test_a_small_namesake_in_another_state_named_bare_is_a_part_of_the_city(nlp, gazetteer, text, name, title, state):
    found = places(nlp, gazetteer, text, outlet="example.com", title=title)
    assert (found[name].country, found[name].admin1) == ("US", state)


def test_a_far_town_named_with_its_state_stays_there(nlp, gazetteer):
    text = "A man was shot at a party in Madisonville, Ky., late Friday, police said."
    found = places(nlp, gazetteer, text, outlet="example.com", title="Shooting - WXYZ 9 | Cincinnati, Ohio")
    assert found["Madisonville"].admin1 == "Kentucky"


@pytest.mark.parametrize("text, title", [
    ("Four people were shot early Monday in the Central Business District near the Superdome.",
     "Four shot - WXYZ 9 | New Orleans, Louisiana"),
    ("Officers from the Central District and the Eastern District responded to the shootings.",
     "Homicides - WXYZ 2 | Baltimore, MD"),
    ("The victim of a shooting in Northwest overnight has been identified as a 32-year-old man.", None),
])
def test_compass_and_area_words_name_no_province_abroad(nlp, gazetteer, text, title):
    found = places(nlp, gazetteer, text, outlet="example.com", title=title)
    assert all(p is None or p.country in (None, "US") for p in found.values())


def test_a_compass_name_in_a_story_set_in_its_country_is_kept(nlp, gazetteer):
    text = ("Rockets hit the Northern District of Israel on Monday, and two people were hurt in Haifa and "
            "in Nahariya, police said.")
    found = places(nlp, gazetteer, text)
    assert found["Haifa"].country == "IL"
    assert all(p is None or p.country == "IL" for name, p in found.items() if "District" in name)


@pytest.mark.parametrize("text, name", [
    ("NORTH FAIRMOUNT, Ohio (WXYZ) - Four people were shot Tuesday evening, one of them fatally.", "NORTH FAIRMOUNT"),
    ("WEST PRICE HILL, Ohio (WXYZ) -- Police were called to a house on a hillside street late Sunday night.",
     "WEST PRICE HILL"),
])
def test_a_dateline_of_the_citys_state_the_gazetteer_lacks_is_placed_at_the_city(nlp, gazetteer, text, name):
    found = places(nlp, gazetteer, text, outlet="example.com", title="Shooting - WXYZ 9 | Cincinnati, Ohio")
    place = found[name]
    assert (place.admin1, place.precision) == ("Ohio", "town") and "Cincinnati" in place.name


def test_a_dateline_in_a_county_away_from_the_city_is_not_the_citys(nlp, gazetteer):
    text = ("NORTH FAIRMOUNT, Ohio (WXYZ) - Four people were shot Tuesday evening, the Scioto County sheriff "
            "said.")
    found = places(nlp, gazetteer, text, outlet="example.com", title="Shooting - WXYZ 9 | Cincinnati, Ohio")
    assert found["NORTH FAIRMOUNT"] is None or "Cincinnati" not in (found["NORTH FAIRMOUNT"].name or "")


@pytest.mark.parametrize("text, name", [
    ("\u201cI spoke to Cpt. Shunta Boston Smith, who is the district commander,\u201d the chief said.", "Boston"),
    ("Sgt. Maria Houston Lopez said the victim was taken to a hospital in stable condition.", "Houston"),
])
def test_a_place_name_among_a_ranked_persons_names_is_no_place(nlp, gazetteer, text, name):
    found = places(nlp, gazetteer, text)
    assert found.get(name) is None and all(p is None for p in found.values())


def test_a_place_after_a_ranked_persons_name_is_still_a_place(nlp, gazetteer):
    found = places(nlp, gazetteer, "Capt. John Smith of the Boston Police Department said the man was arrested.")
    assert found["Boston"].admin1 == "Massachusetts"
