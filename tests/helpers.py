"""Small builders shared by the tests."""

import datetime as dt

from schemas.article import RawArticle


def article(body: str, published: str = "2025-03-07T15:00:00+00:00", title: str = "",
            id: str = "t-1") -> RawArticle:
    """A valid article with the given body."""
    return RawArticle(id=id, source="Test Wire", url=f"https://test.invalid/{id}",
                      published_at=dt.datetime.fromisoformat(published), title=title, body=body)
