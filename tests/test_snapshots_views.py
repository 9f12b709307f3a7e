"""connect(): views over weeks of mixed schema eras, typed NULLs, structs, extras, errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from snapshots_helpers import W1, W2, W3, W4, model, schema_with, write_week

from analysis.errors import SnapshotError
from analysis.schema import COLUMNS, SAFETENSORS
from analysis.snapshots import connect, provenance, run, write_revision

NARROW_SAFETENSORS = pa.struct(
    [
        pa.field("parameters", pa.struct([pa.field("BF16", pa.int64())])),
        pa.field("total", pa.int64()),
    ]
)
WIDE_SAFETENSORS = pa.struct(
    [
        pa.field(
            "parameters",
            pa.struct(
                [
                    pa.field("F32", pa.int64()),
                    pa.field("BF16", pa.int64()),
                    pa.field('Q"4 junk', pa.int64()),
                ]
            ),
        ),
        pa.field("total", pa.int64()),
    ]
)


def _mixed(tmp_path: Path) -> Path:
    write_week(
        tmp_path,
        "models",
        W1,
        [model(1, safetensors={"parameters": {"BF16": 10}, "total": 10})],
        schema_with("models", W1, safetensors=NARROW_SAFETENSORS),
    )
    write_week(
        tmp_path,
        "models",
        W2,
        [model(1, trendingScore=0.0), model(2, trendingScore=2.5)],
    )
    write_week(
        tmp_path,
        "models",
        W3,
        [
            model(
                3,
                safetensors={"parameters": {"F32": 4, "BF16": 6, 'Q"4 junk': 1}, "total": 11},
                siblings=["a.bin"],
            )
        ],
        schema_with("models", W3, safetensors=WIDE_SAFETENSORS, siblings=pa.list_(pa.string())),
    )
    write_week(tmp_path, "datasets", W2, [{"_id": "d1", "id": "org/data", "downloads": 3}])
    write_revision(tmp_path, "rev0001")
    return tmp_path


def test_views_have_every_known_column_and_week(tmp_path: Path) -> None:
    con = connect(_mixed(tmp_path))
    cols = [r[0] for r in con.execute("DESCRIBE models").fetchall()]
    known = [c.name for c in COLUMNS["models"]]
    assert cols == [*known, "siblings", "week"]
    ds_cols = [r[0] for r in con.execute("DESCRIBE datasets").fetchall()]
    assert ds_cols == [*[c.name for c in COLUMNS["datasets"]], "week"]
    rows = con.execute("SELECT week, count(*) FROM models GROUP BY week ORDER BY week").fetchall()
    assert rows == [(W1, 1), (W2, 2), (W3, 1)]


def test_missing_columns_are_typed_null_never_zero(tmp_path: Path) -> None:
    con = connect(_mixed(tmp_path))
    got = con.execute("SELECT week, id, trendingScore FROM models ORDER BY week, id").fetchall()
    assert got == [
        (W1, "org/model-1", None),  # the W1 file has no trendingScore: NULL
        (W2, "org/model-1", 0.0),  # a real zero stays zero
        (W2, "org/model-2", 2.5),
        (W3, "org/model-3", None),  # in the era but NULL in the row
    ]
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE models)").fetchall())
    assert types["trendingScore"] == "DOUBLE"
    assert types["downloadsAllTime"] == "BIGINT"
    assert con.execute(
        "SELECT count(*) FROM models WHERE downloadsAllTime IS NOT NULL"
    ).fetchone() == (0,)
    missing = con.execute(
        "SELECT week, column_name FROM missing_columns WHERE kind = 'models' ORDER BY week, column_name"
    ).fetchall()
    assert missing == [
        (W1, "downloadsAllTime"),
        (W1, "trendingScore"),
        (W2, "downloadsAllTime"),
        (W3, "downloadsAllTime"),
    ]


def test_struct_fields_differing_between_weeks_are_kept(tmp_path: Path) -> None:
    con = connect(_mixed(tmp_path))
    got = dict(
        con.execute(
            "SELECT week, safetensors FROM models WHERE safetensors IS NOT NULL ORDER BY week"
        ).fetchall()
    )
    w1 = got[W1]["parameters"]
    assert w1["BF16"] == 10 and w1["F32"] is None and w1['Q"4 junk'] is None
    w3 = got[W3]["parameters"]
    assert (w3["F32"], w3["BF16"], w3['Q"4 junk']) == (4, 6, 1)
    # every canonical dtype field is there, then the junk one
    fields = list(w1)
    assert fields[: len(SAFETENSORS.field("parameters").type)] == [
        f.name for f in SAFETENSORS.field("parameters").type
    ]
    assert fields[-1] == 'Q"4 junk'
    assert con.execute("SELECT sum(safetensors.parameters.BF16) FROM models").fetchone() == (16,)


def test_extra_columns_kept_and_reported(tmp_path: Path) -> None:
    con = connect(_mixed(tmp_path))
    assert con.execute("SELECT week, siblings FROM models ORDER BY week, id").fetchall() == [
        (W1, None),
        (W2, None),
        (W2, None),
        (W3, ["a.bin"]),
    ]
    assert con.execute("SELECT kind, week, column_name, type FROM extra_columns").fetchall() == [
        ("models", W3, "siblings", "list<element: string>")
    ]


def test_weeks_table_and_selection(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    con = connect(root, kinds=["models"], weeks=(W2, None))
    assert con.execute(
        "SELECT kind, week, revision, rows, era, repeat_of FROM weeks ORDER BY week"
    ).fetchall() == [
        ("models", W2, "rev0001", 2, "base+trendingScore", None),
        ("models", W3, "rev0001", 1, "base+trendingScore", None),
    ]
    assert con.execute("SELECT DISTINCT week FROM models ORDER BY week").fetchall() == [
        (W2,),
        (W3,),
    ]
    with pytest.raises(duckdb.CatalogException):
        con.execute("SELECT * FROM datasets")
    # a listed week that no chosen kind has is an error; one some kind lacks is not
    with pytest.raises(SnapshotError, match="2024-10-16"):
        connect(root, weeks=[W4])
    con2 = connect(root, weeks=[W1])
    assert con2.execute("SELECT count(*) FROM datasets").fetchone() == (0,)
    assert [r[0] for r in con2.execute("DESCRIBE datasets").fetchall()][-1] == "week"
    with pytest.raises(SnapshotError, match="no spaces weeks"):
        connect(root, kinds="spaces")
    with pytest.raises(SnapshotError, match="unknown kind"):
        connect(root, kinds="posts")


def test_existing_connection_is_used(tmp_path: Path) -> None:
    con = duckdb.connect()
    out = connect(_mixed(tmp_path), kinds="datasets", con=con)
    assert out is con
    assert con.execute("SELECT id FROM datasets").fetchall() == [("org/data",)]


def test_repeated_week_marked(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    src = root / "models/2024-10-09/models.parquet"
    dst = root / "models/2024-10-16/models.parquet"
    dst.parent.mkdir(parents=True)
    dst.write_bytes(src.read_bytes())
    con = connect(root, kinds="models")
    assert con.execute("SELECT week, repeat_of FROM weeks ORDER BY week").fetchall() == [
        (W1, None),
        (W2, None),
        (W3, None),
        (W4, W3),
    ]


def test_projection_reads_only_named_columns(tmp_path: Path) -> None:
    big = "x" * 50_000
    rows = [model(i, cardData=big, gguf=big) for i in range(200)]
    write_week(tmp_path, "models", W2, rows)
    write_week(tmp_path, "models", W3, rows)
    con = connect(tmp_path)
    plan = con.execute(
        "EXPLAIN SELECT id, downloads FROM models WHERE week = DATE '2024-10-09'"
    ).fetchall()[0][1]
    assert "READ_PARQUET" in plan
    assert "cardData" not in plan and "gguf" not in plan
    assert plan.count("READ_PARQUET") == 1  # the other week's branch is pruned
    assert con.execute(
        "SELECT sum(downloads) FROM models WHERE week = DATE '2024-10-09'"
    ).fetchone() == (sum(range(200)),)


def test_corrupt_and_truncated_files_name_the_file(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    p = root / "models/2024-10-02/models.parquet"
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])
    with pytest.raises(SnapshotError, match=str(p)):
        connect(root)
    p.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(SnapshotError, match="corrupt or truncated"):
        connect(root, kinds="models")
    # a file whose footer is fine but whose data pages are damaged: named at query time
    q = root / "datasets/2024-10-02/datasets.parquet"
    n = 2000
    table = pa.table({"_id": [f"d{i}" for i in range(n)], "id": [f"o/d{i}" for i in range(n)]})
    pq.write_table(table, q, compression="snappy")
    data = bytearray(q.read_bytes())
    meta = pq.ParquetFile(q).metadata
    start = meta.row_group(0).column(1).data_page_offset
    for i in range(start + 8, start + 200):
        data[i] = 0xA5
    q.write_bytes(bytes(data))
    con = connect(root, kinds="datasets")
    with pytest.raises(SnapshotError, match=str(q)):
        run(con, "SELECT count(DISTINCT id) AS n FROM datasets")
    # the query's own mistakes are not blamed on a file
    with pytest.raises(duckdb.BinderException):
        run(con, "SELECT no_such_column FROM datasets")


def test_column_of_an_incompatible_type_is_named(tmp_path: Path) -> None:
    write_week(
        tmp_path,
        "models",
        W2,
        [{"id": "a", "safetensors": "oops"}],
        schema_with("models", W2, safetensors=pa.string()),
    )
    with pytest.raises(SnapshotError, match="safetensors"):
        connect(tmp_path)


def test_hostile_path_and_names_are_quoted(tmp_path: Path) -> None:
    root = tmp_path / 'it\'s a "root"'
    write_week(
        root,
        "models",
        W2,
        [model(1, **{"x'); DROP TABLE weeks; --": 1})],
        schema_with("models", W2, **{"x'); DROP TABLE weeks; --": pa.int64()}),
    )
    con = connect(root)
    assert con.execute('SELECT "x\'); DROP TABLE weeks; --" FROM models').fetchall() == [(1,)]
    assert con.execute("SELECT count(*) FROM weeks").fetchone() == (1,)
    globby = tmp_path / "root[1]"
    write_week(globby, "models", W2, [model(1)])
    with pytest.raises(SnapshotError, match="glob"):
        connect(globby)


def test_provenance_from_connection_and_root(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    con = connect(root)
    p = provenance(con, kinds="models", weeks=(W2, W3))
    assert p.weeks == (W2, W3)
    assert p.revision == "rev0001" and p.generated is False
    assert [f.path for f in p.files] == [
        "models/2024-10-02/models.parquet",
        "models/2024-10-09/models.parquet",
    ]
    assert provenance(root, kinds=["models", "datasets"]).weeks == (W1, W2, W3)
    (root / "generator.json").write_text('{"revision": "gen-1"}')
    (root / "REVISION").unlink()
    (root / "manifest.json").unlink()
    pg = provenance(root)
    assert pg.generated is True and pg.revision == "gen-1"
    assert "GENERATED SAMPLE" in pg.source_line()


def test_date_weeks_accept_datetime(tmp_path: Path) -> None:
    root = _mixed(tmp_path)
    con = connect(root, weeks=[dt.datetime(2024, 10, 2, 12, 0)])
    assert con.execute("SELECT DISTINCT week FROM models").fetchall() == [(W2,)]
