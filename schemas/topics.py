"""Topic names and their key/value models: the single source for topic creation and docs."""

from dataclasses import dataclass

from pydantic import BaseModel

from schemas.alerts import Alert
from schemas.article import RawArticle
from schemas.dead_letter import DeadLetter
from schemas.events import BanEvent, CallEvent, NominationEvent, TariffEvent


@dataclass(frozen=True)
class TopicSpec:
    """A default topic: its name, what its key is, and the model of its value."""

    name: str
    key: str
    value: type[BaseModel]
    description: str


DEFAULT_TOPICS: tuple[TopicSpec, ...] = (
    TopicSpec("news.raw", "article id", RawArticle, "Raw articles from upstream feeds."),
    TopicSpec("news.raw.dlq", "original key", DeadLetter, "Rejected input with the reason."),
    TopicSpec("events.call", "event_id", CallEvent, "Phone and video calls between officials."),
    TopicSpec("events.tariff", "event_id", TariffEvent, "Tariff measures."),
    TopicSpec("events.ban", "event_id", BanEvent, "Cross-border bans and export controls."),
    TopicSpec("events.nomination", "event_id", NominationEvent, "Nominations to public posts."),
    TopicSpec("alerts", "alert_id", Alert, "Alerts raised by the alerter's rules."),
    TopicSpec("diplowire.events.by-story", "story fingerprint", CallEvent,
              "Internal: any event type, re-keyed for the story stage."),
    TopicSpec("diplowire.alerts.by-story", "story_id", CallEvent,
              "Internal: any event type, re-keyed for the alerter."),
)
