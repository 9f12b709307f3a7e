"""Chart builders of the platforms and tracker analyses publish with data, tooltips and the rows expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from lineage_graph import connect

from analysis import platforms, publish, tracker
from analysis.lineage import Lineage
from analysis.provenance import Provenance

PROV = Provenance(
    weeks=(dt.date(2025, 1, 1), dt.date(2025, 1, 15)), revision="test", generated=True
)


def _publish(chart_data, name: str, tmp_path: Path) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    chart, data = chart_data
    fig = publish.publish(
        chart,
        data,
        name=name,
        provenance=PROV,
        title=name,
        description=f"test {name}",
        outdir=tmp_path,
    )
    assert "tooltip" in str(fig.spec)
    return pd.read_csv(fig.csv_path)


def test_platform_charts(tmp_path: Path) -> None:
    con = connect()
    graph = Lineage(con)
    # top 2 bases by tree size in week 3: R (5), then A (3); rows: their relations with tree > 0
    bars = _publish(
        platforms.figures.derivatives(platforms.derivatives_per_base(graph), top=2),
        "bars",
        tmp_path,
    )
    assert sorted(zip(bars.base_id, bars.relation, strict=True)) == [
        ("org/Base-One", "finetune"),
        ("org/Base-One", "merge"),
        ("org/Base-One", "quantized"),
        ("u/ft", "finetune"),
        ("u/ft", "merge"),
        ("u/ft", "quantized"),
    ]
    fam = _publish(
        platforms.figures.families(platforms.top_families_over_time(con, 1)), "fam", tmp_path
    )
    assert fam["derivatives"].tolist() == [1, 2, 5]
    share = _publish(
        platforms.figures.base_share(platforms.declared_base_share(con)), "share", tmp_path
    )
    assert share["share"].tolist() == [1.0, 1.0, 0.5]


def test_tracker_chart(tmp_path: Path) -> None:
    s = tracker.derivatives_by_week(Lineage(connect()), "org/Base-One", scope="tree")
    data = _publish(tracker.figures.relations(s), "tl", tmp_path)
    assert len(data) == len(s) == 8 * 3  # weeks 0..7 x finetune, merge, quantized
