"""The alerter's faust app: events -> (by story) -> rules -> `alerts`, once per story.

Agent `by_story` re-keys every event by its story id so that one worker owns each story;
agent `alerter` keeps a Table of what was already alerted per story (recovered from its
changelog on restart) and publishes only new reasons: a new story, a status change, or a
mentions threshold crossed.
"""

import datetime as dt
import time

import faust
from pydantic import ValidationError

from schemas.alerts import Alert
from schemas.events import EVENT_TYPES, Event, EventAdapter
from schemas.stories import AlertState
from services.alerter.notify import WebhookNotifier
from services.alerter.rules import Rule, alert_id, alert_reason, matching_rules, summarise
from services.core.codec import encode
from services.core.faust_config import (
    app_options,
    bytes_table,
    bytes_topic,
    record_lag,
    track_readiness,
)
from services.core.metrics import Metrics
from services.core.settings import AlerterSettings


def decide(event: Event, rules: list[Rule], state: AlertState | None,
           now: dt.datetime) -> tuple[AlertState, list[Alert]]:
    """Alerts to raise for `event` and the story's updated alert state (pure)."""
    state = state or AlertState(story_id=event.story_id)
    fired = {k: list(v) for k, v in state.fired.items()}
    alerts = []
    for rule in matching_rules(event, rules):
        reason = alert_reason(rule, event, fired.get(rule.id, []))
        if reason is None:
            continue
        fired.setdefault(rule.id, []).append(reason)
        alerts.append(Alert(alert_id=alert_id(rule, event, reason), rule_id=rule.id,
                            story_id=event.story_id, reason=reason, severity=rule.severity,
                            summary=summarise(event), event=event, created_at=now))
    return state.model_copy(update={"fired": fired}), alerts


def create_app(settings: AlerterSettings, bootstrap: str, metrics: Metrics,
               rules: list[Rule]) -> faust.App:
    """Build the alerter app: re-keying agent, deciding agent and its table."""
    app = faust.App(settings.alerter_group, **app_options(
        settings, bootstrap, settings.alerter_web_port, str(settings.alerter_data_dir)))
    events = bytes_topic(app, *[settings.event_topic(t) for t in EVENT_TYPES])
    by_story = bytes_topic(app, settings.topic_alert_stories)
    alerts = bytes_topic(app, settings.topic_alerts)
    alerted = bytes_table(app, "alerted", settings)
    track_readiness(app, metrics)
    notifier = (WebhookNotifier(settings.webhook_url, settings.webhook_timeout_s,
                                settings.webhook_retries, settings.webhook_max_bytes)
                if settings.webhook_url else None)

    @app.agent(events)
    async def rekey(stream):
        metrics.worker_up.set(1)
        async for event in stream.events():
            msg = event.message
            record_lag(app, metrics, msg)
            try:
                parsed = EventAdapter.validate_json(msg.value)
            except ValidationError:
                metrics.invalid_events.inc()  # counted, never silently dropped
                continue
            await (await by_story.send(key=parsed.story_id.encode(), value=msg.value,
                                       timestamp=msg.timestamp))

    @app.agent(by_story)
    async def alerter(stream):
        async for event in stream.events():
            msg = event.message
            known = alerted.get(msg.key)
            state, raised = decide(EventAdapter.validate_json(msg.value), rules,
                                   AlertState.model_validate_json(known) if known else None,
                                   dt.datetime.now(dt.UTC))
            if not raised:
                continue
            alerted[msg.key] = encode(state)
            for alert in raised:
                body = encode(alert)
                await (await alerts.send(key=alert.alert_id.encode(), value=body))
                metrics.alerts_raised.labels(severity=alert.severity.value).inc()
                metrics.alert_latency.observe(max(0.0, time.time() - msg.timestamp))
                if notifier and not await notifier.send(body):
                    metrics.webhook_failures.inc()

    return app
