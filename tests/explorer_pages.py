"""Hand-made explorer tables for the browser tests of ModelVerse and Family trees
(tests/test_explorers_pages_browser.py), in the columns the library functions return."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.explorers.family_trees import COLUMNS as TREE_COLUMNS
from analysis.explorers.modelverse import COLUMNS as MV_COLUMNS

PWNED = 'evil/<img src=x onerror="window.__pwned=1">'
ODD = "acme/d 1?x#y"  # a dataset id needing URL encoding
#: Width of the big family: 30 members in generation 1, each with 99 derivatives (3,001 in all).
WIDE, DEEP = 30, 99


def tree_rows() -> pd.DataFrame:
    """Family 1 org/root: a merge (m/merge under a/ft and b/q), a self link (s/self) and a
    hostile id; family 2 c/x: a cycle (c/x and c/y); family 3 big/root: WIDE x DEEP members."""
    rows: list[dict[str, Any]] = []

    def add(
        fam: str,
        rank: int,
        node: str,
        parent: str | None,
        rel: str,
        depth: int,
        mark: str = "",
        dl: int = 1,
        parents: int = 1,
    ) -> None:
        rows.append(
            {
                "family": fam,
                "family_rank": rank,
                "node": node,
                "parent": parent,
                "relation": rel,
                "depth": depth,
                "downloads": dl,
                "on_hub": True,
                "parents": parents,
                "mark": mark,
                "node_uid": node,
                "parent_uid": parent,
            }
        )

    r = "org/root"
    add(r, 1, r, None, "", 0, "root", 100, 0)
    add(r, 1, "a/ft", r, "finetune", 1, dl=50)
    add(r, 1, "s/self", r, "finetune", 1, dl=20)
    add(r, 1, "s/self", "s/self", "finetune", 1, "self", 20)
    add(r, 1, PWNED, r, "adapter", 1, dl=10)
    add(r, 1, "b/q", "a/ft", "quantized", 2, dl=40)
    add(r, 1, "m/merge", "a/ft", "merge", 2, dl=30, parents=2)
    add(r, 1, "m/merge", "b/q", "merge", 2, dl=30, parents=2)
    add("c/x", 2, "c/x", "c/y", "finetune", 0, "cycle", 3)
    add("c/x", 2, "c/child", "c/x", "adapter", 1, dl=5)
    add("c/x", 2, "c/y", "c/x", "finetune", 1, "cycle", 2)
    b = "big/root"
    add(b, 3, b, None, "", 0, "root", 10**6, 0)
    for i in range(WIDE):
        add(b, 3, f"big/g1-{i}", b, "finetune", 1, dl=10_000 - i)
    for i in range(WIDE):
        for j in range(DEEP):
            add(b, 3, f"big/g2-{i}-{j}", f"big/g1-{i}", "quantized", 2, dl=1000 - j)
    return pd.DataFrame(rows, columns=list(TREE_COLUMNS))


def modelverse_rows() -> pd.DataFrame:
    """Two kinds (company: acme, unmapped: evil) with their largest repositories, one of them
    with an id needing URL encoding, one hostile."""

    def row(level: str, **v: Any) -> dict[str, Any]:
        return {"level": level, **v}

    rows = [
        row("hub", authors=3, models=5, datasets=2, spaces=3, derivatives=2, downloads=400),
        row(
            "kind",
            org_kind="company",
            authors=1,
            models=2,
            datasets=1,
            spaces=1,
            derivatives=2,
            downloads=350,
            model_share=0.4,
            dataset_share=0.5,
            space_share=1 / 3,
            download_share=0.875,
        ),
        row(
            "kind",
            org_kind="unmapped",
            authors=2,
            models=3,
            datasets=1,
            spaces=2,
            derivatives=0,
            downloads=50,
            model_share=0.6,
            dataset_share=0.5,
            space_share=2 / 3,
            download_share=0.125,
        ),
        row(
            "country",
            org_kind="company",
            country="US",
            authors=1,
            models=2,
            datasets=1,
            spaces=1,
            derivatives=2,
            downloads=350,
            model_share=0.4,
            dataset_share=0.5,
            space_share=1 / 3,
            download_share=0.875,
        ),
        row(
            "country",
            org_kind="unmapped",
            country="unmapped",
            authors=2,
            models=3,
            datasets=1,
            spaces=2,
            derivatives=0,
            downloads=50,
            model_share=0.6,
            dataset_share=0.5,
            space_share=2 / 3,
            download_share=0.125,
        ),
        row(
            "organization",
            org_kind="company",
            country="US",
            author="acme",
            rank=1,
            authors=1,
            models=2,
            datasets=1,
            spaces=1,
            derivatives=2,
            downloads=350,
            model_share=0.4,
            dataset_share=0.5,
            space_share=1 / 3,
            download_share=0.875,
        ),
        row(
            "organization",
            org_kind="unmapped",
            country="unmapped",
            author="evil",
            rank=1,
            authors=1,
            models=3,
            datasets=1,
            spaces=2,
            derivatives=0,
            downloads=50,
            model_share=0.6,
            dataset_share=0.5,
            space_share=2 / 3,
            download_share=0.125,
        ),
        row(
            "repository",
            org_kind="company",
            country="US",
            author="acme",
            repo_kind="models",
            repo_id="acme/m1",
            rank=1,
            downloads=100,
            likes=4,
        ),
        row(
            "repository",
            org_kind="company",
            country="US",
            author="acme",
            repo_kind="datasets",
            repo_id=ODD,
            rank=1,
            downloads=200,
            likes=1,
        ),
        row(
            "repository",
            org_kind="company",
            country="US",
            author="acme",
            repo_kind="spaces",
            repo_id="acme/s1",
            rank=1,
            likes=3,
        ),
        row(
            "repository",
            org_kind="unmapped",
            country="unmapped",
            author="evil",
            repo_kind="models",
            repo_id=PWNED,
            rank=1,
            downloads=40,
            likes=0,
        ),
    ]
    df = pd.DataFrame(rows).reindex(columns=list(MV_COLUMNS))
    for col in (
        "rank",
        "authors",
        "models",
        "datasets",
        "spaces",
        "derivatives",
        "downloads",
        "likes",
    ):
        df[col] = df[col].astype("Int64")
    return df
