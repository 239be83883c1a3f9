"""Read articles from JSON Lines (file or stdin) or a folder of .json files, validating each."""

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from schemas.article import RawArticle
from services.core.codec import decode_article
from services.core.errors import RejectedInput


@dataclass(frozen=True)
class ReadResult:
    """One input record: an article, or the reason it was rejected, with where it came from."""

    where: str
    article: RawArticle | None = None
    error: str | None = None


def read_articles(source: str) -> Iterator[ReadResult]:
    """Yield every record of `source` ('-' = stdin), validated."""
    if source == "-":
        yield from _lines(sys.stdin.buffer, "<stdin>")
        return
    path = Path(source)
    if path.is_dir():
        for file in sorted(path.glob("*.json")):
            yield _one(file.read_bytes(), str(file))
        return
    with path.open("rb") as handle:
        yield from _lines(handle, str(path))


def _lines(handle, name: str) -> Iterator[ReadResult]:
    for number, line in enumerate(handle, 1):
        if line.strip():
            yield _one(line.strip(), f"{name}:{number}")


def _one(data: bytes, where: str) -> ReadResult:
    try:
        return ReadResult(where, article=decode_article(data))
    except RejectedInput as exc:
        return ReadResult(where, error=str(exc))


def count_records(source: str) -> int | None:
    """Number of records in a file or folder, for the progress bar (None for stdin)."""
    if source == "-":
        return None
    path = Path(source)
    if path.is_dir():
        return len(list(path.glob("*.json")))
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())
