import orjson
import pytest

from schemas.dead_letter import RejectReason
from services.core.codec import MAX_MESSAGE_BYTES, decode_article
from services.core.errors import RejectedInput

GOOD = {"id": "a1", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z",
        "body": "Text."}


@pytest.mark.parametrize("value, reason", [
    (b"", RejectReason.EMPTY_BODY),
    (b"{not json", RejectReason.INVALID_JSON),
    (b"\xff\xfe\x00garbage\x9c", RejectReason.INVALID_ENCODING),
    (orjson.dumps({**GOOD, "body": ""}), RejectReason.EMPTY_BODY),
    (orjson.dumps({**GOOD, "body": "  \t"}), RejectReason.EMPTY_BODY),
    (orjson.dumps({**GOOD, "body": "x" * 200_001}), RejectReason.OVERSIZED),
    (b"x" * (MAX_MESSAGE_BYTES + 1), RejectReason.OVERSIZED),
    (orjson.dumps({**GOOD, "published_at": "yesterday"}), RejectReason.SCHEMA_VIOLATION),
    (orjson.dumps([1, 2, 3]), RejectReason.SCHEMA_VIOLATION),
])
def test_decode_article_classifies_bad_input(value, reason):
    with pytest.raises(RejectedInput) as info:
        decode_article(value)
    assert info.value.reason is reason


def test_decode_article_round_trips_good_input():
    assert decode_article(orjson.dumps(GOOD)).id == "a1"
