"""Growth (analysis 1): models, datasets and spaces existing and created, per week and per month.

Inputs: the fact tables ``fact_<kind>__authors`` (repos per author and week) and
``fact_<kind>__created_daily`` (creations per day over the 14 days around each label), and the
``weeks`` table of the snapshot views (for ``repeat_of``).

Definitions (stated in the notebook's methods cell):

* **Existing**: rows in the week's file, i.e. public repos at the end of the week.
* **Created in a week**: repos whose ``createdAt`` falls in [label, label + 7 days), counted in
  that week's file. A **repeated week** (its file repeats the previous one byte for byte) is
  marked, never shown as zero growth: its creations are taken from the next week's file when that
  one is fresh (``created_source``), else left missing; its net change is missing.
* **Net change**: existing minus existing at the latest earlier non-repeated week, with the number
  of weeks it spans (``change_weeks``) so a change over two weeks is not read as one week's.
* **Created per month**: the sum over the month's observed days; ``complete`` says whether every
  day of the month was observed (partial months at the ends of the range are marked).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analysis.metrics.query import as_date, require_tables, run, run_script

KINDS: tuple[str, ...] = ("models", "datasets", "spaces")
FACT_TABLES: tuple[str, ...] = tuple(
    f"fact_{k}__{f}" for k in KINDS for f in ("authors", "created_daily")
)


def _prepare(con: duckdb.DuckDBPyConnection) -> None:
    require_tables(con, (*FACT_TABLES, "weeks"), "growth")
    run_script(con, "growth_observed")
    run_script(con, "growth_daily_created")


def weekly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per kind and week: repos, authors, created, created_source, repeat_of, is_repeat, net_change, change_weeks."""
    _prepare(con)
    return run(con, "growth_weekly", {"start": as_date(start, "start"), "end": as_date(end, "end")})


def monthly(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per kind and calendar month: created, days_observed, days_in_month, complete."""
    _prepare(con)
    return run(
        con, "growth_monthly", {"start": as_date(start, "start"), "end": as_date(end, "end")}
    )
