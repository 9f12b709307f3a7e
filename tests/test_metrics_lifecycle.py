"""Lifecycle metrics on a hand-built week. Expected values worked out in comments.

Snapshot week W = 2024-06-05 (its file covers up to 2024-06-12). Parameters used: n_weeks = 4,
window_weeks = 4, threshold = 0.25. A successor released 2024-03-04 (a Monday) therefore has
its window [2024-04-01, 2024-04-29) and the "before" period [2024-02-05, 2024-03-04).

Lines:
* lum/lumen (nomadic): Lumen-1-7B (2024-01-01); Lumen-2-7B (03-04) and Lumen-2-70B (03-06, two
  days later: the same generation 2). Gen 1 derivatives a0..a3 on 02-05, 02-12, 02-19, 02-26
  (before) and a4 on 04-08 (window); gen 2 derivatives b0..b2 of the 7B on 04-01, 04-08, 04-15
  and b3 of the 70B on 04-22; merge m1 of Lumen-1 and Lumen-2 on 04-10.
  Window: a4 (older only), b0..b3, m1 (descends from gen 2 too: newer) -> 6, older 1,
  old_share 1/6 < 0.25: nomadic. rate_before 4/4 = 1; rate_after (a4, m1 descend from gen 1)
  2/4 = 0.5; decay 1 - 2/4 = 0.5.
* per/pers (persistent): Pers-1 (01-01), Pers-2 (03-04). p0, p1 (02-05, 02-12) of Pers-1;
  window: p2, p3 (04-01, 04-02) of Pers-1, q0 (04-03) of Pers-2 -> old_share 2/3: persistent;
  rate_before 2/4, rate_after 2/4, decay 0.
* solo/solo: one release (Solo-1, 2024-01-03), derivative s0 created 2023-12-20 (before the
  release: counted from the release on): single release.
* new/neo: Neo-1 (01-01), Neo-2 (05-20): window ends 07-15, after 06-12: too recent.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from metrics_tables import build, ts

from analysis import lifecycle
from analysis.lineage import Lineage

W = "2024-06-05"
PARAMS: dict[str, Any] = {"n_weeks": 4, "window_weeks": 4, "threshold": 0.25}


def _m(_id: str, id_: str, created: str, rel: str | None = None, *parents: str) -> dict[str, Any]:
    row: dict[str, Any] = {
        "week": W,
        "_id": _id,
        "id": id_,
        "author": id_.split("/")[0],
        "createdAt": ts(created),
    }
    if rel:
        row["baseModels"] = {"relation": rel, "models": [{"_id": p, "id": None} for p in parents]}
    return row


def rows() -> list[dict[str, Any]]:
    r = [
        _m("L1", "lum/Lumen-1-7B", "2024-01-01"),
        _m("L2", "lum/Lumen-2-7B", "2024-03-04"),
        _m("L2b", "lum/Lumen-2-70B", "2024-03-06"),
        _m("P1", "per/Pers-1", "2024-01-01"),
        _m("P2", "per/Pers-2", "2024-03-04"),
        _m("O1", "solo/Solo-1", "2024-01-03"),
        _m("s0", "x/s0", "2023-12-20", "finetune", "O1"),
        _m("N1", "new/Neo-1", "2024-01-01"),
        _m("N2", "new/Neo-2", "2024-05-20"),
        _m("n0", "x/n0", "2024-01-10", "finetune", "N1"),
        _m("n1", "x/n1", "2024-05-27", "finetune", "N2"),
        _m("a4", "x/a4", "2024-04-08", "finetune", "L1"),
        _m("b0", "x/b0", "2024-04-01", "finetune", "L2"),
        _m("b1", "x/b1", "2024-04-08", "quantized", "L2"),
        _m("b2", "x/b2", "2024-04-15", "finetune", "L2"),
        _m("b3", "x/b3", "2024-04-22", "finetune", "L2b"),
        _m("m1", "x/m1", "2024-04-10", "merge", "L1", "L2"),
        _m("p0", "x/p0", "2024-02-05", "finetune", "P1"),
        _m("p1", "x/p1", "2024-02-12", "finetune", "P1"),
        _m("p2", "x/p2", "2024-04-01", "finetune", "P1"),
        _m("p3", "x/p3", "2024-04-02", "finetune", "P1"),
        _m("q0", "x/q0", "2024-04-03", "finetune", "P2"),
    ]
    r += [_m(f"a{i}", f"x/a{i}", f"2024-02-{5 + 7 * i:02d}", "finetune", "L1") for i in range(4)]
    return r


@pytest.fixture(scope="module")
def graph() -> Lineage:
    return Lineage(build({"models": rows()}))


def test_releases_lines_and_generations(graph: Lineage) -> None:
    r = lifecycle.releases(graph)
    got = {(x.line, x.release_id): (x.generation, x.n_generations) for x in r.itertuples()}
    assert got == {
        ("lum/lumen", "lum/Lumen-1-7B"): (1, 2),
        ("lum/lumen", "lum/Lumen-2-7B"): (2, 2),
        ("lum/lumen", "lum/Lumen-2-70B"): (2, 2),  # two days after the 7B: same generation
        ("per/pers", "per/Pers-1"): (1, 2),
        ("per/pers", "per/Pers-2"): (2, 2),
        ("solo/solo", "solo/Solo-1"): (1, 1),
        ("new/neo", "new/Neo-1"): (1, 2),
        ("new/neo", "new/Neo-2"): (2, 2),
    }
    l1 = r[r.release_id == "lum/Lumen-1-7B"].iloc[0]
    assert l1.successor_start == pd.Timestamp("2024-03-04")
    assert l1.derivatives == 6  # a0..a4, m1
    # a larger minimum drops releases with fewer derivatives (Lumen-2-70B has 1)
    r2 = lifecycle.releases(graph, min_derivatives=2)
    assert "lum/Lumen-2-70B" not in set(r2.release_id)
    # a generation gap of 1 day splits Lumen-2-7B and -70B into generations 2 and 3
    r3 = lifecycle.releases(graph, generation_gap_days=1)
    assert set(r3.loc[r3.line == "lum/lumen", "generation"]) == {1, 2, 3}


def test_classify_nomadic_persistent(graph: Lineage) -> None:
    c = lifecycle.classify(graph, **PARAMS).set_index("line")
    assert c.loc["lum/lumen", "pattern"] == "nomadic"
    assert c.loc["lum/lumen", "window_derivatives"] == 6
    assert c.loc["lum/lumen", "window_to_older"] == 1
    assert c.loc["lum/lumen", "old_share"] == pytest.approx(1 / 6)
    assert c.loc["lum/lumen", ["rate_before", "rate_after", "decay"]].tolist() == pytest.approx(
        [1.0, 0.5, 0.5]
    )
    assert c.loc["per/pers", "pattern"] == "persistent"
    assert c.loc["per/pers", "old_share"] == pytest.approx(2 / 3)
    assert c.loc["per/pers", "decay"] == pytest.approx(0.0)
    assert c.loc["solo/solo", "pattern"] == "single release"
    assert c.loc["new/neo", "pattern"] == "too recent"
    # a threshold above 2/3 turns pers nomadic
    c2 = lifecycle.classify(graph, **{**PARAMS, "threshold": 0.7}).set_index("line")
    assert c2.loc["per/pers", "pattern"] == "nomadic"
    with pytest.raises(ValueError):
        lifecycle.classify(graph, threshold=1.5)


def test_rates_after_release_and_successor(graph: Lineage) -> None:
    r = lifecycle.derivative_rates(graph)
    lum = r[r.line == "lum/lumen"].set_index(["generation", "week_start"])
    # week of Monday 2024-04-08: gen 1 gets a4 and m1, gen 2 gets b1 and m1; the line 3 distinct
    g1 = lum.loc[(1, pd.Timestamp("2024-04-08"))]
    g2 = lum.loc[(2, pd.Timestamp("2024-04-08"))]
    assert (g1.new_derivatives, g1.line_new_derivatives, g1.weeks_since_release) == (2, 3, 14)
    assert g1.weeks_since_successor == 5  # 2024-03-04 + 5 weeks
    assert g1.share_of_line == pytest.approx(2 / 3)
    assert (bool(g1.is_newest), bool(g2.is_newest)) == (False, True)
    # zero weeks are rows: gen 1 from 2024-01-01 to the week holding 2024-06-05 (Mon 06-03): 23 weeks
    assert len(lum.loc[1]) == 23
    assert lum.loc[1].new_derivatives.sum() == 6
    # a derivative created before its release counts from the release week on
    solo = r[r.line == "solo/solo"]
    assert solo.iloc[0].week_start == pd.Timestamp("2024-01-01")
    assert solo.iloc[0].new_derivatives == 1
