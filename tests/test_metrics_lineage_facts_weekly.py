"""The lineage facts added for scale keep `week` as a key: over two weeks they equal
the union of each week alone, as the fact store computes them week by week."""

from __future__ import annotations

import pandas as pd
import pytest
from lineage_graph import rows as lineage_rows
from metrics_tables import build

NEW = ["fact_models__licence_drift", "fact_models__parent_names"]


def _frame(con, table: str) -> pd.DataFrame:
    df = con.table(table).df()
    return df.sort_values(list(df.columns)).reset_index(drop=True)


@pytest.mark.parametrize("table", NEW)
def test_two_weeks_equal_the_union_of_each_week(table: str) -> None:
    all_rows = lineage_rows()
    weeks = sorted({str(r["week"]) for r in all_rows})
    a = [r for r in all_rows if str(r["week"]) == weeks[1]]
    b = [r for r in all_rows if str(r["week"]) == weeks[2]]
    both = build({"models": a + b})
    union = pd.concat(
        [_frame(build({"models": a}), table), _frame(build({"models": b}), table)],
        ignore_index=True,
    )
    expected = union.sort_values(list(union.columns)).reset_index(drop=True)
    got = _frame(both, table)
    assert len(got) > 0
    assert got["week"].nunique() == 2
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


def test_parent_names_holds_ids_named_as_parents() -> None:
    con = build({"models": lineage_rows()})
    got = con.execute(
        "SELECT CAST(week AS VARCHAR), id, _id FROM fact_models__parent_names "
        "WHERE id = 'org/Base-1' ORDER BY week"
    ).fetchall()
    # week 1 has no _id (left out); in week 2 R is 'org/Base-1' and A names it
    assert got == [("2025-01-08", "org/Base-1", "R")]
