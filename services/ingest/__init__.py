"""The feed producer: validate articles and publish them to `news.raw`."""

from services.ingest.publish import publish_articles
from services.ingest.reader import ReadResult, read_articles

__all__ = ["ReadResult", "publish_articles", "read_articles"]
