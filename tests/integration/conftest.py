"""Real parts: an embedded broker per test session, real worker processes."""

import os
import socket
import subprocess
import sys
import urllib.request

import pytest

from services.core.broker import EmbeddedBroker, ensure_topics, stop_process
from services.core.runner import wait_ready
from services.core.settings import KafkaSettings


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def worker_env(root) -> dict[str, str]:
    """Environment for worker processes: free ports and private data dirs under `root`."""
    env = dict(os.environ)
    for service in ("EXTRACTOR", "ALERTER"):
        env[f"DIPLOWIRE_{service}_METRICS_PORT"] = str(free_port())
        env[f"DIPLOWIRE_{service}_WEB_PORT"] = str(free_port())
        env[f"DIPLOWIRE_{service}_DATA_DIR"] = str(root / service.lower())
    return env


@pytest.fixture(scope="session")
def broker(tmp_path_factory):
    root = tmp_path_factory.mktemp("broker")
    with EmbeddedBroker(root / "data", free_port(), root / "broker.log") as running:
        yield running


@pytest.fixture(scope="session")
def pipeline(broker, tmp_path_factory):
    """Topics created, one extractor and one alerter running; yields their env and ports."""
    root = tmp_path_factory.mktemp("workers")
    env = {**worker_env(root), "DIPLOWIRE_KAFKA_BOOTSTRAP": broker.bootstrap,
           "DIPLOWIRE_PARTITIONS": "2"}
    settings = KafkaSettings(kafka_bootstrap=broker.bootstrap, partitions=2)
    ensure_topics(settings, broker.bootstrap)
    logs = {name: (root / f"{name}.log").open("wb") for name in ("extractor", "alerter")}
    procs = [subprocess.Popen([sys.executable, "-m", "services.cli", name], env=env,
                              stdout=logs[name], stderr=subprocess.STDOUT,
                              start_new_session=True) for name in logs]
    for port in (env["DIPLOWIRE_EXTRACTOR_METRICS_PORT"], env["DIPLOWIRE_ALERTER_METRICS_PORT"]):
        wait_ready(int(port), procs)
    yield {"env": env, "settings": settings, "procs": procs, "root": root}
    for proc in procs:
        stop_process(proc, grace=10)


def scrape(port: str) -> dict[str, float]:
    """Parse a /metrics page into {'name{labels}': value}."""
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, number = line.rpartition(" ")
            samples[name] = float(number)
    return samples
