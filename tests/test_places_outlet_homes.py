"""An outlet's home choosing between namesakes: the states of a title's tail, a network's city sites and
papers the shipped tables know, the outlet's own town and state, and what they do not decide (a wire's
dateline, a city bigger than the outlet's, a county named for a person)."""
from __future__ import annotations

import pytest
from test_places_outlets import home, nlp, places  # noqa: F401 (nlp is a fixture)

from sitrep.extract.places import km


def test_a_tails_state_is_the_town_before_it_not_every_town_of_the_tail(gazetteer):
    found = home(gazetteer, "example.com", "Fire at a warehouse - WXYZ-TV: Savannah, Beaufort, SC, News & Weather")
    assert ("Savannah", "Georgia", "town") in found and ("Beaufort", "South Carolina", "town") in found


def test_small_towns_listed_together_name_the_one_state_they_share(gazetteer):
    title = "Crash closes road - Beckley, Bluefield & Lewisburg News, Weather, Sports"
    assert ("West Virginia", "West Virginia", "admin1") in home(gazetteer, "example.com", title)


def test_a_tail_of_words_that_are_no_towns_names_no_shared_state(gazetteer):
    assert home(gazetteer, "example.com", "Crash closes road - Breaking News, Weather, Sports") == set()


@pytest.mark.parametrize("outlet, expected", [
    ("http://sacramento.examplelocal.com/2015/story", ("Sacramento", "California", "town")),
    ("ocala.com", ("Ocala", "Florida", "town")),
    ("http://www.myrtlebeachonline.com/news/local/article1.html", ("Myrtle Beach", "South Carolina", "town")),
    ("http://dfw.cbslocal.com/2016/01/02/story/", ("Fort Worth", "Texas", "town")),
    ("therepublic.com", ("Columbus", "Indiana", "town")),
    ("https://www.example.com/new-york/20170220/story", ("New York", "New York", "admin1")),
])
def test_a_domain_a_subdomain_or_the_tables_name_the_home(gazetteer, outlet, expected):
    assert home(gazetteer, outlet) == {expected}


@pytest.mark.parametrize("text, outlet, title, admin1", [
    ("Columbus police were called to a home where a man had been shot in the leg.", "therepublic.com", None,
     "Indiana"),
    ("Columbus police say three people were wounded in two shootings overnight.", "example.com",
     "Shootings overnight - WXYZ-TV: Savannah, Beaufort, SC, News & Weather", "Georgia"),
    ("A man from Princeton was found shot at a home in Mercer County, deputies said.", "example.com",
     "Man found shot - Beckley, Bluefield & Lewisburg News, Weather, Sports", "West Virginia"),
    ("Danville police said a man was shot outside an apartment complex on Sunday.", "news-gazette.com", None,
     "Illinois"),
])
def test_the_outlets_home_decides_between_namesakes(nlp, gazetteer, text, outlet, title, admin1):
    name = text.split()[0] if text.split()[0] != "A" else "Princeton"
    assert places(nlp, gazetteer, text, outlet=outlet, title=title)[name].admin1 == admin1


def test_a_capitals_old_name_is_no_capital(nlp, gazetteer):
    found = places(nlp, gazetteer, "A girl was killed after a home in Salisbury was sprayed with bullets on Sunday.")
    assert found["Salisbury"].country != "ZW"


@pytest.mark.parametrize("text, name", [
    ("Two teens were shot at a bus stop in Prince George's County on Saturday.", "Prince George's County"),
    ("Teens shot at Prince George's Co. Metro station", "Prince George's Co."),
    ("One teenager dead after a shooting in Prince George\u2019s County", "Prince George\u2019s County"),
])
def test_a_county_named_with_a_possessive_is_that_county(nlp, gazetteer, text, name):
    county = places(nlp, gazetteer, text)[name]
    assert (county.admin1, county.precision) == ("Maryland", "admin2")


@pytest.mark.parametrize("text, name, admin1", [
    ("MILWAUKEE (AP) - A man opened fire on a police officer sitting in his squad car early Sunday.", "MILWAUKEE",
     "Wisconsin"),
    ("HOUSTON - A man who opened fire inside a restaurant was arrested Monday night.", "HOUSTON", "Texas"),
])
def test_a_wire_or_big_city_dateline_is_that_city_on_a_far_station(nlp, gazetteer, text, name, admin1):
    found = places(nlp, gazetteer, text, outlet="example.com", title="Officer hurt - WXYZ | Lexington, KY")
    assert found[name].admin1 == admin1 and "," not in (found[name].name or "")   # no "Milwaukee, Lexington"


def test_a_neighbourhood_of_a_city_bigger_than_the_stations_own_is_in_that_city(nlp, gazetteer):
    found = places(nlp, gazetteer, "Police: 5 people shot in Miami neighborhood\n\nMiami police are investigating.",
                   outlet="example.com", title="5 shot - WXYZ 12 | West Palm Beach, FL")
    assert found["Miami"].admin1 == "Florida" and km(found["Miami"].lat, found["Miami"].lon, 25.77, -80.19) < 10


def test_streets_named_like_far_towns_do_not_vouch_for_each_other(nlp, gazetteer):
    text = ("A woman was shot in the arm by her child on Monday morning.\n\nThe shooting happened in the 6700 block "
            "of West Copperwood Way, near Camino Verde and Valencia, the sheriff's department said.")
    found = places(nlp, gazetteer, text, outlet="example.com", title="Woman shot - KXYZ | Tucson, Arizona")
    assert all(p is None or p.admin1 != "California" for p in (found.get("Camino"), found.get("Valencia")))


@pytest.mark.parametrize("text, name, outlet, title, admin1", [
    ("A man was arrested for accidentally shooting his nephew in Ellendale, according to state police.",
     "Ellendale", "delawareonline.com", None, "Delaware"),
    ("Berlin police are investigating the death of a teenager who was hit by a pellet.", "Berlin",
     "example.com", "Teen dies - WXYZ 3 Connecticut", "Connecticut"),
])
def test_a_town_the_gazetteer_lacks_in_a_state_outlets_state_is_placed_in_that_state(
        nlp, gazetteer, text, name, outlet, title, admin1):
    place = places(nlp, gazetteer, text, outlet=outlet, title=title)[name]
    assert (place.admin1, place.precision) == (admin1, "admin1")


def test_a_town_of_a_state_outlets_state_is_its_namesake_there(nlp, gazetteer):
    text = "A man was arrested for accidentally shooting his nephew in Felton, according to state police."
    felton = places(nlp, gazetteer, text, outlet="delawareonline.com")["Felton"]
    assert (felton.admin1, felton.precision) == ("Delaware", "town")


def test_a_dateline_the_gazetteer_has_only_as_another_towns_old_name_is_a_part_of_the_stations_city(
        nlp, gazetteer):
    text = "ANTIOCH, Tenn. (WXYZ) \u2013 A girl was critically injured after being shot on the interstate Saturday."
    antioch = places(nlp, gazetteer, text, outlet="wkrn.com")["ANTIOCH"]
    assert km(antioch.lat, antioch.lon, 36.17, -86.78) < 25


def test_a_province_abroad_named_bare_on_a_local_station_is_a_part_of_its_city(nlp, gazetteer):
    text = "Police say a Northland teen was killed when a friend's gun went off inside a Northland home on Monday."
    northland = places(nlp, gazetteer, text, outlet="fox4kc.com")["Northland"]
    assert northland.country == "US" and km(northland.lat, northland.lon, 39.10, -94.58) < 30


def test_a_far_namesakes_city_is_no_host_of_a_local_papers_neighbourhood(nlp, gazetteer):
    text = ("A man was shot dead on Sunday in the Englewood neighborhood, police said.\n\nThe suspect had moved "
            "from Pico Rivera last year, his family said.")
    englewood = places(nlp, gazetteer, text, outlet="chicagotribune.com")["Englewood"]
    assert englewood.admin1 == "Illinois"


def test_a_neighbourhood_well_inside_a_metropolis_is_named_with_it(nlp, gazetteer):
    text = "A teenager was gunned down in South Shore on Sunday night, police said."
    assert "Chicago" in places(nlp, gazetteer, text, outlet="chicago.suntimes.com")["South Shore"].name


@pytest.mark.parametrize("text, name, admin1", [
    ("Lee\u2019s Summit man charged in his brother's death", "Lee\u2019s Summit", "Missouri"),
    ("A man was shot in Lee's Summit on Friday night.", "Lee's Summit", "Missouri"),
    ("Deputies in St. Mary's County said a teen was hurt.", "St. Mary's County", "Maryland"),
])
def test_a_place_named_with_a_possessive_is_found_whole(nlp, gazetteer, text, name, admin1):
    assert places(nlp, gazetteer, text)[name].admin1 == admin1


def test_a_persons_possessive_is_no_place(nlp, gazetteer):
    assert places(nlp, gazetteer, "John's car was hit by a stray bullet on Friday.") == {}
