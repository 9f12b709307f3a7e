"""One contender computing one week's facts, run alone in its own process by ``benchmarks.run``.

``python -m benchmarks.contenders <name> <root> <week>`` prints one JSON line: the compute time
(after imports), peak RSS of this process (``VmHWM``), RSS after imports, and the results
normalized for comparison (sorted rows of every compared fact).

The compared facts are the generic models facts of ``analysis/facts/sql`` listed in ``COMPARED``;
pandas and Polars compute the same numbers by their own means.
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

COMPARED = ("counts", "by_pipeline_tag", "by_library", "by_base_relation", "by_license_tag")
#: the columns those facts read
NEEDED = [
    "createdAt",
    "author",
    "downloads",
    "likes",
    "pipeline_tag",
    "library_name",
    "baseModels",
    "tags",
]

Rows = dict[str, list[list[Any]]]


def _norm(v: Any) -> Any:
    if isinstance(v, decimal.Decimal):
        return int(v)
    if isinstance(v, float):
        return round(v, 6)
    if isinstance(v, dt.datetime):
        return v.date().isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return _norm(v.item())
    if v != v:  # NaN from pandas is a missing value
        return None
    return v


def normalize(results: dict[str, list[dict[str, Any]]]) -> Rows:
    """Each fact's rows as sorted lists of normalized values, columns in name order."""
    out: Rows = {}
    for fact, rows in results.items():
        out[fact] = sorted(([_norm(r[k]) for k in sorted(r)] for r in rows), key=repr)
    return out


def _file(root: str, week: dt.date) -> str:
    return str(Path(root) / "models" / week.isoformat() / "models.parquet")


# --- contenders ------------------------------------------------------------------------------


def pipeline(
    root: str, week: dt.date, strategy: str = "direct", which: str = "compared"
) -> dict[str, list[dict[str, Any]]]:
    from analysis.facts.definitions import facts
    from analysis.facts.reduce import run_facts
    from analysis.snapshots import connect

    chosen = [f for f in facts("models") if which == "all" or f.name in COMPARED]
    con = connect(root, kinds=["models"], weeks=[week], write_manifest=False)
    tables = run_facts(con, "models", chosen, strategy=strategy)  # type: ignore[arg-type]
    if which == "all":
        return {"_rows": [{"rows": sum(t.num_rows for t in tables.values())}]}
    return {t.split("__")[1]: tables[t].to_pylist() for t in tables}


def pandas_facts(
    root: str, week: dt.date, all_columns: bool = False
) -> dict[str, list[dict[str, Any]]]:
    import pandas as pd

    path = _file(root, week)
    df = pd.read_parquet(path) if all_columns else pd.read_parquet(path, columns=NEEDED)
    start = pd.Timestamp(week)
    created = (df["createdAt"] >= start) & (df["createdAt"] < start + pd.Timedelta(days=7))
    counts = {
        "week": week,
        "models": len(df),
        "created_this_week": int(created.sum()),
        "authors": int(df["author"].nunique()),
        "downloads_30d": int(df["downloads"].sum()),
        "likes": int(df["likes"].sum()),
        "zero_downloads": int((df["downloads"] == 0).sum()),
    }

    def by(col: str, aggs: dict[str, tuple[str, str]], key: Any = None) -> list[dict[str, Any]]:
        g = df.groupby(key if key is not None else df[col], dropna=False).agg(**aggs).reset_index()
        g = g.rename(columns={g.columns[0]: col})
        g.insert(0, "week", week)
        return [
            {k: (None if (isinstance(v, float) and v != v) else v) for k, v in r.items()}
            for r in g.to_dict("records")
        ]

    relation = df["baseModels"].map(lambda b: b["relation"] if isinstance(b, dict) else None)
    tags = df["tags"].explode()
    lic = tags[tags.str.startswith("license:", na=False)].str.slice(len("license:"))
    return {
        "counts": [counts],
        "by_pipeline_tag": by(
            "pipeline_tag",
            {
                "models": ("downloads", "size"),
                "downloads_30d": ("downloads", "sum"),
                "likes": ("likes", "sum"),
            },
        ),
        "by_library": by(
            "library_name", {"models": ("downloads", "size"), "downloads_30d": ("downloads", "sum")}
        ),
        "by_base_relation": by(
            "relation",
            {"models": ("downloads", "size"), "downloads_30d": ("downloads", "sum")},
            key=relation.rename("relation"),
        ),
        "by_license_tag": [
            {"week": week, "license": k, "models": int(v)} for k, v in lic.value_counts().items()
        ],
    }


def polars_facts(root: str, week: dt.date) -> dict[str, list[dict[str, Any]]]:
    import polars as pl

    lf = pl.scan_parquet(_file(root, week))
    start = dt.datetime.combine(week, dt.time())
    end = start + dt.timedelta(days=7)
    wk = pl.lit(week).alias("week")
    counts = lf.select(
        wk,
        pl.len().alias("models"),
        ((pl.col("createdAt") >= start) & (pl.col("createdAt") < end))
        .sum()
        .alias("created_this_week"),
        pl.col("author").drop_nulls().n_unique().alias("authors"),
        pl.col("downloads").sum().alias("downloads_30d"),
        pl.col("likes").sum().alias("likes"),
        (pl.col("downloads") == 0).sum().alias("zero_downloads"),
    )
    by_pipe = (
        lf.group_by("pipeline_tag")
        .agg(
            pl.len().alias("models"),
            pl.col("downloads").sum().alias("downloads_30d"),
            pl.col("likes").sum().alias("likes"),
        )
        .with_columns(wk)
    )
    by_lib = (
        lf.group_by("library_name")
        .agg(pl.len().alias("models"), pl.col("downloads").sum().alias("downloads_30d"))
        .with_columns(wk)
    )
    by_rel = (
        lf.select(pl.col("baseModels").struct.field("relation").alias("relation"), "downloads")
        .group_by("relation")
        .agg(pl.len().alias("models"), pl.col("downloads").sum().alias("downloads_30d"))
        .with_columns(wk)
    )
    by_lic = (
        lf.select(pl.col("tags").explode().alias("tag"))
        .filter(pl.col("tag").str.starts_with("license:"))
        .group_by(pl.col("tag").str.slice(len("license:")).alias("license"))
        .agg(pl.len().alias("models"))
        .with_columns(wk)
    )
    frames = pl.collect_all([counts, by_pipe, by_lib, by_rel, by_lic])
    return {name: f.to_dicts() for name, f in zip(COMPARED, frames, strict=True)}


def floor_pyarrow(root: str, week: dt.date) -> dict[str, list[dict[str, Any]]]:
    import pyarrow.parquet as pq

    t = pq.read_table(_file(root, week), columns=NEEDED)
    return {"_rows": [{"rows": t.num_rows}]}


def floor_duckdb(root: str, week: dt.date) -> dict[str, list[dict[str, Any]]]:
    import duckdb

    con = duckdb.connect()
    row = con.execute(
        "SELECT count(createdAt), count(author), count(downloads), count(likes),"
        " count(pipeline_tag), count(library_name), count(baseModels), count(tags)"
        " FROM read_parquet($f)",
        {"f": _file(root, week)},
    ).fetchone()
    return {"_rows": [{"rows": row[0] if row else 0}]}


CONTENDERS: dict[str, Callable[[str, dt.date], dict[str, list[dict[str, Any]]]]] = {
    "pipeline": pipeline,
    "pipeline_once": lambda r, w: pipeline(r, w, strategy="once"),
    "pipeline_all_facts": lambda r, w: pipeline(r, w, which="all"),
    "pandas": pandas_facts,
    "pandas_all_columns": lambda r, w: pandas_facts(r, w, all_columns=True),
    "polars": polars_facts,
    "floor_pyarrow": floor_pyarrow,
    "floor_duckdb": floor_duckdb,
}


def _status_kib(field: str) -> int:
    """A field of /proc/self/status in KiB: VmRSS now, VmHWM the peak of this process image.

    (``ru_maxrss`` is not used: Linux carries it across fork and exec, so a child started by a
    large parent would report the parent's peak.)
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def main(argv: list[str]) -> int:
    name, root, week = argv[0], argv[1], dt.date.fromisoformat(argv[2])
    fn = CONTENDERS[name]
    # import what the contender uses before timing (imports are not the work measured)
    import duckdb  # noqa: F401
    import pyarrow.parquet  # noqa: F401

    if name.startswith("pandas"):
        import pandas  # noqa: F401
    if name == "polars":
        import polars  # noqa: F401
    if name.startswith("pipeline"):
        import analysis.facts.reduce
        import analysis.snapshots  # noqa: F401
    base = _status_kib("VmRSS")
    t0 = time.perf_counter()
    results = fn(root, week)
    seconds = time.perf_counter() - t0
    peak = _status_kib("VmHWM")
    print(
        json.dumps(
            {
                "name": name,
                "seconds": seconds,
                "peak_rss_mib": peak / 1024,
                "base_rss_mib": base / 1024,
                "results": normalize(results),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
