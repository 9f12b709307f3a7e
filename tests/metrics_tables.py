"""Tiny hand-built snapshot tables for the metric tests.

Tables are named and typed as the snapshot views of CONTRIBUTING.md ("Snapshot views"): every
column of ``analysis.schema.COLUMNS[kind]`` plus ``week``, and a ``weeks`` table. A key left
out of a row dict is NULL, as a column missing from an early week's file is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import duckdb
import pyarrow as pa

from analysis.facts import materialize
from analysis.schema import COLUMNS, era

KINDS = ("models", "datasets", "spaces")


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def ts(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


def _schema(kind: str) -> pa.Schema:
    fields = [pa.field(c.name, c.type) for c in COLUMNS[kind]]
    return pa.schema([*fields, pa.field("week", pa.date32())])


def build(
    rows: Mapping[str, Iterable[Mapping[str, Any]]],
    repeats: Mapping[tuple[str, str], str] | None = None,
    weeks: Mapping[str, Iterable[str]] | None = None,
) -> duckdb.DuckDBPyConnection:
    """A connection with tables ``models``, ``datasets``, ``spaces`` and ``weeks``, facts materialized.

    ``rows[kind]``: row dicts (``week`` as an ISO date string). ``repeats[(kind, week)]``: the week it
    repeats. ``weeks[kind]``: the week labels present (default: the weeks seen in the rows).
    """
    con = duckdb.connect()
    repeats = dict(repeats or {})
    week_rows = []
    for kind in KINDS:
        data = []
        for r in rows.get(kind, []):
            row = dict(r)
            row["week"] = d(row["week"])
            data.append(row)
        table = pa.Table.from_pylist(data, schema=_schema(kind))
        con.register("hubobs_test_rows", table)
        con.execute(f"CREATE TABLE {kind} AS SELECT * FROM hubobs_test_rows")  # kind from KINDS
        con.unregister("hubobs_test_rows")
        labels = sorted({d(w) for w in (weeks or {}).get(kind, [])} | {r["week"] for r in data})
        for w in labels:
            rep = repeats.get((kind, w.isoformat()))
            week_rows.append(
                {
                    "kind": kind,
                    "week": w,
                    "path": f"{kind}/{w.isoformat()}/{kind}.parquet",
                    "revision": "test",
                    "sha256": "0" * 64,
                    "bytes": 0,
                    "rows": sum(1 for r in data if r["week"] == w),
                    "era": era(kind, w),
                    "repeat_of": d(rep) if rep else None,
                }
            )
    weeks_schema = pa.schema(
        [
            ("kind", pa.string()),
            ("week", pa.date32()),
            ("path", pa.string()),
            ("revision", pa.string()),
            ("sha256", pa.string()),
            ("bytes", pa.int64()),
            ("rows", pa.int64()),
            ("era", pa.string()),
            ("repeat_of", pa.date32()),
        ]
    )
    con.register("hubobs_test_weeks", pa.Table.from_pylist(week_rows, schema=weeks_schema))
    con.execute("CREATE TABLE weeks AS SELECT * FROM hubobs_test_weeks")
    con.unregister("hubobs_test_weeks")
    materialize(con)
    return con
