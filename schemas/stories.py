"""Story state: what the story stage remembers per event fingerprint (its table changelog)."""

import datetime as dt

from pydantic import AwareDatetime, Field

from schemas.base import WireModel

MAX_ARTICLES_PER_STORY = 200
MAX_SOURCES_PER_STORY = 50


class StoryState(WireModel):
    """One story: a real-world event as reported by one or more articles."""

    schema_version: int = Field(1, description="Version of this contract.")
    story_id: str = Field(description="Stable story id.")
    fingerprint: str = Field(description="Event type plus normalised key arguments.")
    first_seen_at: AwareDatetime = Field(description="Publication time of the first article.")
    last_date: dt.date = Field(description="Latest event (or publication) date seen.")
    status: str = Field(description="Latest status.")
    statuses: list[str] = Field(description="Every status the story has had, in order.")
    mentions: int = Field(ge=1, description="Distinct articles that reported it.")
    sources: list[str] = Field(description="Distinct outlets (bounded).")
    article_ids: list[str] = Field(description="Articles already counted (bounded).")
    event_ids: list[str] = Field(description="Events already seen (bounded), for replays.")


class AlertState(WireModel):
    """What the alerter already alerted for one story, per rule."""

    schema_version: int = Field(1, description="Version of this contract.")
    story_id: str = Field(description="The story.")
    fired: dict[str, list[str]] = Field(
        default_factory=dict, description="rule id -> reasons already alerted (new, status:X, mentions:N).")
