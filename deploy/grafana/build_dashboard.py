"""Write deploy/grafana/dashboards/diplowire.json (run: python deploy/grafana/build_dashboard.py).

Standard library only. Every query names metrics from services/core/metrics.py; the tests
check that each one exists and returns data from a real Prometheus.
"""

import json
from pathlib import Path

DATASOURCE = {"type": "prometheus", "uid": "diplowire-prometheus"}
Q = "histogram_quantile({q}, sum by (le) (rate({m}_bucket[5m])))"
PANELS = [
    ("Articles in / s", "reqps", [("sum(rate(diplowire_articles_consumed_total[5m]))", "articles")]),
    ("Events out / s by type", "reqps",
     [("sum by (event_type) (rate(diplowire_events_emitted_total[5m]))", "{{event_type}}")]),
    ("Dead letters / s by reason", "reqps",
     [("sum by (reason) (rate(diplowire_articles_rejected_total[5m]))", "{{reason}}")]),
    ("Pipeline latency: raw message to event on its topic", "s",
     [(Q.format(q=q, m="diplowire_pipeline_latency_seconds"), f"p{round(q * 100)}")
      for q in (0.5, 0.95, 0.99)]),
    ("Alerts / s by severity", "reqps",
     [("sum by (severity) (rate(diplowire_alerts_total[5m]))", "{{severity}}")]),
    ("Stories vs mentions / s", "reqps",
     [("sum(rate(diplowire_stories_opened_total[5m]))", "new stories"),
      ("sum(rate(diplowire_story_mentions_total[5m]))", "mentions of known stories"),
      ("sum(rate(diplowire_story_status_changes_total[5m]))", "status changes")]),
    ("Workers up (scrape and stream)", "short",
     [("up{job=~\"diplowire-.*\"}", "scrape {{job}} {{instance}}"),
      ("diplowire_worker_up", "stream {{job}} {{instance}}")]),
    ("Consumer lag (messages) by topic", "short",
     [("max by (topic) (diplowire_consumer_lag_messages)", "{{topic}}")]),
    ("extract() time per article, p99", "s",
     [(Q.format(q=0.99, m="diplowire_extraction_duration_seconds"), "p99")]),
    ("Alert latency: event on topic to alert, p99", "s",
     [(Q.format(q=0.99, m="diplowire_alert_latency_seconds"), "p99")]),
]


def panel(index: int, title: str, unit: str, queries: list[tuple[str, str]]) -> dict:
    """One time-series panel, laid out two per row."""
    return {
        "id": index + 1, "type": "timeseries", "title": title, "datasource": DATASOURCE,
        "gridPos": {"h": 8, "w": 12, "x": 12 * (index % 2), "y": 8 * (index // 2)},
        "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom"},
                    "tooltip": {"mode": "multi"}},
        "targets": [{"refId": chr(65 + i), "expr": expr, "legendFormat": legend,
                     "datasource": DATASOURCE} for i, (expr, legend) in enumerate(queries)],
    }


def dashboard() -> dict:
    """The whole dashboard model."""
    return {
        "uid": "diplowire-overview", "title": "diplowire overview", "schemaVersion": 39,
        "version": 2, "editable": True, "tags": ["diplowire"], "timezone": "utc",
        "time": {"from": "now-1h", "to": "now"}, "refresh": "30s",
        "templating": {"list": []}, "annotations": {"list": []},
        "panels": [panel(i, *spec) for i, spec in enumerate(PANELS)],
    }


if __name__ == "__main__":
    out = Path(__file__).parent / "dashboards" / "diplowire.json"
    out.write_text(json.dumps(dashboard(), indent=2) + "\n", encoding="utf-8")
    print(out)
