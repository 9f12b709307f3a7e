"""Attention concentration; expected values worked out by hand in comments."""

from __future__ import annotations

import pandas as pd
import pytest
from metrics_tables import build

from analysis import concentration
from analysis.errors import HubObsError


def m(
    week: str, i: int, downloads: int | None, likes: int, all_time: int | None = None
) -> dict[str, object]:
    return {
        "week": week,
        "_id": f"M{i}",
        "id": f"o/m{i}",
        "author": "o",
        "downloads": downloads,
        "likes": likes,
        "downloadsAllTime": all_time,
        "tags": [],
    }


# W1 2024-07-24 (before downloadsAllTime existed: NULL in every row):
#   downloads 1, 2, 3, 4 and one NULL; likes 0, 0, 1, 3, 0
# W2 2025-03-05: 101 models: 99 with 0 downloads, one with 1, one with 99; likes all 2;
#   downloadsAllTime equal to downloads
# W3 2025-03-12 repeats W2.
W1 = [
    m("2024-07-24", i, x, lk)
    for i, (x, lk) in enumerate([(1, 0), (2, 0), (3, 1), (4, 3), (None, 0)])
]


def w2(week: str) -> list[dict[str, object]]:
    vals = [0] * 99 + [1, 99]
    return [m(week, i, x, 2, x) for i, x in enumerate(vals)]


@pytest.fixture()
def con():
    return build(
        {"models": W1 + w2("2025-03-05") + w2("2025-03-12")},
        repeats={("models", "2025-03-12"): "2025-03-05"},
    )


def row(df: pd.DataFrame, week: str, measure: str) -> pd.Series:
    return df[(df["week"] == pd.Timestamp(week)) & (df["measure"] == measure)].iloc[0]


def test_gini_top1_zero_on_known_distributions(con) -> None:
    df = concentration.weekly(con)
    r = row(df, "2024-07-24", "downloads")
    # 1,2,3,4 (the NULL is left out, not a zero): sum i*x = 1+4+9+16 = 30, total 10, n 4
    # gini = 2*30/(4*10) - 5/4 = 0.25 (= mean absolute difference / (2 * mean) = 20/80)
    assert r["gini"] == pytest.approx(0.25)
    assert (r["rows"], r["n"], r["n_zero"]) == (5, 4, 0)
    assert r["null_share"] == pytest.approx(1 / 5)
    assert r["zero_share"] == 0
    # top 1% of 4 models = ceil(0.04) = 1 model: 4 of 10
    assert r["top1_n"] == 1 and r["top1_share"] == pytest.approx(0.4)
    likes = row(df, "2024-07-24", "likes")
    # 0,0,0,1,3: sum i*x = 4*1 + 5*3 = 19, total 4, n 5: gini = 38/20 - 6/5 = 0.7; zero share 3/5
    assert likes["gini"] == pytest.approx(0.7)
    assert likes["zero_share"] == pytest.approx(0.6)
    r2 = row(df, "2025-03-05", "downloads")
    # 101 models: top 1% = ceil(1.01) = 2 models holding 1 + 99 = all 100 downloads
    assert r2["top1_n"] == 2 and r2["top1_share"] == pytest.approx(1.0)
    assert r2["zero_share"] == pytest.approx(99 / 101)
    # sorted: 99 zeros, x_100 = 1, x_101 = 99: sum i*x = 100 + 9999 = 10099
    # gini = 2*10099/(101*100) - 102/101
    assert r2["gini"] == pytest.approx(2 * 10099 / 10100 - 102 / 101)
    # everyone equal: gini 0
    assert row(df, "2025-03-05", "likes")["gini"] == pytest.approx(0.0)


def test_missing_column_is_null_not_zero(con) -> None:
    df = concentration.weekly(con, measure="downloadsAllTime")
    early = row(df, "2024-07-24", "downloadsAllTime")
    assert early["rows"] == 5 and early["n"] == 0 and early["null_share"] == 1.0
    assert pd.isna(early["zero_share"]) and pd.isna(early["gini"]) and pd.isna(early["top1_share"])
    later = row(df, "2025-03-05", "downloadsAllTime")
    assert later["zero_share"] == pytest.approx(99 / 101)


def test_repeated_week_marked_and_range(con) -> None:
    df = concentration.weekly(con, measure="downloads", start="2025-01-01")
    assert df["week"].tolist() == [pd.Timestamp("2025-03-05"), pd.Timestamp("2025-03-12")]
    assert df["is_repeat"].tolist() == [False, True]
    with pytest.raises(HubObsError, match="'views'"):
        concentration.weekly(con, measure="views")


def test_published_reference_is_the_cited_study() -> None:
    ref = concentration.published_reference()
    assert set(ref["arxiv"]) == {"https://arxiv.org/abs/2405.13058"}
    assert ref["citation"].str.contains("Osborne").all()
    stats = ref.set_index("statistic")
    assert stats.loc["zero_share", "value"] == 0.70 and stats.loc["zero_share", "comparator"] == ">"
    assert stats.loc["top1_share", "value"] == 0.99
    assert set(ref["data_date"]) == {"2023-10"}
