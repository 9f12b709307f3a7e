"""Charts of the concentration analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import iso_dates

STATISTICS = {
    "zero_share": "Share of models with zero",
    "top1_share": "Share held by the top 1% of models",
    "gini": "Gini coefficient",
}
MEASURE_LABELS = {
    "downloads": "downloads (30 days)",
    "downloadsAllTime": "downloads (all time)",
    "likes": "likes",
}
REFERENCE_LABEL = "published: Osborne, Ding & Kirk, Oct 2023 data (arXiv 2405.13058)"


def weekly(weekly: pd.DataFrame, reference: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Lines per statistic (zero share, top-1% share, Gini) and measure, with the published
    reference values of Osborne, Ding and Kirk as dashed rules labelled as published figures."""
    d = iso_dates(weekly, "week")
    ours = d.melt(
        id_vars=["week", "measure", "n", "is_repeat"],
        value_vars=list(STATISTICS),
        var_name="statistic",
        value_name="value",
    )
    ours["source"] = "this data"
    ref = reference.rename(columns={"value": "value"})[
        ["measure", "statistic", "value", "comparator"]
    ].copy()
    ref["source"] = REFERENCE_LABEL
    ref["week"] = None
    ref["n"] = None
    ref["is_repeat"] = None
    data = pd.concat([ours, ref[[*ours.columns.tolist(), "comparator"]]], ignore_index=True)
    data["measure"] = data["measure"].map(MEASURE_LABELS).fillna(data["measure"])
    data["statistic"] = data["statistic"].map(STATISTICS)
    lines = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("value:Q", title="Share (Gini: coefficient)", scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("measure:N", title="Measure"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("statistic:N", title="Statistic"),
                alt.Tooltip("value:Q", title="Value", format=".3f"),
                alt.Tooltip("n:Q", title="Models with a value", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
        .transform_filter("datum.source == 'this data'")
    )
    rules = (
        alt.Chart()
        .mark_rule(strokeDash=[6, 4], color="black")
        .encode(
            y=alt.Y("value:Q"),
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("measure:N", title="Measure"),
                alt.Tooltip("comparator:N", title="Stated as"),
                alt.Tooltip("value:Q", title="Published value", format=".2f"),
            ],
        )
        .transform_filter("datum.source != 'this data'")
    )
    labels = (
        alt.Chart()
        .mark_text(align="left", baseline="bottom", dx=4, dy=-2, fontSize=10)
        .encode(
            x=alt.value(0),
            y=alt.Y("value:Q"),
            text=alt.value("published reference (Osborne, Ding & Kirk, Oct 2023 data)"),
            tooltip=[alt.Tooltip("source:N", title="Source")],
        )
        .transform_filter("datum.source != 'this data'")
    )
    chart = (
        alt.layer(lines, rules, labels)
        .properties(width=600, height=150)
        .facet(row=alt.Row("statistic:N", sort=list(STATISTICS.values()), title=None), data=data)
    )
    return chart, data
