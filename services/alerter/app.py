"""The alerter's faust app: event topics -> matching rules -> `alerts`."""

import datetime as dt
import time

import faust
from pydantic import ValidationError

from schemas.alerts import Alert
from schemas.events import EVENT_TYPES, EventAdapter
from services.alerter.notify import WebhookNotifier
from services.alerter.rules import Rule, alert_id, matching_rules, summarise
from services.core.codec import encode
from services.core.faust_config import app_options
from services.core.metrics import Metrics
from services.core.settings import AlerterSettings


def build_alerts(value: bytes, rules: list[Rule], now: dt.datetime) -> list[Alert]:
    """Alerts for one event message (pure)."""
    event = EventAdapter.validate_json(value)
    return [Alert(alert_id=alert_id(rule, event), rule_id=rule.id, severity=rule.severity,
                  summary=summarise(event), event=event, created_at=now)
            for rule in matching_rules(event, rules)]


def create_app(settings: AlerterSettings, bootstrap: str, metrics: Metrics,
               rules: list[Rule]) -> faust.App:
    """Build the alerter app: one agent over every event topic."""
    app = faust.App(settings.alerter_group, **app_options(
        settings, bootstrap, settings.alerter_web_port, str(settings.alerter_data_dir)))
    events = app.topic(*[settings.event_topic(t) for t in EVENT_TYPES],
                       key_type=bytes, value_type=bytes)
    alerts = app.topic(settings.topic_alerts, key_type=bytes, value_type=bytes)
    notifier = (WebhookNotifier(settings.webhook_url, settings.webhook_timeout_s,
                                settings.webhook_retries) if settings.webhook_url else None)

    @app.agent(events)
    async def alerter(stream):
        metrics.worker_up.set(1)
        async for event in stream.events():
            msg = event.message
            try:
                raised = build_alerts(msg.value, rules, dt.datetime.now(dt.UTC))
            except ValidationError:
                metrics.invalid_events.inc()  # counted, never silently dropped
                continue
            for alert in raised:
                body = encode(alert)
                await (await alerts.send(key=alert.alert_id.encode(), value=body))
                metrics.alerts_raised.labels(severity=alert.severity.value).inc()
                metrics.alert_latency.observe(max(0.0, time.time() - msg.timestamp))
                if notifier and not await notifier.send(body):
                    metrics.webhook_failures.inc()

    return app
