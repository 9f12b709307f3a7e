"""Charts for analyses 1, 3, 4, 5 and 7 (growth, organizations, datasets, concentration,
licences): data shaping and Altair specs.

Each function takes a metric's DataFrame and returns ``(chart, data)``: an Altair chart built
without data (faceted charts hold exactly ``data``, as Vega-Lite facets need it at the top) and
the exact table behind it, ready for :func:`analysis.charts.publish` (which
attaches the data, title, description, source line and CSV). Dates become ``YYYY-MM-DD`` text so
the CSV and the spec are the same on every run. Tooltips name every field shown.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

KIND_ORDER = ["models", "datasets", "spaces"]
RELATION_ORDER = ["finetune", "quantized", "adapter", "merge", "all"]
ORG_KIND_ORDER = [
    "company",
    "academic",
    "non-profit",
    "government",
    "individual",
    "unknown",
    "unmapped",
    "(no owner in id)",
]
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


def _dates(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    out = df.copy()
    for c in cols:
        out[c] = pd.to_datetime(out[c]).dt.strftime("%Y-%m-%d")
    return out


# --- growth (analysis 1) -------------------------------------------------------------------


def growth_existing(weekly: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Lines per kind: repos existing each week; repeated weeks drawn as open grey points."""
    data = _dates(weekly, "week", "repeat_of")[["kind", "week", "repos", "is_repeat", "repeat_of"]]
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


def growth_created_weekly(weekly: pd.DataFrame) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Bars per kind: repos created each week, coloured by the file the count comes from.

    Weeks whose creations were not observed have no bar (they are in the CSV, with no value).
    """
    data = _dates(weekly, "week")[["kind", "week", "created", "created_source"]]
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


def growth_created_monthly(monthly: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Grouped bars: repos created per calendar month and kind; partly observed months faded."""
    data = _dates(monthly, "month")[
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


# --- organizations (analysis 3) ------------------------------------------------------------


def top_contributors_bars(top: pd.DataFrame, kind: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars: repos held by the top authors, coloured by organization kind."""
    data = top[
        ["rank", "author", "repos", "share_of_repos", "created_in_range", "org_kind", "country"]
    ].copy()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("author:N", sort=data["author"].tolist(), title="Organization or user"),
            x=alt.X("repos:Q", title=f"{kind.capitalize()} held"),
            color=alt.Color("org_kind:N", sort=ORG_KIND_ORDER, title="Kind of organization"),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("author:N", title="Organization or user"),
                alt.Tooltip("repos:Q", title=f"{kind.capitalize()} held", format=","),
                alt.Tooltip("share_of_repos:Q", title="Share of all", format=".2%"),
                alt.Tooltip("created_in_range:Q", title="Created in the weeks shown", format=","),
                alt.Tooltip("org_kind:N", title="Kind"),
                alt.Tooltip("country:N", title="Country"),
            ],
        )
    )
    return chart, data


def contributions_bars(contrib: pd.DataFrame, by: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked 100% bars per repo kind: share of repos by organization kind or country."""
    data = contrib[["repo_kind", by, "repos", "authors", "share"]].copy()
    title = "Kind of organization" if by == "org_kind" else "Country"
    color = (
        alt.Color(f"{by}:N", sort=ORG_KIND_ORDER, title=title)
        if by == "org_kind"
        else alt.Color(f"{by}:N", title=title)
    )
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("repo_kind:N", sort=KIND_ORDER, title="Repositories"),
            x=alt.X(
                "share:Q",
                title="Share of repositories",
                axis=alt.Axis(format="%"),
                stack="normalize",
            ),
            color=color,
            order=alt.Order("repos:Q", sort="descending"),
            tooltip=[
                alt.Tooltip("repo_kind:N", title="Repositories"),
                alt.Tooltip(f"{by}:N", title=title),
                alt.Tooltip("repos:Q", title="Repositories", format=","),
                alt.Tooltip("authors:Q", title="Owners", format=","),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
            ],
        )
    )
    return chart, data


def activity_heatmap(heat: pd.DataFrame) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Heat map: repos created per week (columns) by organization (rows); repeated weeks grey."""
    data = _dates(heat, "week")[
        ["week", "author", "org_kind", "created", "modified", "created_total", "is_repeat"]
    ]
    order = (
        data.drop_duplicates("author")
        .sort_values(["created_total", "author"], ascending=[False, True])["author"]
        .tolist()
    )
    base = alt.Chart().encode(
        x=alt.X("week:O", title="Snapshot week"),
        y=alt.Y("author:N", sort=order, title="Organization or user"),
    )
    tips = [
        alt.Tooltip("author:N", title="Organization or user"),
        alt.Tooltip("org_kind:N", title="Kind"),
        alt.Tooltip("week:N", title="Week starting"),
        alt.Tooltip("created:Q", title="Created that week"),
        alt.Tooltip("modified:Q", title="Modified that week"),
    ]
    cells = (
        base.mark_rect()
        .encode(
            color=alt.Color(
                "created:Q", title="Created that week", scale=alt.Scale(scheme="blues")
            ),
            tooltip=tips,
        )
        .transform_filter("!datum.is_repeat")
    )
    repeats = (
        base.mark_rect(color="#dddddd")
        .encode(tooltip=[alt.Tooltip("week:N", title="Repeated week (no new snapshot)")])
        .transform_filter("datum.is_repeat")
    )
    return cells + repeats, data


# --- datasets (analysis 4) -----------------------------------------------------------------


def top_datasets_bars(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
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


def benchmark_share_lines(share: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of the top-n datasets that are benchmarks, and their share of the downloads."""
    d = _dates(share, "week")
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


def share_lines(
    df: pd.DataFrame, field: str, title: str, y_title: str
) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of all datasets per week for each value of ``field`` (task or domain)."""
    data = _dates(df, "week")[["week", field, "datasets", "share", "is_repeat"]]
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


def foundational_bars(by_kind: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
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


# --- concentration (analysis 5) ------------------------------------------------------------


def concentration_lines(
    weekly: pd.DataFrame, reference: pd.DataFrame
) -> tuple[alt.FacetChart, pd.DataFrame]:
    """Lines per statistic (zero share, top-1% share, Gini) and measure, with the published
    reference values of Osborne, Ding and Kirk as dashed rules labelled as published figures."""
    d = _dates(weekly, "week")
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


# --- licences (analysis 7) -----------------------------------------------------------------


def licence_mix_area(mix: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked areas: share of repos per licence each week."""
    data = _dates(mix, "week")[["week", "licence", "repos", "share", "is_repeat"]]
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


def drift_lines(drift: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: share of parent→child links whose licences differ, per relation, each week."""
    data = _dates(drift, "week")[
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


def drift_pairs_bars(pairs: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
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
