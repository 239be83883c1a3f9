"""The trigger gate only saves work: with and without it, extraction gives the same events."""

from pathlib import Path

import pytest

from schemas.article import RawArticle
from services.extract import extract
from tests.unit import test_extract

ROOT = Path(__file__).resolve().parents[2]


def texts() -> list[RawArticle]:
    lines = (ROOT / "services/samples/feed.jsonl").read_bytes().splitlines()
    lines += (ROOT / "tests/fixtures/story_feed.jsonl").read_bytes().splitlines()
    articles = [RawArticle.model_validate_json(line) for line in lines]
    source = Path(test_extract.__file__).read_text()
    # Every string literal sentence in the extraction tests, as its own article.
    import ast
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 40:
            articles.append(articles[0].model_copy(update={"id": f"lit-{len(articles)}",
                                                           "body": node.value}))
    return articles


@pytest.mark.parametrize("article", texts(), ids=lambda a: a.id)
def test_gate_changes_no_event(article):
    assert extract(article) == extract(article, gated=False)
