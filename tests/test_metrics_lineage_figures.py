"""Chart builders of analyses 2, 6 and 8 publish with data, tooltips and the rows expected."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from lineage_graph import connect

from analysis import charts
from analysis.metrics import lineage, lineage_figures, tracker
from analysis.provenance import Provenance

PROV = Provenance(
    weeks=(dt.date(2025, 1, 1), dt.date(2025, 1, 15)), revision="test", generated=True
)


def _publish(chart_data, name: str, tmp_path: Path) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    chart, data = chart_data
    fig = charts.publish(
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
    # top 2 bases by tree size in week 3: R (5), then A (3); rows: their relations with tree > 0
    bars = _publish(
        lineage_figures.derivatives_bars(lineage.derivatives_per_base(con), top=2), "bars", tmp_path
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
        lineage_figures.families_over_time(lineage.top_families_over_time(con, 1)), "fam", tmp_path
    )
    assert fam["derivatives"].tolist() == [1, 2, 5]
    share = _publish(
        lineage_figures.base_share_line(lineage.declared_base_share(con)), "share", tmp_path
    )
    assert share["share"].tolist() == [1.0, 1.0, 0.5]


def test_tracker_chart(tmp_path: Path) -> None:
    con = connect()
    s = tracker.derivatives_by_week(con, "org/Base-One", scope="tree")
    data = _publish(lineage_figures.tracker_lines(s, "Relation"), "tl", tmp_path)
    assert len(data) == len(s) == 8 * 3  # weeks 0..7 x finetune, merge, quantized
