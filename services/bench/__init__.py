"""`diplowire bench`: figures for the extraction core and the whole pipeline (never pass/fail)."""

from pathlib import Path

from services.bench.core import feeds, run_core
from services.bench.report import write_reports


def main(args) -> int:
    """Run the selected benchmarks and write report.json, report.md and latency.png."""
    report: dict = {}
    if not args.e2e_only:
        report["core"] = run_core(args.articles, Path(args.corpus))
    if not args.core_only:
        from services.bench.e2e import run_e2e

        mixed = feeds(max(200, args.articles // 4), seed=11)["mixed"]
        steps = [float(s) for s in args.steps.split(",") if s]
        report["e2e"] = [run_e2e(mixed, workers, args.rate, args.duration, args.warmup,
                                 steps, args.step_seconds)
                         for workers in (int(w) for w in args.workers.split(","))]
    out = Path(args.out)
    for path in write_reports(report, out):
        print(f"wrote {path}")
    print((out / "report.md").read_text())
    return 0


__all__ = ["main"]
