"""Charts of the licences analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import RELATION_ORDER, iso_dates


def _mix_area(mix: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked areas: share of repos per licence each week."""
    data = iso_dates(mix, "week")[["week", "licence", "repos", "share", "is_repeat"]]
    latest = data[data["week"] == data["week"].max()].sort_values(
        ["repos", "licence"], ascending=[False, True]
    )
    # one stacking order for every week (the latest week's ranking), so bands never swap places
    rank = {lic: i for i, lic in enumerate(latest["licence"])}
    data["stack_order"] = data["licence"].map(rank).fillna(len(rank)).astype(int)
    chart = (
        alt.Chart()
        .mark_area()
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y(
                "share:Q",
                title="Share of repositories",
                stack="normalize",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("licence:N", sort=latest["licence"].tolist(), title="Licence"),
            order=alt.Order("stack_order:Q"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("licence:N", title="Licence"),
                alt.Tooltip("repos:Q", title="Repositories", format=","),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
    )
    return chart, data


def drift(drift: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of parent→child links whose licences differ, per relation, each week."""
    data = iso_dates(drift, "week")[
        ["week", "relation", "edges", "both_declared", "differ", "drift_share", "is_repeat"]
    ]
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y(
                "drift_share:Q", title="Links where the licence changes", axis=alt.Axis(format="%")
            ),
            color=alt.Color("relation:N", sort=RELATION_ORDER, title="Relation"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("drift_share:Q", title="Licence differs", format=".1%"),
                alt.Tooltip("differ:Q", title="Links with a different licence", format=","),
                alt.Tooltip("both_declared:Q", title="Links where both declare one", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
        .transform_filter("isValid(datum.drift_share)")
    )
    return chart, data


def drift_pairs(pairs: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: the commonest licence changes from parent to child."""
    data = pairs.copy()
    data["change"] = data["parent_licence"] + " → " + data["child_licence"]
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                "change:N", sort=data["change"].tolist(), title="Parent licence → child licence"
            ),
            x=alt.X("edges:Q", title="Parent→child links"),
            tooltip=[
                alt.Tooltip("parent_licence:N", title="Parent licence"),
                alt.Tooltip("child_licence:N", title="Child licence"),
                alt.Tooltip("edges:Q", title="Links", format=","),
            ],
        )
    )
    return chart, data


def models_mix(mix: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The licence mix of models, week by week."""
    return _mix_area(mix)


def datasets_mix(mix: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The licence mix of datasets, week by week."""
    return _mix_area(mix)
