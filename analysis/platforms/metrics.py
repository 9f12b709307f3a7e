"""Models as platforms: derivatives per base model, family shapes, the largest families over
time and the share of new models that declare a base model.

The family trees come from :class:`analysis.lineage.Lineage` (one snapshot week at a time);
the series over weeks read per-week facts (``fact_models__family_sizes``,
``fact_models__base_share``). Definitions for readers are in ``definitions.yml`` beside this
module:

* **Derivatives per base model**: *direct* counts the models naming it as a base; *tree* counts
  all its descendants, each once even if reached along several paths. A merge child counts under
  each of its parents. By relation means the derivative's own relation.
* **Depth** of a family: the largest distance (shortest path) from the root to a member;
  **breadth**: the largest number of members at one distance.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analysis.lineage import Lineage
from analysis.query import SqlFiles, as_date, require_tables

SQL = SqlFiles(__file__)


def derivatives_per_base(lineage: Lineage, week: dt.date | str | None = None) -> pd.DataFrame:
    """Derivatives per base model in ``week`` (latest when None): direct and whole-tree counts,
    by relation and 'all'. Columns: week, base_uid, base_id, base_author, on_hub, relation,
    direct, tree."""
    return SQL.df(lineage.con, "derivatives", {"week": lineage.ensure(week)})


def family_shape(lineage: Lineage, week: dt.date | str | None = None) -> pd.DataFrame:
    """Size, depth and breadth of every family with at least one derivative in ``week``.

    Columns: week, root_uid, root_id, root_author, on_hub, root_kind, size, derivatives, depth,
    breadth, direct.
    """
    return SQL.df(lineage.con, "family_shape", {"week": lineage.ensure(week)})


def declared_relations(lineage: Lineage, week: dt.date | str | None = None) -> dict[str, int]:
    """Models of ``week`` declaring a base model (self-links left out), by their relation."""
    w = lineage.resolve_edges(week)
    return {str(r): int(n) for r, n in SQL.rows(lineage.con, "declared_relations", {"week": w})}


def link_counts(lineage: Lineage, week: dt.date | str | None = None) -> dict[str, int]:
    """The week's declared links before any is left out: models_declaring, only_self (models
    naming only themselves), links, self_links, unresolved (links to a parent not in the week),
    and in_cycle (models on a cycle of links: the family walk stops there)."""
    w = lineage.resolve_edges(week)
    cur = SQL.df(lineage.con, "link_counts", {"week": w})
    out = {str(k): int(v) for k, v in cur.iloc[0].items()}
    out["in_cycle"] = len(lineage.cycle_members(w)) if w is not None else 0
    return out


def top_families_over_time(con: duckdb.DuckDBPyConnection, n: int = 10) -> pd.DataFrame:
    """Derivatives per week of the ``n`` largest families of the latest week.

    Reads the per-week fact ``fact_models__family_sizes`` (each week's families with parents
    resolved within that week, computed in the weekly reduction), so no week's tree is built.
    Columns: week, family (root id), derivatives, latest_derivatives.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    require_tables(
        con, ("fact_models__family_sizes", "fact_models__lineage_nodes"), "platforms.families"
    )
    return SQL.df(con, "top_families", {"n": n})


def base_share(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per week and declared relation ('none': no base model): models created that week and
    their share. Columns: week, relation, n_created, n_created_all, share_of_created, n_models,
    n_models_all, repeat_of (weeks repeating the previous file get NULL shares)."""
    require_tables(con, ("fact_models__base_share", "weeks"), "platforms.base_share")
    return SQL.df(con, "base_share")


def declared_base_share(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per week: the share of models created that week that declare any base model.

    Columns: week, n_created, n_with_base, share, repeat_of.
    """
    df = base_share(con)
    if df.empty:
        return pd.DataFrame(columns=["week", "n_created", "n_with_base", "share", "repeat_of"])
    with_base = df[df["relation"] != "none"].groupby("week")["n_created"].sum()
    out = df.groupby("week").agg(
        n_created=("n_created_all", "first"), repeat_of=("repeat_of", "first")
    )
    out["n_with_base"] = with_base.reindex(out.index, fill_value=0).astype("int64")
    ok = out["repeat_of"].isna() & (out["n_created"] > 0)
    out["share"] = (out["n_with_base"] / out["n_created"]).where(ok)
    return out.reset_index()[["week", "n_created", "n_with_base", "share", "repeat_of"]]


def derivatives_gained(
    con: duckdb.DuckDBPyConnection, week: dt.date | str, n: int = 10
) -> pd.DataFrame:
    """The ``n`` declared parents that gained the most direct derivatives (children created
    during ``week``), by the children's relation. Columns: rank, parent_id, gained_total,
    relation, gained (one row per parent and relation with a gain)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    require_tables(con, ("fact_models__derivatives_by_parent",), "platforms.derivatives_gained")
    return SQL.df(con, "derivatives_gained", {"week": as_date(week, "week"), "n": n})
