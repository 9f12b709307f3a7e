"""Charts of the datasets analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import ORG_KIND_ORDER, iso_dates

NO_DOMAIN = "(none)"


def top(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: downloads of the most downloaded datasets, benchmarks highlighted."""
    data = top[
        ["rank", "id", "downloads", "likes", "is_benchmark", "benchmark_signal", "org_kind"]
    ].copy()
    data["benchmark"] = data["is_benchmark"].map(
        {True: "evaluation benchmark", False: "other dataset"}
    )
    data = data.drop(columns="is_benchmark")
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("id:N", sort=data["id"].tolist(), title="Dataset"),
            x=alt.X("downloads:Q", title="Downloads (30 days)"),
            color=alt.Color(
                "benchmark:N",
                title="Detected as",
                scale=alt.Scale(
                    domain=["evaluation benchmark", "other dataset"], range=["#d62728", "#7f7f7f"]
                ),
            ),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("id:N", title="Dataset"),
                alt.Tooltip("downloads:Q", title="Downloads (30 days)", format=","),
                alt.Tooltip("likes:Q", title="Likes", format=","),
                alt.Tooltip("benchmark:N", title="Detected as"),
                alt.Tooltip("benchmark_signal:N", title="Signal"),
                alt.Tooltip("org_kind:N", title="Owner kind"),
            ],
        )
    )
    return chart, data


def benchmark_share(share: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of the top-n datasets that are benchmarks, and their share of the downloads."""
    d = iso_dates(share, "week")
    data = d.melt(
        id_vars=["week", "top_n", "is_repeat"],
        value_vars=["benchmark_share", "benchmark_download_share"],
        var_name="series",
        value_name="share",
    )
    data["series"] = data["series"].map(
        {
            "benchmark_share": "share of the datasets",
            "benchmark_download_share": "share of their downloads",
        }
    )
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y(
                "share:Q",
                title="Evaluation benchmarks among the top datasets",
                axis=alt.Axis(format="%"),
            ),
            color=alt.Color("series:N", title="Benchmarks' share of"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("series:N", title="Benchmarks' share of"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("top_n:Q", title="Top datasets considered"),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
    )
    return chart, data


def _share_lines(
    df: pd.DataFrame, field: str, title: str, y_title: str
) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of all datasets per week for each value of ``field`` (task or domain)."""
    data = iso_dates(df, "week")[["week", field, "datasets", "share", "is_repeat"]]
    chart = (
        alt.Chart()
        .mark_line()
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("share:Q", title=y_title, axis=alt.Axis(format="%")),
            color=alt.Color(f"{field}:N", title=title),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip(f"{field}:N", title=title),
                alt.Tooltip("datasets:Q", title="Datasets", format=","),
                alt.Tooltip("share:Q", title="Share of all datasets", format=".1%"),
                alt.Tooltip("is_repeat:N", title="Repeated week"),
            ],
        )
    )
    return chart, data


def foundational(by_kind: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked 100% bars per basis: who owns the foundational datasets, by organization kind."""
    data = by_kind[["basis", "org_kind", "datasets", "share"]].copy()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("basis:N", title="Foundational datasets, by"),
            x=alt.X(
                "share:Q",
                title="Share of the datasets",
                axis=alt.Axis(format="%"),
                stack="normalize",
            ),
            color=alt.Color("org_kind:N", sort=ORG_KIND_ORDER, title="Owner's kind"),
            order=alt.Order("datasets:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("basis:N", title="Basis"),
                alt.Tooltip("org_kind:N", title="Owner's kind"),
                alt.Tooltip("datasets:Q", title="Datasets"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
            ],
        )
    )
    return chart, data


def tasks(tasks: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The share of all datasets in each of the largest task categories, week by week."""
    return _share_lines(tasks, "task", "Task category", "Share of all datasets")


def domains(domains: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The share of all datasets in each application domain, week by week (datasets matching
    no domain keyword left out)."""
    return _share_lines(
        domains[domains["domain"] != NO_DOMAIN], "domain", "Domain", "Share of all datasets"
    )
