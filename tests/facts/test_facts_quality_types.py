"""Row checks on what a file's types carry: float counts, unknown nested fields, the placeholder
creation time (stated once). Every expected number is worked out from the rows listed here."""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.facts import store
from analysis.facts.quality import UNKNOWN_LABEL, summary_markdown
from analysis.schema import PLACEHOLDER_CREATED, SAFETENSORS_DTYPES, arrow_schema, file_path
from analysis.snapshots import connect
from analysis.snapshots.describe import describe, describe_text

WEEK = dt.date(2025, 3, 5)
T0 = dt.datetime(2025, 3, 5, 12)
PLACEHOLDER = PLACEHOLDER_CREATED[0]


def _schema(downloads: pa.DataType, dtypes: tuple[str, ...]) -> pa.Schema:
    """The models schema of WEEK with ``downloads`` and ``likes`` of type ``downloads`` and
    ``safetensors.parameters`` holding ``dtypes``."""
    fields = []
    for f in arrow_schema("models", WEEK):
        if f.name in ("downloads", "likes"):
            f = pa.field(f.name, downloads)
        elif f.name == "safetensors":
            params = pa.struct([pa.field(d, pa.int64()) for d in dtypes])
            f = pa.field(f.name, pa.struct([("parameters", params), ("total", pa.int64())]))
        fields.append(f)
    return pa.schema(fields)


def _write(root: Path, schema: pa.Schema, rows: list[dict[str, Any]]) -> None:
    path = root / file_path("models", WEEK)
    path.parent.mkdir(parents=True, exist_ok=True)
    full = [{c: None for c in schema.names} | r for r in rows]
    pq.write_table(pa.Table.from_pylist(full, schema=schema), path)


def _m(i: str, downloads: float | None, likes: float | None = 1.0, **kw: Any) -> dict[str, Any]:
    return {
        "_id": f"u-{i}",
        "id": i,
        "author": i.split("/")[0],
        "createdAt": T0,
        "lastModified": T0,
        "downloads": downloads,
        "likes": likes,
    } | kw


#: a week whose file types downloads and likes as double
FLOAT_ROWS = [
    _m("a/x", 10.0),  # whole: 10
    _m("a/y", 2.5, likes=0.5),  # not whole: downloads and likes NULL, both counted
    _m("b/z", -4.0),  # whole but negative: counted as negative, NULL in the view
    _m("b/w", math.nan),  # NaN: not a whole number, NULL
    _m("c/v", None, likes=None),  # NULL: neither check
    _m("c/u", 7.0, likes=3.0),  # whole: 7
]
# quality: rows 6; negative_downloads 1 (b/z); non_integer_downloads 2 (a/y, b/w);
# non_integer_likes 1 (a/y); negative_likes 0
# views: downloads a/x 10, a/y NULL, b/z NULL, b/w NULL, c/v NULL, c/u 7: sum 17, 2 values


@pytest.fixture
def float_root(tmp_path: Path) -> Path:
    root = tmp_path / "floats"
    _write(root, _schema(pa.float64(), SAFETENSORS_DTYPES), FLOAT_ROWS)
    return root


def test_float_counts_are_counted_and_never_rounded(float_root: Path, tmp_path: Path) -> None:
    con, _ = store.open_facts(float_root, cache=tmp_path / "cache", progress=False)
    q = con.execute(
        "SELECT rows, negative_downloads, negative_likes, non_integer_downloads, "
        "non_integer_likes FROM fact_models__quality"
    ).fetchone()
    assert q == (6, 1, 0, 2, 1)
    got = con.execute("SELECT id, downloads, likes FROM models ORDER BY id").fetchall()
    assert got == [
        ("a/x", 10, 1),
        ("a/y", None, None),
        ("b/w", None, 1),
        ("b/z", None, 1),
        ("c/u", 7, 3),
        ("c/v", None, None),
    ]
    # the raw view holds the same values (no rounding there either) and the flags
    raw = con.execute(
        "SELECT id, downloads, hubobs_non_integer_downloads, hubobs_non_integer_likes "
        "FROM models_raw ORDER BY id"
    ).fetchall()
    assert raw[1] == ("a/y", None, True, True) and raw[2] == ("b/w", None, True, False)
    conc = con.execute(
        "SELECT rows, n, total FROM fact_models__concentration WHERE measure = 'downloads'"
    ).fetchone()
    # 6 models, 2 with a value (10 and 7): the non-whole and negative ones left out
    assert conc == (6, 2, 17.0)


def test_describe_says_floats_are_kept_only_when_whole(float_root: Path) -> None:
    d = describe(float_root)
    assert d["kinds"]["models"]["quality"]["2025-03-05"]["non_integer_downloads"] == 2
    text = describe_text(d)
    assert (
        "    downloads: double, not int64 (whole numbers kept in the views, other values NULL), "
        "1 week: 2025-03-05" in text
    )
    assert "    non_integer_downloads: 2 in 1 week: 2025-03-05" in text
    assert "    non_integer_likes: 1 in 1 week: 2025-03-05" in text


JUNK = ("miku", "fastllm")


def test_unknown_nested_fields_are_counted_per_week(tmp_path: Path) -> None:
    root = tmp_path / "junk"
    dtypes = ("BF16", *JUNK)
    row = _m("a/x", 1.0) | {
        "safetensors": {"parameters": {"BF16": 5, "miku": 3, "fastllm": 1}, "total": 9}
    }
    _write(root, _schema(pa.int64(), dtypes), [row | {"downloads": 1, "likes": 1}])
    con = connect(root)
    assert con.execute("SELECT kind, week, field, type FROM unknown_fields").fetchall() == [
        ("models", WEEK, "safetensors.parameters.miku", "int64"),
        ("models", WEEK, "safetensors.parameters.fastllm", "int64"),
    ]
    # the fields stay in the view
    assert con.execute("SELECT safetensors.parameters.miku FROM models").fetchall() == [(3,)]
    text = describe_text(describe(root)).splitlines()
    i = text.index(
        "  nested fields analysis.schema does not know (kept in the views, read by no fact):"
    )
    assert text[i + 1] == (
        "    2 per week (safetensors.parameters.miku, safetensors.parameters.fastllm): "
        "1 week: 2025-03-05"
    )
    facts_con, _ = store.open_facts(root, cache=tmp_path / "cache", progress=False)
    last = summary_markdown(facts_con).splitlines()[-1]
    assert last == f"| {UNKNOWN_LABEL} | 2 | 0 | 0 |"


def test_placeholder_creation_time_is_no_creation_date(tmp_path: Path) -> None:
    root = tmp_path / "old"
    rows = [
        _m("a/old", 1.0, createdAt=PLACEHOLDER),
        _m("a/old2", 1.0, createdAt=PLACEHOLDER + dt.timedelta(seconds=1, microseconds=999_999)),
        _m("a/edge", 1.0, createdAt=PLACEHOLDER_CREATED[1]),  # 23:29:06: a real creation time
        _m("a/new", 1.0, createdAt=T0),
    ]
    _write(root, _schema(pa.int64(), SAFETENSORS_DTYPES), [r | {"downloads": 1} for r in rows])
    con, _ = store.open_facts(root, cache=tmp_path / "cache", progress=False)
    assert con.execute("SELECT placeholder_created FROM fact_models__quality").fetchone() == (2,)
    got = con.execute('SELECT id, "createdAt" FROM models ORDER BY id').fetchall()
    assert got == [
        ("a/edge", PLACEHOLDER_CREATED[1]),
        ("a/new", T0),
        ("a/old", None),
        ("a/old2", None),
    ]
    # release timelines (lineage) and per-day creations see no 2022-03-02
    nodes = con.execute("SELECT id, created FROM fact_models__lineage_nodes ORDER BY id").fetchall()
    assert [n[1] for n in nodes] == [PLACEHOLDER_CREATED[1], T0, None, None]
    # the created_daily window [week - 7 days, week + 7 days) holds a/new alone
    daily = con.execute("SELECT day, created FROM fact_models__created_daily").fetchall()
    assert daily == [(T0.date(), 1)]


def test_placeholder_literal_is_stated_once() -> None:
    project = Path(__file__).resolve().parents[2]
    hits = [
        str(p.relative_to(project))
        for p in sorted((project / "analysis").rglob("*"))
        if p.suffix in (".sql", ".py")
        and re.search(r"2022-03-02[ T]23:29|2022, 3, 2, 23, 29", p.read_text("utf-8"))
    ]
    assert hits == ["analysis/schema.py"]


def test_concentration_findings_say_what_was_left_out(float_root: Path, tmp_path: Path) -> None:
    from analysis import concentration
    from analysis.concentration.findings import findings
    from analysis.snapshots import provenance

    con, _ = store.open_facts(float_root, cache=tmp_path / "cache", progress=False)
    weekly = concentration.weekly(con)
    got = weekly.set_index("measure").loc[["downloads", "likes"]]
    assert got["left_out_negative"].tolist() == [1, 0]
    assert got["left_out_non_integer"].tolist() == [2, 1]
    text = findings(weekly, concentration.published_reference(), provenance(con)).sentences
    # (the label is Markdown-escaped by Findings)
    assert (
        "Left out of these downloads \\(30\\-day window\\) figures, as no value (never as "
        "zero): 1 row with a negative count and 2 rows with a count that is not a whole number "
        "in the week's file." in text
    )
    assert (
        "Left out of these likes figures, as no value (never as zero): 0 rows with a negative "
        "count and 1 row with a count that is not a whole number in the week's file." in text
    )
