"""People told one by one, in lists of kin or of ages, and numbers that only look like counts: the
total each sentence gives. Every sentence is written for these tests, several phrasings per rule."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def totals(text: str, nlp, kb) -> set[tuple[str, int]]:
    """(figure, value) of the document's claims about all people ("total")."""
    document = Document(id="t", name="listing-doc", text=text, source="test", published="2016-05-01")
    return {(c.figure, c.value) for c in extract_claims(nlp(text), document, kb) if c.group == "total"}


@pytest.mark.parametrize("text, expected", [
    ("The sheriff said the suspect shot and killed his mother, stepfather and grandmother.", {("killed", 3)}),
    ("Detectives said he killed his stepfather, his aunt, and his grandson on Sunday.", {("killed", 3)}),
    ("Police said the man killed his stepson and his stepdaughter before fleeing.", {("killed", 2)}),
    ("She shot her husband and son, deputies said.", {("wounded", 2)}),
])
def test_a_list_of_single_kin_counts_each(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Three females, ages 21, 32, and 49, and two males, 30 and 42 were injured in the shooting.", {("wounded", 5)}),
    ("Two men, 19 and 24 were wounded outside the bar.", {("wounded", 2)}),
    ("Two men, ages 21 and 22 were shot on the porch.", {("wounded", 2)}),
    ("Police said four teens, 15, 16, and 17, were hurt.", {("wounded", 4)}),
])
def test_ages_listed_after_a_group_are_not_people(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Deputies tell 59 News the injuries are not life-threatening.",
    "Officers told 12 News the wounds were minor.",
    "Investigators said a single shot 223 was fired from the porch.",
    "A warning shot 30 minutes earlier had scattered the crowd.",
    "A worker found a gun along I-10 and brought it to deputies.",
    "Image 2 of 8 An 11-year-old boy was hurt in the blast of fireworks.",
])
def test_numbers_that_name_or_measure_are_not_counts(text, nlp, kb):
    assert not {v for f, v in totals(text, nlp, kb) if v > 1}


@pytest.mark.parametrize("text, expected", [
    ("A 7-year-old girl was grazed by a bullet, and a man was shot in the leg, police said.", {("wounded", 2)}),
    ("A woman was shot in the back, another woman was shot in the face and a man was shot in the arm.",
     {("wounded", 3)}),
    ("A teenager was shot in the hand and a 40-year-old man was wounded in the shoulder.", {("wounded", 2)}),
])
def test_people_brought_in_one_by_one_add_up(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "wounded") == max(v for _, v in expected)


@pytest.mark.parametrize("text, expected", [
    ("A 20-year-old man was shot and died at a hospital. Another man was shot in the back and treated and "
     "released.", {("killed", 1), ("wounded", 1)}),
    ("Police found two women and a man dead; another woman was rushed to Mercy General Hospital in Elk Grove "
     "with critical wounds.", {("killed", 3), ("wounded", 1)}),
    ("The 19-year-old is accused of killing three men and wounding another in the attack.",
     {("killed", 3), ("wounded", 1)}),
    ("The gunman killed one person and injured another before fleeing.", {("killed", 1), ("wounded", 1)}),
])
def test_another_person_shot_is_not_one_of_the_dead(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("The 27-year-old man was killed, while four others were hit, none fatally, police said.",
     {("killed", 1), ("wounded", 4)}),
    ("One man was killed and three others were shot non-fatally.", {("killed", 1), ("wounded", 3)}),
    ("Two people were wounded, neither fatally.", {("wounded", 2)}),
])
def test_not_fatally_is_a_wound(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Detectives said four bodies, two men and two women, were found inside the house.", ("killed", 4)),
    ("Three bodies, a man and two children, were recovered from the home.", ("killed", 3)),
    ("Police said the bodies of 54-year-old Tom Reed, 42-year-old Ann Reed and 6-year-old Sam Reed were found.",
     ("killed", 3)),
    ("Officers found 30-year-old Jo Ames, 25-year-old Kim Lee and 19-year-old Al Dunn dead inside.", ("killed", 3)),
])
def test_bodies_listed_by_who_they_were_are_dead(text, expected, nlp, kb):
    assert expected in totals(text, nlp, kb)
    assert not {f for f, _ in totals(text, nlp, kb)} - {"killed"}


@pytest.mark.parametrize("text, expected", [
    ("Police say a 3-year-old Elkhart boy has died after he apparently shot himself in the head.", 1),
    ("Police say an 11-year-old boy is dead after the child found a pistol and accidentally shot himself.", 1),
    ("A 16-year-old Dayton girl died after she accidentally shot herself, deputies said.", 1),
    ("A woman is dead after the gunman shot her and then shot himself.", 2),
])
def test_someone_who_shot_themselves_is_counted_once(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text", ["Police found two men,", "Two men, ages", "The shooting left two men, 19 and",
                                  "wounding another", "A single shot", "Shot 1 -", "the four bodies, two"])
def test_a_sentence_cut_short_reads_without_error(text, nlp, kb):
    assert isinstance(totals(text, nlp, kb), set)


@pytest.mark.parametrize("text, expected", [
    ("Omar Jarman, 35; Shontay Young, 34; and Dana Lucero, 26, died in the shooting.", ("killed", 3)),
    ("Lee Park, 19; and Sam Ortiz, 22, were wounded, police said.", ("wounded", 2)),
])
def test_names_listed_with_semicolons_count_each(text, expected, nlp, kb):
    assert expected in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("14 dead, 21 injured in mass shooting; 2 suspects killed", 16),
    ("Police: 3 members of family fatally shot; suspect killed", 4),
    ("Two men were killed Friday, and a suspect was killed by officers.", 3),
    ("Six people were killed, including the suspect, and four people were injured.", 6),
    ("Four dead, including gunman, in workplace shooting", 4),
])
def test_shooters_killed_after_their_victims_are_deaths_too(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text, expected", [
    ("He walked inside, fatally shooting his ex-wife, 33-year-old Ann Roe, and her boyfriend, 33-year-old Joe Tate.",
     ("killed", 2)),
    ("He is accused of shooting and injuring his wife, 31-year-old Lia Perez and 36-year-old Maria Cruz.",
     ("wounded", 2)),
    ("Police said a man, 40-year-old Sam Lee, and a woman, 38-year-old Ana Ruiz, were wounded.", ("wounded", 2)),
    ("Deputies said 22-year-old Tom Reed, 19-year-old Al Cruz and a 17-year-old boy were shot.", ("wounded", 3)),
])
def test_a_name_set_off_after_a_noun_is_the_same_person(text, expected, nlp, kb):
    figure, value = expected
    assert max(v for f, v in totals(text, nlp, kb) if f == figure) == value


@pytest.mark.parametrize("text, expected", [
    ("Three men shot, a fourth wounded by shrapnel on the east side", ("wounded", 4)),
    ("Two men were shot on Elm Street, and a third man was grazed by a bullet.", ("wounded", 3)),
    ("A child shot and killed a 12-year-old on Tuesday. A second child was injured and taken to the hospital.",
     ("wounded", 1)),
])
def test_a_second_or_third_person_is_one_more(text, expected, nlp, kb):
    figure, value = expected
    assert max(v for f, v in totals(text, nlp, kb) if f == figure) == value


@pytest.mark.parametrize("text", ["Police are investigating a second shooting on Oak Street.",
                                  "It was the third time this month that shots were fired on the block."])
def test_a_second_event_is_not_a_person(text, nlp, kb):
    assert totals(text, nlp, kb) == set()


@pytest.mark.parametrize("text, expected", [
    ("On Thursday, the bodies of Laura Cole, 32, and her two young children were discovered in the home.",
     ("killed", 3)),
    ("A man shot and killed his wife and her two sons.", ("killed", 3)),
])
def test_a_person_and_their_family_add_up(text, expected, nlp, kb):
    assert expected in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("Ann Roe, 34, and her son, Jo Roe, 2, were shot and killed by her fiance, Ty Reed, 30, who then shot and "
     "killed himself in their home.", 3),
    ("Police investigate apparent double murder-suicide", 3),
    ("The deaths are being investigated as a triple murder-suicide.", 4),
])
def test_a_killer_who_dies_by_his_own_hand_is_one_more_death(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text, expected", [
    ("Two teens are hospitalized with gunshot wounds after a third teen accidentally shot them, police said.",
     ("wounded", 2)),
])
def test_an_ordinal_person_who_fired_is_not_one_more(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == {expected}


@pytest.mark.parametrize("text", [
    "Teen struck by bullet from outside east valley house",
    "A teen was struck by what may have been celebratory gunfire just after midnight Friday, police said.",
    "A gunman opened fire, killing Carl Lewis and critically wounding the other man.",
])
def test_one_person_hit_by_gunfire(text, nlp, kb):
    assert ("wounded", 1) in totals(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "An officer on bicycle patrol was shot Thursday. Police said the suspect in the shooting was killed.",
    "A man was shot on Elm Street. The officers fired back, fatally wounding the suspect.",
])
def test_the_suspect_killed_is_not_one_of_the_people_shot(text, nlp, kb):
    assert ("wounded", 1) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("The pair went back outside, where the two men shot at them, police said.", set()),
    ("Two officers were shot at by the suspect but were not hit.", set()),
    ("Two men were shot at a party on Elm Street.", {("wounded", 2)}),
    ("A man was shot at least three times, police said.", {("wounded", 1)}),
])
def test_shot_at_someone_is_fired_on_not_hit(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Roman Kell, 15, of Evansville died of a single, self-inflicted gunshot wound Tuesday.", 1),
    ("A 12-year-old boy died of a self-inflicted gunshot wound, deputies said.", 1),
])
def test_a_self_inflicted_death_is_one_death(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected
