"""An open-weights release tracker: one base model's derivatives week by week.

The base model is named by its id (``owner/name``). It is looked up in the chosen snapshot week
(the latest by default): by id, else as an old name of a renamed model, else as a parent that is
not on the Hub. An unknown id raises :class:`~analysis.errors.HubObsError` listing close matches
among the ids that are base models of something in that week.

Derivatives are taken from that week's family tree (:mod:`analysis.lineage`) and dated
by their ``createdAt`` (no earlier than the release); week *k* after release covers
``[release + 7k days, release + 7(k + 1) days)``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.query import SqlFiles, as_date

SQL = SqlFiles(__file__)

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


def resolve_base(lineage: Lineage, base_model: str, week: dt.date | str | None = None) -> Base:
    """The model ``base_model`` names in ``week`` (latest when None), or a clear error with close matches."""
    if not isinstance(base_model, str) or not base_model.strip():
        raise HubObsError(f"base_model must be a model id such as 'owner/name', got {base_model!r}")
    w = lineage.ensure(week)  # builds only that week's family trees
    if w is None:
        raise HubObsError(f"base model {base_model!r}: the data holds no models week to look in")
    rows = SQL.rows(lineage.con, "resolve", {"week": w, "base_id": base_model})
    if rows:
        uid, id_, created, match, _ = rows[0]
        return Base(uid=uid, id=id_, created=created, match=match, week=w)
    candidates = [r[0] for r in SQL.rows(lineage.con, "candidates", {"week": w})]
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


def top_release(
    lineage: Lineage, week: dt.date | str | None = None, since: dt.date | str | None = None
) -> str | None:
    """The model to follow when none is named: of the models on the Hub in ``week`` (latest
    when None) created on or after ``since``, the one with the most direct derivatives (ties by
    id); without such a release, the most built-upon model of any date; None when no model of
    the week declares a base model on the Hub."""
    w = lineage.resolve_edges(week)
    for start in (as_date(since, "since"), None):
        rows = SQL.rows(lineage.con, "releases_since", {"week": w, "since": start})
        if rows:
            return str(rows[0][0])
    return None


def choose(
    lineage: Lineage, base_model: str | None, week: dt.date | str | None = None
) -> str | None:
    """``base_model`` when named; else the release of the opened weeks with the most direct
    derivatives (:func:`top_release` since the first models week), None when there is none."""
    if base_model is not None:
        return base_model
    weeks = lineage.weeks()
    return top_release(lineage, week, weeks[0] if weeks else None)


#: The columns of :func:`derivatives_by_week` (also when there is no release to follow).
SERIES_COLUMNS = ("weeks_since_release", "week_start", "group", "new_derivatives", "cumulative")


def derivatives_by_week(
    lineage: Lineage,
    base_model: str | None,
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
    if base_model is None:  # no release to follow: no rows
        return pd.DataFrame({c: pd.Series(dtype="object") for c in SERIES_COLUMNS})
    base = resolve_base(lineage, base_model, week)
    if base.created is None:
        raise HubObsError(
            f"base model {base_model!r} has no known release date in week "
            f"{base.week.isoformat()} (it is named as a base but is not on the Hub that week, or "
            "it carries the Hub's placeholder creation time of its oldest repositories): there "
            "is no release to count weeks from"
        )
    return SQL.df(
        lineage.con,
        "derivatives",
        {"week": base.week, "uid": base.uid, "scope": scope, "by": by, "top": top},
    )


def derivatives_by_snapshot(
    lineage: Lineage, base_model: str, week: dt.date | str | None = None
) -> pd.DataFrame:
    """Direct derivatives of ``base_model`` present in each snapshot week, by relation.

    Counted under every id the model had (renames). Columns: week, relation, derivatives,
    created_that_week.
    """
    base = resolve_base(lineage, base_model, week)
    names = [r[0] for r in SQL.rows(lineage.con, "names", {"uid": base.uid})]
    ids = sorted({base.id, base_model, *names})
    return SQL.df(lineage.con, "snapshots", {"ids": ids})


#: ``top`` for :func:`derivatives_by_week` that keeps every author.
ALL = 2**31 - 1


@dataclass(frozen=True)
class Release:
    """What the tracker found for one base model (for findings and post text)."""

    base: Base
    direct: int
    tree: int
    by_relation: dict[str, int]
    early: int  # direct derivatives in the first ``early_weeks`` weeks
    early_weeks: int
    busiest_week: int | None  # weeks since release of the week with most new direct derivatives
    busiest_new: int
    authors: int
    top_author: str | None  # the first by name of the most active (see top_authors)
    top_author_count: int
    top_authors: tuple[str, ...] = ()  # every author tied for the most derivatives, by name


def release_summary(
    lineage: Lineage,
    base_model: str | None,
    week: dt.date | str | None = None,
    early_weeks: int = 4,
) -> Release | None:
    """Direct and whole-tree derivative counts of ``base_model`` and how they arrived (None
    when there is no release to follow)."""
    if early_weeks < 1:
        raise ValueError(f"early_weeks must be at least 1, got {early_weeks}")
    if base_model is None:
        return None
    base = resolve_base(lineage, base_model, week)
    direct = derivatives_by_week(lineage, base_model, "relation", "direct", base.week)
    tree = derivatives_by_week(lineage, base_model, "relation", "tree", base.week)
    # every author its own group: the number of groups is the number of authors
    authors = derivatives_by_week(lineage, base_model, "author", "direct", base.week, top=ALL)
    per_week = direct.groupby("weeks_since_release")["new_derivatives"].sum()
    by_rel = direct.groupby("group")["new_derivatives"].sum()
    per_author = authors.groupby("group")["new_derivatives"].sum()
    per_author = per_author[per_author > 0]
    top_author = (
        per_author.reset_index()
        .sort_values(["new_derivatives", "group"], ascending=[False, True])
        .iloc[0]
        if not per_author.empty
        else None
    )
    busiest = per_week[per_week == per_week.max()] if per_week.any() else per_week.iloc[0:0]
    return Release(
        base=base,
        direct=int(by_rel.sum()),
        tree=int(tree["new_derivatives"].sum()),
        by_relation={str(k): int(v) for k, v in by_rel.items() if v > 0},
        early=int(per_week[per_week.index < early_weeks].sum()),
        early_weeks=early_weeks,
        busiest_week=int(busiest.index[0]) if len(busiest) else None,
        busiest_new=int(busiest.iloc[0]) if len(busiest) else 0,
        authors=len(per_author),
        top_author=str(top_author["group"]) if top_author is not None else None,
        top_author_count=int(top_author["new_derivatives"]) if top_author is not None else 0,
        top_authors=tuple(sorted(str(a) for a, n in per_author.items() if n == per_author.max()))
        if not per_author.empty
        else (),
    )
