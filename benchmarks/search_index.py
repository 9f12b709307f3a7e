"""The search index (``analysis.search``) at real-week scale: its compressed size and build time
for a generated full-size models week, by how many of the week's models it keeps.

    nice .venv/bin/python -m benchmarks.search_index --models 3000000 \
        --out benchmarks/results/search-index.json
    .venv/bin/python -m benchmarks.search_index --models 300000 --keep 10000,50000,300000

The week is generated once with ``hubobs sample full-week`` (realistic card sizes) into
``benchmarks/work/search-week-<models>/`` (reused by later runs) unless ``--root`` names one.
For each ``--keep`` cap the index of the cap's most downloaded models is built (the page's
code: :func:`analysis.search.build_index`), timed, and its gzip JSON measured; ``all`` keeps
every model of the week. A line fitted to bytes per kept model says what an index of every
model would weigh where that was not built. Results: a JSON file and a Markdown summary beside it.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.paths import PROJECT_ROOT
from analysis.sample import generate_full_week
from analysis.search import build_index
from analysis.search.index import describe_sizes
from analysis.snapshots import connect

WORK = PROJECT_ROOT / "benchmarks" / "work"


def _peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def week_root(models: int, root: Path | None) -> Path:
    if root is not None:
        return root
    out = WORK / f"search-week-{models}"
    if not (out / "models").is_dir():
        print(f"generating {models:,} models into {out}", file=sys.stderr)
        generate_full_week(out, models=models)
    return out


def measure(root: Path, keep: list[int | None]) -> dict[str, Any]:
    con = connect(root, kinds=["models"])
    rows = int(con.execute("SELECT count(*) FROM models").fetchone()[0])  # type: ignore[index]
    runs = []
    for cap in keep:
        n = rows if cap is None else min(cap, rows)
        t0 = time.perf_counter()
        index = build_index(con, max_models=n, max_datasets=1)
        built = time.perf_counter() - t0
        sizes = describe_sizes(index)
        runs.append({"keep": n, "seconds": round(built, 2), **sizes, "peak_mb": round(_peak_mb())})
        print(json.dumps(runs[-1]), file=sys.stderr)
    con.close()
    # bytes per kept model, fitted through the runs (least squares, with intercept)
    xs = [r["keep"] for r in runs]
    ys = [r["gzip_bytes"] for r in runs]
    fit: dict[str, float] = {}
    if len(runs) >= 2:
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        sxx = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sxx if sxx else 0.0
        fit = {"bytes_per_model": round(slope, 1), "intercept_bytes": round(my - slope * mx)}
        fit["every_model_bytes"] = round(fit["intercept_bytes"] + slope * rows)
    return {"week_models": rows, "runs": runs, "fit": fit}


def summary(result: dict[str, Any]) -> str:
    lines = [
        f"# Search index at {result['week_models']:,} models (generated week)",
        "",
        "| models kept | build (s) | terms | postings | gzip JSON (MB) | peak memory (MB) |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["runs"]:
        lines.append(
            f"| {r['keep']:,} | {r['seconds']} | {r['terms']:,} | {r['postings']:,} | "
            f"{r['gzip_bytes'] / 1e6:.2f} | {r['peak_mb']:,} |"
        )
    fit = result.get("fit") or {}
    if fit:
        lines += [
            "",
            f"Fitted: {fit['bytes_per_model']} bytes per kept model (+{fit['intercept_bytes']:,}"
            f" bytes); an index of all {result['week_models']:,} models would be about "
            f"{fit['every_model_bytes'] / 1e6:.0f} MB compressed (extrapolated unless a run "
            "above kept them all).",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--models", type=int, default=3_000_000, help="model rows of the week")
    p.add_argument("--root", type=Path, help="an existing snapshot root holding one models week")
    p.add_argument(
        "--keep",
        default="10000,50000,100000",
        help="comma-separated caps of models kept, 'all' for every model (default: %(default)s)",
    )
    p.add_argument("--out", type=Path, help="the results JSON (a Markdown summary beside it)")
    args = p.parse_args(argv)
    keep = [None if k.strip() == "all" else int(k) for k in args.keep.split(",") if k.strip()]
    result = measure(week_root(args.models, args.root), keep)
    text = summary(result)
    print(text)
    if args.out is not None:
        atomic.write_text(args.out, json.dumps(result, indent=1) + "\n")
        atomic.write_text(args.out.with_suffix(".md"), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
