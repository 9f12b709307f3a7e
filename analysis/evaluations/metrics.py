"""Evaluations: the results model cards report (``model-index``), which benchmarks they name and
how concentrated reporting is on a few, who reports, whether derivatives report their base's
benchmarks, and the benchmarks as datasets.

Inputs: ``fact_models__evaluations`` (per week, model, task and benchmark reported, plus one row
per card not parsed; the only fact reading ``cardData``, parsed there with size and depth limits),
``fact_models__evaluation_benchmarks`` (per week and benchmark), ``fact_models__counts``,
``fact_models__authors``, the lineage graph (:class:`analysis.lineage.Lineage`), the snapshot
view ``datasets`` for one week (when the data has datasets), the organization mapping and the
``weeks`` table. The definitions are stated for readers in ``definitions.yml`` beside this module.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from analysis import orgmap
from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.orgmap import OrgMap
from analysis.query import SqlFiles, date_range, require_tables, table_exists
from analysis.weeks import latest, week_or_latest

SQL = SqlFiles(__file__)

FACTS: tuple[str, ...] = ("fact_models__evaluations", "fact_models__evaluation_benchmarks")


def _check_n(n: int) -> None:
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")


def weekly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per models week: models, cards, reporting, reporting_share, not_parsed, too_large, too_deep,
    malformed, results, benchmarks, top1_share, top5_share, top10_share, gini, is_repeat."""
    require_tables(con, (*FACTS, "fact_models__counts", "weeks"), "evaluations.weekly")
    return SQL.df(con, "weekly", date_range(start, end))


def top_benchmarks(
    con: duckdb.DuckDBPyConnection,
    n: int = 15,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """The ``n`` benchmarks with the most results in ``week`` (latest models week when None):
    rank, benchmark, models, results, share (of the week's results)."""
    _check_n(n)
    require_tables(con, (*FACTS, "weeks"), "evaluations.top_benchmarks")
    w = week_or_latest(con, "models", week, end)
    return SQL.df(con, "benchmarks", {"week": w, "n": n})


def by_org_kind(
    con: duckdb.DuckDBPyConnection,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Per organization kind in ``week``: owners, models, reporting_owners, reporting,
    reporting_share (of the kind's models), results."""
    require_tables(con, (*FACTS, "fact_models__authors", "weeks"), "evaluations.by_org_kind")
    w = week_or_latest(con, "models", week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, "by_org_kind", {"week": w})


def tasks_by_org_kind(
    con: duckdb.DuckDBPyConnection,
    n: int = 6,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Results per organization kind and task, for the ``n`` tasks with the most results in
    ``week``: org_kind, task, models, results, share (of the kind's results on those tasks)."""
    _check_n(n)
    require_tables(con, (*FACTS, "weeks"), "evaluations.tasks_by_org_kind")
    w = week_or_latest(con, "models", week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, "tasks", {"week": w, "n": n})


def families(
    lineage: Lineage,
    n: int = 10,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """For the ``n`` largest families of ``week`` (latest models week not after ``end`` when None):
    root_id, derivatives, root_benchmarks, reporting, sharing, same_set, mean_jaccard (see
    ``sql/families.sql``)."""
    _check_n(n)
    require_tables(lineage.con, FACTS, "evaluations.families")
    w = lineage.ensure(week_or_latest(lineage.con, "models", week, end))
    return SQL.df(lineage.con, "families", {"week": w, "n": n})


def benchmark_datasets(
    con: duckdb.DuckDBPyConnection,
    n: int = 15,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """The ``n`` benchmarks most models report in ``week`` (latest models week when None) beside
    the dataset of the same id in the latest datasets week not after it: rank, benchmark, models,
    results, dataset_id, found, downloads, likes, dataset_week (NULL without datasets)."""
    _check_n(n)
    require_tables(con, (*FACTS, "weeks"), "evaluations.benchmark_datasets")
    w = week_or_latest(con, "models", week, end)
    out = SQL.df(con, "benchmark_datasets", {"week": w, "n": n})
    out["key"] = out["benchmark"].str.lower()
    ds_week = (
        latest(con, "datasets", w) if w is not None and table_exists(con, "datasets") else None
    )
    found = (
        SQL.df(con, "dataset_lookup", {"ds_week": ds_week, "keys": out["key"].tolist()})
        if ds_week is not None and len(out)
        else pd.DataFrame(
            {
                "key": pd.Series(dtype=object),
                "dataset_id": pd.Series(dtype=object),
                "downloads": pd.Series(dtype="Int64"),
                "likes": pd.Series(dtype="Int64"),
            }
        )
    )
    out = out.merge(found, on="key", how="left").drop(columns="key")
    out["found"] = out["dataset_id"].notna()
    out["downloads"] = out["downloads"].astype("Int64")
    out["likes"] = out["likes"].astype("Int64")
    out["dataset_week"] = ds_week
    return out
