"""The event contract: four diplomatic event types, a discriminated union on `event_type`.

Field names follow the annotation guide's predicted-event table, so the batch output of
`diplowire extract` is scored as is.
"""

import datetime as dt
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, TypeAdapter

from schemas.base import WireModel

Iso3 = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 3166-1 alpha-3; EU = EUU.")]

TariffStatus = Literal[
    "threatened", "proposed", "announced", "imposed", "increased", "paused", "lifted"
]
BanStatus = Literal[
    "threatened", "proposed", "enacted", "upheld", "in_effect", "delayed", "lifted",
    "struck_down",
]
NominationStatus = Literal["nominated", "confirmed", "withdrawn", "rejected"]
CallStatus = Literal["held", "scheduled"]
BanKind = Literal["app", "export_control", "import", "travel", "entity_list", "investment", "sanctions",
                  "other"]


class Evidence(WireModel):
    """One sentence that supports the event, at `body[start:end]` of the body as published.

    `text` is that span after hygiene (NFKC, without zero-width, bidi-control or NUL
    characters): for ordinary text, `body[start:end] == text` exactly.
    """

    text: str = Field(description="The sentence, after hygiene (see above).")
    start: int = Field(ge=0, description="Character offset of the sentence in the original body.")
    end: int = Field(ge=0, description="Character offset one past the sentence's end.")
    rule: str = Field(description="Id of the lexicon rule that matched in this sentence.")


class Participant(WireModel):
    """A party to a call: a named official, or an office with its country."""

    name: str | None = Field(None, description="Canonical person name, or null if unnamed.")
    country: Iso3 | None = Field(None, description="Country the person acts for.")
    role: str | None = Field(None, description="Office held at the event date, if known.")


class Person(WireModel):
    """A nominee."""

    name: str = Field(description="Canonical person name.")
    country: Iso3 | None = Field(None, description="Country of the person, if known.")


class _EventBase(WireModel):
    schema_version: int = Field(1, description="Version of this contract.")
    event_id: str = Field(description="Deterministic id: same article, same event, same id.")
    article_id: str = Field(description="Id of the source article.")
    source: str = Field(description="Outlet of the source article.")
    url: str = Field(description="URL of the source article.")
    published_at: AwareDatetime = Field(description="Publication time of the source article.")
    event_date: dt.date | None = Field(None, description="Calendar date of the event, if known.")
    confidence: float = Field(ge=0, le=1, description="Extractor's confidence, 0..1.")
    evidence: list[Evidence] = Field(min_length=1, description="Sentences that support it.")
    extractor_version: str = Field(description="Version of the extraction core.")
    cameo: str | None = Field(None, description="CAMEO event code, where the type maps to one.")
    plover: str | None = Field(None, description="PLOVER event type, where it maps to one.")
    story_id: str = Field(description="Story shared by every article reporting this event.")
    first_seen_at: AwareDatetime = Field(description="Publication time of the story's first article.")
    mentions: int = Field(1, ge=1, description="Articles that reported the story so far.")
    sources: list[str] = Field(default_factory=list, description="Outlets that reported it so far.")
    status_change: bool = Field(False, description="True when this article moved the story to a new status.")
    previous_status: str | None = Field(None, description="The story's status before this article.")


class CallEvent(_EventBase):
    """A phone or video call between officials of two or more countries or bodies."""

    event_type: Literal["call"] = "call"
    status: CallStatus = Field("held", description="`held`, or `scheduled` for one announced.")
    participants: list[Participant] = Field(min_length=2, description="Parties to the call.")
    medium: Literal["phone", "video"] = Field("phone", description="Phone or video call.")


class TariffEvent(_EventBase):
    """A government imposing, threatening, changing or lifting tariffs on imports."""

    event_type: Literal["tariff"] = "tariff"
    status: TariffStatus = Field(description="Stage of the measure.")
    imposer: Iso3 = Field(description="Government that levies the tariff.")
    targets: list[Iso3] = Field(default_factory=list, description="Targeted countries; [] = all.")
    rate_percent: float | None = Field(None, description="Headline rate in percent, if given.")
    products: list[str] = Field(default_factory=list, description="Goods named, as written.")
    retaliation: bool = Field(False, description="True when framed as a countermeasure.")


class BanEvent(_EventBase):
    """A cross-border prohibition: app ban, export control, import/travel/investment ban."""

    event_type: Literal["ban"] = "ban"
    status: BanStatus = Field(description="Stage of the measure.")
    authority: Iso3 = Field(description="Government that imposes the ban.")
    subject: str = Field(description="What is banned, in the article's words.")
    aliases: list[str] = Field(default_factory=list, description="Other names of the subject.")
    ban_kind: BanKind = Field("other", description="Kind of prohibition.")


class NominationEvent(_EventBase):
    """A person nominated, appointed, confirmed, withdrawn or rejected for a public post."""

    event_type: Literal["nomination"] = "nomination"
    status: NominationStatus = Field(description="Stage of the nomination.")
    nominee: Person = Field(description="The person.")
    position: str | None = Field(None, description="The post, normalised (e.g. `Secretary of State`).")
    country: Iso3 | None = Field(None, description="Government the post belongs to.")
    nominator: str | None = Field(None, description="Who nominated, if named.")


Event = Annotated[
    CallEvent | TariffEvent | BanEvent | NominationEvent, Field(discriminator="event_type")
]
EventAdapter: TypeAdapter[Event] = TypeAdapter(Event)

EVENT_TYPES: tuple[str, ...] = ("call", "tariff", "ban", "nomination")
