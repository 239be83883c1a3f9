"""A real Prometheus scrapes a running pipeline; every dashboard and rule expression has data.

Uses the `prometheus` and `promtool` binaries (Debian package `prometheus`, installed by
.ci/run). Skips on a developer machine without them; fails in CI (CI=true).
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import yaml
from kafka import KafkaProducer

from services.core.broker import stop_process
from tests.integration.conftest import free_port

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
FEED = ROOT / "tests" / "fixtures" / "story_feed.jsonl"
COMPARISON = re.compile(r"(==|!=|>=|<=|>|<)\s*-?\d+(?:\.\d+)?(?![\w\[])")


@pytest.fixture(scope="module")
def binaries():
    found = {name: shutil.which(name) for name in ("prometheus", "promtool")}
    missing = [name for name, path in found.items() if not path]
    if missing:
        message = f"{', '.join(missing)} not installed (Debian package `prometheus`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


def test_promtool_accepts_config_and_rules(binaries):
    for args in (["check", "config", str(DEPLOY / "prometheus/prometheus.yml")],
                 ["check", "rules", str(DEPLOY / "prometheus/rules.yml")]):
        done = subprocess.run([binaries["promtool"], *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def expressions() -> list[str]:
    """Every dashboard query, and every rule with its threshold neutralised."""
    dashboard = json.loads((DEPLOY / "grafana/dashboards/diplowire.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    rules = yaml.safe_load((DEPLOY / "prometheus/rules.yml").read_text())
    for group in rules["groups"]:
        exprs += [COMPARISON.sub(">= -Inf", r["expr"]) for r in group["rules"]]
    return exprs


def query(port: int, expr: str) -> list:
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    body = json.loads(urllib.request.urlopen(url, timeout=5).read())
    assert body["status"] == "success", body
    return body["data"]["result"]


def _ready(port: int) -> bool:
    try:
        return len(query(port, "up")) == 2
    except OSError:
        return False


def ingest(env: dict, raw_topic: str) -> None:
    """The multi-outlet story feed through the CLI, plus one broken message."""
    done = subprocess.run([sys.executable, "-m", "services.cli", "ingest", str(FEED), "--quiet"],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    producer = KafkaProducer(bootstrap_servers=env["DIPLOWIRE_KAFKA_BOOTSTRAP"])
    producer.send(raw_topic, key=b"bad", value=b"{broken").get(10)
    producer.close()


def test_real_prometheus_scrapes_the_pipeline(binaries, pipeline, tmp_path):
    env = pipeline["env"]

    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(DEPLOY / "prometheus/rules.yml")],
        "scrape_configs": [
            {"job_name": "diplowire-extractor", "static_configs": [
                {"targets": [f"127.0.0.1:{env['DIPLOWIRE_EXTRACTOR_METRICS_PORT']}"]}]},
            {"job_name": "diplowire-alerter", "static_configs": [
                {"targets": [f"127.0.0.1:{env['DIPLOWIRE_ALERTER_METRICS_PORT']}"]}]},
        ],
    }
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    proc = subprocess.Popen(
        [binaries["prometheus"], f"--config.file={tmp_path / 'prometheus.yml'}",
         f"--storage.tsdb.path={tmp_path / 'tsdb'}", f"--web.listen-address=127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=(tmp_path / "prometheus.log").open("wb"),
        start_new_session=True)
    try:
        # Scrape an idle pipeline first, so that rates cover the articles sent next.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not _ready(port):
            time.sleep(1)
        time.sleep(3)
        ingest(env, pipeline["settings"].topic_raw)
        empty = expressions()
        deadline = time.monotonic() + 90
        while empty and time.monotonic() < deadline:
            time.sleep(2)
            try:
                empty = [e for e in empty if not query(port, e)]
            except OSError:
                continue  # not ready yet
        assert not empty, f"no data for: {empty}"
        up = {r["metric"]["job"]: float(r["value"][1]) for r in query(port, "up")}
        assert up == {"diplowire-extractor": 1.0, "diplowire-alerter": 1.0}
        rejected = query(port, 'diplowire_articles_rejected_total{reason="invalid_json"}')
        assert float(rejected[0]["value"][1]) >= 1
    finally:
        stop_process(proc, grace=10)
