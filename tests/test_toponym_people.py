"""People's names the gazetteer also has as places: a surname after a middle initial, a first name before
someone else's surname or before an age, a name written with an age. Sentences written for these tests."""
from __future__ import annotations

import pytest

from sitrep.extract.nlp import load_pipeline
from sitrep.extract.places import geoparse


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def places(nlp, gazetteer, text) -> set[str]:
    """The names geoparse gives a place."""
    return {m.text for m in geoparse(nlp(text), gazetteer) if m.place is not None}


@pytest.mark.parametrize("text, person, town", [
    ("A man was shot in Ford City. Attempts to reach his attorney, Randall H. McKinney, failed.", "McKinney",
     "Ford City"),
    ("Three Detroit men, Cleveland Tyvon Smelley, 30; Deonta Chargois, 21, were charged in the shooting.",
     "Cleveland", "Detroit"),
    ("Bennett gave a handgun to Cleveland Smelley in Detroit, police said. Antoine Smelley was hurt.",
     "Cleveland", "Detroit"),
    ("Relatives gathered outside the home of Jacob Lara in Houston on Sunday. Police said Lara, 19, had "
     "bought the gun. Lara was dead when officers arrived.", "Lara", "Houston"),
    ("Twin sisters, Brittany and Tiffany Coffland, were shot in St. Charles. Brittany S. Coffland, 16, died.",
     "Brittany", "St. Charles"),
    ("Martinez, 24, was dancing when the gunfire began in Orlando. Martinez's friends carried him out.",
     "Martinez", "Orlando"),
    ("Friends said farewell to two-year-old Makanzee Selena Oldham in Eastpointe on Saturday.", "Oldham",
     "Eastpointe"),
])
def test_a_persons_name_is_no_place(nlp, gazetteer, text, person, town):
    found = places(nlp, gazetteer, text)
    assert person not in found and town in found


@pytest.mark.parametrize("text, town", [
    ("In Dayton, a 30-year-old man was shot on Sunday night.", "Dayton"),
    ("He grew up in Lara, Venezuela, before moving to Houston.", "Lara"),
])
def test_a_town_before_a_comma_stays_a_town(nlp, gazetteer, text, town):
    assert town in places(nlp, gazetteer, text)
