"""Charts of the evaluations analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import ORG_KIND_ORDER, iso_dates

STATISTICS = {
    "top1_share": "top benchmark",
    "top5_share": "top 5 benchmarks",
    "top10_share": "top 10 benchmarks",
    "gini": "Gini coefficient",
}
#: How a derivative's reported benchmarks compare with its family root's (families chart).
COMPARISONS = (
    "the base's exact set",
    "some of the base's",
    "only other benchmarks",
    "none reported",
)


def reporting(weekly: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Line: the share of each week's models whose card reports at least one evaluation result."""
    data = iso_dates(weekly, "week")[
        ["week", "models", "reporting", "reporting_share", "not_parsed", "is_repeat"]
    ]
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y(
                "reporting_share:Q",
                title="Models reporting an evaluation",
                axis=alt.Axis(format="%"),
            ),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("reporting:Q", title="Models reporting", format=","),
                alt.Tooltip("models:Q", title="Models", format=","),
                alt.Tooltip("reporting_share:Q", title="Share", format=".1%"),
                alt.Tooltip("not_parsed:Q", title="Cards not parsed", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
    )
    return chart, data


def concentration(weekly: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: the share of reported results on the top 1, 5 and 10 benchmarks, and the Gini."""
    d = iso_dates(weekly, "week")
    data = d.melt(
        id_vars=["week", "results", "benchmarks", "is_repeat"],
        value_vars=list(STATISTICS),
        var_name="statistic",
        value_name="value",
    )
    data["statistic"] = data["statistic"].map(STATISTICS)
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y(
                "value:Q",
                title="Share of results (Gini: coefficient)",
                scale=alt.Scale(domain=[0, 1]),
            ),
            color=alt.Color("statistic:N", title="Statistic", sort=list(STATISTICS.values())),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("statistic:N", title="Statistic"),
                alt.Tooltip("value:Q", title="Value", format=".3f"),
                alt.Tooltip("results:Q", title="Results reported", format=","),
                alt.Tooltip("benchmarks:Q", title="Benchmarks named", format=","),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
    )
    return chart, data


def benchmarks(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: results reported on each of the most reported benchmarks."""
    data = top[["rank", "benchmark", "models", "results", "share"]].copy()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("benchmark:N", sort=data["benchmark"].tolist(), title="Benchmark"),
            x=alt.X("results:Q", title="Results reported"),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("benchmark:N", title="Benchmark"),
                alt.Tooltip("results:Q", title="Results", format=","),
                alt.Tooltip("models:Q", title="Models reporting", format=","),
                alt.Tooltip("share:Q", title="Share of all results", format=".1%"),
            ],
        )
    )
    return chart, data


def org_kinds(by_kind: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: the share of each organization kind's models that report an evaluation."""
    data = by_kind[
        [
            "org_kind",
            "owners",
            "models",
            "reporting_owners",
            "reporting",
            "reporting_share",
            "results",
        ]
    ].copy()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("org_kind:N", sort=ORG_KIND_ORDER, title="Owner's kind"),
            x=alt.X(
                "reporting_share:Q",
                title="Models reporting an evaluation",
                axis=alt.Axis(format="%"),
            ),
            tooltip=[
                alt.Tooltip("org_kind:N", title="Owner's kind"),
                alt.Tooltip("reporting:Q", title="Models reporting", format=","),
                alt.Tooltip("models:Q", title="Models", format=","),
                alt.Tooltip("reporting_share:Q", title="Share", format=".1%"),
                alt.Tooltip("reporting_owners:Q", title="Owners reporting", format=","),
                alt.Tooltip("results:Q", title="Results", format=","),
            ],
        )
    )
    return chart, data


def tasks(tasks: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked 100% bars per organization kind: the tasks its reported results are on."""
    data = tasks[["org_kind", "task", "models", "results", "share"]].copy()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("org_kind:N", sort=ORG_KIND_ORDER, title="Owner's kind"),
            x=alt.X(
                "results:Q",
                title="Share of the results",
                stack="normalize",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("task:N", title="Task"),
            order=alt.Order("results:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("org_kind:N", title="Owner's kind"),
                alt.Tooltip("task:N", title="Task"),
                alt.Tooltip("results:Q", title="Results", format=","),
                alt.Tooltip("models:Q", title="Models reporting", format=","),
                alt.Tooltip("share:Q", title="Share of the kind's results", format=".1%"),
            ],
        )
    )
    return chart, data


def families(fam: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked 100% bars per large family: derivatives reporting the base's benchmarks, others, none."""
    counts = pd.DataFrame(
        {
            "root_id": fam["root_id"],
            COMPARISONS[0]: fam["same_set"],
            COMPARISONS[1]: fam["sharing"] - fam["same_set"],
            COMPARISONS[2]: fam["reporting"] - fam["sharing"],
            COMPARISONS[3]: fam["derivatives"] - fam["reporting"],
        }
    )
    data = counts.melt(id_vars="root_id", var_name="comparison", value_name="derivatives")
    data["order"] = data["comparison"].map({c: i for i, c in enumerate(COMPARISONS)})
    data = data.sort_values(["order", "root_id"], kind="stable").reset_index(drop=True)
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("root_id:N", sort=fam["root_id"].tolist(), title="Family (its base model)"),
            x=alt.X(
                "derivatives:Q",
                title="Share of the derivatives",
                stack="normalize",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color(
                "comparison:N",
                title="A derivative reports",
                scale=alt.Scale(
                    domain=list(COMPARISONS), range=["#1b9e77", "#66a61e", "#e6ab02", "#bdbdbd"]
                ),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("root_id:N", title="Family"),
                alt.Tooltip("comparison:N", title="Reports"),
                alt.Tooltip("derivatives:Q", title="Derivatives", format=","),
            ],
        )
    )
    return chart, data


def benchmark_datasets(bd: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: 30-day downloads of the datasets that the most reported benchmarks name."""
    data = bd[
        ["rank", "benchmark", "models", "results", "dataset_id", "found", "downloads", "likes"]
    ].copy()
    data["found"] = data["found"].map(
        {True: "a dataset of the week", False: "no dataset of that id"}
    )
    data["downloads"] = data["downloads"].astype("Int64")
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y(
                "benchmark:N", sort=data["benchmark"].tolist(), title="Benchmark named in results"
            ),
            x=alt.X("downloads:Q", title="Downloads of the dataset (30 days)"),
            color=alt.Color(
                "found:N",
                title="The name is",
                scale=alt.Scale(
                    domain=["a dataset of the week", "no dataset of that id"],
                    range=["#1f77b4", "#bdbdbd"],
                ),
            ),
            tooltip=[
                alt.Tooltip("benchmark:N", title="Benchmark"),
                alt.Tooltip("models:Q", title="Models reporting it", format=","),
                alt.Tooltip("results:Q", title="Results", format=","),
                alt.Tooltip("found:N", title="The name is"),
                alt.Tooltip("downloads:Q", title="Downloads (30 days)", format=","),
                alt.Tooltip("likes:Q", title="Likes", format=","),
            ],
        )
    )
    return chart, data
