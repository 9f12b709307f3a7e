"""A tiny hand-built snapshot root (real schema, a few rows) for the site and report tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.schema import arrow_schema, file_path
from analysis.snapshots import write_revision

WEEKS = (dt.date(2025, 3, 5), dt.date(2025, 3, 12), dt.date(2025, 3, 19))


def _ts(d: dt.date, days: int = 0) -> dt.datetime:
    return dt.datetime.combine(d, dt.time(12)) + dt.timedelta(days=days)


def models_rows(week: dt.date, n_extra: int) -> list[dict[str, object]]:
    """Two old models, then ``n_extra`` created during ``week``: downloads 0, 0, then 10, 20, ..."""
    rows: list[dict[str, object]] = [
        {
            "_id": "m0",
            "id": "acme/base",
            "author": "acme",
            "createdAt": _ts(WEEKS[0], -30),
            "downloads": 0,
            "likes": 1,
            "tags": ["region:us"],
        },
        {
            "_id": "m1",
            "id": "acme/other",
            "author": "acme",
            "createdAt": _ts(WEEKS[0], -20),
            "downloads": 0,
            "likes": 0,
            "tags": [],
        },
    ]
    for i in range(n_extra):
        rows.append(
            {
                "_id": f"x{week:%m%d}{i}",
                "id": f"fict/m{week:%m%d}-{i}",
                "author": "fict",
                "createdAt": _ts(week, 1),
                "downloads": 10 * (i + 1),
                "likes": 0,
                "tags": [],
                "baseModels": {
                    "relation": "finetune",
                    "models": [{"_id": "m0", "id": "acme/base"}],
                },
            }
        )
    return rows


def write(root: Path, kind: str, week: dt.date, rows: list[dict[str, object]]) -> None:
    schema = arrow_schema(kind, week)
    table = pa.Table.from_pylist(rows, schema=schema)
    path = root / file_path(kind, week)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)


def build_root(root: Path, revision: str = "0123456789abcdef0123456789abcdef01234567") -> Path:
    """Weeks 2025-03-05, -12, -19: models grow by 1, 2, 3 new rows; the last spaces week repeats."""
    for i, week in enumerate(WEEKS):
        write(root, "models", week, models_rows(week, i + 1))
        write(
            root,
            "datasets",
            week,
            [
                {"_id": f"d{j}", "id": f"fict/d{j}", "author": "fict", "createdAt": _ts(week, -1)}
                for j in range(i + 2)
            ],
        )
    spaces = [
        {
            "_id": "s0",
            "id": "fict/s0",
            "author": "fict",
            "createdAt": _ts(WEEKS[0], 2),
            "sdk": "gradio",
        }
    ]
    write(root, "spaces", WEEKS[0], spaces)
    write(root, "spaces", WEEKS[1], spaces)
    # the third spaces week repeats the second byte for byte
    (root / file_path("spaces", WEEKS[2])).parent.mkdir(parents=True, exist_ok=True)
    (root / file_path("spaces", WEEKS[2])).write_bytes(
        (root / file_path("spaces", WEEKS[1])).read_bytes()
    )
    write_revision(root, revision, generated=True)
    return root
