"""Figures as news writes them: digits, number words, qualifiers, and the vague-quantity convention."""
from __future__ import annotations

import pytest

from sitrep.extract.numbers import is_age, parse_quantity, read_quantity


@pytest.mark.parametrize("text, value, qualifier", [
    ("1,200 people", 1200, "exact"),
    ("13 people", 13, "exact"),
    ("thirteen civilians", 13, "exact"),
    ("twenty-one soldiers", 21, "exact"),
    ("twenty one soldiers", 21, "exact"),
    ("one hundred and five fighters", 105, "exact"),
    ("at least 40 people", 40, "at_least"),
    ("no fewer than nine people", 9, "at_least"),
    ("more than 120 fighters", 120, "more_than"),
    ("over 30 people", 30, "more_than"),
    ("about 20 people", 20, "about"),
    ("around twelve villagers", 12, "about"),
    ("nearly 300 migrants", 300, "about"),
    ("some 50 protesters", 50, "about"),
    ("approximately 2,500 troops", 2500, "about"),
    ("an estimated 80 people", 80, "about"),
    ("up to 15 people", 15, "up_to"),
    ("as many as 60 people", 60, "up_to"),
    ("fewer than ten people", 10, "fewer_than"),
    ("less than 5 people", 5, "fewer_than"),
])
def test_numbers_and_qualifiers(text, value, qualifier):
    quantity = parse_quantity(text)
    assert quantity is not None
    assert (quantity.value, quantity.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text, value, qualifier", [
    ("dozens of people", 24, "at_least"),
    ("scores of villagers", 40, "at_least"),
    ("tens of fighters", 20, "at_least"),
    ("hundreds of civilians", 200, "at_least"),
    ("thousands of people", 2000, "at_least"),
    ("a dozen people", 12, "about"),
    ("more than a dozen people", 12, "more_than"),
    ("at least dozens of people", 24, "at_least"),
])
def test_vague_quantities_follow_the_documented_convention(text, value, qualifier):
    quantity = parse_quantity(text)
    assert quantity is not None and quantity.vague
    assert (quantity.value, quantity.qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["several people", "a few soldiers", "many residents", "some people", "people"])
def test_too_vague_to_count_gives_no_figure(text):
    assert parse_quantity(text) is None


def test_read_quantity_reports_token_span():
    words = "police said at least twenty - one people died".split()
    quantity = read_quantity(words, 2)
    assert (quantity.value, quantity.qualifier, quantity.start, quantity.end) == (21, "at_least", 2, 7)
    assert read_quantity(words, 0) is None


@pytest.mark.parametrize("text, number, age", [
    ("a child under the age of 10 was killed", "10", True),
    ("four men between the ages of 19 and 23", "23", True),
    ("four men between the ages of 19 and 23", "19", True),
    ("two women ranging in age from 35 to 48", "48", True),
    ("three teens aged 15 - 17 were hurt", "17", True),
    ("a boy younger than 12 was shot", "12", True),
    ("a man , 40 , and 3 children died", "3", False),
    ("at least 10 people were killed", "10", False),
    ("the toll rose to 12 on monday", "12", False),
])
def test_an_age_is_told_from_a_count(text, number, age):
    words = text.split()
    assert is_age(words, words.index(number)) is age
