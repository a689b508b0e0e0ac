"""Who said it: generic nouns an article uses for a named source resolve to that source."""
from __future__ import annotations

import pytest

from sitrep.extract.attribution import SpeakerFinder, sentences


def speakers(nlp, kb, text: str) -> list[str | None]:
    doc = nlp(text)
    finder = SpeakerFinder(doc, kb)
    out = []
    for index, sent in enumerate(finder.sents):
        speaker = finder.speaker_for(index, sent, len(sent) - 1)
        out.append(speaker.name if speaker else None)
    return out


@pytest.mark.parametrize("text", [
    "The Syrian Observatory for Human Rights, a Britain-based war monitor, counted nine dead. "
    "The monitor said four of them were children.",
    "Nine people died, according to the Syrian Observatory for Human Rights, an opposition monitor. "
    "Four were children, the monitor said.",
])
def test_the_monitor_is_the_observatory_named_before(nlp, kb, text):
    assert speakers(nlp, kb, text)[-1] == "Syrian Observatory for Human Rights"


def test_first_responders_described_as_the_white_helmets(nlp, kb):
    text = ("The Syrian Civil Defence, first responders also known as the White Helmets, said eight were killed. "
            "First responders at the scene reported that three children were among the dead.")
    assert speakers(nlp, kb, text) == ["Syrian Civil Defense", "Syrian Civil Defense"]


def test_without_an_apposition_first_responders_stay_generic(nlp, kb):
    text = "First responders at the scene reported that three children were among the dead."
    assert speakers(nlp, kb, text) == ["first responders"]


def test_sentences_split_at_line_breaks(nlp):
    doc = nlp("Two dead in Kano blast\n\nA bomb exploded at a market on Friday.")
    assert [s.text for s in sentences(doc)] == ["Two dead in Kano blast", "A bomb exploded at a market on Friday."]


@pytest.mark.parametrize("text", [
    "“During the fight, it is alleged that he handed a gun to his cousin, who shot at seven people,” including a girl.",
    "Upon arriving, it was reported that two men had been shot.",
    "Wednesday afternoon, it was reported that a woman had been wounded.",
])
def test_an_opening_phrase_is_not_a_source(nlp, kb, text):
    doc = nlp(text)
    finder = SpeakerFinder(doc, kb)
    speaker = finder.speaker_for(0, finder.sents[0], len(finder.sents[0]) - 1)
    assert speaker is None or speaker.name.split()[0] not in ("During", "Upon", "Wednesday")


def test_a_named_body_written_as_is_is_kept(nlp, kb):
    assert speakers(nlp, kb, "Two men were wounded, Ardmore officers reported.")[0] == "Ardmore officers"


@pytest.mark.parametrize("text, office", [
    ("A missile hit a building, killing seven, regional governor Oleh Syniehubov said. "
     "The death toll rose to nine on Thursday, the governor said.", "the governor"),
    ("At least 21 people were killed, Health Minister Ali Haji Adam said. "
     "Another 117 were injured, the minister said.", "the minister"),
])
def test_an_office_stands_for_the_person_named_with_it(nlp, kb, text, office):
    found = speakers(nlp, kb, text)
    assert found[-1] == found[0] and found[0] is not None and office not in found[0]


@pytest.mark.parametrize("text, expected", [
    ("Fourteen people were killed, a local official and a militia leader said.", "authorities"),
    ("The state emergency agency put the toll at 12 dead.", "state emergency agency"),
    ("The civil protection service puts the death toll at 40.", "civil protection service"),
    ("Airstrike kills 9 in Saada province, rebels say", "rebels"),
    ("Nine soldiers died in the ambush on Thursday, the insurgents said.", "insurgents"),
])
def test_unnamed_voices(nlp, kb, text, expected):
    assert speakers(nlp, kb, text) == [expected]


def test_a_capitalised_day_names_nobody(nlp, kb):
    assert speakers(nlp, kb, "The death toll rose to nine on Thursday, the spokesman said.") != \
        ["death toll rose to nine on Thursday"]
