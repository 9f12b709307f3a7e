"""Running a metric's SQL file with bind parameters (shared by the metric modules).

Every metric query lives in ``sql/<name>.sql`` beside this file and is run with named bind
parameters (``$name``); table and view names are fixed in the SQL text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.sqlerrors import naming

SQL_DIR = Path(__file__).with_name("sql")


@cache
def sql_text(name: str) -> str:
    """The text of ``sql/<name>.sql``."""
    path = SQL_DIR / f"{name}.sql"
    if not path.is_file():
        raise FileNotFoundError(f"metric SQL {path} does not exist")
    return path.read_text(encoding="utf-8")


def missing_tables(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> list[str]:
    """The names in ``tables`` that are neither a table nor a view on ``con``."""
    present = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    return [t for t in tables if t not in present]


def require_tables(con: duckdb.DuckDBPyConnection, tables: Iterable[str], what: str) -> None:
    """Raise a clear error naming the fact tables ``what`` needs and the connection lacks."""
    missing = missing_tables(con, tables)
    if missing:
        raise HubObsError(
            f"{what} needs the tables {', '.join(missing)}, which this connection does not have; "
            "open the data with analysis.facts (materialize or the fact store) first"
        )


def as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    """``None``, a date (a datetime or Timestamp: its date), or an ISO date string (as notebook parameters are) as a date."""
    if isinstance(value, dt.datetime):  # a pandas Timestamp too: its date
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise HubObsError(
                f"parameter {name}={value!r} is not an ISO date (YYYY-MM-DD)"
            ) from None
    raise HubObsError(f"parameter {name}={value!r} is not a date")


def run(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]) -> pd.DataFrame:
    """Run ``sql/<name>.sql`` with the bind parameters ``params``; the result as a DataFrame."""
    with naming(metric=name, sql=f"analysis/metrics/sql/{name}.sql"):
        return con.execute(sql_text(name), dict(params)).df()


def rows(
    con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """Run ``sql/<name>.sql`` with the bind parameters ``params``; the rows as Python values."""
    with naming(metric=name, sql=f"analysis/metrics/sql/{name}.sql"):
        return con.execute(sql_text(name), dict(params)).fetchall()


def run_script(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Run ``sql/<name>.sql`` (a statement without parameters, such as CREATE TEMP TABLE)."""
    with naming(metric=name, sql=f"analysis/metrics/sql/{name}.sql"):
        con.execute(sql_text(name))
