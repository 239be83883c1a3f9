"""`diplowire up`: the whole pipeline on one machine, with the bundled sample feed.

`up` owns its children: SIGINT, SIGTERM, SIGHUP or a closed stdout stop the workers and the
broker (SIGTERM, then SIGKILL after a grace period), and the children die with it even if it
is killed outright. A run that is still alive, or a port already taken, stops a second `up`
with a line saying what to do; a broker that already holds the sample feed is announced as
a replay.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
from kafka import KafkaConsumer, TopicPartition

from services.core.broker import EmbeddedBroker, accepts_connections, ensure_topics
from services.core.children import alive, spawn, stop_all
from services.core.errors import DiplowireError
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
STOP_GRACE_S = 10.0


class _Stop(Exception):
    """A signal asked `up` to stop."""


def _on_signal(signum, _frame):
    raise _Stop(signal.Signals(signum).name)


def _say(text: str) -> None:
    """Print, and stop quietly once nobody reads stdout (a closed pipe)."""
    try:
        print(text, flush=True)
    except (BrokenPipeError, ValueError) as exc:
        with contextlib.suppress(OSError):  # later prints must not raise again
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
        raise _Stop("stdout closed") from exc


def _spawn(command: str, bootstrap: str) -> subprocess.Popen:
    env = {**os.environ, "DIPLOWIRE_KAFKA_BOOTSTRAP": bootstrap}
    return spawn([sys.executable, "-m", "services.cli", command], env=env)


def _refuse_leftovers(pid_file: Path, ports: dict[str, int]) -> None:
    """Stop with a clear line if an earlier `up` still runs, or a port we need is taken."""
    if pid_file.exists():
        pids = [int(p) for p in pid_file.read_text().split() if p.isdigit()]
        running = [p for p in pids if alive(p)]
        if running:
            raise DiplowireError(
                f"an earlier `diplowire up` is still running (pids {' '.join(map(str, running))}"
                f"); stop it with: kill -TERM {running[0]}  (its children stop with it)")
        pid_file.unlink()
    for what, port in ports.items():
        if accepts_connections("127.0.0.1", port):
            raise DiplowireError(
                f"port {port} ({what}) is already in use on 127.0.0.1: another diplowire "
                f"or Kafka runs here; stop it, or set {_PORT_VARIABLES[what]} to a free port")


_PORT_VARIABLES = {
    "embedded broker": "DIPLOWIRE_EMBEDDED_PORT",
    "extractor metrics": "DIPLOWIRE_EXTRACTOR_METRICS_PORT",
    "alerter metrics": "DIPLOWIRE_ALERTER_METRICS_PORT",
}


def _earlier_articles(settings: IngestSettings, bootstrap: str) -> int:
    """Articles already on the raw topic (a broker kept from an earlier run)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap.split(","), **settings.client_kwargs())
    try:
        parts = [TopicPartition(settings.topic_raw, p)
                 for p in sorted(consumer.partitions_for_topic(settings.topic_raw) or [])]
        return sum(consumer.end_offsets(parts).values()) if parts else 0
    finally:
        consumer.close()


def wipe_local_state(dirs: list[Path]) -> None:
    """Delete the embedded broker's and the workers' data dirs (`up --fresh`)."""
    for path in dirs:
        shutil.rmtree(path, ignore_errors=True)


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


def run_up(feed: str | None = None, keep_running: bool = True, timeout: float = 120.0,
           fresh: bool = False) -> int:
    """Start broker (unless one is configured), topics, workers; ingest; print; stop cleanly."""
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        return _run(feed, keep_running, timeout, fresh)
    except DiplowireError as exc:
        print(f"diplowire up: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _run(feed, keep_running, timeout, fresh) -> int:
    settings, embedded = IngestSettings(), EmbeddedBrokerSettings()
    extractor, alerter = ExtractorSettings(), AlerterSettings()
    bootstrap = settings.kafka_bootstrap
    ports = {"extractor metrics": extractor.extractor_metrics_port,
             "alerter metrics": alerter.alerter_metrics_port}
    if not bootstrap:
        ports["embedded broker"] = embedded.port
    pid_file = embedded.data_dir.parent / "up.pid"
    _refuse_leftovers(pid_file, ports)
    if fresh:
        wipe_local_state([embedded.data_dir, extractor.extractor_data_dir,
                          alerter.alerter_data_dir])
    broker = None
    workers: list[subprocess.Popen] = []
    try:
        if not bootstrap:
            broker = EmbeddedBroker(embedded.data_dir, embedded.port).start()
            bootstrap = broker.bootstrap
            _say(f"embedded broker on {bootstrap} (data in {embedded.data_dir})")
        ensure_topics(settings, bootstrap)
        workers = [_spawn("extractor", bootstrap), _spawn("alerter", bootstrap)]
        pid_file.parent.mkdir(parents=True, exist_ok=True)
        pid_file.write_text(" ".join(str(p) for p in (os.getpid(), *(w.pid for w in workers),
                                                      broker.pid if broker else 0)))
        for port in (ports["extractor metrics"], ports["alerter metrics"]):
            wait_ready(port, workers)
        watched = [*[settings.event_topic(t) for t in ("call", "tariff", "ban", "nomination")],
                   settings.topic_alerts, settings.topic_dlq]
        consumer = _tail_consumer(settings, bootstrap, watched)
        earlier = _earlier_articles(settings, bootstrap)
        if earlier:
            _say(f"this broker already holds {earlier} articles from an earlier run: the sample "
                 "feed's events are replays of stories alerted on then, so expect few or no "
                 "new alerts. To start from empty: `diplowire up --fresh` (or `make clean`).")
        articles = [r.article for r in read_articles(str(feed or SAMPLE_FEED)) if r.article]
        expected = sum(1 for a in articles for _ in extract(a))
        producer = make_producer(settings, bootstrap)
        sent = publish_articles(producer, settings.topic_raw, articles)
        producer.close()
        _say(f"ingested {sent} articles; expecting {expected} events. Ctrl-C stops.")
        return _follow(consumer, settings, expected, keep_running, timeout, workers,
                       need_alerts=not earlier)
    except (KeyboardInterrupt, _Stop):
        return 0
    finally:
        for sig in (signal.SIGTERM, signal.SIGHUP):  # a second signal must not cut the cleanup
            signal.signal(sig, signal.SIG_IGN)
        with contextlib.suppress(_Stop):
            _say("stopping...")
        stop_all(workers, grace=STOP_GRACE_S)
        if broker:
            broker.stop()
        pid_file.unlink(missing_ok=True)


def _follow(consumer, settings, expected: int, keep_running: bool, timeout: float,
            workers: list[subprocess.Popen], need_alerts: bool = True) -> int:
    events = alerts = 0
    deadline = time.monotonic() + timeout
    while keep_running or time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in workers):
            _say("a worker exited; see its output above")
            return 1
        for records in consumer.poll(timeout_ms=500).values():
            for record in records:
                _say(_show(record.topic, record.value))
                if record.topic == settings.topic_alerts:
                    alerts += 1
                elif record.topic.startswith(settings.topic_events_prefix):
                    events += 1
        if not keep_running and events >= expected and (alerts > 0 or not need_alerts):
            _say(f"received {events} events and {alerts} alerts")
            return 0
    _say(f"timed out: {events}/{expected} events, {alerts} alerts")
    return 1
