"""Build dead letters: the original bytes, where they came from, and why they were refused."""

import base64
import datetime as dt
import hashlib

from schemas.dead_letter import DeadLetter, RejectReason
from services import __version__

_ENVELOPE_BYTES = 8_000  # reason, error (<= 2,000 chars), topic, key (<= 1,000), timestamps


def dead_letter(reason: RejectReason, error: str, topic: str, partition: int, offset: int,
                key: bytes | None, value: bytes | None, now: dt.datetime,
                limit_bytes: int) -> DeadLetter:
    """A `DeadLetter` for one refused message that fits in `limit_bytes` once encoded
    (the producer's and broker's message limit: past it the dead letter is lost too).

    Past the limit the payload keeps its first bytes only; its size and SHA-256 always name
    the whole original, so the producer can find and resend it.
    """
    value = value or b""
    room = max(0, (limit_bytes - _ENVELOPE_BYTES) * 3 // 4)  # base64 turns 3 bytes into 4
    kept = value[:room]
    return DeadLetter(
        reason=reason, error=error[:2000], source_topic=topic, partition=partition,
        offset=offset, key=key[:1000].decode("utf-8", "replace") if key else None,
        payload_base64=base64.b64encode(kept).decode("ascii"),
        payload_truncated=len(kept) < len(value), payload_bytes=len(value),
        payload_sha256=hashlib.sha256(value).hexdigest(),
        rejected_at=now, worker=f"diplowire-extractor/{__version__}",
    )
