"""Where an outlet is (its title's site-name tail, its domain, its URL's section) as context for the
geoparser, and the lead's own signals: a city's dateline and the neighbourhoods it names."""
from __future__ import annotations

import pytest

from sitrep.extract.nlp import load_pipeline
from sitrep.extract.outlets import outlet_home
from sitrep.extract.places import geoparse, km


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def home(gazetteer, outlet, title=None) -> set[tuple[str, str | None, str]]:
    return {(c.name, c.admin1, c.precision) for c in outlet_home(outlet, title, gazetteer)}


def places(nlp, gazetteer, text, **kw):
    return {m.text: m.place for m in geoparse(nlp(text), gazetteer, **kw)}


@pytest.mark.parametrize("title, expected", [
    ("Teen hurt in crash on Highway 49 - WXYZ-TV 7 News, Weather-Hattiesburg, MS",
     {("Mississippi", "Mississippi", "admin1"), ("Hattiesburg", "Mississippi", "town")}),
    ("Man arrested after chase | Channel 9 | Tulsa, OK | News, Weather and Sports",
     {("Oklahoma", "Oklahoma", "admin1"), ("Tulsa", "Oklahoma", "town")}),
    ("Barn fire under investigation - KAAA | Eastern Iowa News, Weather", {("Iowa", "Iowa", "admin1")}),
    ("Shots fired downtown | Toledo News Now, Toledo, OH", {("Ohio", "Ohio", "admin1"), ("Toledo", "Ohio", "town")}),
])
def test_a_title_tail_names_the_stations_home(gazetteer, title, expected):
    assert home(gazetteer, "example.com", title) == expected


def test_a_headline_without_a_site_name_names_no_home(gazetteer):
    assert home(gazetteer, "example.com", "Two hurt as storm knocks down trees") == set()


@pytest.mark.parametrize("outlet, expected", [
    ("https://www.bozemandailychronicle.com/news/crime/article_1.html", {("Bozeman", "Montana", "town")}),
    ("fox13memphis.com", {("Memphis", "Tennessee", "town")}),
    ("delawareonline.com", {("Delaware", "Delaware", "admin1")}),
    ("https://www.example.com/chicago/20150130/some-story", {("Chicago", "Illinois", "town")}),
])
def test_a_domain_or_its_section_names_the_home(gazetteer, outlet, expected):
    assert home(gazetteer, outlet) == expected


@pytest.mark.parametrize("outlet", ["nytimes.com", "washingtonstar.com", "columbiatribune.com",
                                    "https://www.example.com/news/2015/story"])
def test_a_domain_naming_no_single_place_gives_no_home(gazetteer, outlet):
    # "Washington" is a state and a capital, "Columbia" several cities of a size: no guess (a paper the shipped
    # table knows, "washingtonpost.com", is its city's: test_geo_s6_places)
    assert home(gazetteer, outlet) == set()


@pytest.mark.parametrize("text, name, tail, admin1", [
    ("Laurel police said the boy was shot in the leg on Sunday afternoon.", "Laurel",
     "Boy shot in leg - WXYZ-TV 7 News-Hattiesburg, MS", "Mississippi"),
    ("Birmingham police say a teen was shot and killed downtown on Tuesday.", "Birmingham",
     "Teen killed downtown - WXYZ FOX6 News - Birmingham, AL", "Alabama"),
])
def test_the_stations_home_decides_a_namesake(nlp, gazetteer, text, name, tail, admin1):
    place = places(nlp, gazetteer, text, outlet="example.com", title=tail)[name]
    assert (place.country, place.admin1) == ("US", admin1)


@pytest.mark.parametrize("text, name", [
    ("Two men are in jail after a child was shot in Frayser over the weekend.", "Frayser"),
    ("Four people were injured in a shooting outside a club in Whitehaven on Saturday.", "Whitehaven"),
])
def test_a_far_hamlet_in_a_local_stations_story_is_no_place(nlp, gazetteer, text, name):
    found = places(nlp, gazetteer, text, outlet="example.com",
                   title="Shooting - Action News 5 - Memphis, Tennessee")
    assert found.get(name) is None or found[name].admin1 == "Tennessee"


@pytest.mark.parametrize("text", [
    "CHICAGO — A shooting in Austin killed one teen and wounded five people on Friday, police said.",
    "CHICAGO (AP) — Four people were wounded at a party in Austin early Sunday, police said.",
])
def test_a_far_town_in_a_city_datelines_lead_is_one_of_its_neighbourhoods(nlp, gazetteer, text):
    austin = places(nlp, gazetteer, text)["Austin"]
    assert austin.admin1 == "Illinois" and km(austin.lat, austin.lon, 41.88, -87.63) < 30


def test_a_far_town_the_lead_gives_its_state_stays_where_it_is(nlp, gazetteer):
    text = "CHICAGO — A gunman in Austin, Texas, wounded five people on Friday, police said."
    assert places(nlp, gazetteer, text)["Austin"].admin1 == "Texas"


def test_a_far_dateline_in_a_city_papers_story_is_one_of_its_neighbourhoods(nlp, gazetteer):
    text = "AUSTIN — Gunmen interrupted a party early Sunday, wounding four men, police said."
    austin = places(nlp, gazetteer, text, outlet="https://www.example.com/chicago/20150101/austin/story")["AUSTIN"]
    assert austin.admin1 == "Illinois"


def test_a_street_the_gazetteer_lacks_gets_no_point_of_its_own(nlp, gazetteer):
    found = places(nlp, gazetteer, "Medics arrived at a home off Oshiro Road in Mountain View, Hawaii, on Friday.")
    assert found.get("Oshiro Road") is None
    assert found["Mountain View"].admin1 == "Hawaii"


def test_a_town_before_shooting_is_read_in_the_stories_state(nlp, gazetteer):
    text = ("2 dead, 3 hurt following Brookhaven shooting\n\nTwo children were flown to a hospital in Jackson, "
            "Miss., the police chief said.")
    assert places(nlp, gazetteer, text)["Brookhaven"].admin1 == "Mississippi"


def test_a_town_before_police_is_read_in_the_stations_state(nlp, gazetteer):
    text = "Man shot himself while running from officers\n\nErie Police say a man who shot himself had a long record."
    found = places(nlp, gazetteer, text, outlet="example.com", title="Man shot - Erie News Now: News, Weather & Sports")
    assert found["Erie"].admin1 == "Pennsylvania"


@pytest.mark.parametrize("outlet, expected", [
    ("wsbtv.com", {("Atlanta", "Georgia", "town")}),
    ("https://www.wave3.com/story/1/shooting", {("Louisville", "Kentucky", "town")}),
    ("kctv5.com", {("Kansas City", "Missouri", "town")}),
    ("komonews.com", {("Seattle", "Washington", "town")}),
    ("wxii12.com:80", {("Winston-Salem", "North Carolina", "town")}),
])
def test_a_stations_call_sign_names_its_city(gazetteer, outlet, expected):
    assert home(gazetteer, outlet) == expected


@pytest.mark.parametrize("outlet, expected", [
    ("chicago.suntimes.com", {("Chicago", "Illinois", "town")}),
    ("abc7chicago.com", {("Chicago", "Illinois", "town")}),
])
def test_a_city_before_the_outlets_name_is_its_home(gazetteer, outlet, expected):
    assert home(gazetteer, outlet) == expected


@pytest.mark.parametrize("text", [
    "Meridian police are investigating a shooting at an apartment complex where a child was hurt.",
    "A 3-year-old boy died after he was shot at a home in Meridian on Sunday, police said.",
])
@pytest.mark.parametrize("outlet, admin1", [("wtok.com", "Mississippi"), ("ktvb.com", "Idaho")])
def test_a_stations_city_decides_a_namesake(nlp, gazetteer, text, outlet, admin1):
    assert places(nlp, gazetteer, text, outlet=outlet)["Meridian"].admin1 == admin1


@pytest.mark.parametrize("outlet", ["kxyz.com", "wave.example.org", "abc99news.com", "channel999.com"])
def test_an_unknown_call_sign_or_brand_names_no_home(gazetteer, outlet):
    assert home(gazetteer, outlet) == set()


@pytest.mark.parametrize("outlet, expected", [
    ("abc13.com", {("Houston", "Texas", "town")}),
    ("https://6abc.com/news/story/1", {("Philadelphia", "Pennsylvania", "town")}),
    ("fox43.com", {("York", "Pennsylvania", "town")}),
])
def test_a_stations_brand_names_its_city(gazetteer, outlet, expected):
    assert home(gazetteer, outlet) == expected


@pytest.mark.parametrize("text, outlet, name, admin1", [
    ("The incident happened near 134th Court and 99th Street in Fellsmere.", "wptv.com", "Fellsmere", "Florida"),
    ("BOISE - A Kuna man is recovering in the hospital after an accidental shooting.", "ktvb.com", "Kuna", "Idaho"),
    ("Deputies said a Kuna woman called 911 shortly after midnight.", "ktvb.com", "Kuna", "Idaho"),
])
def test_a_town_of_the_stations_state_the_model_missed_is_found(nlp, gazetteer, text, outlet, name, admin1):
    assert places(nlp, gazetteer, text, outlet=outlet)[name].admin1 == admin1


@pytest.mark.parametrize("text, outlet, name", [
    ("DAYTON -- A man was found dead in Harrison Township after a shooting, deputies said.", None, "Harrison"),
    ("A mother and her son were found dead in a car in Stroud Township on Sunday.", "wnep.com", "Stroud"),
    ("Police identify a 3-year-old boy shot in a Clinton Township park near Detroit.", None, "Clinton"),
])
def test_a_township_is_no_far_town_of_its_name(nlp, gazetteer, text, outlet, name):
    place = places(nlp, gazetteer, text, outlet=outlet).get(name)
    assert place is None or place.precision != "town"


def test_a_township_beside_the_storys_places_may_be_its_town(nlp, gazetteer):
    text = "Deputies in Montgomery County said the man was shot in Harrison Township, just north of Dayton, Ohio."
    place = places(nlp, gazetteer, text).get("Harrison")
    assert place is None or km(place.lat, place.lon, 39.76, -84.19) < 40


@pytest.mark.parametrize("text", [
    "The shooting happened Friday morning near Yosemite Avenue and Cleveland in Madera.",
    "Officers found the car at Main Street and Cleveland in Madera, police said.",
])
def test_a_cross_street_is_no_town(nlp, gazetteer, text):
    found = places(nlp, gazetteer, text)
    assert found.get("Cleveland") is None and found["Madera"].admin1 == "California"
