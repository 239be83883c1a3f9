"""Tariff rates written in words, totals and old rates; pauses for a time; actors from the
article's context. Sentences written for these tests."""

import pytest

from services.extract import extract
from services.extract.rules.common import rate_near
from tests.helpers import article


def tariffs(body: str) -> list:
    return [e for e in extract(article(body)) if e.event_type == "tariff"]


@pytest.mark.parametrize("text, rate", [
    ("a twelve per cent duty on steel", 12),
    ("a levy of twenty-five percent on cars", 25),
    ("a 50-percent tariff on copper", 50),
    ("an extra 10% tariff, bringing the total to 35%", 35),
    ("a combined 80.5 per cent on barley, a 73.6 per cent anti-dumping levy", 80.5),
    ("a 39% rate on Swiss goods, up from the 31% announced in April", 39),
    ("tariffs rise from 10% to 25% in June", 25),
])
def test_rate_words_totals_and_old_rates(text, rate):
    assert rate_near(text, 0) == rate


def test_no_rate_is_invented_from_plain_numbers():
    assert rate_near("a tariff on 12 products from three countries", 2) is None


def test_a_cut_for_a_limited_time_is_a_pause_and_a_plain_cut_lifts():
    (paused,) = tariffs("Brazil will cut its tariffs on Chinese machinery to 5% for six months.")
    assert (paused.imposer, paused.targets, paused.status, paused.rate_percent) == (
        "BRA", ["CHN"], "paused", 5)
    (cut,) = tariffs("Canada lowered its tariffs on Chinese steel on Monday.")
    assert cut.status == "lifted"


def test_the_government_of_the_article_imposes_when_no_country_is_named():
    got = tariffs("Shares of India's steelmakers rose after the government imposed a safeguard "
                  "duty of twelve per cent on imports from China and Vietnam.")
    assert {(t.imposer, tuple(t.targets), t.rate_percent) for t in got} == {
        ("IND", ("CHN",), 12), ("IND", ("VNM",), 12)}


def test_the_actor_of_the_previous_sentence_imposes_an_unattributed_measure():
    (t,) = tariffs("Ottawa chose retaliation. From 1 June a 30% surtax will apply to American steel.")
    assert (t.imposer, t.targets, t.rate_percent) == ("CAN", ["USA"], 30)


def test_an_actor_in_a_time_phrase_is_not_the_imposer():
    (t,) = tariffs("Hours before Trump's reversal, Beijing hit back with its own 84% levy on all "
                   "U.S. goods.")
    assert (t.imposer, t.targets, t.rate_percent) == ("CHN", ["USA"], 84)
