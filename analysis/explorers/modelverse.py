"""The ModelVerse explorer's data: organizations by kind and country, with their models,
datasets, spaces, the derivatives of their models and downloads, each group's share of the
Hub, and the largest repositories of the organizations listed (SQL ``sql/modelverse_*.sql``).

One table, one row per group or item, told apart by ``level``:

* ``hub``: the week's totals over every owner (what the shares divide by);
* ``kind``: per kind of organization (``unmapped``: owners not in the mapping);
* ``country``: per kind and country;
* ``organization``: the ``n`` owners of each kind holding the most repositories;
* ``repository``: the ``top_repos`` largest models, datasets and spaces of each of those owners
  (models and datasets by 30-day downloads, spaces by likes).
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

import pandas as pd

from analysis import escape, orgmap
from analysis.explorers.common import check_n
from analysis.lineage import Lineage
from analysis.orgmap import OrgMap
from analysis.publish.shapes import ORG_KIND_ORDER
from analysis.query import SqlFiles, require_tables, table_exists
from analysis.weeks import week_or_latest

SQL = SqlFiles(__file__)

#: The counts of every group and owner, and the Hub total each share divides by.
COUNTS = ("models", "datasets", "spaces", "downloads")
#: The columns of :func:`modelverse`.
COLUMNS = (
    "level",
    "org_kind",
    "country",
    "author",
    "repo_kind",
    "repo_id",
    "rank",
    "authors",
    "models",
    "datasets",
    "spaces",
    "derivatives",
    "downloads",
    "likes",
    "model_share",
    "dataset_share",
    "space_share",
    "download_share",
)
#: Hub text (ids, names) in the page's data is bounded to this many characters.
TEXT_LIMIT = 200
LEVELS = ("hub", "kind", "country", "organization", "repository")
FACTS = ("fact_authors", "weeks")


def _shares(frame: pd.DataFrame, hub: pd.Series) -> pd.DataFrame:
    for col, share in (
        ("models", "model_share"),
        ("datasets", "dataset_share"),
        ("spaces", "space_share"),
        ("downloads", "download_share"),
    ):
        total = int(hub[col])
        frame[share] = frame[col].astype("float64") / total if total else float("nan")
    return frame


def _kind_order(frame: pd.DataFrame) -> pd.DataFrame:
    order = {k: i for i, k in enumerate(ORG_KIND_ORDER)}
    return frame.assign(_o=frame["org_kind"].map(lambda k: order.get(str(k), len(order))))


def modelverse(
    lineage: Lineage,
    n: int = 25,
    top_repos: int = 10,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The ModelVerse table of ``week`` (latest week of any kind up to ``end`` when None); see
    the module docstring. Columns :data:`COLUMNS`; empty cells where a column does not apply
    to the level. No rows when the data holds no week."""
    check_n(n)
    check_n(top_repos, "top_repos")
    con = lineage.con
    require_tables(con, FACTS, "explorers.modelverse")
    w = week_or_latest(con, None, week, end)
    if w is None:
        return pd.DataFrame(columns=list(COLUMNS))
    lineage.resolve_edges()  # the edges table exists even when w is no models week
    if w in lineage.weeks():
        lineage.resolve_edges(w)
    mapping = orgmap.resolve_map(org_map, root)
    with (
        orgmap.registered(con, mapping),
        SQL.scratch(con, [("modelverse_authors", {"week": w})], "modelverse_drop"),
    ):
        groups = SQL.df(con, "modelverse_groups", {"week": w})
        top = SQL.df(con, "modelverse_top", {"n": n})
    hub = groups[groups["level"] == "hub"].iloc[0]
    repos: list[pd.DataFrame] = []
    authors = top["author"].astype(str).tolist()
    for kind in ("models", "datasets", "spaces"):
        if not authors or not table_exists(con, kind):
            continue
        df = SQL.df(
            con, f"modelverse_repos_{kind}", {"week": w, "authors": authors, "n": top_repos}
        )
        repos.append(df.assign(repo_kind=kind))
    groups = _shares(groups, hub)
    top = _shares(top.assign(level="organization", authors=1), hub)
    frames: list[pd.DataFrame] = [groups, top]
    if repos:
        rep = pd.concat(repos, ignore_index=True).rename(columns={"id": "repo_id"})
        kinds = top.set_index("author")[["org_kind", "country"]]
        rep = rep.join(kinds, on="author")
        frames.append(rep.assign(level="repository"))
    out = pd.concat(frames, ignore_index=True)
    out["_l"] = out["level"].map(LEVELS.index)
    out = _kind_order(out).sort_values(
        ["_l", "_o", "org_kind", "rank", "country", "author", "repo_kind"],
        na_position="first",
        kind="stable",
    )
    out = out.drop(columns=["_l", "_o"]).reindex(columns=list(COLUMNS)).reset_index(drop=True)
    for col in ("rank", "authors", "models", "datasets", "spaces", "derivatives", "downloads"):
        out[col] = out[col].astype("Int64")
    out["likes"] = out["likes"].astype("Int64")
    return out


def _cell(value: Any) -> Any:
    """A JSON value: NULL as None, text cleaned and bounded (Hub text), numbers as they are."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str):
        return escape.clean(value, TEXT_LIMIT)
    return value.item() if hasattr(value, "item") else value


def payload(table: pd.DataFrame) -> dict[str, Any]:
    """What the page's script reads: the table's rows as lists (in :data:`COLUMNS` order, NULL as
    null), the column names and the kinds of organization in order."""
    rows = [[_cell(v) for v in rec] for rec in table.itertuples(index=False)]
    kinds = [k for k in ORG_KIND_ORDER if k in set(table["org_kind"].dropna())]
    return {"columns": list(COLUMNS), "rows": rows, "kinds": kinds}
