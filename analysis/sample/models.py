"""The population of generated model repositories (everything about a model that does not change week to week)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from analysis.sample import detmath as dm
from analysis.sample import lineage, names
from analysis.sample.arrays import cat, int_str, mix64, object_ids, unique_ids, vocab, where
from analysis.sample.clock import DAY_US, growth_times
from analysis.sample.lineage import ADAPTER, FINETUNE, MERGE, NONE, QUANTIZED
from analysis.sample.orgs import Accounts
from analysis.sample.repos import RepoIdentity

NEVER = np.iinfo(np.int32).max

PIPELINES: tuple[str, ...] = tuple(
    sorted(
        {f.pipeline for f in names.FAMILIES}
        | {p for p, _, _ in names.STANDALONE if p}
        | {
            "text-classification",
            "token-classification",
            "sentence-similarity",
            "image-text-to-text",
        }
    )
)
LIBRARIES: tuple[str, ...] = tuple(
    sorted(
        {f.library for f in names.FAMILIES}
        | {lib for _, lib, _ in names.STANDALONE if lib}
        | {"peft"}
    )
)
FMT_NONE, FMT_SAFETENSORS, FMT_GGUF = 0, 1, 2
DTYPES = (
    "BF16",
    "F16",
    "F32",
    "I32",
)  # the dtype fields the generator fills (a subset of schema.SAFETENSORS_DTYPES)


@dataclass
class Refs:
    """Things models may cite: datasets (for ``dataset:`` tags) and papers (for ``arxiv:`` tags)."""

    ds_created: np.ndarray  # sorted creation times of citable datasets
    ds_ids: pa.Array
    paper_published: np.ndarray  # sorted
    paper_ids: pa.Array


@dataclass
class ModelPopulation(RepoIdentity):
    family: np.ndarray  # -1 for standalone models
    release: np.ndarray
    is_base: np.ndarray
    parent: np.ndarray
    extra_child: np.ndarray  # merges' further parents: (child row, parent row) pairs
    extra_parent: np.ndarray
    relation: np.ndarray
    license: np.ndarray
    pipeline: np.ndarray
    library: np.ndarray
    params: np.ndarray
    fmt: np.ndarray
    dtype: np.ndarray
    lang: np.ndarray
    ds_child: np.ndarray
    ds_ref: pa.Array
    arxiv_child: np.ndarray
    arxiv_ref: pa.Array
    dl_rate: np.ndarray
    dl_tau: np.ndarray
    dl_floor: np.ndarray
    likes_max: np.ndarray
    likes_tau: np.ndarray
    edit_days: np.ndarray
    conversational: np.ndarray
    eval_card: np.ndarray
    hostile_rows: np.ndarray
    hostile_tag_row: int
    self_ref_row: int
    cycle_rows: tuple[int, int]


def _pick_refs(
    rng: np.random.Generator, created: np.ndarray, rows: np.ndarray, times: np.ndarray, k_max: int
) -> tuple[np.ndarray, np.ndarray]:
    """(child row, ref index) pairs: each row cites 1..k_max things that existed before it."""
    if not len(rows) or not len(times):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    k = rng.integers(1, k_max + 1, size=len(rows))
    child = np.repeat(rows, k)
    avail = np.searchsorted(times, created[child])
    # skewed towards the oldest (most cited) things: u**2
    ref = np.floor(rng.random(len(child)) ** 2 * avail).astype(np.int64)
    ok = avail > 0
    child, ref = child[ok], ref[ok]
    pair = child * (len(times) + 1) + ref
    _, first = np.unique(pair, return_index=True)
    first.sort()
    return child[first], ref[first]


def build_models(
    seed: int,
    n_models: int,
    n_weeks: int,
    start_us: int,
    end_us: int,
    accounts: Accounts,
    refs: Refs,
) -> ModelPopulation:
    rng = dm.default_rng([seed, 1])
    rt = lineage.release_table(end_us)
    n_base = rt.n
    n_gen = max(n_models - n_base, 0)
    created = np.concatenate(
        [rt.date_us + 15 * 3600 * 1_000_000, growth_times(rng, n_gen, end_us - DAY_US)]
    )
    order = np.argsort(created, kind="stable")
    created = created[order]
    n = len(created)
    is_base = order < n_base
    base_release = np.where(is_base, order, -1)
    base_row = np.empty(n_base, dtype=np.int64)
    base_row[base_release[is_base]] = np.flatnonzero(is_base)

    # --- lineage
    wants_parent = (~is_base) & (rng.random(n) < 0.6)
    release = lineage.assign_releases(rng, rt, created, wants_parent)
    release = np.where(is_base, base_release, release)
    family = np.where(release >= 0, rt.family[np.maximum(release, 0)], -1)
    parent = lineage.assign_parents(rng, release, base_row)
    derived = parent >= 0
    pipe_fam = np.array([PIPELINES.index(f.pipeline) for f in names.FAMILIES])
    fam_kind = np.array(
        [
            0 if f.pipeline == "text-generation" else 1 if f.pipeline == "text-to-image" else 2
            for f in names.FAMILIES
        ]
    )
    fk = np.where(family >= 0, fam_kind[np.maximum(family, 0)], 0)
    probs = np.array(
        [
            [0.50, 0.25, 0.12, 0.13],  # language models: finetune, quantized, adapter, merge
            [0.25, 0.02, 0.70, 0.03],  # diffusion: mostly LoRA adapters
            [0.96, 0.02, 0.02, 0.00],  # encoders: finetunes
        ]
    )
    cdf = np.cumsum(probs, axis=1)[fk]
    rel_draw = 1 + (rng.random(n)[:, None] > cdf).sum(axis=1)
    relation = np.where(derived, np.minimum(rel_draw, MERGE), NONE).astype(np.int8)
    parent = lineage.redirect_from(parent, relation == QUANTIZED)
    # merges: one to three further parents from the same release tree, not quantized
    merges = np.flatnonzero(relation == MERGE)
    k = rng.integers(1, 4, size=len(merges))
    extra_child = np.repeat(merges, k)
    extra_parent = extra_child.copy()
    if len(extra_child):
        # pick uniformly among the rows of the same release created before the merge
        rel_rows = np.flatnonzero(release >= 0)
        rel_sorted = rel_rows[np.argsort(release[rel_rows], kind="stable")]
        rs = release[rel_sorted]
        gstart = np.searchsorted(rs, release[extra_child], side="left")
        rank_of_row = np.empty(n, dtype=np.int64)
        rank_of_row[rel_sorted] = np.arange(len(rel_sorted))
        k_child = rank_of_row[extra_child] - gstart
        pick = gstart + np.floor(rng.random(len(extra_child)) * np.maximum(k_child, 1)).astype(
            np.int64
        )
        extra_parent = rel_sorted[pick]
        # a merge made early in a release's life also draws on the family's other releases
        big = np.int64(1 << 52)
        fam_order = np.lexsort((rt.date_us, rt.family))
        keys = rt.family[fam_order] * big + rt.date_us[fam_order]
        fam_child = family[extra_child]
        lo = np.searchsorted(keys, fam_child * big, side="left")
        hi = np.searchsorted(
            keys, fam_child * big + created[extra_child] - 2 * DAY_US, side="right"
        )
        alt = fam_order[
            lo + np.floor(rng.random(len(extra_child)) * np.maximum(hi - lo, 1)).astype(np.int64)
        ]
        use_alt = (k_child < 3) & (hi > lo) & (rng.random(len(extra_child)) < 0.7)
        extra_parent = np.where(use_alt, base_row[alt], extra_parent)
        fix = relation[extra_parent] == QUANTIZED
        extra_parent[fix] = parent[extra_parent[fix]]
        keep = (
            (extra_parent >= 0)
            & (extra_parent != parent[extra_child])
            & (extra_parent != extra_child)
        )
        extra_child, extra_parent = extra_child[keep], extra_parent[keep]
        pair = extra_child * n + extra_parent
        _, first = np.unique(pair, return_index=True)
        first.sort()
        extra_child, extra_parent = extra_child[first], extra_parent[first]

    # --- attributes inherited down the tree (licences sometimes differ from the parent's)
    depth = lineage.depths(parent)
    fam_license = np.array([names.LICENSES.index(f.license) for f in names.FAMILIES])
    lic_p = np.array(names.LICENSE_P) / sum(names.LICENSE_P)
    license_ = np.where(
        is_base,
        fam_license[np.maximum(family, 0)],
        rng.choice(len(names.LICENSES), size=n, p=lic_p),
    )
    keep_p = np.where(relation == QUANTIZED, 0.95, 0.78)
    inherit = rng.random(n) < keep_p
    for d in range(1, int(depth.max(initial=0)) + 1):
        m = (depth == d) & inherit
        license_[m] = license_[parent[m]]
    st_p = np.array([w for _, _, w in names.STANDALONE])
    st = rng.choice(len(names.STANDALONE), size=n, p=st_p / st_p.sum())
    st_pipe = np.array([PIPELINES.index(p) if p else -1 for p, _, _ in names.STANDALONE])
    st_lib = np.array([LIBRARIES.index(lib) if lib else -1 for _, lib, _ in names.STANDALONE])
    fam_lib = np.array([LIBRARIES.index(f.library) for f in names.FAMILIES])
    pipeline = np.where(family >= 0, pipe_fam[np.maximum(family, 0)], st_pipe[st])
    enc_tasks = np.array(
        [
            PIPELINES.index(x)
            for x in ("text-classification", "token-classification", "sentence-similarity")
        ]
    )
    is_enc_child = (fk == 2) & derived
    pipeline = np.where(is_enc_child, enc_tasks[rng.integers(0, 3, size=n)], pipeline)
    vl = np.array(["-VL-" in nm for nm in rt.names])
    pipeline = np.where(
        (release >= 0) & vl[np.maximum(release, 0)], PIPELINES.index("image-text-to-text"), pipeline
    )
    library = np.where(family >= 0, fam_lib[np.maximum(family, 0)], st_lib[st])
    library = np.where((relation == ADAPTER) & (fk == 0), LIBRARIES.index("peft"), library)
    quant_suffix = rng.integers(0, len(names.QUANT_SUFFIX), size=n)
    q_gguf = np.array(names.QUANT_IS_GGUF)[quant_suffix]
    library = np.where((relation == QUANTIZED) & q_gguf, -1, library)
    # sizes and weight formats
    st_lib_name = np.array([lib for _, lib, _ in names.STANDALONE])[st]
    params = np.where(
        release >= 0,
        rt.params[np.maximum(release, 0)],
        dm.exp(rng.normal(dm.log(1.2e8), 1.6, size=n)),
    )
    params = np.where(relation == ADAPTER, params * 0.004, params)
    params = np.round(params).astype(np.int64)
    fmt = np.full(n, FMT_SAFETENSORS, dtype=np.int8)
    fmt[(family < 0) & np.isin(st_lib_name, ["stable-baselines3", "sklearn", ""])] = FMT_NONE
    fmt[(relation == QUANTIZED) & q_gguf] = FMT_GGUF
    fmt[(~is_base) & (rng.random(n) < 0.06)] = FMT_NONE
    dtype = np.where(
        params < 5e8,
        rng.choice(3, size=n, p=[0.3, 0.2, 0.5]),
        rng.choice(3, size=n, p=[0.8, 0.15, 0.05]),
    )
    dtype = np.where((relation == QUANTIZED) & ~q_gguf, 3, dtype)
    dtype = np.where(relation == ADAPTER, 2, dtype)
    lang = np.where(
        rng.random(n) < 0.35,
        rng.choice(len(names.LANGS), size=n, p=np.array(names.LANG_P) / sum(names.LANG_P)),
        -1,
    )
    conversational = (pipeline == PIPELINES.index("text-generation")) & (rng.random(n) < 0.6)

    # --- authors
    family_org = np.array([accounts.index(f.org) for f in names.FAMILIES])
    author = np.where(rng.random(n) < 0.8, accounts.pick_users(rng, n), accounts.pick_orgs(rng, n))
    quantizers = np.array([accounts.index(q) for q in names.QUANTIZERS])
    mergers = np.array([accounts.index(m) for m in names.MERGERS])
    qpick = (relation == QUANTIZED) & (rng.random(n) < 0.45)
    author = np.where(qpick, quantizers[rng.integers(0, len(quantizers), size=n)], author)
    mpick = (relation == MERGE) & (rng.random(n) < 0.3)
    author = np.where(mpick, mergers[0], author)
    author = np.where(is_base, family_org[np.maximum(family, 0)], author)
    # family organisations also publish some official finetunes and quantizations of their own releases
    official = derived & (depth == 1) & (rng.random(n) < 0.03)
    author = np.where(official, family_org[np.maximum(family, 0)], author)

    # --- names (a quantized model's parent is never quantized, so one pass over parents suffices)
    stems = vocab(rt.stems, np.maximum(release, 0))
    topic = vocab(names.TOPICS, rng.integers(0, len(names.TOPICS), size=n))
    style = vocab(names.FT_STYLES, rng.integers(0, len(names.FT_STYLES), size=n))
    word = vocab(names.MERGE_WORDS, rng.integers(0, len(names.MERGE_WORDS), size=n))
    billions = params >= 1e9
    size_label = cat(
        int_str(np.where(billions, np.round(params / 1e9), np.maximum(np.round(params / 1e6), 1))),
        where(billions, "B", "M"),
    )
    ft_name = where(
        rng.random(n) < 0.75,
        cat(stems, "-", topic, "-", style),
        cat(word, "-", topic, "-", size_label),
    )
    ad_name = where(
        rng.random(n) < 0.6, cat(stems, "-lora-", topic), cat(topic, "-", stems, "-adapter")
    )
    mg_name = cat(word, "-", topic, "-", stems, "-merge")
    sa_pipe = vocab(PIPELINES, np.maximum(pipeline, 0))
    rl_env = vocab(
        (
            "MoonLander-v3",
            "CartBalance-v1",
            "PixelKart-v2",
            "SnowballFight",
            "MazeRunner-v0",
            "HopperBot-v4",
        ),
        rng.integers(0, 6, size=n),
    )
    rl_algo = vocab(("ppo", "dqn", "a2c", "sac"), rng.integers(0, 4, size=n))
    sa_name = where(
        np.array([lib for _, lib, _ in names.STANDALONE])[st] == "stable-baselines3",
        cat(rl_algo, "-", rl_env),
        cat(topic, "-", sa_pipe, "-", style),
    )
    base_names = vocab(rt.names, np.maximum(release, 0))
    rel_name = np.where(is_base, 5, relation)
    name = sa_name
    for code, arr in ((FINETUNE, ft_name), (ADAPTER, ad_name), (MERGE, mg_name), (5, base_names)):
        name = where(rel_name == code, arr, name)
    q_name = cat(
        name.take(pa.array(np.maximum(parent, 0))), vocab(names.QUANT_SUFFIX, quant_suffix)
    )
    name = where(relation == QUANTIZED, q_name, name)

    # --- renames and deletions during the weeks (never the base releases)
    movable = (~is_base) & (created < start_us)
    rename = movable & (rng.random(n) < 0.012) if n_weeks > 1 else np.zeros(n, bool)
    delete = (~is_base) & ~rename & (rng.random(n) < 0.02) if n_weeks > 1 else np.zeros(n, bool)
    rename_wk = np.where(rename, rng.integers(1, max(n_weeks, 2), size=n), NEVER).astype(np.int32)
    delete_wk = np.where(delete, rng.integers(1, max(n_weeks, 2), size=n), NEVER).astype(np.int32)
    to_org = rng.random(n) < 0.5
    author1 = np.where(rename & to_org, accounts.pick_orgs(rng, n), author)
    name1 = where(
        rename & ~to_org,
        cat(name, "-", vocab(("v2", "final", "hf", "2025", "new"), rng.integers(0, 5, size=n))),
        name,
    )
    handles = accounts.handles
    id0 = cat(handles.take(pa.array(author)), "/", name)
    id1 = cat(handles.take(pa.array(author1)), "/", name1)
    id0, id1 = unique_ids(id0, id1, rename)

    # --- popularity: heavy tails, most models never downloaded
    strength = np.where(release >= 0, rt.strength[np.maximum(release, 0)], 0.3)
    active = np.where(
        is_base,
        True,
        rng.random(n) < np.where(relation == QUANTIZED, 0.45, np.where(derived, 0.3, 0.2)),
    )
    active &= (
        ~(np.array([lib for _, lib, _ in names.STANDALONE])[st] == "stable-baselines3") | derived
    )
    rate = dm.exp(rng.normal(-1.0, 2.3, size=n)) * (0.5 + strength)
    rate = np.where(qpick, rate * 6.0, rate)
    rate = np.where(is_base, strength * 40_000.0 * dm.exp(rng.normal(0, 0.4, size=n)), rate)
    rate = np.where(official, rate * 50.0, rate)
    dl_rate = np.where(active, rate, 0.0)
    nomadic = np.array([f.nomadic for f in names.FAMILIES])[np.maximum(family, 0)] & (family >= 0)
    dl_tau = np.where(
        is_base, np.where(nomadic, 160.0, 500.0), dm.exp(rng.normal(dm.log(90.0), 0.6, size=n))
    )
    dl_floor = np.where(
        is_base, np.where(nomadic, 0.05, 0.35), dm.exp(rng.normal(dm.log(0.03), 1.0, size=n))
    )
    liked = is_base | (rng.random(n) < np.where(active, 0.75, 0.25))
    likes_max = np.where(
        liked, dm.exp(rng.normal(0.3, 1.6, size=n)) * (1 + np.sqrt(dl_rate) * 0.5), 0.0
    )
    likes_max = np.where(is_base, strength * 2500 * dm.exp(rng.normal(0, 0.3, size=n)), likes_max)
    likes_tau = dm.exp(rng.normal(dm.log(45.0), 0.7, size=n))
    edit_days = np.where(
        rng.random(n) < 0.45, dm.exp(rng.normal(dm.log(40.0), 1.0, size=n)), np.inf
    )

    # --- citations
    cites_ds = np.flatnonzero(((relation == FINETUNE) | (family < 0)) & (rng.random(n) < 0.3))
    ds_child, ds_i = _pick_refs(rng, created, cites_ds, refs.ds_created, 3)
    cites_paper = np.flatnonzero(rng.random(n) < np.where(is_base, 1.0, 0.05))
    ax_child, ax_i = _pick_refs(rng, created, cites_paper, refs.paper_published, 2)
    eval_card = (relation == MERGE) | (is_base) | ((relation == FINETUNE) & (rng.random(n) < 0.12))

    # --- odd rows that downstream code must survive (chosen among quiet, stable, older finetunes)
    stable = (relation == FINETUNE) & (created < start_us) & ~rename & ~delete & (parent >= 0)
    odd = np.flatnonzero(stable)
    picks = (
        rng.choice(odd, size=min(len(odd), 3 + len(names.HOSTILE) + 1), replace=False)
        if len(odd)
        else np.zeros(0, np.int64)
    )
    self_ref_row = cycle_a = cycle_b = hostile_tag_row = -1
    hostile_rows = np.zeros(0, np.int64)
    if len(picks) >= 3:
        self_ref_row, cycle_a, cycle_b = (int(x) for x in picks[:3])
        parent[self_ref_row] = self_ref_row
        parent[cycle_a] = cycle_b
        parent[cycle_b] = cycle_a
        hostile_rows = np.sort(picks[3 : 3 + len(names.HOSTILE)])
        if len(picks) > 3 + len(names.HOSTILE):
            hostile_tag_row = int(picks[-1])

    machines = mix64(
        np.arange(12, dtype=np.uint64) + np.uint64(seed) * np.uint64(31) + np.uint64(1)
    ) & np.uint64(0xFFFFFFFFFF)
    oid = object_ids(
        created // 1_000_000,
        np.arange(n, dtype=np.uint64) * np.uint64(3) + np.uint64(1),
        machines[rng.integers(0, 12, size=n)],
    )
    return ModelPopulation(
        n=n,
        created=created,
        oid=oid,
        author0=author,
        author1=author1,
        id0=id0,
        id1=id1,
        rename_wk=rename_wk,
        delete_wk=delete_wk,
        family=family,
        release=release,
        is_base=is_base,
        parent=parent,
        extra_child=extra_child,
        extra_parent=extra_parent,
        relation=relation,
        license=license_,
        pipeline=pipeline,
        library=library,
        params=params,
        fmt=fmt,
        dtype=dtype,
        lang=lang,
        ds_child=ds_child,
        ds_ref=refs.ds_ids.take(pa.array(ds_i)),
        arxiv_child=ax_child,
        arxiv_ref=refs.paper_ids.take(pa.array(ax_i)),
        dl_rate=dl_rate,
        dl_tau=dl_tau,
        dl_floor=dl_floor,
        likes_max=likes_max,
        likes_tau=likes_tau,
        edit_days=edit_days,
        conversational=conversational,
        eval_card=eval_card,
        hostile_rows=hostile_rows,
        hostile_tag_row=hostile_tag_row,
        self_ref_row=self_ref_row,
        cycle_rows=(cycle_a, cycle_b),
    )
