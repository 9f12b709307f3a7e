"""Models as platforms (analysis 2): base-model links, family trees and derivatives per base model.

Inputs are the fact tables ``fact_models__edges`` (one row per week, child and declared parent),
``fact_models__lineage_nodes`` (every model of a week), ``fact_models__week_links`` (links with
parents resolved within the week), ``fact_models__parent_names`` and
``fact_models__base_share``; see ``analysis/facts/sql``. Everything here is per snapshot week: a
model's family is the one its links describe in that week, and a metric of one week reads only
that week's rows of the per-model facts (the graph is built week by week, on demand).

Definitions (stated on the site's methods page and in the notebooks):

* **Parent resolution** (:func:`resolve_edges`): a declared parent is the model of the same week
  whose ``_id`` is the one given in ``baseModels``; else the model with the declared id; else,
  when the declared id is an old name (it belonged in an earlier week to an ``_id`` that a model of
  this week has), that model (``resolution = 'renamed'``); else it stays an *unresolved* node named
  by its id (deleted, private or mistyped parents are kept, not dropped). Old names are looked up
  in the compact fact ``fact_models__parent_names`` (per week, the (id, ``_id``) of models that a
  model of that week names as a base model by id), and only for the ids left after the first two
  steps; so an old name is known when, in an earlier week, it was named as a base model while it
  belonged to that ``_id`` (definition narrowed for scale, issue 5: before, any earlier model's id
  counted; a model renamed before anyone named it by its old id was the only case it misses).
* A model naming itself as its base (``is_self``) has that link ignored when walking trees.
* **Family root**: walking up base-model links, an ancestor (or the model itself) with no base
  model. A merge whose parents come from two families belongs to both, and is counted under each.
  When every upward path ends in a cycle (A's base is B and B's base is A) the walk stops, and the
  family is named after the smallest key among the cycle's members (``root_kind = 'cycle'``).
* **Derivatives per base model**: *direct* counts the models naming it as a base; *tree* counts all
  its descendants, each once even if reached along several paths. A merge child counts under each
  of its parents. By relation means the derivative's own relation (finetune, quantized, adapter,
  merge).
* **Depth** of a family: the largest distance (shortest path) from the root to a member;
  **breadth**: the largest number of members at one distance.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis.errors import HubObsError

SQL_DIR = Path(__file__).with_name("sql")

#: Fact tables the lineage metrics read.
FACT_TABLES: tuple[str, ...] = ("fact_models__edges", "fact_models__lineage_nodes")

#: Upper bound on the number of base-model links walked up from a model (a safety net: the
#: walk also stops on its own at cycles).
MAX_DEPTH = 64


@cache
def sql(name: str) -> str:
    """The text of ``analysis/metrics/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def table_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = $name",
        {"name": name},
    ).fetchone()
    return bool(row and row[0])


def require_tables(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> None:
    missing = [n for n in names if not table_exists(con, n)]
    if missing:
        raise HubObsError(
            f"missing fact table(s) {', '.join(missing)}: open the data with "
            "analysis.facts.open_facts(...) or run analysis.facts.materialize(con) on the snapshot views"
        )


def query(
    con: duckdb.DuckDBPyConnection, name: str, params: dict[str, Any] | None = None
) -> pd.DataFrame:
    """Run ``sql/<name>.sql`` with bind parameters and return a DataFrame."""
    return con.execute(sql(name), params or {}).df()


# --- building the graph --------------------------------------------------------------------
#
# The graph is built one snapshot week at a time: each step reads only that week's rows of the
# per-model facts (the ``week = $week`` filter is pushed into the scan of the cached fact files,
# whose row groups each hold one week). The temp tables ``lineage_edges``, ``lineage_labels``,
# ``lineage_ancestry`` and ``lineage_families`` hold every week built so far on the connection
# (``lineage_built`` records which), so a metric of one week builds that week only, once.


def _built(con: duckdb.DuckDBPyConnection, week: dt.date, part: str) -> int | None:
    """The max_depth a built part of ``week`` used (0 for 'edges'), None when not built."""
    con.execute(sql("lineage_state"))
    row = con.execute(
        "SELECT max(max_depth) FROM lineage_built WHERE week = $week AND part = $part",
        {"week": week, "part": part},
    ).fetchone()
    return None if row is None or row[0] is None else int(row[0])


def _mark(con: duckdb.DuckDBPyConnection, week: dt.date, part: str, max_depth: int) -> None:
    con.execute(
        "DELETE FROM lineage_built WHERE week = $week AND part = $part",
        {"week": week, "part": part},
    )
    con.execute(
        "INSERT INTO lineage_built VALUES ($week, $part, $max_depth)",
        {"week": week, "part": part, "max_depth": max_depth},
    )


def resolve_edges(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> str:
    """Make sure the temp table ``lineage_edges`` holds the resolved edges of ``week`` (latest when None); return its name.

    Columns: week, child_uid, child_id, child_author, child_created, child_licence, relation,
    n_parents, parent_pos, parent_ref_id (as declared), parent_uid, parent_id (its id in that
    week), parent_author, parent_created, parent_licence, resolution ('_id', 'id', 'renamed',
    'unresolved'), is_self, source ('baseModels' or 'tags'). Also fills ``lineage_labels``
    (what to call each node of the week). Only that week's rows of the per-model facts are read;
    earlier names of renamed parents come from the compact fact ``fact_models__parent_names``.
    """
    require_tables(con, (*FACT_TABLES, "fact_models__week_links", "fact_models__parent_names"))
    w = pick_week(con, week)
    if _built(con, w, "edges") is not None:
        return "lineage_edges"
    con.execute(sql("lineage_resolve_edges"), {"week": w})
    con.execute(sql("lineage_labels"), {"week": w})
    if table_exists(con, "lineage_edges"):
        con.execute("DELETE FROM lineage_edges WHERE week = $week", {"week": w})
        con.execute("DELETE FROM lineage_labels WHERE week = $week", {"week": w})
    con.execute(sql("lineage_store_edges"))
    _mark(con, w, "edges", 0)
    return "lineage_edges"


def build_families(
    con: duckdb.DuckDBPyConnection,
    max_depth: int = MAX_DEPTH,
    week: dt.date | str | None = None,
    *,
    force: bool = False,
) -> dt.date:
    """Build ``lineage_edges``, ``lineage_ancestry`` and ``lineage_families`` for ``week`` (latest when None); return the week.

    A week already built on ``con`` with the same ``max_depth`` is kept unless ``force``.
    """
    if max_depth < 1:
        raise ValueError(f"max_depth must be at least 1, got {max_depth}")
    w = pick_week(con, week)
    if not force and _built(con, w, "families") == max_depth:
        return w
    resolve_edges(con, w)
    _walk_up(con, w, max_depth)
    con.execute(sql("lineage_families"), {"week": w})
    if table_exists(con, "lineage_families"):
        con.execute("DELETE FROM lineage_ancestry WHERE week = $week", {"week": w})
        con.execute("DELETE FROM lineage_families WHERE week = $week", {"week": w})
    con.execute(sql("lineage_store_families"))
    _mark(con, w, "families", max_depth)
    return w


def _walk_up(con: duckdb.DuckDBPyConnection, week: dt.date, max_depth: int) -> None:
    """``lineage_ancestry_week``: the week's (node, ancestor, shortest depth) pairs, level by level.

    Each level joins only the pairs the previous level added (a breadth-first walk), so a pair is
    first met at its shortest depth and never walked again; a level that adds nothing ends it.
    """
    con.execute(sql("lineage_ancestry_start"), {"week": week})
    con.execute(sql("lineage_ancestry_level1"))
    depth = 1
    while depth < max_depth:
        depth += 1
        con.execute(sql("lineage_ancestry_step"), {"depth": depth})
        added = con.execute("SELECT count(*) FROM lineage_frontier").fetchall()[0][0]
        if not added:
            break


def _ensure(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> dt.date:
    """Families of ``week`` (latest when None) built on ``con``; returns the week."""
    w = pick_week(con, week)
    if _built(con, w, "families") is None:
        build_families(con, week=w)
    return w


def weeks(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """The snapshot weeks present in the lineage facts, oldest first."""
    require_tables(con, FACT_TABLES)
    # the counts fact has one row per week (and exactly the weeks of the other models facts):
    # far cheaper than a DISTINCT over every model of every week
    source = "fact_models__counts" if table_exists(con, "fact_models__counts") else FACT_TABLES[1]
    rows = con.execute(f"SELECT DISTINCT week FROM {source} ORDER BY week").fetchall()
    return [r[0] for r in rows]


def pick_week(con: duckdb.DuckDBPyConnection, week: dt.date | str | None) -> dt.date:
    """``week`` as a date, checked to be present; the latest week when None."""
    present = weeks(con)
    if not present:
        raise HubObsError("the lineage facts hold no weeks (is the models view empty?)")
    if week is None:
        return present[-1]
    w = dt.date.fromisoformat(week) if isinstance(week, str) else week
    if w not in present:
        raise HubObsError(
            f"week {w.isoformat()} is not in the data; weeks present: "
            f"{present[0].isoformat()} to {present[-1].isoformat()} ({len(present)} weeks)"
        )
    return w


# --- metrics -------------------------------------------------------------------------------


def edges(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> pd.DataFrame:
    """Resolved child→parent edges (see :func:`resolve_edges`) of one week, or of every week when None."""
    if week is None:
        for each in weeks(con):
            resolve_edges(con, each)
        return con.execute("SELECT * FROM lineage_edges ORDER BY week, child_uid, parent_pos").df()
    w = pick_week(con, week)
    resolve_edges(con, w)
    return con.execute(
        "SELECT * FROM lineage_edges WHERE week = $week ORDER BY child_uid, parent_pos", {"week": w}
    ).df()


def families(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> pd.DataFrame:
    """Family membership in ``week`` (latest when None): node_uid, root_uid, depth, root_kind."""
    w = _ensure(con, week)
    return con.execute(
        "SELECT node_uid, root_uid, depth, root_kind FROM lineage_families WHERE week = $week "
        "ORDER BY root_uid, depth, node_uid",
        {"week": w},
    ).df()


def derivatives_per_base(
    con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None
) -> pd.DataFrame:
    """Derivatives per base model in ``week``: direct and whole-tree counts, by relation and 'all'.

    Columns: week, base_uid, base_id, base_author, on_hub, relation, direct, tree.
    """
    return query(con, "lineage_derivatives", {"week": _ensure(con, week)})


def family_shape(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> pd.DataFrame:
    """Size, depth and breadth of every family with at least one derivative in ``week``.

    Columns: week, root_uid, root_id, root_author, on_hub, root_kind, size, derivatives, depth,
    breadth, direct.
    """
    return query(con, "lineage_family_shape", {"week": _ensure(con, week)})


def top_families_over_time(con: duckdb.DuckDBPyConnection, n: int = 10) -> pd.DataFrame:
    """Derivatives per week of the ``n`` largest families of the latest week.

    Reads the per-week fact ``fact_models__family_sizes`` (each week's families with parents
    resolved within that week, computed in the weekly reduction), so no week's tree is built here.

    Columns: week, family (root id), derivatives, latest_derivatives.
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    require_tables(con, ("fact_models__family_sizes", "fact_models__lineage_nodes"))
    return query(con, "lineage_top_families", {"n": n})


def base_share(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Per week and declared relation ('none': no base model): models created that week and their share.

    Columns: week, relation, n_created, n_created_all, share_of_created, n_models, n_models_all,
    repeat_of (weeks repeating the previous file get NULL shares).
    """
    require_tables(con, ("fact_models__base_share",))
    if table_exists(con, "weeks"):
        con.execute(sql("lineage_repeats_from_weeks"))
    else:
        con.execute(sql("lineage_repeats_none"))
    return query(con, "lineage_base_share")


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
