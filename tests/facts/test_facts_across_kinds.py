"""Views over several kinds: ``fact_<name>`` unions ``fact_<kind>__<name>`` of every kind that
defines the fact, with the repo kind as first column, alike from the store and from
``materialize``."""

from __future__ import annotations

from pathlib import Path

import duckdb

from analysis.facts import definitions, materialize, store


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return sorted(con.execute(sql).fetchall(), key=repr)


def test_the_names_several_kinds_define() -> None:
    across = definitions.across_kinds()
    assert {"authors", "created_daily", "licences"} <= set(across)
    assert sorted(f.kind for f in across["licences"]) == ["datasets", "models"]
    assert "edges" not in across  # a models fact only


def test_fact_authors_is_the_union_of_the_kinds(root: Path, cache: Path) -> None:
    con, _ = store.open_facts(root, cache=cache)
    columns = [r[0] for r in con.execute("DESCRIBE fact_authors").fetchall()]
    assert columns[:3] == ["kind", "week", "author"]
    # the root holds models in two weeks and datasets in one; spaces: no file, an empty view
    union = _rows(
        con,
        "SELECT 'models', * FROM fact_models__authors UNION ALL "
        "SELECT 'datasets', * FROM fact_datasets__authors",
    )
    assert union and _rows(con, "SELECT * FROM fact_authors") == union
    assert {r[0] for r in union} == {"models", "datasets"}


def test_materialize_makes_the_same_views(root: Path, cache: Path) -> None:
    from analysis.snapshots import connect

    con, _ = store.open_facts(root, cache=cache)
    raw = connect(root)
    materialize(raw)
    for view in ("fact_authors", "fact_created_daily", "fact_licences"):
        assert _rows(raw, f"SELECT * FROM {view}") == _rows(con, f"SELECT * FROM {view}"), view
