"""The alert contract: what the alerter publishes on `alerts`."""

from enum import StrEnum

from pydantic import AwareDatetime, Field

from schemas.base import WireModel
from schemas.events import Event


class Severity(StrEnum):
    """How urgent an alert is (a bounded metric label)."""

    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


class Alert(WireModel):
    """An alert raised by one rule for one event; keyed by `alert_id`."""

    schema_version: int = Field(1, description="Version of this contract.")
    alert_id: str = Field(description="Deterministic id: hash of rule id, story id and reason.")
    rule_id: str = Field(description="Id of the rule in the rules file that fired.")
    story_id: str = Field(description="The story alerted on.")
    reason: str = Field(
        description="Why now: `new` story, `status:<status>` change, `mentions:<n>` crossed, "
        "or `event:<event_id>` for rules that alert on every event.")
    severity: Severity = Field(description="Severity set by the rule.")
    summary: str = Field(description="One-line human summary of the event.")
    event: Event = Field(description="The event that triggered the alert.")
    created_at: AwareDatetime = Field(description="When the alerter raised it.")
