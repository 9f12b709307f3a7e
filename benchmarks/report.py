"""The Markdown summary of a benchmark result (every number read from the result JSON)."""

from __future__ import annotations

from typing import Any

LABELS = {
    "pipeline": "our pipeline (DuckDB fact SQL, one projected scan per fact)",
    "pipeline_once": "our pipeline, strategy `once` (needed columns copied once, facts over the copy)",
    "pandas": "pandas (`read_parquet` of the needed columns, default dtypes)",
    "pandas_all_columns": "pandas (`read_parquet` of all columns, as a naive user would)",
    "polars": "Polars (lazy `scan_parquet`, `collect_all`)",
    "floor_pyarrow": "floor: pyarrow `read_table` of the needed columns",
    "floor_duckdb": "floor: DuckDB `count()` over the needed columns",
    "pipeline_all_facts": "our pipeline, every models fact defined today (not only the compared ones)",
}


def _f(x: Any, digits: int = 2) -> str:
    return f"{x:,.{digits}f}" if isinstance(x, (int, float)) else "n/a"


def _targets(runs: dict[str, Any], floor: float | None) -> list[str]:
    """Issue 5's targets for one week, each checked against this run's numbers."""
    pipe, pandas, polars = (runs.get(k, {}) for k in ("pipeline", "pandas", "polars"))
    if "seconds" not in pipe:
        return []
    checks = []

    def median(run: dict[str, Any]) -> float:
        return float(run.get("median_seconds", run["seconds"]))

    if "seconds" in pandas:
        t = pandas["seconds"] / pipe["seconds"]
        m = pandas["peak_rss_mib"] / pipe["peak_rss_mib"]
        checks.append(f"pandas at least 5x slower: {'met' if t >= 5 else 'NOT met'} ({_f(t)}x)")
        checks.append(
            f"pandas at least 5x more peak memory: {'met' if m >= 5 else 'NOT met'} ({_f(m)}x)"
        )
    if "seconds" in polars:
        t = polars["seconds"] / pipe["seconds"]
        tm = median(polars) / median(pipe)
        checks.append(
            f"no slower than Polars: {'met' if t >= 1 and tm >= 1 else 'NOT met'} (Polars takes "
            f"{_f(t)}x the pipeline's time, fastest against fastest; {_f(tm)}x, median against median)"
        )
    if floor:
        t = pipe["seconds"] / floor
        checks.append(f"within 3x of the scan floor: {'met' if t <= 3 else 'NOT met'} ({_f(t)}x)")
    return ["", "Targets (issue 5) in this run:", "", *[f"- {c}" for c in checks]]


def markdown(r: dict[str, Any]) -> str:
    lines = ["# Benchmark results", ""]
    m = r["machine"]
    v = r["versions"]
    lines += [
        f"Run {r['started']} on {m['cpus']} CPUs ({m['platform']}), Python {m['python']}, "
        + ", ".join(f"{k} {val}" for k, val in v.items())
        + ".",
        "",
    ]
    if "load_average_at_start" in m:
        lines += [
            "Load average of the machine (1, 5, 15 min; others' jobs included) at the start: "
            + ", ".join(_f(x) for x in m["load_average_at_start"])
            + "; at the end: "
            + ", ".join(_f(x) for x in m.get("load_average_at_end", []))
            + ".",
            "",
        ]
    w = r.get("one_week")
    if w:
        runs = w["runs"]
        floor = min(
            (
                runs[k]["seconds"]
                for k in ("floor_pyarrow", "floor_duckdb")
                if k in runs and "seconds" in runs[k]
            ),
            default=None,
        )
        pipe = runs.get("pipeline", {})
        lines += [
            f"## One week of facts: {w['models']:,} models ({w['file_bytes'] / 1e9:.2f} GB parquet)",
            "",
            f"Week: {w['generator']}"
            + (f", generated in {_f(w['generate_s'], 0)} s" if w.get("generate_s", 0) > 1 else "")
            + f" ({w['file_bytes'] / w['models']:,.0f} bytes a row on disk); sha256 + row count for the "
            f"manifest (once per file) {_f(w['manifest_sha256_s'])} s. Each contender ran alone in its own process"
            + (
                f", {max(len(x['all_seconds']) for x in runs.values() if 'all_seconds' in x)} times; "
                if any("all_seconds" in x for x in runs.values())
                else "; "
            )
            + "time is the computation after imports (the fastest run, and the median), peak memory "
            "that fastest run's peak RSS (imports included); ratios are of the fastest runs.",
            "",
            "| contender | seconds (fastest) | median | peak RSS MiB | vs pipeline time | vs pipeline memory | same numbers |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for name, run in runs.items():
            if "seconds" not in run:
                lines.append(
                    f"| {LABELS.get(name, name)} | error | | | | | {run.get('error', '')[:80]!r} |"
                )
                continue
            ratio_t = run["seconds"] / pipe["seconds"] if pipe.get("seconds") else None
            ratio_m = (
                run["peak_rss_mib"] / pipe["peak_rss_mib"] if pipe.get("peak_rss_mib") else None
            )
            same = w["same_numbers_as_pipeline"].get(name)
            same_txt = (
                "reference"
                if name == "pipeline"
                else ("yes" if same else "NO" if same is False else "")
            )
            lines.append(
                f"| {LABELS.get(name, name)} | {_f(run['seconds'])} | {_f(run.get('median_seconds'))} | "
                f"{_f(run['peak_rss_mib'], 0)} | "
                f"{_f(ratio_t)}x | {_f(ratio_m)}x | {same_txt} |"
            )
        if floor and pipe.get("seconds"):
            lines += ["", f"Pipeline time over the scan floor: {_f(pipe['seconds'] / floor)}x."]
        lines += _targets(runs, floor)
        lines.append("")
    h = r.get("history")
    if h and "full_105_s" in h:
        lines += [
            f"## Adding week 105 to a 104-week history (generated sample, all kinds, {h['models_last_week']:,} models by the last week, every defined fact)",
            "",
            *([f"(From the earlier run recorded in `{h['from']}`.)", ""] if h.get("from") else []),
            "| step | seconds | fact-weeks computed |",
            "|---|---:|---:|",
            f"| build 104 weeks, empty cache | {_f(h['build_104_s'])} | {h['build_104_fact_weeks']} |",
            f"| add week 105 | {_f(h['add_week_105_s'])} | {h['add_week_105_fact_weeks']} |",
            f"| build again, nothing changed | {_f(h['rebuild_nothing_changed_s'])} | {h['rebuild_nothing_changed_fact_weeks']} |",
            f"| recompute all 105 weeks, empty cache | {_f(h['full_105_s'])} | {h['full_105_fact_weeks']} |",
            "",
            f"Adding a week costs {_f(h['add_over_full_ratio'], 3)} of a full recompute, "
            f"{_f(h['add_over_average_week'])}x the average week's share of it.",
            "",
        ]
    elif h:
        lines += ["## Adding week 105", "", f"error: {h.get('error', '')[:500]}", ""]
    a = r.get("analysis")
    a_from = (
        [f"(From the earlier run recorded in `{a['from']}`.)", ""] if a and a.get("from") else []
    )
    if a and "aborted" in a:
        done = {k: x for k, x in a.get("metrics", {}).items()}
        lines += [
            "## The analysis step at full scale, once facts exist",
            "",
            *a_from,
            f"ABORTED: {a['aborted']}. All models facts of the full-size week: {_f(a.get('full_week_all_facts_s'))} s; "
            f"opening the fact history: {_f(a.get('open_facts_s'))} s. Metrics finished before the stop:",
            "",
        ]
        lines += [
            f"- `{k}`: {_f(x['seconds'])} s"
            + (f" (error: {x['error'][:120]})" if "error" in x else "")
            for k, x in done.items()
        ]
        lines.append("")
    elif a and "analysis_step_s" in a:
        ok = {k: x for k, x in a["metrics"].items() if "error" not in x}
        bad = {k: x for k, x in a["metrics"].items() if "error" in x}
        lines += [
            "## The analysis step at full scale, once facts exist",
            "",
            *a_from,
            f"All models facts of the full-size week: {_f(a['full_week_all_facts_s'])} s. "
            f"Fact history: {a['history_weeks']} weeks x the full-size week's facts (relabelled), "
            f"{a['history_fact_rows']:,} fact rows, {a['history_fact_bytes'] / 1e6:.1f} MB. "
            f"Opening it (`open_facts`, nothing to compute): {_f(a['open_facts_s'])} s; "
            f"{len(ok)} metric functions callable with only the connection: {_f(a['metrics_s'])} s; "
            f"total {_f(a['analysis_step_s'])} s, peak RSS {_f(a['peak_rss_mib'], 0)} MiB.",
            "",
        ]
        total = a["analysis_step_s"]
        lines += [
            f"Target (issue 5), the analysis step at full scale in under a minute on 2 cores once "
            f"facts exist: {'met' if total < 60 and not bad else 'NOT met'} ({_f(total)} s).",
            "",
            "Slowest metric functions (each in turn on one connection, as the site runs them: a "
            "week's family tree is built by the first function that needs it and reused after):",
            "",
            "| function | seconds | rows |",
            "|---|---:|---:|",
        ]
        slow = sorted(ok.items(), key=lambda kv: -kv[1]["seconds"])[:10]
        lines += [f"| `{k}` | {_f(x['seconds'])} | {x.get('rows', '')} |" for k, x in slow]
        lines.append("")
        if bad:
            lines += ["Metric functions that failed on this history (models-only root):", ""]
            lines += [f"- `{k}`: {x['error'][:160]}" for k, x in sorted(bad.items())]
            lines.append("")
    elif a:
        err = a.get("error", "")
        lines += [
            "## The analysis step at full scale, once facts exist",
            "",
            *a_from,
            "Did not finish: " + (err.splitlines()[0][:200] if err else "no result") + ". "
            "The per-metric lines printed before it stopped are in the run's standard error.",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.report <result.json> [--readme]``: write the Markdown beside it again."""
    import argparse
    import json
    import os
    from pathlib import Path

    p = argparse.ArgumentParser(description=main.__doc__)
    p.add_argument("result")
    p.add_argument("--readme", action="store_true")
    args = p.parse_args(argv)
    src = Path(args.result)
    text = markdown(json.loads(src.read_text(encoding="utf-8")))
    md = src.with_suffix(".md")
    tmp = md.with_name(md.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, md)
    if args.readme:
        from benchmarks.run import update_readme

        update_readme(Path(__file__).with_name("README.md"), text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
