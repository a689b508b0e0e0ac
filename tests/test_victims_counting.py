"""How many people a sentence counts when it tells them in pieces: people added with "also",
"another", "along with"; a shooter who is the one who died; a list of names; lists of people in a
headline; gunshot victims and hospital patients, hurt but alive unless the text says they died.
Every sentence here is written for these tests, several phrasings per rule."""
from __future__ import annotations

import pytest

from sitrep.extract.claims import extract_claims
from sitrep.records import Document


def claims_of(text: str, nlp, kb) -> set[tuple]:
    """(figure, group, value) of the document's claims, with the subset when there is one."""
    document = Document(id="t", name="counting-doc", text=text, source="test")
    return {(c.figure, c.group, c.value) + ((c.subset,) if c.subset else ())
            for c in extract_claims(nlp(text), document, kb)}


def totals(text: str, nlp, kb) -> set[tuple[str, int]]:
    return {(c[0], c[2]) for c in claims_of(text, nlp, kb) if c[1] == "total" and len(c) == 3}


@pytest.mark.parametrize("text, expected", [
    ("A 4-year-old boy was seriously wounded in a shooting that also injured a woman.", {("wounded", 2)}),
    ("A 12-year-old girl remained in critical condition after a shooting that also wounded three other people.",
     {("wounded", 4)}),
    ("The gunman stopped at a bank, killing two people, then drove to a diner, killing another person.",
     {("killed", 3)}),
    ("Two men were shot near the park and a woman was also wounded.", {("wounded", 3)}),
    ("Jane Roe, 17, was shot along with a 16-year-old boy and a 21-year-old man after a fight broke out.",
     {("wounded", 3)}),
])
def test_people_told_as_more_add_up(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "A teenager shot on her porch has died. A man, identified as Tom Roe, was also shot and is expected to live.",
    "One man was killed in the robbery. A second customer was also shot and remains in stable condition.",
])
def test_someone_also_shot_is_not_one_of_the_dead(text, nlp, kb):
    assert ("wounded", 1) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A 3-year-old boy died Sunday after accidentally shooting himself with a pistol.", 1),
    ("A Springfield man has died after he accidentally shot himself while cleaning a rifle.", 1),
    ("A 4-year-old girl died Monday after deputies say she found her mother's handgun and shot herself.", 1),
    ("Toddler dies after accidentally shooting himself", 1),
    ("A 70-year-old woman died after shooting herself in her garage, deputies said.", 1),
    ("A man killed his wife before turning the gun on himself.", 2),
    ("Four people were shot dead by a man who later shot himself.", 5),
    ("Father kills two children, then fatally shoots self", 3),
    ("Two boys killed, father commits suicide", 3),
    ("Three people died in the house before the shooter killed himself, police said.", 4),
])
def test_the_dead_who_shot_themselves_are_not_counted_twice(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text, expected", [
    ("Four men playing cards were shot and one was killed overnight.", {("killed", 1), ("wounded", 3)}),
    ("Three people were shot and two of them died.", {("killed", 2), ("wounded", 1)}),
    ("Five people were shot and a woman died at the hospital.", {("killed", 1), ("wounded", 4)}),
    ("A man was shot in the arm and pronounced dead at the hospital.", {("killed", 1)}),
    ("Two people were shot and killed.", {("killed", 2)}),
])
def test_a_death_told_of_others_after_and_is_not_the_whole_group(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Woman and 5-year-old child injured in shooting", {("wounded", 2)}),
    ("Man and teen shot outside store", {("wounded", 2)}),
    ("Boy and his grandmother wounded in drive-by", {("wounded", 2)}),
    ("Man, woman shot in Hartford", {("wounded", 2)}),
    ("Woman, 3 teenage daughters shot in apartment", {("wounded", 4)}),
    ("2 Girls, 2 Men Shot At Birthday Party", {("wounded", 4)}),
])
def test_a_headline_list_of_people(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Parish fired several shots, killing Sarah Dale at the scene and injuring Leanne Smith and Dustin Grey.",
     {("killed", "total", 1, "named"), ("wounded", "total", 2, "named")}),
    ("Rob Smith, Ann Jones and Tim Brown all suffered gunshot wounds.", {("wounded", "total", 3, "named")}),
    ("Mary Lane and Joe Hart were wounded in the crossfire.", {("wounded", "total", 2, "named")}),
])
def test_a_list_of_names_counts_its_people(text, expected, nlp, kb):
    assert claims_of(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Mayor Jane Roe and Chief Tom Cole said the city was safe.",
    "Officers Pat Doyle and Sam Kerr arrested the driver after a chase.",
    "Police said Burnsworth shot James Robert \u201cJ.R.\u201d Gustafson, 13, in a home on March 20.",
])
def test_names_without_a_casualty_of_their_own_are_not_counted_twice(text, nlp, kb):
    assert all(value <= 1 for _, _, value, *_ in claims_of(text, nlp, kb))


@pytest.mark.parametrize("text, expected", [
    ("Police said two other gunshot victims were treated and released.", {("wounded", 2)}),
    ("Gunfire struck a teenager and two others outside the store.", {("wounded", 3)}),
    ("The man fired several rounds into the house, striking a mother and her adult son.", {("wounded", 2)}),
    ("The gunman opened fire on the party, wounding five partygoers.", {("wounded", 5)}),
    ("A gunman killed four people and wounded two others, and a 64-year-old suspect is being sought.",
     {("killed", 4), ("wounded", 2)}),
    ("Police said a 26 yr old man was in critical condition.", {("wounded", 1)}),
])
def test_more_ways_to_say_people_were_hurt(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    # taken to hospital: hurt, and alive unless the text says otherwise
    ("Two people were taken to a hospital after the shooting. One of them later died.",
     {("killed", 1), ("wounded", 1)}),
    ("Three men were rushed to area hospitals. Police said all three are expected to survive.", {("wounded", 3)}),
])
def test_people_taken_to_hospital_are_hurt_unless_they_died(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "The violence followed a weekend that saw at least 40 people shot across the city.",
    "Citywide, 12 people were wounded by gunfire on Saturday.",
    "A spokesperson told News 3 the child has since been moved to another hospital.",
])
def test_tallies_and_station_names_are_not_counts(text, nlp, kb):
    assert not {v for f, v in totals(text, nlp, kb) if v > 1}


@pytest.mark.parametrize("text, expected", [
    ("A girl died and her mother remains in the hospital, police said.", {("killed", 1), ("wounded", 1)}),
    ("One man was killed. Two others were taken to a hospital with non-life-threatening injuries.",
     {("killed", 1), ("wounded", 2)}),
])
def test_people_still_in_hospital_are_alive(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("A police officer was shot in the leg during a traffic stop.", {("wounded", 1)}),
    ("Deputy wounded while serving a warrant; suspect in custody", {("wounded", 1)}),
    ("An officer suffered a graze wound to the arm.", {("wounded", 1)}),
    # a count of a side's forces stays a group: it is part of a larger toll
    ("Seven soldiers were wounded in the attack.", set()),
    ("A soldier was wounded and two civilians were injured.", set()),
])
def test_one_officer_hurt_and_no_one_else_is_one_person_hurt(text, expected, nlp, kb):
    assert {t for t in totals(text, nlp, kb) if t[0] == "wounded"} == expected


@pytest.mark.parametrize("text", [
    "Police were called to the motel at noon. The officer was taken by fellow officers to Northside Memorial "
    "Hospital.",
    "The shooting happened at the jail. The deputy was flown to St. Mary Regional Hospital, officials said.",
])
def test_one_person_taken_to_a_named_hospital(text, nlp, kb):
    assert totals(text, nlp, kb) == {("wounded", 1)}


@pytest.mark.parametrize("text, expected", [
    ("Police found four victims wounded, two of them already dead.", {("killed", 2), ("wounded", 2)}),
    ("Three people were wounded, one of whom later died.", {("killed", 1), ("wounded", 2)}),
    ("A man died Tuesday night after he and four others were shot in front of a home.",
     {("killed", 1), ("wounded", 4)}),
    ("A 12-year-old was in critical condition Tuesday after he and two others were shot.", {("wounded", 3)}),
    ("Police said Joe Doe, 71, died, and three other men, ages 54, 33 and 26, and a woman, 41, were injured.",
     {("wounded", 4)}),
])
def test_the_dead_among_the_hurt_are_told_apart(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "At least 38 other people were shot in separate attacks dating back to Friday afternoon.",
    "Three people were wounded, one critically, between two shootings Monday, police said.",
])
def test_counts_over_several_attacks_are_not_an_incident(text, nlp, kb):
    assert not totals(text, nlp, kb)


@pytest.mark.parametrize("text", [
    "A man was charged with killing his roommate with a baseball bat. Four people were shot Sunday after a party.",
    "Police said a woman was strangled in a separate case. Four people were shot at the party.",
])
def test_a_death_by_other_means_is_not_one_of_the_shot(text, nlp, kb):
    assert ("wounded", 4) in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("Father kills daughter, self in murder-suicide", 2),
    ("Woman kills 7-year-old son, self, sheriff says", 2),
    ("The gunman killed two people before he was shot dead by officers.", 3),
    ("Police said the man killed his neighbor before being fatally shot by a deputy.", 2),
    ("Three people were killed before the shooter was shot and killed by police.", 4),
])
def test_a_shooter_who_dies_too_is_one_more_death(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text", [
    "A man was shot and killed before police arrived.",
    "A woman was killed and two others were hurt before the suspect was arrested.",
])
def test_a_shooter_caught_alive_adds_no_death(text, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == 1


@pytest.mark.parametrize("text, expected", [
    ("Two men were shot on Elm Street. Both died at the scene.", {("killed", 2)}),
    ("Police found two men with gunshot wounds. They were pronounced dead at the scene.", {("killed", 2)}),
    ("Three people were wounded in the attack. They later died at a hospital, police said.", {("killed", 3)}),
    ("Two teenagers were shot outside the store. Both of them died on the way to the hospital.", {("killed", 2)}),
])
def test_the_shot_said_to_die_in_the_next_sentence(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "Two men were shot on Elm Street. They are expected to survive.",
    "Two men were shot on Elm Street. They could have died, the chief said.",
])
def test_the_shot_who_did_not_die_stay_wounded(text, nlp, kb):
    assert totals(text, nlp, kb) == {("wounded", 2)}


@pytest.mark.parametrize("text", [
    "Five adults were accidentally wounded or killed by children with guns last year.",
    "Twelve people were killed or injured in the blast.",
    "The shelling killed or wounded at least 30 people, the monitor said.",
    "The attack left 14 people dead or wounded.",
])
def test_the_dead_and_hurt_told_together_are_neither_count(text, nlp, kb):
    assert not {f for f, v in totals(text, nlp, kb) if f in ("killed", "wounded") and v > 1}


@pytest.mark.parametrize("text, expected", [
    ("Boy, 4, shoots self in leg with grandfather's pistol", {("wounded", 1)}),
    ("Stray bullet grazes woman in her kitchen", {("wounded", 1)}),
    ("Police investigate double shooting on East Side", {("wounded", 2)}),
    ("One dead in triple shooting on Main Street", {("killed", 1), ("wounded", 2)}),
    ("Two men were killed in a double shooting on Friday.", {("killed", 2)}),
    ("The boy is recovering from a gunshot wound at a local hospital.", {("wounded", 1)}),
    ("Police: Youth wounded in accidental shooting", {("wounded", 1)}),
    ("Police: Man shot in leg at gas station", {("wounded", 1)}),
    ("UPDATE: Teen girl killed in drive-by shooting", {("killed", 1)}),
    ("Two youths were shot near the school on Friday.", {("wounded", 2)}),
    ("He died early Saturday after being shot outside a bar.", {("killed", 1)}),
    ("Police said she died Sunday at a local hospital.", {("killed", 1)}),
])
def test_one_person_hurt_or_dead_in_other_words(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text, expected", [
    ("Tom Roe with his two sisters on the night he was killed", 1),
    ("Jane Doe and her three brothers at the park where she was shot dead last year", 1),
])
def test_a_casualty_word_in_a_clause_of_its_own_is_not_the_groups(text, expected, nlp, kb):
    assert max((v for f, v in totals(text, nlp, kb) if f == "killed"), default=0) <= expected


@pytest.mark.parametrize("text, expected", [
    ("Marion County toddler shot in face, remains in critical condition", {("wounded", 1)}),
    ("Teen girl killed in drive-by shooting", {("killed", 1)}),
    ("Teen shot and killed man outside store", {("killed", 1)}),
    ("Mother shot and wounded son, killed herself", {("wounded", 1)}),
    ("Five killed, child wounded in attack", {("killed", 5), ("wounded", 1)}),
    ("2 dead, teen hurt in shooting", {("killed", 2), ("wounded", 1)}),
])
def test_headline_people_in_more_shapes(text, expected, nlp, kb):
    assert totals(text, nlp, kb) == expected


@pytest.mark.parametrize("text", [
    "They found the injured girl, who had been shot in the back.",
    "Wounded teen found outside restaurant dies at hospital",
])
def test_a_casualty_adjective_is_not_a_headline_verb(text, nlp, kb):
    assert ("wounded", 1) not in totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A man was shot outside the bar. A neighbor suffered a cut to his hand when he punched a wall.",
     {("wounded", 1)}),
    ("A man was shot outside the bar. An officer was hurt in a car crash while chasing the suspect.",
     {("wounded", 1)}),
    ("Two women were shot on the porch. A third person was injured by broken glass and treated at the scene.",
     {("wounded", 2)}),
    # a weapon or an attack in the sentence keeps the wound
    ("A man was shot outside the bar. Two people were hurt when they fell during the knife attack.",
     {("wounded", 1), ("wounded", 2)}),
    ("A man was shot at the checkpoint. Two people were hurt by glass when the blast hit.",
     {("wounded", 1), ("wounded", 2)}),
])
def test_hurt_by_a_mishap_is_not_one_of_the_shot(text, expected, nlp, kb):
    assert {t for t in totals(text, nlp, kb) if t[0] == "wounded"} == expected


def test_a_mishap_alone_is_still_a_wound(nlp, kb):
    assert totals("Two people were injured in a car crash on the highway.", nlp, kb) == {("wounded", 2)}


def test_a_tally_between_two_years_is_not_an_incident(nlp, kb):
    assert not totals("Between January 2010 and August 2013, seven people were killed in crashes.", nlp, kb)


@pytest.mark.parametrize("text", [
    "Anytime one of our students is hurt or passes away it has a huge impact on the school.",
    "Whenever a child is shot, the whole neighborhood suffers.",
    "Every time a young man is killed on these streets, his mother grieves.",
])
def test_a_casualty_told_in_general_is_no_claim(text, nlp, kb):
    assert not totals(text, nlp, kb)


@pytest.mark.parametrize("text, expected", [
    ("A man shot and killed his two daughters before turning the gun on himself.", 3),
    ("Police said the gunman killed their three children.", 3),
    ("A man shot and killed his ex-girlfriend's two teenage sons, then turned the gun on himself.", 3),
    ("The suspect killed his wife's brother on Sunday.", 1),
])
def test_a_possessive_before_the_group(text, expected, nlp, kb):
    assert max(v for f, v in totals(text, nlp, kb) if f == "killed") == expected


@pytest.mark.parametrize("text", [
    "Police identify victim killed in Elm Street shooting",
    "Sheriff investigating shooting that killed teen",
    "A 9-year-old boy believed to have accidentally shot himself while playing with a pistol has died.",
    "The neighbor who suffered a gunshot wound in the robbery last week has since died, the coroner said.",
    "Records show the 4-year-old found his uncle's pistol and fatally shot himself.",
    "Deputies went inside and found her dead in the hallway.",
    "The victim, 53-year-old Jane Roe, died on the way to the hospital, police said.",
])
def test_one_death_in_more_words(text, nlp, kb):
    assert {f for f, v in totals(text, nlp, kb) if v == 1} | {c[0] for c in claims_of(text, nlp, kb)} == {"killed"}


def test_the_deaths_of_people_named_by_nouns(nlp, kb):
    assert ("killed", 2) in totals("Police investigate deaths of adult, child as apparent murder-suicide", nlp, kb)
