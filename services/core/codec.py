"""Bytes <-> wire models: the only place that decodes or encodes message values."""

import json
import re

import orjson
from pydantic import BaseModel, ValidationError

from schemas.article import MAX_BODY_CHARS, RawArticle
from schemas.dead_letter import RejectReason
from services.core.errors import RejectedInput

# A UTF-8 body of MAX_BODY_CHARS characters is at most 4 bytes each; anything larger than this
# (plus room for the other fields) is refused before it is parsed at all.
MAX_MESSAGE_BYTES = MAX_BODY_CHARS * 4 + 64_000
_KEY_END = re.compile(rb'"\s*:')  # how every object key ends, and some quoted text too


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
    if isinstance(data, dict) and _may_repeat_keys(value, len(data)):
        _refuse_repeated_keys(value)
    return validate_article(data)


def _may_repeat_keys(value: bytes, kept: int) -> bool:
    """Cheap test: the top level names more keys than the parsed object kept.

    A body with quotes inside counts too (`":` can occur in text), so this only says when
    the exact, slower check must run.
    """
    return len(_KEY_END.findall(value)) > kept


def _refuse_repeated_keys(value: bytes) -> None:
    """Refuse an object that names a field twice: readers disagree on which one wins.

    `{"id": "a", ..., "id": "b"}` would be keyed `a` upstream and read as `b` here.
    """
    def pairs(items: list[tuple[str, object]]) -> dict:
        seen: set[str] = set()
        for name, _ in items:
            if name in seen:
                raise RejectedInput(RejectReason.SCHEMA_VIOLATION, f"duplicate key {name!r}")
            seen.add(name)
        return dict(items)

    json.loads(value, object_pairs_hook=pairs)


def validate_article(data: object) -> RawArticle:
    """Validate decoded JSON as an article, classifying the failure."""
    try:
        return RawArticle.model_validate(data)
    except ValidationError as exc:
        raise RejectedInput(_classify(exc), _summarise(exc)) from exc


def _classify(exc: ValidationError) -> RejectReason:
    """`oversized` and `empty_body` only when the body is the sole fault; else a violation."""
    errors = exc.errors()
    if any(err["loc"][:1] != ("body",) for err in errors):
        return RejectReason.SCHEMA_VIOLATION  # missing fields, a bad date: not the body's fault
    kinds = {err["type"] for err in errors}
    if "string_too_long" in kinds:
        return RejectReason.OVERSIZED
    if kinds <= {"string_too_short", "value_error"}:
        return RejectReason.EMPTY_BODY  # present and blank; a missing body is a violation
    return RejectReason.SCHEMA_VIOLATION


def _summarise(exc: ValidationError) -> str:
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
        for err in exc.errors()[:5]
    ]
    return "; ".join(parts)
