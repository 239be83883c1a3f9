"""Batch mode (`diplowire extract`): articles JSONL in, events JSONL out, no broker.

One bad article never ends the run: it is reported on stderr with its line and counted. The
output file is written to a temporary file beside it and renamed at the end, so an earlier
result is never emptied by a run that could not start or did not finish.
"""

import os
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

import orjson

from services.core.codec import decode_article
from services.core.errors import RejectedInput
from services.core.settings import ExtractorSettings
from services.extract import BudgetExceeded, analyse
from services.extract.hygiene import unsupported_language


class BatchInputError(Exception):
    """The input or output cannot be opened: one line for the user, no traceback."""


def run_extract(input_path: str, output_path: str, min_confidence: float,
                strict: bool = False) -> int:
    """Extract every article of `input_path`; exit status 1 only with `strict` and a failure."""
    budget = ExtractorSettings().extract_budget_s
    counts: Counter[str] = Counter()
    with _source(input_path) as source, _sink(output_path) as out:
        for number, line in enumerate(source, 1):
            if line.strip():
                for event in _events(line.strip(), f"{input_path}:{number}", budget, counts):
                    if event.confidence >= min_confidence:
                        out.write(orjson.dumps(event.model_dump(mode="json")) + b"\n")
                        counts["events"] += 1
    print(f"{counts['articles']} articles, {counts['events']} events, "
          f"{counts['rejected']} rejected, {counts['unsupported']} unsupported language, "
          f"{counts['dropped']} candidates dropped, {counts['failed']} failed", file=sys.stderr)
    bad = counts["rejected"] + counts["unsupported"] + counts["failed"]
    return 1 if strict and bad else 0


def _events(line: bytes, where: str, budget: float, counts: Counter) -> list:
    try:
        article = decode_article(line)
    except RejectedInput as exc:
        counts["rejected"] += 1
        print(f"{where}: rejected: {exc}", file=sys.stderr)
        return []
    counts["articles"] += 1
    unsupported = unsupported_language(article.language, article.body)
    if unsupported is not None:
        counts["unsupported"] += 1
        print(f"{where}: article {article.id} skipped: {unsupported}", file=sys.stderr)
        return []
    try:
        result = analyse(article, budget_s=budget)
    except BudgetExceeded as exc:
        counts["failed"] += 1
        print(f"{where}: article {article.id} took over {budget} s: {exc}", file=sys.stderr)
        return []
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end the run
        counts["failed"] += 1
        print(f"{where}: extraction failed for article {article.id}: "
              f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return []
    for drop in result.dropped:
        counts["dropped"] += 1
        print(f"{where}: dropped a {drop.event_type} candidate (rule {drop.rule}): {drop.error}",
              file=sys.stderr)
    return result.events


@contextmanager
def _source(path: str):
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise BatchInputError(f"cannot read {path}: {exc.strerror}") from exc
    with handle:
        yield handle


@contextmanager
def _sink(path: str):
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(path)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
    except OSError as exc:
        raise BatchInputError(f"cannot write {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
