"""Glue for the platforms, lifecycle and tracker notebooks: findings sentences and line picking.

Worked values use the hand-built histories of tests/lineage_graph.py (week 3, 2025-01-15) and
tests/test_metrics_lifecycle.py (n_weeks = 4, window_weeks = 4, threshold = 0.25).
"""

from __future__ import annotations

import datetime as dt

import pytest
from lineage_graph import W3
from lineage_graph import connect as lineage_connect
from metrics_tables import build
from test_metrics_lifecycle import rows as lifecycle_rows

from analysis import lifecycle, platforms, tracker
from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.provenance import Provenance

PROV = Provenance(weeks=(dt.date(2025, 1, 15),), revision="test", generated=True)


@pytest.fixture(scope="module")
def graph() -> Lineage:
    return Lineage(lineage_connect())


@pytest.fixture(scope="module")
def life() -> Lineage:
    return Lineage(build({"models": lifecycle_rows()}))


def _plain(text: str) -> str:
    return text.replace("\\", "")


def test_platforms_findings(graph: Lineage) -> None:
    f = platforms.findings(
        graph.pick_week(W3),
        platforms.declared_relations(graph, W3),
        platforms.derivatives_per_base(graph, W3),
        platforms.family_shape(graph, W3),
        platforms.declared_base_share(graph.con),
        PROV,
    )
    s = [_plain(x) for x in f.sentences]
    # declaring children (self-link S left out): A D N X Y C finetune, B quantized, Z adapter, M merge;
    # bases named: R, A, B, R2, M, X, Y and the unresolved gone/model
    assert s[0] == (
        "In the snapshot of 2025-01-15, 9 models declared a base model: 6 fine-tunes, "
        "1 quantization, 1 adapter and 1 merge. They name 8 distinct models as bases."
    )
    # families R (5 derivatives, 2 direct), R2, X, gone/model
    assert s[1].startswith("The largest family, rooted at org/Base-One, held 5 derivatives")
    assert "2 of them naming the root directly; 4 families had" in s[1]
    # R: depth 3; breadth 2 (ties with the cycle family X, which has fewer derivatives)
    assert s[2] == (
        "The deepest family (org/Base-One) reached 3 generations below its root; the broadest "
        "(org/Base-One) had 2 models at one distance from its root."
    )
    # created: week 1 one (with base), week 2 one (with base), week 3 two (one with base)
    assert s[3] == (
        "Of the 2 models created in the last measured week (2025-01-15), 50.0% declared a base "
        "model; over the 3 weeks measured (repeated weeks left out) the weekly share ranged "
        "from 50.0% to 100.0%."
    )


def test_require_window_top_lines_and_pick_line(life: Lineage) -> None:
    c = lifecycle.classify(life, n_weeks=4, window_weeks=4, threshold=0.25)
    got = lifecycle.require_window(c, 4).set_index("line")["pattern"].to_dict()
    # lumen's window holds 6 (kept, nomadic); pers's holds 3 (< 4: too few)
    assert got == {
        "lum/lumen": "nomadic",
        "per/pers": lifecycle.TOO_FEW,
        "solo/solo": "single release",
        "new/neo": "too recent",
    }
    assert (
        lifecycle.require_window(c, 3).set_index("line").loc["per/pers", "pattern"] == "persistent"
    )
    assert c.set_index("line").loc["per/pers", "pattern"] == "persistent"  # input untouched
    r = lifecycle.releases(life)
    # derivatives: lumen 6 + 4 + 1, pers 4 + 1, neo 1 + 1; solo has one generation
    assert lifecycle.top_lines(r, 6) == ["lum/lumen", "per/pers", "new/neo"]
    assert lifecycle.top_lines(r, 1) == ["lum/lumen"]
    assert lifecycle.pick_line(r) == "lum/lumen"
    assert lifecycle.pick_line(r, "per/pers") == "per/pers"
    with pytest.raises(HubObsError, match="line 'nope/x' is not among the releases"):
        lifecycle.pick_line(r, "nope/x")
    with pytest.raises(ValueError):
        lifecycle.require_window(c, -1)


def test_lifecycle_findings(life: Lineage) -> None:
    c = lifecycle.require_window(
        lifecycle.classify(life, n_weeks=4, window_weeks=4, threshold=0.25), 4
    )
    f = lifecycle.findings(
        c,
        lifecycle.releases(life),
        PROV,
        n_weeks=4,
        window_weeks=4,
        threshold=0.25,
        min_window_derivatives=4,
    )
    s = [_plain(x) for x in f.sentences]
    assert s[0].startswith(
        "4 lines had a release with derivatives; 3 lines had at least two generations. Of these, "
        "1 had a successor whose window (weeks 4 to 8 after its release) was over and held at "
        "least 4 new derivatives: 0 persistent and 1 nomadic (persistent when at least 25%"
    )
    assert s[1] == "1 line was left undecided: the window held fewer than 4 new derivatives."
    assert s[2] == "1 line was left undecided: the successor's window is not over yet."
    # lumen: 1 of 6 to older generations only; decay 0.5 -> a change of -50%
    assert s[3].startswith(
        "In the most active decided line, lum/lumen, 17% of the 6 new derivatives"
    )
    assert "generation 2 was released went to older generations only (nomadic)" in s[3]
    assert "changed by a median of -50% in the window (from -50% to -50%)" in s[4]


def test_release_summary_and_tracker_findings(graph: Lineage) -> None:
    # org/Base-One (created 2024-12-01): direct A (week 4, u) and N (week 6, n), both
    # fine-tunes; tree A, B, M, D, N
    r = tracker.release_summary(graph, "org/Base-One", W3, early_weeks=5)
    assert (r.direct, r.tree, r.by_relation) == (2, 5, {"finetune": 2})
    assert (r.early, r.busiest_week, r.busiest_new) == (1, 4, 1)
    assert (r.authors, r.top_author, r.top_author_count) == (2, "n", 1)
    asked = tracker.release_summary(graph, "org/Base-1", W3, early_weeks=4)
    s = [_plain(x) for x in tracker.findings(asked, "org/Base-1", PROV).sentences]
    assert s[0] == (
        "org/Base-One was created on 2024-12-01; by the snapshot of 2025-01-15 it had 2 direct "
        "derivatives naming it as their base (2 fine-tunes) and 5 derivatives over its whole "
        "family tree."
    )
    assert s[1] == "It was found under an earlier name, org/Base-1; it is now org/Base-One."
    assert s[2] == (
        "0% of the direct derivatives appeared in the first 4 weeks after the release; the "
        "busiest week was week 4 after release, with 1 new derivative."
    )
    assert s[3] == "They were made by 2 distinct authors, one each."
    with pytest.raises(ValueError):
        tracker.release_summary(graph, "org/Base-One", W3, early_weeks=0)


def test_findings_plain_text_is_deterministic() -> None:
    # Jupyter stores repr() as text/plain beside the Markdown: it must not hold a memory address
    from analysis.findings import Findings

    f = Findings(PROV)
    f.add("{n} models", n=3)
    assert repr(f) == f.to_markdown() and " at 0x" not in repr(f)
