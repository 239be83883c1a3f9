"""Every Prometheus metric diplowire exposes; the only module that names one.

Names follow Prometheus conventions: `diplowire_` prefix, `_total` for counters, `_seconds`
for durations. Labels are bounded (reasons, event types, severities), never ids.
"""

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info

from services import __version__

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0, 30.0)
EXTRACT_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0)


@dataclass(frozen=True)
class Metrics:
    """The metric objects of one process, registered on one registry."""

    registry: CollectorRegistry
    articles_consumed: Counter
    articles_rejected: Counter
    events_emitted: Counter
    extraction_duration: Histogram
    pipeline_latency: Histogram
    alerts_raised: Counter
    alert_latency: Histogram
    webhook_failures: Counter
    articles_ingested: Counter
    worker_up: Gauge
    worker_ready: Gauge
    invalid_events: Counter
    candidates_dropped: Counter
    stories_opened: Counter
    story_mentions: Counter
    status_changes: Counter
    replayed_events: Counter
    consumer_lag: Gauge


def build_metrics(registry: CollectorRegistry, service: str) -> Metrics:
    """Create every metric on `registry` and set build info for `service`."""
    info = Info("diplowire_build", "Build information.", registry=registry)
    info.info({"version": __version__, "service": service})
    return Metrics(
        registry=registry,
        articles_consumed=Counter(
            "diplowire_articles_consumed", "Articles read from the raw topic.",
            registry=registry,
        ),
        articles_rejected=Counter(
            "diplowire_articles_rejected", "Messages sent to the dead-letter topic, by reason.",
            ["reason"], registry=registry,
        ),
        events_emitted=Counter(
            "diplowire_events_emitted", "Events published, by event type.",
            ["event_type"], registry=registry,
        ),
        extraction_duration=Histogram(
            "diplowire_extraction_duration_seconds", "Time spent in extract() per article.",
            buckets=EXTRACT_BUCKETS, registry=registry,
        ),
        pipeline_latency=Histogram(
            "diplowire_pipeline_latency_seconds",
            "From the raw message's timestamp to the event acknowledged on its topic.",
            ["event_type"], buckets=LATENCY_BUCKETS, registry=registry,
        ),
        alerts_raised=Counter(
            "diplowire_alerts", "Alerts published, by severity.", ["severity"],
            registry=registry,
        ),
        alert_latency=Histogram(
            "diplowire_alert_latency_seconds",
            "From the event message's timestamp to the alert being published.",
            buckets=LATENCY_BUCKETS, registry=registry,
        ),
        webhook_failures=Counter(
            "diplowire_webhook_failures", "Alert webhook deliveries that failed after retries.",
            registry=registry,
        ),
        articles_ingested=Counter(
            "diplowire_articles_ingested", "Articles published to the raw topic by ingest.",
            registry=registry,
        ),
        worker_up=Gauge(
            "diplowire_worker_up", "1 while the worker's stream is running.", registry=registry,
        ),
        worker_ready=Gauge(
            "diplowire_worker_ready",
            "1 once the worker holds its partitions and has recovered its tables; 0 in a rebalance.",
            registry=registry,
        ),
        stories_opened=Counter(
            "diplowire_stories_opened", "New stories (first article of a real event), by type.",
            ["event_type"], registry=registry,
        ),
        story_mentions=Counter(
            "diplowire_story_mentions", "Events that joined an existing story, by type.",
            ["event_type"], registry=registry,
        ),
        status_changes=Counter(
            "diplowire_story_status_changes", "Articles that moved a story to a new status.",
            ["event_type"], registry=registry,
        ),
        replayed_events=Counter(
            "diplowire_replayed_events", "Events from articles a story had already counted.",
            registry=registry,
        ),
        consumer_lag=Gauge(
            "diplowire_consumer_lag_messages",
            "Messages behind the partition's high watermark after the last one processed.",
            ["topic", "partition"], registry=registry,
        ),
        invalid_events=Counter(
            "diplowire_alerter_invalid_events", "Event messages the alerter could not validate.",
            registry=registry,
        ),
        candidates_dropped=Counter(
            "diplowire_candidates_dropped",
            "Candidate events dropped because they failed the event contract, by type and rule.",
            ["event_type", "rule"], registry=registry,
        ),
    )
