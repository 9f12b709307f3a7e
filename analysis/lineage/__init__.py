"""Model family trees, week by week: the lineage graph the platforms, lifecycle, tracker and
licences analyses read.

Inputs are the fact tables ``fact_models__edges`` (one row per week, child and declared parent),
``fact_models__lineage_nodes`` (every model of a week), ``fact_models__week_links`` (links with
parents resolved within the week) and ``fact_models__parent_names``; see ``analysis/facts/sql``.
A model's family is the one its links describe in that week, and a graph of one week reads only
that week's rows of the per-model facts.

Definitions (the analyses' definitions files state them for readers):

* **Parent resolution** (:meth:`Lineage.resolve_edges`): a declared parent is the model of the
  same week whose ``_id`` is the one given in ``baseModels``; else the model with the declared id;
  else, when the declared id is an old name (it belonged in an earlier week to an ``_id`` that a
  model of this week has), that model (``resolution = 'renamed'``); else it stays an *unresolved*
  node named by its id (deleted, private or mistyped parents are kept, not dropped). Old names are
  looked up in the compact fact ``fact_models__parent_names`` (per week, the (id, ``_id``) of
  models that a model of that week names as a base model by id), and only for the ids left after
  the first two steps.
* A model naming itself as its base (``is_self``) has that link ignored when walking trees.
* **Family root**: walking up base-model links, an ancestor (or the model itself) with no base
  model. A merge whose parents come from two families belongs to both. When every upward path
  ends in a cycle (A's base is B and B's base is A) the walk stops, and the family is named after
  the smallest key among the cycle's members (``root_kind = 'cycle'``).

State: a :class:`Lineage` owns the temporary tables ``lineage_*`` on its connection (the weeks
built so far, so that several metrics of one week build it once) and drops them on
:meth:`Lineage.close`. One connection has at most one ``Lineage``; :class:`analysis.data.Data`
makes it (``data.lineage``).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analysis import weeks as weeklist
from analysis.errors import HubObsError
from analysis.query import SqlFiles, require_tables, table_exists

SQL = SqlFiles(__file__)

#: Fact tables the graph reads.
FACT_TABLES: tuple[str, ...] = (
    "fact_models__edges",
    "fact_models__lineage_nodes",
    "fact_models__week_links",
    "fact_models__parent_names",
)

#: Upper bound on the number of base-model links walked up from a model (a safety net: the
#: walk also stops on its own at cycles).
MAX_DEPTH = 64


class Lineage:
    """The family trees of the weeks on ``con``, built on demand, one week at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        if table_exists(con, "lineage_built"):
            raise HubObsError(
                "this connection already has a lineage graph (one per connection): use the one "
                "that made it (analysis.data.Data.lineage)"
            )
        self.con = con
        SQL.execute(con, "state")

    def close(self) -> None:
        """Drop the graph's tables from the connection."""
        SQL.execute(self.con, "drop")

    def __enter__(self) -> Lineage:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- weeks ----------------------------------------------------------------------------

    def weeks(self) -> list[dt.date]:
        """The models weeks on the connection, oldest first."""
        return weeklist.weeks(self.con, "models")

    def pick_week(self, week: dt.date | str | None = None) -> dt.date | None:
        """``week`` checked to be a models week; the latest when None (None without models
        weeks: the graph is then empty and every metric of it returns no rows)."""
        return weeklist.week_or_latest(self.con, "models", week)

    # --- building -------------------------------------------------------------------------

    def _built(self, week: dt.date | None, part: str) -> int | None:
        rows = SQL.rows(self.con, "built", {"week": week, "part": part})
        return None if not rows or rows[0][0] is None else int(rows[0][0])

    def _mark(self, week: dt.date | None, part: str, max_depth: int) -> None:
        SQL.execute(self.con, "unmark", {"week": week, "part": part})
        SQL.execute(self.con, "mark", {"week": week, "part": part, "max_depth": max_depth})

    def resolve_edges(self, week: dt.date | str | None = None) -> dt.date | None:
        """Make sure ``lineage_edges`` holds the resolved edges of ``week`` (latest when None).

        Columns: week, child_uid, child_id, child_author, child_created, child_licence, relation,
        n_parents, parent_pos, parent_ref_id (as declared), parent_uid, parent_id (its id in that
        week), parent_author, parent_created, parent_licence, resolution ('_id', 'id', 'renamed',
        'unresolved'), is_self, source ('baseModels' or 'tags'). Also fills ``lineage_labels``
        (what to call each node of the week). Returns the week.
        """
        require_tables(self.con, FACT_TABLES, "the lineage graph")
        w = self.pick_week(week)
        if self._built(w, "edges") is not None:
            return w
        SQL.execute(self.con, "resolve_edges", {"week": w})
        SQL.execute(self.con, "labels", {"week": w})
        if table_exists(self.con, "lineage_edges"):
            SQL.execute(self.con, "unstore_edges", {"week": w})
            SQL.execute(self.con, "unstore_labels", {"week": w})
        SQL.execute(self.con, "store_edges")
        self._mark(w, "edges", 0)
        return w

    def build_families(
        self, week: dt.date | str | None = None, max_depth: int = MAX_DEPTH, *, force: bool = False
    ) -> dt.date | None:
        """Build the edges, ancestry and families of ``week`` (latest when None); return the week.

        A week already built with the same ``max_depth`` is kept unless ``force``.
        """
        if max_depth < 1:
            raise ValueError(f"max_depth must be at least 1, got {max_depth}")
        w = self.pick_week(week)
        if not force and self._built(w, "families") == max_depth:
            return w
        self.resolve_edges(w)
        self._walk_up(w, max_depth)
        SQL.execute(self.con, "families", {"week": w})
        if table_exists(self.con, "lineage_families"):
            SQL.execute(self.con, "unstore_ancestry", {"week": w})
            SQL.execute(self.con, "unstore_families", {"week": w})
        SQL.execute(self.con, "store_families")
        self._mark(w, "families", max_depth)
        return w

    def _walk_up(self, week: dt.date | None, max_depth: int) -> None:
        """``lineage_ancestry_week``: the week's (node, ancestor, shortest depth) pairs, level by
        level: each level joins only the pairs the previous level added (breadth first), so a
        pair is first met at its shortest depth; a level that adds nothing ends the walk."""
        SQL.execute(self.con, "ancestry_start", {"week": week})
        SQL.execute(self.con, "ancestry_level1")
        depth = 1
        while depth < max_depth:
            depth += 1
            SQL.execute(self.con, "ancestry_step", {"depth": depth})
            if not SQL.rows(self.con, "frontier_size")[0][0]:
                break

    def ensure(self, week: dt.date | str | None = None) -> dt.date | None:
        """The families of ``week`` (latest when None) built; returns the week."""
        w = self.pick_week(week)
        if self._built(w, "families") is None:
            self.build_families(w)
        return w

    # --- reading --------------------------------------------------------------------------

    def edges(self, week: dt.date | str | None = None) -> pd.DataFrame:
        """The resolved child→parent edges of one week (latest when None)."""
        w = self.resolve_edges(week)
        return SQL.df(self.con, "edges_of_week", {"week": w})

    def edges_every_week(self) -> pd.DataFrame:
        """The resolved edges of every week on the connection."""
        for w in self.weeks():
            self.resolve_edges(w)
        return SQL.df(self.con, "edges_every_week")

    def families(self, week: dt.date | str | None = None) -> pd.DataFrame:
        """Family membership in ``week`` (latest when None): node_uid, root_uid, depth, root_kind."""
        w = self.ensure(week)
        return SQL.df(self.con, "families_of_week", {"week": w})

    def cycle_members(self, week: dt.date | str | None = None) -> list[str]:
        """The keys of the models of ``week`` (latest when None) on a cycle of base-model links,
        as the family walk finds them (self-links are not cycles; the count beside the quality
        facts: ``fact_models__cycles``, parents resolved within the week)."""
        w = self.ensure(week)
        return [str(r[0]) for r in SQL.rows(self.con, "cycle_members", {"week": w})]


__all__ = ["FACT_TABLES", "MAX_DEPTH", "Lineage"]
