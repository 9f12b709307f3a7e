"""Release tracker on the hand-built history of tests/lineage_graph.py.

Base "org/Base-One" (R) was created 2024-12-01 00:00; snapshot week 3 is 2025-01-15, whose file
covers up to 2025-01-22: last week index floor(52 days / 7) = 7, so weeks 0..7. Derivatives
(days after release -> week): A 2025-01-02 (32 -> 4, finetune, author u), B 01-09 (39 -> 5,
quantized, v), M 01-10 (40 -> 5, merge, w), D 01-12 (42 -> 6, finetune, u), N 01-16
(46 -> 6, finetune, n). Direct: A and N.
"""

from __future__ import annotations

import pytest
from lineage_graph import W3, connect

from analysis import tracker
from analysis.errors import HubObsError
from analysis.lineage import Lineage


@pytest.fixture(scope="module")
def graph() -> Lineage:
    return Lineage(connect())


def _series(df, group):  # type: ignore[no-untyped-def]
    g = df[df["group"] == group]
    return g["new_derivatives"].tolist(), g["cumulative"].tolist()


def test_direct_by_relation(graph: Lineage) -> None:
    df = tracker.derivatives_by_week(graph, "org/Base-One")
    assert sorted(set(df["group"])) == ["finetune"]
    assert df["weeks_since_release"].tolist() == list(range(8))
    new, cum = _series(df, "finetune")
    assert new == [0, 0, 0, 0, 1, 0, 1, 0]
    assert cum[-1] == 2
    assert df["week_start"].iloc[4].isoformat()[:10] == "2024-12-29"


def test_tree_by_relation_and_by_author(graph: Lineage) -> None:
    df = tracker.derivatives_by_week(graph, "org/Base-One", scope="tree")
    assert _series(df, "finetune")[0] == [0, 0, 0, 0, 1, 0, 2, 0]
    assert _series(df, "quantized")[0] == [0, 0, 0, 0, 0, 1, 0, 0]
    assert _series(df, "merge")[0] == [0, 0, 0, 0, 0, 1, 0, 0]
    # authors: u 2 (A, D), then n, v, w 1 each: top 2 = u, n (name order); v and w are 'other'
    by = tracker.derivatives_by_week(graph, "org/Base-One", by="author", scope="tree", top=2)
    assert sorted(set(by["group"])) == ["n", "other", "u"]
    assert _series(by, "u")[0] == [0, 0, 0, 0, 1, 0, 1, 0]
    assert _series(by, "other")[0] == [0, 0, 0, 0, 0, 2, 0, 0]


def test_old_name_resolves_through_rename(graph: Lineage) -> None:
    base = tracker.resolve_base(graph, "org/Base-1")
    assert (base.uid, base.id, base.match) == ("R", "org/Base-One", "renamed")
    assert tracker.derivatives_by_week(graph, "org/Base-1").equals(
        tracker.derivatives_by_week(graph, "org/Base-One")
    )


def test_unknown_id_lists_close_matches(graph: Lineage) -> None:
    with pytest.raises(HubObsError, match=r"'org/Base-Onee'.*close matches: 'org/Base-One'"):
        tracker.derivatives_by_week(graph, "org/Base-Onee")
    with pytest.raises(HubObsError, match="not on the Hub"):
        tracker.derivatives_by_week(graph, "gone/model")
    with pytest.raises(ValueError):
        tracker.derivatives_by_week(graph, "org/Base-One", by="licence")  # type: ignore[arg-type]


def test_by_snapshot_counts_every_name(graph: Lineage) -> None:
    # week 1: u/ft -> org/Base-1 (tags), created 01-02 in that week; week 2: A -> org/Base-1;
    # week 3: A -> org/Base-One and N -> org/Base-1 (old name), N created that week
    df = tracker.derivatives_by_snapshot(graph, "org/Base-One")
    got = [
        (str(r.week)[:10], r.relation, r.derivatives, r.created_that_week) for r in df.itertuples()
    ]
    assert got == [
        ("2025-01-01", "finetune", 1, 1),
        ("2025-01-08", "finetune", 1, 0),
        (W3, "finetune", 2, 1),
    ]
