"""The per-week family-size fact on the hand-built lineage history of tests/lineage_graph.py."""

from __future__ import annotations

import duckdb
import pytest
from lineage_graph import W1, W2, W3, connect


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return connect()


def _sizes(con: duckdb.DuckDBPyConnection, week: str) -> dict[str, tuple[str | None, str, int]]:
    rows = con.execute(
        "SELECT root_uid, root_label, root_kind, derivatives FROM fact_models__family_sizes "
        "WHERE week = CAST($w AS DATE)",
        {"w": week},
    ).fetchall()
    return {r[0]: (r[1], r[2], r[3]) for r in rows}


def test_week3_families_with_parents_resolved_within_the_week(
    con: duckdb.DuckDBPyConnection,
) -> None:
    s = _sizes(con, W3)
    # R's tree without N (N names R's old id, not followed within the week): A, B, M, D
    assert s["R"] == ("org/Base-One", "root", 4)
    assert s["id:org/Base-1"] == ("org/Base-1", "root", 1)  # N under the old name
    assert s["R2"][2] == 2  # M and D
    assert s["X"] == ("c/x", "cycle", 2)  # Y and C
    assert s["id:gone/model"] == ("gone/model", "root", 1)
    assert "S" not in s  # a self link makes no family


def test_earlier_weeks(con: duckdb.DuckDBPyConnection) -> None:
    assert _sizes(con, W1) == {"id:org/Base-1": ("org/Base-1", "root", 1)}
    assert _sizes(con, W2) == {"R": ("org/Base-1", "root", 2)}


def test_sizes_agree_with_the_one_week_tree_where_no_rename_is_involved(
    con: duckdb.DuckDBPyConnection,
) -> None:
    from analysis import platforms
    from analysis.lineage import Lineage

    shape = platforms.family_shape(Lineage(con), W3).set_index("root_uid")["derivatives"].to_dict()
    s = _sizes(con, W3)
    for uid in ("R2", "X", "id:gone/model"):
        assert s[uid][2] == shape[uid]
    # the renamed link: the tree follows it, the weekly fact counts it under the old name
    assert shape["R"] == s["R"][2] + s["id:org/Base-1"][2]
