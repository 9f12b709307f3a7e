"""Attention concentration: per week, the share of models with zero downloads, the
top-1% share of downloads and the Gini coefficient; the same for likes (and all-time downloads
from the week that column appears).

Inputs: ``fact_models__concentration`` (computed per week inside the fact SQL from the sorted
values, so the fact stays one row per week and measure) and the ``weeks`` table.

Definitions: models whose value is NULL (the column is missing from that week's file) are left
out, never counted as zero; ``null_share`` says how many. The top 1% is the ceil(1% of n) models
with the largest values. Gini with values sorted ascending x_1..x_n:
``2 * sum(i * x_i) / (n * sum x) - (n + 1) / n`` (0: equal; (n - 1) / n: one model has all).

:func:`published_reference` returns the figures *published* by Osborne, Ding and Kirk
(arXiv 2405.13058, October 2023 data) with their citation: a cited constant of that study, shown
beside our series for comparison, never our computation.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.query import SqlFiles, date_range, require_tables, table_exists

SQL = SqlFiles(__file__)

MEASURES: tuple[str, ...] = ("downloads", "downloadsAllTime", "likes")
REFERENCE_CSV = Path(__file__).with_name("published_reference.csv")


def weekly(
    con: duckdb.DuckDBPyConnection,
    measure: str | None = None,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week and measure: rows, n, null_share, n_zero, zero_share, total, top1_n, top1_share, gini, repeat_of, is_repeat,
    left_out_negative, left_out_non_integer.

    A repeated week (its file repeats the previous one) keeps its values, marked ``is_repeat``.
    ``left_out_*``: rows of the week's file with a negative or not whole count, which the row
    checks left out (from ``fact_models__quality``; NA without that fact or for all-time downloads).
    """
    if measure is not None and measure not in MEASURES:
        raise HubObsError(f"measure {measure!r} is not one of {', '.join(MEASURES)}")
    require_tables(con, ("fact_models__concentration", "weeks"), "concentration")
    out = SQL.df(con, "weekly", {"measure": measure, **date_range(start, end)})
    cols = ["left_out_negative", "left_out_non_integer"]
    if not table_exists(con, "fact_models__quality"):  # hand-built tables: not counted
        return out.assign(**{c: pd.Series(pd.NA, index=out.index, dtype="Int64") for c in cols})
    left = SQL.df(con, "left_out", {})
    merged = out.merge(left, on=["week", "measure"], how="left")
    return merged.astype({c: "Int64" for c in cols})


def published_reference() -> pd.DataFrame:
    """The published reference figures (study, citation, arxiv, data_date, measure, statistic, comparator, value, statement)."""
    return pd.read_csv(REFERENCE_CSV, dtype={"data_date": "string"})
