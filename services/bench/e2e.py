"""End-to-end benchmark through the embedded broker: ingest -> extractor(s) -> event topics.

Latency is measured per article from the raw message's timestamp (set when it is sent) to
the timestamp of its first event on an event topic; throughput from the workers' own
`diplowire_articles_consumed_total`.
"""

import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from schemas.article import RawArticle
from services.core.broker import EmbeddedBroker, ensure_topics, stop_process
from services.core.codec import encode
from services.core.runner import wait_ready
from services.core.settings import KafkaSettings


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _metric(port: int, name: str) -> float:
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
               if line.startswith(name + " ") or line.startswith(name + "{"))


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def percentile(values: list[float], q: float) -> float | None:
    """The q-quantile (0..1) by nearest rank, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class _EventClock(threading.Thread):
    """Records the first event timestamp (ms) per article id from the event topics."""

    def __init__(self, bootstrap: str, topics: list[str]) -> None:
        super().__init__(daemon=True)
        self.consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
        parts = [TopicPartition(t, p) for t in topics
                 for p in sorted(self.consumer.partitions_for_topic(t) or [])]
        self.consumer.assign(parts)
        self.consumer.seek_to_end(*parts)
        for part in parts:
            self.consumer.position(part)
        self.first_seen: dict[str, int] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        import orjson

        while not self.stop.is_set():
            for records in self.consumer.poll(timeout_ms=200).values():
                for record in records:
                    article_id = orjson.loads(record.value)["article_id"]
                    self.first_seen.setdefault(article_id, record.timestamp)
        self.consumer.close()


class Pipeline:
    """An embedded broker and N extractor workers in one consumer group."""

    def __init__(self, workers: int, root: Path, partitions: int = 4) -> None:
        self.root = root
        self.broker = EmbeddedBroker(root / "broker", _free_port(), root / "broker.log").start()
        self.settings = KafkaSettings(kafka_bootstrap=self.broker.bootstrap, partitions=partitions)
        ensure_topics(self.settings, self.broker.bootstrap)
        self.ports, self.procs = [], []
        for i in range(workers):
            port = _free_port()
            env = {**os.environ, "DIPLOWIRE_KAFKA_BOOTSTRAP": self.broker.bootstrap,
                   "DIPLOWIRE_PARTITIONS": str(partitions),
                   "DIPLOWIRE_EXTRACTOR_GROUP": "bench-extractor",
                   "DIPLOWIRE_EXTRACTOR_METRICS_PORT": str(port),
                   "DIPLOWIRE_EXTRACTOR_WEB_PORT": str(_free_port()),
                   "DIPLOWIRE_EXTRACTOR_DATA_DIR": str(root / f"extractor-{i}")}
            log = (root / f"extractor-{i}.log").open("wb")
            self.procs.append(subprocess.Popen([sys.executable, "-m", "services.cli", "extractor"],
                                               env=env, stdout=log, stderr=subprocess.STDOUT,
                                               start_new_session=True))
            self.ports.append(port)
        for port in self.ports:
            wait_ready(port, self.procs)

    def consumed(self) -> float:
        """Articles consumed by all workers so far."""
        return sum(_metric(p, "diplowire_articles_consumed_total") for p in self.ports)

    def close(self) -> None:
        """Stop workers and broker."""
        for proc in self.procs:
            stop_process(proc, grace=10)
        self.broker.stop()


def run_phase(pipe: Pipeline, articles: list[RawArticle], rate: float, seconds: float,
              tag: str) -> dict:
    """Send `rate` articles/s for `seconds`; return latencies (s) and achieved throughput."""
    settings = pipe.settings
    clock = _EventClock(pipe.broker.bootstrap,
                        [settings.event_topic(t) for t in ("call", "tariff", "ban", "nomination")])
    clock.start()
    producer = KafkaProducer(bootstrap_servers=pipe.broker.bootstrap, linger_ms=5)
    sent: dict[str, int] = {}
    before = pipe.consumed()
    start = time.monotonic()
    total = int(rate * seconds)
    for i in range(total):
        target = start + i / rate
        delay = target - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        base = articles[i % len(articles)]
        article = base.model_copy(update={"id": f"{tag}-{i}"})
        now_ms = int(time.time() * 1000)
        producer.send(settings.topic_raw, key=article.id.encode(), value=encode(article),
                      timestamp_ms=now_ms)
        sent[article.id] = now_ms
    producer.flush()
    send_seconds = time.monotonic() - start
    drain_deadline = time.monotonic() + 30
    while time.monotonic() < drain_deadline and pipe.consumed() - before < total:
        time.sleep(0.2)
    elapsed = time.monotonic() - start
    time.sleep(1.0)
    clock.stop.set()
    clock.join(timeout=5)
    producer.close()
    latencies = [(clock.first_seen[a] - t) / 1000 for a, t in sent.items() if a in clock.first_seen]
    processed = pipe.consumed() - before
    return {"offered_rate": rate, "sent": total, "send_seconds": round(send_seconds, 2),
            "processed": int(processed), "achieved_rate": round(processed / elapsed, 1),
            "complete": processed >= total, "latencies": latencies}


def summarise(phase: dict) -> dict:
    """Phase figures without the raw latency list."""
    lat = phase["latencies"]
    out = {k: v for k, v in phase.items() if k != "latencies"}
    for name, q in (("p50", 0.5), ("p95", 0.95), ("p99", 0.99)):
        value = percentile(lat, q)
        out[f"latency_{name}_s"] = round(value, 3) if value is not None else None
    out["events_timed"] = len(lat)
    return out


def run_e2e(articles: list[RawArticle], workers: int, rate: float, duration: float,
            warmup: float, steps: list[float], step_seconds: float) -> dict:
    """Sustained-rate run, then a rate search, for one worker count."""
    with tempfile.TemporaryDirectory(prefix="diplowire-bench-") as tmp:
        pipe = Pipeline(workers, Path(tmp))
        try:
            run_phase(pipe, articles, rate, warmup, f"w{workers}-warm")
            sustained = run_phase(pipe, articles, rate, duration, f"w{workers}-run")
            search, best = [], None
            for step in steps:
                phase = summarise(run_phase(pipe, articles, step, step_seconds, f"w{workers}-{step}"))
                search.append(phase)
                if phase["complete"] and (phase["latency_p99_s"] or 0) < 1.0 \
                        and phase["achieved_rate"] >= 0.95 * step:
                    best = step
                else:
                    break
            return {"workers": workers, "sustained": summarise(sustained),
                    "latencies": sustained["latencies"], "rate_search": search,
                    "max_sustainable_rate": best,
                    "articles_per_worker": [int(_metric(port, "diplowire_articles_consumed_total"))
                                            for port in pipe.ports],
                    "peak_rss_mb": [_peak_rss_mb(p.pid) for p in pipe.procs]}
        finally:
            pipe.close()
