"""Lineage cycles counted: the fact ``models__cycles``, the family walk
(``Lineage.cycle_members``), the platforms findings and the Data page row, on the hand-built
history of tests/lineage_graph.py (week 3: X c/x -> Y c/y -> X, C c/child -> X; S names itself)."""

from __future__ import annotations

import datetime as dt

from lineage_graph import W2, W3, connect

from analysis import platforms
from analysis.facts.quality import CYCLES_LABEL, summary_markdown
from analysis.lineage import Lineage
from analysis.provenance import Provenance


def test_cycle_fact_counts_models_on_and_below_cycles() -> None:
    con = connect()
    got = con.execute(
        "SELECT week, models_in_cycles, models_below_cycles FROM fact_models__cycles ORDER BY week"
    ).fetchall()
    # week 1 (2025-01-01): u/ft -> org/Base-1, no cycle; week 2: A -> R, B -> A, no cycle;
    # week 3: X and Y on the cycle; X, Y and C (child of X) have no true root; S's self-link is
    # no link of the walk
    assert got == [
        (dt.date(2025, 1, 1), 0, 0),
        (dt.date.fromisoformat(W2), 0, 0),
        (dt.date.fromisoformat(W3), 2, 3),
    ]


def test_family_walk_and_findings_say_how_many_models_are_in_a_cycle() -> None:
    con = connect()
    graph = Lineage(con)
    assert graph.cycle_members(W3) == ["X", "Y"]
    assert graph.cycle_members(W2) == []
    links = platforms.link_counts(graph, W3)
    assert links["in_cycle"] == 2
    week = dt.date.fromisoformat(W3)
    prov = Provenance(weeks=(week,), revision="r", generated=False)
    f = platforms.findings(
        week,
        platforms.declared_relations(graph, W3),
        platforms.derivatives_per_base(graph, W3),
        platforms.family_shape(graph, W3),
        platforms.declared_base_share(con),
        prov,
        links,
    )
    assert (
        "2 models are on a cycle of base-model links (A's base is B and B's base is A, or a "
        "longer round): the walk up stops there, and their family is named after the cycle's "
        "smallest id." in [s.replace("\\", "") for s in f.sentences]
    )


def test_data_page_row_sums_the_cycle_members() -> None:
    con = connect()
    # hand-built tables have no raw views: the quality facts are not there, the page needs them
    for kind in ("models", "datasets", "spaces"):
        con.execute(
            f"CREATE TABLE fact_{kind}__quality AS SELECT NULL::DATE AS week, 0::BIGINT AS rows, "
            + ", ".join(
                f"0::BIGINT AS {c}"
                for c in [
                    "duplicate_ids",
                    "null_or_empty_ids",
                    "null_authors",
                    "negative_downloads",
                    "negative_likes",
                    "placeholder_created",
                    "created_after_week",
                    "self_links",
                    "non_integer_downloads",
                    "non_integer_likes",
                ]
            )
            + " WHERE false"
        )
    row = next(line for line in summary_markdown(con).splitlines() if CYCLES_LABEL in line)
    assert row == f"| {CYCLES_LABEL} | 2 | n/a | n/a |"
