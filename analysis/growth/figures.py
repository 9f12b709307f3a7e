"""Charts of the growth analysis: each takes a metric's DataFrame and returns ``(chart, data)``.

Built without data (faceted charts hold exactly ``data``, as Vega-Lite facets need it at the
top); :func:`analysis.publish.figure` attaches the data, title, description and source line.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import KIND_ORDER, iso_dates


def existing(weekly: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Lines per kind: repos existing each week; repeated weeks drawn as open grey points."""
    data = iso_dates(weekly, "week", "repeat_of")[
        ["kind", "week", "repos", "is_repeat", "repeat_of"]
    ]
    data["observation"] = data["is_repeat"].map(
        {True: "repeat of the previous week", False: "new snapshot"}
    )
    data = data.drop(columns="is_repeat")
    base = alt.Chart().encode(
        x=alt.X("week:T", title="Snapshot week"),
        y=alt.Y("repos:Q", title="Repositories existing", scale=alt.Scale(zero=False)),
    )
    tips = [
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("week:T", title="Week"),
        alt.Tooltip("repos:Q", title="Repositories", format=","),
        alt.Tooltip("observation:N", title="Observation"),
    ]
    line = base.mark_line().encode(tooltip=tips)
    points = base.mark_point(filled=True, size=30).encode(
        color=alt.Color(
            "observation:N",
            title="Observation",
            scale=alt.Scale(
                domain=["new snapshot", "repeat of the previous week"], range=["#1f77b4", "#999999"]
            ),
        ),
        tooltip=tips,
    )
    chart = (
        alt.layer(line, points)
        .properties(width=600, height=160)
        .facet(row=alt.Row("kind:N", sort=KIND_ORDER, title=None), data=data)
        .resolve_scale(y="independent")
    )
    return chart, data


def created_weekly(weekly: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Bars per kind: repos created each week, coloured by the file the count comes from.

    Weeks whose creations were not observed have no bar (they are in the CSV, with no value).
    """
    data = iso_dates(weekly, "week")[["kind", "week", "created", "created_source"]]
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("created:Q", title="Repositories created that week"),
            color=alt.Color(
                "created_source:N",
                title="Counted in",
                scale=alt.Scale(
                    domain=["this week's file", "next week's file"], range=["#1f77b4", "#ff7f0e"]
                ),
            ),
            tooltip=[
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("week:T", title="Week starting"),
                alt.Tooltip("created:Q", title="Created", format=","),
                alt.Tooltip("created_source:N", title="Counted in"),
            ],
        )
        .transform_filter("isValid(datum.created)")
        .properties(width=600, height=140)
        .facet(row=alt.Row("kind:N", sort=KIND_ORDER, title=None), data=data)
        .resolve_scale(y="independent")
    )
    return chart, data


def created_monthly(monthly: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Grouped bars: repos created per calendar month and kind; partly observed months faded."""
    data = iso_dates(monthly, "month")[
        ["kind", "month", "created", "days_observed", "days_in_month", "complete"]
    ]
    data["coverage"] = data["complete"].map(
        {True: "whole month observed", False: "part of the month observed"}
    )
    data = data.drop(columns="complete")
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):O", title="Month"),
            xOffset=alt.XOffset("kind:N", sort=KIND_ORDER),
            y=alt.Y("created:Q", title="Repositories created"),
            color=alt.Color("kind:N", sort=KIND_ORDER, title="Kind"),
            opacity=alt.Opacity(
                "coverage:N",
                title="Coverage",
                scale=alt.Scale(
                    domain=["whole month observed", "part of the month observed"], range=[1.0, 0.35]
                ),
            ),
            tooltip=[
                alt.Tooltip("kind:N", title="Kind"),
                alt.Tooltip("yearmonth(month):T", title="Month"),
                alt.Tooltip("created:Q", title="Created", format=","),
                alt.Tooltip("days_observed:Q", title="Days observed"),
                alt.Tooltip("days_in_month:Q", title="Days in month"),
            ],
        )
    )
    return chart, data
