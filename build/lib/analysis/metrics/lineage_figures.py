"""Charts for analyses 2, 6 and 8 (platforms, lifecycle, tracker): data shaping and Altair specs.

Each function takes a metric's DataFrame and returns ``(chart, data)``: an Altair chart built
without data and the exact table behind it, ready for :func:`analysis.charts.publish` (which
attaches the data, title, description, source line and CSV). Tooltips name every field shown.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

RELATION_ORDER = ["finetune", "quantized", "adapter", "merge", "unknown"]


def _dates(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    out = df.copy()
    for c in cols:
        out[c] = pd.to_datetime(out[c]).dt.strftime("%Y-%m-%d")
    return out


def derivatives_bars(
    derivatives: pd.DataFrame, top: int = 15, scope: str = "tree"
) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars: derivatives of the ``top`` base models (by ``scope`` 'tree' or 'direct'), by relation."""
    if scope not in ("tree", "direct"):
        raise ValueError(f"scope must be 'tree' or 'direct', got {scope!r}")
    alls = derivatives[derivatives["relation"] == "all"].sort_values(
        [scope, "base_id"], ascending=[False, True]
    )
    keep = alls.head(top)["base_uid"]
    data = derivatives[derivatives["base_uid"].isin(keep) & (derivatives["relation"] != "all")]
    data = data[data[scope] > 0][["base_id", "base_author", "relation", "direct", "tree"]]
    data = data.sort_values(["base_id", "relation"]).reset_index(drop=True)
    order = alls.head(top)["base_id"].tolist()
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("base_id:N", sort=order, title="Base model"),
            x=alt.X(
                f"{scope}:Q",
                title="Derivatives" + (" (whole tree)" if scope == "tree" else " (direct)"),
            ),
            color=alt.Color("relation:N", sort=RELATION_ORDER, title="Relation"),
            order=alt.Order("relation:N"),
            tooltip=[
                alt.Tooltip("base_id:N", title="Base model"),
                alt.Tooltip("base_author:N", title="Organization"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("direct:Q", title="Direct derivatives"),
                alt.Tooltip("tree:Q", title="Derivatives over the tree"),
            ],
        )
    )
    return chart, data


def families_over_time(top_families: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: derivatives per snapshot week of the largest families."""
    data = _dates(top_families, "week")[["week", "family", "derivatives"]]
    order = (
        top_families.drop_duplicates("family")
        .sort_values(["latest_derivatives", "family"], ascending=[False, True])["family"]
        .tolist()
    )
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("derivatives:Q", title="Derivatives in the family"),
            color=alt.Color("family:N", sort=order, title="Family (root model)"),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("family:N", title="Family"),
                alt.Tooltip("derivatives:Q", title="Derivatives", format=","),
            ],
        )
    )
    return chart, data


def family_shape_scatter(shape: pd.DataFrame, top: int = 40) -> tuple[alt.Chart, pd.DataFrame]:
    """Points: depth against breadth of the ``top`` largest families, sized by derivatives."""
    data = shape.head(top)[
        ["root_id", "root_author", "root_kind", "derivatives", "depth", "breadth", "direct"]
    ]
    chart = (
        alt.Chart()
        .mark_circle(opacity=0.7)
        .encode(
            x=alt.X("breadth:Q", title="Breadth (most members at one generation)"),
            y=alt.Y("depth:Q", title="Depth (generations below the root)"),
            size=alt.Size("derivatives:Q", title="Derivatives"),
            tooltip=[
                alt.Tooltip("root_id:N", title="Root model"),
                alt.Tooltip("root_author:N", title="Organization"),
                alt.Tooltip("derivatives:Q", title="Derivatives"),
                alt.Tooltip("direct:Q", title="Direct derivatives"),
                alt.Tooltip("depth:Q", title="Depth"),
                alt.Tooltip("breadth:Q", title="Breadth"),
            ],
        )
    )
    return chart, data


def base_share_line(share: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Line: share of models created each week that declare a base model (repeated weeks left out)."""
    data = _dates(share, "week")
    data["repeated"] = share["repeat_of"].notna().to_numpy()
    data = data[["week", "n_created", "n_with_base", "share", "repeated"]]
    chart = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("week:T", title="Snapshot week"),
            y=alt.Y("share:Q", title="Share declaring a base model", axis=alt.Axis(format="%")),
            tooltip=[
                alt.Tooltip("week:T", title="Week"),
                alt.Tooltip("share:Q", title="Share", format=".1%"),
                alt.Tooltip("n_with_base:Q", title="New models with a base", format=","),
                alt.Tooltip("n_created:Q", title="New models", format=","),
                alt.Tooltip("repeated:N", title="File repeats previous week"),
            ],
        )
    )
    return chart, data


def newest_share_lines(rates: pd.DataFrame, lines: list[str]) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: per line, the share of its new derivatives each week going to its newest generation."""
    r = rates[rates["line"].isin(lines) & rates["is_newest"].fillna(False).astype(bool)]
    data = _dates(r, "week_start")[
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


def generation_rates(rates: pd.DataFrame, line: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked area: new derivatives per week of each generation of one line."""
    r = rates[rates["line"] == line]
    data = _dates(r, "week_start")[
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


def old_share_bars(
    classified: pd.DataFrame, threshold: float
) -> tuple[alt.LayerChart, pd.DataFrame]:
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


def tracker_lines(series: pd.DataFrame, group_title: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: cumulative derivatives per week after release, one line per group."""
    data = _dates(series, "week_start")
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


def tracker_bars(series: pd.DataFrame, group_title: str) -> tuple[alt.Chart, pd.DataFrame]:
    """Stacked bars: new derivatives per week after release, by group."""
    data = _dates(series, "week_start")
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
