"""Growth: models, datasets and spaces existing and created, per week and per month.

Inputs: the fact tables ``fact_<kind>__authors`` (repos per author and week) and
``fact_<kind>__created_daily`` (creations per day over the 14 days around each label), and the
``weeks`` table of the snapshot views (for ``repeat_of``). The definitions are stated in
``definitions.yml`` beside this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import duckdb
import pandas as pd

from analysis.query import SqlFiles, date_range, missing_tables, require_tables

SQL = SqlFiles(__file__)

KINDS: tuple[str, ...] = ("models", "datasets", "spaces")
FACT_TABLES: tuple[str, ...] = tuple(
    f"fact_{k}__{f}" for k in KINDS for f in ("authors", "created_daily")
)

QUALITY_TABLES: tuple[str, ...] = tuple(f"fact_{k}__quality" for k in KINDS)


def _run(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, object]) -> pd.DataFrame:
    require_tables(con, (*FACT_TABLES, "weeks"), "growth")
    with SQL.scratch(con, [("observed", None), ("daily_created", None)], "drop"):
        return SQL.df(con, name, params)


def weekly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per kind and week: repos, authors, created, created_source, repeat_of, is_repeat,
    net_change, change_weeks, left_out_duplicates, left_out_no_id (rows of the week's file the
    row checks left out of ``repos``: repeating an id, without an id; from the quality facts, NA
    without them)."""
    out = _run(con, "weekly", date_range(start, end))
    cols = ["left_out_duplicates", "left_out_no_id"]
    if missing_tables(con, QUALITY_TABLES):  # hand-built tables: not counted
        return out.assign(**{c: pd.Series(pd.NA, index=out.index, dtype="Int64") for c in cols})
    left = SQL.df(con, "left_out", {})
    merged = out.merge(left, on=["kind", "week"], how="left")
    return merged.astype({c: "Int64" for c in cols})


def monthly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per kind and calendar month: created, days_observed, days_in_month, complete."""
    return _run(con, "monthly", date_range(start, end))


__all__ = ["FACT_TABLES", "KINDS", "monthly", "weekly"]
