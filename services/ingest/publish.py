"""Publish validated articles to the raw topic with kafka-python (acks=all, batching)."""

from collections.abc import Callable, Iterable

from kafka import KafkaProducer

from schemas.article import RawArticle
from services.core.codec import encode
from services.core.settings import IngestSettings


def make_producer(settings: IngestSettings, bootstrap: str) -> KafkaProducer:
    """A durable, batching producer: acks=all, idempotent, compressed-free for speed."""
    return KafkaProducer(
        bootstrap_servers=bootstrap.split(","), acks="all", linger_ms=settings.ingest_linger_ms,
        batch_size=settings.ingest_batch_size, max_request_size=4 * 1024 * 1024,
        **settings.client_kwargs(),
    )


def publish_articles(producer: KafkaProducer, topic: str, articles: Iterable[RawArticle],
                     on_sent: Callable[[RawArticle], None] | None = None) -> int:
    """Send each article keyed by its id; flush and return how many were acknowledged."""
    futures = []
    for article in articles:
        futures.append(producer.send(topic, key=article.id.encode(), value=encode(article)))
        if on_sent:
            on_sent(article)
    producer.flush()
    for future in futures:
        future.get(timeout=30)  # raises if the broker refused it
    return len(futures)
