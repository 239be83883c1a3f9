"""Alert rules: a documented YAML file of matchers, evaluated by a pure function."""

import hashlib
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas.alerts import Severity
from schemas.events import BanEvent, CallEvent, Event, NominationEvent, TariffEvent
from services.core.errors import ConfigError

BUNDLED_RULES = Path(__file__).parent / "rules.yaml"


class Rule(BaseModel):
    """One alert rule: every given condition must hold for the rule to fire."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_.-]+$", description="Stable rule id.")
    description: str = Field("", description="What the rule is for.")
    severity: Severity = Field(description="Severity of the alerts it raises.")
    event_types: list[str] = Field(default_factory=list, description="Empty = any type.")
    countries: list[str] = Field(default_factory=list,
                                 description="Fire if any event country is listed; empty = any.")
    statuses: list[str] = Field(default_factory=list, description="Empty = any status.")
    min_confidence: float = Field(0.5, ge=0, le=1, description="Lowest event confidence.")
    once_per_story: bool = Field(True, description="Alert once per story, not per article.")
    on_status_change: bool = Field(True, description="Alert again when the story's status changes.")
    mentions_at_least: int | None = Field(
        None, ge=1, description="Fire only once the story has this many articles (once).")


class RuleSet(BaseModel):
    """The rules file."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    rules: list[Rule]


def load_rules(path: Path | None = None) -> list[Rule]:
    """Read and validate a rules file (the bundled one when `path` is None)."""
    path = path or BUNDLED_RULES
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        return RuleSet.model_validate(data).rules
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"cannot load alert rules from {path}: {exc}") from exc


def event_countries(event: Event) -> set[str]:
    """Every country an event involves."""
    if isinstance(event, CallEvent):
        return {p.country for p in event.participants if p.country}
    if isinstance(event, TariffEvent):
        return {event.imposer, *event.targets}
    if isinstance(event, BanEvent):
        return {event.authority}
    if isinstance(event, NominationEvent):
        return {event.country} if event.country else set()
    return set()


def matching_rules(event: Event, rules: list[Rule]) -> list[Rule]:
    """The rules that fire for `event`."""
    fired = []
    for rule in rules:
        if rule.event_types and event.event_type not in rule.event_types:
            continue
        if rule.statuses and event.status not in rule.statuses:
            continue
        if event.confidence < rule.min_confidence:
            continue
        if rule.countries and not (event_countries(event) & set(rule.countries)):
            continue
        fired.append(rule)
    return fired


def alert_reason(rule: Rule, event: Event, fired: list[str]) -> str | None:
    """Why `rule` should alert on `event` now, given the reasons it already fired; or None."""
    if not rule.once_per_story:
        reason = f"event:{event.event_id}"
    elif rule.mentions_at_least is not None:
        if event.mentions < rule.mentions_at_least:
            return None
        reason = f"mentions:{rule.mentions_at_least}"
    elif "new" not in fired:
        reason = "new"
    elif rule.on_status_change and event.status_change:
        reason = f"status:{event.status}"
    else:
        return None
    return None if reason in fired else reason


def alert_id(rule: Rule, event: Event, reason: str) -> str:
    """Deterministic alert id for a (rule, story, reason) triple."""
    return hashlib.sha256(f"{rule.id}|{event.story_id}|{reason}".encode()).hexdigest()[:32]


def summarise(event: Event) -> str:
    """One human line describing an event."""
    if isinstance(event, CallEvent):
        names = " and ".join(p.name or f"{p.country} official" for p in event.participants)
        return f"{event.medium} call between {names} on {event.event_date or 'unknown date'}"
    if isinstance(event, TariffEvent):
        rate = f" {event.rate_percent:g}%" if event.rate_percent is not None else ""
        targets = ", ".join(event.targets) or "all countries"
        return f"{event.imposer}{rate} tariff on {targets}: {event.status}"
    if isinstance(event, BanEvent):
        return f"{event.authority} ban on {event.subject}: {event.status}"
    return (f"{event.nominee.name} {event.status} as {event.position or 'unknown post'}"
            f" ({event.country or '?'})")
