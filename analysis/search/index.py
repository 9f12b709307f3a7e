"""The search index of one week: built from the snapshot views at site-build time, written as
one gzip-compressed JSON file the page decompresses in the browser (``DecompressionStream``),
and as a CSV of its documents (the data download).

The index keeps the :data:`MAX_MODELS` most downloaded models and :data:`MAX_DATASETS` most
downloaded datasets of the latest week of each kind (ties by id); the rest are counted, not
kept (``counts`` says how many), so the file stays the same size whatever the week's size
(measured by ``benchmarks/bench_search_index.py``).

JSON layout (version :data:`VERSION`): ``meta`` (weeks, revision, generated, counts, BM25
constants), ``facets`` (per facet, its labels, most frequent first), ``docs`` (columns: kind,
id, facet values as label numbers, languages as lists of numbers, params, downloads, likes,
created as days since 1970-01-01 or null, summary) and ``terms`` with ``postings``: per term,
its documents delta-encoded and their integer BM25 weights (:mod:`analysis.search.bm25`).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analysis import atomic
from analysis.errors import HubObsError
from analysis.orgmap import OrgMap, resolve_map
from analysis.query import SqlFiles
from analysis.search import bm25
from analysis.search.documents import Document, document, hub_url
from analysis.weeks import latest

SQL = SqlFiles(__file__)
VERSION = 1
MAX_MODELS = 50_000
MAX_DATASETS = 20_000
#: The row columns of ``sql/models.sql`` and ``sql/datasets.sql``, in order.
ROW_COLUMNS = (
    "id",
    "author",
    "pipeline_tag",
    "library_name",
    "tags",
    "card",
    "params",
    "downloads",
    "likes",
    "created",
)
#: The facets: (key in the JSON, Document attribute, the page's label).
FACETS: tuple[tuple[str, str, str], ...] = (
    ("kind", "kind", "Kind"),
    ("task", "task", "Task"),
    ("library", "library", "Library"),
    ("licence", "licence", "Licence"),
    ("language", "languages", "Language"),
    ("size", "size", "Size"),
    ("org", "org_kind", "Organization kind"),
)
KINDS = (("model", "models", "models"), ("dataset", "datasets", "datasets"))
EPOCH = dt.date(1970, 1, 1)


@dataclass(frozen=True)
class KindCount:
    week: dt.date | None
    rows: int  # rows of that week
    indexed: int  # of them in the index


@dataclass(frozen=True)
class SearchIndex:
    documents: tuple[Document, ...]
    postings: bm25.Postings
    counts: dict[str, KindCount]  # by kind: models, datasets
    revision: str
    generated: bool

    def search(self, query: str, limit: int | None = None) -> list[str]:
        """The ids matching ``query``, best first (what the page shows for it, unfiltered)."""
        downloads = [d.downloads for d in self.documents]
        return [self.documents[i].id for i in bm25.search(self.postings, query, downloads, limit)]

    def facet_labels(self) -> dict[str, list[str]]:
        """Each facet's labels, most documents first (ties by label)."""
        out: dict[str, list[str]] = {}
        for key, attr, _ in FACETS:
            c: Counter[str] = Counter()
            for d in self.documents:
                v = getattr(d, attr)
                c.update(v if isinstance(v, tuple) else [v])
            out[key] = sorted(c, key=lambda label: (-c[label], label))
        return out

    def to_json(self) -> dict[str, Any]:
        labels = self.facet_labels()
        number = {k: {label: i for i, label in enumerate(v)} for k, v in labels.items()}
        docs: dict[str, list[Any]] = {k: [] for k in ("id", "params", "downloads", "likes")}
        docs.update({k: [] for k, _, _ in FACETS})
        docs.update(created=[], summary=[])
        for d in self.documents:
            docs["id"].append(d.id)
            for key, attr, _ in FACETS:
                v = getattr(d, attr)
                docs[key].append(
                    [number[key][x] for x in v] if isinstance(v, tuple) else number[key][v]
                )
            docs["params"].append(d.params)
            docs["downloads"].append(d.downloads)
            docs["likes"].append(d.likes)
            docs["created"].append((d.created - EPOCH).days if d.created else None)
            docs["summary"].append(d.summary)
        p = self.postings
        deltas = [[b - a for a, b in zip((0, *ds), ds, strict=False)] for ds in p.docs]
        return {
            "version": VERSION,
            "meta": {
                "revision": self.revision,
                "generated": self.generated,
                "counts": {
                    k: {
                        "week": c.week.isoformat() if c.week else None,
                        "rows": c.rows,
                        "indexed": c.indexed,
                    }
                    for k, c in self.counts.items()
                },
                "bm25": {"k1": bm25.K1, "b": bm25.B, "scale": bm25.SCALE},
            },
            "facets": {k: {"label": lab, "values": labels[k]} for k, _, lab in FACETS},
            "docs": docs,
            "terms": list(p.terms),
            "postings": [[d, list(w)] for d, w in zip(deltas, p.weights, strict=True)],
        }

    def gzip_bytes(self) -> bytes:
        """The index as compact UTF-8 JSON, gzip-compressed (no timestamp: same data, same bytes)."""
        text = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)

    def frame(self) -> pd.DataFrame:
        """One row per document: the data download (CSV), columns of ``definitions.yml``."""
        rows = [
            {
                "kind": d.kind,
                "id": d.id,
                "url": hub_url(d.kind, d.id),
                "task": d.task,
                "library": d.library,
                "licence": d.licence,
                "languages": ", ".join(d.languages),
                "datasets": ", ".join(d.datasets),
                "size": d.size,
                "params": d.params,
                "org_kind": d.org_kind,
                "downloads": d.downloads,
                "likes": d.likes,
                "created": d.created.isoformat() if d.created else None,
                "summary": d.summary,
            }
            for d in self.documents
        ]
        df = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
        df["params"] = df["params"].astype("Int64")
        return df


CSV_COLUMNS = (
    "kind",
    "id",
    "url",
    "task",
    "library",
    "licence",
    "languages",
    "datasets",
    "size",
    "params",
    "org_kind",
    "downloads",
    "likes",
    "created",
    "summary",
)


def _check_cap(n: int, name: str) -> None:
    if n < 1:
        raise HubObsError(f"{name} must be at least 1, got {n}")


def _rows(
    con: duckdb.DuckDBPyConnection, kind: str, week: dt.date | None, n: int
) -> tuple[list[dict[str, Any]], int]:
    """The top ``n`` rows of ``kind`` in ``week`` (most downloaded first) and the week's row
    count. The ids are chosen first, reading two columns; only their rows are read whole."""
    if week is None:
        return [], 0
    top = SQL.rows(con, f"{kind}_top", {"week": week, "n": n})
    if not top:
        return [], 0
    order = {str(r[0]): i for i, r in enumerate(top)}
    rows = [
        dict(zip(ROW_COLUMNS, r, strict=True))
        for r in SQL.rows(con, kind, {"week": week, "ids": list(order)})
    ]
    rows.sort(key=lambda r: order[str(r["id"])])
    return rows, int(top[0][1])


def build_index(
    con: duckdb.DuckDBPyConnection,
    *,
    end: dt.date | str | None = None,
    max_models: int = MAX_MODELS,
    max_datasets: int = MAX_DATASETS,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
    revision: str = "",
    generated: bool = False,
) -> SearchIndex:
    """The index of the latest models and datasets weeks (not after ``end``) on ``con``."""
    _check_cap(max_models, "max_models")
    _check_cap(max_datasets, "max_datasets")
    mapping = resolve_map(org_map, root)
    org_kinds = {
        str(o).lower(): str(k) for o, k in zip(mapping["org"], mapping["kind"], strict=True)
    }
    docs: list[Document] = []
    counts: dict[str, KindCount] = {}
    for kind, plural, _ in KINDS:
        week = latest(con, plural, end)
        cap = max_models if kind == "model" else max_datasets
        rows, n_rows = _rows(con, plural, week, cap)
        docs.extend(document(r, kind, org_kinds) for r in rows)
        counts[plural] = KindCount(week, n_rows, len(rows))
    tokens = [bm25.tokenize(" ".join(d.text)) for d in docs]
    return SearchIndex(tuple(docs), bm25.postings(tokens), counts, revision, generated)


def write_index(index: SearchIndex, folder: Path, name: str = "search-index") -> Path:
    """Write ``<folder>/<name>.json.gz`` atomically; the path."""
    path = folder / f"{name}.json.gz"
    atomic.write_bytes(path, index.gzip_bytes())
    return path


def describe_sizes(index: SearchIndex) -> dict[str, int]:
    """Documents, terms, postings and compressed bytes of the index."""
    return {
        "documents": len(index.documents),
        "terms": len(index.postings.terms),
        "postings": sum(len(d) for d in index.postings.docs),
        "gzip_bytes": len(index.gzip_bytes()),
    }
