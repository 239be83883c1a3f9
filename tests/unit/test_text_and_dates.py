import datetime as dt

import pytest

from services.extract.dates import dateline, resolve
from services.extract.text import split_sentences


def test_split_sentences_keeps_exact_offsets_and_abbreviations():
    body = "Mr. Xi met U.S. officials on Jan. 5 in Beijing. They spoke.\nA new paragraph"
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "Mr. Xi met U.S. officials on Jan. 5 in Beijing.", "They spoke.", "A new paragraph"]
    assert all(body[s.start:s.end] == s.text for s in sentences)


@pytest.mark.parametrize("text, expected", [
    ("Trump wrote on Friday", dt.date(2025, 1, 17)),
    ("late on Thursday the two spoke", dt.date(2025, 1, 16)),
    ("they spoke yesterday", dt.date(2025, 1, 16)),
    ("the call on the 24th", dt.date(2024, 12, 24)),
    ("on January 12 they spoke", dt.date(2025, 1, 12)),
    ("on Dec. 28 they spoke", dt.date(2024, 12, 28)),
    ("on 3 March 2022 they spoke", dt.date(2022, 3, 3)),
])
def test_resolve_relative_dates_against_reference(text, expected):
    assert resolve(text, dt.date(2025, 1, 17)) == (expected, True)


def test_resolve_vague_and_absent_dates():
    assert resolve("they spoke last week", dt.date(2025, 1, 17)) == (None, True)
    assert resolve("they spoke", dt.date(2025, 1, 17)) == (None, False)
    assert resolve("it may rise", dt.date(2025, 1, 17)) == (None, False)


def test_dateline_date_and_where_the_text_resumes():
    body = "OTTAWA, May 31 (Wire) - text"
    day, end = dateline(body, dt.date(2018, 6, 1))
    assert (day, body[end:]) == (dt.date(2018, 5, 31), "text")
    assert dateline("No dateline here.", dt.date(2018, 6, 1)) == (None, 0)


def test_vague_phrase_far_from_the_trigger_does_not_erase_the_date():
    text = "Trump held his first phone call with Xi since leaving the White House in 2021."
    assert resolve(text, dt.date(2025, 1, 17), anchor=text.index("phone")) == (None, False)
    assert resolve("they spoke by phone last week", dt.date(2025, 1, 17), anchor=15) == (None, True)
