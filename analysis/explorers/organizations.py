"""The organizations explorer's data: repositories created each week by the most active creators
of each repository kind within each kind of organization (SQL ``sql/org_activity.sql``)."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import duckdb
import pandas as pd

from analysis import orgmap
from analysis.explorers.common import check_n, iso
from analysis.orgmap import OrgMap
from analysis.query import SqlFiles, date_range, require_tables

SQL = SqlFiles(__file__)


def org_activity(
    con: duckdb.DuckDBPyConnection,
    n: int = 10,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Repos created each week by the ``n`` most active creators of each repo kind within each
    kind of organization (rows only where something was created, plus repeated weeks).

    Columns: kind, week (ISO text), author, org_kind, created_total, rank_in_org_kind,
    top_overall, created (NULL in repeated weeks), is_repeat.
    """
    check_n(n)
    require_tables(
        con,
        ("fact_models__authors", "fact_datasets__authors", "fact_spaces__authors", "weeks"),
        "explorers.org_activity",
    )
    params: dict[str, Any] = {"n": n, **date_range(start, end)}
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        df = SQL.df(con, "org_activity", params)
    df["week"] = iso(df["week"])
    df["created"] = df["created"].astype("Int64")
    return df
