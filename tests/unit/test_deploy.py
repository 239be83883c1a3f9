"""docker-compose and deploy/ cannot run here: check them by reading."""

import json
import re
from pathlib import Path

import yaml
from prometheus_client import CollectorRegistry

from services.core.metrics import build_metrics
from services.core.settings import (
    AlerterSettings,
    EmbeddedBrokerSettings,
    ExtractorSettings,
    IngestSettings,
)

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def known_env_names() -> set[str]:
    names = set()
    for cls in (ExtractorSettings, AlerterSettings, IngestSettings, EmbeddedBrokerSettings):
        prefix = cls.model_config["env_prefix"]
        names |= {f"{prefix}{field}".upper() for field in cls.model_fields}
    return names


def test_compose_services_and_images_are_pinned():
    services = compose()["services"]
    assert {"kafka", "topic-init", "extractor", "alerter", "prometheus", "grafana"} <= set(services)
    assert services["extractor"]["deploy"]["replicas"] == 2
    for name, service in services.items():
        image = service.get("image", "")
        assert ":" in image and not image.endswith(":latest"), name


def test_compose_env_names_exist_in_settings():
    known = known_env_names()
    for name, service in compose()["services"].items():
        for key in service.get("environment") or {}:
            if key.startswith("DIPLOWIRE_"):
                assert key in known, f"{name}: {key} is not a setting"


def test_compose_mounts_exist_and_ports_match_prometheus():
    for service in compose()["services"].values():
        for volume in service.get("volumes") or []:
            if volume.startswith("./"):
                assert (ROOT / volume.split(":")[0]).exists(), volume
    prom = yaml.safe_load((ROOT / "deploy/prometheus/prometheus.yml").read_text())
    ports = {c["job_name"]: c["dns_sd_configs"][0]["port"] for c in prom["scrape_configs"]}
    env = compose()["services"]
    assert ports["diplowire-extractor"] == int(env["extractor"]["environment"]["DIPLOWIRE_EXTRACTOR_METRICS_PORT"])
    assert ports["diplowire-alerter"] == int(env["alerter"]["environment"]["DIPLOWIRE_ALERTER_METRICS_PORT"])


def test_dashboard_uses_only_metrics_we_export():
    registry = CollectorRegistry()
    build_metrics(registry, "test")
    exported = set()
    for family in registry.collect():
        suffixes = {"counter": ["_total"], "histogram": ["_bucket", "_count", "_sum"],
                    "gauge": [""], "info": ["_info"]}[family.type]
        exported |= {family.name + suffix for suffix in suffixes}
    dashboard = json.loads((ROOT / "deploy/grafana/dashboards/diplowire.json").read_text())
    datasource = yaml.safe_load(
        (ROOT / "deploy/grafana/provisioning/datasources/prometheus.yaml").read_text())
    uid = datasource["datasources"][0]["uid"]
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == uid
        for target in panel["targets"]:
            for name in re.findall(r"diplowire_[a-z_]+", target["expr"]):
                assert name in exported, name


def test_prometheus_and_grafana_listen_on_loopback_and_grafana_wants_a_login():
    services = compose()["services"]
    for name in ("prometheus", "grafana"):
        assert all(str(p).startswith("127.0.0.1:") for p in services[name]["ports"]), name
    grafana = services["grafana"]["environment"]
    assert grafana["GF_AUTH_ANONYMOUS_ENABLED"] == "false"
    assert "GF_AUTH_ANONYMOUS_ORG_ROLE" not in grafana
    assert "GRAFANA_ADMIN_PASSWORD" in grafana["GF_SECURITY_ADMIN_PASSWORD"]
