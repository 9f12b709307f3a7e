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


def weeks(con: duckdb.DuckDBPyConnection, kind: str | None = "models") -> list[dt.date]:
    """The week labels of ``kind`` (of any kind when None) on ``con``, oldest first."""
    require_tables(con, ("weeks",), "picking a week")
    if kind is None:
        return all_weeks(con)
    return [r[0] for r in SQL.rows(con, "kind_weeks", {"kind": kind})]


def all_weeks(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Every week label of any kind on ``con``, oldest first."""
    require_tables(con, ("weeks",), "picking a week")
    return [r[0] for r in SQL.rows(con, "all_weeks")]


def latest(
    con: duckdb.DuckDBPyConnection,
    kind: str | None = "models",
    end: dt.date | str | None = None,
) -> dt.date | None:
    """The latest ``kind`` week (any kind when None) not after ``end``; None when there is none.

    Metrics of one week run with None as their week when a kind has no week at all: their SQL
    then matches no row, and they return an empty frame (a finding, not an error)."""
    present = weeks(con, kind)
    e = as_date(end, "end")
    candidates = [p for p in present if e is None or p <= e]
    return candidates[-1] if candidates else None


def pick_week(
    con: duckdb.DuckDBPyConnection,
    kind: str | None = "models",
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> dt.date:
    """``week`` checked to be a ``kind`` week on ``con``; when None, the latest (not after ``end``)."""
    present = weeks(con, kind)
    w, e = as_date(week, "week"), as_date(end, "end")
    if w is None:
        found = latest(con, kind, end)
        if found is None:
            upto = "" if e is None else f" up to {e.isoformat()}"
            raise HubObsError(f"the data holds no {kind or 'snapshot'} week{upto}")
        return found
    if w not in present:
        what = kind or "snapshot"
        span = (
            f"; {what} weeks present: {present[0].isoformat()} to {present[-1].isoformat()} "
            f"({len(present)} weeks)"
            if present
            else f"; the data holds no {what} week"
        )
        raise HubObsError(f"week {w.isoformat()} is not in the {what} data{span}")
    return w


def week_or_latest(
    con: duckdb.DuckDBPyConnection,
    kind: str | None,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> dt.date | None:
    """``week`` checked like :func:`pick_week`; when None, :func:`latest` (None without weeks)."""
    if week is None:
        return latest(con, kind, end)
    return pick_week(con, kind, week, end)


__all__ = ["all_weeks", "latest", "pick_week", "week_or_latest", "weeks"]
