"""The datasets explorer's data: the most downloaded datasets of a week with the benchmark flag
(:func:`analysis.datasets.top_datasets`), their task categories and domains (SQL
``sql/dataset_labels.sql``), one row per dataset and domain."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import duckdb
import pandas as pd

from analysis import datasets
from analysis.errors import HubObsError
from analysis.orgmap import OrgMap
from analysis.query import SqlFiles, as_date, require_tables
from analysis.weeks import week_or_latest

SQL = SqlFiles(__file__)

#: The label of datasets matching no domain keyword (as in ``fact_datasets__domains``).
NO_DOMAIN = "(none)"
BENCHMARK_LABELS = {True: "evaluation benchmark", False: "other dataset"}


def dataset_labels(
    con: duckdb.DuckDBPyConnection, ids: list[str], week: dt.date | str
) -> pd.DataFrame:
    """Task categories and domains of the datasets ``ids`` in ``week`` (raw ``datasets`` view).

    Columns: id, task_categories (list), domains (list). Ids not in that week are absent.
    """
    require_tables(con, ("datasets",), "explorers.dataset_labels")
    w = as_date(week, "week")
    return SQL.df(con, "dataset_labels", {"week": w, "ids": list(ids)})


#: The columns of :func:`dataset_explorer`.
EXPLORER_COLUMNS = (
    "rank",
    "id",
    "author",
    "downloads",
    "likes",
    "benchmark",
    "benchmark_signal",
    "org_kind",
    "task_categories",
    "domains",
    "domain",
    "first_domain",
)


def dataset_explorer(
    con: duckdb.DuckDBPyConnection,
    n: int = 100,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The ``n`` most downloaded datasets of ``week`` (latest up to ``end`` when None), one row per
    dataset and domain (``(none)`` when no domain keyword matches).

    Columns: rank, id, author, downloads, likes, benchmark (label), benchmark_signal, org_kind,
    task_categories (text), domains (text), domain, first_domain (True on one row per dataset).
    No rows when the data holds no datasets week.
    """
    w = week_or_latest(con, "datasets", week, end)
    if w is None:  # no datasets week
        return pd.DataFrame(columns=list(EXPLORER_COLUMNS))
    top = datasets.top_datasets(con, n=n, week=w, org_map=org_map, root=root)
    labels = dataset_labels(con, top["id"].astype(str).tolist(), w)
    by_id = {str(r.id): (list(r.task_categories), list(r.domains)) for r in labels.itertuples()}
    missing = [i for i in top["id"].astype(str) if i not in by_id]
    if missing:
        raise HubObsError(
            f"datasets {', '.join(repr(m) for m in missing[:5])} are in fact_datasets__top for week "
            f"{w.isoformat()} but not in that week's datasets view"
        )
    rows: list[dict[str, Any]] = []
    for r in top.itertuples():
        tasks, domains = by_id[str(r.id)]
        for i, domain in enumerate(domains or [NO_DOMAIN]):
            rows.append(
                {
                    "rank": int(r.rank),
                    "id": str(r.id),
                    "author": str(r.author),
                    "downloads": _count(r.downloads),
                    "likes": _count(r.likes),
                    "benchmark": BENCHMARK_LABELS[bool(r.is_benchmark)],
                    "benchmark_signal": str(r.benchmark_signal) or "none",
                    "org_kind": str(r.org_kind),
                    "task_categories": ", ".join(tasks) or NO_DOMAIN,
                    "domains": ", ".join(domains) or NO_DOMAIN,
                    "domain": domain,
                    "first_domain": i == 0,
                }
            )
    return pd.DataFrame(rows, columns=list(EXPLORER_COLUMNS))


def _count(value: Any) -> int | None:
    """A count as an int; None when missing (the row checks make a negative count NULL)."""
    return None if pd.isna(value) else int(value)
