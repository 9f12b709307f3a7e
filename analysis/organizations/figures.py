"""Charts of the organizations analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import KIND_ORDER, ORG_KIND_ORDER, iso_dates


def _top(top: pd.DataFrame, kind: str) -> tuple[alt.Chart, pd.DataFrame]:
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


def _contributions(contrib: pd.DataFrame, by: str) -> tuple[alt.Chart, pd.DataFrame]:
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


def heatmap(heat: pd.DataFrame) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Heat map: repos created per week (columns) by organization (rows); repeated weeks grey."""
    data = iso_dates(heat, "week")[
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


def top_models(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The owners holding the most models."""
    return _top(top, "models")


def top_datasets(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The owners holding the most datasets."""
    return _top(top, "datasets")


def top_spaces(top: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """The owners holding the most spaces."""
    return _top(top, "spaces")


def by_kind(contrib: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Shares of each repository kind held by each kind of organization."""
    return _contributions(contrib, "org_kind")


def by_country(contrib: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Shares of each repository kind held by the owners of each country."""
    return _contributions(contrib, "country")
