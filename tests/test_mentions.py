"""One article, several incidents: the one it is about and the others it tells in passing."""
from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.extract.extractor import Extractor
from sitrep.records import RawDocument
from sitrep.settings import Settings


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Settings.load())


def mentions(extractor, text: str, published: str = "2016-05-09"):
    doc = clean(RawDocument(name="t", source="test", text=text, published=published))
    return extractor.extract([doc])


def primary_of(found):
    return next(m for m in found if m.role == "primary")


def figures(mention) -> set[tuple[str, int]]:
    return {(c.figure, c.value) for c in mention.claims}


@pytest.mark.parametrize("marker", [
    "In a separate shooting, a 64-year-old man was killed",
    "Separately, a 64-year-old man was killed",
    "In another incident, a 64-year-old man was killed",
    "A 64-year-old man was killed in an unrelated shooting",
    "Later that day, a 64-year-old man was killed",
])
def test_a_separate_incident_is_its_own_mention(extractor, marker):
    text = ("A man was shot and wounded on Sunday afternoon in Dayton, Ohio, police said. The victim, 25, "
            f"was taken to a hospital in stable condition.\n\n{marker} on the same street on Sunday night.")
    found = mentions(extractor, text)
    primary = primary_of(found)
    assert {c.figure for c in primary.claims} == {"wounded"}
    others = [m for m in found if m.role == "mention"]
    assert len(others) == 1 and {c.figure for c in others[0].claims} == {"killed"}


def test_the_same_incident_told_again_stays_one_mention(extractor):
    text = ("A man was shot and wounded on Sunday afternoon in Dayton, Ohio, police said.\n\n"
            "The victim, 25, was taken to a hospital, where he was listed in stable condition.")
    assert [m.role for m in mentions(extractor, text)] == ["primary"]


def test_a_month_named_without_a_year_recalls_an_older_event(extractor):
    text = ("Security forces killed a militant commander in a raid near Mosul on Tuesday, officials said.\n\n"
            "Operations against the group go on. In March, the army announced the death of another leader.")
    found = mentions(extractor, text, published=None)
    primary = primary_of(found)
    assert all("March" not in c.quote for c in primary.claims)
    assert any("March" in c.quote for m in found if m.role == "mention" for c in m.claims)


@pytest.mark.parametrize("recalled", [
    "The shooting came eight months after a bystander was killed during a gunfight on the same corner.",
    "Two years ago, a bystander was killed during a gunfight on the same corner.",
    "Last year a bystander was killed during a gunfight on the same corner.",
    "The crowd was mourning a teenager who was killed at the same spot just weeks earlier.",
    "It came one week after a bystander was killed during a gunfight on the same corner.",
])
def test_an_event_told_as_months_or_years_past_is_not_the_main_one(extractor, recalled):
    text = ("Seven people were wounded in a shooting outside a house in Athens, Georgia, on Friday night, police "
            f"said.\n\nNone of the injuries were life-threatening. {recalled}")
    found = mentions(extractor, text, published="2016-05-07")
    primary = primary_of(found)
    assert figures(primary) == {("wounded", 7)}


def test_a_victims_first_name_read_as_a_town_does_not_move_the_scene(extractor):
    # the headline's "Brandon" is also a Florida town; the dateline and the lead put the scene in Trenton
    text = ("Brandon Miller killed, 4 others hurt in drive-by shooting\n\n"
            "TRENTON, N.J. - One man was killed and four others were wounded in a drive-by shooting in Trenton "
            "on Saturday night, prosecutors said.\n\nThe shooting happened outside a store in Trenton's South Ward.")
    found = mentions(extractor, text)
    primary = primary_of(found)
    assert primary.place.name == "Trenton"
    assert ("killed", 1) in figures(primary)


def test_the_headline_always_tells_the_main_incident(extractor):
    # a headline whose only place is misread still states the article's incident and its figures
    text = ("Cops: 3 Shot Near Park Late Saturday\n\n"
            "Three men were shot near a park in Denver, Colorado, late Saturday, police said. "
            "All three are expected to survive.")
    found = mentions(extractor, text)
    primary = primary_of(found)
    assert [m.role for m in found] == ["primary"]
    assert figures(primary) >= {("wounded", 3)}


@pytest.mark.parametrize("other", [
    "Two days later, another raid hit a farm near the border, killing two men, local officials said.",
    "A separate air strike killed two men at a farm near the border on Wednesday, local officials said.",
])
def test_another_raid_told_after_the_main_one_is_its_own_mention(extractor, other):
    text = ("An air strike hit a market in northern Saada province early Monday, killing nine civilians, "
            f"a local official said.\n\nThe coalition did not comment. {other}")
    found = mentions(extractor, text, published="2024-02-12")
    primary = primary_of(found)
    assert figures(primary) == {("killed", 9)}
    assert any(("killed", 2) in figures(m) for m in found if m.role == "mention")


def test_a_dateline_abroad_is_not_the_scene(extractor):
    text = ("MOSCOW — Russia's defence ministry said on Wednesday its forces had struck a military facility "
            "in Kharkiv, killing up to 30 fighters.\n\nIt denied hitting residential buildings.")
    primary = primary_of(mentions(extractor, text, published="2024-05-22"))
    assert (primary.place.name, primary.place.country) == ("Kharkiv", "UA")


def test_a_home_dateline_stays_the_scene_over_a_neighbourhood_read_as_another_town(extractor):
    text = ("COLUMBUS (WCMH) - Police say two teenage girls were accidentally shot Friday night in south "
            "Linden.\n\nBoth victims were taken to a children's hospital in stable condition.")
    primary = primary_of(mentions(extractor, text, published="2016-06-04"))
    assert primary.place.name == "Columbus"


@pytest.mark.parametrize("tally", [
    "Police figures for 2015 show 165 people were murdered in the city.",
    "So far this year, 212 people have been killed in the province.",
])
def test_a_period_tally_is_not_the_incidents_toll(extractor, tally):
    text = ("A man was shot and killed outside a bar in New Orleans on Thursday night, police said.\n\n"
            f"{tally} The shooting remains under investigation.")
    primary = primary_of(mentions(extractor, text, published="2015-12-11"))
    assert figures(primary) == {("killed", 1)}


def test_a_state_is_refined_by_a_town_named_outside_the_event_sentences(extractor):
    text = ("ST. LOUIS (KMOV)\n\nA man was shot and killed Sunday night in Missouri, police said. "
            "No arrests have been made.")
    primary = primary_of(mentions(extractor, text, published="2017-04-03"))
    assert primary.place.name == "St. Louis"


def test_a_town_far_from_the_county_the_lead_names_does_not_refine_it(extractor):
    text = ("A teenager was hurt in an accidental shooting in Cowley County, Kansas, on Sunday, the sheriff said.\n\n"
            "He was flown to a hospital in Topeka.")
    primary = primary_of(mentions(extractor, text, published="2016-10-17"))
    assert primary.place.name != "Topeka"


def test_a_headline_person_after_a_region_is_counted(extractor):
    found = mentions(extractor, "North Idaho child killed in accidental shooting\n\nLEWISTON, Idaho - Deputies "
                     "responded on Thursday evening to a call about a boy with a gunshot wound at a home.\n\nThree "
                     "boys were playing in a bedroom when a gun went off.", published="2016-05-09")
    assert ("killed", 1) in figures(primary_of(found))
