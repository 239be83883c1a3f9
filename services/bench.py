"""`diplowire bench`: throughput of the extraction core on generated feeds (figures, no pass/fail)."""

import datetime as dt
import json
import random
import time
from pathlib import Path

from schemas.article import RawArticle
from services.extract import extract
from services.up import SAMPLE_FEED

FILLER = (
    "Shares in {co} rose {n}% on {day} after quarterly results beat forecasts.",
    "The {team} beat their rivals {n}-{m} in {day}'s match, extending their unbeaten run.",
    "Forecasters expect {n} mm of rain in the north on {day}, with winds easing later.",
    "The {co} museum opens an exhibition of {n} paintings on {day}.",
    "Analysts said bond yields could climb another {n} basis points this quarter.",
)
WORDS = dict(co=["Acme", "Borealis", "Cobalt", "Dunmore", "Everline"],
             team=["Rovers", "United", "Athletic", "City"],
             day=["Monday", "Tuesday", "Friday", "Saturday"])


def _filler(rng: random.Random, i: int) -> RawArticle:
    sentences = [rng.choice(FILLER).format(
        co=rng.choice(WORDS["co"]), team=rng.choice(WORDS["team"]), day=rng.choice(WORDS["day"]),
        n=rng.randint(1, 90), m=rng.randint(0, 5)) for _ in range(rng.randint(8, 20))]
    return RawArticle(id=f"f-{i}", source="bench", url=f"https://bench.invalid/{i}",
                      published_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC), title="",
                      body="\n".join(sentences))


def feeds(n: int, seed: int = 7) -> dict[str, list[RawArticle]]:
    """A mixed feed (85% non-diplomatic) and an all-diplomatic one, each of n articles."""
    rng = random.Random(seed)
    diplomatic = [RawArticle.model_validate_json(line) for line in SAMPLE_FEED.read_bytes().splitlines()]
    diplomatic = [a for a in diplomatic if extract(a)]

    def variant(i: int) -> RawArticle:
        base = rng.choice(diplomatic)
        return base.model_copy(update={"id": f"d-{i}", "body": base.body + f"\nRef {i}."})

    mixed = [variant(i) if rng.random() < 0.15 else _filler(rng, i) for i in range(n)]
    return {"mixed": mixed, "diplomatic": [variant(i) for i in range(n)]}


def measure(articles: list[RawArticle]) -> dict:
    """Articles/s and words/s of extract() over `articles`, one core."""
    words = sum(len(a.body.split()) for a in articles)
    start = time.perf_counter()
    events = sum(len(extract(a)) for a in articles)
    seconds = time.perf_counter() - start
    return {"articles": len(articles), "events": events, "seconds": round(seconds, 3),
            "articles_per_s": round(len(articles) / seconds, 1),
            "words_per_s": round(words / seconds)}


def main(args) -> int:
    """Run the core benchmark and write report.json and report.md."""
    extract(RawArticle.model_validate_json(SAMPLE_FEED.read_bytes().splitlines()[0]))  # warm-up
    report = {name: measure(articles) for name, articles in feeds(args.articles).items()}
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(report, indent=2))
    lines = ["| feed | articles | events | articles/s | words/s |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['articles']} | {v['events']} | {v['articles_per_s']} | {v['words_per_s']} |"
              for k, v in report.items()]
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0
