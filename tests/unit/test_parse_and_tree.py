import datetime as dt

import pytest

from schemas.article import RawArticle
from services.extract import analyse, extract
from services.extract.parse import default_parser
from services.extract.tree import conditional, in_side_clause, negated


def article(body, published="2023-03-01T12:00:00+00:00"):
    return RawArticle(id="t", source="s", url="https://x.invalid/1",
                      published_at=dt.datetime.fromisoformat(published), title="", body=body)


def calls(body):
    return [sorted((p.name, p.country) for p in e.participants)
            for e in extract(article(body)) if e.event_type == "call"]


@pytest.mark.parametrize("text,word,expected", [
    ("Australia said it would not impose reciprocal tariffs on the United States.", "tariffs", True),
    ("Canberra refrained from imposing tariffs on American beef.", "tariffs", True),
    ("The United States imposed tariffs on Chinese steel.", "tariffs", False),
])
def test_tree_negated(text, word, expected):
    assert negated(default_parser()(text), text.index(word)) is expected


def test_tree_conditional_only_inside_the_condition():
    inside = "It is unclear whether he will apply tariffs on China."
    threat = "Trump threatened to impose tariffs on Mexico unless it stops migrants."
    assert conditional(default_parser()(inside), inside.index("tariffs"))
    assert not conditional(default_parser()(threat), threat.index("tariffs"))


def test_tree_relative_clause_person_is_outside_the_trigger():
    text = ("This phone call came three days before the inauguration, which Chinese Vice "
            "President Han Zheng will attend.")
    doc = default_parser()(text)
    assert in_side_clause(doc, text.index("Han"), text.index("call"))


def test_parser_cache_is_bounded_and_reused():
    parser = default_parser()
    text = "Merkel rang Lukashenko on Monday."
    parser(text)
    hits = parser.hits
    parser(text)
    assert parser.hits == hits + 1
    assert len(parser._cache) <= parser.cache_size


@pytest.mark.parametrize("body", [
    "Armenian Prime Minister Nikol Pashinyan spoke by phone with the Mongolian President on Tuesday.",
    "Ecuador, Equatorial Guinea, Military Leaders Speak by Phone Amid Tensions.",
    "Modi briefed Putin by telephone on the talks.",
])
def test_call_families_and_unknown_officials(body):
    (parties,) = calls(body)
    assert len({country for _, country in parties}) == 2


@pytest.mark.parametrize("body", [
    "Trump called China a currency manipulator.",
    "He spoke to reporters by phone from Beijing, officials said.",
    "Egypt: Three Human Rights NGOs Banned for Ties to Foreign Governments.",
])
def test_no_event_for_near_misses(body):
    assert extract(article(body)) == []


def test_one_party_call_is_dropped_not_a_crash():
    result = analyse(article(
        "French President spoke by phone with the Japanese foreign minister on Tuesday, and "
        "the Supreme Court upheld the US ban on TikTok."))
    assert all(e.event_type != "call" or len(e.participants) >= 2 for e in result.events)
    assert any(e.event_type == "ban" for e in result.events)


def test_incoming_office_resolves_to_the_next_holder():
    body = ("Xi Jinping held a phone call with the incoming U.S. president on Friday.")
    events = [e for e in extract(article(body, "2025-01-18T09:00:00+00:00"))
              if e.event_type == "call"]
    assert [p.name for p in events[0].participants if p.country == "USA"] == ["Donald Trump"]
