"""Charts of the tracker: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import iso_dates


def _lines(series: pd.DataFrame, group_title: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: cumulative derivatives per week after release, one line per group."""
    data = iso_dates(series, "week_start")
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("weeks_since_release:Q", title="Weeks since release"),
            y=alt.Y("cumulative:Q", title="Derivatives so far"),
            color=alt.Color("group:N", title=group_title),
            tooltip=[
                alt.Tooltip("group:N", title=group_title),
                alt.Tooltip("weeks_since_release:Q", title="Weeks since release"),
                alt.Tooltip("week_start:T", title="Week starting"),
                alt.Tooltip("new_derivatives:Q", title="New that week"),
                alt.Tooltip("cumulative:Q", title="So far"),
            ],
        )
    )
    return chart, data


def _bars(series: pd.DataFrame, group_title: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars: new derivatives per week after release, by group."""
    data = iso_dates(series, "week_start")
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("weeks_since_release:O", title="Weeks since release"),
            y=alt.Y("new_derivatives:Q", stack=True, title="New derivatives"),
            color=alt.Color("group:N", title=group_title),
            tooltip=[
                alt.Tooltip("group:N", title=group_title),
                alt.Tooltip("weeks_since_release:O", title="Weeks since release"),
                alt.Tooltip("week_start:T", title="Week starting"),
                alt.Tooltip("new_derivatives:Q", title="New that week"),
            ],
        )
    )
    return chart, data


def relations(series: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Cumulative derivatives of the release by week since release, one line per relation."""
    return _lines(series, "Relation")


def authors(series: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """New derivatives of the release per week, stacked by who made them."""
    return _bars(series, "Made by")
