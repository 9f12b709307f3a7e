"""Tiny hand-built snapshot roots for the snapshot-layer tests (pyarrow, analysis.schema types)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.schema import arrow_schema, file_path

W1 = dt.date(2024, 9, 25)  # before trendingScore
W2 = dt.date(2024, 10, 2)  # trendingScore appears
W3 = dt.date(2024, 10, 9)
W4 = dt.date(2024, 10, 16)


def write_week(
    root: Path,
    kind: str,
    week: dt.date,
    rows: list[dict[str, Any]],
    schema: pa.Schema | None = None,
) -> Path:
    """Write one week's file with the schema known for that week (or the one given)."""
    schema = schema if schema is not None else arrow_schema(kind, week)
    path = root / file_path(kind, week)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
    return path


def model(i: int, **extra: Any) -> dict[str, Any]:
    return {"_id": f"id{i:04d}", "id": f"org/model-{i}", "author": "org", "downloads": i, **extra}


def schema_with(kind: str, week: dt.date, **fields: pa.DataType) -> pa.Schema:
    """The known schema of the week with fields replaced or appended."""
    base = arrow_schema(kind, week)
    for name, t in fields.items():
        idx = base.get_field_index(name)
        base = base.set(idx, pa.field(name, t)) if idx >= 0 else base.append(pa.field(name, t))
    return base
