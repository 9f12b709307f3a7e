"""Organizations: top contributors, contributions by organization kind and country,
and week-by-week activity per organization (the heat map).

Inputs: ``fact_<kind>__authors`` (per week and author: repos held, created and modified that
week, downloads, likes), the ``weeks`` table (repeated weeks) and a curated organization mapping
(:mod:`analysis.orgmap`). The definitions are stated in ``definitions.yml`` beside this module. "Organization" means the Hub owner (``author``), whether an
organization or a user account; authors missing from the mapping are reported as ``unmapped``,
and a mapped organization whose kind or country nobody knows as ``unknown``.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Literal

import duckdb
import pandas as pd

from analysis import orgmap
from analysis.errors import HubObsError
from analysis.orgmap import OrgMap
from analysis.query import SqlFiles, date_range, require_tables
from analysis.weeks import week_or_latest

SQL = SqlFiles(__file__)

KINDS: tuple[str, ...] = ("models", "datasets", "spaces")
FACT_TABLES: tuple[str, ...] = tuple(f"fact_{k}__authors" for k in KINDS)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise HubObsError(f"kind {kind!r} is not one of {', '.join(KINDS)}")


def _check_n(n: int) -> None:
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")


def top_contributors(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    org_map: OrgMap = None,
    n: int = 20,
    week: dt.date | str | None = None,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The ``n`` authors holding the most ``kind`` repos in ``week`` (latest when None).

    Columns: rank, author, repos, share_of_repos, created_in_range (over the non-repeated weeks of
    [start, end]), downloads, likes, org_kind, country.
    """
    _check_kind(kind)
    _check_n(n)
    require_tables(con, (*FACT_TABLES, "weeks"), "organizations.top_contributors")
    w = week_or_latest(con, kind, week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, "top", {"kind": kind, "n": n, "week": w, **date_range(start, end)})


def contributions(
    con: duckdb.DuckDBPyConnection,
    org_map: OrgMap = None,
    by: Literal["org_kind", "country"] = "org_kind",
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Repos held in ``week`` (latest models week when None) per repo kind and organization kind or country.

    Columns: repo_kind, <by>, repos, authors, share (of the repo kind's repos).
    """
    if by not in ("org_kind", "country"):
        raise HubObsError(f"by must be 'org_kind' or 'country', got {by!r}")
    require_tables(con, (*FACT_TABLES, "weeks"), "organizations.contributions")
    w = week_or_latest(con, None, week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        df = SQL.df(con, "contributions", {"week": w})
    out = df.groupby(["repo_kind", by], as_index=False, sort=False)[
        ["repos", "authors", "share"]
    ].sum()
    return out.sort_values(["repo_kind", "repos", by], ascending=[True, False, True]).reset_index(
        drop=True
    )


def coverage(
    con: duckdb.DuckDBPyConnection,
    org_map: OrgMap = None,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """How much of ``week`` (latest of any kind when None) the organization mapping covers.

    Columns per repo kind with a week: repo_kind, authors, mapped_authors, repos, mapped_repos,
    downloads, mapped_downloads (downloads NULL for spaces), repo_share, download_share.
    """
    require_tables(con, (*FACT_TABLES, "weeks"), "organizations.coverage")
    w = week_or_latest(con, None, week, end)
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        df = SQL.df(con, "coverage", {"week": w})
    df["repo_share"] = df["mapped_repos"] / df["repos"].where(df["repos"] > 0)
    df["download_share"] = df["mapped_downloads"] / df["downloads"].where(df["downloads"] > 0)
    return df


def coverage_note(cov: pd.DataFrame, repo_kind: str = "models") -> str:
    """One sentence for a caption: how much of ``repo_kind`` the mapping knows the kind of."""
    from analysis import fmt

    row = cov[cov["repo_kind"] == repo_kind]
    if row.empty or not int(row.iloc[0]["repos"]):
        return f"The data holds no {repo_kind} to map to organizations."
    r = row.iloc[0]
    downloads = (
        f" and {fmt.percent(float(r['download_share']))} of their 30-day downloads"
        if pd.notna(r["download_share"])
        else ""
    )
    return (
        f"The organization mapping knows {fmt.number(int(r['mapped_authors']))} of the "
        f"{fmt.number(int(r['authors']))} authors of {repo_kind}, who hold "
        f"{fmt.percent(float(r['repo_share']))} of the {repo_kind}{downloads}; everyone else "
        "is counted as unmapped."
    )


def heatmap(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    org_map: OrgMap = None,
    n: int = 20,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Week-by-week activity of the ``n`` authors that created the most ``kind`` repos in [start, end].

    Columns: week, author, created_total, created, modified (NULL in repeated weeks), is_repeat, org_kind.
    """
    _check_kind(kind)
    _check_n(n)
    require_tables(con, (*FACT_TABLES, "weeks"), "organizations.heatmap")
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, "heatmap", {"kind": kind, "n": n, **date_range(start, end)})


def newcomers(
    con: duckdb.DuckDBPyConnection,
    org_map: OrgMap = None,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Owners new to the Hub in each week of [start, end]: every repository they hold in the
    week (any kind) was created during it. Columns: week, rank (by repositories held), author,
    repos, models, datasets, spaces, downloads, likes, org_kind. A week whose every file
    repeats the week before has none."""
    require_tables(con, (*FACT_TABLES, "weeks"), "organizations.newcomers")
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        return SQL.df(con, "newcomers", date_range(start, end))
