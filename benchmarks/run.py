"""Speed and memory of computing one week's facts: our pipeline against pandas, Polars and the scan floor.

    nice .venv/bin/python -m benchmarks.run --models 3000000 --out benchmarks/results/latest.json

Generates (once, under ``benchmarks/work/``) a models week of ``--models`` rows and a history of
105 small weeks, runs every contender in its own process (peak RSS is that process's own
``VmHWM``, see ``benchmarks/contenders.py``), checks pandas and Polars give the same numbers as the pipeline, measures adding
week 105 against recomputing all weeks, and the analysis step over a full-scale fact history.
Writes the JSON given by ``--out`` and a Markdown summary beside it (same name, ``.md``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.report import markdown

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
WORK = HERE / "work"
WEEK = dt.date(2026, 9, 30)
COMPARED_WITH_PIPELINE = ("pipeline_once", "pandas", "polars")


def _python(*args: str, timeout: float = 1800) -> dict[str, Any]:
    """Run ``python <args>`` (the contender alone in its process); its stderr is echoed and kept."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    t = time.perf_counter()
    p = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env=env,
    )
    tail: list[str] = []
    assert p.stderr is not None and p.stdout is not None
    for line in p.stderr:
        if "Warning" not in line:
            sys.stderr.write("    " + line)
            tail = [*tail[-20:], line]
    stdout = p.stdout.read()
    code = p.wait(timeout=timeout)
    wall = time.perf_counter() - t
    if code != 0:
        return {"error": f"exit {code}: " + "".join(tail)[-2000:], "process_wall_s": wall}
    out: dict[str, Any] = json.loads(stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    return out


#: The generator's text profile for benchmark weeks (realistic column sizes, see generate_week).
TEXT_PROFILE = "realistic"


def week_root(models: int) -> Path:
    """Where the benchmark week of ``models`` rows is generated (and reused by later runs)."""
    return WORK / f"week-sample-{TEXT_PROFILE}-{models}"


def generate_week(root: Path, week: dt.date, models: int) -> tuple[Path, str]:
    """One models week in ``root``, from the sample generator's full-week mode.

    ``analysis.sample.generate_full_week`` with ``text_profile="realistic"``: the sample's
    distributions, with column sizes near the reported real ones (about 450 bytes a row on disk,
    most of it ``cardData`` JSON text). A file already there is reused.
    """
    path = root / "models" / week.isoformat() / "models.parquet"
    label = f"analysis.sample.generate_full_week (text_profile={TEXT_PROFILE!r})"
    if path.is_file():
        return path, f"existing file, {label}"
    from analysis.sample.generate import generate_full_week

    generate_full_week(root, models=models, week=week, kinds=("models",), text_profile=TEXT_PROFILE)
    return path, label


def one_week(models: int, contenders: list[str], repeat: int) -> dict[str, Any]:
    root = week_root(models)
    t = time.perf_counter()
    path, made_by = generate_week(root, WEEK, models)
    gen_s = time.perf_counter() - t
    from analysis.snapshots import connect

    t = time.perf_counter()
    connect(root).close()  # manifest: sha256 and row count of the file (once per file)
    manifest_s = time.perf_counter() - t
    runs: dict[str, Any] = {}
    for name in contenders:
        best: dict[str, Any] | None = None
        seconds: list[float] = []
        for _ in range(repeat):
            r = _python("-m", "benchmarks.contenders", name, str(root), WEEK.isoformat())
            print(
                f"  {name}: {r.get('seconds', 'error')} s, peak {r.get('peak_rss_mib', '?')} MiB",
                file=sys.stderr,
            )
            if "seconds" in r:
                seconds.append(r["seconds"])
            if best is None or r.get("seconds", float("inf")) < best.get("seconds", float("inf")):
                best = r
        assert best is not None
        if seconds:  # every run's time, and the median beside the fastest
            best["all_seconds"] = seconds
            best["median_seconds"] = statistics.median(seconds)
        runs[name] = best
    reference = runs.get("pipeline", {}).get("results")
    agree = {}
    for name in COMPARED_WITH_PIPELINE:
        if name in runs and "results" in runs[name] and reference is not None:
            agree[name] = runs[name]["results"] == reference
    for r in runs.values():
        if r and "results" in r:
            r["result_rows"] = {k: len(v) for k, v in r.pop("results").items()}
    return {
        "models": models,
        "week": WEEK.isoformat(),
        "file_bytes": path.stat().st_size,
        "generator": made_by,
        "generate_s": gen_s,
        "manifest_sha256_s": manifest_s,
        "runs": runs,
        "same_numbers_as_pipeline": agree,
    }


def history_root(models: int) -> tuple[Path, list[dt.date]]:
    """105 consecutive weeks of every kind from the sample generator (``models`` by the last week)."""
    from analysis.sample.generate import generate_sample
    from analysis.sample.params import SampleParams

    params = SampleParams(start=WEEK - dt.timedelta(days=7 * 104), weeks=105, models=models)
    root = WORK / f"history-{models}"
    if not (root / "generator.json").is_file():
        generate_sample(root, params)
    return root, list(params.week_dates)


def history(models: int) -> dict[str, Any]:
    t = time.perf_counter()
    root, weeks = history_root(models)
    gen_s = time.perf_counter() - t
    from analysis.snapshots import connect

    connect(root).close()
    out = _python("-m", "benchmarks.incremental", str(root), weeks[-1].isoformat(), timeout=3600)
    out.update({"weeks": len(weeks), "models_last_week": models, "generate_s": gen_s})
    if "full_105_s" in out:
        out["add_over_full_ratio"] = out["add_week_105_s"] / out["full_105_s"]
        out["add_over_average_week"] = out["add_week_105_s"] / (out["full_105_s"] / len(weeks))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--models",
        type=int,
        default=300_000,
        help="rows of the benchmark week (full size: 3000000)",
    )
    p.add_argument(
        "--history-models",
        type=int,
        default=4_000,
        help="models by the last of the 105 history weeks (all kinds generated)",
    )
    p.add_argument(
        "--contenders",
        default="pipeline,pipeline_once,pandas,polars,floor_pyarrow,floor_duckdb,pipeline_all_facts",
    )
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument(
        "--skip", default="", help="comma-separated parts to skip: week, history, analysis"
    )
    p.add_argument("--out", default=str(HERE / "results" / "latest.json"))
    p.add_argument(
        "--history-from", default=None, help="take the history part from an earlier result JSON"
    )
    p.add_argument(
        "--analysis-from",
        default=None,
        help="take the analysis-step part from an earlier result JSON",
    )
    p.add_argument(
        "--analysis-fixture",
        default=None,
        help="keep (or reuse) the analysis step's 105-week fact history in this folder "
        "(about 50 GB at full scale; see benchmarks/analysis_step.py)",
    )
    p.add_argument(
        "--readme",
        action="store_true",
        help="also replace the results section of benchmarks/README.md",
    )
    args = p.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    result: dict[str, Any] = {
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "load_average_at_start": list(os.getloadavg()),
        },
        "versions": _versions(),
    }
    if "week" not in skip:
        print(f"one week of {args.models} models", file=sys.stderr)
        result["one_week"] = one_week(args.models, args.contenders.split(","), args.repeat)
    if args.history_from:
        result["history"] = json.loads(Path(args.history_from).read_text(encoding="utf-8"))[
            "history"
        ]
        result["history"]["from"] = args.history_from
    elif "history" not in skip:
        print(f"history: 105 weeks of {args.history_models} models", file=sys.stderr)
        result["history"] = history(args.history_models)
    if args.analysis_from:
        result["analysis"] = json.loads(Path(args.analysis_from).read_text(encoding="utf-8"))[
            "analysis"
        ]
        result["analysis"]["from"] = args.analysis_from
    elif "analysis" not in skip:
        print("analysis step over a full-scale fact history", file=sys.stderr)
        result["analysis"] = _python(
            "-m",
            "benchmarks.analysis_step",
            str(week_root(args.models)),
            WEEK.isoformat(),
            str(WORK / f"history-{args.history_models}"),
            *([args.analysis_fixture] if args.analysis_fixture else []),
        )
    result["machine"]["load_average_at_end"] = list(os.getloadavg())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, out)
    md = out.with_suffix(".md")
    md.with_name(md.name + ".tmp").write_text(markdown(result), encoding="utf-8")
    os.replace(md.with_name(md.name + ".tmp"), md)
    print(f"wrote {out} and {md}", file=sys.stderr)
    if args.readme:
        update_readme(HERE / "README.md", markdown(result))
    return 0


def update_readme(readme: Path, summary: str) -> None:
    """Replace the text between the results markers of ``readme`` with ``summary`` (atomically)."""
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    text = readme.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{readme}: no {start} ... {end} markers")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    body = summary.replace("# Benchmark results", "### Latest results", 1)
    tmp = readme.with_name(readme.name + ".tmp")
    tmp.write_text(f"{head}{start}\n{body}\n{end}{tail}", encoding="utf-8")
    os.replace(tmp, readme)


def _versions() -> dict[str, str]:
    import duckdb
    import pandas
    import polars
    import pyarrow

    return {
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "polars": polars.__version__,
        "pyarrow": pyarrow.__version__,
    }


if __name__ == "__main__":
    sys.exit(main())
