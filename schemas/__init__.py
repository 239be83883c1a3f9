"""The wire contract of diplowire: every Kafka key and value is a model from this package."""

from schemas.alerts import Alert, Severity
from schemas.article import RawArticle
from schemas.dead_letter import DeadLetter, RejectReason
from schemas.events import (
    BanEvent,
    CallEvent,
    Event,
    EventAdapter,
    Evidence,
    NominationEvent,
    Participant,
    Person,
    TariffEvent,
)

__all__ = [
    "Alert", "BanEvent", "CallEvent", "DeadLetter", "Event", "EventAdapter", "Evidence",
    "NominationEvent", "Participant", "Person", "RawArticle", "RejectReason", "Severity",
    "TariffEvent",
]
