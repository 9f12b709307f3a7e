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


#: Queries timed in the browser (the last, one letter, matches the most terms by prefix).
QUERIES = ("text generation", "qirin 7b", "medical question answering", "a")
#: In the page: type a query, wait until the status line changes, return the milliseconds.
_TIME_QUERY = """async (q) => {
  const input = document.querySelector('#hs-q'), status = document.querySelector('#hs-status');
  input.value = ''; input.dispatchEvent(new Event('input'));
  await new Promise(r => setTimeout(r, 150));
  const before = status.textContent;
  const t0 = performance.now();
  input.value = q; input.dispatchEvent(new Event('input'));
  await new Promise(r => { const o = new MutationObserver(() => { o.disconnect(); r(); });
    o.observe(status, {childList: true, characterData: true, subtree: true}); });
  return [performance.now() - t0 - 60, before, status.textContent];
}"""


def browser_timing(index: Any) -> dict[str, Any]:
    """Load the page with ``index`` in headless Chromium: seconds until the box is usable, and
    each of :data:`QUERIES`' milliseconds from the last key to the new results (the script's 60
    ms pause after typing left out)."""
    import functools
    import http.server
    import shutil
    import tempfile
    import threading

    from playwright.sync_api import sync_playwright

    from analysis.provenance import Provenance
    from analysis.search import write_index
    from analysis.search.page import ASSETS, page_html

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp)
        shutil.copytree(PROJECT_ROOT / ASSETS, site / ASSETS)
        out = site / "explorers" / "search"
        write_index(index, out)
        prov = Provenance(weeks=(), revision="benchmark", generated=True)
        body = page_html(
            index,
            prov,
            index_href="search-index.json.gz",
            csv_href="x.csv",
            assets_href="../../" + ASSETS,
        )
        (out / "index.html").write_text(
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            '<link rel="icon" href="data:,"><title>t</title></head>'
            f"<body>{body}</body></html>",
            encoding="utf-8",
        )

        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

        handler = functools.partial(Quiet, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as pw:
                b = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                page = b.new_page()
                t0 = time.perf_counter()
                page.goto(
                    f"http://127.0.0.1:{server.server_address[1]}/explorers/search/index.html"
                )
                page.wait_for_function(
                    "() => !document.querySelector('#hs-q').disabled", timeout=120000
                )
                loaded = time.perf_counter() - t0
                queries = {q: round(page.evaluate(_TIME_QUERY, q)[0], 1) for q in QUERIES}
                heap = page.evaluate(
                    "performance.memory ? performance.memory.usedJSHeapSize : null"
                )
                b.close()
        finally:
            server.shutdown()
            server.server_close()
    return {
        "load_seconds": round(loaded, 2),
        "query_ms": queries,
        "js_heap_mb": round(heap / 1e6) if heap else None,
    }


def measure(root: Path, keep: list[int | None], browser_keep: int | None = None) -> dict[str, Any]:
    con = connect(root, kinds=["models"])
    rows = int(con.execute("SELECT count(*) FROM models").fetchone()[0])  # type: ignore[index]
    runs: list[dict[str, Any]] = []
    for cap in keep:
        n = rows if cap is None else min(cap, rows)
        t0 = time.perf_counter()
        index = build_index(con, max_models=n, max_datasets=1)
        built = time.perf_counter() - t0
        sizes = describe_sizes(index)
        run: dict[str, Any] = {"keep": n, "seconds": round(built, 2), **sizes}
        runs.append({**run, "peak_mb": round(_peak_mb())})
        if browser_keep is not None and n == min(browser_keep, rows):
            runs[-1]["browser"] = browser_timing(index)
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
    for r in result["runs"]:
        if "browser" in r:
            b = r["browser"]
            times = ", ".join(f"{q!r} {ms} ms" for q, ms in b["query_ms"].items())
            lines += [
                "",
                f"In headless Chromium, the index of {r['keep']:,} models: usable "
                f"{b['load_seconds']} s after the page was opened (download from localhost, "
                f"decompression, parsing); from the last key to the new results: {times} "
                f"(JavaScript heap {b['js_heap_mb']} MB).",
            ]
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
    p.add_argument(
        "--browser",
        type=int,
        metavar="KEEP",
        help="time the page in headless Chromium (/usr/bin/chromium) with the index of KEEP models",
    )
    args = p.parse_args(argv)
    keep = [None if k.strip() == "all" else int(k) for k in args.keep.split(",") if k.strip()]
    result = measure(week_root(args.models, args.root), keep, args.browser)
    text = summary(result)
    print(text)
    if args.out is not None:
        atomic.write_text(args.out, json.dumps(result, indent=1) + "\n")
        atomic.write_text(args.out.with_suffix(".md"), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
