"""The explorers' charts: one chart each, whose data holds every choice the reader can make and
whose Vega-Lite spec filters it with parameters bound to drop-down lists."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import escape
from analysis.explorers.common import ALL, options, pick
from analysis.explorers.datasets import BENCHMARK_LABELS, NO_DOMAIN
from analysis.publish import ChartLike
from analysis.publish.shapes import KIND_ORDER


def base_models(data: pd.DataFrame) -> tuple[alt.VConcatChart, pd.DataFrame]:
    """Two panels filtered by a drop-down of base models: new derivatives per week by relation
    (stacked bars) and the authors who made the most of them."""
    choices = options(data["base"])
    chooser = pick("pick_base", choices, "Base model ")
    chosen = alt.datum.base == chooser
    weekly = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("utcyearweek(week):T", title="Snapshot week"),
            y=alt.Y("sum(derivatives):Q", title="New derivatives"),
            color=alt.Color(
                "relation:N", title="Relation", sort=sorted(data["relation"].dropna().unique())
            ),
            tooltip=[
                alt.Tooltip("base:N", title="Base model"),
                alt.Tooltip("week:N", title="Week starting"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("sum(derivatives):Q", title="New derivatives", format=","),
            ],
        )
        .transform_filter(chosen)
        .transform_filter(alt.datum.part == "week")
        .properties(width=600, height=240)
    )
    authors = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("derivatives:Q", title="Derivatives made"),
            y=alt.Y(
                "author:N", sort=alt.EncodingSortField("rank", order="ascending"), title="Made by"
            ),
            tooltip=[
                alt.Tooltip("base:N", title="Base model"),
                alt.Tooltip("author:N", title="Made by"),
                alt.Tooltip("derivatives:Q", title="Derivatives", format=","),
            ],
        )
        .transform_filter(chosen)
        .transform_filter(alt.datum.part == "author")
        .properties(width=600, height=alt.Step(18))
    )
    return alt.vconcat(weekly, authors).add_params(chooser), data


def organizations(data: pd.DataFrame) -> tuple[ChartLike, pd.DataFrame]:
    """Heat map (weeks by organization, darker = more created) filtered by two drop-downs:
    the kind of repo and the kind of organization ('all': the most active of any kind)."""
    kinds = options(pd.Series([k for k in KIND_ORDER if k in set(data["kind"])]))
    org_kinds = options(pd.Series(sorted(set(data["org_kind"]))), first=[ALL])
    pick_kind = pick("pick_kind", kinds, "Repositories ")
    pick_org = pick("pick_org", org_kinds, "Kind of organization ")
    keep = (
        f"datum.kind === pick_kind && (pick_org === {escape.script_json(ALL)} "
        "? datum.top_overall : datum.org_kind === pick_org)"
    )
    base = alt.Chart().encode(
        x=alt.X("utcyearweek(week):T", title="Snapshot week"),
        y=alt.Y(
            "author:N",
            sort=alt.EncodingSortField("created_total", op="max", order="descending"),
            title="Organization or user",
        ),
    )
    cells = (
        base.mark_rect()
        .encode(
            color=alt.Color(
                "created:Q", title="Created that week", scale=alt.Scale(scheme="blues")
            ),
            tooltip=[
                alt.Tooltip("author:N", title="Organization or user"),
                alt.Tooltip("org_kind:N", title="Kind of organization"),
                alt.Tooltip("kind:N", title="Repositories"),
                alt.Tooltip("week:N", title="Week starting"),
                alt.Tooltip("created:Q", title="Created that week", format=","),
                alt.Tooltip("created_total:Q", title="Created over the range", format=","),
            ],
        )
        .transform_filter(keep)
        .transform_filter("!datum.is_repeat")
    )
    repeats = (
        base.mark_rect(color="#dddddd")
        .encode(
            tooltip=[
                alt.Tooltip("author:N", title="Organization or user"),
                alt.Tooltip("week:N", title="Repeated week (no new snapshot)"),
            ]
        )
        .transform_filter(keep)
        .transform_filter("datum.is_repeat")
    )
    chart = (
        alt.layer(cells, repeats)
        .add_params(pick_kind, pick_org)
        .properties(width=600, height=alt.Step(14))
    )
    return chart, data


def datasets(data: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars of downloads, one per dataset, filtered by a domain drop-down ('all': every
    dataset once); benchmarks coloured, and the legend highlights one group when clicked."""
    domains = sorted(set(data["domain"]) - {NO_DOMAIN})
    choices = options(
        pd.Series([*domains, *([NO_DOMAIN] if NO_DOMAIN in set(data["domain"]) else [])]),
        first=[ALL],
    )
    chooser = pick("pick_domain", choices, "Domain ")
    legend = alt.selection_point(name="pick_benchmark", fields=["benchmark"], bind="legend")
    keep = f"pick_domain === {escape.script_json(ALL)} ? datum.first_domain : datum.domain === pick_domain"
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("downloads:Q", title="Downloads (last 30 days)"),
            y=alt.Y("id:N", sort=alt.EncodingSortField("rank", order="ascending"), title="Dataset"),
            color=alt.Color(
                "benchmark:N",
                title="Evaluation benchmark?",
                scale=alt.Scale(
                    domain=list(BENCHMARK_LABELS.values()), range=["#d95f02", "#1b9e77"]
                ),
            ),
            opacity=alt.condition(legend, alt.value(1.0), alt.value(0.2)),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("id:N", title="Dataset"),
                alt.Tooltip("downloads:Q", title="Downloads (30 days)", format=","),
                alt.Tooltip("likes:Q", title="Likes", format=","),
                alt.Tooltip("benchmark:N", title="Benchmark"),
                alt.Tooltip("benchmark_signal:N", title="Benchmark signal"),
                alt.Tooltip("task_categories:N", title="Task categories"),
                alt.Tooltip("domains:N", title="Domains"),
                alt.Tooltip("org_kind:N", title="Kind of organization"),
            ],
        )
        .add_params(chooser, legend)
        .transform_filter(keep)
        .properties(width=520, height=alt.Step(14))
    )
    return chart, data
