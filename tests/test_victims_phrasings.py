"""Casualty figures in the phrasings of local shooting reports: negation, ages that are not counts,
one person told without a number, and a person shot who then died counted once. Every sentence
here is written for these tests, several phrasings per rule."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def totals(text: str, nlp, kb) -> set[tuple[str, int]]:
    """(figure, value) of the document's claims about all people ("total")."""
    document = Document(id="t", name="phrasing-doc", text=text, source="test")
    claims = extract_claims(nlp(text), document, kb)
    for c in claims:
        assert text[c.start:c.end] == c.quote   # every claim keeps its sentence
    return {(c.figure, c.value) for c in claims if c.group == "total"}


@pytest.mark.parametrize("text", [
    "None of the other six people in the apartment were injured.",
    "Neither of the two passengers was hurt.",
    "The three children in the back seat were not injured.",
    "Two bystanders weren't hurt, police said.",
    "No one else was hurt in the shooting.",
    "Nobody else was injured.",
    "A man was arrested for shooting at four people outside the bar.",
    "Officers said one shot was fired into the air.",
    "It is not known which of the four victims was struck first.",
    "Two people could have been killed, the chief said.",
    "There are no words to describe a child being hurt like that.",
    "The two men in the pickup, which police say was the target of the shooting, were not injured.",
    "Three customers, who had been standing by the counter when the gunman fired, were not hurt.",
    "Deputies said Ron Miller, 54, shot and killed a deer behind his barn.",
    "Officials said John Park, 61, shot and killed a bear that had entered his garage.",
    "Police said the guard, 58, accidentally shot a window out while cleaning his rifle.",
])
def test_negated_or_missed_people_are_not_casualties(text, nlp, kb):
    assert not {v for f, v in totals(text, nlp, kb) if f in ("killed", "wounded") and v > 0}


@pytest.mark.parametrize("text, expected", [
    ("A child under the age of 9 was killed in the crash of gunfire.", {("killed", 1)}),
    ("A boy younger than 12 was shot near the pool.", {("wounded", 1)}),
    ("Four men, between the ages of 19 and 23, were wounded.", {("wounded", 4)}),
    ("Two women, ranging in age from 35 to 48, were shot.", {("wounded", 2)}),
    ("Three teens, aged 15-17, were injured.", {("wounded", 3)}),
    ("A woman in her 40s and a teenage boy were killed.", {("killed", 2)}),
    ("Police say a 6 y/o girl was shot in the arm.", {("wounded", 1)}),
])
def test_ages_are_not_counts(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "A passerby was struck by a stray bullet while waiting for a bus.",
    "A delivery driver was hit by gunfire on Elm Street.",
    "Deputies found a 61-year-old man suffering from a gunshot wound to the arm.",
    "Officers located a teenager with a gunshot wound to the hand.",
    "A juvenile was found with gunshot wounds behind the store.",
    "A pregnant woman was shot early Sunday.",
    "Mother shoots daughter in the foot while cleaning rifle",
    "Woman shot in arm outside grocery store",
    "Teen wounded in drive-by on Oak Avenue",
    "17-year-old boy shot near high school",
    "A 30-year-old man was taken to a hospital with non-life-threatening injuries.",
    "Springfield man wounded in drive-by",
    "Man, 25, shot on porch",
    "6-year-old shoots 9-year-old with father's pistol",
])
def test_one_person_wounded(text, nlp, kb):
    assert totals(text, nlp, kb) == {("wounded", 1)}


@pytest.mark.parametrize("text", [
    "Marcus Reed, 16, died Tuesday after being shot in the chest Sunday.",
    "Police said 19-year-old Ana Lopez was pronounced dead at the scene.",
    "The 9-year-old boy who died of a gunshot wound was identified on Friday.",
    "His two-year-old daughter was killed by a stray round.",
    "A teenager was killed during an exchange of gunfire.",
    "A 14-year-old girl who was shot at a party on Saturday has died.",
    "A man who was wounded in the shooting later died at the hospital.",
    "A boy was shot in the head Friday and died Sunday.",
    "A woman shot outside her home succumbed to her injuries on Monday.",
    "Father kills son in hunting accident",
    "The shooting claimed the life of 20-year-old Tom Baker.",
    "16-year-old girl shot, killed near park",
    "Teenager shot in the head, killed outside store",
    "Girl, 12, fatally shot at birthday party",
    "Springfield teen shot in the chest dies",
    "Medics pronounced the driver dead at the scene.",
    "The coroner pronounced 44-year-old Ray Diaz of Easton dead on Sunday.",
    "Police charged a man with murder on Thursday in connection with the fatal shooting on Oak Street.",
    "Detectives have yet to say whether the deadly shooting was an accident.",
    "Police are still investigating the shooting death on Maple Avenue.",
])
def test_one_person_killed(text, nlp, kb):
    assert totals(text, nlp, kb) == {("killed", 1)}


@pytest.mark.parametrize("text, expected", [
    ("Officers found 17-year-old Leo Grant dead and another man wounded.", {("killed", 1), ("wounded", 1)}),
    ("Deputies found a woman dead and a man wounded in the kitchen.", {("killed", 1), ("wounded", 1)}),
    ("Searchers recovered the bodies of 8-year-old Mia Chen and 40-year-old Paul Chen.", {("killed", 2)}),
    ("Kevin Hart, 21, and Luis Ortega, 24, died at the scene.", {("killed", 2)}),
    ("Uncle Sam Price, 61, cousin Lee Price, 30, were pronounced dead at the scene.", {("killed", 2)}),
    ("Seven people were killed in three unrelated weekend shootings.", set()),
    ("A 5-year-old girl and a 30-year-old woman were shot on the porch.", {("wounded", 2)}),
    ("A mother and her 7-year-old son were found dead inside the home.", {("killed", 2)}),
    ("Two men and a boy were wounded outside the store.", {("wounded", 3)}),
    ("They found two dead victims and two injured men in the house.", {("killed", 2), ("wounded", 2)}),
    ("Another victim, a 37-year-old man, was shot in the leg.", {("wounded", 1)}),
    ("Five people were hurt in the shooting, one seriously.", {("wounded", 5)}),
    ("Three people were injured, including a 16-year-old who later died.", {("killed", 1), ("wounded", 2)}),
    ("One of the three victims died at the hospital.", {("killed", 1)}),
    ("One of four men shot outside the club has died.", {("killed", 1)}),
    ("Two of the three brothers were killed.", {("killed", 2)}),
    ("Police named one of the two people who died in the crash of gunfire.", {("killed", 2)}),
    ("Detectives identified one of the three men killed on Friday.", {("killed", 3)}),
    ("Police said one of the two women shot was in surgery.", {("wounded", 2)}),
    ("Two officers from Precinct 7 were shot.", set()),   # a named group, no total; 7 is the precinct
    ("Two other victims, a 30-year-old man and a 12-year-old girl, were taken to hospitals.", {("wounded", 2)}),
    ("Police said three people, a man, a woman and a teenager, were wounded.", {("wounded", 3)}),
    ("Three men, 19, 22 and 30, were shot outside the club.", {("wounded", 3)}),
    ("Two of the victims, women aged 28 and 27, were taken to hospitals.", {("wounded", 2)}),
    ("The gun went off, fatally wounding his younger brother.", {("killed", 1)}),
    ("Four others, a 20-year-old woman and three men, ages 19 to 31, were treated for wounds.", {("wounded", 4)}),
    ("Two teens were treated and released from a local hospital.", {("wounded", 2)}),
])
def test_groups_and_lists(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "A man who was shot on Friday has died, police said.",
    "A teenager shot in the back on Main Street has died.",
    "The two children were taken to a hospital, where they died.",
    "Two men were shot and both died.",
])
def test_shot_then_died_is_a_death_only(text, nlp, kb):
    assert {f for f, _ in totals(text, nlp, kb)} == {"killed"}


@pytest.mark.parametrize("text", [
    "Seven people were shot in four separate shootings over the weekend.",
    "Accidental shootings wound dozens of children every year.",
    "In the past three weeks, six people have been killed in the county.",
    "Ninety people have been shot in the first 50 days of the year.",
    "Twenty people were wounded in several Fourth of July shootings across the city.",
    "Three shootings kill five in four-hour span",
    "Eleven shot, three dead in less than 30 hours in the city",
    "Shootings on the South Side left one dead and another wounded since Sunday, police said.",
    "Two attacks on army posts killed 15 soldiers, the ministry said.",
])
def test_counts_over_several_incidents_are_not_an_incident_figure(text, nlp, kb):
    assert totals(text, nlp, kb) == set()


def test_a_negation_after_the_casualty_word_is_not_about_it(nlp, kb):
    text = "The brother of a man charged in the killing of his neighbor will not be charged."
    assert totals(text, nlp, kb) == {("killed", 1)}


def test_a_named_person_is_counted_only_as_a_casualty(nlp, kb):
    assert totals("Dana Ruiz, 29, and Eli Stone, 33, were arrested on Monday.", nlp, kb) == set()
    assert totals("Dana Ruiz, 29, of Millbrook, was shot in the hand.", nlp, kb) == {("wounded", 1)}


@pytest.mark.parametrize("text", [
    "A man was shot in the arm and could have died, doctors said.",
    "A teenager was shot Sunday and nearly died.",
    "Two women were wounded but did not die.",
])
def test_a_death_that_did_not_happen_leaves_the_wound(text, nlp, kb):
    assert {f for f, _ in totals(text, nlp, kb)} == {"wounded"}


@pytest.mark.parametrize("text", [
    "An officer was killed in the exchange. The 45-year-old suspect suffered a non-fatal gunshot wound.",
    "One man died at the scene. A second man suffered non-life-threatening gunshot wounds.",
])
def test_a_survivor_beside_a_death_stays_wounded(text, nlp, kb):
    assert ("wounded", 1) in totals(text, nlp, kb)


def _groups(text: str, nlp, kb) -> set[tuple[str, str, int]]:
    document = Document(id="t", name="phrasing-doc", text=text, source="test")
    return {(c.figure, c.group, c.value) for c in extract_claims(nlp(text), document, kb)}


@pytest.mark.parametrize("text, expected", [
    ("Soldier killed in overnight shelling near the border", {("killed", "security_forces", 1)}),
    # one officer and no other wound: one person hurt, beside the group
    ("Police officer wounded in ambush", {("wounded", "security_forces", 1), ("wounded", "total", 1)}),
    ("Karim Haddad, 45, a local resident, was killed in the strike.", {("killed", "total", 1)}),
])
def test_headline_and_apposed_people_keep_their_group(text, expected, nlp, kb):
    assert _groups(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "A woman fatally shot her husband at their home on Sunday, police said.",
    "Deputies said a man accidentally shot his neighbor while cleaning a rifle.",
])
def test_the_shooter_is_not_the_casualty(text, nlp, kb):
    document = Document(id="t", name="phrasing-doc", text=text, source="test")
    claims = extract_claims(nlp(text), document, kb)
    assert [(c.group, c.value) for c in claims if c.group != "total"] == []   # not "women 1", "men 1"
    assert len({(c.figure, c.value) for c in claims if c.group == "total"}) == 1


def test_ages_listed_after_people_are_not_added_up(nlp, kb):
    text = "The other victims, two females, 28 and 27, and one male, 24, were taken to area hospitals."
    assert all(v <= 3 for _, v in totals(text, nlp, kb))


def test_a_death_by_other_means_is_not_taken_from_the_people_shot(nlp, kb):
    text = ("Four people were shot after a party on Sunday, police said. In another part of town, an elderly "
            "woman was killed when she smashed her car into a pillar.")
    assert ("wounded", 4) in totals(text, nlp, kb)
    died = "Four people were shot after a party on Sunday, police said. One of them died at the hospital."
    assert ("wounded", 3) in totals(died, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A man shot and killed his wife and two children before turning the gun on himself.", 4),
    ("Police say a man killed his estranged wife and then himself on Sunday.", 2),
    ("The man killed two neighbors before killing himself.", 3),
    ("A woman fatally shot her husband, then took her own life.", 2),
    ("Four people were killed, including the gunman, who shot himself.", 4),     # counted already
    ("Three people died in the house before the shooter killed himself, police said.", 4),
    ("Two were killed and one hurt after a man fired on his family, then turned the gun on himself.", 3),
])
def test_a_killer_who_dies_by_his_own_hand_is_counted(text, expected, nlp, kb):
    assert ("killed", expected) in totals(text, nlp, kb)
    assert not any(f == "killed" and v > expected for f, v in totals(text, nlp, kb))
