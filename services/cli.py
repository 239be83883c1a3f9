"""The `diplowire` command: batch extraction, the stream workers, ingest and `up`."""

import argparse
import sys
from pathlib import Path



def _bootstrap(settings) -> str:
    from services.core.settings import EmbeddedBrokerSettings

    return settings.kafka_bootstrap or f"127.0.0.1:{EmbeddedBrokerSettings().port}"


def protect_secrets(settings) -> None:
    """Keep the SASL password out of every log line, at every level."""
    from services.core.redact import redact_secrets

    password = settings.kafka_sasl_password
    redact_secrets([password.get_secret_value()] if password else [])


def cmd_extract(args: argparse.Namespace) -> int:
    """Batch mode: articles JSONL in, one event per line out, no broker."""
    from services.batch import BatchInputError, run_extract

    try:
        return run_extract(args.input, args.output, args.min_confidence, args.strict)
    except BatchInputError as exc:
        print(f"diplowire extract: {exc}", file=sys.stderr)
        return 2


def cmd_ingest(args: argparse.Namespace) -> int:
    """Publish a JSONL file, a folder of .json files or stdin to the raw topic."""
    from kafka.errors import KafkaError

    from services.core.broker import require_reachable
    from services.core.errors import DiplowireError
    from services.core.settings import IngestSettings
    from services.ingest.progress import Progress
    from services.ingest.publish import make_producer, publish_articles
    from services.ingest.reader import count_records, read_articles

    settings = IngestSettings()
    protect_secrets(settings)
    try:
        require_reachable(_bootstrap(settings))
        total = count_records(args.path)
        producer = make_producer(settings, _bootstrap(settings))
    except (DiplowireError, KafkaError, OSError) as exc:
        print(f"diplowire ingest: {exc}", file=sys.stderr)
        return 2
    progress = Progress(total, enabled=sys.stderr.isatty() and not args.quiet)
    rejected = []

    def valid():
        for result in read_articles(args.path):
            if result.article is None:
                rejected.append(result)
                progress.advance()
            else:
                yield result.article

    try:
        sent = publish_articles(producer, settings.topic_raw, valid(),
                                on_sent=lambda _: progress.advance())
    except KafkaError as exc:
        progress.close()
        print(f"diplowire ingest: the broker refused or lost a send: {exc!r}; articles up to "
              f"the failure may be on {settings.topic_raw}, rerun to resend (ids are keys)",
              file=sys.stderr)
        return 1
    finally:
        producer.close()
        progress.close()
    for result in rejected:
        print(f"rejected {result.where}: {result.error}", file=sys.stderr)
    print(f"published {sent} articles to {settings.topic_raw}, rejected {len(rejected)}",
          file=sys.stderr)
    return 1 if rejected and args.strict else 0


def cmd_extractor(args: argparse.Namespace) -> int:
    """Run one extractor worker."""
    from prometheus_client import CollectorRegistry

    from services.core.metrics import build_metrics
    from services.core.runner import run_worker
    from services.core.settings import ExtractorSettings
    from services.extractor.app import create_app

    from services.extract.context import default_compiled

    settings = ExtractorSettings()
    protect_secrets(settings)
    default_compiled().parser()  # load the model before joining the group, not on article one
    metrics = build_metrics(CollectorRegistry(), "extractor")
    app = create_app(settings, _bootstrap(settings), metrics)
    run_worker(app, metrics, settings.extractor_metrics_port, settings.metrics_host, args.loglevel)
    return 0


def cmd_alerter(args: argparse.Namespace) -> int:
    """Run the alerter."""
    from prometheus_client import CollectorRegistry

    from services.alerter.app import create_app
    from services.alerter.rules import load_rules
    from services.core.metrics import build_metrics
    from services.core.runner import run_worker
    from services.core.settings import AlerterSettings

    settings = AlerterSettings()
    protect_secrets(settings)
    metrics = build_metrics(CollectorRegistry(), "alerter")
    app = create_app(settings, _bootstrap(settings), metrics, load_rules(settings.rules_file))
    run_worker(app, metrics, settings.alerter_metrics_port, settings.metrics_host, args.loglevel)
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    """Create every topic with the configured partitions."""
    from services.core.broker import ensure_topics, require_reachable
    from services.core.errors import DiplowireError
    from services.core.settings import KafkaSettings

    settings = KafkaSettings()
    try:
        require_reachable(_bootstrap(settings))
    except DiplowireError as exc:
        print(f"diplowire topics: {exc}", file=sys.stderr)
        return 2
    created = ensure_topics(settings, _bootstrap(settings))
    print(f"created: {', '.join(created) or 'none (all exist)'}")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    """Write the JSON Schema files under schemas/jsonschema/."""
    from schemas.export import write_json_schemas

    for path in write_json_schemas(Path(args.out) if args.out else None):
        print(path)
    return 0


def cmd_up(args: argparse.Namespace) -> int:
    """Everything on one machine: broker, topics, workers, sample feed, live output."""
    from services.up import run_up

    return run_up(feed=args.feed, keep_running=not args.once, timeout=args.timeout,
                  fresh=args.fresh)


def _bench(args: argparse.Namespace) -> int:
    from services.bench import main as bench_main

    return bench_main(args)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="diplowire", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="batch extraction: JSONL articles -> JSONL events")
    p.add_argument("--input", required=True, help="articles JSONL, or - for stdin")
    p.add_argument("--output", default="-", help="events JSONL, or - for stdout")
    from services.extract import DEFAULT_MIN_CONFIDENCE

    p.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE,
                   help=f"drop events below this confidence (default {DEFAULT_MIN_CONFIDENCE})")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if any article was rejected, unsupported or failed")
    p.set_defaults(func=cmd_extract)
    p = sub.add_parser("ingest", help="publish articles to the raw topic")
    p.add_argument("path", help="JSONL file, folder of .json files, or - for stdin")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--strict", action="store_true", help="exit 1 if any record was rejected")
    p.set_defaults(func=cmd_ingest)
    for name, func in (("extractor", cmd_extractor), ("alerter", cmd_alerter)):
        p = sub.add_parser(name, help=f"run the {name} worker")
        p.add_argument("--loglevel", default="WARNING")
        p.set_defaults(func=func)
    sub.add_parser("topics", help="create the topics").set_defaults(func=cmd_topics)
    p = sub.add_parser("schemas", help="regenerate the JSON Schema files")
    p.add_argument("--out", help="folder (default: the schemas package)")
    p.set_defaults(func=cmd_schemas)
    p = sub.add_parser("up", help="run everything on this machine with a sample feed")
    p.add_argument("--feed", help="articles to ingest (default: the bundled sample feed)")
    p.add_argument("--once", action="store_true",
                   help="stop after the sample feed's events arrived (used by tests)")
    p.add_argument("--timeout", type=float, default=120.0, help="with --once: give up after")
    p.add_argument("--fresh", action="store_true",
                   help="delete the embedded broker's and workers' local data first")
    p.set_defaults(func=cmd_up)
    p = sub.add_parser("bench", help="benchmark the core and the pipeline (prints figures)")
    p.add_argument("--out", default="bench-out", help="folder for report.json/.md, latency.png")
    p.add_argument("--articles", type=int, default=2000, help="articles per core feed")
    p.add_argument("--corpus", default="../shared/eval/corpus", help="annotated corpus for F1")
    p.add_argument("--core-only", action="store_true", help="skip the end-to-end runs")
    p.add_argument("--e2e-only", action="store_true", help="skip the core runs")
    p.add_argument("--workers", default="1,2", help="extractor worker counts to run")
    p.add_argument("--rate", type=float, default=50.0, help="sustained articles/s")
    p.add_argument("--duration", type=float, default=120.0, help="sustained seconds")
    p.add_argument("--warmup", type=float, default=15.0, help="warm-up seconds (not counted)")
    p.add_argument("--steps", default="100,200,400,800,1600",
                   help="rates tried to find the maximum sustainable rate")
    p.add_argument("--step-seconds", type=float, default=10.0, help="seconds per step")
    p.set_defaults(func=_bench)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `diplowire` console script."""
    args = build_parser().parse_args(argv)
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
