"""`diplowire up`: the whole pipeline on one machine, with the bundled sample feed."""

import os
import subprocess
import sys
import time
from pathlib import Path

import orjson
from kafka import KafkaConsumer, TopicPartition

from services.core.broker import EmbeddedBroker, ensure_topics, stop_process
from services.core.runner import wait_ready
from services.core.settings import (
    AlerterSettings,
    EmbeddedBrokerSettings,
    ExtractorSettings,
    IngestSettings,
)
from services.extract import extract
from services.ingest.publish import make_producer, publish_articles
from services.ingest.reader import read_articles

SAMPLE_FEED = Path(__file__).parent / "samples" / "feed.jsonl"


def _spawn(command: str, bootstrap: str) -> subprocess.Popen:
    env = {**os.environ, "DIPLOWIRE_KAFKA_BOOTSTRAP": bootstrap}
    return subprocess.Popen([sys.executable, "-m", "services.cli", command], env=env,
                            start_new_session=True)


def _tail_consumer(settings: IngestSettings, bootstrap: str, topics: list[str]) -> KafkaConsumer:
    """A group-less consumer positioned at the current end of `topics`."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap.split(","), enable_auto_commit=False,
                             **settings.client_kwargs())
    parts = [TopicPartition(t, p) for t in topics
             for p in sorted(consumer.partitions_for_topic(t) or [])]
    consumer.assign(parts)
    consumer.seek_to_end(*parts)
    for part in parts:
        consumer.position(part)
    return consumer


def _show(topic: str, value: bytes) -> str:
    data = orjson.loads(value)
    if topic.endswith("alerts") or "alert_id" in data:
        return f"ALERT [{data['severity']}] {data['summary']}"
    if "reason" in data and "payload_base64" in data:
        return f"DEAD LETTER [{data['reason']}] {data['error'][:100]}"
    fields = {k: data.get(k) for k in ("participants", "imposer", "targets", "rate_percent",
                                       "authority", "subject", "nominee", "position") if k in data}
    return (f"EVENT {data['event_type']:<10} {data['status']:<10} conf={data['confidence']:.2f} "
            f"{orjson.dumps(fields).decode()[:160]}")


def run_up(feed: str | None = None, keep_running: bool = True, timeout: float = 120.0) -> int:
    """Start broker (unless one is configured), topics, workers; ingest; print; stop on Ctrl-C."""
    settings = IngestSettings()
    broker = None
    bootstrap = settings.kafka_bootstrap
    if not bootstrap:
        embedded = EmbeddedBrokerSettings()
        broker = EmbeddedBroker(embedded.data_dir, embedded.port).start()
        bootstrap = broker.bootstrap
        print(f"embedded broker on {bootstrap} (data in {embedded.data_dir})", flush=True)
    workers: list[subprocess.Popen] = []
    try:
        ensure_topics(settings, bootstrap)
        workers = [_spawn("extractor", bootstrap), _spawn("alerter", bootstrap)]
        for port in (ExtractorSettings().extractor_metrics_port,
                     AlerterSettings().alerter_metrics_port):
            wait_ready(port, workers)
        watched = [*[settings.event_topic(t) for t in ("call", "tariff", "ban", "nomination")],
                   settings.topic_alerts, settings.topic_dlq]
        consumer = _tail_consumer(settings, bootstrap, watched)
        articles = [r.article for r in read_articles(str(feed or SAMPLE_FEED)) if r.article]
        expected = sum(1 for a in articles for _ in extract(a))
        producer = make_producer(settings, bootstrap)
        sent = publish_articles(producer, settings.topic_raw, articles)
        producer.close()
        print(f"ingested {sent} articles; expecting {expected} events. Ctrl-C stops.", flush=True)
        return _follow(consumer, settings, expected, keep_running, timeout, workers)
    except KeyboardInterrupt:
        return 0
    finally:
        print("stopping...", flush=True)
        for proc in workers:
            stop_process(proc, grace=10)
        if broker:
            broker.stop()


def _follow(consumer, settings, expected: int, keep_running: bool, timeout: float,
            workers: list[subprocess.Popen]) -> int:
    events = alerts = 0
    deadline = time.monotonic() + timeout
    while keep_running or time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in workers):
            print("a worker exited; see its output above", flush=True)
            return 1
        for records in consumer.poll(timeout_ms=500).values():
            for record in records:
                print(_show(record.topic, record.value), flush=True)
                if record.topic == settings.topic_alerts:
                    alerts += 1
                elif record.topic.startswith(settings.topic_events_prefix):
                    events += 1
        if not keep_running and events >= expected and alerts > 0:
            print(f"received {events} events and {alerts} alerts", flush=True)
            return 0
    print(f"timed out: {events}/{expected} events, {alerts} alerts", flush=True)
    return 1
