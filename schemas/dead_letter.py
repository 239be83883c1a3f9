"""The dead-letter contract: input that could not become events, with the reason."""

from enum import StrEnum

from pydantic import AwareDatetime, Field

from schemas.base import WireModel


class RejectReason(StrEnum):
    """Why a message went to the dead-letter topic (a bounded metric label)."""

    INVALID_ENCODING = "invalid_encoding"
    INVALID_JSON = "invalid_json"
    SCHEMA_VIOLATION = "schema_violation"
    EMPTY_BODY = "empty_body"
    OVERSIZED = "oversized"
    EXTRACTION_ERROR = "extraction_error"
    EXTRACTION_TIMEOUT = "extraction_timeout"
    UNSUPPORTED_LANGUAGE = "unsupported_language"


class DeadLetter(WireModel):
    """A rejected message on `news.raw.dlq`: the original bytes plus where and why."""

    schema_version: int = Field(1, description="Version of this contract.")
    reason: RejectReason = Field(description="Class of failure.")
    error: str = Field(description="Human-readable error message.")
    source_topic: str = Field(description="Topic the message was read from.")
    partition: int = Field(description="Partition it was read from.")
    offset: int = Field(description="Offset it was read from.")
    key: str | None = Field(None, description="Message key, decoded as UTF-8 with replacement.")
    payload_base64: str = Field(description=(
        "The original message value, base64-encoded; only its first bytes when "
        "`payload_truncated`, so that the dead letter fits the broker's message limit."))
    payload_truncated: bool = Field(False, description="True when `payload_base64` is cut.")
    payload_bytes: int = Field(0, ge=0, description="Size of the original message value.")
    payload_sha256: str = Field("", description="SHA-256 (hex) of the original message value.")
    rejected_at: AwareDatetime = Field(description="When the worker rejected it.")
    worker: str = Field(description="Service and version that rejected it.")
