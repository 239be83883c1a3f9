"""Core benchmark: extract() throughput on generated feeds, gated vs the ungated baseline."""

import datetime as dt
import importlib.util
import random
import resource
import time
from pathlib import Path

from schemas.article import RawArticle
from services.extract import DEFAULT_MIN_CONFIDENCE, extract
from services.extract.parse import default_parser
from services.extract.text import split_sentences
from services.up import SAMPLE_FEED

# Non-diplomatic filler in the styles of a general feed: sports, markets, weather, culture.
FILLER = (
    "Shares in {co} rose {n}% on {day} after quarterly results beat forecasts.",
    "The {team} beat their rivals {n}-{m} in {day}'s match, extending their unbeaten run.",
    "Forecasters expect {n} mm of rain in the north on {day}, with winds easing later.",
    "The {co} museum opens an exhibition of {n} paintings on {day}.",
    "Analysts said bond yields could climb another {n} basis points this quarter.",
    "The striker, {n}, signed a new contract with {team} on {day}.",
    "Oil prices slipped {n} cents as traders weighed inventories ahead of {day}.",
    "The festival sold {n},000 tickets, organisers said on {day}.",
    "A cold front will bring temperatures down by {n} degrees by {day} evening.",
    "{co} said it would hire {n} engineers at its new plant.",
)
WORDS = {"co": ["Acme", "Borealis", "Cobalt", "Dunmore", "Everline", "Fairhaven", "Gritstone"],
         "team": ["Rovers", "United", "Athletic", "City", "Wanderers"],
         "day": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]}


def _filler(rng: random.Random, i: int) -> RawArticle:
    sentences = [rng.choice(FILLER).format(
        co=rng.choice(WORDS["co"]), team=rng.choice(WORDS["team"]), day=rng.choice(WORDS["day"]),
        n=rng.randint(1, 90), m=rng.randint(0, 5)) for _ in range(rng.randint(8, 25))]
    return RawArticle(id=f"f-{i}", source="bench", url=f"https://bench.invalid/{i}",
                      published_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC), title="",
                      body="\n".join(sentences))


def diplomatic_articles() -> list[RawArticle]:
    """The bundled sample articles that hold at least one event."""
    articles = [RawArticle.model_validate_json(line)
                for line in SAMPLE_FEED.read_bytes().splitlines()]
    return [a for a in articles if extract(a)]


def feeds(n: int, seed: int = 7) -> dict[str, list[RawArticle]]:
    """A mixed feed (about 85% non-diplomatic) and an all-diplomatic one, n articles each.

    Diplomatic articles are the sample texts recombined (paragraphs from two of them plus a
    unique line), so no two bodies are equal and nothing can be cached away.
    """
    rng = random.Random(seed)
    diplomatic = diplomatic_articles()

    def variant(i: int) -> RawArticle:
        a, b = rng.sample(diplomatic, 2)
        body = "\n".join([a.body, *rng.sample(b.body.split("\n"), 1), f"Reference {i}."])
        return a.model_copy(update={"id": f"d-{i}", "body": body})

    mixed = [variant(i) if rng.random() < 0.15 else _filler(rng, i) for i in range(n)]
    return {"mixed": mixed, "diplomatic": [variant(i) for i in range(n)]}


def syndicated(n: int, repeat: float = 0.3, seed: int = 5) -> list[RawArticle]:
    """All-diplomatic articles where a share `repeat` of the sentences recur across articles
    (wire copy syndicated by many outlets); every other sentence is made unique."""
    rng = random.Random(seed)
    diplomatic = diplomatic_articles()
    out = []
    for i in range(n):
        base = rng.choice(diplomatic)
        sentences = [s.text if rng.random() < repeat else f"In report {i}.{j}, {s.text}"
                     for j, s in enumerate(split_sentences(base.body))]
        out.append(base.model_copy(update={"id": f"s-{i}", "body": "\n".join(sentences)}))
    return out


def measure(articles: list[RawArticle], gated: bool, cache: bool = False) -> dict:
    """Articles/s and words/s of extract() over `articles` on one core.

    With `cache=False` the sentence-analysis cache is emptied before each article, so no
    article profits from another's parses; with `cache=True` it works as in a worker, and
    the share of parses it saved is reported.
    """
    parser = default_parser()
    words = sum(len(a.body.split()) for a in articles)
    parser.clear()
    hits, misses = parser.hits, parser.misses
    start = time.perf_counter()
    events = 0
    for article in articles:
        if not cache:
            parser.clear()
        events += len(extract(article, gated=gated))
    seconds = time.perf_counter() - start
    looked_up = (parser.hits - hits) + (parser.misses - misses)
    return {"articles": len(articles), "events": events, "seconds": round(seconds, 3),
            "articles_per_s": round(len(articles) / seconds, 1),
            "words_per_s": round(words / seconds),
            "parse_cache_hit_rate": round((parser.hits - hits) / looked_up, 3) if looked_up else None}


def corpus_f1(corpus: Path, gated: bool) -> float | None:
    """Micro F1 on an annotated corpus (../shared/eval layout), or None if it is absent."""
    score_py, gold = corpus.parent / "score.py", corpus / "gold.jsonl"
    if not (score_py.exists() and gold.exists()):
        return None
    spec = importlib.util.spec_from_file_location("diplowire_score", score_py)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    predicted = []
    for line in (corpus / "articles.jsonl").read_bytes().splitlines():
        for event in extract(RawArticle.model_validate_json(line), gated=gated):
            if event.confidence >= DEFAULT_MIN_CONFIDENCE:
                predicted.append(event.model_dump(mode="json"))
    return scorer.score(scorer.load_jsonl(str(gold)), predicted)["micro"]["f1"]


def run_core(n: int, corpus: Path) -> dict:
    """Gated and baseline throughput on both feeds, with the ratio and F1 of each."""
    extract(diplomatic_articles()[0])  # warm-up: compile the lexicon
    report = {}
    for name, articles in feeds(n).items():
        gated, baseline = measure(articles, True), measure(articles, False)
        report[name] = {"gated": gated, "baseline": baseline,
                        "speedup": round(gated["articles_per_s"] / baseline["articles_per_s"], 1)}
    repeated = syndicated(n)
    report["syndicated"] = {"repeat_share": 0.3, "without_cache": measure(repeated, True),
                            "with_cache": measure(repeated, True, cache=True)}
    report["f1"] = {"gated": corpus_f1(corpus, True), "baseline": corpus_f1(corpus, False)}
    report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return report
