"""The incident's date when its reports disagree: a day a text states beats a report's publication day."""
from __future__ import annotations

from test_reconcile import mention, reconcile_all

from sitrep.extract.dates import PUBLICATION_DATE
from sitrep.records import EventDate


def day(value: str, text: str) -> EventDate:
    return EventDate(value, "day", value, value, text)


def test_a_stated_day_beats_a_publication_day_taken_for_want_of_one():
    # one report says the shooting was "early Saturday"; the other gives no day and was published on Friday
    stated = mention("local-paper", date=day("2016-05-14", "early Saturday"), published="2016-05-14")
    fallback = mention("tv-site", date=day("2016-05-13", PUBLICATION_DATE), published="2016-05-13")
    for order in ([stated, fallback], [fallback, stated]):
        assert reconcile_all(order).date.value == "2016-05-14"


def test_two_stated_days_still_go_to_the_one_most_reports_give():
    reports = [mention(f"paper-{n}", date=day("2016-05-14", "Saturday")) for n in range(2)]
    other = mention("tv-site", date=day("2016-05-13", "Friday night"))
    assert reconcile_all([*reports, other]).date.value == "2016-05-14"


def test_a_day_named_outright_beats_one_told_relative_to_another_happening():
    # a follow-up dates the shooting "the day before" the arrest it is about; the first report names the day
    for relative in ("the day before", "the previous day", "two days after", "a week earlier"):
        named = mention("local-paper", date=day("2016-03-20", "Sunday night"), published="2016-03-21")
        told = mention("tv-site", date=day("2016-03-19", relative), published="2016-03-25")
        assert reconcile_all([named, told]).date.value == "2016-03-20", relative


def test_a_time_beside_the_named_day_is_not_a_relative_day():
    # "just after 11 p.m. Friday" and "earlier this month" name their day; the earliest of two named days stays
    for text in ("just after 11 p.m. Friday", "shortly before midnight Friday", "earlier Friday"):
        first = mention("local-paper", date=day("2016-03-18", text))
        second = mention("tv-site", date=day("2016-03-19", "Saturday"))
        assert reconcile_all([first, second]).date.value == "2016-03-18", text


def test_three_reports_on_three_days_go_to_the_middle_one():
    # "yesterday" read against a late copy's date, a stated calendar day, and "yesterday" read against an early one
    reports = [mention("early-wire", date=day("2015-01-01", "yesterday")),
               mention("city-paper", date=day("2015-01-02", "Jan. 2")),
               mention("weekly", date=day("2015-01-03", "yesterday"))]
    for order in (reports, reports[::-1]):
        assert reconcile_all(order).date.value == "2015-01-02"


def test_reports_that_mention_the_incident_in_passing_break_a_tie_between_two_days():
    # two reports of the shooting disagree; a later story about the funeral recalls the day in passing
    first = mention("local-paper", date=day("2016-06-28", "Tuesday"))
    second = mention("tv-site", date=day("2016-06-29", "Wednesday"))
    recalled = mention("funeral-story", role="mention", date=day("2016-06-29", "June 29"))
    assert reconcile_all([first, second, recalled]).date.value == "2016-06-29"
    assert reconcile_all([first, second]).date.value == "2016-06-28"


def test_a_later_passage_of_a_report_whose_lead_gives_an_older_day_breaks_the_tie():
    # the lead recalls an earlier robbery on "May 25"; further down the same report tells of Wednesday's shooting
    lead = mention("local-paper", date=day("2016-05-25", "May 25"))
    passage = mention("local-paper", role="mention", index=1, date=day("2016-06-29", "Wednesday"))
    other = mention("tv-site", date=day("2016-06-29", "Wednesday"))
    assert reconcile_all([lead, passage, other]).date.value == "2016-06-29"
