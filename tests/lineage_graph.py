"""A tiny hand-built lineage history shared by the lineage and tracker tests.

Three weeks of models (see tests/metrics_tables.py for how rows become snapshot tables):

* week 1 (2025-01-01): files without ``_id`` and ``baseModels`` (columns missing in early
  weeks): links come from the ``base_model:<relation>:<id>`` tags.
* week 2 (2025-01-08): R "org/Base-1" <- A "u/ft" (finetune) <- B "v/q" (quantized).
* week 3 (2025-01-15): R renamed "org/Base-One". The tree (child -> parents)::

      A u/ft     -> R            (finetune)
      B v/q      -> A            (quantized)
      M w/m      -> A, B, R2     (merge, three parents, two families)
      D d/deep   -> M            (finetune; R -> A -> B -> M -> D: four generations)
      N n/new    -> "org/Base-1" (finetune; the OLD id of R, no _id: resolved through the rename)
      S s/self   -> S            (names itself)
      X c/x -> Y, Y c/y -> X     (a cycle), C c/child -> X
      Z c/z      -> "gone/model" (adapter; not on the Hub)
      P solo/plain               (no base model)
"""

from __future__ import annotations

from typing import Any

import duckdb
from metrics_tables import build, ts

W1, W2, W3 = "2025-01-01", "2025-01-08", "2025-01-15"


def bm(relation: str, *parents: tuple[str | None, str]) -> dict[str, Any]:
    return {"relation": relation, "models": [{"_id": u, "id": i} for u, i in parents]}


def model(week: str, _id: str | None, id_: str, created: str, **extra: Any) -> dict[str, Any]:
    return {
        "week": week,
        "_id": _id,
        "id": id_,
        "author": id_.split("/")[0],
        "createdAt": ts(created),
        **extra,
    }


def rows() -> list[dict[str, Any]]:
    week1 = [
        model(W1, None, "org/Base-1", "2024-12-01", tags=["license:apache-2.0"]),
        model(
            W1,
            None,
            "u/ft",
            "2025-01-02",
            tags=["license:mit", "base_model:org/Base-1", "base_model:finetune:org/Base-1"],
        ),
    ]
    week2 = [
        model(W2, "R", "org/Base-1", "2024-12-01", tags=["license:apache-2.0"]),
        model(
            W2,
            "A",
            "u/ft",
            "2025-01-02",
            tags=["license:mit"],
            baseModels=bm("finetune", ("R", "org/Base-1")),
        ),
        model(W2, "B", "v/q", "2025-01-09", baseModels=bm("quantized", ("A", "u/ft"))),
    ]
    week3 = [
        model(W3, "R", "org/Base-One", "2024-12-01", tags=["license:apache-2.0"]),
        model(W3, "R2", "org2/Other", "2024-11-01", tags=["license:other"]),
        model(
            W3,
            "A",
            "u/ft",
            "2025-01-02",
            tags=["license:mit"],
            baseModels=bm("finetune", ("R", "org/Base-One")),
        ),
        model(W3, "B", "v/q", "2025-01-09", baseModels=bm("quantized", ("A", "u/ft"))),
        model(
            W3,
            "M",
            "w/m",
            "2025-01-10",
            baseModels=bm("merge", ("A", "u/ft"), ("B", "v/q"), ("R2", "org2/Other")),
        ),
        {
            **model(W3, "D", "d/deep", "2025-01-12", baseModels=bm("finetune", ("M", "w/m"))),
            "author": "u",
        },
        model(W3, "N", "n/new", "2025-01-16", baseModels=bm("finetune", (None, "org/Base-1"))),
        model(W3, "S", "s/self", "2025-01-03", baseModels=bm("finetune", ("S", "s/self"))),
        model(W3, "X", "c/x", "2025-01-03", baseModels=bm("finetune", ("Y", "c/y"))),
        model(W3, "Y", "c/y", "2025-01-03", baseModels=bm("finetune", ("X", "c/x"))),
        model(W3, "C", "c/child", "2025-01-04", baseModels=bm("finetune", ("X", "c/x"))),
        model(W3, "Z", "c/z", "2025-01-05", baseModels=bm("adapter", (None, "gone/model"))),
        model(W3, "P", "solo/plain", "2025-01-17"),
    ]
    return week1 + week2 + week3


def connect(repeats: dict[tuple[str, str], str] | None = None) -> duckdb.DuckDBPyConnection:
    return build({"models": rows()}, repeats=repeats)
