"""The input contract: one raw news article as an upstream feed publishes it."""

from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, field_validator

from schemas.base import WireModel

MAX_BODY_CHARS = 200_000
MAX_TITLE_CHARS = 1_000


class RawArticle(WireModel):
    """A raw article on `news.raw`, keyed by its `id`."""

    schema_version: Literal[1] = Field(1, description="Version of this contract.")
    id: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^\S+$")] = Field(
        description="Stable, unique article id chosen by the producer (no whitespace)."
    )
    source: str = Field(min_length=1, max_length=200, description="Outlet or feed name.")
    url: str = Field(min_length=1, max_length=2_000, description="Canonical article URL.")
    published_at: AwareDatetime = Field(
        description="Publication time, ISO 8601 with a timezone; relative dates resolve from it."
    )
    language: str = Field(
        "en", min_length=2, max_length=16, description="BCP 47 language tag, e.g. `en`."
    )
    title: str = Field("", max_length=MAX_TITLE_CHARS, description="Headline.")
    body: str = Field(
        min_length=1, max_length=MAX_BODY_CHARS,
        description="Plain-text body; paragraphs separated by newlines. Must not be blank.",
    )

    @field_validator("body")
    @classmethod
    def _body_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("body is blank")
        return value
