"""An open-weights release tracker (analysis 8): one base model's derivatives week by week.

The base model is named by its id (``owner/name``). It is looked up in the chosen snapshot week
(the latest by default): by id, else as an old name of a renamed model, else as a parent that is
not on the Hub. An unknown id raises :class:`~analysis.errors.HubObsError` listing close matches
among the ids that are base models of something in that week.

Derivatives are taken from that week's family tree (:mod:`analysis.metrics.lineage`) and dated
by their ``createdAt`` (no earlier than the release); week *k* after release covers
``[release + 7k days, release + 7(k + 1) days)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Literal

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.metrics import lineage
from analysis.metrics.lineage import query, sql

Scope = Literal["direct", "tree"]
By = Literal["relation", "author"]

#: How many close matches an unknown id error lists.
MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Base:
    uid: str
    id: str
    created: dt.datetime | None
    match: str  # 'id', 'renamed' or 'unresolved'
    week: dt.date


def resolve_base(
    con: duckdb.DuckDBPyConnection, base_model: str, week: dt.date | str | None = None
) -> Base:
    """The model ``base_model`` names in ``week`` (latest when None), or a clear error with close matches."""
    if not isinstance(base_model, str) or not base_model.strip():
        raise HubObsError(f"base_model must be a model id such as 'owner/name', got {base_model!r}")
    w = lineage._ensure(con, week)  # builds only that week's family trees
    rows = con.execute(sql("tracker_resolve"), {"week": w, "base_id": base_model}).fetchall()
    if rows:
        uid, id_, created, match, _ = rows[0]
        return Base(uid=uid, id=id_, created=created, match=match, week=w)
    candidates = [r[0] for r in con.execute(sql("tracker_candidates"), {"week": w}).fetchall()]
    lower = {c.lower(): c for c in candidates}
    close = [lower[base_model.lower()]] if base_model.lower() in lower else []
    close += [
        c
        for c in difflib.get_close_matches(base_model, candidates, n=MAX_SUGGESTIONS, cutoff=0.5)
        if c not in close
    ]
    hint = (
        f"; close matches: {', '.join(repr(c) for c in close[:MAX_SUGGESTIONS])}" if close else ""
    )
    raise HubObsError(
        f"base model {base_model!r} is not in snapshot week {w.isoformat()} "
        f"(neither a model id, an earlier name of one, nor a declared base model){hint}"
    )


def derivatives_by_week(
    con: duckdb.DuckDBPyConnection,
    base_model: str,
    by: By = "relation",
    scope: Scope = "direct",
    week: dt.date | str | None = None,
    top: int = 8,
) -> pd.DataFrame:
    """New and cumulative derivatives of ``base_model`` per week after its release.

    ``by``: 'relation' or 'author' (the ``top`` authors, the rest as 'other'); ``scope``:
    'direct' or 'tree'. Columns: weeks_since_release, week_start, group, new_derivatives,
    cumulative.
    """
    if by not in ("relation", "author"):
        raise ValueError(f"by must be 'relation' or 'author', got {by!r}")
    if scope not in ("direct", "tree"):
        raise ValueError(f"scope must be 'direct' or 'tree', got {scope!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top}")
    base = resolve_base(con, base_model, week)
    if base.created is None:
        raise HubObsError(
            f"base model {base_model!r} is named as a base but is not on the Hub in week "
            f"{base.week.isoformat()}: it has no release date to count weeks from"
        )
    return query(
        con,
        "tracker_derivatives",
        {"week": base.week, "uid": base.uid, "scope": scope, "by": by, "top": top},
    )


def derivatives_by_snapshot(
    con: duckdb.DuckDBPyConnection, base_model: str, week: dt.date | str | None = None
) -> pd.DataFrame:
    """Direct derivatives of ``base_model`` present in each snapshot week, by relation.

    Counted under every id the model had (renames). Columns: week, relation, derivatives,
    created_that_week.
    """
    base = resolve_base(con, base_model, week)
    names = [r[0] for r in con.execute(sql("tracker_names"), {"uid": base.uid}).fetchall()]
    ids = sorted({base.id, base_model, *names})
    return query(con, "tracker_snapshots", {"ids": ids})
