"""Licences (analysis 7): the licence mix over time, and licence drift from parent to derivative
(after Laufer, Oderinwale and Kleinberg, arXiv 2508.06811).

Inputs: ``fact_models__licences`` and ``fact_datasets__licences`` (repos per week and licence),
``fact_models__licence_drift`` (per week and relation: links, parents found, licences compared
and differing; computed in the weekly reduction), the resolved lineage edges of one week from
:func:`analysis.metrics.lineage.resolve_edges` (for :func:`drift_pairs`) and the ``weeks`` table.

Definitions (stated in the notebook's methods cell):

* **Licence**: the first ``license:`` tag of a repo, lower-cased (the Hub writes that tag from the
  card's ``license`` field); none declared when the repo has no such tag.
* **Drift**: over lineage edges whose parent is a model of the same week and where both sides
  declare a licence, the share whose licences differ. A merge counts once per parent; a model
  naming itself is left out. Children declaring no licence under a parent that declares one are
  counted apart (``child_dropped``).
* **Parent found** (:func:`drift`, over weeks): resolved within the week, by the ``_id`` given in
  ``baseModels``, else by id. Definition changed for scale (issue 5): renames across weeks are not
  followed there, so a child naming its parent only by an old id counts as *parent not found*
  (before, it was found through the earlier id). :func:`drift_pairs` (one week) still follows
  renames, as the lineage analysis does; the two can differ by those (rare) links.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.metrics import lineage
from analysis.metrics.query import as_date, require_tables, run

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
    return run(
        con,
        "licences_mix",
        {"kind": kind, "n": n, "start": as_date(start, "start"), "end": as_date(end, "end")},
    )


def drift(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> pd.DataFrame:
    """Per week and relation (plus 'all'): edges, parent_found, both_declared, differ, child_dropped, drift_share, is_repeat."""
    require_tables(con, ("weeks", "fact_models__licence_drift"), "licences.drift")
    return run(
        con, "licences_drift", {"start": as_date(start, "start"), "end": as_date(end, "end")}
    )


def drift_pairs(
    con: duckdb.DuckDBPyConnection,
    week: dt.date | str | None = None,
    n: int = 15,
) -> pd.DataFrame:
    """The ``n`` commonest licence changes (parent_licence, child_licence, edges) in ``week`` (latest when None)."""
    if n < 1:
        raise HubObsError(f"n must be at least 1, got {n}")
    w = lineage.pick_week(con, as_date(week, "week"))
    lineage.resolve_edges(con, w)  # that week's edges only
    return run(con, "licences_drift_pairs", {"week": w, "n": n})
