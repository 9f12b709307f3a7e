"""Derived facts: facts computed from other facts of the same week, never from the file again."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import WEEKS

from analysis.errors import HubObsError
from analysis.facts import cache as fcache
from analysis.facts import definitions, store
from analysis.facts.definitions import Fact, facts

DERIVED = {
    "week_links",
    "family_sizes",
    "cycles",
    "licence_drift",
    "derivatives_by_parent",
    "parent_names",
    "evaluation_benchmarks",
}


def test_derived_facts_declare_what_they_read_and_come_after_it() -> None:
    order = [f.name for f in facts("models")]
    reads = {f.name: f.reads for f in facts("models")}
    assert {n for n, r in reads.items() if r} == DERIVED
    assert reads["week_links"] == ("edges", "lineage_nodes")
    for name, deps in reads.items():
        for dep in deps:
            assert order.index(dep) < order.index(name), (dep, name)


def _sql_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    sql_dir = tmp_path / "sql"
    shutil.copytree(definitions.SQL_DIR, sql_dir)
    monkeypatch.setattr(definitions, "SQL_DIR", sql_dir)
    return sql_dir


def test_a_cycle_or_a_missing_fact_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sql_dir = _sql_dir(tmp_path, monkeypatch)
    (sql_dir / "models__a.sql").write_text("-- reads facts: b\nSELECT * FROM fact_models__b\n")
    (sql_dir / "models__b.sql").write_text("-- reads facts: a\nSELECT * FROM fact_models__a\n")
    with pytest.raises(
        HubObsError, match="cycle: fact_models__a -> fact_models__b -> fact_models__a"
    ):
        facts("models")
    (sql_dir / "models__b.sql").write_text("-- reads facts: nowhere\nSELECT 1\n")
    with pytest.raises(HubObsError, match=r"models__b\.sql: reads fact 'nowhere'"):
        facts("models")
    (sql_dir / "models__b.sql").write_text("-- reads facts: \nSELECT 1\n")
    with pytest.raises(HubObsError, match="names no fact"):
        _ = Fact("models", "b", sql_dir / "models__b.sql").reads


def test_changing_a_read_fact_rebuilds_what_derives_from_it(
    root: Path, cache: Path, connect: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sql_dir = _sql_dir(tmp_path, monkeypatch)
    store.build(root, cache=cache)
    edges = sql_dir / "models__edges.sql"
    edges.write_text(edges.read_text() + "\n-- reworded\n", encoding="utf-8")
    report = store.build(root, cache=cache)
    rebuilt = {t for t, _ in report.computed}
    assert rebuilt == {
        "fact_models__edges",
        "fact_models__week_links",
        "fact_models__family_sizes",
        "fact_models__cycles",
        "fact_models__licence_drift",
        "fact_models__derivatives_by_parent",
        "fact_models__parent_names",
    }


def test_a_derived_fact_alone_reads_its_inputs_from_the_cache(
    root: Path, cache: Path, connect: object
) -> None:
    store.build(root, cache=cache)
    before = {p.name: p.read_bytes() for p in (cache / "fact_models__family_sizes").iterdir()}
    shutil.rmtree(cache / "fact_models__family_sizes")
    report = store.build(root, cache=cache)
    assert sorted(report.computed) == [("fact_models__family_sizes", w) for w in WEEKS[:2]]
    after = {p.name: p.read_bytes() for p in (cache / "fact_models__family_sizes").iterdir()}
    assert after.keys() == before.keys()
    con = duckdb.connect()
    for name in after:
        a, b = cache / "a.parquet", cache / "b.parquet"
        a.write_bytes(before[name])
        b.write_bytes(after[name])
        assert con.execute(
            "SELECT count(*) FROM (SELECT * FROM read_parquet($a) EXCEPT ALL SELECT * FROM read_parquet($b))",
            {"a": str(a), "b": str(b)},
        ).fetchall() == [(0,)]


def test_a_derived_fact_whose_input_is_missing_computes_the_input_too(
    root: Path, cache: Path, connect: object
) -> None:
    store.build(root, cache=cache)
    wf = next(w for w in store.select_files(root) if w.kind == "models")
    links = next(f for f in facts("models") if f.name == "week_links")
    sizes = next(f for f in facts("models") if f.name == "family_sizes")
    fcache.fact_path(cache, links, wf.week, wf.sha256).unlink()
    fcache.fact_path(cache, sizes, wf.week, wf.sha256).unlink()
    written = store.reduce_week(root, wf, [sizes], cache)
    assert {p.parent.name for p in written} == {
        "fact_models__week_links",
        "fact_models__family_sizes",
    }
