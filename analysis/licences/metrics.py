"""Licences: the licence mix over time, and licence drift from parent to derivative
(after Laufer, Oderinwale and Kleinberg, arXiv 2508.06811).

Inputs: ``fact_models__licences`` and ``fact_datasets__licences`` (repos per week and licence),
``fact_models__licence_drift`` (per week and relation: links, parents found, licences compared
and differing; computed in the weekly reduction), the resolved lineage edges of one week from
:meth:`analysis.lineage.Lineage.resolve_edges` (for :func:`drift_pairs`) and the ``weeks`` table.

Definitions (stated for readers in ``definitions.yml`` beside this module):

* **Licence**: the first ``license:`` tag of a repo, lower-cased (the Hub writes that tag from the
  card's ``license`` field); none declared when the repo has no such tag.
* **Drift**: over lineage edges whose parent is a model of the same week and where both sides
  declare a licence, the share whose licences differ. A merge counts once per parent; a model
  naming itself is left out. Children declaring no licence under a parent that declares one are
  counted apart (``child_dropped``).
* **Parent found** (:func:`drift`, over weeks): resolved within the week, by the ``_id`` given in
  ``baseModels``, else by id. Definition changed for scale: renames across weeks are not
  followed there, so a child naming its parent only by an old id counts as *parent not found*
  (before, it was found through the earlier id). :func:`drift_pairs` (one week) still follows
  renames, as the lineage analysis does; the two can differ by those (rare) links.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.query import SqlFiles, date_range, require_tables

SQL = SqlFiles(__file__)

KINDS: tuple[str, ...] = ("models", "datasets")


def mix_over_time(
    con: duckdb.DuckDBPyConnection,
    kind: str = "models",
    n: int = 8,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week: the ``n`` commonest licences, '(other licences)' and '(none declared)'; repos, created_week, share, is_repeat."""
    if kind not in KINDS:
        raise HubObsError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")
    require_tables(
        con, ("fact_models__licences", "fact_datasets__licences", "weeks"), "licences.mix_over_time"
    )
    return SQL.df(con, "mix", {"kind": kind, "n": n, **date_range(start, end)})


def drift(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week and relation (plus 'all'): edges, parent_found, both_declared, differ, child_dropped, drift_share, is_repeat."""
    require_tables(con, ("weeks", "fact_models__licence_drift"), "licences.drift")
    return SQL.df(con, "drift", date_range(start, end))


def drift_pairs(
    lineage: Lineage,
    week: dt.date | str | None = None,
    n: int = 15,
) -> pd.DataFrame:
    """The ``n`` commonest licence changes (parent_licence, child_licence, edges) in ``week``
    (latest when None), over that week's resolved edges."""
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")
    w = lineage.resolve_edges(week)  # that week's edges only
    return SQL.df(lineage.con, "drift_pairs", {"week": w, "n": n})
