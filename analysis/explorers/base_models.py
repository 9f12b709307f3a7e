"""The base model explorer's data: the base models with the most direct derivatives in a week,
and for each its new derivatives per week by relation and the authors who made the most of them
(:mod:`analysis.tracker`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import platforms, tracker
from analysis.errors import HubObsError
from analysis.explorers.common import check_n, iso
from analysis.lineage import Lineage
from analysis.tracker.metrics import Scope


def top_bases(lineage: Lineage, n: int = 15, week: dt.date | str | None = None) -> pd.DataFrame:
    """The ``n`` base models on the Hub with the most direct derivatives in ``week`` (latest when
    None), among those with a known release date (the weeks since release are counted from it;
    a base dated with the Hub's placeholder creation time has none).

    Columns: rank, base, direct, tree (ties broken by id).
    """
    check_n(n)
    per = platforms.derivatives_per_base(lineage, week)
    per = per[(per["relation"] == "all") & per["on_hub"].astype(bool) & (per["direct"] > 0)]
    per = per.sort_values(["direct", "base_id"], ascending=[False, True])
    dated: list[int] = []
    for i, base in zip(per.index, per["base_id"].astype(str), strict=True):
        if len(dated) == n:
            break
        if tracker.resolve_base(lineage, base, week).created is not None:
            dated.append(i)
    per = per.loc[dated]
    out = pd.DataFrame(
        {
            "rank": range(1, len(per) + 1),
            "base": per["base_id"].astype(str).tolist(),
            "direct": per["direct"].astype("int64").tolist(),
            "tree": per["tree"].astype("int64").tolist(),
        }
    )
    return out


def base_models(
    lineage: Lineage,
    n: int = 15,
    top_authors: int = 8,
    scope: Scope = "direct",
    week: dt.date | str | None = None,
) -> pd.DataFrame:
    """The base model explorer's table: for each of the :func:`top_bases`, two parts.

    ``part = 'week'``: one row per week since release and relation with new derivatives
    (weeks without any are left out): base, week (its first day), relation, derivatives.
    ``part = 'author'``: the ``top_authors`` authors who made the most derivatives overall and
    'other': base, author, derivatives, rank. Columns: base, part, week, relation, author,
    derivatives, rank (empty where they do not apply).
    """
    check_n(top_authors, "top_authors")
    bases = top_bases(lineage, n, week)
    frames: list[pd.DataFrame] = []
    for base in bases["base"]:
        rel = tracker.derivatives_by_week(lineage, base, by="relation", scope=scope, week=week)
        rel = rel[rel["new_derivatives"] > 0]
        frames.append(
            pd.DataFrame(
                {
                    "base": base,
                    "part": "week",
                    "week": iso(rel["week_start"]).tolist(),
                    "relation": rel["group"].astype(str).tolist(),
                    "author": None,
                    "derivatives": rel["new_derivatives"].astype("int64").tolist(),
                    "rank": None,
                }
            )
        )
        by_author = tracker.derivatives_by_week(
            lineage, base, by="author", scope=scope, week=week, top=top_authors
        )
        totals = by_author.groupby("group", as_index=False)["new_derivatives"].sum()
        totals = totals[totals["new_derivatives"] > 0]
        totals["is_other"] = totals["group"] == "other"
        totals = totals.sort_values(
            ["is_other", "new_derivatives", "group"], ascending=[True, False, True]
        )
        frames.append(
            pd.DataFrame(
                {
                    "base": base,
                    "part": "author",
                    "week": None,
                    "relation": None,
                    "author": totals["group"].astype(str).tolist(),
                    "derivatives": totals["new_derivatives"].astype("int64").tolist(),
                    "rank": list(range(1, len(totals) + 1)),
                }
            )
        )
    if not frames:
        raise HubObsError("no base model with derivatives in the chosen week")
    out = pd.concat(frames, ignore_index=True)
    out["rank"] = out["rank"].astype("Int64")
    return out
