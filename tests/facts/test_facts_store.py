"""The fact store: each week reduced once, cached by (week, file sha256, fact code), served as tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import WEEKS, write_week

from analysis.facts import cache as fcache
from analysis.facts import definitions, materialize, reduce, store
from analysis.facts.definitions import facts
from analysis.sqlerrors import QueryError

#: the generic facts this area defines (others' facts may need data these tiny roots lack)
OWN = {"counts", "by_pipeline_tag", "by_library", "by_base_relation", "by_license_tag"}


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


def _n_facts(kind: str) -> int:
    return len(facts(kind))


def test_build_computes_every_fact_week_then_nothing(
    root: Path, cache: Path, connect: object
) -> None:
    first = store.build(root, cache=cache)
    expected = 2 * _n_facts("models") + _n_facts("datasets")
    assert len(first.computed) == expected
    assert sorted(first.files_read) == [
        ("datasets", WEEKS[0]),
        ("models", WEEKS[0]),
        ("models", WEEKS[1]),
    ]
    mtimes = {p: p.stat().st_mtime_ns for p in cache.rglob("*.parquet")}
    assert len(mtimes) == expected
    again = store.build(root, cache=cache)
    assert again.computed == [] and again.files_read == [] and again.reused == expected
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.parquet")} == mtimes


def test_adding_a_week_reads_only_that_week(root: Path, cache: Path, connect: object) -> None:
    store.build(root, cache=cache)
    write_week(root, WEEKS[2], 13)
    report = store.build(root, cache=cache)
    assert report.files_read == [("models", WEEKS[2])]
    assert sorted(report.computed) == sorted((f.table, WEEKS[2]) for f in facts("models"))


def test_facts_equal_materialize_over_all_weeks(root: Path, cache: Path, connect) -> None:  # type: ignore[no-untyped-def]
    write_week(root, WEEKS[2], 13)
    con, prov = store.open_facts(root, cache=cache)
    direct = connect(root, kinds=None, weeks=None)
    made = materialize(direct)
    assert made, "no fact definitions found"
    for table in made:
        assert _rows(con, table) == _rows(direct, table), table
        if table.split("__")[1] in OWN:
            assert _rows(con, table), f"{table} is empty on the test root"
    assert prov.weeks == WEEKS
    assert len(prov.files) == 4
    # the raw views and the weeks table are there too
    assert con.execute("SELECT count(*) FROM models").fetchone() == (20 + 25 + 13,)
    assert con.execute("SELECT count(*) FROM weeks").fetchone() == (4,)


def test_the_two_strategies_agree(root: Path, connect) -> None:  # type: ignore[no-untyped-def]
    con = connect(root, kinds=["models"], weeks=[WEEKS[1]])
    once = reduce.run_facts(con, "models", facts("models"), strategy="once")
    direct = reduce.run_facts(con, "models", facts("models"), strategy="direct")
    for table, t in once.items():
        assert sorted(map(repr, t.to_pylist())) == sorted(map(repr, direct[table].to_pylist())), (
            table
        )


def test_week_range_selects_weeks(root: Path, cache: Path, connect: object) -> None:
    write_week(root, WEEKS[2], 13)
    con, prov = store.open_facts(root, start=WEEKS[1], end=WEEKS[1], cache=cache)
    assert prov.weeks == (WEEKS[1],)
    assert con.execute("SELECT DISTINCT week FROM fact_models__counts").fetchall() == [(WEEKS[1],)]
    assert con.execute("SELECT models FROM fact_models__counts").fetchone() == (25,)
    assert not (cache / "fact_datasets__counts").exists()  # datasets only has week 1


def test_changed_sql_rebuilds_only_that_fact(
    root: Path, cache: Path, connect: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sql_dir = tmp_path / "sql"
    shutil.copytree(definitions.SQL_DIR, sql_dir)
    monkeypatch.setattr(definitions, "SQL_DIR", sql_dir)
    store.build(root, cache=cache)
    counts = sql_dir / "models__counts.sql"
    counts.write_text(counts.read_text() + "\n-- reworded\n", encoding="utf-8")
    report = store.build(root, cache=cache)
    assert sorted(report.computed) == [
        ("fact_models__counts", WEEKS[0]),
        ("fact_models__counts", WEEKS[1]),
    ]
    assert report.files_read == [("models", WEEKS[0]), ("models", WEEKS[1])]
    stale = fcache.stale(cache)
    assert len(stale) == 2 and all(p.parent.name == "fact_models__counts" for p in stale)
    assert fcache.prune(cache) == stale
    assert not any(p.exists() for p in stale)
    assert store.build(root, cache=cache).computed == []


def test_changed_file_is_recomputed(root: Path, cache: Path, connect: object) -> None:
    store.build(root, cache=cache)
    write_week(root, WEEKS[1], 7, salt=3)  # same week label, new content (new sha256)
    report = store.build(root, cache=cache)
    assert report.files_read == [("models", WEEKS[1])]
    con, _ = store.open_facts(root, cache=cache)
    assert con.execute(
        "SELECT models FROM fact_models__counts WHERE week = $w", {"w": WEEKS[1]}
    ).fetchone() == (7,)


def test_stale_cache_is_ignored(root: Path, cache: Path, connect: object) -> None:
    con, _ = store.open_facts(root, cache=cache)
    good = _rows(con, "fact_models__counts")
    # a file of an older code version for the same week and file, with wrong numbers
    current = next(cache.glob(f"fact_models__counts/models-{WEEKS[0]}-*.parquet"))
    bogus = current.with_name(
        current.name[: -len("0123456789abcdef.parquet")] + "0" * 16 + ".parquet"
    )
    t = pq.read_table(current)
    pq.write_table(t.set_column(t.schema.get_field_index("models"), "models", [[999]]), bogus)
    con2, _ = store.open_facts(root, cache=cache)
    assert _rows(con2, "fact_models__counts") == good
    assert bogus in fcache.stale(cache)
    rows = {r["fact"]: r for r in store.status(root, cache)}
    assert rows["fact_models__counts"] == {
        "fact": "fact_models__counts",
        "weeks": 2,
        "cached": 2,
        "stale_files": 1,
    }


def test_failure_mid_write_leaves_no_partial_file(
    root: Path, cache: Path, connect: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = pq.write_table
    calls = {"n": 0}

    def flaky(table, where, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            real_write(table.slice(0, 0), where)  # something half-written at the temp name
            raise OSError("disk full (simulated)")
        return real_write(table, where, *args, **kwargs)

    monkeypatch.setattr(fcache.pq, "write_table", flaky)
    with pytest.raises(OSError, match="disk full"):
        store.build(root, cache=cache)
    files = list(cache.rglob("*"))
    assert [p for p in files if p.is_file() and not p.name.endswith(".parquet")] == []
    assert (
        len([p for p in files if p.suffix == ".parquet"]) == 2
    )  # the two whole ones before the failure
    for p in cache.rglob("*.parquet"):
        pq.read_table(p)  # whole files only
    monkeypatch.setattr(fcache.pq, "write_table", real_write)
    report = store.build(root, cache=cache)
    assert len(report.computed) == 2 * _n_facts("models") + _n_facts("datasets") - 2


def test_failure_in_a_fact_keeps_other_weeks(
    root: Path, cache: Path, connect: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = reduce.run_facts
    seen: list[object] = []

    def failing(con, kind, todo, strategy="direct", inputs=None):  # type: ignore[no-untyped-def]
        seen.append(kind)
        if len(seen) == 2:
            raise duckdb.Error("query failed (simulated)")
        return real(con, kind, todo, strategy, inputs)

    monkeypatch.setattr(store, "run_facts", failing)
    # one message naming the file and week (analysis.sqlerrors), not DuckDB's bare error
    with pytest.raises(QueryError, match=r"models\.parquet: week 2025-03-05: query failed"):
        store.build(root, cache=cache)
    monkeypatch.setattr(store, "run_facts", real)
    report = store.build(root, cache=cache)
    assert len(report.files_read) == 2  # the one done before the failure is not redone


def test_needed_columns_are_those_named(connect, root: Path) -> None:  # type: ignore[no-untyped-def]
    con = connect(root, kinds=["models"], weeks=[WEEKS[0]])
    cols = reduce.needed_columns(con, "models", [f for f in facts("models") if f.name == "counts"])
    assert set(cols) == {"week", "createdAt", "author", "downloads", "likes"}


def test_cli_build_status_prune(
    root: Path, cache: Path, connect: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.cli import main

    assert main(["facts", "build", "--root", str(root), "--cache", str(cache), "--quiet"]) == 0
    assert "computed" in capsys.readouterr().out
    assert main(["facts", "status", "--root", str(root), "--cache", str(cache)]) == 0
    out = capsys.readouterr().out
    assert "fact_models__counts" in out
    (cache / "fact_models__counts" / "x.parquet.123.tmp").write_bytes(b"partial")
    assert main(["facts", "prune", "--cache", str(cache)]) == 0
    assert "x.parquet.123.tmp" in capsys.readouterr().out
