"""Lineage metrics on the hand-built history of tests/lineage_graph.py.

Expected values are worked out by hand from the tree drawn in that module's docstring.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
from lineage_graph import W1, W2, W3, connect

from analysis import platforms
from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.query import table_exists


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return connect()


@pytest.fixture(scope="module")
def graph(con: duckdb.DuckDBPyConnection) -> Lineage:
    return Lineage(con)


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def test_edges_week3_resolution(graph: Lineage) -> None:
    e = graph.edges(W3)
    got = {
        (r.child_uid, r.parent_pos): (r.parent_uid, r.resolution, r.is_self) for r in e.itertuples()
    }
    # 12 declared links: A, B, M x3, D, N, S, X, Y, C, Z
    assert len(e) == 12
    assert got[("A", 1)] == ("R", "_id", False)
    # the merge keeps one row per parent, in declared order, n_parents = 3
    assert [got[("M", i)][0] for i in (1, 2, 3)] == ["A", "B", "R2"]
    assert set(e.loc[e.child_uid == "M", "n_parents"]) == {3}
    # N names R by its old id "org/Base-1" (no _id given): resolved through week 2's name of R
    assert got[("N", 1)] == ("R", "renamed", False)
    n = e[e.child_uid == "N"].iloc[0]
    assert (n.parent_ref_id, n.parent_id, n.parent_licence) == (
        "org/Base-1",
        "org/Base-One",
        "apache-2.0",
    )
    assert got[("S", 1)] == ("S", "_id", True)
    # a parent not on the Hub is kept, keyed by its id
    assert got[("Z", 1)] == ("id:gone/model", "unresolved", False)
    a = e[e.child_uid == "A"].iloc[0]
    assert (a.child_licence, a.parent_licence, a.relation, a.source) == (
        "mit",
        "apache-2.0",
        "finetune",
        "baseModels",
    )


def test_edges_week1_from_tags_without_id(graph: Lineage) -> None:
    # week 1 has no _id and no baseModels: the link comes from the tags, keys are 'id:<id>'
    e = graph.edges(W1)
    assert len(e) == 1
    r = e.iloc[0]
    assert (r.child_uid, r.parent_uid, r.relation, r.resolution, r.source) == (
        "id:u/ft",
        "id:org/Base-1",
        "finetune",
        "id",
        "tags",
    )
    # all weeks: 1 + 2 (week 2: A, B) + 12
    assert len(graph.edges_every_week()) == 15


def test_families_roots_self_and_cycle(graph: Lineage) -> None:
    f = graph.families(W3)
    roots = {}
    for r in f.itertuples():
        roots.setdefault(r.node_uid, set()).add((r.root_uid, r.depth, r.root_kind))
    # D descends from R (R-A-B-M-D: shortest R-A-M-D = 3) and from R2 (R2-M-D = 2)
    assert roots["D"] == {("R", 3, "root"), ("R2", 2, "root")}
    assert roots["M"] == {("R", 2, "root"), ("R2", 1, "root")}
    assert roots["N"] == {("R", 1, "root")}
    # self-named base: the link is ignored, S is its own root
    assert roots["S"] == {("S", 0, "root")}
    # the cycle X <-> Y and C below it: named after the smallest member, X
    assert roots["X"] == {("X", 0, "cycle")}
    assert roots["Y"] == {("X", 1, "cycle")}
    assert roots["C"] == {("X", 1, "cycle")}
    assert roots["Z"] == {("id:gone/model", 1, "root")}


def test_cycle_walk_terminates_with_depth_bound(
    con: duckdb.DuckDBPyConnection, graph: Lineage
) -> None:
    other = connect()
    Lineage(other).build_families(max_depth=1)
    # with one step only, D reaches just M
    anc = other.execute(
        "SELECT ancestor_uid FROM lineage_ancestry WHERE week = $w AND node_uid = 'D'",
        {"w": _d(W3)},
    ).fetchall()
    assert anc == [("M",)]
    with pytest.raises(ValueError, match="max_depth"):
        Lineage(connect()).build_families(max_depth=0)
    # the unbounded walk: X reaches Y (1) and itself (2), and stops
    full = con.execute(
        "SELECT ancestor_uid, depth FROM lineage_ancestry WHERE week = $w AND node_uid = 'X' ORDER BY 1",
        {"w": _d(W3)},
    ).fetchall()
    assert full == [("X", 2), ("Y", 1)]


def test_derivatives_per_base(graph: Lineage) -> None:
    d = platforms.derivatives_per_base(graph, W3)
    got = {(r.base_uid, r.relation): (r.direct, r.tree) for r in d.itertuples()}
    # R: direct A, N (finetune); tree A, N, D (finetune), B (quantized), M (merge)
    assert got[("R", "all")] == (2, 5)
    assert got[("R", "finetune")] == (2, 3)
    assert got[("R", "quantized")] == (0, 1)
    assert got[("R", "merge")] == (0, 1)
    # the three-parent merge M counts once under each parent
    assert got[("A", "merge")] == (1, 1)
    assert got[("B", "merge")] == (1, 1)
    assert got[("R2", "merge")] == (1, 1)
    assert got[("R2", "all")] == (1, 2)  # tree: M and D
    assert got[("A", "all")] == (2, 3)  # direct B, M; tree B, M, D
    # cycle: X has Y and C as children; Y has X (direct) and C (via X)
    assert got[("X", "all")] == (2, 2)
    assert got[("Y", "all")] == (1, 2)
    assert got[("id:gone/model", "adapter")] == (1, 1)
    # S's self link makes no derivative
    assert not (d.base_uid == "S").any()
    r = d[(d.base_uid == "R") & (d.relation == "all")].iloc[0]
    assert (r.base_id, r.base_author, r.on_hub) == ("org/Base-One", "org", True)


def test_family_shape(graph: Lineage) -> None:
    s = platforms.family_shape(graph, W3).set_index("root_uid")
    # R: members R, A, N (1), B, M (2), D (3)
    assert s.loc["R", ["size", "derivatives", "depth", "breadth", "direct"]].tolist() == [
        6,
        5,
        3,
        2,
        2,
    ]
    # R2: M (1), D (2)
    assert s.loc["R2", ["size", "derivatives", "depth", "breadth", "direct"]].tolist() == [
        3,
        2,
        2,
        1,
        1,
    ]
    # the cycle family: X (0), Y and C (1)
    assert s.loc["X", ["root_kind", "derivatives", "depth", "breadth"]].tolist() == [
        "cycle",
        2,
        1,
        2,
    ]
    assert s.loc["id:gone/model", ["on_hub", "derivatives"]].tolist() == [False, 1]
    assert "S" not in s.index  # a family of one
    assert list(s.index[:1]) == ["R"]  # largest first


def test_top_families_over_time_follows_renames_and_missing_ids(
    con: duckdb.DuckDBPyConnection,
) -> None:
    t = platforms.top_families_over_time(con, n=2)
    got = [(r.week.isoformat()[:10], r.family, r.derivatives) for r in t.itertuples()]
    # R is 'id:org/Base-1' in week 1 (no _id), R named 'org/Base-1' in week 2, 'org/Base-One' in
    # week 3: one line named by its latest id. Second: tie at 2 between c/x and org2/Other -> c/x.
    # ordered by week, then by the latest size
    assert got == [
        (W1, "org/Base-One", 1),
        (W2, "org/Base-One", 2),
        (W3, "org/Base-One", 5),
        (W3, "c/x", 2),
    ]
    with pytest.raises(ValueError):
        platforms.top_families_over_time(con, n=0)


def test_declared_base_share(con: duckdb.DuckDBPyConnection) -> None:
    s = platforms.declared_base_share(con).set_index("week")
    # week 1: u/ft created 01-02 (with base) -> 1/1; week 2: v/q created 01-09 -> 1/1;
    # week 3: n/new (01-16, base) and solo/plain (01-17, none) -> 1/2
    assert s["n_created"].tolist() == [1, 1, 2]
    assert s["n_with_base"].tolist() == [1, 1, 1]
    assert s["share"].tolist() == [1.0, 1.0, 0.5]
    by_rel = platforms.base_share(con)
    w3 = by_rel[by_rel.week == pd.Timestamp(W3)].set_index("relation")
    assert w3.loc["finetune", "n_created"] == 1 and w3.loc["none", "n_created"] == 1
    # models existing in week 3 by relation: finetune A, D, N, X, Y, C = 6; S names only
    # itself, so it declares no base model (as the family trees leave its link out)
    assert w3.loc["finetune", "n_models"] == 6


def test_repeated_week_gets_no_share() -> None:
    con = connect(repeats={("models", W2): W1})
    s = platforms.declared_base_share(con).set_index("week")
    assert pd.isna(s.loc[pd.Timestamp(W2), "share"])
    assert s.loc[pd.Timestamp(W3), "share"] == 0.5


def test_errors_name_what_is_missing() -> None:
    empty = duckdb.connect()
    with pytest.raises(HubObsError, match="fact_models__edges"):
        Lineage(empty).edges()
    con = connect()
    with pytest.raises(HubObsError, match="2030-01-01"):
        platforms.family_shape(Lineage(con), "2030-01-01")


def test_a_built_week_is_kept_unless_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    other = connect()
    g = Lineage(other)
    walks: list[object] = []
    real = Lineage._walk_up

    def counting(*args: object) -> None:
        walks.append(args[1])
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(Lineage, "_walk_up", counting)
    g.build_families(week=W3)
    platforms.family_shape(g, W3)  # reuses the tree built above
    g.build_families(week=W3)
    assert len(walks) == 1
    g.build_families(week=W3, force=True)
    g.build_families(max_depth=2, week=W3)  # another bound: built again
    assert len(walks) == 3
    # the walk leaves no working tables behind
    assert not table_exists(other, "lineage_frontier")
    assert not table_exists(other, "lineage_links_week")


def test_a_graph_owns_its_tables(monkeypatch: pytest.MonkeyPatch) -> None:
    other = connect()
    g = Lineage(other)
    g.families(W3)
    with pytest.raises(HubObsError, match="already has a lineage graph"):
        Lineage(other)
    g.close()
    assert not [
        t for t in ("lineage_edges", "lineage_families", "lineage_built") if table_exists(other, t)
    ]
    Lineage(other).families(W3)  # a new graph after the first was closed
