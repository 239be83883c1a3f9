"""What the extractor does with one message, independent of faust: decode, extract, route."""

import datetime as dt
import logging
import time
from dataclasses import dataclass

from schemas.dead_letter import RejectReason
from services.core.codec import decode_article, encode
from services.core.dead_letters import dead_letter
from services.core.errors import RejectedInput
from services.core.metrics import Metrics
from services.extract import BudgetExceeded, analyse
from services.extract.hygiene import unsupported_language
from services.extract.stories import fingerprint

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One message to publish: topic, key and value bytes, and its event type if any."""

    topic: str
    key: bytes
    value: bytes
    event_type: str | None = None
    reject_reason: str | None = None  # a dead letter: count it once the broker has it


def handle(key: bytes | None, value: bytes | None, topic: str, partition: int, offset: int,
           settings, metrics: Metrics, min_confidence: float = 0.0) -> list[Outgoing]:
    """Turn one raw message into event messages, or into one dead letter."""
    metrics.articles_consumed.inc()
    now = dt.datetime.now(dt.UTC)
    try:
        article = decode_article(value)
    except RejectedInput as exc:
        return [_reject(exc.reason, exc.message, key, value, topic, partition, offset, settings,
                        metrics, now)]
    unsupported = unsupported_language(article.language, article.body)
    if unsupported is not None:
        return [_reject(RejectReason.UNSUPPORTED_LANGUAGE, unsupported, key, value, topic,
                        partition, offset, settings, metrics, now)]
    started = time.perf_counter()
    try:
        result = analyse(article, budget_s=settings.extract_budget_s)
    except BudgetExceeded as exc:
        return [_reject(RejectReason.EXTRACTION_TIMEOUT,
                        f"over the {settings.extract_budget_s} s budget: {exc}", key, value,
                        topic, partition, offset, settings, metrics, now)]
    except Exception as exc:  # noqa: BLE001 - a bug in extraction must not lose the message
        return [_reject(RejectReason.EXTRACTION_ERROR, f"{type(exc).__name__}: {exc}", key,
                        value, topic, partition, offset, settings, metrics, now)]
    finally:
        metrics.extraction_duration.observe(time.perf_counter() - started)
    for drop in result.dropped:
        metrics.candidates_dropped.labels(event_type=drop.event_type, rule=drop.rule).inc()
        log.warning("article %s: dropped a %s candidate from rule %s: %s",
                    article.id, drop.event_type, drop.rule, drop.error)
    events = result.events
    # Events go to the story stage keyed by fingerprint, so one worker owns each story.
    return [
        Outgoing(settings.topic_candidates, fingerprint(e).encode(), encode(e), e.event_type)
        for e in events if e.confidence >= min_confidence
    ]


def _reject(reason, message, key, value, topic, partition, offset, settings, metrics, now):
    log.warning("dead letter %s:%s:%s: %s", topic, partition, offset, message[:200])
    letter = dead_letter(reason, message, topic, partition, offset, key, value, now,
                         settings.message_limit_bytes)
    return Outgoing(settings.topic_dlq, key or b"", encode(letter), reject_reason=reason.value)


def delivered(out: Outgoing, metrics: Metrics) -> None:
    """Count a message the broker acknowledged (dead letters by reason)."""
    if out.reject_reason is not None:
        metrics.articles_rejected.labels(reason=out.reject_reason).inc()
