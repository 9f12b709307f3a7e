"""Row checks: the quality facts count bad rows (from `<kind>_raw`), the views keep them out.

One hand-built week per kind, each bad row made on purpose; every expected number is worked
out in the comments from the rows listed here.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.facts import reduce, store
from analysis.facts.definitions import facts
from analysis.schema import arrow_schema, file_path
from analysis.snapshots import connect
from analysis.snapshots.describe import describe, describe_text

WEEK = dt.date(2025, 3, 5)  # has downloadsAllTime
T0 = dt.datetime(2025, 3, 5, 12)  # inside the week
END = dt.datetime(2025, 3, 12)  # week + 7 days: "after the week" from here on
PLACEHOLDER = dt.datetime(2022, 3, 2, 23, 29, 4)
QUALITY = (
    "rows, duplicate_ids, null_or_empty_ids, null_authors, negative_downloads, "
    "negative_likes, placeholder_created, created_after_week, self_links, "
    "non_integer_downloads, non_integer_likes"
)


def _write(root: Path, kind: str, rows: list[dict[str, Any]]) -> None:
    schema = arrow_schema(kind, WEEK)
    path = root / file_path(kind, WEEK)
    path.parent.mkdir(parents=True, exist_ok=True)
    full = [{c: None for c in schema.names} | r for r in rows]
    pq.write_table(pa.Table.from_pylist(full, schema=schema), path)


def _model(i: str | None, **kw: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "_id": f"u-{i}",
        "id": i,
        "author": i.split("/")[0] if i and "/" in i else None,
        "createdAt": T0,
        "lastModified": T0,
        "downloads": 1,
        "downloadsAllTime": 1,
        "likes": 1,
    }
    return row | kw


#: rows 0-9 of the models file (row position in the file = index)
MODELS = [
    _model("a/m1", downloads=10, likes=1, lastModified=dt.datetime(2025, 1, 1)),  # 0 older copy
    _model("a/m1", downloads=20, likes=2, lastModified=dt.datetime(2025, 2, 1)),  # 1 kept: latest
    _model("a/m1", downloads=30, likes=3, lastModified=dt.datetime(2025, 2, 1)),  # 2 tie: later row
    _model(None, _id="u-null", author="x", downloads=100),  # 3 NULL id: dropped
    _model("", _id="u-empty", author="x", downloads=100),  # 4 empty id: dropped
    _model("b/m2", author=None, downloads=-5, likes=-1),  # 5 author -> 'b'; both -> NULL
    _model(
        "c/m3",
        createdAt=PLACEHOLDER,
        baseModels={"relation": "finetune", "models": [{"_id": "u-c/m3", "id": "c/m3"}]},
    ),  # 6 placeholder createdAt, names only itself
    _model("c/m4", createdAt=PLACEHOLDER + dt.timedelta(seconds=1, microseconds=500_000)),  # 7
    _model("d/m5", createdAt=END, downloads=7),  # 8 created at the week's end: after the week
    _model("noslash", author=None, downloads=2),  # 9 NULL author, no owner part: stays NULL
]
# quality: rows 10; duplicate_ids 2 (rows 1, 2 beyond the first a/m1); null_or_empty_ids 2
# (rows 3, 4); null_authors 2 (rows 5, 9); negative_downloads 1, negative_likes 1 (row 5);
# placeholder_created 2 (row 6 at :04, row 7 at :05.5); created_after_week 1 (row 8);
# self_links 1 (row 6); non-integer downloads and likes 0 (the file types them as int64)
MODELS_QUALITY = (10, 2, 2, 2, 1, 1, 2, 1, 1, 0, 0)

DATASETS: list[dict[str, Any]] = [
    {"id": "o/d1", "author": "o", "createdAt": T0, "lastModified": T0, "downloads": 4, "likes": 1},
    {"id": "o/d1", "author": "o", "createdAt": T0, "lastModified": T0, "downloads": 9, "likes": 1},
    {"id": "p/d2", "author": None, "createdAt": END, "downloads": -3, "likes": 2},
    {"id": None, "author": "o", "createdAt": T0, "downloads": 50, "likes": 50},
]
# rows 4; duplicate 1 (row 1: same lastModified as row 0, so row 0 is kept by position);
# null ids 1 (row 3); null authors 1 (row 2); negative downloads 1 (row 2); likes 0;
# placeholder 0; after the week 1 (row 2); self_links NULL (datasets have no baseModels)
DATASETS_QUALITY = (4, 1, 1, 1, 1, 0, 0, 1, None, 0, 0)

SPACES: list[dict[str, Any]] = [
    {"id": "s/a", "author": "s", "createdAt": PLACEHOLDER, "lastModified": T0, "likes": -2},
    {"id": "s/a", "author": "s", "createdAt": T0, "lastModified": END, "likes": 5},
    {"id": "", "author": None, "createdAt": T0, "likes": 1},
]
# rows 3; duplicate 1 (row 0, older than row 1); empty ids 1 (row 2); null authors 1 (row 2);
# negative downloads NULL (spaces have none); negative likes 1 (row 0); placeholder 1 (row 0);
# after the week 0; self_links NULL; non-integer downloads NULL, likes 0
SPACES_QUALITY = (3, 1, 1, 1, None, 1, 1, 0, None, None, 0)


@pytest.fixture
def bad_root(tmp_path: Path) -> Path:
    root = tmp_path / "bad"
    _write(root, "models", MODELS)
    _write(root, "datasets", DATASETS)
    _write(root, "spaces", SPACES)
    return root


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("models", MODELS_QUALITY), ("datasets", DATASETS_QUALITY), ("spaces", SPACES_QUALITY)],
)
def test_quality_fact_counts_the_bad_rows(
    bad_root: Path, tmp_path: Path, kind: str, expected: tuple[object, ...]
) -> None:
    con, _ = store.open_facts(bad_root, cache=tmp_path / "cache", progress=False)
    got = con.execute(f"SELECT week, {QUALITY} FROM fact_{kind}__quality").fetchall()
    assert got == [(WEEK, *expected)]


def test_quality_facts_read_the_raw_rows_and_only_they() -> None:
    raw = {f.table for f in facts() if f.raw}
    assert raw == {f"fact_{k}__quality" for k in ("models", "datasets", "spaces")}
    assert all(f.source == f"{f.kind}_raw" for f in facts() if f.raw)


def test_views_keep_one_row_per_id_and_clean_the_values(bad_root: Path) -> None:
    con = connect(bad_root)
    # raw: every row of the file
    assert con.execute("SELECT count(*) FROM models_raw").fetchone() == (10,)
    rows = con.execute("SELECT id, author, downloads, likes FROM models ORDER BY id").fetchall()
    # rows 3, 4 dropped (no id); a/m1 once: row 1 (latest lastModified; row 2 ties, comes later);
    # b/m2 author from its id, negative values NULL; noslash keeps a NULL author
    assert rows == [
        ("a/m1", "a", 20, 2),
        ("b/m2", "b", None, None),
        ("c/m3", "c", 1, 1),
        ("c/m4", "c", 1, 1),
        ("d/m5", "d", 7, 1),
        ("noslash", None, 2, 1),
    ]
    # datasets: o/d1 once, row 0 (lastModified tie, first in the file); p/d2 author p, downloads NULL
    assert con.execute("SELECT id, author, downloads FROM datasets ORDER BY id").fetchall() == [
        ("o/d1", "o", 4),
        ("p/d2", "p", None),
    ]
    # spaces: s/a once, row 1 (lastModified END is the later one); the empty id dropped
    assert con.execute("SELECT id, likes, createdAt FROM spaces").fetchall() == [("s/a", 5, T0)]


def test_facts_read_the_checked_rows(bad_root: Path, tmp_path: Path) -> None:
    con, _ = store.open_facts(bad_root, cache=tmp_path / "cache", progress=False)
    counts = con.execute(
        "SELECT models, authors, downloads_30d, likes FROM fact_models__counts"
    ).fetchone()
    # 6 models; authors a, b, c, d (noslash's NULL not counted) = 4;
    # downloads 20 + 1 + 1 + 7 + 2 = 31 (b/m2's -5 left out; raw would be 10+20+30+100+100-5+1+1+7+2);
    # likes 2 + 1 + 1 + 1 + 1 = 6 (b/m2's -1 left out)
    assert counts == (6, 4, 31, 6)
    conc = con.execute(
        "SELECT rows, n, total FROM fact_models__concentration WHERE measure = 'downloads'"
    ).fetchone()
    # 6 rows, 5 with a value (b/m2's NULL), total 31
    assert conc == (6, 5, 31.0)


def test_once_strategy_gives_the_same_facts(bad_root: Path) -> None:
    fs = facts("models")
    direct = reduce.run_facts(connect(bad_root, kinds="models"), "models", fs)
    once = reduce.run_facts(connect(bad_root, kinds="models"), "models", fs, strategy="once")
    assert direct.keys() == once.keys()
    for table, t in direct.items():
        assert sorted(t.to_pylist(), key=repr) == sorted(once[table].to_pylist(), key=repr), table
    assert direct["fact_models__quality"].to_pylist()[0]["duplicate_ids"] == 2


def test_describe_shows_the_quality_counts_and_missing_columns(bad_root: Path) -> None:
    d = describe(bad_root)
    names = [n.strip() for n in QUALITY.split(",")]
    # the same counts as the facts (the facts' SQL, run over the raw files)
    assert d["kinds"]["models"]["quality"] == {
        WEEK.isoformat(): dict(zip(names, MODELS_QUALITY, strict=True))
    }
    assert d["kinds"]["spaces"]["quality"] == {
        WEEK.isoformat(): dict(zip(names, SPACES_QUALITY, strict=True))
    }
    text = describe_text(d).splitlines()
    models = text[text.index("models: 1 weeks, 2025-03-05 to 2025-03-05, " + _bytes(d, "models")) :]
    # the models file of 2025-03-05 has every known column: no missing-columns block
    assert models[4:16] == [
        "  row checks (rows of the raw files; what the views do: analysis/snapshots/sql/clean.sql):",
        "    duplicate_ids: 2 in 1 week: 2025-03-05",
        "    null_or_empty_ids: 2 in 1 week: 2025-03-05",
        "    null_authors: 2 in 1 week: 2025-03-05",
        "    negative_downloads: 1 in 1 week: 2025-03-05",
        "    negative_likes: 1 in 1 week: 2025-03-05",
        "    placeholder_created: 2 in 1 week: 2025-03-05",
        "    created_after_week: 1 in 1 week: 2025-03-05",
        "    self_links: 1 in 1 week: 2025-03-05",
        "    none in any week: non_integer_downloads, non_integer_likes",
        # from the facts cache (the family walk), not built for this root
        "    models on a cycle: not counted for 1 week(s) whose facts are not built "
        "(`hubobs facts build` counts them)",
        "",
    ]
    # datasets of 2025-03-05 lack mainSize (the schema has it from 2026-01-07): shown in the text;
    # their likes are all >= 0, and self_links (NULL for datasets) is not listed
    assert "    mainSize: 1 week: 2025-03-05" in text
    assert (
        "    none in any week: negative_likes, placeholder_created, non_integer_downloads, "
        "non_integer_likes" in text
    )
    start = next(i for i, line in enumerate(text) if line.startswith("datasets: "))
    end = next(i for i, line in enumerate(text) if line.startswith("spaces: "))
    assert not any("self_links" in line for line in text[start:end])


def _bytes(d: dict[str, Any], kind: str) -> str:
    return f"{d['kinds'][kind]['bytes']:,} bytes"


def test_data_page_summary_sums_the_counts(bad_root: Path, tmp_path: Path) -> None:
    from analysis.facts.quality import summary_markdown

    con, _ = store.open_facts(bad_root, cache=tmp_path / "cache", progress=False)
    # one week per kind: the sums are MODELS_QUALITY, DATASETS_QUALITY, SPACES_QUALITY
    assert summary_markdown(con).splitlines() == [
        "| Check | models | datasets | spaces |",
        "|---|---:|---:|---:|",
        "| weeks read | 1 | 1 | 1 |",
        "| rows read (all weeks) | 10 | 4 | 3 |",
        "| rows repeating an id (one row per id kept: the latest `lastModified`) | 2 | 1 | 1 |",
        "| rows without an id (dropped) | 2 | 1 | 1 |",
        "| rows without an author (the id's owner part used) | 2 | 1 | 1 |",
        "| negative download counts (left out: no value) | 1 | 1 | n/a |",
        "| negative like counts (left out: no value) | 1 | 0 | 1 |",
        "| the Hub's placeholder `createdAt` of its oldest repositories | 2 | 0 | 1 |",
        "| `createdAt` after the end of the snapshot's week | 1 | 1 | 0 |",
        "| models naming only themselves as base model (no base model) | 1 | n/a | n/a |",
        "| download counts that are not whole numbers (left out: no value) | 0 | 0 | n/a |",
        "| like counts that are not whole numbers (left out: no value) | 0 | 0 | 0 |",
        "| models on a cycle of base-model links (the family walk stops there; the family is "
        "named after the cycle's smallest id) | 0 | n/a | n/a |",
        "| nested fields the schema does not know (such as `safetensors.parameters` dtypes; "
        "kept, not read), distinct names | 0 | 0 | 0 |",
    ]


def test_growth_findings_say_what_the_row_checks_left_out(bad_root: Path, tmp_path: Path) -> None:
    from analysis import growth
    from analysis.snapshots import provenance

    con, _ = store.open_facts(bad_root, cache=tmp_path / "cache", progress=False)
    weekly = growth.weekly(con)
    got = weekly.set_index("kind").loc[["models", "datasets", "spaces"]]
    # duplicates: models 2, datasets 1, spaces 1; without an id: 2, 1, 1 (the quality counts)
    assert got["repos"].tolist() == [6, 2, 1]
    assert got["left_out_duplicates"].tolist() == [2, 1, 1]
    assert got["left_out_no_id"].tolist() == [2, 1, 1]
    text = growth.findings(weekly, growth.monthly(con), provenance(con)).sentences
    assert (
        "Left out of these models counts by the row checks (one row kept per id, rows without an "
        "id dropped): in the week of 2025-03-05, 2 rows repeating an id and 2 rows without an id."
        in text
    )
    assert (
        "Left out of these spaces counts by the row checks (one row kept per id, rows without an "
        "id dropped): in the week of 2025-03-05, 1 row repeating an id and 1 row without an id."
        in text
    )
