"""Bounds that keep extraction linear on hostile bodies, and dates at the edges of the
calendar. Speed is measured by `diplowire bench`; the one timing here is a ratio between two
bodies of the same size, which holds on a slow machine as on a fast one."""

import datetime as dt
import time

import pytest

from schemas.article import RawArticle
from services.extract import (
    MAX_CANDIDATES,
    MAX_EVENTS_PER_ARTICLE,
    MAX_EVIDENCE_PER_EVENT,
    BudgetExceeded,
    analyse,
)
from services.extract.text import MAX_SENTENCE_CHARS, split_sentences


def _article(body: str, when: dt.datetime = dt.datetime(2024, 5, 1, tzinfo=dt.UTC)):
    return RawArticle(id="x", source="s", url="https://x.invalid/1", published_at=when,
                      title="", body=body)


def test_a_body_without_punctuation_is_cut_into_bounded_pieces_that_cover_it():
    body = "tariffs on China imposed by the United States " * 400
    pieces = split_sentences(body)
    assert len(pieces) > 1
    assert all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(body[p.start:p.end] == p.text for p in pieces)
    covered = "".join(p.text for p in pieces).replace(" ", "")
    assert covered == body.replace(" ", "")


def test_a_body_stuffed_with_measures_stops_at_the_candidate_limit_and_says_so():
    result = analyse(_article("The United States imposed tariffs on China. " * 2000))
    limits = [d for d in result.dropped if d.rule == "article_limit"]
    assert len(limits) == 1 and str(MAX_CANDIDATES) in limits[0].error
    assert [(e.imposer, e.targets) for e in result.events] == [("USA", ["CHN"])]


def test_ordinary_articles_never_reach_the_limits():
    body = "\n".join(["Chinese President Xi Jinping spoke by phone with Joe Biden on Monday."]
                     + ["Markets rose on Tuesday as traders weighed the outlook."] * 300)
    result = analyse(_article(body))
    assert result.dropped == []
    assert len(result.events) == 1


def test_dates_in_year_one_and_year_9999_do_not_crash():
    body = "WASHINGTON, Dec 31 - Trump spoke by phone with Xi Jinping on Tuesday, yesterday."
    for when in (dt.datetime(1, 1, 1, tzinfo=dt.UTC), dt.datetime(9999, 12, 31, tzinfo=dt.UTC)):
        (call,) = analyse(_article(body, when)).events
        assert call.event_date is not None


# Bodies within the size limit that once took minutes: one trigger word after another, no
# punctuation, every word capitalised. Each must cost about what a benign news article of
# the same size costs (one that passes the gate on every sentence), never a multiple that
# grows with the length.
_BENIGN = ("Chinese President Xi Jinping spoke by phone with Joe Biden on Monday. The United "
           "States imposed tariffs of 25% on Chinese steel. Markets rose on Tuesday as traders "
           "weighed the outlook. Analysts said talks would continue next week in Geneva. ")
_HOSTILE = ("tariff ban call nominated ", "Trump phoned Xi. ", "US tariffs on China. ",
            "Tariff Ban Call Nominated Xi Trump Biden ",
            "tariffs on China imposed by the United States ")
_SIZE = 60_000
_WORST_RATIO = 12  # measured 0.4-4.3 at this size on a 2-core machine (see README)


def _seconds(unit: str) -> float:
    body = (unit * (_SIZE // len(unit) + 1))[:_SIZE]
    started = time.perf_counter()
    analyse(_article(body))
    return time.perf_counter() - started


def test_hostile_bodies_cost_about_what_a_benign_article_of_their_size_costs():
    _seconds(_BENIGN)  # load the parser once
    benign = min(_seconds(_BENIGN) for _ in range(2))
    ratios = {unit: _seconds(unit) / benign for unit in _HOSTILE}
    assert max(ratios.values()) < _WORST_RATIO, ratios


def test_an_article_over_its_time_budget_raises_instead_of_stalling():
    with pytest.raises(BudgetExceeded, match="still reading at character"):
        analyse(_article("Trump phoned Xi. " * 3000), budget_s=1e-6)
    assert analyse(_article("Trump phoned Xi on Monday."), budget_s=5.0).events


def test_evidence_per_event_and_events_per_article_are_capped_and_reported():
    body = "\n".join(f"The United States imposed tariffs on China, officials said in {n}."
                     for n in range(60))
    result = analyse(_article(body))
    (event,) = result.events
    assert len(event.evidence) == MAX_EVIDENCE_PER_EVENT
    assert [d.rule for d in result.dropped] == ["evidence_limit"]
    countries = ["Canada", "Mexico", "Japan", "India", "Brazil", "France", "Germany", "Italy",
                 "Spain", "Chile", "Peru", "Egypt", "Kenya", "Nigeria", "Vietnam"]
    body = "\n".join(f"{a} imposed tariffs on {b}." for a in countries for b in countries
                     if a != b)
    result = analyse(_article(body))
    assert len(result.events) == MAX_EVENTS_PER_ARTICLE
    assert "event_limit" in [d.rule for d in result.dropped]
