"""Charts of the platforms analysis: each returns ``(chart, data)`` for :func:`analysis.publish.figure`."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis.publish.shapes import RELATION_ORDER_UNKNOWN as RELATION_ORDER
from analysis.publish.shapes import iso_dates


def derivatives(
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


def families(top_families: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Lines: derivatives per snapshot week of the largest families."""
    data = iso_dates(top_families, "week")[["week", "family", "derivatives"]]
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


def shape(shape: pd.DataFrame, top: int = 40) -> tuple[alt.Chart, pd.DataFrame]:
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


def base_share(share: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Line: share of models created each week that declare a base model (repeated weeks left out)."""
    data = iso_dates(share, "week")
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
