"""The main event's day in US local news: holidays, statement days, arrests and the day a report names the
attack by. Sentences are written for these tests, in several phrasings each."""
from __future__ import annotations

import pytest

from sitrep.extract.dates import PUBLICATION_DATE, resolve_date
from sitrep.extract.holidays import holiday_date
from sitrep.extract.document_dates import find_dates
from sitrep.extract.event_dates import in_header, main_event_date, names_event, statement_date
from sitrep.extract.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def _day(nlp, text: str, published: str) -> str | None:
    return main_event_date(nlp(text), published).value


# ---- holidays ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, year, expected", [
    ("New Year's Eve", 2016, "2016-12-31"), ("New Years Eve", 2016, "2016-12-31"),
    ("New Year’s Day", 2017, "2017-01-01"),
    ("Valentines Day", 2016, "2016-02-14"), ("St. Patrick's Day", 2016, "2016-03-17"),
    ("Christmas Eve", 2015, "2015-12-24"), ("Christmas", 2015, "2015-12-25"), ("Christmas Day", 2014, "2014-12-25"),
    ("Fourth of July", 2016, "2016-07-04"), ("Halloween", 2013, "2013-10-31"),
    ("Thanksgiving", 2016, "2016-11-24"), ("Thanksgiving Day", 2015, "2015-11-26"),
    ("Black Friday", 2016, "2016-11-25"),
    ("Memorial Day", 2016, "2016-05-30"), ("Labor Day", 2015, "2015-09-07"), ("Easter Sunday", 2016, "2016-03-27"),
    ("Mother's Day", 2017, "2017-05-14"), ("Father's Day", 2016, "2016-06-19"),
])
def test_a_holiday_falls_on_its_day_of_the_year(name, year, expected):
    assert holiday_date(name, year).isoformat() == expected


@pytest.mark.parametrize("expression, published, expected", [
    ("New Year's Eve", "2017-01-02", "2016-12-31"),       # the one just past, across the new year
    ("Christmas", "2016-12-28", "2016-12-25"),
    ("Thanksgiving night", "2016-11-27", "2016-11-24"),
    ("the day after Thanksgiving", "2016-11-30", "2016-11-25"),
    ("Easter Sunday 2014", "2016-05-02", "2014-04-20"),     # a stated year wins
])
def test_a_holiday_resolves_to_its_latest_occurrence(expression, published, expected):
    assert resolve_date(expression, published).value == expected


def test_a_holiday_still_to_come_or_a_holiday_weekend_is_not_one_day():
    assert resolve_date("Halloween", "2016-10-29").precision == "unknown"     # the coming one
    weekend = resolve_date("Memorial Day weekend", "2016-06-02")
    assert weekend.precision == "week" and weekend.earliest <= "2016-05-30" <= weekend.latest
    assert resolve_date("New Year's Eve", None).precision == "unknown"        # no publication date: no year


@pytest.mark.parametrize("text", [
    "A man was shot and killed on New Year's Eve outside a bar on Main Street, police said.",
    "Police said a man was fatally shot New Year’s Eve during a party.",
    "A 30-year-old man died after he was shot at a party on New Year's Eve.",
])
def test_an_attack_on_a_holiday_is_dated_by_it(nlp, text):
    assert _day(nlp, text, "2017-01-03") == "2016-12-31"


def test_a_holiday_named_as_a_purpose_dates_nothing(nlp):
    text = ("The boy was home for Thanksgiving when he was shot outside his grandmother's house, police said. "
            "He was shot Saturday night.")
    assert [m.text for m in find_dates(nlp(text), "2016-11-29")] == ["Saturday night"]
    gift = "The boy was showing his friends a rifle he got for Christmas when it went off on Tuesday."
    assert all("Christmas" not in m.text for m in find_dates(nlp(gift), "2017-01-04"))


# ---- statement days --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("On Wednesday, the sheriff's office said deputies found the body of a man who had been shot.", "Wednesday"),
    ("The victim died. On Monday, the police chief announced that a suspect was in custody.", "Monday"),
    ("A motive for the killings remained unclear Monday.", "Monday"),
    ("The gunman, who was still at large Sunday, fled in a gray car.", "Sunday"),
    ("A boy remained hospitalized Friday after he was shot in the leg.", "Friday"),
    ("The sheriff told The Denver Post on Tuesday that the shooting was an accident.", "Tuesday"),
    ("A police update Monday included photos of the car.", "Monday"),
])
def test_the_day_a_state_or_a_statement_is_told_is_not_the_event_day(text, word):
    start = text.index(word)
    assert statement_date(text, start, start + len(word))


@pytest.mark.parametrize("text, word", [
    # an hour, or a passive report, times the event itself
    ("On Monday around 10:30 p.m., his family says, the gun went off in his hands.", "Monday"),
    ("The shooting was reported at about 10:30 p.m. Saturday at a home on Oak Street, officials said.",
     "about 10:30 p.m. Saturday"),
    ("On January 12 at about 10 p.m., neighbors reported hearing gunshots.", "January 12"),
    # the date ends the attack's own phrase
    ("The family of a baby shot during a road-rage incident Sunday said the bullet missed her spine.", "Sunday"),
    ("The suspect in the shooting of two teenage girls on Friday told police he planned it.", "Friday"),
    # "It happened around 6 p.m. Monday": the period of "p.m." ends no sentence
    ("It happened around 6 p.m. Monday on Wingfoot Way. Investigators said the boy shot himself.", "Monday"),
])
def test_the_day_of_the_event_is_not_taken_for_a_statement_day(text, word):
    start = text.index(word)
    assert not statement_date(text, start, start + len(word))


def test_a_dateline_date_in_brackets_is_the_article_date():
    text = "FRANKLIN (Feb. 4, 2014) – Authorities believe the man knew he was going to die."
    start = text.index("Feb. 4, 2014")
    assert in_header(text, start, start + len("Feb. 4, 2014"))


# ---- the day an article names its attack by ---------------------------------------------------------------

@pytest.mark.parametrize("text, word", [
    ("Prosecutors charged a woman in connection with Monday night's shooting of her granddaughter.", "Monday"),
    ("Court documents describe Friday’s triple murder in detail.", "Friday"),
    ("Four men were indicted for the June 15 shooting that left a girl dead.", "June 15"),
    ("Police said the Nov. 22 shootout during a block party wounded 17 people.", "Nov. 22"),
    ("Two gang members are accused in the May 10 home invasion.", "May 10"),
])
def test_a_date_qualifying_the_attack_names_it(text, word):
    assert names_event(text, text.index(word) + len(word))


@pytest.mark.parametrize("text, word", [
    ("A woman was charged with murder Friday after shooting her son.", "Friday"),
    ("Police said Tuesday the shooting was an accident.", "Tuesday"),
])
def test_a_date_followed_by_other_words_does_not_name_the_attack(text, word):
    assert not names_event(text, text.index(word) + len(word))


def test_a_follow_up_is_dated_by_the_attack_it_names(nlp):
    text = ("A man was sentenced Wednesday to 40 years in prison.\n\n"
            "A jury convicted him last month for the March 3 shooting that killed a store clerk.")
    assert _day(nlp, text, "2016-09-14") == "2016-03-03"


# ---- when no sentence reporting the attack carries a day ------------------------------------------------

def test_a_day_told_before_the_attack_is_told_dates_it(nlp):
    text = ("Last night around 11:40 p.m. the sheriff's department received an alert about a stolen car.\n\n"
            "The car had been taken at gunpoint, and the driver was shot in the arm during the chase.")
    assert _day(nlp, text, "2017-02-08") == "2017-02-07"


def test_an_arrest_day_bounds_an_undated_attack(nlp):
    text = ("A man has been arrested in the shooting of a 10-year-old girl.\n\n"
            "Officers said he was arrested Friday just after noon at a relative's home.")
    assert _day(nlp, text, "2017-02-19") == "2017-02-17"


def test_a_statement_day_bounds_an_undated_attack(nlp):
    text = ("A man was shot in the leg outside a convenience store, police said Monday.\n\n"
            "He is expected to survive.")
    assert _day(nlp, text, "2016-03-16") == "2016-03-14"


def test_without_any_day_the_publication_day_stands(nlp):
    text = "A man was shot in the leg outside a convenience store, police said. He is expected to survive."
    found = main_event_date(nlp(text), "2016-03-16")
    assert (found.value, found.text) == ("2016-03-16", "publication date")


def test_a_day_counted_from_the_one_before_it_dates_the_attack(nlp):
    text = ("The man was held by police in Mexico on Sunday — a day after police said he shot and killed his wife "
            "and daughters.")
    assert _day(nlp, text, "2016-06-16") == "2016-06-11"


# ---- follow-ups ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, published, expected", [
    ("Seven gang members face charges after a family was shot in May, officials said.\n\n"
     "Two of them were charged Tuesday with attempted murder.\n\n"
     "According to the indictment, the men on May 7 opened fire on four members of one family.",
     "2015-08-04", "2015-05-07"),
    ("A forensic psychologist was appointed Thursday to evaluate a teenager accused of fatally shooting a friend "
     "in March.\n\nPolice said the boy shot his friend, 13, in a home on March 20.", "2016-08-18", "2016-03-20"),
])
def test_a_follow_up_naming_its_attack_by_the_month_is_dated_by_the_day_inside_it(nlp, text, published, expected):
    assert _day(nlp, text, published) == expected


def test_a_court_day_told_outside_the_event_sentences_dates_nothing(nlp):
    text = ("The last of four men charged in a fatal bar shooting pleaded guilty.\n\n"
            "He entered guilty pleas in county court on Tuesday morning.\n\n"
            "He had been charged with murder for killing a man outside the bar.")
    assert main_event_date(nlp(text), "2017-01-24").text == PUBLICATION_DATE


def test_the_date_of_an_embedded_post_is_not_the_event_day():
    text = "Police return to the scene — Jane Reporter (@janereporter) May 30, 2016"
    start = text.index("May 30, 2016")
    assert in_header(text, start, start + len("May 30, 2016"))


def test_a_holiday_naming_a_kind_of_party_dates_nothing(nlp):
    text = "Two women were killed at a Halloween party over the weekend, police said."
    assert all("Halloween" not in m.text for m in find_dates(nlp(text), "2016-10-31"))
