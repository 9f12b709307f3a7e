"""Generated dataset repositories: evaluation benchmarks on top, domains via tags."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

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
    where,
)
from analysis.sample.clock import DAY_US, date_us, growth_times, snapshot_us, week_ordinal
from analysis.sample.orgs import Accounts
from analysis.sample.repos import Repos, make_repos, shas, stats

BENCH_DATES = (
    "2021-09-07",
    "2021-10-27",
    "2022-03-14",
    "2021-11-30",
    "2022-07-19",
    "2022-05-02",
    "2022-01-11",
    "2023-06-20",
    "2023-02-08",
    "2023-09-12",
    "2024-03-05",
    "2023-11-21",
)
TASKS = tuple(
    sorted(
        {t for t, _ in names.DOMAIN_TASK.values()}
        | set(names.TASKS_EXTRA)
        | {b[2] for b in names.BENCHMARKS}
    )
)
MODALITIES = tuple(sorted({m for _, m in names.DOMAIN_TASK.values()} | set(names.MODALITY_EXTRA)))
LICENSES = (
    "mit",
    "apache-2.0",
    "cc-by-4.0",
    "cc-by-sa-4.0",
    "cc-by-nc-4.0",
    "odc-by",
    "other",
    "cc0-1.0",
)
LICENSE_P = (0.3, 0.2, 0.15, 0.06, 0.1, 0.04, 0.1, 0.05)


@dataclass
class DatasetPopulation:
    repos: Repos
    n_bench: int
    is_bench: np.ndarray
    domain: np.ndarray
    task: np.ndarray
    modality: np.ndarray
    size_cat: np.ndarray
    fmt: np.ndarray
    license: np.ndarray
    lang: np.ndarray
    gated: np.ndarray
    disabled: np.ndarray
    described: np.ndarray
    cited: np.ndarray
    pretty: pa.Array
    main_size: np.ndarray
    arxiv: pa.Array  # per row, null when none (benchmarks cite their paper)
    hostile_rows: np.ndarray
    synthetic: np.ndarray  # tagged ``synthetic`` (card and tags): a synthetic-data hint


def build_datasets(
    seed: int,
    n: int,
    n_weeks: int,
    start_us: int,
    end_us: int,
    accounts: Accounts,
    paper_ids: pa.Array,
) -> DatasetPopulation:
    rng = dm.default_rng([seed, 2])
    nb = len(names.BENCHMARKS)
    n = max(n, nb + 20)
    created = np.concatenate(
        [
            np.array(
                [date_us(dt.date.fromisoformat(d)) + 10 * 3600 * 1_000_000 for d in BENCH_DATES],
                dtype=np.int64,
            ),
            growth_times(rng, n - nb, end_us - DAY_US),
        ]
    )
    order = np.argsort(created, kind="stable")
    created = created[order]
    bench_of = np.where(order < nb, order, -1)
    is_bench = bench_of >= 0
    bench_org = np.array([accounts.index(b[0]) for b in names.BENCHMARKS])
    research = np.array(
        [
            i
            for i in range(accounts.n_orgs)
            if accounts.org_kind[i] in ("university", "research institute")
        ]
    )
    author = np.where(rng.random(n) < 0.65, accounts.pick_users(rng, n), accounts.pick_orgs(rng, n))
    # universities and research institutes publish a large share of the foundational data
    author = np.where(
        rng.random(n) < 0.12, research[rng.integers(0, len(research), size=n)], author
    )
    author = np.where(is_bench, bench_org[np.maximum(bench_of, 0)], author)
    dom_p = np.array(names.DOMAIN_P) / sum(names.DOMAIN_P)
    domain = rng.choice(len(names.DOMAINS), size=n, p=dom_p)
    domain = np.where(
        is_bench,
        np.array(
            [names.DOMAINS.index(b[3]) if b[3] in names.DOMAINS else 0 for b in names.BENCHMARKS]
        )[np.maximum(bench_of, 0)],
        domain,
    )
    dom_task = np.array([TASKS.index(names.DOMAIN_TASK[d][0]) for d in names.DOMAINS])
    dom_mod = np.array([MODALITIES.index(names.DOMAIN_TASK[d][1]) for d in names.DOMAINS])
    extra = rng.integers(0, len(names.TASKS_EXTRA), size=n)
    use_dom = rng.random(n) < 0.7
    task = np.where(
        use_dom, dom_task[domain], np.array([TASKS.index(t) for t in names.TASKS_EXTRA])[extra]
    )
    modality = np.where(
        use_dom,
        dom_mod[domain],
        np.array([MODALITIES.index(m) for m in names.MODALITY_EXTRA])[extra],
    )
    task = np.where(
        is_bench,
        np.array([TASKS.index(b[2]) for b in names.BENCHMARKS])[np.maximum(bench_of, 0)],
        task,
    )
    size_cat = np.minimum(rng.geometric(0.45, size=n) - 1, len(names.SIZE_CATEGORIES) - 1)
    fmt = rng.choice(len(names.FORMATS), size=n, p=[0.5, 0.2, 0.15, 0.08, 0.04, 0.03])
    license_ = np.where(
        rng.random(n) < 0.8,
        rng.choice(len(LICENSES), size=n, p=np.array(LICENSE_P) / sum(LICENSE_P)),
        -1,
    )
    lang = np.where(
        rng.random(n) < 0.6,
        rng.choice(len(names.LANGS), size=n, p=np.array(names.LANG_P) / sum(names.LANG_P)),
        -1,
    )
    gated = rng.choice(3, size=n, p=[0.93, 0.05, 0.02])
    disabled = rng.random(n) < 0.002
    described = rng.random(n) < 0.7
    cited = is_bench | (rng.random(n) < 0.08)
    dom_word = vocab(tuple(d if d != "general" else "open" for d in names.DOMAINS), domain)
    word = vocab(names.DATASET_WORDS, rng.integers(0, len(names.DATASET_WORDS), size=n))
    lang_sfx = null_unless(lang >= 0, cat("-", vocab(names.LANGS, np.maximum(lang, 0))))
    name = cat_skip(dom_word, "-", word, lang_sfx)
    name = where(
        is_bench, vocab(tuple(b[1] for b in names.BENCHMARKS), np.maximum(bench_of, 0)), name
    )
    pretty = pc.utf8_capitalize(pc.replace_substring(name, "-", " "))
    main_size = np.round(dm.exp(rng.normal(dm.log(5e7), 2.5, size=n)))
    has_paper = is_bench & (len(paper_ids) > 0)
    arxiv = null_unless(has_paper, paper_ids.take(pa.array(np.arange(n) % max(len(paper_ids), 1))))

    repos = make_repos(
        rng,
        accounts,
        created,
        author,
        name,
        n_weeks,
        start_us,
        salt_base=seed * 7919 + 2,
        keep=is_bench,
    )
    # evaluation benchmarks are the most downloaded datasets, and stay so for years
    active = is_bench | (rng.random(n) < 0.35)
    rate = dm.exp(rng.normal(0.0, 2.2, size=n))
    rate = np.where(is_bench, 12_000.0 * dm.exp(rng.normal(0, 0.6, size=n)), rate)
    repos.dl_rate = np.where(active, rate, 0.0)
    repos.dl_tau = np.where(is_bench, 2000.0, dm.exp(rng.normal(dm.log(120.0), 0.6, size=n)))
    repos.dl_floor = np.where(is_bench, 0.5, 0.03)
    liked = is_bench | (rng.random(n) < 0.45)
    repos.likes_max = np.where(liked, dm.exp(rng.normal(0.5, 1.5, size=n)), 0.0)
    repos.likes_max = np.where(
        is_bench, 400.0 * dm.exp(rng.normal(0, 0.5, size=n)), repos.likes_max
    )
    repos.edit_days = np.where(
        rng.random(n) < 0.5, dm.exp(rng.normal(dm.log(60.0), 1.0, size=n)), np.inf
    )
    quiet = np.flatnonzero(
        ~is_bench & (created < start_us) & (repos.delete_wk > n_weeks) & (repos.rename_wk > n_weeks)
    )
    hostile = (
        np.sort(rng.choice(quiet, size=min(len(quiet), 2), replace=False))
        if len(quiet)
        else np.zeros(0, np.int64)
    )
    return DatasetPopulation(
        repos=repos,
        n_bench=nb,
        is_bench=is_bench,
        domain=domain,
        task=task,
        modality=modality,
        size_cat=size_cat,
        fmt=fmt,
        license=license_,
        lang=lang,
        gated=gated,
        disabled=disabled,
        described=described,
        cited=cited,
        pretty=pretty,
        main_size=main_size,
        arxiv=arxiv,
        hostile_rows=hostile,
        synthetic=synthetic_rows(seed, is_bench),
    )


#: Share of the non-benchmark datasets tagged ``synthetic`` (in 1/1000).
SYNTHETIC_PER_MILLE = 120


def synthetic_rows(seed: int, is_bench: np.ndarray) -> np.ndarray:
    """Which datasets are tagged ``synthetic``, from a random stream of their own (stream key
    ``[seed, 14]``), so that adding them changed no other draw and no other column; integer
    draws only (bit-for-bit portable)."""
    rng = dm.default_rng([seed, 14])
    draw = rng.integers(0, 1000, size=len(is_bench))
    return ~is_bench & (draw < SYNTHETIC_PER_MILLE)


def datasets_table(
    pop: DatasetPopulation, w: int, week: dt.date, seed: int, accounts: Accounts
) -> pa.Table:
    rng = dm.default_rng([seed, 12, week_ordinal(week) + 1000])
    rp = pop.repos
    at = snapshot_us(week)
    rows = rp.alive(w, at)
    n = len(rows)
    st = stats(rp, rows, at, rng)
    ids_all, author_all = rp.ids_at(w)
    ids = ids_all.take(pa.array(rows))
    domain, task, modality = pop.domain[rows], pop.task[rows], pop.modality[rows]
    lic, lang = pop.license[rows], pop.lang[rows]
    r = np.arange(n)
    dom_tag_list = tuple(names.DOMAIN_TAG[d] or "" for d in names.DOMAINS)
    has_dom = np.array([bool(names.DOMAIN_TAG[d]) for d in names.DOMAINS])[domain]
    synthetic = pop.synthetic[rows]
    syn_s = pa.array(["synthetic"] * int(synthetic.sum()), pa.string())
    task_s = vocab(TASKS, task)
    mod_s = vocab(MODALITIES, modality)
    size_s = vocab(names.SIZE_CATEGORIES, pop.size_cat[rows])
    fmt_s = vocab(names.FORMATS, pop.fmt[rows])
    lic_s = vocab(LICENSES, lic)
    lang_s = vocab(names.LANGS, lang)
    dom_s = vocab(dom_tag_list, domain)
    arxiv = pop.arxiv.take(pa.array(rows))
    has_ax = arxiv.is_valid().to_numpy(zero_copy_only=False)
    parts = [
        (r, cat("task_categories:", task_s)),
        (r[lang >= 0], cat("language:", lang_s.filter(pa.array(lang >= 0)))),
        (r, cat("size_categories:", size_s)),
        (r, cat("format:", fmt_s)),
        (r, cat("modality:", mod_s)),
        (r[has_dom], dom_s.filter(pa.array(has_dom))),
        (r[synthetic], syn_s),
        (r, pa.array(["library:datasets"] * n, pa.string())),
        (r[has_ax], cat("arxiv:", arxiv.filter(pa.array(has_ax)))),
        (r[lic >= 0], cat("license:", lic_s.filter(pa.array(lic >= 0)))),
        (r, pa.array(["region:us"] * n, pa.string())),
    ]
    tags = lists(n, parts)

    def one(a: pa.Array) -> pa.Array:  # each row a list of one element
        return pa.ListArray.from_arrays(pa.array(np.arange(n + 1, dtype=np.int32)), a)

    pretty = pop.pretty.take(pa.array(rows))
    info = rng.random(n) < 0.4
    n_ex = int_str(np.floor(dm.exp(rng.normal(9, 2, size=n))))
    card = cat_skip(
        "{",
        null_unless(lic >= 0, cat('"license":"', lic_s, '",')),
        '"task_categories":',
        json_list(one(task_s)),
        null_unless(lang >= 0, cat(',"language":', json_list(one(lang_s.fill_null("en"))))),
        ',"size_categories":',
        json_list(one(size_s)),
        null_unless(
            has_dom | synthetic,
            cat(
                ',"tags":',
                json_list(
                    lists(n, [(r[has_dom], dom_s.filter(pa.array(has_dom))), (r[synthetic], syn_s)])
                ),
            ),
        ),
        ',"pretty_name":"',
        pretty,
        '"',
        null_unless(
            info,
            cat(
                ',"dataset_info":{"features":[{"name":"id","dtype":"string"},{"name":"text","dtype":"string"},'
                '{"name":"label","dtype":"int64"}],"splits":[{"name":"train","num_bytes":',
                n_ex,
                ',"num_examples":',
                n_ex,
                '}],"download_size":',
                n_ex,
                ',"dataset_size":',
                n_ex,
                "}",
            ),
        ),
        ',"configs":[{"config_name":"default","data_files":[{"split":"train","path":"data/train-*"}]}]}',
    )
    card = null_unless(rng.random(n) > 0.05, card)
    described = pop.described[rows]
    desc = null_unless(
        described,
        cat(
            pretty,
            " is a dataset of ",
            vocab(names.DATASET_WORDS, pop.fmt[rows] % len(names.DATASET_WORDS)),
            " for ",
            task_s,
            ". ",
            vocab(names.SENTENCES, r % len(names.SENTENCES)),
        ),
    )
    year = pc.cast(pc.year(timestamps(rp.created[rows])), pa.string())
    slug = pc.utf8_lower(pc.replace_substring(ids, "/", "_"))
    citation = null_unless(
        pop.cited[rows],
        cat(
            "@misc{",
            pc.replace_substring(slug, "-", "_"),
            year,
            ",\n  title={",
            pretty,
            "},\n  author={",
            accounts.handles.take(pa.array(author_all[rows])),
            "},\n  year={",
            year,
            "}\n}",
        ),
    )
    is_bench = pop.is_bench[rows]
    pwc = null_unless(is_bench, pc.utf8_lower(pc.replace_substring(pretty, " ", "-")))
    hostile_local = np.flatnonzero(np.isin(rows, pop.hostile_rows))
    if len(hostile_local):
        mask = np.zeros(n, bool)
        mask[hostile_local] = True
        texts = [names.HOSTILE[(i + 1) % len(names.HOSTILE)] for i in range(len(hostile_local))]
        desc = pc.replace_with_mask(desc, pa.array(mask), pa.array(texts, pa.string()))
        card = pc.replace_with_mask(
            card,
            pa.array(mask),
            pa.array(
                [json.dumps({"pretty_name": t}, ensure_ascii=False) for t in texts], pa.string()
            ),
        )
    gated = vocab(("False", "auto", "manual"), pop.gated[rows])
    cols: dict[str, pa.Array] = {
        "_id": rp.oid.take(pa.array(rows)),
        "id": ids,
        "author": accounts.handles.take(pa.array(author_all[rows])),
        "cardData": card,
        "disabled": pa.array(pop.disabled[rows]),
        "gated": gated,
        "lastModified": timestamps(st.last_modified),
        "likes": pa.array(st.likes, pa.int64()),
        "trendingScore": pa.array(st.trending),
        "private": pa.array(np.zeros(n, bool)),
        "sha": shas(rp, rows, st.edits),
        "description": desc,
        "downloads": pa.array(st.downloads, pa.int64()),
        "downloadsAllTime": pa.array(st.alltime, pa.int64()),
        "mainSize": pa.array(pop.main_size[rows]),
        "tags": tags,
        "createdAt": timestamps(rp.created[rows]),
        "paperswithcode_id": pwc,
        "citation": citation,
    }
    target = schema.arrow_schema("datasets", week)
    return pa.table([cols[f.name].cast(f.type) for f in target], schema=target)
