"""Run a faust app as a worker process with a Prometheus endpoint beside it."""

from pathlib import Path

import faust
from prometheus_client import start_http_server

from services.core.metrics import Metrics


def run_worker(app: faust.App, metrics: Metrics, metrics_port: int, metrics_host: str,
               loglevel: str = "WARNING") -> None:
    """Serve /metrics on metrics_host:metrics_port and run `app` until stopped."""
    Path(app.conf.datadir).mkdir(parents=True, exist_ok=True)
    start_http_server(metrics_port, addr=metrics_host, registry=metrics.registry)
    worker = faust.Worker(app, loglevel=loglevel, quiet=True)
    worker.execute_from_commandline()
