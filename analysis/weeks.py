"""Which snapshot weeks a connection holds, and picking one: always from the ``weeks`` table.

The snapshot layer's ``weeks`` table lists every (kind, week) file opened, whatever its rows (a
week whose file has no rows is a week with zero repositories, not a missing week). Every metric
that works on one week picks it here.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from analysis.errors import HubObsError
from analysis.query import SqlFiles, as_date, require_tables

SQL = SqlFiles(__file__)


def weeks(con: duckdb.DuckDBPyConnection, kind: str = "models") -> list[dt.date]:
    """The week labels of ``kind`` on ``con``, oldest first."""
    require_tables(con, ("weeks",), "picking a week")
    return [r[0] for r in SQL.rows(con, "kind_weeks", {"kind": kind})]


def all_weeks(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Every week label of any kind on ``con``, oldest first."""
    require_tables(con, ("weeks",), "picking a week")
    return [r[0] for r in SQL.rows(con, "all_weeks")]


def pick_week(
    con: duckdb.DuckDBPyConnection,
    kind: str = "models",
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> dt.date:
    """``week`` checked to be a ``kind`` week on ``con``; when None, the latest (not after ``end``)."""
    present = weeks(con, kind)
    w, e = as_date(week, "week"), as_date(end, "end")
    if w is None:
        candidates = [p for p in present if e is None or p <= e]
        if not candidates:
            upto = "" if e is None else f" up to {e.isoformat()}"
            raise HubObsError(f"the data holds no {kind} week{upto}")
        return candidates[-1]
    if w not in present:
        span = (
            f"; {kind} weeks present: {present[0].isoformat()} to {present[-1].isoformat()} "
            f"({len(present)} weeks)"
            if present
            else f"; the data holds no {kind} week"
        )
        raise HubObsError(f"week {w.isoformat()} is not in the {kind} data{span}")
    return w


__all__ = ["all_weeks", "pick_week", "weeks"]
