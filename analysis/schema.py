"""What is known of the real snapshot files: kinds, layout, columns and schema eras.

This module is the single statement of the real schema (the site's Methods and Data pages
describe it for readers). The sample generator
writes files with these arrow types and the snapshot layer reads them by name; neither may
assume more than is written here. A real file that does not fit is reported, not forced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa

REPO_ID = "hfmlsoc/hub_weekly_snapshots"
REPO_TYPE = "dataset"
LICENSE = "ODbL-1.0"
LICENSE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
ATTRIBUTION = (
    "Contains information from hfmlsoc/hub_weekly_snapshots, which is made available "
    "under the Open Database License (ODbL)."
)

KINDS: tuple[str, ...] = ("models", "datasets", "spaces", "daily_papers")

#: The first week label of the real dataset; labels are 7 days apart (Wednesdays).
FIRST_WEEK = dt.date(2024, 7, 24)


def file_path(kind: str, week: dt.date) -> str:
    """Relative path of one week's file, as laid out in the Hub dataset repo."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    return f"{kind}/{week.isoformat()}/{kind}.parquet"


TS = pa.timestamp("us")
STR_LIST = pa.list_(pa.string())

#: dtype fields of ``safetensors.parameters`` seen in real files (the set grows over time).
SAFETENSORS_DTYPES: tuple[str, ...] = (
    "BF16",
    "F16",
    "F32",
    "F64",
    "I8",
    "I16",
    "I32",
    "I64",
    "U8",
    "F8_E4M3",
    "F8_E5M2",
    "BOOL",
)

SAFETENSORS = pa.struct(
    [
        pa.field("parameters", pa.struct([pa.field(d, pa.int64()) for d in SAFETENSORS_DTYPES])),
        pa.field("total", pa.int64()),
    ]
)
BASE_MODELS = pa.struct(
    [
        pa.field("relation", pa.string()),
        pa.field(
            "models",
            pa.list_(pa.struct([pa.field("_id", pa.string()), pa.field("id", pa.string())])),
        ),
    ]
)

#: The Hub's placeholder ``createdAt`` of its oldest repositories, as real rows carry it
#: (2022-03-02 23:29:04 or 23:29:05 UTC, naive like the files): a creation time in
#: ``[start, until)`` is no creation date. Stated here once; the SQL reads it through the macro
#: ``hubobs_placeholder_created(t)`` that ``analysis.snapshots.views`` makes from it.
PLACEHOLDER_CREATED: tuple[dt.datetime, dt.datetime] = (
    dt.datetime(2022, 3, 2, 23, 29, 4),
    dt.datetime(2022, 3, 2, 23, 29, 6),
)

#: Integer count columns whose value a file may type as a float: a value that is not a whole
#: number is no count (NULL in the views); the quality facts count these rows
#: (``non_integer_<column>``, from the raw view's flag ``hubobs_non_integer_<column>``).
WHOLE_COUNTS: tuple[str, ...] = ("downloads", "likes")

#: The four lineage relations of ``baseModels.relation``.
RELATIONS: tuple[str, ...] = ("finetune", "quantized", "adapter", "merge")


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    since: dt.date | None = None  # first week label the column appears in (None: always)
    note: str = ""


MODELS: tuple[Column, ...] = (
    Column("_id", pa.string(), note="stable id across renames"),
    Column("id", pa.string(), note="owner/name; changes on rename"),
    Column("author", pa.string()),
    Column("createdAt", TS),
    Column("lastModified", TS),
    Column("downloads", pa.int64(), note="rolling 30-day count"),
    Column("downloadsAllTime", pa.int64(), since=dt.date(2025, 2, 26), note="cumulative"),
    Column("likes", pa.int64()),
    Column("trendingScore", pa.float64(), since=dt.date(2024, 10, 2)),
    Column("tags", STR_LIST),
    Column("pipeline_tag", pa.string()),
    Column("library_name", pa.string()),
    Column("cardData", pa.string(), note="JSON text"),
    Column("safetensors", SAFETENSORS),
    Column("gguf", pa.string(), note="JSON text"),
    Column("baseModels", BASE_MODELS),
)

DATASETS: tuple[Column, ...] = (
    Column("_id", pa.string()),
    Column("id", pa.string()),
    Column("author", pa.string()),
    Column("cardData", pa.string(), note="JSON text"),
    Column("disabled", pa.bool_()),
    Column("gated", pa.string(), note="False, auto or manual"),
    Column("lastModified", TS),
    Column("likes", pa.int64()),
    Column("trendingScore", pa.float64(), since=dt.date(2024, 10, 2)),
    Column("private", pa.bool_()),
    Column("sha", pa.string()),
    Column("description", pa.string()),
    Column("downloads", pa.int64()),
    Column("downloadsAllTime", pa.int64(), since=dt.date(2025, 2, 26)),
    Column("mainSize", pa.float64(), since=dt.date(2026, 1, 7), note="bytes"),
    Column("tags", STR_LIST),
    Column("createdAt", TS),
    Column("paperswithcode_id", pa.string()),
    Column("citation", pa.string()),
)

SPACES: tuple[Column, ...] = (
    Column("_id", pa.string()),
    Column("id", pa.string()),
    Column("author", pa.string()),
    Column("createdAt", TS),
    Column("lastModified", TS),
    Column("likes", pa.int64()),
    Column("sdk", pa.string(), note="gradio, streamlit, docker or static"),
    Column("tags", STR_LIST),
    Column("trendingScore", pa.float64(), since=dt.date(2024, 10, 2)),
)

DAILY_PAPERS: tuple[Column, ...] = (
    Column("paper_id", pa.string(), note="arXiv id"),
    Column("title", pa.string()),
    Column("summary", pa.string()),
    Column("publishedAt", TS),
    Column("numComments", pa.int64()),
    Column("submittedBy", pa.string()),
    Column("organization", pa.string()),
    Column("paper_authors", STR_LIST),
    Column("paper_upvotes", pa.int64()),
    Column("paper_ai_keywords", STR_LIST),
    Column("paper_githubRepo", pa.string()),
    Column("paper_githubStars", pa.int64()),
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    "models": MODELS,
    "datasets": DATASETS,
    "spaces": SPACES,
    "daily_papers": DAILY_PAPERS,
}


def columns_for(kind: str, week: dt.date) -> tuple[Column, ...]:
    """The columns a file of ``kind`` labelled ``week`` is known to have."""
    return tuple(c for c in COLUMNS[kind] if c.since is None or week >= c.since)


def arrow_schema(kind: str, week: dt.date) -> pa.Schema:
    """The arrow schema of the columns known for ``kind`` at ``week`` (in file order)."""
    return pa.schema([pa.field(c.name, c.type) for c in columns_for(kind, week)])


def era(kind: str, week: dt.date) -> str:
    """A short, stable name for the schema era of ``kind`` at ``week``: the dated columns present."""
    dated = [c.name for c in columns_for(kind, week) if c.since is not None]
    return "base" if not dated else "base+" + "+".join(dated)
