"""Scene choice across an article: a follow-up story's own sentences and the places the whole text agrees on."""
from __future__ import annotations

import pytest
from test_geo_s6_places import extractor, near, scene  # noqa: F401 (extractor is a fixture)

DENVER, NEW_ORLEANS, MEMPHIS = (39.74, -104.99), (29.95, -90.07), (35.15, -90.05)
KANSAS_CITY = (39.10, -94.58)


@pytest.mark.parametrize("text, city", [
    ("Police release sketch in double homicide\n\nDENVER -- Denver police released a composite sketch Monday of a "
     "suspect in a fatal shooting from early July.\n\nTwo men were killed July 2 when a gunman opened fire on a "
     "backyard party.\n\nThe suspect wore a Boston Red Sox cap and a grey hooded sweatshirt, police said.", DENVER),
    ("Third suspect charged in party killing\n\nMEMPHIS, Tenn. -- A third man has been charged in the shooting death "
     "of a 15-year-old at a house party in April.\n\nThe teen was shot on April 3 at a home on Elm Street.\n\n"
     "Investigators say the man turned himself in on Monday.", MEMPHIS),
])
def test_a_follow_up_keeps_the_scene_its_lead_names(extractor, text, city):
    assert near(scene(extractor, text), city)


@pytest.mark.parametrize("text", [
    "5th suspect arrested in park shooting\n\nNEW ORLEANS -- Another suspect in the mass shooting at a park has been "
    "arrested.\n\nHe was booked into Orleans Parish jail on Wednesday.\n\nNew Orleans police have been criticised "
    "since the first arrest.\n\nThat man had been in Texas at the time of the shooting, and his lawyer showed video "
    "of him at a store in Houston.",
    "Man held in bar shooting\n\nNEW ORLEANS -- A man was arrested on Friday in the shooting at a bar that wounded "
    "three people.\n\nNew Orleans police said he turned himself in.\n\nHis sister told reporters he had been visiting "
    "Houston, Texas when the shooting happened.",
])
def test_the_town_most_of_the_article_agrees_on_is_the_scene(extractor, text):
    assert near(scene(extractor, text), NEW_ORLEANS)


@pytest.mark.parametrize("text", [
    "Boy, 4, dies after rolling gun battle in Kansas City\n\nA child riding in a car died Monday after being caught "
    "in a gun battle between two other cars, police said.\n\nThe Kansas City Police Department is asking for "
    "witnesses.",
    "Toddler killed in crossfire in Kansas City\n\nA girl was killed on Sunday when gunmen in two cars fired at "
    "each other.\n\nKansas City police said no arrests had been made.",
])
def test_a_far_city_with_its_own_police_is_no_part_of_the_stations_city(extractor, text):
    assert near(scene(extractor, text, "http://ktla.com/2016/06/20/boy-killed/"), KANSAS_CITY)
