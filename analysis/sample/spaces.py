"""Generated Spaces (apps): an sdk each, heavy-tailed likes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from analysis import schema
from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.arrays import cat, lists, timestamps, vocab
from analysis.sample.clock import DAY_US, growth_times, snapshot_us, week_ordinal
from analysis.sample.orgs import Accounts
from analysis.sample.repos import Repos, make_repos, stats


@dataclass
class SpacePopulation:
    repos: Repos
    sdk: np.ndarray
    mcp: np.ndarray
    topic: np.ndarray


def build_spaces(
    seed: int, n: int, n_weeks: int, start_us: int, end_us: int, accounts: Accounts
) -> SpacePopulation:
    rng = dm.default_rng([seed, 3])
    n = max(n, 20)
    created = growth_times(rng, n, end_us - DAY_US)
    author = np.where(rng.random(n) < 0.8, accounts.pick_users(rng, n), accounts.pick_orgs(rng, n))
    topic = rng.integers(0, len(names.TOPICS), size=n)
    word = vocab(names.SPACE_WORDS, rng.integers(0, len(names.SPACE_WORDS), size=n))
    name = cat(vocab(names.TOPICS, topic), "-", word)
    repos = make_repos(
        rng, accounts, created, author, name, n_weeks, start_us, salt_base=seed * 7919 + 3
    )
    liked = rng.random(n) < 0.4
    repos.likes_max = np.where(liked, dm.exp(rng.normal(0.8, 1.9, size=n)), 0.0)
    repos.likes_tau = dm.exp(rng.normal(dm.log(30.0), 0.8, size=n))
    repos.edit_days = np.where(
        rng.random(n) < 0.6, dm.exp(rng.normal(dm.log(20.0), 1.0, size=n)), np.inf
    )
    sdk = rng.choice(len(names.SDKS), size=n, p=np.array(names.SDK_P) / sum(names.SDK_P))
    mcp = (created > snapshot_us(dt.date(2025, 4, 1))) & (sdk == 0) & (rng.random(n) < 0.3)
    return SpacePopulation(repos, sdk, mcp, topic)


def spaces_table(
    pop: SpacePopulation, w: int, week: dt.date, seed: int, accounts: Accounts
) -> pa.Table:
    rng = dm.default_rng([seed, 13, week_ordinal(week) + 1000])
    rp = pop.repos
    at = snapshot_us(week)
    rows = rp.alive(w, at)
    n = len(rows)
    st = stats(rp, rows, at, rng)
    ids_all, author_all = rp.ids_at(w)
    sdk = vocab(names.SDKS, pop.sdk[rows])
    r = np.arange(n)
    mcp = pop.mcp[rows]
    tags = lists(
        n,
        [
            (r, sdk),
            (r[mcp], pa.array(["mcp-server"] * int(mcp.sum()), pa.string())),
            (r, pa.array(["region:us"] * n, pa.string())),
        ],
    )
    cols: dict[str, pa.Array] = {
        "_id": rp.oid.take(pa.array(rows)),
        "id": ids_all.take(pa.array(rows)),
        "author": accounts.handles.take(pa.array(author_all[rows])),
        "createdAt": timestamps(rp.created[rows]),
        "lastModified": timestamps(st.last_modified),
        "likes": pa.array(st.likes, pa.int64()),
        "sdk": sdk,
        "tags": tags,
        "trendingScore": pa.array(st.trending),
    }
    target = schema.arrow_schema("spaces", week)
    return pa.table([cols[f.name].cast(f.type) for f in target], schema=target)
