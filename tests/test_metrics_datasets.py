"""Datasets; expected values worked out by hand in comments."""

from __future__ import annotations

import pandas as pd
import pytest
from metrics_tables import build

from analysis import datasets
from analysis.errors import HubObsError

ORG_MAP = pd.DataFrame(
    {
        "org": ["lab", "acme"],
        "kind": ["academic", "company"],
        "country": ["FR", "US"],
        "source": ["https://lab.example.org", "https://acme.example.com"],
        "note": ["", ""],
    }
)


def ds(week: str, name: str, downloads: int | None, tags: list[str]) -> dict[str, object]:
    return {
        "week": week,
        "_id": name.upper(),
        "id": name,
        "author": name.split("/")[0],
        "downloads": downloads,
        "likes": 0,
        "tags": tags,
    }


# W1 2024-07-24 (W2 2024-07-31 repeats it):
#   u/my-eval-set 100 (benchmark by name), lab/mmlu 90 (known benchmark), lab/corpus 80 (tag
#   `benchmark`), acme/webtext 70 (text-generation, finance), solo/robo 70 (robotics twice:
#   task category and LeRobot), solo/empty (downloads NULL: not ranked)
def week(w: str) -> list[dict[str, object]]:
    return [
        ds(w, "u/my-eval-set", 100, []),
        ds(w, "lab/mmlu", 90, []),
        ds(w, "lab/corpus", 80, ["benchmark"]),
        ds(w, "acme/webtext", 70, ["task_categories:text-generation", "finance"]),
        ds(w, "solo/robo", 70, ["task_categories:robotics", "LeRobot"]),
        ds(w, "solo/empty", None, []),
    ]


# models naming datasets: m1 names lab/corpus twice (counts once), m2 lab/corpus and the legacy
# owner-less id `squad`, m3 acme/webtext -> lab/corpus 2, acme/webtext 1, squad 1
MODELS = [
    {"week": "2024-07-24", "_id": f"M{i}", "id": f"x/m{i}", "author": "x", "tags": t}
    for i, t in enumerate(
        [
            ["dataset:lab/corpus", "dataset:lab/corpus"],
            ["dataset:lab/corpus", "dataset:squad"],
            ["dataset:acme/webtext"],
        ]
    )
]


@pytest.fixture()
def con():
    return build(
        {"datasets": week("2024-07-24") + week("2024-07-31"), "models": MODELS},
        repeats={("datasets", "2024-07-31"): "2024-07-24"},
    )


def test_top_and_benchmark_signals(con) -> None:
    top = datasets.top_datasets(con, n=5, week="2024-07-24", org_map=ORG_MAP)
    # ties on 70 broken by id: acme/webtext before solo/robo
    assert top["id"].tolist() == [
        "u/my-eval-set",
        "lab/mmlu",
        "lab/corpus",
        "acme/webtext",
        "solo/robo",
    ]
    assert top["is_benchmark"].tolist() == [True, True, True, False, False]
    assert top["benchmark_signal"].tolist()[:3] == ["name", "known benchmark", "tag"]
    assert top["org_kind"].tolist() == ["unmapped", "academic", "academic", "company", "unmapped"]


def test_benchmark_share_over_time(con) -> None:
    df = datasets.benchmark_share(con, n=5)
    # 3 of the top 5 are benchmarks, holding 270 of the top 5's 410 downloads
    assert df["benchmark_share"].tolist() == pytest.approx([0.6, 0.6])
    assert df["benchmark_download_share"].iloc[0] == pytest.approx(270 / 410)
    assert df["is_repeat"].tolist() == [False, True]
    assert datasets.benchmark_share(con, n=2)["benchmark_share"].iloc[0] == 1.0
    with pytest.raises(HubObsError, match="between 1 and 200"):
        datasets.benchmark_share(con, n=500)


def test_tasks_and_domains(con) -> None:
    tasks = datasets.tasks_over_time(con, end="2024-07-24")
    # 6 datasets in the week; one each in robotics and text-generation
    assert tasks.set_index("task")["datasets"].to_dict() == {"robotics": 1, "text-generation": 1}
    assert tasks["share"].tolist() == pytest.approx([1 / 6, 1 / 6])
    assert datasets.tasks_over_time(con, n=1, end="2024-07-24")["task"].tolist() == ["robotics"]
    dom = datasets.domains_over_time(con, end="2024-07-24").set_index("domain")
    # solo/robo counts once under robotics though two of its tags match
    assert dom["datasets"].to_dict() == {"(none)": 4, "finance": 1, "robotics": 1}
    assert dom.loc["(none)", "share"] == pytest.approx(4 / 6)


def test_foundational_by_org_kind(con) -> None:
    rows = datasets.foundational(con, n=3, week="2024-07-24", org_map=ORG_MAP)
    used = rows[rows["basis"] == "most used by models"]
    assert used["dataset_id"].tolist() == ["lab/corpus", "acme/webtext", "squad"]
    assert used["value"].tolist() == [2, 1, 1]
    assert used["org_kind"].tolist() == ["academic", "company", "(no owner in id)"]
    by_kind = datasets.foundational_by_org_kind(con, n=3, week="2024-07-24", org_map=ORG_MAP)
    dl = by_kind[by_kind["basis"] == "most downloaded"].set_index("org_kind")
    # top 3 downloaded: u (unmapped), lab, lab
    assert dl["datasets"].to_dict() == {"academic": 2, "unmapped": 1}
    assert dl.loc["academic", "share"] == pytest.approx(2 / 3)
