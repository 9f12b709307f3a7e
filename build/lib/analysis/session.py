"""Opening a snapshot root in a notebook: the one call each analysis notebook starts with.

:func:`open_data` resolves ``root`` against the project root (notebook parameters are relative to
it, while the kernel runs in ``notebooks/``), builds or reuses the cached facts, and returns the
connection and the :class:`~analysis.provenance.Provenance` every chart and finding carries.
DuckDB's progress bar is switched off so a re-executed notebook prints exactly the same output.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb

from analysis.facts.store import open_facts
from analysis.paths import resolve
from analysis.provenance import Provenance


def open_data(
    root: str | os.PathLike[str],
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> tuple[duckdb.DuckDBPyConnection, Provenance]:
    """The facts of ``root`` for weeks in [start, end] (None: unbounded) and their provenance."""
    con, prov = open_facts(resolve(root), start, end, progress=False)
    con.execute("SET enable_progress_bar = false")
    return con, prov
