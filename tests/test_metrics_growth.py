"""Growth on hand-built tables; expected values worked out by hand in comments."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from metrics_tables import build, ts

from analysis import growth
from analysis.errors import HubObsError

d = pd.Timestamp  # DuckDB DATE columns arrive in pandas as Timestamps


def model(week: str, uid: str, name: str, created: str | None) -> dict[str, object]:
    return {
        "week": week,
        "_id": uid,
        "id": name,
        "author": name.split("/")[0],
        "createdAt": ts(created) if created else None,
        "downloads": 1,
        "likes": 0,
        "tags": [],
    }


# Weeks: W1 2024-07-24, W2 07-31, W3 08-07 (repeats W2 byte for byte), W4 08-14.
# W1: a (created 07-25, in W1), z (created 06-01)                     -> 2 repos, 1 created
# W2: a, z, b (created 08-02, in W2)                                  -> 3 repos, 1 created
# W3: the same rows as W2 (repeated file)                             -> 3 repos, marked
# W4: a, z, b renamed to o/b2 (same _id), c (08-09, in W3), d (08-15) -> 4 + 1 = 5 repos
#     c was created during the repeated week W3: recovered from W4's file.
ROWS = [
    model("2024-07-24", "A", "o/a", "2024-07-25T10:00"),
    model("2024-07-24", "Z", "o/z", "2024-06-01T00:00"),
    *[
        model(w, u, n, c)
        for w in ("2024-07-31", "2024-08-07")
        for u, n, c in (
            ("A", "o/a", "2024-07-25T10:00"),
            ("Z", "o/z", "2024-06-01T00:00"),
            ("B", "o/b", "2024-08-02T12:00"),
        )
    ],
    model("2024-08-14", "A", "o/a", "2024-07-25T10:00"),
    model("2024-08-14", "Z", "o/z", "2024-06-01T00:00"),
    model("2024-08-14", "B", "o/b2", "2024-08-02T12:00"),
    model("2024-08-14", "C", "q/c", "2024-08-09T08:00"),
    model("2024-08-14", "D", "q/d", "2024-08-15T08:00"),
]


@pytest.fixture()
def con():
    # datasets: one week, one row without createdAt (unknown, never counted as created)
    ds = [
        {
            "week": "2024-07-24",
            "_id": "X",
            "id": "u/x",
            "author": "u",
            "createdAt": None,
            "tags": [],
        }
    ]
    return build({"models": ROWS, "datasets": ds}, repeats={("models", "2024-08-07"): "2024-07-31"})


def test_weekly_existing_created_and_repeats(con) -> None:
    df = growth.weekly(con)
    m = df[df["kind"] == "models"].set_index("week")
    assert list(m.index) == [d("2024-07-24"), d("2024-07-31"), d("2024-08-07"), d("2024-08-14")]
    assert list(m["repos"]) == [2, 3, 3, 5]
    # the renamed repo (o/b -> o/b2) is one repo: W4 = a, z, b2, c, d = 5; authors o and q
    assert list(m["authors"]) == [1, 1, 1, 2]
    # created: a in W1, b in W2, c in W3 (from W4's file), d in W4
    assert list(m["created"]) == [1, 1, 1, 1]
    assert list(m["created_source"]) == [
        "this week's file",
        "this week's file",
        "next week's file",
        "this week's file",
    ]
    assert list(m["is_repeat"]) == [False, False, True, False]
    assert m.loc[d("2024-08-07"), "repeat_of"] == pd.Timestamp("2024-07-31")
    # net change: none for the first week; W2 - W1 = 1; the repeated week is not a zero change;
    # W4 - W2 (the latest non-repeated week) = 5 - 3 = 2, over 2 weeks
    net = m["net_change"]
    assert pd.isna(net.iloc[0]) and net.iloc[1] == 1 and pd.isna(net.iloc[2]) and net.iloc[3] == 2
    assert m["change_weeks"].iloc[1] == 1.0 and m["change_weeks"].iloc[3] == 2.0


def test_weekly_unknown_creation_date_is_not_counted(con) -> None:
    ds = growth.weekly(con).query("kind == 'datasets'")
    assert list(ds["repos"]) == [1]
    assert list(ds["created"]) == [
        0
    ]  # the week is observed; the row without createdAt is not "created"
    assert ds.query("kind == 'spaces'").empty


def test_repeated_last_week_is_not_observed() -> None:
    rows = [r for r in ROWS if r["week"] != "2024-08-14"]
    con = build({"models": rows}, repeats={("models", "2024-08-07"): "2024-07-31"})
    m = growth.weekly(con).set_index("week")
    last = m.loc[d("2024-08-07")]
    assert last["created_source"] == "not observed"
    assert pd.isna(last["created"])  # missing, not zero


def test_range_bounds(con) -> None:
    m = growth.weekly(con, start="2024-07-31", end=dt.date(2024, 8, 7)).query("kind == 'models'")
    assert list(m["week"]) == [d("2024-07-31"), d("2024-08-07")]
    assert pd.isna(m["net_change"].iloc[0])  # its predecessor is outside the range


def test_monthly(con) -> None:
    m = growth.monthly(con).query("kind == 'models'").set_index("month")
    # July: days 07-24..07-31 observed (8 of 31); created a (07-25)
    jul = m.loc[d("2024-07-01")]
    assert (jul["created"], jul["days_observed"], jul["days_in_month"], jul["complete"]) == (
        1,
        8,
        31,
        False,
    )
    # August: 08-01..08-06 from W2's file (b), 08-07..08-13 from W4's file (c), 08-14..08-20 (d): 20 days
    aug = m.loc[d("2024-08-01")]
    assert (aug["created"], aug["days_observed"], aug["complete"]) == (3, 20, False)


def test_bad_date_parameter(con) -> None:
    with pytest.raises(HubObsError, match="start='24-07-2024'"):
        growth.weekly(con, start="24-07-2024")


def test_missing_facts_named() -> None:
    import duckdb

    with pytest.raises(HubObsError, match="fact_models__authors"):
        growth.weekly(duckdb.connect())
