"""Shared lists as data (analysis/seeds/): every query that needs the domain keywords or the
benchmark names reads the one seed file, and the fact store recomputes what reads a seed when
the seed changes. Expected values worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from metrics_tables import build

from analysis import datasets, explorers, seeds
from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT

WEEK = "2024-07-24"
OLD = "2024-07-01T00:00"
DOMAIN_READERS = (
    "analysis/facts/sql/datasets__domains.sql",
    "analysis/explorers/sql/dataset_labels.sql",
)


def _ds(uid: str, name: str, downloads: int, tags: list[str]) -> dict[str, object]:
    return {
        "week": WEEK,
        "_id": uid,
        "id": name,
        "author": name.split("/")[0],
        "createdAt": dt.datetime.fromisoformat(OLD),
        "lastModified": dt.datetime.fromisoformat(OLD),
        "downloads": downloads,
        "likes": 0,
        "tags": tags,
    }


# lab/voice: tags `audio` and `task_categories:speech` (no domain of the bundled seed);
# lab/squad: `legal` (domain legal), a name in no benchmark list of the bundled seed.
ROWS = {
    "datasets": [
        _ds("A", "lab/voice", 20, ["audio", "task_categories:speech"]),
        _ds("B", "lab/squad", 10, ["legal"]),
    ]
}


def test_the_domain_keywords_are_in_one_seed_read_by_both_queries() -> None:
    for rel in DOMAIN_READERS:
        text = (PROJECT_ROOT / rel).read_text(encoding="utf-8")
        assert seeds.declared(text, rel) == ("domains",), rel
        assert "seed_domains" in text and "VALUES" not in text.upper(), rel
    fact = (PROJECT_ROOT / "analysis/facts/sql/datasets__top.sql").read_text(encoding="utf-8")
    assert seeds.declared(fact) == ("benchmarks",) and "'mmlu'" not in fact
    domains = seeds.table("domains").to_pylist()
    assert {"domain": "health", "keyword": "medical"} in domains
    assert {"name": "gsm8k"} in seeds.table("benchmarks").to_pylist()


def test_a_seed_row_added_reaches_the_fact_and_the_explorer(own_seeds: Path) -> None:
    with open(own_seeds / "domains.csv", "a", encoding="utf-8") as f:
        f.write("audio,speech\naudio,audio\n")
    with open(own_seeds / "benchmarks.csv", "a", encoding="utf-8") as f:
        f.write("squad\n")
    con = build(ROWS)
    # fact: lab/voice matches audio (twice, counted once), lab/squad legal; none left unmatched
    assert con.execute(
        "SELECT domain, datasets FROM fact_datasets__domains ORDER BY domain"
    ).fetchall() == [("audio", 1), ("legal", 1)]
    labels = explorers.dataset_labels(con, ["lab/voice", "lab/squad"], WEEK)
    assert [(r.id, list(r.domains)) for r in labels.itertuples()] == [
        ("lab/squad", ["legal"]),
        ("lab/voice", ["audio"]),
    ]
    top = datasets.top_datasets(con, n=2, week=WEEK)
    assert dict(zip(top["id"], top["is_benchmark"], strict=True)) == {
        "lab/voice": False,
        "lab/squad": True,  # by the added known name only (no tag, no eval/bench in the name)
    }
    # no seed table left on the connection
    assert not con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'seed_%'"
    ).fetchone()[0]  # type: ignore[index]


def test_the_bundled_seed_gives_the_defined_domains() -> None:
    con = build(ROWS)
    # lab/voice matches no keyword: (none); lab/squad: legal
    assert con.execute(
        "SELECT domain, datasets FROM fact_datasets__domains ORDER BY domain"
    ).fetchall() == [("(none)", 1), ("legal", 1)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("domain,keyword\nfinance,\n", r"domains\.csv, line 2: expected 2 non-empty values"),
        ("domain,keyword\nfinance\n", r"domains\.csv, line 2: expected 2"),
        ("domain,keyword\nlaw,legal\nlaw,legal\n", r"domains\.csv, line 3: the row .* repeated"),
        ("", r"domains\.csv: the first line must name the columns"),
    ],
)
def test_a_bad_seed_is_an_error_naming_file_and_line(
    own_seeds: Path, text: str, message: str
) -> None:
    (own_seeds / "domains.csv").write_text(text, encoding="utf-8")
    with pytest.raises(HubObsError, match=message):
        seeds.table("domains")


def test_a_query_naming_a_missing_seed_is_an_error() -> None:
    with pytest.raises(
        HubObsError, match=r"q\.sql: reads seed 'nosuch', but there is no nosuch\.csv"
    ):
        seeds.declared("-- reads seeds: nosuch\nSELECT 1", "q.sql")
    assert seeds.declared("-- a comment\nSELECT 1") == ()
