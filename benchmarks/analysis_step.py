"""The analysis step at full scale once facts exist.

``python -m benchmarks.analysis_step <full-week root> <week> <history root> [<fixture dir>]``:

1. reduces the full-size week to every defined fact (timed: the week's whole fact build);
2. builds a full-scale fact history WITHOUT generating 105 full-size weeks: for each week of the
   105-week history root, the full-size week's fact files are written under that week's cache key
   with the ``week`` column relabelled (a benchmark fixture in a temporary cache, never the real
   cache: those files do not describe the small history files);
3. times ``open_facts`` over that history (nothing to compute: all facts cached) and then every
   metric function of the analyses (``analysis/<name>/metrics.py``) callable with only the connection (defaults for the
   rest), each timed; a metric that fails is reported with its error, not hidden.

With a fixture dir, steps 1 and 2 are done once and kept there (about 50 GB at full scale; the
fixture's own record says what built it), and later runs time only step 3: for iterating on
metrics. Without one, everything goes to a temporary directory removed at the end.

Prints one JSON line.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.facts import cache as fcache
from analysis.facts.definitions import facts
from analysis.facts.store import build, open_facts, plan, select_files, week_files
from analysis.snapshots import connect
from benchmarks.contenders import _status_kib

MEMORY_LIMIT = "4GB"
LIMIT_S = 120.0
MAX_RSS_MIB = 8000  # the machine is shared: past this the run stops and reports what it had


def _watchdog(out: dict[str, Any], current: list[str]) -> None:
    """Stop the process (printing the partial result) when its RSS passes MAX_RSS_MIB."""
    while True:
        time.sleep(0.5)
        if _status_kib("VmRSS") / 1024 > MAX_RSS_MIB:
            out["aborted"] = f"RSS passed {MAX_RSS_MIB} MiB during {current[0]}"
            print(json.dumps(out, default=str), flush=True)
            if len(current) > 1:
                shutil.rmtree(current[1], ignore_errors=True)  # os._exit skips the cleanup
            os._exit(0)


#: Functions left out of the timed step, with why (reported in the output, not hidden).
EXCLUDED = {
    "lineage.edges": "called without a week it returns every resolved edge of every week "
    "(a data dump of 105 x 2.1 million rows, not a step of the site)",
}


def _metric_functions() -> list[tuple[str, Any]]:
    """Every public function of ``analysis/<analysis>/metrics.py`` whose first parameter is the
    connection and whose other parameters all have defaults, as ``<analysis>.<function>``."""
    from analysis.definitions import ANALYSES

    out = []
    for analysis in ANALYSES:
        try:
            module = importlib.import_module(f"analysis.{analysis}.metrics")
        except ModuleNotFoundError:
            continue
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            params = list(inspect.signature(fn).parameters.values())
            if not params or params[0].name != "con":
                continue
            if f"{analysis}.{name}" in EXCLUDED:
                continue
            if all(p.default is not inspect.Parameter.empty for p in params[1:]):
                out.append((f"{analysis}.{name}", fn))
    return out


def _fixture(full_root: Path, hist_root: Path, tmp: Path, out: dict[str, Any]) -> Path:
    """Steps 1 and 2 into ``tmp``; returns the history cache. Kept when ``tmp`` already holds them."""
    full_cache, hist_cache = tmp / "full", tmp / "hist"
    record = tmp / "fixture.json"
    if record.is_file():
        stale = [
            (f.table, wf.week)
            for wf, missing in plan(select_files(hist_root), hist_cache).items()
            for f in missing
            if f.kind == "models"
        ]
        if stale:
            raise SystemExit(
                f"the fixture in {tmp} lacks {len(stale)} models fact-weeks (fact SQL changed "
                f"since it was made, e.g. {stale[0][0]}): remove it and run again"
            )
        out.update(json.loads(record.read_text(encoding="utf-8")))
        out["fixture_reused"] = str(tmp)
        return hist_cache
    t = time.perf_counter()
    report = build(full_root, cache=full_cache, progress=False)
    made: dict[str, Any] = {
        "full_week_all_facts_s": time.perf_counter() - t,
        "full_week_fact_weeks": len(report.computed),
    }
    con = connect(full_root, write_manifest=False)
    full = {wf.kind: wf for wf in week_files(con)}["models"]
    con.close()
    hcon = connect(hist_root, write_manifest=False)
    hist = [wf for wf in week_files(hcon) if wf.kind == "models"]
    hcon.close()
    fact_rows = 0
    for f in facts("models"):
        table = pq.read_table(fcache.fact_path(full_cache, f, full.week, full.sha256))
        for wf in hist:
            i = table.schema.get_field_index("week")
            relabelled = table.set_column(
                i, "week", pa.array([wf.week] * table.num_rows, pa.date32())
            )
            fcache.write_atomic(
                relabelled,
                fcache.fact_path(hist_cache, f, wf.week, wf.sha256),
                {"benchmark": "relabelled"},
            )
            fact_rows += table.num_rows
    made["history_weeks"] = len(hist)
    made["history_fact_rows"] = fact_rows
    made["history_fact_bytes"] = sum(p.stat().st_size for p in hist_cache.rglob("*.parquet"))
    # the other kinds' facts of the history weeks, built before timing (they are small weeks)
    pre = build(hist_root, cache=hist_cache, progress=False)
    made["history_other_facts_built"] = len(pre.computed)
    if any(t.startswith("fact_models__") for t, _ in pre.computed):
        raise SystemExit("relabelled models facts were not found in the history cache")
    record.write_text(json.dumps(made), encoding="utf-8")
    out.update(made)
    return hist_cache


def main(argv: list[str]) -> int:
    full_root, hist_root = Path(argv[0]), Path(argv[2])  # argv[1]: the week (the root has one)
    out: dict[str, Any] = {}
    current = ["setup"]
    threading.Thread(target=_watchdog, args=(out, current), daemon=True).start()
    with contextlib.ExitStack() as stack:
        if len(argv) > 3:
            tmp = Path(argv[3])
            tmp.mkdir(parents=True, exist_ok=True)
        else:
            tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(dir=full_root.parent)))
            current.append(str(tmp))
        hist_cache = _fixture(full_root, hist_root, tmp, out)
        current[0] = "open_facts"
        t = time.perf_counter()
        hcon, _prov = open_facts(hist_root, cache=hist_cache, progress=False)
        out["open_facts_s"] = time.perf_counter() - t
        # bounded: DuckDB may use MEMORY_LIMIT (spilling beyond), a metric is interrupted after LIMIT_S
        hcon.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
        hcon.execute("SET temp_directory = $d", {"d": str(Path(tmp) / "spill")})
        metrics: dict[str, Any] = {}
        out["metrics"] = metrics
        out["excluded"] = EXCLUDED
        t_all = time.perf_counter()
        for name, fn in _metric_functions():
            t = time.perf_counter()
            current[0] = name
            timer = threading.Timer(LIMIT_S, hcon.interrupt)
            timer.start()
            try:
                value = fn(hcon)
                metrics[name] = {"seconds": time.perf_counter() - t}
                if hasattr(value, "shape"):  # a DataFrame; builders return a week or provenance
                    metrics[name]["rows"] = int(value.shape[0])
            except Exception as exc:
                metrics[name] = {
                    "seconds": time.perf_counter() - t,
                    "error": f"{type(exc).__name__}: {exc}"[:300],
                }
            finally:
                timer.cancel()
            print(f"    {name}: {metrics[name]}", file=sys.stderr)
        out["metrics_s"] = time.perf_counter() - t_all
        out["metrics"] = metrics
        out["analysis_step_s"] = out["open_facts_s"] + out["metrics_s"]
        out["peak_rss_mib"] = _status_kib("VmHWM") / 1024
        out["limits"] = {"duckdb_memory_limit": MEMORY_LIMIT, "per_metric_s": LIMIT_S}
    print(json.dumps(out, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
