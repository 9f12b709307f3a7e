"""Findings sentences added for the posts: every number worked out by hand here."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import concentration, licences, organizations
from analysis.concentration import published_reference
from analysis.provenance import Provenance

PROV = Provenance(
    weeks=(dt.date(2025, 1, 1), dt.date(2025, 1, 8)), revision="abc123", generated=True
)
W1, W2, W3 = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-08"), pd.Timestamp("2025-01-15")


def test_countries_names_the_largest_known_country_and_the_unmapped_share() -> None:
    by_country = pd.DataFrame(
        {
            "repo_kind": ["models", "models", "models", "models", "datasets"],
            "country": ["unmapped", "US", "FR", "unknown", "unmapped"],
            "repos": [50, 30, 15, 5, 10],
            "authors": [20, 3, 2, 1, 5],
            "share": [0.5, 0.3, 0.15, 0.05, 1.0],
        }
    )
    s = organizations.countries(by_country, PROV).sentences
    assert s == [
        "Models: owners based in US hold the most of any known country (30.0% of all models, "
        "2 countries known in all); 50.0% belong to owners not in the mapping.",
        "No owner of datasets has a known country in the mapping (100.0% are unmapped).",
    ]


def _conc(
    measure: str, rows: list[tuple[pd.Timestamp, float, float, float | None, bool]]
) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "week": [r[0] for r in rows],
            "measure": measure,
            "zero_share": [r[1] for r in rows],
            "top1_share": [r[2] for r in rows],
            "gini": [r[3] for r in rows],
            "is_repeat": [r[4] for r in rows],
        }
    )


def test_concentration_over_time_skips_repeats_and_states_the_reference_as_theirs() -> None:
    weekly = pd.concat(
        [
            _conc(
                "downloads",
                [
                    (W1, 0.8, 0.99, 0.9941, False),
                    (W2, 0.5, 0.5, 0.5, True),
                    (W3, 0.85, 0.995, 0.9962, False),
                ],
            ),
            _conc("likes", [(W1, 0.7, 0.9, 0.95, False)]),
            _conc("downloadsAllTime", [(W1, 0.1, 0.1, None, False), (W3, 0.25, 0.9, 0.975, False)]),
        ]
    )
    s = concentration.over_time(weekly, published_reference(), PROV).sentences
    assert s[0] == (
        "From the week of 2025-01-01 to the week of 2025-01-15 (2 observed weeks), the share of models "
        "with zero 30\\-day downloads went from 80.0% to 85.0% (between 80.0% and 85.0% in every week), "
        "the top 1%'s share from 99.0% to 99.5%, and the Gini coefficient from 0.994 to 0.996."
    )
    assert s[1] == "Fewer than two weeks recorded likes: no change over time to state."
    assert s[2] == (
        "All-time downloads are recorded from the week of 2025-01-15 on; in the week of 2025-01-15, "
        "25.0% of models had none and the Gini coefficient was 0.975."
    )
    assert s[3].startswith(
        "Beside the published reference: our zero-download share of 85.0% and top-1% share of 99.5%"
    )
    assert "over 70\\% of models had zero downloads" in s[3] and "their figures" in s[3]


def test_licence_trends_follow_the_latest_leader_and_count_what_drift_cannot_judge() -> None:
    mix = pd.DataFrame(
        {
            "week": [W1, W1, W2, W3, W3, W3],
            "licence": ["mit", "(none declared)", "mit", "apache-2.0", "mit", "(none declared)"],
            "repos": [6, 4, 1, 5, 3, 2],
            "created_week": [0] * 6,
            "share": [0.6, 0.4, 1.0, 0.5, 0.3, 0.2],
            "is_repeat": [False, False, True, False, False, False],
        }
    )
    drift = pd.DataFrame(
        {
            "week": [W1, W2, W3, W3],
            "relation": ["all", "all", "all", "merge"],
            "edges": [10, 10, 12, 4],
            "parent_found": [10, 10, 9, 4],
            "both_declared": [8, 8, 8, 4],
            "differ": [1, 4, 2, 2],
            "child_dropped": [0, 0, 1, 0],
            "drift_share": [0.125, 0.5, 0.25, 0.5],
            "is_repeat": [False, True, False, False],
        }
    )
    s = licences.trends(mix, drift, PROV).sentences
    assert s == [
        "apache\\-2\\.0, the commonest model licence in the week of 2025-01-15, was not among the "
        "commonest in the week of 2025-01-01.",
        "Models declaring no licence: 40.0% of models in the week of 2025-01-01, 20.0% in the week of 2025-01-15.",
        "The share of parent→child links that change licence went from 12.5% (week of 2025-01-01) to "
        "25.0% (week of 2025-01-15), between 12.5% and 25.0% in every observed week.",
        "In the week of 2025-01-15, 1 derivative declared no licence under a parent that declares one, "
        "and 3 links pointed to a parent not found on the Hub that week (not compared).",
    ]
    # the same leader in both weeks: its share is followed
    mix2 = mix.assign(
        licence=["apache-2.0", "(none declared)", "mit", "apache-2.0", "mit", "(none declared)"]
    )
    assert (
        "went from 60.0% of models in the week of 2025-01-01 to 50.0%"
        in licences.trends(mix2, drift, PROV).sentences[0]
    )
