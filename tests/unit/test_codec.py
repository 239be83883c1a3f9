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
    # Missing fields are a violation of the contract, not an empty body.
    (orjson.dumps({"id": "a1", "source": "s"}), RejectReason.SCHEMA_VIOLATION),
    (orjson.dumps({k: v for k, v in GOOD.items() if k != "body"}), RejectReason.SCHEMA_VIOLATION),
    (orjson.dumps({**GOOD, "url": "", "body": ""}), RejectReason.SCHEMA_VIOLATION),
    # A repeated key: the producer keyed the message by one id, a reader would take the other.
    (b'{"id": "a", "source": "s", "url": "u", "published_at": "2025-01-01T00:00:00Z", '
     b'"body": "Text.", "id" : "b"}', RejectReason.SCHEMA_VIOLATION),
])
def test_decode_article_classifies_bad_input(value, reason):
    with pytest.raises(RejectedInput) as info:
        decode_article(value)
    assert info.value.reason is reason


def test_decode_article_round_trips_good_input():
    assert decode_article(orjson.dumps(GOOD)).id == "a1"


def test_quoted_colons_in_the_body_are_not_repeated_keys():
    article = {**GOOD, "body": 'He said: "tariffs": "no". "Calls": "yes".'}
    assert decode_article(orjson.dumps(article)).body == article["body"]


def test_a_repeated_key_is_named_in_the_error():
    with pytest.raises(RejectedInput, match="duplicate key 'id'"):
        decode_article(orjson.dumps(GOOD)[:-1] + b',"id":"b"}')
