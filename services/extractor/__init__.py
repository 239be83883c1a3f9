"""The extractor worker: `news.raw` -> extract() -> `events.<type>`, bad input -> DLQ."""
