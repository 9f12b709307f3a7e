"""Datasets: the most downloaded datasets and the share that are evaluation
benchmarks; task categories and domains over time; which kinds of organization build the
foundational datasets.

Inputs: ``fact_datasets__top`` (the 200 most downloaded datasets of each week with benchmark
signals), ``fact_datasets__tasks``, ``fact_datasets__domains``, ``fact_datasets__authors``,
``fact_models__dataset_refs`` and the ``weeks`` table.

Definitions (stated for readers in ``definitions.yml`` beside this module):

* **Evaluation benchmark**: a dataset with any of three signals: a tag whose text after the last
  ``:`` is ``benchmark``, ``benchmarks``, ``evaluation``, ``eval`` or ``leaderboard``; a repo name
  containing ``eval`` or ``bench``; or a name in a short list of well-known benchmarks (MMLU,
  GSM8K, HellaSwag, ...: the seed ``analysis/seeds/benchmarks.csv``). A heuristic: it misses
  benchmarks with none of these signals and may count a training set named e.g. ``*-bench``.
* **Task category**: the ``task_categories:`` tags (a dataset may have several).
* **Domain**: finance, health, robotics, science, legal, code or math, from tag keywords (the seed
  ``analysis/seeds/domains.csv``); ``(none)`` when no keyword matches.
* **Foundational datasets**: the most downloaded datasets of a week, and the datasets named by
  the most models (``dataset:`` tags of models).
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb
import pandas as pd

from analysis import orgmap
from analysis.errors import HubObsError
from analysis.orgmap import OrgMap
from analysis.query import SqlFiles, date_range, require_tables
from analysis.weeks import week_or_latest

SQL = SqlFiles(__file__)

TOP_KEPT = 200  # rows per week kept by the facts datasets__top and models__dataset_refs


def _check_n(n: int) -> None:
    if not 1 <= n <= TOP_KEPT:
        raise HubObsError(
            f"n must be between 1 and {TOP_KEPT} (the facts keep {TOP_KEPT} a week), got {n}"
        )


def _of_week(
    con: duckdb.DuckDBPyConnection,
    what: str,
    name: str,
    facts: tuple[str, ...],
    n: int,
    week: dt.date | str | None,
    end: dt.date | str | None,
    org_map: OrgMap,
    root: str | os.PathLike[str] | None,
) -> pd.DataFrame:
    """The metric ``what``: ``sql/<name>.sql`` over ``facts`` for ``week`` (the latest datasets week up to ``end`` when
    None) and the top ``n``, with the organization mapping registered."""
    _check_n(n)
    require_tables(con, (*facts, "weeks"), f"datasets.{what}")
    w = week_or_latest(con, "datasets", week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, name, {"week": w, "n": n})


def top_datasets(
    con: duckdb.DuckDBPyConnection,
    n: int = 20,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The ``n`` most downloaded datasets of ``week`` (latest when None).

    Columns: rank, id, author, downloads, likes, is_benchmark, benchmark_signal, org_kind, country.
    """
    facts = ("fact_datasets__top",)
    return _of_week(con, "top_datasets", "top", facts, n, week, end, org_map, root)


def benchmark_share(
    con: duckdb.DuckDBPyConnection,
    n: int = 20,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week: of the ``n`` most downloaded datasets, benchmarks, benchmark_share, benchmark_download_share."""
    _check_n(n)
    require_tables(con, ("fact_datasets__top", "weeks"), "datasets.benchmark_share")
    return SQL.df(con, "benchmark_share", {"n": n, **date_range(start, end)})


def tasks_over_time(
    con: duckdb.DuckDBPyConnection,
    n: int = 10,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week, the ``n`` largest task categories (by datasets in the last week): datasets, created_week, share."""
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")
    require_tables(
        con, ("fact_datasets__tasks", "fact_datasets__authors", "weeks"), "datasets.tasks_over_time"
    )
    return SQL.df(con, "tasks", {"n": n, **date_range(start, end)})


def domains_over_time(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week and domain: datasets, created_week, downloads, share of all datasets."""
    require_tables(
        con,
        ("fact_datasets__domains", "fact_datasets__authors", "weeks"),
        "datasets.domains_over_time",
    )
    return SQL.df(con, "domains", date_range(start, end))


def foundational(
    con: duckdb.DuckDBPyConnection,
    n: int = 50,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The foundational datasets of ``week``, one row each: basis, rank, dataset_id, value, owner, org_kind, country."""
    facts = ("fact_datasets__top", "fact_models__dataset_refs")
    return _of_week(con, "foundational", "foundational", facts, n, week, end, org_map, root)


def foundational_by_org_kind(
    con: duckdb.DuckDBPyConnection,
    n: int = 50,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Per basis and organization kind: datasets among the foundational ``n`` and their share."""
    df = foundational(con, n=n, week=week, end=end, org_map=org_map, root=root)
    out = df.groupby(["basis", "org_kind"], as_index=False).agg(datasets=("dataset_id", "count"))
    out["share"] = out["datasets"] / out.groupby("basis")["datasets"].transform("sum")
    return out.sort_values(
        ["basis", "datasets", "org_kind"], ascending=[True, False, True]
    ).reset_index(drop=True)
