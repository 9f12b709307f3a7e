"""The parts of a weekly report: for one week, the frames its charts and paragraphs show, each
from the metric function an analysis uses (nothing is counted a second way here):

* repositories and their change from 1, 4 and 52 weeks before: :func:`analysis.growth.changes`;
* the week's new models and datasets by downloads and likes: :func:`analysis.growth.top_created`;
* base models released in the week: :func:`analysis.lifecycle.releases`; parents that gained
  the most derivatives: :func:`analysis.platforms.derivatives_gained`;
* owners new to the Hub: :func:`analysis.organizations.newcomers`; the most active owners per
  kind: :func:`analysis.organizations.heatmap` over the week alone;
* attention: :func:`analysis.concentration.weekly`; licences:
  :func:`analysis.licences.mix_over_time`;
* the row checks: the facts ``<kind>__quality`` of the week (``sql/quality.sql``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analysis import concentration, growth, licences, lifecycle, organizations, platforms
from analysis.data import Data
from analysis.growth.metrics import KINDS, RANKED_BY
from analysis.provenance import Provenance
from analysis.query import SqlFiles
from analysis.weeks import weeks as kind_weeks

SQL = SqlFiles(__file__)

#: How many repositories, parents and owners each ranking shows.
TOP_N = 10
#: How many owners per kind the "most active" chart shows.
ACTIVE_N = 5
#: How many licences the licence mix names (the rest: other licences).
LICENCES_N = 6
#: The columns of each frame, for a week without the kind it is about (an empty frame).
COLUMNS = {
    "ranked": ["by", "rank", "id", "author", "created", "downloads", "likes"],
    "releases": ["release_id", "author", "release_created", "derivatives"],
    "gained": ["rank", "parent_id", "gained_total", "relation", "gained"],
    "licences": ["week", "licence", "repos", "created_week", "share", "is_repeat"],
}


def _empty(name: str) -> pd.DataFrame:
    return pd.DataFrame(columns=COLUMNS[name])


@dataclass(frozen=True)
class Parts:
    """The frames of one week's report (empty frames where the data holds no such kind)."""

    week: dt.date
    history_start: dt.date
    kinds: tuple[str, ...]  # the kinds with a file in the week
    changes: pd.DataFrame
    new_models: pd.DataFrame
    new_datasets: pd.DataFrame
    releases: pd.DataFrame
    gained: pd.DataFrame
    newcomers: pd.DataFrame
    active: pd.DataFrame
    attention: pd.DataFrame
    licences: pd.DataFrame
    quality: pd.DataFrame
    history_weeks: tuple[dt.date, ...]  # the weeks of the history charts, any kind


def _ranked(data: Data, kind: str, week: dt.date) -> pd.DataFrame:
    """Both rankings of the week's new ``kind`` (downloads, likes), with the measure named."""
    frames = []
    for by in RANKED_BY:
        top = growth.top_created(data.con, kind, week, by=by, n=TOP_N)
        top.insert(0, "by", by)
        frames.append(top)
    return pd.concat(frames, ignore_index=True)


def _releases(data: Data, week: dt.date) -> pd.DataFrame:
    """Family roots on the Hub created during ``week`` (releases with at least one derivative)."""
    rel = lifecycle.releases(data.lineage, week)
    created = pd.to_datetime(rel["release_created"])
    start = pd.Timestamp(week)
    inside = (created >= start) & (created < start + pd.Timedelta(days=7))
    out = rel[inside].sort_values(["derivatives", "release_id"], ascending=[False, True])
    return out[["release_id", "author", "release_created", "derivatives"]].reset_index(drop=True)


def _active(data: Data, week: dt.date, kinds: tuple[str, ...]) -> pd.DataFrame:
    frames = []
    for kind in kinds:
        h = organizations.heatmap(data.con, kind, n=ACTIVE_N, start=week, end=week)
        h = h[h["created"].fillna(0) > 0]
        h.insert(0, "repo_kind", kind)
        frames.append(h[["repo_kind", "author", "created", "modified", "org_kind"]])
    if not frames:
        return pd.DataFrame(columns=["repo_kind", "author", "created", "modified", "org_kind"])
    return pd.concat(frames, ignore_index=True)


def quality(data: Data, week: dt.date) -> pd.DataFrame:
    """The row checks of ``week``: kind, week, check, rows, found, share (one row per kind with a
    file in the week and check; found NULL where the check does not apply)."""
    return SQL.df(data.con, "quality", {"week": week})


def parts(data: Data, week: dt.date, history_start: dt.date) -> Parts:
    """Every frame of the report of ``week``; history charts cover [history_start, week]."""
    con = data.con
    kinds = tuple(k for k in KINDS if week in kind_weeks(con, k))
    has_models = "models" in kinds
    history = sorted({w for k in KINDS for w in kind_weeks(con, k)})
    return Parts(
        week=week,
        history_start=history_start,
        kinds=kinds,
        changes=growth.changes(con, week),
        new_models=_ranked(data, "models", week) if has_models else _empty("ranked"),
        new_datasets=_ranked(data, "datasets", week) if "datasets" in kinds else _empty("ranked"),
        releases=_releases(data, week) if has_models else _empty("releases"),
        gained=platforms.derivatives_gained(con, week, n=TOP_N) if has_models else _empty("gained"),
        newcomers=organizations.newcomers(con, start=history_start, end=week),
        active=_active(data, week, kinds),
        attention=concentration.weekly(con, "downloads", history_start, week),
        licences=licences.mix_over_time(con, "models", LICENCES_N, history_start, week)
        if has_models
        else _empty("licences"),
        quality=quality(data, week),
        history_weeks=tuple(w for w in history if history_start <= w <= week),
    )


def history_provenance(data: Data, p: Parts) -> Provenance:
    """The provenance of the history charts: the files of their weeks."""
    return data.provenance_of(weeks=list(p.history_weeks))


def changes_provenance(data: Data, p: Parts) -> Provenance:
    """The provenance of the changes: the files of the week and of the weeks it is compared to."""
    c = p.changes[p.changes["base_present"].astype(bool)]
    used = {p.week, *(pd.to_datetime(c["base_week"]).dt.date)}
    return data.provenance_of(weeks=sorted(used))


__all__ = ["ACTIVE_N", "LICENCES_N", "TOP_N", "Parts", "changes_provenance", "parts", "quality"]
