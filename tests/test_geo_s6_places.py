"""A local story's places as its readers resolve them: a newspaper's home from its domain, a neighbourhood or
a side of the outlet's own city, a quarter of a city named by direction, a neighbourhood named after another
town, a person's name that is also a town's, a headline's home town before the town it happened in, and a
headline's opening town before the people it is about."""
from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.extract.extractor import Extractor
from sitrep.extract.outlets import outlet_home
from sitrep.extract.places import km
from sitrep.records import RawDocument
from sitrep.settings import Settings

# city points for the distance checks (rounded)
NEW_ORLEANS, CHICAGO, PHILADELPHIA, NEW_YORK = (29.95, -90.07), (41.85, -87.65), (39.95, -75.16), (40.71, -74.01)
CHARLOTTE, CLEVELAND = (35.23, -80.84), (41.50, -81.70)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Settings.load())


def scene(extractor, text: str, url: str | None = None, title: str | None = None):
    """The place of the primary mention of a story published 2016-05-09."""
    doc = clean(RawDocument(name="t", source="test", text=text, published="2016-05-09", url=url, title=title))
    return next(m for m in extractor.extract([doc]) if m.role == "primary").place


def near(place, point, within=25) -> bool:
    return place.lat is not None and km(place.lat, place.lon, *point) <= within


@pytest.mark.parametrize("outlet, town, state", [
    ("https://www.ajc.com/news/local/story.html", "Atlanta", "Georgia"),
    ("http://www.post-gazette.com/local/city/2016/05/09/story", "Pittsburgh", "Pennsylvania"),
    ("www.sj-r.com", "Springfield", "Illinois"),
    ("washingtonpost.com", "Washington", "District of Columbia"),
])
def test_a_newspapers_domain_names_its_city(extractor, outlet, town, state):
    assert {(c.name, c.admin1) for c in outlet_home(outlet, None, extractor.gazetteer)} == {(town, state)}


@pytest.mark.parametrize("text, url, city", [
    ("Two men were wounded late Saturday in the Bywater neighborhood, police said.\n\n"
     "Officers found both men on a porch.", "https://www.wwltv.com/news/crime/story", NEW_ORLEANS),
    ("A teenager was shot in the leg on the Far North Side early Sunday.\n\nHe was taken to a hospital in good "
     "condition.", "https://chicago.suntimes.com/news/story", CHICAGO),
    ("A man was shot on the West Side on Monday night.\n\nPolice said he is expected to survive.",
     "https://www.mysanantonio.com/news/x", (29.42, -98.49)),
])
def test_a_part_of_the_outlets_own_city_is_in_that_city(extractor, text, url, city):
    assert near(scene(extractor, text, url), city)


@pytest.mark.parametrize("text, city", [
    ("Two men were shot in Northeast Philadelphia on Friday night, police said.", PHILADELPHIA),
    ("A woman was wounded by a stray bullet in Southwest Philadelphia, police said.", PHILADELPHIA),
])
def test_a_quarter_named_by_direction_is_its_city(extractor, text, city):
    assert near(scene(extractor, text), city)


def test_a_neighbourhood_named_after_another_town_is_no_such_town(extractor):
    text = ("NEW YORK — Two men were shot in Washington Heights late Sunday, police said.\n\n"
            "Both were taken to a hospital in stable condition.")
    place = scene(extractor, text)
    assert near(place, NEW_YORK) and place.admin1 != "District of Columbia"


@pytest.mark.parametrize("text", [
    "CLEVELAND — A man who shot a store clerk was sentenced to life on Friday.\n\nMarcus Perry, 22, pleaded guilty "
    "in March. Perry was arrested two days after the robbery, police said.",
    "CLEVELAND — Four members of a family were hit by gunfire at a cookout on Sunday.\n\nThe youngest, 2-year-old "
    "Ashley, was struck in the arm. Ashley is expected to recover, police said.",
])
def test_a_persons_name_is_no_town(extractor, text):
    place = scene(extractor, text)
    assert near(place, CLEVELAND), place


@pytest.mark.parametrize("text, city", [
    ("Kannapolis man killed in Charlotte shooting\n\nA man was shot and killed outside an apartment early "
     "Sunday, police said.", CHARLOTTE),
    ("Police: Gastonia teen shot in Charlotte\n\nThe teen was taken to a hospital with serious injuries.",
     CHARLOTTE),
])
def test_a_headlines_home_town_gives_way_to_the_town_it_happened_in(extractor, text, city):
    assert near(scene(extractor, text), city)


def test_a_headlines_home_town_is_the_scene_when_no_other_town_is_named(extractor):
    place = scene(extractor, "Yakima teen shot in leg\n\nThe boy was taken to a hospital, police said.")
    assert place.name == "Yakima" and place.admin1 == "Washington"


@pytest.mark.parametrize("text, town, state", [
    ("Waukesha Man Dies From Gunshot Wound\n\nPolice are investigating a shooting death in the 1900 block of "
     "Main Street.", "Waukesha", "Wisconsin"),
    ("2 Yakima teens charged in killing\n\nTwo teenagers were charged on Monday.", "Yakima", "Washington"),
    ("Breaking News: Kenosha police investigate shooting\n\nOne man was wounded.", "Kenosha", "Wisconsin"),
])
def test_a_headlines_opening_town_is_found(extractor, text, town, state):
    place = scene(extractor, text)
    assert (place.name, place.admin1) == (town, state)

