"""The explorers' data and charts (analysis/explorers/) on tiny hand-built tables; expected
values worked out by hand in the comments."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import altair as alt
import pandas as pd
import pytest
from lineage_graph import connect as lineage_connect
from metrics_tables import build, ts

from analysis import explorers
from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.provenance import Provenance
from analysis.publish import publish

ORG_MAP = pd.DataFrame(
    {
        "org": ["BigLab", "acme"],
        "kind": ["academic", "company"],
        "country": ["DE", "US"],
        "source": ["https://example.org/biglab", "https://example.com"],
        "note": ["", "fictional"],
    }
)
PROV = Provenance(weeks=(dt.date(2024, 7, 24),), revision="test", generated=True)
OLD = "2024-07-01T00:00"


def rec(week: str, uid: str, name: str, created: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "week": week,
        "_id": uid,
        "id": name,
        "author": name.split("/")[0],
        "createdAt": ts(created),
        "lastModified": ts(created),
        "downloads": 10,
        "likes": 1,
        "tags": [],
    }
    row.update(extra)
    return row


# --- base models (the history of tests/lineage_graph.py) ------------------------------------


def test_base_models_weeks_and_authors() -> None:
    con = Lineage(lineage_connect())
    # direct derivatives in the last week: c/x 2, org/Base-One 2, u/ft 2 (ties by id), then 1s
    assert explorers.top_bases(con, 3)["base"].tolist() == ["c/x", "org/Base-One", "u/ft"]
    df = explorers.base_models(con, n=2, top_authors=1)
    one = df[df["base"] == "org/Base-One"]
    weeks = one[one["part"] == "week"]
    # A created 2025-01-02 -> week 4 (starts 2024-12-29); N 2025-01-16 -> week 6 (2025-01-12);
    # weeks without a derivative are left out
    assert weeks[["week", "relation", "derivatives"]].values.tolist() == [
        ["2024-12-29", "finetune", 1],
        ["2025-01-12", "finetune", 1],
    ]
    authors = one[one["part"] == "author"]
    # u and n made one each: the top 1 (by name) is n, u is other; other always comes last
    assert authors[["author", "derivatives"]].values.tolist() == [["n", 1], ["other", 1]]
    assert authors["rank"].tolist() == [1, 2]
    assert set(df["base"]) == {"c/x", "org/Base-One"}


def test_base_models_chart_binds_a_drop_down_of_the_bases(tmp_path: Path) -> None:
    con = Lineage(lineage_connect())
    chart, data = explorers.figures.base_models(explorers.base_models(con, n=3))
    fig = publish(
        chart, data, name="bm", provenance=PROV, title="t", description="d", outdir=tmp_path
    )
    params = fig.spec["params"]
    assert [p["name"] for p in params] == ["pick_base"]
    assert params[0]["bind"]["options"] == ["c/x", "org/Base-One", "u/ft"]
    assert params[0]["value"] == "c/x"
    header = next(csv.reader((tmp_path / "bm.csv").read_text().splitlines()))
    assert header == ["base", "part", "week", "relation", "author", "derivatives", "rank"]
    # the bars stand on calendar weeks ("2021 W26"), not on weeks counted from the release
    weekly = fig.spec["vconcat"][0]
    assert weekly["encoding"]["x"]["timeUnit"] == "utcyearweek"
    assert weekly["encoding"]["x"]["title"] == "Snapshot week"


def test_options_are_cleaned_like_the_data_and_never_empty() -> None:
    assert explorers.options(pd.Series(["a\x00b", "a\x00b", "c"]), first=["all"]) == [
        "all",
        "ab",
        "c",
    ]
    with pytest.raises(HubObsError, match="nothing to pick"):
        explorers.options(pd.Series([], dtype=str))


# --- organizations ---------------------------------------------------------------------------


# Weeks: W1 2024-07-24, W2 2024-07-31, W3 2024-08-07 repeats W2.
# biglab (academic) creates 1 model in W1 and 2 in W2 (total 3); acme (company) 1 in W2;
# solo (unmapped) 1 in W1; acme creates 1 dataset in W2. Old models count nothing.
def _w2(week: str) -> list[dict[str, object]]:
    return [
        rec(week, "M1", "biglab/m1", "2024-07-25T00:00"),
        rec(week, "M2", "biglab/m2", "2024-08-01T00:00"),
        rec(week, "M3", "biglab/m3", "2024-08-02T00:00"),
        rec(week, "M0", "biglab/old", OLD),
        rec(week, "X", "acme/x", "2024-08-03T00:00"),
        rec(week, "S", "solo/s", "2024-07-26T00:00"),
    ]


@pytest.fixture()
def org_con():  # type: ignore[no-untyped-def]
    w1 = [
        rec("2024-07-24", "M1", "biglab/m1", "2024-07-25T00:00"),
        rec("2024-07-24", "M0", "biglab/old", OLD),
        rec("2024-07-24", "S", "solo/s", "2024-07-26T00:00"),
    ]
    ds = [rec("2024-07-31", "D", "acme/data", "2024-08-01T00:00")]
    return build(
        {"models": w1 + _w2("2024-07-31") + _w2("2024-08-07"), "datasets": ds},
        repeats={("models", "2024-08-07"): "2024-07-31"},
    )


def test_org_activity_top_per_kind_of_organization(org_con) -> None:  # type: ignore[no-untyped-def]
    df = explorers.org_activity(org_con, n=1, org_map=ORG_MAP)
    got = df[["kind", "week", "author", "org_kind", "created", "is_repeat", "top_overall"]]
    rows = [[None if pd.isna(v) else v for v in r] for r in got.values.tolist()]
    assert rows == [
        ["datasets", "2024-07-31", "acme", "company", 1, False, True],
        ["models", "2024-07-24", "biglab", "academic", 1, False, True],
        ["models", "2024-07-31", "biglab", "academic", 2, False, True],
        ["models", "2024-08-07", "biglab", "academic", None, True, True],
        ["models", "2024-07-31", "acme", "company", 1, False, False],
        ["models", "2024-08-07", "acme", "company", None, True, False],
        ["models", "2024-07-24", "solo", "unmapped", 1, False, False],
        ["models", "2024-08-07", "solo", "unmapped", None, True, False],
    ]
    assert df.loc[df["author"] == "biglab", "created_total"].unique().tolist() == [3]
    # a range: only W2 (acme and biglab created there; solo did not, so it is not shown)
    w2 = explorers.org_activity(org_con, n=5, start="2024-07-31", end="2024-07-31", org_map=ORG_MAP)
    assert sorted(set(w2["author"])) == ["acme", "biglab"]
    with pytest.raises(HubObsError, match="at least 1"):
        explorers.org_activity(org_con, n=0, org_map=ORG_MAP)


def test_org_activity_chart_has_kind_and_organization_pickers(org_con, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chart, data = explorers.figures.organizations(
        explorers.org_activity(org_con, n=1, org_map=ORG_MAP)
    )
    fig = publish(
        chart, data, name="org", provenance=PROV, title="t", description="d", outdir=tmp_path
    )
    params = {p["name"]: p for p in fig.spec["params"]}
    assert params["pick_kind"]["bind"]["options"] == ["models", "datasets"]
    assert params["pick_org"]["bind"]["options"] == ["all", "academic", "company", "unmapped"]


# --- datasets --------------------------------------------------------------------------------


@pytest.fixture()
def ds_con():  # type: ignore[no-untyped-def]
    week = "2024-07-24"
    ds = [
        rec(
            week,
            "A",
            "acme/med-bench",
            OLD,
            downloads=100,
            tags=[
                "task_categories:text-classification",
                "medical",
                "task_categories:question-answering",
                "tag:code",
                "task_categories:question-answering",
            ],
        ),
        rec(week, "B", "solo/plain", OLD, downloads=50, tags=["language:en"]),
        rec(week, "C", "solo/small", OLD, downloads=1, tags=["finance"]),
    ]
    return build({"datasets": ds})


def test_dataset_explorer_rows_per_domain(ds_con) -> None:  # type: ignore[no-untyped-def]
    df = explorers.dataset_explorer(ds_con, n=2, org_map=ORG_MAP)
    cols = [
        "rank",
        "id",
        "benchmark",
        "benchmark_signal",
        "task_categories",
        "domains",
        "domain",
        "first_domain",
        "org_kind",
    ]
    assert df[cols].values.tolist() == [
        [
            1,
            "acme/med-bench",
            "evaluation benchmark",
            "name",
            "question-answering, text-classification",
            "code, health",
            "code",
            True,
            "company",
        ],
        [
            1,
            "acme/med-bench",
            "evaluation benchmark",
            "name",
            "question-answering, text-classification",
            "code, health",
            "health",
            False,
            "company",
        ],
        [2, "solo/plain", "other dataset", "none", "(none)", "(none)", "(none)", True, "unmapped"],
    ]


def test_dataset_chart_domain_picker(ds_con, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chart, data = explorers.figures.datasets(
        explorers.dataset_explorer(ds_con, n=3, org_map=ORG_MAP)
    )
    fig = publish(
        chart, data, name="ds", provenance=PROV, title="t", description="d", outdir=tmp_path
    )
    params = {p["name"]: p for p in fig.spec["params"]}
    assert params["pick_domain"]["bind"]["options"] == [
        "all",
        "code",
        "finance",
        "health",
        "(none)",
    ]
    assert params["pick_benchmark"]["bind"] == "legend"
    assert isinstance(chart, alt.Chart)


def test_dataset_explorer_keeps_a_dataset_without_a_like_count() -> None:
    # a negative like count becomes NULL in the checked views: the row stays, its likes missing
    week = "2024-07-24"
    con = build(
        {
            "datasets": [
                rec(week, "A", "acme/a", OLD, downloads=100, likes=None),
                rec(week, "B", "acme/b", OLD, downloads=50, likes=3),
            ]
        }
    )
    df = explorers.dataset_explorer(con, n=2, org_map=ORG_MAP)
    assert df["id"].tolist() == ["acme/a", "acme/b"]
    assert pd.isna(df["likes"].iloc[0]) and df["likes"].iloc[1] == 3
