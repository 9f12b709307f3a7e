"""Tiny hand-built snapshot roots for the fact store tests (real schema, a few rows a week)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from analysis.schema import arrow_schema, file_path

W1 = dt.date(2025, 3, 5)
WEEKS = (W1, W1 + dt.timedelta(days=7), W1 + dt.timedelta(days=14))


def model_rows(week: dt.date, n: int, salt: int = 0) -> list[dict[str, object]]:
    """``n`` fictional models as listed in the file of ``week`` (deterministic)."""
    rows: list[dict[str, object]] = []
    for i in range(n):
        k = i + salt
        relation = ("finetune", "quantized", "adapter", "merge", None)[k % 5]
        parents = [{"_id": f"p{k % 3}", "id": f"base-org/base-{k % 3}"}] if relation else []
        if relation == "merge":
            parents.append({"_id": "p9", "id": "base-org/base-9"})
        created = dt.datetime.combine(week, dt.time()) + dt.timedelta(
            days=(k * 3) % 10 - 2, hours=k % 24
        )
        rows.append(
            {
                "_id": f"m{k}",
                "id": f"author-{k % 4}/model-{k}",
                "author": f"author-{k % 4}",
                "createdAt": created,
                "lastModified": created,
                "downloads": (k * 37) % 11 if k % 3 else 0,
                "downloadsAllTime": k * 100,
                "likes": k % 7,
                "trendingScore": float(k % 5) / 2,
                "tags": ["region:us", f"license:{('mit', 'apache-2.0', 'other')[k % 3]}"]
                + ([f"base_model:{relation}:base-org/base-{k % 3}"] if relation else []),
                "pipeline_tag": (None, "text-generation", "image-classification")[k % 3],
                "library_name": (None, "transformers", "diffusers", "gguf")[k % 4],
                "cardData": ('{"license": "mit"}', "{}", None)[k % 3],
                "safetensors": None,
                "gguf": None,
                "baseModels": {"relation": relation, "models": parents} if relation else None,
            }
        )
    return rows


def write_week(root: Path, week: dt.date, n: int, salt: int = 0, kind: str = "models") -> Path:
    path = root / file_path(kind, week)
    path.parent.mkdir(parents=True, exist_ok=True)
    schema = arrow_schema(kind, week)
    if kind == "models":
        table = pa.Table.from_pylist(model_rows(week, n, salt), schema=schema)
    else:
        table = pa.Table.from_pylist(
            [
                {c: None for c in schema.names}
                | {
                    "id": f"o/d{i}",
                    "author": "o",
                    "createdAt": dt.datetime.combine(week, dt.time()),
                    "likes": i,
                    "downloads": i,
                }
                for i in range(n)
            ],
            schema=schema,
        )
    pq.write_table(table, path)
    return path


@pytest.fixture
def connect() -> Callable[..., duckdb.DuckDBPyConnection]:
    """The snapshot layer's connect (the store's only way to read a root)."""
    from analysis.snapshots import connect

    return connect


@pytest.fixture
def root(tmp_path: Path) -> Path:
    r = tmp_path / "root"
    for i, w in enumerate(WEEKS[:2]):
        write_week(r, w, 20 + 5 * i)
    write_week(r, WEEKS[0], 6, kind="datasets")
    return r


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"
