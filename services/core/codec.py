"""Bytes <-> wire models: the only place that decodes or encodes message values."""

import orjson
from pydantic import BaseModel, ValidationError

from schemas.article import MAX_BODY_CHARS, RawArticle
from schemas.dead_letter import RejectReason
from services.core.errors import RejectedInput

# A UTF-8 body of MAX_BODY_CHARS characters is at most 4 bytes each; anything larger than this
# (plus room for the other fields) is refused before it is parsed at all.
MAX_MESSAGE_BYTES = MAX_BODY_CHARS * 4 + 64_000


def encode(model: BaseModel) -> bytes:
    """Serialise a wire model to compact JSON bytes."""
    return orjson.dumps(model.model_dump(mode="json"))


def decode_article(value: bytes | None) -> RawArticle:
    """Parse and validate raw bytes as an article, or raise `RejectedInput` with a reason."""
    if not value:
        raise RejectedInput(RejectReason.EMPTY_BODY, "message value is empty")
    if len(value) > MAX_MESSAGE_BYTES:
        raise RejectedInput(
            RejectReason.OVERSIZED, f"message is {len(value)} bytes, limit {MAX_MESSAGE_BYTES}"
        )
    try:
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput(RejectReason.INVALID_ENCODING, f"not UTF-8: {exc}") from exc
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        raise RejectedInput(RejectReason.INVALID_JSON, str(exc)) from exc
    return validate_article(data)


def validate_article(data: object) -> RawArticle:
    """Validate decoded JSON as an article, classifying the failure."""
    try:
        return RawArticle.model_validate(data)
    except ValidationError as exc:
        raise RejectedInput(_classify(exc), _summarise(exc)) from exc


def _classify(exc: ValidationError) -> RejectReason:
    for err in exc.errors():
        if err["loc"][:1] == ("body",):
            if err["type"] == "string_too_long":
                return RejectReason.OVERSIZED
            if err["type"] in ("string_too_short", "value_error", "missing"):
                return RejectReason.EMPTY_BODY
    return RejectReason.SCHEMA_VIOLATION


def _summarise(exc: ValidationError) -> str:
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
        for err in exc.errors()[:5]
    ]
    return "; ".join(parts)
