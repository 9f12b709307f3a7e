"""One week's ``models.parquet`` table from the model population."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis import schema
from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.arrays import (
    cat,
    cat_skip,
    int_str,
    json_list,
    lists,
    null_unless,
    timestamps,
    vocab,
)
from analysis.sample.cardtext import TEXT_PROFILES, realistic_card_fields, realistic_tags
from analysis.sample.clock import (
    age_days,
    last_edit_us,
    lifetime_sum,
    snapshot_us,
    week_ordinal,
    window_sum,
)
from analysis.sample.lineage import ADAPTER, FINETUNE, MERGE, QUANTIZED, RELATION_NAMES
from analysis.sample.models import (
    DTYPES,
    FMT_GGUF,
    FMT_SAFETENSORS,
    LIBRARIES,
    PIPELINES,
    ModelPopulation,
)
from analysis.sample.orgs import Accounts

ARCHS = tuple(f.arch for f in names.FAMILIES)
CHAT_TEMPLATE = (
    "{%- for message in messages %}{{- '<|turn|>' + message['role'] + '\\n' + message['content'] | trim + '<|end|>\\n' }}"
    "{%- endfor %}{%- if add_generation_prompt %}{{- '<|turn|>assistant\\n' }}{%- endif %}"
)
_EVAL_BENCH = [
    b
    for b in names.BENCHMARKS
    if b[2] in ("question-answering", "text-generation", "text-classification")
][:6]


def week_state(
    pop: ModelPopulation, w: int, week: dt.date
) -> tuple[np.ndarray, pa.Array, np.ndarray]:
    """(rows alive at the week, every row's id at the week, every row's author at the week)."""
    ids, author = pop.ids_at(w)
    return pop.alive(w, snapshot_us(week)), ids, author


def _parents(pop: ModelPopulation, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(local row, parent row) pairs for the rows, main parent first, then merges' further parents."""
    local = np.full(pop.n, -1, dtype=np.int64)
    local[rows] = np.arange(len(rows))
    has = pop.parent[rows] >= 0
    c1, p1 = np.flatnonzero(has), pop.parent[rows][has]
    ec = local[pop.extra_child]
    ok = ec >= 0
    child = np.concatenate([c1, ec[ok]])
    par = np.concatenate([p1, pop.extra_parent[ok]])
    order = np.argsort(child, kind="stable")
    return child[order], par[order]


#: Percent of evaluated models reporting each of :data:`_EVAL_BENCH` (the first: every one), so
#: that reporting concentrates on a few benchmarks and a derivative's set can differ from its base's.
_EVAL_SHARE = (100, 70, 55, 40, 25, 15)


def _eval_block(rng: np.random.Generator, rows: np.ndarray, model_name: pa.Array) -> pa.Array:
    """``"model-index":[...]`` of the models at population ``rows``: which benchmarks a model
    reports comes from its row number by integer hashing (the same every week, no random draw);
    the values are drawn for every benchmark whether reported or not, so the week's random
    stream is the same as when every model reported all of them."""
    k = len(rows)
    key = np.asarray(rows, dtype=np.int64) * 2654435761
    results: list[pa.Array] = []
    for i, (org, bench, task, _) in enumerate(_EVAL_BENCH):
        value = pc.cast(pa.array(np.round(rng.uniform(20, 90, size=k), 2)), pa.string())
        element = cat(
            "," if i else "",
            f'{{"task":{{"type":"{task}","name":"{task.replace("-", " ").title()}"}},'
            f'"dataset":{{"name":"{bench} (5-Shot)","type":"{org}/{bench}","config":"all","split":"test","args":{{"num_few_shot":5}}}},'
            '"metrics":[{"type":"acc","value":',
            value,
            ',"name":"accuracy"}],"source":{"url":"https://huggingface.co/spaces/open-eval-collective/leaderboard","name":"Open Eval Leaderboard (fictional)"}}',
        )
        keep = ((key + 40503 * (i + 1)) >> 7) % 100 < _EVAL_SHARE[i]
        results.append(element if i == 0 else null_unless(keep, element))
    return cat_skip('"model-index":[{"name":"', model_name, '","results":[', *results, "]}]")


#: Rows built at once (also the parquet row-group size): bounds memory at millions of models.
CHUNK_ROWS = 262_144


def models_chunks(
    pop: ModelPopulation,
    accounts: Accounts,
    w: int,
    week: dt.date,
    seed: int,
    text_profile: str = "compact",
) -> Iterator[pa.Table]:
    """The week's models table in chunks of :data:`CHUNK_ROWS` rows (the same rows whatever the memory).

    ``text_profile="realistic"`` (benchmark-size weeks) adds realistic-size card text and the
    Hub's extra unprefixed tags (:mod:`analysis.sample.cardtext`) from a separate random stream:
    every other column, and which rows have a card, are the same as with ``"compact"``.
    """
    if text_profile not in TEXT_PROFILES:
        raise ValueError(
            f"unknown text_profile {text_profile!r}; expected one of {', '.join(TEXT_PROFILES)}"
        )
    all_alive, ids_all, author_all = week_state(pop, w, week)
    for i, start in enumerate(range(0, max(len(all_alive), 1), CHUNK_ROWS)):
        yield _models_chunk(
            pop,
            accounts,
            w,
            week,
            seed,
            i,
            all_alive[start : start + CHUNK_ROWS],
            ids_all,
            author_all,
            text_profile,
        )


def models_table(
    pop: ModelPopulation, accounts: Accounts, w: int, week: dt.date, seed: int
) -> pa.Table:
    return pa.concat_tables(list(models_chunks(pop, accounts, w, week, seed)))


def _models_chunk(
    pop: ModelPopulation,
    accounts: Accounts,
    w: int,
    week: dt.date,
    seed: int,
    chunk: int,
    alive: np.ndarray,
    ids_all: pa.Array,
    author_all: np.ndarray,
    text_profile: str = "compact",
) -> pa.Table:
    rng = dm.default_rng([seed, 11, week_ordinal(week) + 1000, chunk])
    at = snapshot_us(week)
    n = len(alive)
    created = pop.created[alive]
    age = age_days(created, at)
    rate, tau, floor = pop.dl_rate[alive], pop.dl_tau[alive], pop.dl_floor[alive]
    noise = dm.exp(rng.normal(0.0, 0.25, size=n))
    alltime = np.floor(lifetime_sum(rate, tau, floor, age) * 1.1).astype(np.int64)
    downloads = np.minimum(
        np.floor(window_sum(rate, tau, floor, age, 30.0) * noise).astype(np.int64), alltime
    )
    lmax, ltau = pop.likes_max[alive], pop.likes_tau[alive]
    likes = np.floor(lmax * -dm.expm1(-age / ltau)).astype(np.int64)
    likes_prev = np.floor(lmax * -dm.expm1(-np.maximum(age - 7, 0) / ltau)).astype(np.int64)
    trending = np.floor((likes - likes_prev) + downloads / 20_000.0).astype(np.float64)
    last_mod = np.minimum(last_edit_us(created, pop.edit_days[alive], at), at)

    ids = ids_all.take(pa.array(alive))
    author = accounts.handles.take(pa.array(author_all[alive]))
    relation = pop.relation[alive]
    pipeline = vocab(PIPELINES, pop.pipeline[alive])
    library = vocab(LIBRARIES, pop.library[alive])
    fmt = pop.fmt[alive]
    fam = pop.family[alive]
    lic = vocab(names.LICENSES, pop.license[alive])

    # lineage
    pc_local, pc_parent = _parents(pop, alive)
    parent_id = ids_all.take(pa.array(pc_parent))
    parent_oid = pop.oid.take(pa.array(pc_parent))
    rel_of_child = vocab(RELATION_NAMES, relation[pc_local])
    counts = np.bincount(pc_local, minlength=n)
    offsets = np.zeros(n + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    parent_struct = pa.StructArray.from_arrays([parent_oid, parent_id], names=["_id", "id"])
    base_list = pa.ListArray.from_arrays(pa.array(offsets), parent_struct)
    has_parent = counts > 0
    base_models = pa.StructArray.from_arrays(
        [null_unless(has_parent, vocab(RELATION_NAMES, relation)), base_list],
        fields=list(schema.BASE_MODELS),
        mask=pa.array(~has_parent),
    )

    local = np.full(pop.n, -1, dtype=np.int64)
    local[alive] = np.arange(n)
    ds_l = local[pop.ds_child]
    lib_idx = pop.library[alive]
    pipe_ok = pop.pipeline[alive] >= 0
    realistic = text_profile == "realistic"
    extra_card: pa.Array | None = None
    extra_tags: list[tuple[np.ndarray, pa.Array]] = []
    if realistic:
        rng_text = dm.default_rng([seed, 12, week_ordinal(week) + 1000, chunk])
        first_ds = np.full(n, -1, dtype=np.int64)  # the first dataset each row cites
        cited = np.flatnonzero(ds_l >= 0)
        rows_citing, first = np.unique(ds_l[cited], return_index=True)
        first_ds[rows_citing] = cited[first]
        first_ds_text = (
            pop.ds_ref.take(pa.array(np.maximum(first_ds, 0), mask=first_ds < 0))
            if len(cited)
            else pa.nulls(n, pa.string())
        )
        finetune_like = (relation == FINETUNE) | (relation == ADAPTER)
        quantized = relation == QUANTIZED
        extra_card, trainer = realistic_card_fields(
            rng_text,
            ids=ids,
            author=author,
            pipeline=pipeline,
            library=library,
            is_finetune_like=finetune_like,
            is_quantized=quantized,
            is_merge=relation == MERGE,
            has_model_index=pop.eval_card[alive],
            datasets_text=first_ds_text,
        )
        extra_tags = realistic_tags(
            rng_text,
            library_is_transformers=lib_idx == LIBRARIES.index("transformers"),
            text_generation=pop.pipeline[alive] == PIPELINES.index("text-generation"),
            trainer=trainer,
            has_model_index=pop.eval_card[alive],
            is_finetune_like=finetune_like,
            is_quantized_not_gguf=quantized & (fmt != FMT_GGUF),
        )

    # tags, in the Hub's usual order
    r = np.arange(n)
    parts: list[tuple[np.ndarray, pa.Array]] = []
    parts.append((r[lib_idx >= 0], library.filter(pa.array(lib_idx >= 0))))
    parts.append(
        (r[fmt == FMT_GGUF], pa.array(["gguf"] * int((fmt == FMT_GGUF).sum()), pa.string()))
    )
    parts.append(
        (
            r[fmt == FMT_SAFETENSORS],
            pa.array(["safetensors"] * int((fmt == FMT_SAFETENSORS).sum()), pa.string()),
        )
    )
    parts.append((r[pipe_ok], pipeline.filter(pa.array(pipe_ok))))
    has_fam = fam >= 0
    parts.append((r[has_fam], vocab(ARCHS, fam[has_fam])))
    for code, tag in ((MERGE, "mergekit"), (MERGE, "merge"), (ADAPTER, "lora")):
        m = relation == code
        parts.append((r[m], pa.array([tag] * int(m.sum()), pa.string())))
    conv = pop.conversational[alive]
    parts.append((r[conv], pa.array(["conversational"] * int(conv.sum()), pa.string())))
    lang = pop.lang[alive]
    parts.append((r[lang >= 0], vocab(names.LANGS, lang[lang >= 0])))
    parts.append((pc_local, cat("base_model:", parent_id)))
    parts.append((pc_local, cat("base_model:", rel_of_child, ":", parent_id)))
    parts.append((ds_l[ds_l >= 0], cat("dataset:", pop.ds_ref.filter(pa.array(ds_l >= 0)))))
    ax_l = local[pop.arxiv_child]
    parts.append((ax_l[ax_l >= 0], cat("arxiv:", pop.arxiv_ref.filter(pa.array(ax_l >= 0)))))
    parts.extend(extra_tags)
    parts.append((r, cat("license:", lic)))
    endpoints = (lib_idx == LIBRARIES.index("transformers")) & pipe_ok
    parts.append(
        (r[endpoints], pa.array(["endpoints_compatible"] * int(endpoints.sum()), pa.string()))
    )
    parts.append((r, pa.array(["region:us"] * n, pa.string())))
    if pop.hostile_tag_row >= 0 and local[pop.hostile_tag_row] >= 0:
        parts.append(
            (
                np.array([local[pop.hostile_tag_row]]),
                pa.array(["<img src=x onerror=alert(1)>"], pa.string()),
            )
        )
    tags = lists(n, parts)

    # cardData (JSON text): the card's YAML header
    name_only = pc.utf8_slice_codeunits(ids, 0, 10_000)  # the id, used as the model-index name
    base_json = json_list(pa.ListArray.from_arrays(pa.array(offsets), parent_id))
    ds_tags = lists(n, [(ds_l[ds_l >= 0], pop.ds_ref.filter(pa.array(ds_l >= 0)))])
    lang_list = lists(n, [(r[lang >= 0], vocab(names.LANGS, lang[lang >= 0]))])
    eval_rows = pop.eval_card[alive]
    ev = np.flatnonzero(eval_rows)
    eval_text = pa.nulls(n, pa.string())
    if len(ev):
        block = _eval_block(rng, alive[ev], name_only.take(pa.array(ev)))
        pos = np.full(n, 0, dtype=np.int64)
        pos[ev] = np.arange(len(ev))
        eval_text = block.take(pa.array(pos, mask=~eval_rows))
    other = pop.license[alive] == names.LICENSES.index("other")
    fam_lic_name = vocab(
        tuple(f"{f.key}-community-license" for f in names.FAMILIES), np.where(has_fam, fam, -1)
    )
    card = cat_skip(
        '{"license":"',
        lic,
        '"',
        null_unless(other & has_fam, cat(',"license_name":"', fam_lic_name, '"')),
        null_unless(has_parent, cat(',"base_model":', base_json)),
        null_unless(lib_idx >= 0, cat(',"library_name":"', library, '"')),
        null_unless(pipe_ok, cat(',"pipeline_tag":"', pipeline, '"')),
        null_unless(
            pc.list_value_length(ds_tags).to_numpy(zero_copy_only=False) > 0,
            cat(',"datasets":', json_list(ds_tags)),
        ),
        null_unless(lang >= 0, cat(',"language":', json_list(lang_list))),
        null_unless(relation == MERGE, ',"tags":["merge","mergekit"]'),
        null_unless(eval_rows, cat(",", eval_text)),
        *([extra_card] if extra_card is not None else []),
        "}",
    )
    no_card = rng.random(n) < 0.12
    card = null_unless(~no_card, card)
    hostile = pop.hostile_rows
    h_local = local[hostile] if len(hostile) else np.zeros(0, np.int64)
    if len(h_local) and (h_local >= 0).any():
        mask = np.zeros(n, dtype=bool)
        vals = []
        for text, row in zip(names.HOSTILE, h_local, strict=False):
            if row >= 0:
                mask[row] = True
                vals.append(
                    (
                        int(row),
                        json.dumps(
                            {"license": "mit", "widget": [{"text": text}], "model_name": text},
                            ensure_ascii=False,
                        ),
                    )
                )
        vals.sort()
        card = pc.replace_with_mask(
            card, pa.array(mask), pa.array([v for _, v in vals], pa.string())
        )

    # safetensors and gguf
    params = pop.params[alive]
    dtype = pop.dtype[alive]
    is_st = fmt == FMT_SAFETENSORS
    fields = []
    for d in schema.SAFETENSORS_DTYPES:
        if d in DTYPES:
            k = DTYPES.index(d)
            main = np.where(dtype == k, params, 0)
            if d == "F32":
                main = main + np.where((dtype == 0) & (params > 1e9), params // 1000, 0)
            fields.append(pa.array(main, pa.int64(), mask=~is_st | (main == 0)))
        else:
            fields.append(pa.nulls(n, pa.int64()))
    total = params + np.where((dtype == 0) & (params > 1e9), params // 1000, 0)
    parameters = pa.StructArray.from_arrays(
        fields, fields=list(schema.SAFETENSORS.field("parameters").type)
    )
    safetensors = pa.StructArray.from_arrays(
        [parameters, pa.array(total, pa.int64())],
        fields=list(schema.SAFETENSORS),
        mask=pa.array(~is_st),
    )
    is_gguf = fmt == FMT_GGUF
    ctx = np.where(params > 3e9, 131072, 32768)
    arch = vocab(ARCHS, np.where(fam >= 0, fam, 0))
    template = json.dumps(CHAT_TEMPLATE)[1:-1]
    gguf = null_unless(
        is_gguf,
        cat(
            '{"total":',
            int_str(params),
            ',"architecture":"',
            arch,
            '","context_length":',
            int_str(ctx),
            ',"chat_template":"',
            template,
            '","bos_token":"<|begin|>","eos_token":"<|end|>"}',
        ),
    )

    cols: dict[str, pa.Array] = {
        "_id": pop.oid.take(pa.array(alive)),
        "id": ids,
        "author": author,
        "createdAt": timestamps(created),
        "lastModified": timestamps(last_mod),
        "downloads": pa.array(downloads, pa.int64()),
        "downloadsAllTime": pa.array(alltime, pa.int64()),
        "likes": pa.array(likes, pa.int64()),
        "trendingScore": pa.array(trending, pa.float64()),
        "tags": tags,
        "pipeline_tag": pipeline,
        "library_name": library,
        "cardData": card,
        "safetensors": safetensors,
        "gguf": gguf,
        "baseModels": base_models,
    }
    target = schema.arrow_schema("models", week)
    return pa.table([cols[f.name].cast(f.type) for f in target], schema=target)


__all__ = ["models_chunks", "models_table", "week_state"]
