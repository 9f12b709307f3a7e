"""The metrics the weekly report adds, on hand-built tables (expected values worked out by hand
in comments): changes from earlier weeks, the week's new repositories ranked, the parents that
gained the most derivatives, owners new to the Hub."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest
from metrics_tables import build, ts

from analysis import growth, organizations, platforms
from analysis.errors import HubObsError

W1, W2, W3, W4 = "2024-07-03", "2024-07-10", "2024-07-17", "2024-07-24"


def model(week: str, name: str, created: str, **kw: Any) -> dict[str, Any]:
    row = {
        "week": week,
        "_id": name,
        "id": name,
        "author": name.split("/")[0],
        "createdAt": ts(created),
        "downloads": 0,
        "likes": 0,
        "tags": [],
    }
    return {**row, **kw}


def base(parent: str, relation: str) -> dict[str, Any]:
    return {"relation": relation, "models": [{"_id": parent, "id": parent}]}


# models: W1 o/a (old); W2 o/a, o/b; W3 repeats W2; W4 o/a, o/b, o/c, n/x, n/y
#   o/c (created in W4; 7 downloads, 1 like) fine-tunes o/a; n/x (created in W4; 9 downloads)
#   quantizes o/a; n/y (created in W4; 9 downloads, 3 likes) merges o/a and o/b.
# datasets: W4 only: n/d (created in W4) and q/old (created long before)
ROWS = {
    "models": [
        model(W1, "o/a", "2024-01-01T00:00"),
        *[model(w, n, "2024-01-01T00:00") for w in (W2, W3) for n in ("o/a", "o/b")],
        model(W4, "o/a", "2024-01-01T00:00"),
        model(W4, "o/b", "2024-01-01T00:00"),
        model(
            W4, "o/c", "2024-07-25T00:00", downloads=7, likes=1, baseModels=base("o/a", "finetune")
        ),
        model(W4, "n/x", "2024-07-26T00:00", downloads=9, baseModels=base("o/a", "quantized")),
        model(
            W4,
            "n/y",
            "2024-07-27T00:00",
            downloads=9,
            likes=3,
            baseModels={
                "relation": "merge",
                "models": [{"_id": "o/a", "id": "o/a"}, {"_id": "o/b", "id": "o/b"}],
            },
        ),
    ],
    "datasets": [
        {"week": W4, "_id": "d1", "id": "n/d", "author": "n", "createdAt": ts("2024-07-25T00:00")},
        {
            "week": W4,
            "_id": "d2",
            "id": "q/old",
            "author": "q",
            "createdAt": ts("2023-01-01T00:00"),
        },
    ],
}


@pytest.fixture(scope="module")
def con() -> Any:
    return build(ROWS, repeats={("models", W3): W2})


def test_changes_mark_repeats_and_missing_weeks(con: Any) -> None:
    ch = growth.changes(con, W4).set_index(["kind", "lag"])
    # W4: 5 models; one week before (W3, a repeat of W2): 2 -> +3, said to be a repeat
    one = ch.loc[("models", 1)]
    assert (one["repos"], one["base_repos"], one["change"]) == (5, 2, 3)
    assert bool(one["base_is_repeat"]) and one["change_share"] == pytest.approx(1.5)
    assert not bool(ch.loc[("models", 4), "base_present"])
    assert pd.isna(ch.loc[("models", 4), "change"])  # W4 - 28 days is not in the data
    assert not bool(ch.loc[("datasets", 1), "base_present"])  # no datasets before W4
    rep = growth.changes(con, W3, lags=[1]).set_index("kind").loc["models"]
    assert bool(rep["is_repeat"]) and pd.isna(rep["change"])  # never a change of zero
    with pytest.raises(HubObsError, match="lags"):
        growth.changes(con, W4, lags=[0])


def test_top_created_ranks_the_weeks_new_repositories(con: Any) -> None:
    dl = growth.top_created(con, "models", W4, by="downloads", n=3)
    # 9, 9 (tie broken by id: n/x before n/y), 7
    assert list(dl["id"]) == ["n/x", "n/y", "o/c"] and list(dl["rank"]) == [1, 2, 3]
    likes = growth.top_created(con, "models", W4, by="likes", n=2)
    assert list(likes["id"]) == ["n/y", "o/c"]
    ds = growth.top_created(con, "datasets", W4)
    assert list(ds["id"]) == ["n/d"]  # q/old was not created during the week
    assert growth.top_created(con, "models", W2).empty
    with pytest.raises(HubObsError, match="kind"):
        growth.top_created(con, "spaces", W4)
    with pytest.raises(HubObsError, match="between 1 and 50"):
        growth.top_created(con, "models", W4, n=51)


def test_derivatives_gained_by_relation(con: Any) -> None:
    g = platforms.derivatives_gained(con, W4)
    # o/a: a fine-tune, a quantization and a merge (3); o/b: the merge (1)
    a = g[g["parent_id"] == "o/a"].set_index("relation")["gained"].to_dict()
    assert a == {"finetune": 1, "quantized": 1, "merge": 1}
    assert set(g.loc[g["parent_id"] == "o/a", "rank"]) == {1}
    assert g[g["parent_id"] == "o/b"][["rank", "gained_total"]].values.tolist() == [[2, 1]]
    assert platforms.derivatives_gained(con, W2).empty


def test_newcomers_hold_only_repositories_of_the_week(con: Any) -> None:
    new = organizations.newcomers(con)
    # W1: o/a was created long before -> nobody; W3 repeats (every file of it): none
    # W4: n holds n/x, n/y (models) and n/d (dataset), all created in W4 -> new, 3 repos;
    #     o holds older models -> not new; q's dataset is old -> not new
    assert new[["week", "author", "repos", "models", "datasets"]].values.tolist() == [
        [pd.Timestamp(W4), "n", 3, 2, 1]
    ]
    assert organizations.newcomers(con, start=W1, end=W3).empty
