"""Call wordings with no phone word next to the verb, in an article about calls. Sentences
written for these tests."""

import datetime as dt

import pytest

from schemas.article import RawArticle
from services.extract import extract


def calls(body: str) -> list[set]:
    article = RawArticle(id="x", source="s", url="https://x.invalid/1",
                         published_at=dt.datetime(2025, 1, 28, 12, tzinfo=dt.UTC),
                         title="A week of phone diplomacy", body=body)
    return [{p.country for p in e.participants} for e in extract(article)
            if e.event_type == "call"]


@pytest.mark.parametrize("body, countries", [
    ("Trump and Chinese President Xi Jinping spoke three days before the inauguration.",
     {"USA", "CHN"}),
    ("Biden and Xi talked for two hours.", {"USA", "CHN"}),
    ("In a call on Jan 15, Trump pressed Prime Minister Mette Frederiksen on Greenland.",
     {"USA", "DNK"}),
    ("Saudi Crown Prince Mohammed bin Salman was the first leader to speak with Trump.",
     {"SAU", "USA"}),
])
def test_calls_framed_without_a_phone_word_beside_the_verb(body, countries):
    assert calls(body) == [countries]


@pytest.mark.parametrize("body", [
    "Trump spoke at a rally in Ohio about Xi Jinping.",
    "Modi and Putin talked at length at the Kremlin.",
    "Macron and Scholz spoke after lunch in Berlin.",
    "Macron and Scholz spoke to reporters about Xi Jinping.",
    "Biden and Xi met and talked for two hours.",
])
def test_speeches_and_meetings_are_not_calls(body):
    assert calls(body) == []


@pytest.mark.parametrize("body, countries", [
    ("Modi spoke with Russian President Vladimir Putin, who briefed him about his meeting in "
     "Moscow.", [{"IND", "RUS"}]),
    ("Macron talked with Scholz on Monday regarding the upcoming summit in Brussels.",
     [{"FRA", "DEU"}]),
    ("Albanese spoke to Ishiba ahead of their planned meeting in Tokyo.", [{"AUS", "JPN"}]),
])
def test_a_meeting_that_is_the_calls_topic_does_not_make_it_in_person(body, countries):
    assert calls(body) == countries


@pytest.mark.parametrize("body", [
    "Macron spoke with Scholz at the summit in Brussels.",
    "Modi spoke with Putin during his visit to Moscow.",
])
def test_a_conversation_at_a_meeting_is_still_no_call(body):
    assert calls(body) == []
