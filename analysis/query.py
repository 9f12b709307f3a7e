"""Running SQL files: the one runner every layer above the snapshot views uses.

Every query lives in a ``.sql`` file in a ``sql/`` folder beside the code that runs it, and runs
with named bind parameters (``$name``); table and view names are fixed in the SQL text, never
formatted in. A package makes its runner once::

    SQL = SqlFiles(__file__)          # the folder sql/ beside this module
    SQL.df(con, "growth_weekly", {"start": start, "end": end})

and checks its inputs with :func:`require_tables`. A file that starts with ``-- reads seeds: <name>``
reads the shared list ``analysis/seeds/<name>.csv`` as table ``seed_<name>`` (:mod:`analysis.seeds`),
registered while it runs. Dates given as parameters (notebooks pass ISO
strings) go through :func:`as_date` / :func:`date_range`. A DuckDB error while a query runs
becomes one :class:`~analysis.sqlerrors.QueryError` naming the query and its SQL file (and,
inside the fact store, the file and week).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis import escape, seeds
from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT
from analysis.sqlerrors import naming

Params = Mapping[str, Any] | None


@cache
def _read(path: Path) -> str:
    if not path.is_file():
        raise FileNotFoundError(f"SQL file {path} does not exist")
    return path.read_text(encoding="utf-8")


class SqlFiles:
    """The SQL files of the ``sql/`` folder beside ``module_file`` (pass ``__file__``)."""

    def __init__(self, module_file: str | Path, folder: str = "sql") -> None:
        self.dir = Path(module_file).resolve().parent / folder

    def path(self, name: str) -> Path:
        return self.dir / f"{name}.sql"

    def text(self, name: str) -> str:
        """The text of ``sql/<name>.sql``."""
        return _read(self.path(name))

    @contextlib.contextmanager
    def _running(self, con: duckdb.DuckDBPyConnection, name: str) -> Iterator[None]:
        """DuckDB errors become one message naming the query and its file (sqlerrors.naming);
        the seeds the file reads are registered on ``con`` meanwhile."""
        path = self.path(name)
        try:
            shown = path.relative_to(PROJECT_ROOT).as_posix()
        except ValueError:
            shown = str(path)
        with (
            naming(metric=f"{self.dir.parent.name}.{name}", sql=shown),
            seeds.registered(con, seeds.declared(self.text(name), shown)),
        ):
            yield

    def df(self, con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> pd.DataFrame:
        """Run ``sql/<name>.sql`` with the bind parameters ``params``; the result as a DataFrame."""
        with self._running(con, name):
            return con.execute(self.text(name), dict(params or {})).df()

    def rows(
        self, con: duckdb.DuckDBPyConnection, name: str, params: Params = None
    ) -> list[tuple[Any, ...]]:
        """Run ``sql/<name>.sql``; the rows as Python values."""
        with self._running(con, name):
            return con.execute(self.text(name), dict(params or {})).fetchall()

    def execute(self, con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> None:
        """Run ``sql/<name>.sql`` for its effect (CREATE TEMP TABLE, INSERT, ...)."""
        with self._running(con, name):
            con.execute(self.text(name), dict(params or {}))

    @contextlib.contextmanager
    def scratch(
        self,
        con: duckdb.DuckDBPyConnection,
        setup: Sequence[tuple[str, Params]],
        teardown: str,
    ) -> Iterator[None]:
        """Run the ``setup`` files with their parameters (they make temporary tables), then the
        block, then always the ``teardown`` file (which drops them): a metric leaves nothing on
        the connection."""
        try:
            for name, params in setup:
                self.execute(con, name, params)
            yield
        finally:
            self.execute(con, teardown)


def relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every table and view name on ``con``."""
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {r[0] for r in rows}


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    return name in relations(con)


def missing_tables(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> list[str]:
    """The names in ``tables`` that are neither a table nor a view on ``con``."""
    present = relations(con)
    return [t for t in tables if t not in present]


def require_tables(con: duckdb.DuckDBPyConnection, tables: Iterable[str], what: str) -> None:
    """Raise a clear error naming the tables ``what`` needs and the connection lacks."""
    missing = missing_tables(con, tables)
    if missing:
        raise HubObsError(
            f"{what} needs the tables {', '.join(missing)}, which this connection does not have; "
            "open the data with analysis.data.open_data (or analysis.facts.materialize on "
            "snapshot views) first"
        )


def as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    """``None``, a date (a datetime or Timestamp: its date), or an ISO date string (as notebook
    parameters are) as a date."""
    if isinstance(value, dt.datetime):  # a pandas Timestamp too: its date
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise HubObsError(
                f"parameter {name}={escape.clean(value, 80)!r} is not an ISO date (YYYY-MM-DD)"
            ) from None
    raise HubObsError(f"parameter {name}={value!r} is not a date")


def date_range(start: dt.date | str | None, end: dt.date | str | None) -> dict[str, dt.date | None]:
    """``{"start": ..., "end": ...}`` as bind parameters, checked (None: unbounded)."""
    s, e = as_date(start, "start"), as_date(end, "end")
    if s is not None and e is not None and s > e:
        raise HubObsError(f"start {s.isoformat()} is after end {e.isoformat()}")
    return {"start": s, "end": e}


__all__ = [
    "SqlFiles",
    "as_date",
    "date_range",
    "missing_tables",
    "relations",
    "require_tables",
    "table_exists",
]
