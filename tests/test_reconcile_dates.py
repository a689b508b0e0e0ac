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
