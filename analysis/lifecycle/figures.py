"""Charts of the lifecycle analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.lifecycle.metrics import pick_line, top_lines
from analysis.publish.shapes import iso_dates


def old_share(classified: pd.DataFrame, threshold: float) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Bars: per line with a decided pattern, the share of new derivatives still going to older releases."""
    data = classified[classified["pattern"].isin(["nomadic", "persistent"])][
        ["line", "pattern", "old_share", "window_derivatives", "window_to_older", "decay"]
    ].reset_index(drop=True)
    data["threshold"] = threshold
    bars = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("line:N", sort="-x", title="Line (organization/name)"),
            x=alt.X(
                "old_share:Q",
                title="Share of new derivatives going to older releases",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("pattern:N", title="Pattern"),
            tooltip=[
                alt.Tooltip("line:N", title="Line"),
                alt.Tooltip("pattern:N", title="Pattern"),
                alt.Tooltip("old_share:Q", title="Share to older releases", format=".0%"),
                alt.Tooltip("window_to_older:Q", title="To older releases"),
                alt.Tooltip("window_derivatives:Q", title="All new derivatives in window"),
                alt.Tooltip("decay:Q", title="Decay of older releases' rate", format=".0%"),
            ],
        )
    )
    rule = (
        alt.Chart()
        .mark_rule(strokeDash=[4, 4])
        .encode(
            x=alt.X("mean(threshold):Q"),
            tooltip=[alt.Tooltip("mean(threshold):Q", title="Threshold", format=".0%")],
        )
    )
    return alt.LayerChart(layer=[bars, rule]), data


def _newest(rates: pd.DataFrame, lines: list[str]) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: per line, the share of its new derivatives each week going to its newest generation."""
    r = rates[rates["line"].isin(lines) & rates["is_newest"].fillna(False).astype(bool)]
    data = iso_dates(r, "week_start")[
        [
            "line",
            "generation",
            "week_start",
            "new_derivatives",
            "line_new_derivatives",
            "share_of_line",
        ]
    ]
    data = data[data["line_new_derivatives"] > 0].reset_index(drop=True)
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week_start:T", title="Week (Monday)"),
            y=alt.Y(
                "share_of_line:Q",
                title="Share going to the newest release",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("line:N", title="Line (organization/name)"),
            tooltip=[
                alt.Tooltip("line:N", title="Line"),
                alt.Tooltip("generation:Q", title="Newest generation"),
                alt.Tooltip("week_start:T", title="Week"),
                alt.Tooltip("share_of_line:Q", title="Share to newest", format=".0%"),
                alt.Tooltip("new_derivatives:Q", title="New derivatives of newest"),
                alt.Tooltip("line_new_derivatives:Q", title="New derivatives of the line"),
            ],
        )
    )
    return chart, data


def _generations(rates: pd.DataFrame, line: str | None) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked area: new derivatives per week of each generation of one line."""
    r = rates[rates["line"] == line]
    data = iso_dates(r, "week_start")[
        [
            "line",
            "generation",
            "week_start",
            "weeks_since_release",
            "weeks_since_successor",
            "new_derivatives",
        ]
    ].reset_index(drop=True)
    data["weeks_since_successor"] = data["weeks_since_successor"].astype("Int64")
    chart = (
        alt.Chart()
        .mark_area()
        .encode(
            x=alt.X("week_start:T", title="Week (Monday)"),
            y=alt.Y("new_derivatives:Q", stack=True, title="New derivatives per week"),
            color=alt.Color("generation:O", title="Generation"),
            tooltip=[
                alt.Tooltip("generation:O", title="Generation"),
                alt.Tooltip("week_start:T", title="Week"),
                alt.Tooltip("new_derivatives:Q", title="New derivatives"),
                alt.Tooltip("weeks_since_release:Q", title="Weeks since release"),
                alt.Tooltip("weeks_since_successor:Q", title="Weeks since successor"),
            ],
        )
    )
    return chart, data


def newest(
    rates: pd.DataFrame, releases: pd.DataFrame, n_lines: int = 6
) -> tuple[alt.Chart, pd.DataFrame]:
    """The share of each of the ``n_lines`` busiest lines' new derivatives going to its newest
    generation, week by week."""
    return _newest(rates, top_lines(releases, n_lines))


def generations(
    rates: pd.DataFrame, releases: pd.DataFrame, line: str | None = None
) -> tuple[alt.Chart, pd.DataFrame]:
    """New derivatives per week by generation of one line (the busiest when None)."""
    return _generations(rates, pick_line(releases, line))
