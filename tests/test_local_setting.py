"""A local story's city names its neighbourhoods: the gazetteer's place of that name inside the city is
named as a part of it, unless the text gives it a government of its own. Sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.extract.nlp import load_pipeline
from sitrep.extract.places import geoparse


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def places(nlp, gazetteer, text, **kw):
    return {m.text: m.place for m in geoparse(nlp(text), gazetteer, **kw) if m.place is not None}


@pytest.mark.parametrize("text, outlet", [
    ("A 17-year-old boy was shot in West Garfield Park on Sunday night.", "chicago.suntimes.com"),
    ("Four men were wounded in a drive-by shooting in West Garfield Park, police said.", "abc7chicago.com"),
    ("CHICAGO — Two teens were shot while walking home in West Garfield Park, police said.", None),
])
def test_a_place_inside_the_storys_city_is_named_as_its_part(nlp, gazetteer, text, outlet):
    place = places(nlp, gazetteer, text, outlet=outlet)["West Garfield Park"]
    assert place.name == "West Garfield Park, Chicago" and place.admin1 == "Illinois"


@pytest.mark.parametrize("text", [
    "A man was shot in Cicero on Sunday, Cicero police said.",
    "Officers from the town of Cicero found the car abandoned on Monday.",
])
def test_a_town_with_its_own_government_keeps_its_own_name(nlp, gazetteer, text):
    assert places(nlp, gazetteer, text, outlet="chicago.suntimes.com")["Cicero"].name == "Cicero"


def test_a_town_outside_the_city_keeps_its_own_name(nlp, gazetteer):
    text = "A man was shot outside a bar in Evanston early Saturday, police said."
    assert places(nlp, gazetteer, text, outlet="chicago.suntimes.com")["Evanston"].name == "Evanston"


@pytest.mark.parametrize("text, outlet, name, admin1", [
    ("4 wounded in drive-by shooting in Austin\n\nThree teens were shot on Friday night, police said.",
     "chicago.suntimes.com", "Austin", "Illinois"),
    ("Police say a deadly shootout happened at an apartment complex in Antioch on Monday night.", "wsmv.com",
     "Antioch", "Tennessee"),
    ("The body was found outside a Bordeaux home on Tuesday morning, Metro police said.", "wsmv.com",
     "Bordeaux", "Tennessee"),
    ("The Columbus Police Department said a warrant is out for a juvenile suspect.", "wtoc.com", "Columbus", "Georgia"),
])
def test_a_far_town_named_bare_in_a_local_story_is_the_local_one(nlp, gazetteer, text, outlet, name, admin1):
    found = {m.text.removeprefix("The "): m.place for m in geoparse(nlp(text), gazetteer, outlet=outlet)}
    assert found[name].admin1 == admin1


@pytest.mark.parametrize("text, name, admin1", [
    ("A man was shot in Austin, Texas, on Friday, police said.", "Austin", "Texas"),
    ("Police in Houston said a man was shot on Friday.", "Houston", "Texas"),
    ("Gunmen opened fire in Austin on Friday. Texas officials said six people were hurt.", "Austin", "Texas"),
])
def test_a_far_town_the_story_places_or_news_names_alone_stays(nlp, gazetteer, text, name, admin1):
    assert places(nlp, gazetteer, text, outlet="chicago.suntimes.com")[name].admin1 == admin1
