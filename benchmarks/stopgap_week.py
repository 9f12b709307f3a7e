"""STOPGAP generator of one benchmark-size models week (used only when ``analysis.sample`` has no
scale knob yet). Fictional, deterministic, in the real arrow schema (``analysis.schema``), with
realistic column sizes: most of the bytes are ``cardData`` JSON text, ``tags`` lists and ids, as
in the real files (about 500 bytes a row compressed, reported 1.5 GB for about 3 million rows).

Written chunk by chunk (bounded memory), to a temp file moved into place.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.schema import SAFETENSORS_DTYPES, arrow_schema

CHUNK = 250_000
PIPELINES = [
    "text-generation",
    "text-classification",
    "image-classification",
    "automatic-speech-recognition",
    "text-to-image",
    "feature-extraction",
    "token-classification",
    "translation",
    "fill-mask",
    "image-text-to-text",
    "reinforcement-learning",
    "sentence-similarity",
    "text2text-generation",
    "object-detection",
    "audio-classification",
    "summarization",
    "question-answering",
]
LIBRARIES = [
    "transformers",
    "peft",
    "diffusers",
    "gguf",
    "sentence-transformers",
    "timm",
    "mlx",
    "stable-baselines3",
    "ml-agents",
    "keras",
    "pytorch",
    "onnx",
    "adapter-transformers",
    "spacy",
]
LICENSES = [
    "apache-2.0",
    "mit",
    "other",
    "llama3.1",
    "cc-by-4.0",
    "openrail",
    "gemma",
    "cc-by-nc-4.0",
    "gpl-3.0",
    "bsd-3-clause",
]
LANGS = ["en", "zh", "fr", "de", "es", "ja", "ru", "ko", "ar", "hi", "pt", "it", "vi", "id"]
RELATIONS = ["finetune", "quantized", "adapter", "merge"]
WORDS = [
    "nova",
    "quill",
    "ember",
    "lumen",
    "tidal",
    "fable",
    "orbit",
    "cinder",
    "vale",
    "sprout",
    "delta",
    "mosaic",
    "pilot",
    "ridge",
    "zephyr",
    "atlas",
    "kite",
    "prism",
    "rune",
    "sable",
]


def _vocab(words: list[str], idx: np.ndarray) -> pa.Array:
    return pa.array(words, pa.string()).take(pa.array(idx))


def _null_unless(mask: np.ndarray, arr: pa.Array) -> pa.Array:
    return pc.if_else(pa.array(mask), arr, pa.scalar(None, arr.type))


def _join(*parts: pa.Array | str) -> pa.Array:
    arrays = [p if not isinstance(p, str) else pa.scalar(p, pa.string()) for p in parts]
    return pc.binary_join_element_wise(*arrays, "")


def _num(x: np.ndarray) -> pa.Array:
    return pc.cast(pa.array(x), pa.string())


def _chunk(rng: np.random.Generator, start: int, n: int, total: int, week: dt.date) -> pa.Table:
    i = np.arange(start, start + n, dtype=np.int64)
    n_auth = max(total // 6, 10)
    author_ix = np.minimum((rng.pareto(1.1, n) * n_auth / 50).astype(np.int64), n_auth - 1)
    author = _join("user-", _num(author_ix))
    name = _join(
        _vocab(WORDS, rng.integers(0, len(WORDS), n)),
        "-",
        _vocab(WORDS, rng.integers(0, len(WORDS), n)),
        "-",
        _num(i),
    )
    mid = pc.utf8_lower(_join(_num(i * 7919 + 1_000_003), "a1b2c3d4e5f6a7b8"))
    end_us = int(dt.datetime.combine(week + dt.timedelta(days=7), dt.time()).timestamp() * 1e6)
    span_us = 4 * 365 * 86_400 * 10**6
    created = end_us - (span_us * rng.power(3.0, n)[::-1]).astype(
        np.int64
    )  # denser towards the end
    created = np.sort(created)
    modified = np.minimum(
        created + (rng.exponential(60, n) * 86_400e6).astype(np.int64), end_us - 1
    )
    downloads = np.where(rng.random(n) < 0.7, 0, rng.lognormal(2.5, 2.6, n).astype(np.int64))
    likes = np.where(rng.random(n) < 0.8, 0, rng.geometric(0.15, n))
    pipe = rng.integers(-1, len(PIPELINES), n)
    pipe = np.where(rng.random(n) < 0.35, -1, pipe)
    lib = np.where(rng.random(n) < 0.25, -1, rng.integers(0, len(LIBRARIES), n))
    lic = rng.integers(0, len(LICENSES), n)
    rel = np.where(rng.random(n) < 0.5, -1, rng.integers(0, len(RELATIONS), n))
    parent = np.minimum((rng.pareto(0.9, n) * 50).astype(np.int64), max(start + n - 1, 0))
    parent_id = _join("user-", _num(parent % n_auth), "/base-", _num(parent))
    # tags: region:us, license, library, pipeline, base_model (twice), dataset, arxiv, languages
    n_lang = rng.integers(0, 4, n)
    tag_parts = [
        pa.array(["region:us"] * n),
        _join("license:", _vocab(LICENSES, lic)),
        _null_unless(lib >= 0, _vocab(LIBRARIES, np.maximum(lib, 0))),
        _null_unless(pipe >= 0, _vocab(PIPELINES, np.maximum(pipe, 0))),
        _null_unless(rel >= 0, _join("base_model:", parent_id)),
        _null_unless(
            rel >= 0, _join("base_model:", _vocab(RELATIONS, np.maximum(rel, 0)), ":", parent_id)
        ),
        _null_unless(
            rng.random(n) < 0.3,
            _join(
                "dataset:user-",
                _num(rng.integers(0, 5000, n)),
                "/data-",
                _num(rng.integers(0, 99, n)),
            ),
        ),
        _null_unless(
            rng.random(n) < 0.15,
            _join(
                "arxiv:",
                _num(rng.integers(1801, 2612, n)),
                ".",
                _num(rng.integers(10000, 99999, n)),
            ),
        ),
    ] + [_null_unless(n_lang > k, _vocab(LANGS, rng.integers(0, len(LANGS), n))) for k in range(3)]
    stacked = pa.table({str(k): p for k, p in enumerate(tag_parts)})
    flat_cols = [stacked.column(k).combine_chunks() for k in range(stacked.num_columns)]
    # interleave row-wise, dropping nulls
    mat = np.stack([np.asarray(c.is_valid()) for c in flat_cols], axis=1)
    counts = mat.sum(axis=1)
    order_row, order_col = np.nonzero(mat)
    values = pa.chunked_array(flat_cols).combine_chunks()  # column-major concat
    flat = values.take(pa.array(order_col * n + order_row))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    tags = pa.ListArray.from_arrays(pa.array(offsets), flat)
    # cardData: JSON text, {} for 20%, null for 10%, long model-index / widget for some
    big = rng.random(n) < 0.08
    repeat = np.where(big, rng.integers(5, 60, n), rng.integers(0, 3, n))
    card = _join(
        '{"license": "',
        _vocab(LICENSES, lic),
        '", "language": ["',
        _vocab(LANGS, rng.integers(0, len(LANGS), n)),
        '"], "tags": ["generated", "',
        _vocab(WORDS, rng.integers(0, len(WORDS), n)),
        '"], "base_model": "',
        parent_id,
        '", "pipeline_tag": "',
        _vocab(PIPELINES, np.maximum(pipe, 0)),
        '", "model-index": [',
        pc.binary_repeat(
            _join(
                '{"name": "',
                name,
                '", "results": [{"task": {"type": "text-generation"}, "metrics": [{"type": "accuracy", "value": ',
                _num(rng.integers(100, 999, n)),
                "}]}]},",
            ),
            pa.array(repeat),
        ),
        '{}], "widget": [{"text": "',
        _vocab(WORDS, rng.integers(0, len(WORDS), n)),
        " ",
        _num(rng.integers(0, 10**9, n)),
        '"}], ',
        '"eval_results": [',
        *[_join(_num(rng.integers(0, 10**12, n)), ", ") for _ in range(32)],
        "0]}",
    )
    u = rng.random(n)
    card = pc.if_else(pa.array(u < 0.2), pa.scalar("{}"), card)
    card = _null_unless(u >= 0.1, card)
    has_st = rng.random(n) < 0.4
    total_p = (rng.lognormal(19, 2.5, n)).astype(np.int64)
    params = pa.StructArray.from_arrays(
        [
            pa.array(
                np.where(
                    d == "BF16",
                    total_p,
                    np.where((d == "F32") & (rng.random(n) < 0.3), total_p // 100, 0),
                ),
                pa.int64(),
            )
            if d in ("BF16", "F32")
            else pa.nulls(n, pa.int64())
            for d in SAFETENSORS_DTYPES
        ],
        names=list(SAFETENSORS_DTYPES),
    )
    st = pa.StructArray.from_arrays(
        [params, pa.array(total_p)], names=["parameters", "total"], mask=pa.array(~has_st)
    )
    gguf = _null_unless(
        rng.random(n) < 0.08,
        _join('{"total": ', _num(total_p), ', "architecture": "llama", "context_length": 8192}'),
    )
    n_par = np.where(rel == 3, rng.integers(2, 4, n), 1)
    par_offsets = np.concatenate([[0], np.cumsum(n_par)]).astype(np.int32)
    par_row = np.repeat(np.arange(n), n_par)
    par_ids = pa.array(parent_id).take(pa.array(par_row))
    par_ids = _join(
        par_ids, pc.if_else(pa.array(np.arange(len(par_row)) == par_offsets[par_row]), "", "-x")
    )
    par_struct = pa.StructArray.from_arrays([_join("p", par_ids), par_ids], names=["_id", "id"])
    base = pa.StructArray.from_arrays(
        [
            _vocab(RELATIONS, np.maximum(rel, 0)),
            pa.ListArray.from_arrays(pa.array(par_offsets), par_struct),
        ],
        names=["relation", "models"],
        mask=pa.array(rel < 0),
    )
    cols = {
        "_id": mid,
        "id": _join(author, "/", name),
        "author": author,
        "createdAt": pa.array(created, pa.timestamp("us")),
        "lastModified": pa.array(modified, pa.timestamp("us")),
        "downloads": pa.array(downloads),
        "downloadsAllTime": pa.array(downloads * rng.integers(1, 40, n)),
        "likes": pa.array(likes.astype(np.int64)),
        "trendingScore": pa.array(np.round(rng.exponential(0.5, n) * (likes > 0), 3)),
        "tags": tags,
        "pipeline_tag": _null_unless(pipe >= 0, _vocab(PIPELINES, np.maximum(pipe, 0))),
        "library_name": _null_unless(lib >= 0, _vocab(LIBRARIES, np.maximum(lib, 0))),
        "cardData": card,
        "safetensors": st,
        "gguf": gguf,
        "baseModels": base,
    }
    schema = arrow_schema("models", week)
    return pa.table({f.name: cols[f.name].cast(f.type) for f in schema}, schema=schema)


def write_models_week(path: Path, week: dt.date, models: int, seed: int = 0) -> Path:
    """Write a ``models`` week of ``models`` rows to ``path`` (atomically); returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    rng = np.random.default_rng([seed, models, week.toordinal()])
    try:
        with pq.ParquetWriter(tmp, arrow_schema("models", week)) as w:
            for start in range(0, models, CHUNK):
                w.write_table(
                    _chunk(rng, start, min(CHUNK, models - start), models, week),
                    row_group_size=CHUNK,
                )
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path
