"""Which of an article's places is the incident's scene: not a hospital's town, a newspaper's, a distance's
origin or (while another is named) a victim's home town; a dateline gives way to its state's town the
lead puts the event in."""
from __future__ import annotations

import pytest

from test_geo_s6_places import extractor, scene  # noqa: F401 (extractor is a fixture)


@pytest.mark.parametrize("text, town", [
    ("A 6-year-old girl is in critical condition at a Jackson hospital after she was shot on Wednesday.\n\n"
     "Meridian police are looking for the gunman.", "Meridian"),
    ("Two children were hospitalized in Jackson after a man shot five relatives on Friday.\n\n"
     "Brookhaven police said the suspect died later.", "Brookhaven"),
    ("The boy was flown to Fargo after he was shot in the stomach on Tuesday, the sheriff said.\n\n"
     "The shooting happened at a farm near Breckenridge.", "Breckenridge"),
    ("A teen was killed on Monday in a hunting accident about 150 miles northeast of Denver.\n\n"
     "The Yuma police chief said the gun went off as the boys moved it.", "Yuma"),
    ("'It was a terrible accident,' the sheriff told The Denver Post after a boy was shot on Monday.\n\n"
     "The Yuma police chief said the gun went off as the boys moved it.", "Yuma"),
])
def test_a_town_the_text_sets_apart_is_not_the_scene(extractor, text, town):
    assert scene(extractor, text).name == town


@pytest.mark.parametrize("text", [
    "Police say a 15-year-old from Columbus was shot in the leg on Sunday.\n\nDayton police are investigating.",
    "A Columbus man was shot in the leg on Sunday, police said.\n\nDayton police are investigating.",
])
def test_a_victims_home_town_gives_way_to_the_town_the_story_is_in(extractor, text):
    assert scene(extractor, text).name == "Dayton"


def test_a_home_town_is_the_scene_when_only_a_dateline_is_left(extractor):
    text = "PORTLAND, Ore. — A Sandy man shot his wife in the shoulder on Tuesday night, police said."
    assert scene(extractor, text).name == "Sandy"


def test_a_dateline_gives_way_to_the_town_its_story_is_in(extractor):
    text = ("BILLINGS, Mont. — A woman shot her son and then herself, a sheriff said on Monday.\n\n"
            "The sheriff said the shooting happened at a home in Roundup on Sunday night. The two were in "
            "Roundup visiting family.")
    assert scene(extractor, text).name == "Roundup"


def test_a_local_dateline_stays_before_a_town_named_once(extractor):
    text = ("NASHVILLE, Tenn. — A man was shot in the arm on Friday, police said.\n\n"
            "He was taken to a hospital and later released to relatives from Murfreesboro.")
    assert scene(extractor, text).name == "Nashville"
