"""Event dates: resolution against the publication date, precision and bounds, and never an invented date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.dates import (acled_time_precision, date_inconsistency, infer_year_from_weekday, month_only,
                                  publication_date_from_text, resolve_date, ucdp_date_prec)
from sitrep.extract.document_dates import document_year_reference, find_dates
from sitrep.extract.nlp import load_pipeline
from sitrep.records import EventDate

THURSDAY = "2022-02-03"      # a Thursday
SHARED = Path(__file__).parents[2] / "shared"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def consistent(d: EventDate) -> bool:
    """Bounds are set exactly when a value is, and contain it."""
    if d.value is None:
        return d.precision == "unknown" and d.earliest is None and d.latest is None
    lo, hi = date.fromisoformat(d.earliest), date.fromisoformat(d.latest)
    widths = {"day": 10, "week": 10, "month": 7, "year": 4}
    return len(d.value) == widths[d.precision] and lo <= hi and d.earliest[:len(d.value)] <= d.value <= d.latest


@pytest.mark.parametrize("expression, published, value, precision", [
    ("on Tuesday", THURSDAY, "2022-02-01", "day"),
    ("Thursday", THURSDAY, "2022-02-03", "day"),          # the publication day itself
    ("early Thursday", THURSDAY, "2022-02-03", "day"),
    ("late Wednesday night", THURSDAY, "2022-02-02", "day"),
    ("Saturday", THURSDAY, "2022-01-29", "day"),          # never a later day of the same week
    ("last Thursday", THURSDAY, "2022-01-27", "day"),
    ("Monday evening", "2014-01-28", "2014-01-27", "day"),
    ("around 10:30 p.m. Sunday", "2014-02-04", "2014-02-02", "day"),
    ("overnight", THURSDAY, "2022-02-03", "day"),
    ("last night", THURSDAY, "2022-02-02", "day"),
    ("yesterday", THURSDAY, "2022-02-02", "day"),
    ("two days ago", THURSDAY, "2022-02-01", "day"),
    ("this morning", THURSDAY, "2022-02-03", "day"),
    ("Feb. 3, 2022", None, "2022-02-03", "day"),
    ("27 October 2019", None, "2019-10-27", "day"),
    ("Tuesday, January 28, 2014", None, "2014-01-28", "day"),
    ("2021-07-26", None, "2021-07-26", "day"),
    ("August 29", "2024-09-20", "2024-08-29", "day"),
    ("December 30", "2022-01-04", "2021-12-30", "day"),     # the most recent one, in the year before
    ("the 5th of January", THURSDAY, "2022-01-05", "day"),
    ("last week", THURSDAY, "2022-01-24", "week"),
    ("this week", THURSDAY, "2022-01-31", "week"),
    ("late last month", THURSDAY, "2022-01", "month"),
    ("mid-January", THURSDAY, "2022-01", "month"),
    ("earlier this month", THURSDAY, "2022-02", "month"),
    ("in March", THURSDAY, "2021-03", "month"),            # the most recent March not after publication
    ("in January", THURSDAY, "2022-01", "month"),
    ("March 2021", None, "2021-03", "month"),
    ("in 2019", None, "2019", "year"),
    ("late 2017", None, "2017", "year"),
    ("the end of 2017", THURSDAY, "2017", "year"),
    ("last year", THURSDAY, "2021", "year"),
])
def test_resolution(expression, published, value, precision):
    resolved = resolve_date(expression, published)
    assert (resolved.value, resolved.precision) == (value, precision)
    assert resolved.text == expression
    assert consistent(resolved)


PAST_EXPRESSIONS = ["on Tuesday", "early Friday", "Sunday night", "last Monday", "overnight", "last night",
                    "yesterday", "three days ago", "last week", "this week", "the weekend", "late last month",
                    "earlier this month", "mid-March", "in March", "August 29", "29 February", "Friday September 13",
                    "last year", "earlier this year"]


@settings(max_examples=300, deadline=None)
@given(published=st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)),
       expression=st.sampled_from(PAST_EXPRESSIONS))
def test_resolved_past_expressions_are_consistent_and_not_after_publication(published, expression):
    resolved = resolve_date(expression, published.isoformat())
    assert consistent(resolved)
    if resolved.value is not None:
        assert date.fromisoformat(resolved.earliest) <= published


@pytest.mark.parametrize("expression, earliest, latest", [
    ("last week", "2022-01-24", "2022-01-30"),
    ("late last month", "2022-01-21", "2022-01-31"),
    ("mid-January", "2022-01-11", "2022-01-20"),
    ("earlier this month", "2022-02-01", "2022-02-03"),   # not past the publication day
    ("overnight", "2022-02-02", "2022-02-03"),            # the night runs across midnight
    ("in 2019", "2019-01-01", "2019-12-31"),
    ("late 2017", "2017-09-01", "2017-12-31"),
    ("the night of 1-2 February", "2022-02-01", "2022-02-02"),   # a night across two dates
    ("January 20 to 22", "2022-01-20", "2022-01-22"),
    ("between 10 and 12 March 2019", "2019-03-10", "2019-03-12"),  # the stated year, not this one
])
def test_bounds(expression, earliest, latest):
    resolved = resolve_date(expression, THURSDAY)
    assert (resolved.earliest, resolved.latest) == (earliest, latest)


@pytest.mark.parametrize("expression", [
    "on Tuesday", "early Thursday", "last night", "overnight", "yesterday", "last week", "late last month",
    "August 29", "3 February", "in March", "mid-January", "earlier this month", "a day earlier",
    "the previous night", "two days after the raid", "last year",
])
def test_no_publication_date_means_no_guess(expression):
    """Without a publication date nothing relative or year-less resolves: no today's date, no guessed year."""
    resolved = resolve_date(expression, None)
    assert resolved == EventDate(text=expression)
    assert str(date.today().year) not in str(resolved.value)


@pytest.mark.parametrize("expression", ["the weekend ahead", "next Tuesday", "for three days", "a 12-year-old",
                                        "later this week", "next month"])
def test_not_resolved_with_publication_either(expression):
    assert resolve_date(expression, THURSDAY).value is None or "weekend" in expression


def test_future_weekday_is_not_resolved():
    assert resolve_date("next Tuesday", THURSDAY).value is None


@pytest.mark.parametrize("expression", ["Friday", "early Friday", "on Friday morning"])
def test_the_weekday_after_the_publication_day_is_not_six_days_back(expression):
    # a story dated Thursday that says "Friday" was updated past its date stamp or tells a step to come
    resolved = resolve_date(expression, THURSDAY)
    assert resolved.value is None and resolved.text == expression
    assert resolve_date("last Friday", THURSDAY).value == "2022-01-28"


@pytest.mark.parametrize("text, arrest, attack", [
    ("A man was arrested Thursday on a murder charge, a day after he shot his neighbour.", "2022-02-03", "2022-02-02"),
    ("Police detained two suspects on Wednesday, two days after the shooting at the mall.", "2022-02-02", "2022-01-31"),
    ("The victim died on Tuesday, three days after he was stabbed outside a bar.", "2022-02-01", "2022-01-29"),
])
def test_days_after_in_the_same_sentence_date_the_earlier_event(nlp, text, arrest, attack):
    mentions = find_dates(nlp(text), THURSDAY)
    assert [m.date.value for m in mentions] == [arrest, attack]
    assert "after" in mentions[1].date.text


def test_days_after_an_event_told_before_count_forward(nlp):
    text = "The raid happened on Monday. Two days after the raid, protesters gathered in the square."
    assert [m.date.value for m in find_dates(nlp(text), THURSDAY)] == ["2022-01-31", "2022-02-02"]


def test_weekday_fixes_the_year():
    assert infer_year_from_weekday(9, 13, 4, date(2026, 1, 1)) == 2024      # Friday 13 September
    assert infer_year_from_weekday(9, 13, 4, date(2024, 9, 12)) == 2019     # not after the reference
    assert infer_year_from_weekday(2, 30, 0, date(2024, 1, 1)) is None      # no such day
    friday = resolve_date("Friday September 13", None)
    assert (friday.value, friday.precision) == ("2024-09-13", "day")
    assert resolve_date("Friday, September 13", "2022-02-03").value == "2019-09-13"


def test_bare_day_month_gets_the_year_of_a_weekday_dated_sentence():
    reference = document_year_reference(["August 29", "Friday September 13", "2017"], None)
    assert reference == "2024-09-13"
    assert resolve_date("August 29", None, year_reference=reference).value == "2024-08-29"
    assert document_year_reference(["August 29", "27 October 2019"], None) is None   # a stated year is background


@pytest.mark.parametrize("expression, value", [
    ("two days after the raid", "2024-08-31"),
    ("a day earlier", "2024-08-28"),
    ("three days later", "2024-09-01"),
    ("the next day", "2024-08-30"),
    ("the previous night", "2024-08-28"),
    ("a week later", "2024-09-05"),
])
def test_relative_to_anchor(expression, value):
    anchor = resolve_date("Aug 29, 2024", None)
    resolved = resolve_date(expression, None, anchor)
    assert resolved.value == value and resolved.precision == "day" and consistent(resolved)


def test_relative_to_unknown_or_coarse_anchor_stays_unknown():
    assert resolve_date("a day earlier", "2024-03-05", EventDate(text="on Tuesday")).value is None
    assert resolve_date("two days later", "2024-03-05", resolve_date("in 2017", None)).value is None


def test_find_dates_in_a_lead(nlp):
    text = ("Gunmen opened fire on a checkpoint overnight, killing two soldiers, officials said Thursday. "
            "A similar attack on Oct. 31, 2019 killed four. Police arrested a suspect the previous night.")
    mentions = find_dates(nlp(text), THURSDAY)
    by_text = {m.text: m.date for m in mentions}
    assert by_text["overnight"].value == "2022-02-03"
    assert by_text["Thursday"].value == "2022-02-03"
    assert by_text["Oct. 31, 2019"].value == "2019-10-31"
    assert by_text["the previous night"].value == "2019-10-30"     # anchored on the nearest earlier date
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(consistent(m.date) for m in mentions)


def test_find_dates_drops_ages_and_durations(nlp):
    text = "A 17-year-old was shot during a ten-day siege that lasted two hours on Monday."
    assert [m.text for m in find_dates(nlp(text), THURSDAY)] == ["Monday"]


def test_find_dates_uses_weekday_dated_sentence_for_bare_dates(nlp):
    text = ("The raid was carried out on August 29 in the west. The army announced on Friday September 13 that "
            "it had killed four leaders. Two days after the raid, seven soldiers were wounded.")
    by_text = {m.text: m.date.value for m in find_dates(nlp(text), None)}
    assert by_text["August 29"] == "2024-08-29"
    assert by_text["Friday September 13"] == "2024-09-13"
    assert by_text["Two days after the raid"] == "2024-08-31"


@pytest.mark.parametrize("text, published", [
    ("Published February 3, 2022\nThe army said ...", "2022-02-03"),
    ("Feb 3, 2022 10:15 AM\nATMEH, Syria — ...", "2022-02-03"),
    (" date 2022-02-03 ATMEH, Syria (NewsNation Now) — The leader ...", "2022-02-03"),
    ("Teen charged Posted: Tuesday, January 28, 2014 8:18 PM EST Updated: Friday, February 28, 2014", "2014-01-28"),
    ("By Jane Doe | Updated 3 March 2021\nText", "2021-03-03"),
    ("US President greets the Prime Minister at the White House. 26 July, 2021. (Photo credit: Reuters)", None),
    ("Published\nUpdated\nReading time: 1 min\nThe raid was carried out on August 29.", None),
    ("The raid on February 3, 2022 killed the leader of the group, officials said in a long statement.", None),
    ("Police said on Tuesday that ...", None),
])
def test_publication_date_from_text(text, published):
    assert publication_date_from_text(text) == published


def test_date_inconsistency():
    raid = resolve_date("3 February 2022", None)
    assert date_inconsistency(EventDate(text="4 January"), raid)               # year unknown: closest year
    assert date_inconsistency(resolve_date("4 January 2022", None), raid)
    assert not date_inconsistency(resolve_date("February 4, 2022", None), raid)
    assert not date_inconsistency(EventDate(text="4 February"), raid)
    assert not date_inconsistency(EventDate(text="on Tuesday"), raid)
    assert not date_inconsistency(resolve_date("4 January 2022", None), EventDate())


def test_statements_about_something_else_the_text_recalls_are_no_date_inconsistency():
    raid = resolve_date("3 February 2022", None)
    assert date_inconsistency(resolve_date("12 December 2021", None), raid)          # within two months: misdated
    assert not date_inconsistency(resolve_date("October 27, 2021", None), raid)      # months before: another event
    assert not date_inconsistency(resolve_date("in 1991", None), raid)
    # told relative to the publication or to another happening: days within reach, yet not a dated statement
    for relative, published in (("two weeks ago", "2022-02-10"), ("last month", "2022-02-20")):
        said = resolve_date(relative, published)
        assert said.latest is not None and said.latest < raid.earliest, relative
        assert not date_inconsistency(said, raid), relative
    assert not date_inconsistency(EventDate("2022-02-02", "day", "2022-02-02", "2022-02-02", "the day before"), raid)
    assert date_inconsistency(EventDate("2022-02-02", "day", "2022-02-02", "2022-02-02", "on 2 February"), raid)


def test_precision_codes():
    assert acled_time_precision(resolve_date("Feb. 3, 2022", None)) == 1
    assert acled_time_precision(resolve_date("last week", THURSDAY)) == 2
    assert acled_time_precision(resolve_date("overnight", THURSDAY)) == 1     # a night across midnight is its day
    assert acled_time_precision(resolve_date("mid-January", THURSDAY)) == 3
    assert acled_time_precision(resolve_date("in 2019", None)) == 3
    assert acled_time_precision(EventDate()) == 3
    assert ucdp_date_prec(resolve_date("Feb. 3, 2022", None)) == 1
    assert ucdp_date_prec(resolve_date("overnight", THURSDAY)) == 2
    assert ucdp_date_prec(resolve_date("last week", THURSDAY)) == 3
    assert ucdp_date_prec(resolve_date("mid-January", THURSDAY)) == 4
    assert ucdp_date_prec(resolve_date("January 2022", None)) == 4
    assert ucdp_date_prec(resolve_date("in 2019", None)) == 5
    assert ucdp_date_prec(EventDate()) == 5


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared is not beside the repository")
def test_seeds_never_invent_dates(nlp):
    """Seed 003 has no publication date: its "on Tuesday" stays unknown. Seed 004 has no year anywhere:
    "Friday September 13" fixes 2024, and with it "August 29"."""
    seed_003 = (SHARED / "seeds" / "003_ecfa8df72bc42ce7.txt").read_text(encoding="utf-8")
    assert publication_date_from_text(seed_003) is None
    tuesdays = [m for m in find_dates(nlp(seed_003), None) if "Tuesday" in m.text]
    assert tuesdays and all(m.date.value is None for m in tuesdays)
    seed_004 = (SHARED / "seeds" / "004_5cef4c7638461147.txt").read_text(encoding="utf-8")
    values = {m.text: m.date.value for m in find_dates(nlp(seed_004), None)}
    assert values["August 29"] == "2024-08-29"
    seed_002 = (SHARED / "seeds" / "002_dce108061c62bd8e.txt").read_text(encoding="utf-8")
    assert publication_date_from_text(seed_002) == "2022-02-03"


@pytest.mark.parametrize("text, month", [("March", 3), ("mid-January", 1), ("Sept.", 9), ("late December", 12),
                                         ("March 2021", None), ("March 3", None), ("Tuesday", None)])
def test_month_only(text, month):
    assert month_only(text) == month
