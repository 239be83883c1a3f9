"""Write benchmark reports: JSON, a Markdown table and a latency histogram (if matplotlib)."""

import json
from pathlib import Path


def _markdown(report: dict) -> str:
    lines = []
    core = report.get("core")
    if core:
        lines += ["### Extraction core (one process, one core)", "",
                  "| feed | gated articles/s | gated words/s | baseline articles/s | speedup |",
                  "|---|---|---|---|---|"]
        for feed in ("mixed", "diplomatic"):
            row = core[feed]
            lines.append(f"| {feed} | {row['gated']['articles_per_s']} | "
                         f"{row['gated']['words_per_s']} | {row['baseline']['articles_per_s']} | "
                         f"{row['speedup']}x |")
        f1 = core["f1"]
        lines += ["", f"Micro F1 on the shared corpus: gated {f1['gated']}, "
                      f"baseline {f1['baseline']} (None = corpus not present).", ""]
        syn = core.get("syndicated")
        if syn:
            lines += [f"Syndicated feed ({syn['repeat_share']:.0%} of sentences repeat across "
                      f"articles): {syn['without_cache']['articles_per_s']} articles/s with the "
                      f"sentence cache emptied per article, {syn['with_cache']['articles_per_s']} "
                      f"with it (hit rate {syn['with_cache']['parse_cache_hit_rate']}).", ""]
        if core.get("peak_rss_mb"):
            lines += [f"Peak RSS of the benchmark process: {core['peak_rss_mb']} MB.", ""]
    for run in report.get("e2e", []):
        s = run["sustained"]
        lines += [f"### End to end, {run['workers']} extractor worker(s)", "",
                  "| offered/s | achieved/s | events timed | p50 s | p95 s | p99 s |",
                  "|---|---|---|---|---|---|",
                  f"| {s['offered_rate']} | {s['achieved_rate']} | {s['events_timed']} | "
                  f"{s['latency_p50_s']} | {s['latency_p95_s']} | {s['latency_p99_s']} |", "",
                  "Rate search: " + ", ".join(
                      f"{p['offered_rate']:g}/s -> {p['achieved_rate']}/s p99 {p['latency_p99_s']}"
                      for p in run["rate_search"]),
                  f"Max sustainable rate (p99 < 1 s, >= 95% achieved): "
                  f"{run['max_sustainable_rate']} articles/s; peak RSS per worker: "
                  f"{run['peak_rss_mb']} MB; articles handled per worker: "
                  f"{run.get('articles_per_worker')}", ""]
    return "\n".join(lines) + "\n"


def _histogram(report: dict, path: Path) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    runs = report.get("e2e", [])
    if not runs:
        return None
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for run in runs:
        ax.hist([v * 1000 for v in run["latencies"]], bins=50, alpha=0.6,
                label=f"{run['workers']} worker(s)")
    ax.set_xlabel("latency, raw message to event on topic (ms)")
    ax.set_ylabel("articles")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def write_reports(report: dict, out: Path) -> list[Path]:
    """report.json (latency lists removed), report.md and, with matplotlib, latency.png."""
    out.mkdir(parents=True, exist_ok=True)
    slim = json.loads(json.dumps(report))
    for run in slim.get("e2e", []):
        run.pop("latencies", None)
    written = [out / "report.json", out / "report.md"]
    written[0].write_text(json.dumps(slim, indent=2) + "\n")
    written[1].write_text(_markdown(report))
    png = _histogram(report, out / "latency.png")
    return written + ([png] if png else [])
