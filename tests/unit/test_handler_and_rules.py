import base64
import datetime as dt
import hashlib

import orjson
import pytest
from prometheus_client import CollectorRegistry

from schemas import DeadLetter, EventAdapter
from services.alerter.app import decide
from services.alerter.rules import Rule, load_rules, matching_rules
from services.core.errors import ConfigError
from services.core.metrics import build_metrics
from services.core.settings import ExtractorSettings
from services.extract.stories import fingerprint
from services.extractor import handler

ARTICLE = orjson.dumps({
    "id": "a1", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z",
    "body": "Canada announced retaliatory tariffs of 25% on U.S. goods on Monday."})


@pytest.fixture
def metrics():
    return build_metrics(CollectorRegistry(), "test")


def value(metrics, name, **labels):
    return metrics.registry.get_sample_value(name, labels or None) or 0


def test_handle_routes_events_to_the_story_stage_by_fingerprint(metrics):
    outs = handler.handle(b"a1", ARTICLE, "news.raw", 0, 7, ExtractorSettings(), metrics)
    assert [(o.topic, o.event_type) for o in outs] == [("diplowire.events.by-story", "tariff")]
    event = EventAdapter.validate_json(outs[0].value)
    assert outs[0].key == fingerprint(event).encode() == b"tariff|CAN|USA"
    assert value(metrics, "diplowire_articles_consumed_total") == 1


def test_handle_sends_bad_input_to_the_dead_letter_topic(metrics):
    (out,) = handler.handle(b"k", b"\x00\xffjunk", "news.raw", 2, 9, ExtractorSettings(), metrics)
    letter = DeadLetter.model_validate_json(out.value)
    assert out.topic == "news.raw.dlq"
    assert (letter.reason, letter.partition, letter.offset) == ("invalid_encoding", 2, 9)
    assert base64.b64decode(letter.payload_base64) == b"\x00\xffjunk"
    assert not letter.payload_truncated and letter.payload_bytes == 6
    # Counted only once the broker has the dead letter, not when it is built.
    assert value(metrics, "diplowire_articles_rejected_total", reason="invalid_encoding") == 0
    handler.delivered(out, metrics)
    assert value(metrics, "diplowire_articles_rejected_total", reason="invalid_encoding") == 1


def test_a_dead_letter_always_fits_the_message_limit(metrics):
    # 160,000 Chinese characters sent ASCII-escaped: 960 KB, over the article limit; its
    # base64 dead letter would be 1.3 MB, over the broker's limit, and lost.
    body = "\\u4e2d" * 160_000
    value_ = ('{"id":"big","source":"s","url":"u","published_at":"2025-01-01T00:00:00Z",'
              f'"body":"{body}"}}').encode()
    settings = ExtractorSettings()
    (out,) = handler.handle(b"big", value_, "news.raw", 0, 3, settings, metrics)
    letter = DeadLetter.model_validate_json(out.value)
    assert letter.reason == "oversized"
    assert len(out.value) <= settings.message_limit_bytes
    assert letter.payload_truncated and letter.payload_bytes == len(value_)
    assert letter.payload_sha256 == hashlib.sha256(value_).hexdigest()
    assert value_.startswith(base64.b64decode(letter.payload_base64))


@pytest.mark.parametrize("fields, reason", [
    ({"language": "zh"}, "unsupported_language"),
    ({"body": "美国总统特朗普与中国国家主席习近平通电话。" * 20}, "unsupported_language"),
    ({"body": "Trump phoned Xi. " * 2000}, "extraction_timeout"),
])
def test_unsupported_or_endless_articles_are_dead_letters(metrics, fields, reason):
    article = {**orjson.loads(ARTICLE), **fields}
    settings = ExtractorSettings(extract_budget_s=0.001)
    (out,) = handler.handle(b"a1", orjson.dumps(article), "news.raw", 0, 1, settings, metrics)
    assert (out.topic, DeadLetter.model_validate_json(out.value).reason) == ("news.raw.dlq", reason)


def test_handle_turns_an_extraction_crash_into_a_dead_letter(metrics, monkeypatch):
    def boom(article):
        raise RuntimeError("bug")
    monkeypatch.setattr(handler, "analyse", boom)
    (out,) = handler.handle(b"a1", ARTICLE, "news.raw", 0, 1, ExtractorSettings(), metrics)
    assert DeadLetter.model_validate_json(out.value).reason == "extraction_error"


def test_bundled_rules_load_and_bad_rules_fail(tmp_path):
    assert load_rules()
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules: [{id: x, severity: loud}]")
    with pytest.raises(ConfigError):
        load_rules(bad)


def test_rules_match_on_type_country_status_and_confidence(metrics):
    (out,) = handler.handle(b"a1", ARTICLE, "news.raw", 0, 7, ExtractorSettings(), metrics)
    event = EventAdapter.validate_json(out.value)
    rules = [
        Rule(id="a", severity="info", event_types=["tariff"], countries=["USA"]),
        Rule(id="b", severity="info", event_types=["call"]),
        Rule(id="c", severity="info", statuses=["lifted"]),
        Rule(id="d", severity="info", min_confidence=0.99),
        Rule(id="e", severity="critical", countries=["CAN"], statuses=["announced"]),
    ]
    assert [r.id for r in matching_rules(event, rules)] == ["a", "e"]
    _, alerts = decide(event, rules, None, dt.datetime.now(dt.UTC))
    assert {a.rule_id for a in alerts} == {"a", "e"}
    assert len({a.alert_id for a in alerts}) == 2
