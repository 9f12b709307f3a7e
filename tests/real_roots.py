"""Snapshot roots shaped like real Hub files, with the quirks real rows carry.

Modelled on the rows of the daily hub-stats dataset (the upstream of the weekly snapshots):

* no ``_id`` column (some sources and early weeks lack it): lineage resolves parents by id;
* ``safetensors.parameters`` with 20 dtype fields, among them junk names (``miku``, ``fastllm``);
* a model naming itself as its base, a parent that is not in the week, a merge of two parents,
  an instruct model declared ``quantized`` of its base (relation labels as uploaders wrote them);
* the Hub's placeholder ``createdAt`` of its oldest repositories (2022-03-02 23:29:04);
* four authors who each made exactly two derivatives of one base (a tie, said as a tie);
* one family (SmolLM2-like) with a single release generation (no line with two generations);
* evaluation results in cards (``model-index``, see :func:`eval_card`): SmolLM2-1.7B reports four
  benchmarks, its Instruct two of them, one finetune copies the base's card, another reports one
  benchmark with a string value ("N/A"), org/Model a bare dataset name (``glue``).

Roots (each with a REVISION of 40 hex digits, not the generated sample):

* :func:`models_only` — two weeks of models, nothing else (the README's real-data route);
* :func:`empty_kinds` — the same models, with datasets and spaces files of zero rows;
* :func:`single_week` — the last models week alone;
* :func:`four_kinds` — models, datasets, spaces and daily papers, two weeks;
* :func:`models_datasets` — the models and datasets of :func:`four_kinds`, nothing else.
* :func:`models_and_datasets` — models (with a SmolLM3-like base and finetune declaring training
  datasets) and datasets, two weeks: the draft summaries' real-data route.

The hand-computed numbers the tests expect are stated in the comments beside the rows.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.schema import SAFETENSORS_DTYPES, arrow_schema, file_path
from analysis.snapshots import write_revision

W1, W2 = dt.date(2025, 6, 4), dt.date(2025, 6, 11)
REVISION = "fedcba9876543210fedcba9876543210fedcba98"
PLACEHOLDER = dt.datetime(2022, 3, 2, 23, 29, 4)
JUNK_DTYPES = ("miku", "fastllm")
SMOL = "HuggingFaceTB/SmolLM2-1.7B"


def _ts(day: str, hour: int = 12) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour))


def _link(relation: str, *parents: str) -> tuple[dict[str, Any], list[str]]:
    """``baseModels`` without ``_id`` (as files lacking it carry none) and the matching tags."""
    models = [{"_id": None, "id": p} for p in parents]
    tags = [t for p in parents for t in (f"base_model:{p}", f"base_model:{relation}:{p}")]
    return {"relation": relation, "models": models}, tags


def _model(
    id_: str,
    created: dt.datetime,
    downloads: int,
    link: tuple[dict[str, Any], list[str]] | None = None,
    licence: str = "apache-2.0",
    likes: int = 0,
    card: str | None = None,
) -> dict[str, Any]:
    base, base_tags = link if link is not None else (None, [])
    return {
        "id": id_,
        "author": id_.split("/")[0],
        "createdAt": created,
        "lastModified": created + dt.timedelta(days=1),
        "downloads": downloads,
        "downloadsAllTime": downloads * 3,
        "likes": likes,
        "trendingScore": 0.0,
        "tags": ["transformers", "safetensors", *base_tags, f"license:{licence}", "region:us"],
        "pipeline_tag": "text-generation",
        "library_name": "transformers",
        "cardData": card,
        "safetensors": {
            "parameters": {"BF16": 1_700_000_000, "miku": 3, "fastllm": 1},
            "total": 1_700_000_004,
        },
        "gguf": None,
        "baseModels": base,
    }


def _result(dataset: str, name: str, task: str, value: Any, config: str | None = None) -> Any:
    ds: dict[str, Any] = {"name": name, "type": dataset}
    if config:
        ds["config"] = config
    return {
        "task": {"type": task, "name": task.replace("-", " ").title()},
        "dataset": ds,
        "metrics": [{"type": "acc_norm", "value": value, "name": "normalized accuracy"}],
        "source": {
            "url": "https://huggingface.co/spaces/open-llm-leaderboard",
            "name": "Open LLM Leaderboard",
        },
    }


def eval_card(name: str, licence: str, *results: Any) -> str:
    """A card's header as the Hub stores it (JSON text) with a ``model-index`` of ``results``."""
    return json.dumps(
        {"license": licence, "model-index": [{"name": name, "results": list(results)}]}
    )


#: SmolLM2-1.7B's results: 4 benchmarks (gsm8k named by a bare name, as many cards do).
SMOL_RESULTS = (
    _result("Rowan/hellaswag", "HellaSwag (10-Shot)", "text-generation", 68.7),
    _result("cais/mmlu", "MMLU (5-Shot)", "text-generation", 49.3, "all"),
    _result(
        "allenai/ai2_arc",
        "AI2 Reasoning Challenge (25-Shot)",
        "text-generation",
        60.5,
        "ARC-Challenge",
    ),
    _result("gsm8k", "GSM8k (5-shot)", "text-generation", 31.0, "main"),
)


def models_w2() -> list[dict[str, Any]]:
    """The models of week W2 (2025-06-11): 24 rows.

    Declared links (baseModels; tags agree): 20 rows declare one, 21 links (the merge has two).
    Self-only: weird/selfie (1). Parent not in the week: u5/orphan-ft -> gone/deleted-model.
    So 19 models declare a base other than themselves: 14 finetune, 1 quantized (the
    mislabelled instruct), 1 adapter, 1 merge, 2 finetunes of the placeholder-dated legacy
    model... see the list. Direct derivatives of SmolLM2-1.7B: the Instruct (HuggingFaceTB) and
    two each by u1, u2, u3, u4: 9, four authors tied at 2.
    """
    rows = [
        _model(
            SMOL,
            _ts("2024-11-01"),
            5000,
            likes=40,
            card=eval_card(SMOL, "apache-2.0", *SMOL_RESULTS),
        ),
        _model(
            f"{SMOL}-Instruct",
            _ts("2024-11-01", 14),
            3000,
            _link("finetune", SMOL),
            card=eval_card(f"{SMOL}-Instruct", "apache-2.0", SMOL_RESULTS[1], SMOL_RESULTS[3]),
        ),
    ]
    cards = {  # u1's first finetune copies the base's card; u2's reports MMLU as "N/A"
        "u1/smol-ft-1": eval_card("u1/smol-ft-1", "apache-2.0", *SMOL_RESULTS),
        "u2/smol-ft-1": eval_card(
            "u2/smol-ft-1", "apache-2.0", _result("cais/mmlu", "MMLU", "text-generation", "N/A")
        ),
    }
    for i, user in enumerate(("u1", "u2", "u3", "u4")):
        for j in (1, 2):
            rows.append(
                _model(
                    f"{user}/smol-ft-{j}",
                    _ts(f"2025-0{5 + (j - 1)}-{10 + i:02d}"),
                    10 * (i + 1) + j,
                    _link("finetune", SMOL),
                    card=cards.get(f"{user}/smol-ft-{j}"),
                )
            )
    rows += [
        # a finetune of the instruct model (a grandchild of SmolLM2-1.7B)
        _model("u1/smol-instruct-ft", _ts("2025-05-20"), 7, _link("finetune", f"{SMOL}-Instruct")),
        # a merge of two of u1's and u2's finetunes
        _model(
            "m/smol-merge", _ts("2025-06-01"), 3, _link("merge", "u1/smol-ft-1", "u2/smol-ft-1")
        ),
        # an adapter of the base
        _model("u7/smol-lora", _ts("2025-06-02"), 2, _link("adapter", SMOL)),
        # a model naming itself as its base: the link is left out
        _model("weird/selfie", _ts("2025-01-01"), 1, _link("finetune", "weird/selfie")),
        # a parent that is not in the week (deleted, private or never existed)
        _model("u5/orphan-ft", _ts("2025-02-01"), 0, _link("finetune", "gone/deleted-model")),
        # an instruct model its uploader declared "quantized" of its base
        _model(
            "org/Model",
            _ts("2024-12-01"),
            900,
            licence="mit",
            card=eval_card(
                "org/Model",
                "mit",
                _result("glue", "GLUE SST-2", "text-classification", 0.91, "sst2"),
            ),
        ),
        _model("org/Model-Instruct", _ts("2024-12-02"), 800, _link("quantized", "org/Model")),
        # the Hub's placeholder creation date of its oldest repositories, with two finetunes
        _model("legacy/bert-old", PLACEHOLDER, 600, licence="mit"),
        _model("u6/legacy-ft", _ts("2024-08-01"), 5, _link("finetune", "legacy/bert-old")),
        _model("u8/legacy-ft2", _ts("2024-08-02"), 4, _link("finetune", "legacy/bert-old")),
        # models declaring no base model
        _model("solo/plain", _ts("2025-06-12"), 0),
        _model("solo/plain-2", _ts("2025-06-13"), 0),
        _model("solo/plain-3", _ts("2025-03-03"), 0),
    ]
    return rows


def models_w1() -> list[dict[str, Any]]:
    """The models of week W1 (2025-06-04): those of W2 created before 2025-06-04 (18 rows)."""
    cut = dt.datetime(2025, 6, 4)
    return [r for r in models_w2() if r["createdAt"] < cut]


def _models_schema(week: dt.date) -> pa.Schema:
    """The real models schema of ``week`` without ``_id`` and with junk dtype fields."""
    fields = []
    for f in arrow_schema("models", week):
        if f.name == "_id":
            continue
        if f.name == "safetensors":
            dtypes = [pa.field(d, pa.int64()) for d in (*SAFETENSORS_DTYPES, *JUNK_DTYPES)]
            f = pa.field(
                "safetensors",
                pa.struct(
                    [pa.field("parameters", pa.struct(dtypes)), pa.field("total", pa.int64())]
                ),
            )
        fields.append(f)
    return pa.schema(fields)


def _write(
    root: Path, kind: str, week: dt.date, rows: list[dict[str, Any]], schema: pa.Schema
) -> None:
    path = root / file_path(kind, week)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)


def _models(root: Path, weeks: tuple[dt.date, ...]) -> None:
    for week in weeks:
        rows = models_w1() if week == W1 else models_w2()
        _write(root, "models", week, rows, _models_schema(week))


def _finish(root: Path) -> Path:
    write_revision(root, REVISION, generated=False)
    return root


def models_only(root: Path) -> Path:
    """Two weeks of models and nothing else."""
    _models(root, (W1, W2))
    return _finish(root)


def single_week(root: Path) -> Path:
    """The last models week alone."""
    _models(root, (W2,))
    return _finish(root)


def empty_kinds(root: Path) -> Path:
    """The two models weeks, with datasets and spaces files that hold no row."""
    _models(root, (W1, W2))
    for week in (W1, W2):
        for kind in ("datasets", "spaces"):
            _write(root, kind, week, [], arrow_schema(kind, week))
    return _finish(root)


def four_kinds(root: Path) -> Path:
    """Models, datasets, spaces and daily papers of both weeks."""
    _models(root, (W1, W2))
    for week in (W1, W2):
        ds = [
            {
                "_id": "d1",
                "id": "cais/mmlu",  # a well-known benchmark by name
                "author": "cais",
                "createdAt": _ts("2023-01-01"),
                "downloads": 900,
                "likes": 30,
                "tags": ["task_categories:question-answering", "license:mit"],
            },
            {
                "_id": "d2",
                "id": "HuggingFaceTB/smollm-corpus",
                "author": "HuggingFaceTB",
                "createdAt": _ts("2024-07-01"),
                "downloads": 500,
                "likes": 20,
                "tags": ["task_categories:text-generation", "license:odc-by"],
            },
        ]
        if week == W2:
            ds.append(
                {
                    "_id": "d3",
                    "id": "u1/fin-qa",
                    "author": "u1",
                    "createdAt": _ts("2025-06-12"),
                    "downloads": 5,
                    "likes": 0,
                    "tags": ["task_categories:question-answering", "finance", "license:mit"],
                }
            )
        _write(root, "datasets", week, ds, arrow_schema("datasets", week))
        sp = [
            {
                "_id": "s1",
                "id": "u1/demo",
                "author": "u1",
                "createdAt": _ts("2025-01-01"),
                "likes": 2,
                "sdk": "gradio",
                "tags": [],
            }
        ]
        _write(root, "spaces", week, sp, arrow_schema("spaces", week))
        papers = [
            {
                "paper_id": "2502.02737",
                "title": "SmolLM2",
                "publishedAt": _ts("2025-02-04"),
                "numComments": 3,
                "paper_upvotes": 40,
            }
        ]
        _write(root, "daily_papers", week, papers, arrow_schema("daily_papers", week))
    return _finish(root)


def models_datasets(root: Path) -> Path:
    """The models and datasets of :func:`four_kinds` (both weeks), no spaces or papers."""
    four_kinds(root)
    for kind in ("spaces", "daily_papers"):
        shutil.rmtree(root / kind)
    return _finish(root)


SMOL3 = "HuggingFaceTB/SmolLM3-3B"


def smol3_models() -> list[dict[str, Any]]:
    """Two models added by :func:`models_and_datasets`: a base declaring two datasets (card and
    tags) and its finetune (the tracked ``HuggingFaceTB/SmolLM3-3B``) declaring one."""
    base = _model(f"{SMOL3}-Base", _ts("2025-06-01"), 700)
    base["cardData"] = '{"datasets": ["HuggingFaceTB/smollm-corpus", "HuggingFaceFW/fineweb-edu"]}'
    base["tags"] = [*base["tags"], "dataset:HuggingFaceTB/smollm-corpus"]
    model = _model(SMOL3, _ts("2025-06-02"), 900, _link("finetune", f"{SMOL3}-Base"))
    model["cardData"] = '{"datasets": "HuggingFaceTB/smoltalk2"}'
    return [base, model]


def models_and_datasets(root: Path) -> Path:
    """Models (those of :func:`models_only` and :func:`smol3_models`) and datasets, two weeks.

    The draft of ``HuggingFaceTB/SmolLM3-3B`` in W2 lists, by hand: HuggingFaceTB/smoltalk2 (its
    own, in its card; public, tagged synthetic), then from its base (distance 1)
    HuggingFaceFW/fineweb-edu (card; not in the datasets file) and HuggingFaceTB/smollm-corpus
    (card and tags; public, odc-by, 100M<n<1B, text, en)."""
    for week in (W1, W2):
        rows = (models_w1() if week == W1 else models_w2()) + smol3_models()
        _write(root, "models", week, rows, _models_schema(week))
        ds = [
            {
                "_id": "d2",
                "id": "HuggingFaceTB/smollm-corpus",
                "author": "HuggingFaceTB",
                "createdAt": _ts("2024-07-01"),
                "downloads": 500,
                "likes": 20,
                "tags": [
                    "license:odc-by",
                    "size_categories:100M<n<1B",
                    "modality:text",
                    "language:en",
                ],
            },
            {
                "_id": "d4",
                "id": "HuggingFaceTB/smoltalk2",
                "author": "HuggingFaceTB",
                "createdAt": _ts("2025-05-01"),
                "downloads": 50,
                "likes": 3,
                "tags": ["license:apache-2.0", "synthetic", "modality:text"],
            },
        ]
        _write(root, "datasets", week, ds, arrow_schema("datasets", week))
    return _finish(root)


ROOTS = {
    "models-only": models_only,
    "empty-kinds": empty_kinds,
    "single-week": single_week,
    "four-kinds": four_kinds,
    "models-datasets": models_datasets,
    "models-and-datasets": models_and_datasets,
}
