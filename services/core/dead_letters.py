"""Build dead letters: the original bytes, where they came from, and why they were refused."""

import base64
import datetime as dt

from schemas.dead_letter import DeadLetter, RejectReason
from services import __version__


def dead_letter(reason: RejectReason, error: str, topic: str, partition: int, offset: int,
                key: bytes | None, value: bytes | None, now: dt.datetime) -> DeadLetter:
    """A `DeadLetter` for one refused message."""
    return DeadLetter(
        reason=reason, error=error[:2000], source_topic=topic, partition=partition,
        offset=offset, key=key.decode("utf-8", "replace") if key else None,
        payload_base64=base64.b64encode(value or b"").decode("ascii"),
        rejected_at=now, worker=f"diplowire-extractor/{__version__}",
    )
