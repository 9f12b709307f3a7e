"""Reducing one (kind, week) snapshot file to its facts, reading the file once.

The connection given holds the view ``<kind>`` over exactly one week. A derived fact (one whose
SQL reads other facts, see :mod:`analysis.facts.definitions`) runs after the facts it reads, over
their results of that week (registered as ``fact_<kind>__<name>``), never over the file.

Strategy ``"direct"`` (the default) runs each fact straight over the view: DuckDB reads only the
columns that fact names, so each fact costs one projected scan. Strategy ``"once"`` reads the
file once: the columns any fact names are streamed (arrow batches) into a table ``<kind>`` of a
private in-memory DuckDB connection and every fact runs over that copy. ``benchmarks/`` measures
both; on the benchmark week ``"direct"`` wins, because copying a large text column such as
``cardData`` costs more than decoding the few columns each fact projects again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Literal

import duckdb
import pyarrow as pa

from analysis import seeds
from analysis.facts.definitions import Fact
from analysis.schema import KINDS
from analysis.sqlerrors import naming

Strategy = Literal["once", "direct"]
_BATCH_ROWS = 122_880  # rows per arrow batch streamed into the private copy


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def needed_columns(con: duckdb.DuckDBPyConnection, kind: str, facts: Sequence[Fact]) -> list[str]:
    """The view's columns that some fact's SQL names (a superset is harmless), ``week`` always."""
    cols = [r[0] for r in con.execute(f"DESCRIBE {_quote(kind)}").fetchall()]
    # comments stripped: a column a comment mentions is not read
    text = "\n".join(re.sub(r"--[^\n]*", "", f.sql) for f in facts if not f.reads and not f.raw)
    out = []
    for c in cols:
        if c == "week" or re.search(
            r'(?<![\w"])"?' + re.escape(c) + r'"?(?!\w)', text, re.IGNORECASE
        ):
            out.append(c)
    return out


def run_facts(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    facts: Sequence[Fact],
    strategy: Strategy = "direct",
    inputs: Mapping[str, pa.Table] | None = None,
) -> dict[str, pa.Table]:
    """Run ``facts`` (all of ``kind``) over the view ``kind`` on ``con``; results by fact table name.

    A derived fact reads the results of the facts it names: computed in this call (they must come
    earlier in ``facts``) or given in ``inputs`` (by fact table name, e.g. read from the cache).
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    wrong = [f.table for f in facts if f.kind != kind]
    if wrong:
        raise ValueError(f"facts {wrong} do not read {kind!r}")
    if strategy == "direct" or not any(not f.reads and not f.raw for f in facts):
        return _run(con, facts, inputs)
    # raw facts (which read `<kind>_raw`) run over the caller's view; the others over the copy
    raw = [f for f in facts if f.raw]
    done = _run(con, raw, inputs) if raw else {}
    facts = [f for f in facts if not f.raw]
    # Identifiers only: the kind is one of schema.KINDS, the columns come from the view itself.
    cols = ", ".join(_quote(c) for c in needed_columns(con, kind, facts))
    local = duckdb.connect()  # private: its table `kind` cannot collide with the caller's views
    try:
        with naming(step="copying the columns the facts read"):
            reader = con.sql(f"SELECT {cols} FROM {_quote(kind)}").to_arrow_reader(_BATCH_ROWS)
            local.register("hubobs_week_source", reader)
            local.execute(f"CREATE TABLE {_quote(kind)} AS SELECT * FROM hubobs_week_source")
            local.unregister("hubobs_week_source")
        return {**done, **_run(local, facts, {**(inputs or {}), **done})}
    finally:
        local.close()


def _run(
    con: duckdb.DuckDBPyConnection,
    facts: Sequence[Fact],
    inputs: Mapping[str, pa.Table] | None,
) -> dict[str, pa.Table]:
    """Each fact in order; a derived fact sees the tables it reads registered under their names."""
    out: dict[str, pa.Table] = {}
    registered: list[str] = []
    try:
        for f in facts:
            for dep in f.reads:
                table = f"fact_{f.kind}__{dep}"
                if table in registered:
                    continue
                data = out.get(table) if table in out else (inputs or {}).get(table)
                if data is None:
                    raise ValueError(
                        f"fact {f.table} reads {table}, which is neither computed before it "
                        "nor given in inputs"
                    )
                con.register(table, data)
                registered.append(table)
            # a DuckDB error names the fact (and column)
            with naming(fact=f.table), seeds.registered(con, f.seeds):
                out[f.table] = con.sql(f.sql).to_arrow_table()
    finally:
        for table in registered:
            con.unregister(table)
    return out
