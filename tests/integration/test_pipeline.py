"""ingest -> extractor -> alerter through the embedded broker, with bad input and metrics."""

import subprocess
import sys
import time

import orjson
import pytest
from kafka import KafkaConsumer, KafkaProducer

from schemas import Alert, DeadLetter, EventAdapter, RawArticle
from services.extract import extract
from services.up import SAMPLE_FEED
from tests.integration.conftest import scrape

pytestmark = pytest.mark.integration
GOOD = {"id": "x", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z", "body": "b"}
BAD = {
    "invalid_json": b"{this is not json",
    "schema_violation": orjson.dumps({**GOOD, "published_at": "not a date"}),
    "empty_body": orjson.dumps({**GOOD, "body": "   "}),
    "oversized": orjson.dumps({**GOOD, "body": "word " * 50_000}),
    "invalid_encoding": b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe binary garbage",
}


def drain(bootstrap: str, topics: list[str], until, timeout: float = 60.0) -> list:
    consumer = KafkaConsumer(*topics, bootstrap_servers=bootstrap, auto_offset_reset="earliest",
                             group_id=None, enable_auto_commit=False)
    records: list = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and not until(records):
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
    finally:
        consumer.close()
    return records


def test_pipeline_end_to_end(pipeline):
    env, settings = pipeline["env"], pipeline["settings"]
    bootstrap = env["DIPLOWIRE_KAFKA_BOOTSTRAP"]
    # 1. ingest the sample feed through the real CLI.
    done = subprocess.run([sys.executable, "-m", "services.cli", "ingest", str(SAMPLE_FEED),
                           "--quiet"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    articles = [RawArticle.model_validate_json(line) for line in SAMPLE_FEED.read_bytes().splitlines()]
    expected = {e.event_id: e for a in articles for e in extract(a)}
    assert "published 12 articles" in done.stderr
    # 2. bad input straight onto the raw topic.
    producer = KafkaProducer(bootstrap_servers=bootstrap, max_request_size=4_000_000)
    for reason, value in BAD.items():
        producer.send(settings.topic_raw, key=reason.encode(), value=value)
    producer.flush()
    producer.close()

    event_topics = [settings.event_topic(t) for t in ("call", "tariff", "ban", "nomination")]
    records = drain(bootstrap, event_topics, lambda r: len(r) >= len(expected))
    got = {r.key.decode(): EventAdapter.validate_json(r.value) for r in records}
    assert set(got) == set(expected)
    for event_id, event in got.items():
        assert r_topic(records, event_id) == settings.event_topic(event.event_type)
        story = {"story_id", "first_seen_at", "mentions", "sources", "status_change",
                 "previous_status"}
        assert event.model_dump(exclude=story) == expected[event_id].model_dump(exclude=story)
        assert event.story_id and event.mentions >= 1

    letters = [DeadLetter.model_validate_json(r.value) for r in
               drain(bootstrap, [settings.topic_dlq], lambda r: len(r) >= len(BAD))]
    assert {(d.key, d.reason.value) for d in letters} == {(k, k) for k in BAD}
    assert all(d.error and d.source_topic == settings.topic_raw for d in letters)

    alerts = [Alert.model_validate_json(r.value) for r in
              drain(bootstrap, [settings.topic_alerts], lambda r: len(r) >= 1)]
    assert alerts and all(a.event.event_id in expected for a in alerts)

    metrics = wait_for_metrics(env["DIPLOWIRE_EXTRACTOR_METRICS_PORT"],
                               "diplowire_articles_consumed_total", len(articles) + len(BAD))
    for reason in BAD:
        assert metrics[f'diplowire_articles_rejected_total{{reason="{reason}"}}'] == 1
    by_type = {}
    for event in expected.values():
        by_type[event.event_type] = by_type.get(event.event_type, 0) + 1
    for kind, count in by_type.items():
        assert metrics[f'diplowire_events_emitted_total{{event_type="{kind}"}}'] == count
    assert metrics["diplowire_extraction_duration_seconds_count"] == len(articles)
    assert sum(v for k, v in metrics.items()
               if k.startswith("diplowire_pipeline_latency_seconds_count")) == len(expected)
    assert all(p.poll() is None for p in pipeline["procs"]), "workers must survive bad input"


def r_topic(records, event_id: str) -> str:
    return next(r.topic for r in records if r.key.decode() == event_id)


def wait_for_metrics(port: str, name: str, target: float, timeout: float = 30.0) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        metrics = scrape(port)
        if metrics.get(name, 0) >= target or time.monotonic() > deadline:
            assert metrics.get(name) == target
            return metrics
        time.sleep(0.3)
