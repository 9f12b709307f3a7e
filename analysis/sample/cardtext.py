"""Realistic-size model card text and extra tags for benchmark-size weeks (``text_profile="realistic"``).

The bundled sample keeps its compact card headers (its bytes are fixed by checksums). A real
week's ``models.parquet`` is reported at about 500 bytes a row on disk, most of it ``cardData``:
card headers carry free text (widget prompts, gating prompts, instance prompts), trainer-written
``model-index`` results with full-precision metric values, emissions, inference settings and
tag lists. This module adds such fields, vectorized, to the cards the generator already wrote
(rows without a card stay without one), drawing from its own random stream so that every other
column of the week is unchanged. The words are fictional: syllable-built pseudo-words mixed with
common English words, so no text can be mistaken for a real card.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.arrays import cat, cat_skip, int_str, null_unless, vocab

#: The text profiles a full week can be written with: ``compact`` (the bundled sample's) or ``realistic``.
TEXT_PROFILES: Final = ("compact", "realistic")

_COMMON: Final = (
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "for",
    "on",
    "with",
    "this",
    "that",
    "model",
    "data",
    "by",
    "as",
    "from",
    "it",
    "be",
    "are",
    "an",
    "or",
    "at",
    "you",
    "can",
    "use",
    "fine-tuned",
    "trained",
    "version",
    "using",
    "text",
    "not",
    "we",
    "our",
    "your",
    "will",
    "which",
    "has",
    "more",
    "all",
    "any",
    "may",
    "only",
    "other",
    "these",
    "each",
    "one",
    "new",
    "based",
    "results",
    "dataset",
    "training",
    "license",
    "agreement",
    "terms",
    "access",
    "information",
    "please",
    "provide",
    "research",
    "commercial",
    "under",
    "write",
    "story",
    "about",
    "answer",
    "question",
    "explain",
    "step",
    "image",
    "photo",
    "style",
    "portrait",
    "detailed",
    "high",
    "quality",
    "light",
    "city",
    "night",
    "river",
)
_CARD_TAGS: Final = (
    "generated_from_trainer",
    "trl",
    "sft",
    "dpo",
    "unsloth",
    "peft",
    "lora",
    "axolotl",
    "llama-factory",
    "text-generation-inference",
    "transformers",
    "not-for-all-audiences",
    "chat",
    "instruct",
    "reasoning",
    "code",
    "math",
    "roleplay",
    "medical",
    "finance",
    "stable-diffusion",
    "text-to-image",
    "diffusers-training",
    "template:sd-lora",
    "sentence-transformers",
    "feature-extraction",
    "mteb",
    "gguf-my-repo",
    "llama-cpp",
)
_METRICS: Final = ("accuracy", "f1", "precision", "recall", "loss", "wer", "bleu", "rouge1")
_HARDWARE: Final = ("1 x A100", "8 x H100", "4 x L40S", "2 x A10G", "1 x T4", "TPU v4-8")
_WORDS_PER_VOCAB: Final = 12_288


def _vocabulary() -> pa.Array:
    """A fixed vocabulary: common English words first, then pseudo-words of 1-4 syllables."""
    rng = dm.default_rng(20240904)
    syl = np.array(names.SYLLABLES)
    k = rng.integers(1, 5, size=_WORDS_PER_VOCAB * 2)
    picks = rng.integers(0, len(syl), size=int(k.sum()))
    offsets = np.zeros(len(k) + 1, dtype=np.int32)
    np.cumsum(k, out=offsets[1:])
    made = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), pa.array(syl[picks])), "")
    seen = set(_COMMON)
    words = list(_COMMON)
    for w in made.to_pylist():
        if w not in seen and len(words) < _WORDS_PER_VOCAB:
            seen.add(w)
            words.append(w)
    # a few punctuated variants, as in running text
    rng2 = dm.default_rng(7)
    for i in rng2.integers(0, len(words), size=600):
        words.append(words[int(i)] + (",", ".", ".", ":")[int(i) % 4])
    return pa.array(words, pa.string())


_VOCAB: pa.Array | None = None


def _vocab() -> pa.Array:
    global _VOCAB
    if _VOCAB is None:
        _VOCAB = _vocabulary()
    return _VOCAB


def prose(rng: np.random.Generator, counts: np.ndarray) -> pa.Array:
    """One string of ``counts[i]`` words per row: common words often, a long tail of rarer ones."""
    v = _vocab()
    counts = np.asarray(counts, dtype=np.int64)
    total = int(counts.sum())
    common = rng.random(total) < 0.45
    tail = np.minimum(
        (len(v) * dm.power(rng.random(total), 2.2)).astype(np.int64), len(v) - 1
    )  # skewed towards the front
    idx = np.where(common, rng.integers(0, len(_COMMON), size=total), tail)
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    out = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), v.take(pa.array(idx))), " ")
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def _floats(x: np.ndarray) -> pa.Array:
    """Full-precision decimal text of floats (as trainers write metric values)."""
    return pc.cast(pa.array(np.asarray(x, dtype=np.float64)), pa.string())


def _repeat_join(
    rng: np.random.Generator, counts: np.ndarray, item: pa.Array, sep: str = ","
) -> pa.Array:
    """Per row, ``counts[i]`` consecutive values of ``item`` (whose length is ``counts.sum()``) joined."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    out = pc.binary_join(pa.ListArray.from_arrays(pa.array(offsets), item), sep)
    return out.combine_chunks() if isinstance(out, pa.ChunkedArray) else out


def _metric_items(rng: np.random.Generator, k: int) -> pa.Array:
    m = rng.integers(0, len(_METRICS), size=k)
    return cat(
        '{"type":"',
        vocab(_METRICS, m),
        '","value":',
        _floats(rng.random(k) * np.where(rng.random(k) < 0.3, 10.0, 1.0)),
        ',"name":"',
        pc.utf8_capitalize(vocab(_METRICS, m)),
        '"}',
    )


def trainer_model_index(
    rng: np.random.Generator, model_name: pa.Array, task: pa.Array, dataset: pa.Array
) -> pa.Array:
    """``"model-index":[...]`` as a trainer writes it: 1 to 3 results (evaluation splits), each
    with 1 to 10 full-precision metric values."""
    k = len(model_name)
    n_results = np.minimum(rng.geometric(0.6, size=k), 3)
    r = int(n_results.sum())
    n_metrics = np.minimum(rng.geometric(0.35, size=r), 10)
    metrics = _repeat_join(rng, n_metrics, _metric_items(rng, int(n_metrics.sum())))
    row = np.repeat(np.arange(k), n_results)
    task_r, ds_r = task.take(pa.array(row)), dataset.take(pa.array(row))
    split = vocab(("test", "validation", "train"), rng.integers(0, 3, size=r))
    results = cat(
        '{"task":{"type":"',
        task_r,
        '","name":"',
        pc.utf8_capitalize(pc.replace_substring(task_r, "-", " ")),
        '"},"dataset":{"name":"',
        ds_r,
        '","type":"',
        ds_r,
        '","config":"default","split":"',
        split,
        '","args":"default"},"metrics":[',
        metrics,
        "]}",
    )
    return cat(
        '"model-index":[{"name":"',
        model_name,
        '","results":[',
        _repeat_join(rng, n_results, results),
        "]}]",
    )


def realistic_card_fields(
    rng: np.random.Generator,
    *,
    ids: pa.Array,
    author: pa.Array,
    pipeline: pa.Array,
    library: pa.Array,
    is_finetune_like: np.ndarray,
    is_quantized: np.ndarray,
    is_merge: np.ndarray,
    has_model_index: np.ndarray,
    datasets_text: pa.Array,
) -> tuple[pa.Array, np.ndarray]:
    """The extra JSON members (each starting with ``,``) to insert before a card's closing brace.

    Returns (text per row, rows given a trainer ``model-index``). ``has_model_index`` marks rows
    whose card already holds one (they get no second); ``datasets_text`` is a dataset id per row
    (or null) used as the trainer's evaluation dataset.
    """
    n = len(ids)
    u = rng.random((8, n))
    pipe_np = pc.is_valid(pipeline).to_numpy(zero_copy_only=False)
    is_t2i = pc.fill_null(pc.equal(pipeline, "text-to-image"), False).to_numpy(zero_copy_only=False)

    # tags written in the card header (not the Hub's tags column); merges already write theirs
    n_tags = np.where(is_merge, 0, rng.integers(0, 6, size=n))
    first_tag = np.repeat(rng.integers(0, len(_CARD_TAGS), size=n), n_tags)
    within = np.arange(int(n_tags.sum())) - np.repeat(np.cumsum(n_tags) - n_tags, n_tags)
    tag_items = vocab(_CARD_TAGS, (first_tag + within) % len(_CARD_TAGS))  # distinct in a row
    tags = _repeat_join(rng, n_tags, cat('"', tag_items, '"'))
    tags_member = null_unless(n_tags > 0, cat(',"tags":[', tags, "]"))

    # trainer-written model-index: most fine-tunes and adapters of the trainer era
    trainer = is_finetune_like & ~has_model_index & (u[0] < 0.6)
    ds = pc.fill_null(datasets_text, "unknown")
    task = pc.fill_null(pipeline, "text-generation")
    mi = trainer_model_index(rng, ids, task, ds)
    mi_member = null_unless(trainer, cat(",", mi))

    # widget prompts: free text, longer for text-to-image (with generated image paths)
    has_widget = (u[1] < 0.55) | is_t2i
    n_widgets = np.where(has_widget, np.minimum(rng.geometric(0.5, size=n), 5), 0)
    total_w = int(n_widgets.sum())
    w_words = rng.integers(10, 200, size=total_w)
    w_text = prose(rng, w_words)
    img = cat(
        ',"output":{"url":"images/',
        pc.utf8_slice_codeunits(
            pc.cast(pa.array(rng.integers(0, 2**62, size=total_w)), pa.string()), 0, 12
        ),
        '.png"}',
    )
    item_is_t2i = np.repeat(is_t2i, n_widgets)
    items = cat_skip('{"text":"', w_text, '"', null_unless(item_is_t2i, img), "}")
    widget_member = null_unless(
        has_widget, cat(',"widget":[', _repeat_join(rng, n_widgets, items), "]")
    )
    instance_member = null_unless(
        is_t2i & (u[2] < 0.7),
        cat(',"instance_prompt":"', prose(rng, rng.integers(3, 14, size=n)), '"'),
    )

    # gated models: a long access prompt (the few-KB tail of card sizes)
    gated = u[3] < 0.07
    gate_words = np.where(gated, rng.integers(100, 800, size=n), 0)
    gated_member = null_unless(
        gated,
        cat(
            ',"extra_gated_prompt":"',
            prose(rng, gate_words),
            '","extra_gated_fields":{"Name":"text","Affiliation":"text","Country":"country",'
            '"I agree to the terms above":"checkbox"}',
        ),
    )

    # emissions (AutoTrain-style), inference settings, metrics, quantizer, thumbnails
    co2 = u[4] < 0.06
    co2_member = null_unless(
        co2,
        cat(
            ',"co2_eq_emissions":{"emissions":',
            _floats(rng.lognormal(0.0, 2.0, size=n)),
            ',"source":"AutoTrain","training_type":"fine-tuning","geographical_location":"',
            vocab(names.COUNTRIES, rng.integers(0, len(names.COUNTRIES), size=n)),
            '","hardware_used":"',
            vocab(_HARDWARE, rng.integers(0, len(_HARDWARE), size=n)),
            '"}',
        ),
    )
    inference_member = null_unless(
        pipe_np & (u[5] < 0.15),
        cat(
            ',"inference":{"parameters":{"temperature":',
            _floats(np.round(rng.uniform(0.1, 1.2, size=n), 2)),
            ',"max_new_tokens":',
            int_str(2 ** rng.integers(6, 12, size=n)),
            ',"top_p":',
            _floats(np.round(rng.uniform(0.8, 1.0, size=n), 2)),
            "}}",
        ),
    )
    n_met = np.where(u[6] < 0.22, rng.integers(1, 4, size=n), 0)
    met_items = vocab(_METRICS, rng.integers(0, len(_METRICS), size=int(n_met.sum())))
    metrics_member = null_unless(
        n_met > 0, cat(',"metrics":[', _repeat_join(rng, n_met, cat('"', met_items, '"')), "]")
    )
    quant_member = null_unless(is_quantized, cat(',"quantized_by":"', author, '"'))
    thumb_member = null_unless(
        u[7] < 0.05,
        cat(
            ',"thumbnail":"https://cdn.example.invalid/',
            int_str(rng.integers(0, 2**62, size=n)),
            '.png","model_creator":"',
            author,
            '"',
        ),
    )
    lib_member = null_unless(
        pc.is_null(library).to_numpy(zero_copy_only=False) & (u[7] > 0.9),
        ',"library_name":"transformers"',
    )
    text = cat_skip(
        tags_member,
        mi_member,
        widget_member,
        instance_member,
        gated_member,
        co2_member,
        inference_member,
        metrics_member,
        quant_member,
        thumb_member,
        lib_member,
    )
    return text, trainer


def realistic_tags(
    rng: np.random.Generator,
    *,
    library_is_transformers: np.ndarray,
    text_generation: np.ndarray,
    trainer: np.ndarray,
    has_model_index: np.ndarray,
    is_finetune_like: np.ndarray,
    is_quantized_not_gguf: np.ndarray,
) -> list[tuple[np.ndarray, pa.Array]]:
    """Extra unprefixed tags the Hub adds (``autotrain_compatible``, ``generated_from_trainer``, ...).

    (row, tag) parts for :func:`analysis.sample.arrays.lists`; none is a prefixed tag, so no
    licence, lineage, dataset or paper count changes.
    """
    n = len(trainer)
    r = np.arange(n)
    u = rng.random((5, n))

    def const(mask: np.ndarray, tag: str) -> tuple[np.ndarray, pa.Array]:
        return r[mask], pa.array([tag] * int(mask.sum()), pa.string())

    return [
        const(trainer, "generated_from_trainer"),
        const(trainer & (u[0] < 0.4), "tensorboard"),
        const(is_finetune_like & ~trainer & (u[1] < 0.3), "trl"),
        const(is_finetune_like & ~trainer & (u[1] < 0.12), "unsloth"),
        const(is_quantized_not_gguf, "4-bit"),
        const(is_quantized_not_gguf & (u[2] < 0.5), "bitsandbytes"),
        const(u[3] < 0.03, "custom_code"),
        const(has_model_index | trainer, "model-index"),
        const(library_is_transformers & (u[4] < 0.7), "autotrain_compatible"),
        const(library_is_transformers & text_generation, "text-generation-inference"),
    ]


__all__ = ["TEXT_PROFILES", "prose", "realistic_card_fields", "realistic_tags"]
