"""Growth: models, datasets and spaces existing and created, per week and per month.

Inputs: the fact tables ``fact_<kind>__authors`` (repos per author and week) and
``fact_<kind>__created_daily`` (creations per day over the 14 days around each label), and the
``weeks`` table of the snapshot views (for ``repeat_of``). The definitions are stated in
``definitions.yml`` beside this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.query import SqlFiles, as_date, date_range, missing_tables, require_tables

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


#: How many weeks back :func:`changes` compares by default: a week, a month, a year.
LAGS: tuple[int, ...] = (1, 4, 52)
#: The kinds whose new repositories are ranked (spaces have no download count).
RANKED_KINDS: tuple[str, ...] = ("models", "datasets")
#: The measures new repositories are ranked by, and how many the fact keeps per measure.
RANKED_BY: tuple[str, ...] = ("downloads", "likes")
RANKED_KEPT = 50


def changes(
    con: duckdb.DuckDBPyConnection, week: dt.date | str, lags: Sequence[int] = LAGS
) -> pd.DataFrame:
    """Per kind with a file in ``week`` and per lag (weeks): kind, week, lag, base_week, repos,
    is_repeat, base_present, base_repos, base_is_repeat, change, change_share (change NULL for
    a repeated week or an earlier week not in the data: never a zero change)."""
    if not lags or any(int(n) < 1 for n in lags):
        raise HubObsError(f"lags must be weeks of at least 1, got {list(lags)}")
    w = as_date(week, "week")
    return _run(con, "changes", {"week": w, "lags": [int(n) for n in lags]})


def top_created(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    week: dt.date | str,
    by: str = "downloads",
    n: int = 10,
) -> pd.DataFrame:
    """The ``n`` repositories of ``kind`` created during ``week`` with the most ``by``
    (downloads: 30-day; likes). Columns: rank, id, author, created, downloads, likes."""
    if kind not in RANKED_KINDS:
        raise HubObsError(f"kind {kind!r} is not one of {', '.join(RANKED_KINDS)}")
    if by not in RANKED_BY:
        raise HubObsError(f"by {by!r} is not one of {', '.join(RANKED_BY)}")
    if not 1 <= n <= RANKED_KEPT:
        raise HubObsError(f"n must be between 1 and {RANKED_KEPT} (what the fact keeps), got {n}")
    require_tables(con, [f"fact_{k}__created_top" for k in RANKED_KINDS], "growth.top_created")
    params = {"kind": kind, "week": as_date(week, "week"), "by": by, "n": n}
    return SQL.df(con, "top_created", params)


__all__ = [
    "FACT_TABLES",
    "KINDS",
    "LAGS",
    "RANKED_BY",
    "RANKED_KINDS",
    "changes",
    "monthly",
    "top_created",
    "weekly",
]
