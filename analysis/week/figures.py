"""Charts of the weekly report: each takes frames of :class:`~analysis.week.parts.Parts` and
returns ``(chart, data)`` for :func:`analysis.publish.figure` (titles, descriptions and column
docs in ``definitions.yml``). Hub text (ids, owners) is cleaned and bounded by ``publish``."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from analysis.facts.quality import LABELS
from analysis.publish.shapes import KIND_ORDER, ORG_KIND_ORDER, RELATION_ORDER, iso_dates

PERIODS = {1: "1 week", 4: "4 weeks", 52: "52 weeks"}
WIDTH = 560
#: This week versus the others, in the history charts.
THIS_WEEK = ["this report's week", "earlier week"]


def _status(row: pd.Series) -> str:
    if bool(row["is_repeat"]):
        return "this week repeats the week before: not a measurement"
    if not bool(row["base_present"]):
        return "the earlier week is not in the data"
    if bool(row["base_is_repeat"]):
        return "the earlier week's file repeats the one before it"
    return "measured"


def changes(ch: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Bars per kind and period: the relative change in repositories (no bar where not measured)."""
    data = iso_dates(ch, "week", "base_week")
    data["period"] = data["lag"].map(lambda n: PERIODS.get(int(n), f"{int(n)} weeks"))
    data["status"] = data.apply(_status, axis=1) if len(data) else pd.Series(dtype=str)
    columns = ["kind", "week", "period", "base_week", "repos", "base_repos", "change"]
    data = data[[*columns, "change_share", "status"]]
    order = list(dict.fromkeys(data["period"]))
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("kind:N", sort=KIND_ORDER, title=None),
            yOffset=alt.YOffset("period:N", sort=order),
            x=alt.X("change_share:Q", title="Change in repositories", axis=alt.Axis(format="%")),
            color=alt.Color("period:N", sort=order, title="Compared with"),
            tooltip=[
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("period:N", title="Compared with"),
                alt.Tooltip("base_week:N", title="Earlier week"),
                alt.Tooltip("base_repos:Q", title="Repositories then", format=","),
                alt.Tooltip("repos:Q", title="Repositories now", format=","),
                alt.Tooltip("change:Q", title="Change", format="+,"),
                alt.Tooltip("change_share:Q", title="Relative change", format="+.1%"),
                alt.Tooltip("status:N", title="Status"),
            ],
        )
        .transform_filter("isValid(datum.change_share)")
        .properties(width=WIDTH, height=alt.Step(16))
    )
    return chart, data


def _ranking(top: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    data = iso_dates(top, "created") if len(top) else top.copy()
    data = data[["by", "rank", "id", "author", "created", "downloads", "likes"]].copy()
    data["value"] = data.apply(lambda r: r[str(r["by"])], axis=1) if len(data) else []
    data["label"] = data["rank"].astype(str) + ". " + data["id"].astype(str)
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.EncodingSortField("rank", op="min", order="ascending"),
                title=None,
            ),
            x=alt.X("value:Q", title="Count (30-day downloads or likes)"),
            color=alt.Color("by:N", title="Ranked by", sort=["downloads", "likes"]),
            tooltip=[
                alt.Tooltip("by:N", title="Ranked by"),
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("id:N", title="Repository"),
                alt.Tooltip("author:N", title="Owner"),
                alt.Tooltip("created:N", title="Created"),
                alt.Tooltip("downloads:Q", title="30-day downloads", format=","),
                alt.Tooltip("likes:Q", title="Likes", format=","),
            ],
        )
        .properties(width=WIDTH - 200, height=alt.Step(14))
    )
    chart = bars.facet(
        row=alt.Row("by:N", title=None, sort=["downloads", "likes"]), data=data
    ).resolve_scale(y="independent", x="independent")
    return chart, data


def new_models(top: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """The week's new models with the most downloads, and with the most likes."""
    return _ranking(top)


def new_datasets(top: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """The week's new datasets with the most downloads, and with the most likes."""
    return _ranking(top)


def gained(g: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars: new direct derivatives of the week per parent, by relation."""
    data = g[["rank", "parent_id", "gained_total", "relation", "gained"]].copy()
    data["label"] = data["rank"].astype(str) + ". " + data["parent_id"].astype(str)
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                "label:N",
                sort=alt.EncodingSortField("rank", op="min", order="ascending"),
                title=None,
            ),
            x=alt.X(
                "gained:Q",
                title="New direct derivatives during the week",
                axis=alt.Axis(tickMinStep=1),
                stack="zero",
            ),
            color=alt.Color("relation:N", sort=RELATION_ORDER, title="Relation"),
            tooltip=[
                alt.Tooltip("parent_id:N", title="Parent"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("gained:Q", title="New derivatives", format=","),
                alt.Tooltip("gained_total:Q", title="All relations", format=","),
            ],
        )
        .properties(width=WIDTH - 200, height=alt.Step(16))
    )
    return chart, data


def _history_weeks(weeks: tuple[dt.date, ...], week: dt.date) -> pd.DataFrame:
    out = pd.DataFrame({"week": [w.isoformat() for w in weeks]})
    out["shown"] = [THIS_WEEK[0] if w == week else THIS_WEEK[1] for w in weeks]
    return out


def newcomers(
    new: pd.DataFrame, weeks: tuple[dt.date, ...], repeats: set[dt.date], week: dt.date
) -> tuple[alt.Chart, pd.DataFrame]:
    """Bars: owners new to the Hub each week of the history (none drawn for repeated weeks)."""
    data = _history_weeks(weeks, week)
    counts = iso_dates(new, "week").groupby("week").size() if len(new) else pd.Series(dtype=int)
    data["new_owners"] = [
        None if dt.date.fromisoformat(w) in repeats else int(counts.get(w, 0)) for w in data["week"]
    ]
    data["is_repeat"] = [dt.date.fromisoformat(w) in repeats for w in data["week"]]
    data = data[["week", "new_owners", "is_repeat", "shown"]]
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("new_owners:Q", title="Owners new to the Hub", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("shown:N", sort=THIS_WEEK, title=None),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("new_owners:Q", title="New owners", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
        .transform_filter("isValid(datum.new_owners)")
        .properties(width=WIDTH, height=200)
    )
    return chart, data


def active(a: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Bars per repository kind: the owners that created the most repositories in the week."""
    data = a[["repo_kind", "author", "created", "modified", "org_kind"]].copy()
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("author:N", sort="-x", title=None),
            x=alt.X(
                "created:Q",
                title="Repositories created during the week",
                axis=alt.Axis(tickMinStep=1),
            ),
            color=alt.Color("org_kind:N", sort=ORG_KIND_ORDER, title="Organization kind"),
            tooltip=[
                alt.Tooltip("repo_kind:N", title="Kind"),
                alt.Tooltip("author:N", title="Owner"),
                alt.Tooltip("created:Q", title="Created", format=","),
                alt.Tooltip("modified:Q", title="Modified", format=","),
                alt.Tooltip("org_kind:N", title="Organization kind"),
            ],
        )
        .properties(width=WIDTH - 200, height=alt.Step(14))
    )
    chart = bars.facet(
        row=alt.Row("repo_kind:N", sort=KIND_ORDER, title=None), data=data
    ).resolve_scale(y="independent")
    return chart, data


STATISTICS = {
    "zero_share": "share of models with no download",
    "top1_share": "share of downloads held by the top 1%",
    "gini": "Gini coefficient",
}


def attention(
    conc: pd.DataFrame, week: dt.date
) -> tuple[alt.LayerChart | alt.FacetChart, pd.DataFrame]:
    """Lines: the week's concentration statistics beside the weeks before it."""
    d = iso_dates(conc, "week")
    data = d.melt(
        id_vars=["week", "n", "is_repeat"],
        value_vars=list(STATISTICS),
        var_name="statistic",
        value_name="value",
    )
    data["statistic"] = data["statistic"].map(STATISTICS)
    data["shown"] = [THIS_WEEK[0] if w == week.isoformat() else THIS_WEEK[1] for w in data["week"]]
    tips = [
        alt.Tooltip("week:T", title="Week"),
        alt.Tooltip("statistic:N", title="Statistic"),
        alt.Tooltip("value:Q", title="Value", format=".3f"),
        alt.Tooltip("n:Q", title="Models with a count", format=","),
        alt.Tooltip("is_repeat:N", title="Repeated week"),
    ]
    base = alt.Chart().encode(
        x=alt.X("week:T", title="Snapshot week"),
        y=alt.Y("value:Q", title="Share (Gini: coefficient)", scale=alt.Scale(domain=[0, 1])),
        color=alt.Color("statistic:N", title="Statistic", sort=list(STATISTICS.values())),
    )
    line = base.mark_line().encode(tooltip=tips)
    points = base.mark_point(filled=True).encode(
        size=alt.Size("shown:N", sort=THIS_WEEK, scale=alt.Scale(range=[160, 30]), title=None),
        tooltip=tips,
    )
    chart = alt.layer(line, points).properties(width=WIDTH, height=220)
    return chart, data


def licences(mix: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars: the licence mix of models each week of the history."""
    data = iso_dates(mix, "week")[
        ["week", "licence", "repos", "created_week", "share", "is_repeat"]
    ]
    order = list(dict.fromkeys(data["licence"]))
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("share:Q", title="Share of models", axis=alt.Axis(format="%"), stack="zero"),
            color=alt.Color("licence:N", sort=order, title="Licence"),
            order=alt.Order("repos:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("licence:N", title="Licence"),
                alt.Tooltip("repos:Q", title="Models", format=","),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("created_week:Q", title="Created that week", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
        .properties(width=WIDTH, height=220)
    )
    return chart, data


def quality(q: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Bars per row check and kind: rows of the week's files the check found (where it applies)."""
    data = iso_dates(q, "week")
    data = data[data["found"].notna()].copy()
    data["label"] = data["check"].map(lambda c: str(LABELS.get(c, c)).replace("`", ""))
    data = data[["kind", "week", "check", "label", "rows", "found", "share"]]
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=200)),
            yOffset=alt.YOffset("kind:N", sort=KIND_ORDER),
            x=alt.X("found:Q", title="Rows found in the week's file", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("kind:N", sort=KIND_ORDER, title="Kind"),
            tooltip=[
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("label:N", title="Check"),
                alt.Tooltip("found:Q", title="Rows found", format=","),
                alt.Tooltip("rows:Q", title="Rows in the file", format=","),
                alt.Tooltip("share:Q", title="Share of the file", format=".2%"),
            ],
        )
        .properties(width=WIDTH - 220, height=alt.Step(8))
    )
    return chart, data


__all__ = [
    "active",
    "attention",
    "changes",
    "gained",
    "licences",
    "new_datasets",
    "new_models",
    "newcomers",
    "quality",
]
