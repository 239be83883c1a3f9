"""Run a faust app as a worker process with a Prometheus endpoint beside it."""

import time
import urllib.request
from pathlib import Path

import faust
from prometheus_client import start_http_server

from services.core.errors import DiplowireError
from services.core.metrics import Metrics


def run_worker(app: faust.App, metrics: Metrics, metrics_port: int, metrics_host: str,
               loglevel: str = "WARNING") -> None:
    """Serve /metrics on metrics_host:metrics_port and run `app` until stopped."""
    Path(app.conf.datadir).mkdir(parents=True, exist_ok=True)
    start_http_server(metrics_port, addr=metrics_host, registry=metrics.registry)
    worker = faust.Worker(app, loglevel=loglevel, quiet=True)
    worker.execute_from_commandline()


def wait_ready(port: int, procs=(), timeout: float = 90.0, host: str = "127.0.0.1") -> None:
    """Block until the worker serving /metrics on `port` reports `diplowire_worker_ready 1`.

    Messages are best published once workers hold their partitions: a test or `up` that
    publishes during a group join depends on the broker's reset policy.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(proc.poll() is not None for proc in procs):
            raise DiplowireError("a worker exited while starting")
        try:
            page = urllib.request.urlopen(f"http://{host}:{port}/metrics", timeout=2).read()
            if b"\ndiplowire_worker_ready 1.0" in page:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise DiplowireError(f"worker on port {port} not ready after {timeout}s")
