"""Bounds that keep extraction linear on hostile bodies, and dates at the edges of the
calendar. No timings here: speed is measured by `diplowire bench`."""

import datetime as dt

from schemas.article import RawArticle
from services.extract import MAX_CANDIDATES, analyse
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
