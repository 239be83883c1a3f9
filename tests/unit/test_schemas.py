import datetime as dt

import pytest
from pydantic import ValidationError

from schemas import EventAdapter, RawArticle
from schemas.export import JSONSCHEMA_DIR, render_json_schemas

BASE = {"id": "a1", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z",
        "title": "t", "body": "Some text."}


def test_raw_article_accepts_valid_input():
    assert RawArticle.model_validate(BASE).published_at.tzinfo is not None


@pytest.mark.parametrize("change", [
    {"published_at": "2025-01-01T00:00:00"},  # naive timestamp
    {"body": "   \n "},
    {"body": ""},
    {"id": "has space"},
    {"unexpected": 1},
    {"body": "x" * 200_001},
])
def test_raw_article_rejects_bad_input(change):
    with pytest.raises(ValidationError):
        RawArticle.model_validate({**BASE, **change})


def test_event_union_dispatches_on_event_type():
    event = EventAdapter.validate_python({
        "event_type": "tariff", "event_id": "e", "article_id": "a", "source": "s", "url": "u",
        "published_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC), "confidence": 0.9,
        "evidence": [{"text": "x", "start": 0, "end": 1, "rule": "r"}],
        "extractor_version": "1", "status": "imposed", "imposer": "USA", "targets": ["CHN"],
        "story_id": "s", "first_seen_at": dt.datetime(2025, 1, 1, tzinfo=dt.UTC),
    })
    assert type(event).__name__ == "TariffEvent"
    with pytest.raises(ValidationError):
        EventAdapter.validate_python({**event.model_dump(), "status": "nominated"})
    with pytest.raises(ValidationError):
        EventAdapter.validate_python({**event.model_dump(), "imposer": "usa"})


def test_checked_in_json_schemas_are_current():
    rendered = render_json_schemas()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in JSONSCHEMA_DIR.glob("*.json")}
    assert on_disk == rendered, "run `diplowire schemas` and commit schemas/jsonschema/"


def test_asyncapi_describes_every_topic_with_an_existing_payload_schema():
    import yaml

    from services.core.settings import KafkaSettings

    doc = yaml.safe_load((JSONSCHEMA_DIR.parent / "asyncapi.yaml").read_text())
    assert doc["asyncapi"].startswith("3.")
    addresses = {c["address"] for c in doc["channels"].values()}
    assert addresses == set(KafkaSettings().all_topics())
    for message in doc["components"]["messages"].values():
        assert (JSONSCHEMA_DIR.parent / message["payload"]["$ref"]).exists()
