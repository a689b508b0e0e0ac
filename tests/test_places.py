"""The geoparser on sentences written for these tests: context, hierarchy, fallbacks and flags."""
from __future__ import annotations

import json

import pytest

from sitrep.extract.gazetteer import Gazetteer, ensure_default_gazetteer
from sitrep.extract.nlp import load_pipeline
from sitrep.extract.places import geoparse, geoparse_records, place_flags


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.open(str(ensure_default_gazetteer()))


@pytest.fixture(scope="module")
def nlp(gazetteer):
    return load_pipeline(gazetteer.ruler_patterns())


def places(nlp, gazetteer, text, **kw):
    return {m.text: m.place for m in geoparse(nlp(text), gazetteer, **kw)}


def flags(nlp, gazetteer, text):
    sdoc = nlp(text)
    return [f.kind for f in place_flags(sdoc, geoparse(sdoc, gazetteer), gazetteer, "doc")]


@pytest.mark.parametrize("text, name, country, admin1", [
    ("Police in Alexandria, La., arrested two men on Friday.", "Alexandria", "US", "Louisiana"),
    ("The Rapides Parish sheriff said deputies found the car near Alexandria.", "Alexandria", "US", "Louisiana"),
    ("Thousands marched through Alexandria, Egypt's second city, on Friday.", "Alexandria", "EG", None),
    ("Residents of Athens, Ga., lost power after the storm crossed Georgia.", "Athens", "US", "Georgia"),
    ("Protesters gathered in Athens as Greek lawmakers voted.", "Athens", "GR", None),
    ("Shelling hit Aleppo and Idlib overnight, Syrian activists said.", "Aleppo", "SY", None),
])
def test_disambiguation_by_country_and_province_context(nlp, gazetteer, text, name, country, admin1):
    place = places(nlp, gazetteer, text)[name]
    assert place.country == country
    assert admin1 is None or place.admin1 == admin1


def test_offsets_point_into_the_text(nlp, gazetteer):
    text = "Gunmen attacked a checkpoint outside Kirkuk, Iraq, police said."
    for m in geoparse(nlp(text), gazetteer):
        assert text[m.start:m.end] == m.text
    assert places(nlp, gazetteer, text)["Kirkuk"].country == "IQ"


@pytest.mark.parametrize("text", [
    "US forces raided a house in Atmeh, a village in Idlib province near the Turkish border.",
    "The strike hit the village of Atmeh in Syria's Idlib province on Thursday.",
    "Witnesses in Atmeh, Idlib, said helicopters landed before dawn.",
    "Shelling hit Atmeh and Barisha in Idlib, residents said.",
])
def test_unknown_town_falls_back_to_the_province_the_text_gives(nlp, gazetteer, text):
    atmeh = places(nlp, gazetteer, text)["Atmeh"]
    assert (atmeh.name, atmeh.admin1, atmeh.country, atmeh.precision) == ("Atmeh", "Idlib", "SY", "admin1")
    assert atmeh.gazetteer_id is None
    assert 35 < atmeh.lat < 37 and 36 < atmeh.lon < 37.5


def test_unknown_town_without_hierarchy_is_not_given_a_point_abroad(nlp, gazetteer):
    found = places(nlp, gazetteer, "Syrian troops shelled Barisha and Sarmada in Idlib province, Syria.")
    for name in ("Barisha", "Sarmada"):
        if name in found and found[name] is not None:
            assert found[name].country == "SY" and found[name].precision in ("admin1", "country")


def test_province_suffix_gives_the_province(nlp, gazetteer):
    found = places(nlp, gazetteer, "Air strikes hit villages in Idlib province and in Raqqa governorate.")
    assert found["Idlib"].precision == "admin1" and found["Raqqa"].precision == "admin1"
    assert found["Raqqa"].country == "SY"


def test_lists_are_not_hierarchies(nlp, gazetteer):
    found = places(nlp, gazetteer, "The festival drew bands from Illinois, Missouri, Nevada and Oregon.")
    assert all(found[n].precision == "admin1" and found[n].country == "US" for n in ("Illinois", "Missouri", "Nevada"))


def test_a_building_is_not_the_town_of_the_same_name(nlp, gazetteer):
    found = places(nlp, gazetteer, "The White House said the raid in Syria was a success.")
    assert found.get("White House") is None or found["White House"].country != "US" or \
        found["White House"].precision != "town"


def test_a_fallback_holds_for_every_mention_of_the_name(nlp, gazetteer):
    text = "Atmeh, a village in Idlib province, was quiet on Friday. By evening Atmeh was full of soldiers."
    mentions = [m for m in geoparse(nlp(text), gazetteer) if m.text == "Atmeh"]
    assert len(mentions) == 2 and all(m.place and m.place.admin1 == "Idlib" for m in mentions)


def test_demonyms_only_when_embedded_places_are_asked_for(nlp, gazetteer):
    text = "Syrian state media said the convoy crossed from Turkey."
    assert "Syrian" not in places(nlp, gazetteer, text)
    assert places(nlp, gazetteer, text, embedded=True)["Syrian"].country == "SY"


@pytest.mark.parametrize("text, expected", [
    ("The raid targeted the al-Buseirah area in Syria's Raqqa governorate, officials said.", ["admin_mismatch"]),
    ("The raid targeted the al-Busayrah area in Syria's Deir ez-Zor governorate, officials said.", []),
    ("Clashes broke out in Manbij in Syria's Aleppo governorate.", []),
    ("Clashes broke out in Manbij in Syria's Hama governorate.", ["admin_mismatch"]),
])
def test_admin_mismatch(nlp, gazetteer, text, expected):
    assert [k for k in flags(nlp, gazetteer, text) if k == "admin_mismatch"] == expected


@pytest.mark.parametrize("text, expected", [
    ("ISIS stormed a prison in Syria's northwestern Hasakah region last month.", ["direction_mismatch"]),
    ("ISIS stormed a prison in Syria's northeastern Hasakah region last month.", []),
    ("Rebels hold the northwestern province of Idlib.", []),
    ("Deir ez-Zor, in western Syria, was shelled again.", ["direction_mismatch"]),
    ("Deir ez-Zor, in eastern Syria, was shelled again.", []),
    ("Troops moved into northern Hasakah on Monday.", []),
])
def test_direction_mismatch(nlp, gazetteer, text, expected):
    assert [k for k in flags(nlp, gazetteer, text) if k == "direction_mismatch"] == expected


def test_geoparse_records_output_lines(nlp, gazetteer):
    records = [{"id": "a", "text": "Flooding closed roads in Macon, Ga., and in Savannah."},
               {"id": "b", "text": "Nothing happened here."}, {"id": "c", "text": ""}]
    rows = list(geoparse_records(records, nlp, gazetteer))
    assert [r["document"] for r in rows] == ["a", "b", "c"]
    macon = next(p for p in rows[0]["places"] if p["text"] == "Macon")
    assert macon["country"] == "US" and macon["admin1"] == "Georgia" and macon["precision"] == "town"
    assert set(macon) == {"start", "end", "text", "lat", "lon", "country", "admin1", "gazetteer_id", "precision"}
    assert rows[1]["places"] == [] and rows[2]["places"] == []
    json.dumps(rows)
