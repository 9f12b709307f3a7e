"""Generated daily papers, many linked to organizations (mostly universities and labs)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis import schema
from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.arrays import cat, int_str, lists, null_unless, timestamps, vocab
from analysis.sample.clock import DAY_US, age_days, date_us, snapshot_us
from analysis.sample.orgs import Accounts

FIRST_PAPER = dt.date(2023, 5, 1)


@dataclass
class PaperPopulation:
    n: int
    published: np.ndarray  # sorted
    ids: pa.Array
    title: pa.Array
    summary: pa.Array
    submitter: np.ndarray
    org: np.ndarray  # account index or -1
    authors: pa.ListArray
    keywords: pa.ListArray
    repo: pa.Array
    upvotes_max: np.ndarray
    comments_max: np.ndarray
    stars_max: np.ndarray


def build_papers(seed: int, n: int, end_us: int, accounts: Accounts) -> PaperPopulation:
    rng = dm.default_rng([seed, 4])
    n = max(n, 30)
    start = date_us(FIRST_PAPER)
    published = np.sort(rng.integers(start, end_us - DAY_US, size=n)).astype(np.int64)
    published = published // DAY_US * DAY_US  # papers are listed by day
    # arXiv-style ids YYMM.9NNNN: the 9xxxx numbers are not allocated, so no id is a real paper
    days = published // DAY_US
    month = np.array(
        [
            (dt.date(1970, 1, 1) + dt.timedelta(days=int(d))).strftime("%y%m")
            for d in np.unique(days)
        ]
    )
    uniq, inv = np.unique(days, return_inverse=True)
    yymm = month[inv]
    order_in_month = np.zeros(n, dtype=np.int64)
    m_codes = np.unique(yymm, return_inverse=True)[1]
    starts = np.flatnonzero(np.r_[True, m_codes[1:] != m_codes[:-1]])
    order_in_month = np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))
    ids = cat(pa.array(yymm, pa.string()), ".9", pc.utf8_lpad(int_str(order_in_month), 4, "0"))
    del uniq

    def r(k: int) -> np.ndarray:
        return rng.integers(0, k, size=n)

    title = cat(
        vocab(names.PAPER_ADJ, r(len(names.PAPER_ADJ))),
        " ",
        vocab(names.PAPER_NOUN, r(len(names.PAPER_NOUN))),
        " for ",
        vocab(names.PAPER_TASK, r(len(names.PAPER_TASK))),
    )
    s = len(names.SENTENCES)
    summary = cat(
        vocab(names.SENTENCES, r(s)),
        " ",
        vocab(names.SENTENCES, r(s)),
        " ",
        vocab(names.SENTENCES, r(s)),
    )
    hostile = np.sort(rng.choice(n, size=2, replace=False))
    mask = np.zeros(n, bool)
    mask[hostile] = True
    summary = pc.replace_with_mask(
        summary, pa.array(mask), pa.array([names.HOSTILE[3], names.HOSTILE[0]], pa.string())
    )
    title = pc.replace_with_mask(
        title,
        pa.array(mask),
        pa.array(
            [
                "Attention Is <em>All</em> You $Need$: #1 {{< ref >}}",
                "A *Study* of [Links](javascript:void(0))",
            ],
            pa.string(),
        ),
    )
    submitter = accounts.pick_users(rng, n)
    research = np.array(
        [
            i
            for i in range(accounts.n_orgs)
            if accounts.org_kind[i] in ("university", "research institute")
        ]
    )
    org = np.where(rng.random(n) < 0.45, research[r(len(research))], accounts.pick_orgs(rng, n))
    org = np.where(rng.random(n) < 0.65, org, -1)
    k = rng.integers(2, 9, size=n)
    rows = np.repeat(np.arange(n), k)
    first = vocab(
        tuple(a.capitalize() + b for a in names.SYLLABLES[:20] for b in ("na", "ro", "el", "ia")),
        rng.integers(0, 80, size=len(rows)),
    )
    last = vocab(
        tuple(
            a.capitalize() + b + c
            for a in names.SYLLABLES[20:40]
            for b in ("ver", "ski", "mura", "son")
            for c in ("", "i")
        ),
        rng.integers(0, 160, size=len(rows)),
    )
    authors = lists(n, [(rows, cat(first, " ", last))])
    kk = rng.integers(2, 6, size=n)
    krows = np.repeat(np.arange(n), kk)
    kidx = (
        np.repeat(r(len(names.PAPER_KEYWORDS)), kk) + np.concatenate([np.arange(x) for x in kk]) * 3
    ) % len(names.PAPER_KEYWORDS)
    keywords = lists(n, [(krows, vocab(names.PAPER_KEYWORDS, kidx))])
    has_repo = rng.random(n) < 0.4
    owner = accounts.handles.take(pa.array(np.where(org >= 0, org, submitter)))
    repo = null_unless(
        has_repo,
        cat(
            "https://github.com/",
            owner,
            "/",
            pc.utf8_lower(
                pc.replace_substring(vocab(names.PAPER_NOUN, r(len(names.PAPER_NOUN))), " ", "-")
            ),
            "-",
            int_str(np.arange(n)),
        ),
    )
    upvotes = np.floor(dm.exp(rng.normal(1.5, 1.3, size=n)))
    return PaperPopulation(
        n=n,
        published=published,
        ids=ids,
        title=title,
        summary=summary,
        submitter=submitter,
        org=org,
        authors=authors,
        keywords=keywords,
        repo=repo,
        upvotes_max=upvotes,
        comments_max=np.floor(dm.exp(rng.normal(0.0, 1.0, size=n))),
        stars_max=np.where(has_repo, np.floor(dm.exp(rng.normal(3.5, 2.0, size=n))), 0),
    )


def papers_table(pop: PaperPopulation, week: dt.date, accounts: Accounts) -> pa.Table:
    at = snapshot_us(week)
    rows = np.flatnonzero(pop.published <= at)
    age = age_days(pop.published[rows], at)
    grow = -dm.expm1(-age / 10.0)
    take = pa.array(rows)
    org = pop.org[rows]
    has_repo = pop.repo.take(take).is_valid().to_numpy(zero_copy_only=False)
    cols: dict[str, pa.Array] = {
        "paper_id": pop.ids.take(take),
        "title": pop.title.take(take),
        "summary": pop.summary.take(take),
        "publishedAt": timestamps(pop.published[rows]),
        "numComments": pa.array(np.floor(pop.comments_max[rows] * grow).astype(np.int64)),
        "submittedBy": accounts.handles.take(pa.array(pop.submitter[rows])),
        "organization": null_unless(org >= 0, accounts.handles.take(pa.array(np.maximum(org, 0)))),
        "paper_authors": pop.authors.take(take),
        "paper_upvotes": pa.array(np.floor(pop.upvotes_max[rows] * grow).astype(np.int64)),
        "paper_ai_keywords": pop.keywords.take(take),
        "paper_githubRepo": pop.repo.take(take),
        "paper_githubStars": pa.array(
            np.floor(pop.stars_max[rows] * -dm.expm1(-age / 60.0)).astype(np.int64), mask=~has_repo
        ),
    }
    target = schema.arrow_schema("daily_papers", week)
    return pa.table([cols[f.name].cast(f.type) for f in target], schema=target)
