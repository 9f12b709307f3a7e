"""What datasets and spaces share: creation, renames, deletions, popularity over time."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from analysis.sample import detmath as dm
from analysis.sample.arrays import cat, hex_words, mix64, object_ids, unique_ids, vocab, where
from analysis.sample.clock import age_days, last_edit_us, lifetime_sum, window_sum
from analysis.sample.orgs import Accounts

NEVER = np.iinfo(np.int32).max


@dataclass
class RepoIdentity:
    """Who a generated repo is, week by week: created when, renamed or deleted in which week.

    Shared by models (``analysis.sample.models.ModelPopulation``), datasets and spaces.
    """

    n: int
    created: np.ndarray
    oid: pa.Array
    author0: np.ndarray
    author1: np.ndarray
    id0: pa.Array
    id1: pa.Array
    rename_wk: np.ndarray
    delete_wk: np.ndarray

    def alive(self, w: int, at_us: int) -> np.ndarray:
        """Rows that exist in week ``w`` (snapshot taken at ``at_us``)."""
        return np.flatnonzero((self.created <= at_us) & (self.delete_wk > w))

    def ids_at(self, w: int) -> tuple[pa.Array, np.ndarray]:
        """Every row's id and author in week ``w`` (after any rename)."""
        renamed = self.rename_wk <= w
        return where(renamed, self.id1, self.id0), np.where(renamed, self.author1, self.author0)


@dataclass
class Repos(RepoIdentity):
    dl_rate: np.ndarray
    dl_tau: np.ndarray
    dl_floor: np.ndarray
    likes_max: np.ndarray
    likes_tau: np.ndarray
    edit_days: np.ndarray
    salt: np.ndarray


def make_repos(
    rng: np.random.Generator,
    accounts: Accounts,
    created: np.ndarray,
    author: np.ndarray,
    name: pa.Array,
    n_weeks: int,
    start_us: int,
    salt_base: int,
    rename_p: float = 0.008,
    delete_p: float = 0.015,
    keep: np.ndarray | None = None,
) -> Repos:
    n = len(created)
    fixed = np.zeros(n, bool) if keep is None else keep
    movable = (created < start_us) & ~fixed & (n_weeks > 1)
    rename = movable & (rng.random(n) < rename_p)
    delete = ~fixed & ~rename & (rng.random(n) < delete_p) & (n_weeks > 1)
    rename_wk = np.where(rename, rng.integers(1, max(n_weeks, 2), size=n), NEVER).astype(np.int32)
    delete_wk = np.where(delete, rng.integers(1, max(n_weeks, 2), size=n), NEVER).astype(np.int32)
    to_org = rng.random(n) < 0.5
    author1 = np.where(rename & to_org, accounts.pick_orgs(rng, n), author)
    name1 = where(
        rename & ~to_org,
        cat(name, "-", vocab(("v2", "clean", "hf", "2025", "full"), rng.integers(0, 5, size=n))),
        name,
    )
    id0 = cat(accounts.handles.take(pa.array(author)), "/", name)
    id1 = cat(accounts.handles.take(pa.array(author1)), "/", name1)
    id0, id1 = unique_ids(id0, id1, rename)
    salt = mix64(np.arange(n, dtype=np.uint64) + np.uint64(salt_base))
    machines = mix64(
        np.arange(12, dtype=np.uint64) + np.uint64(salt_base) * np.uint64(31)
    ) & np.uint64(0xFFFFFFFFFF)
    return Repos(
        n=n,
        created=created,
        oid=object_ids(
            created // 1_000_000,
            np.arange(n, dtype=np.uint64) * np.uint64(3) + np.uint64(salt_base % 3),
            machines[rng.integers(0, 12, size=n)],
        ),
        author0=author,
        author1=author1,
        id0=id0,
        id1=id1,
        rename_wk=rename_wk,
        delete_wk=delete_wk,
        dl_rate=np.zeros(n),
        dl_tau=np.full(n, 90.0),
        dl_floor=np.full(n, 0.05),
        likes_max=np.zeros(n),
        likes_tau=np.full(n, 45.0),
        edit_days=np.full(n, np.inf),
        salt=salt,
    )


@dataclass
class Stats:
    downloads: np.ndarray
    alltime: np.ndarray
    likes: np.ndarray
    trending: np.ndarray
    last_modified: np.ndarray
    edits: np.ndarray


def stats(rp: Repos, rows: np.ndarray, at_us: int, rng: np.random.Generator) -> Stats:
    created = rp.created[rows]
    age = age_days(created, at_us)
    rate, tau, floor = rp.dl_rate[rows], rp.dl_tau[rows], rp.dl_floor[rows]
    alltime = np.floor(lifetime_sum(rate, tau, floor, age) * 1.1).astype(np.int64)
    noise = dm.exp(rng.normal(0.0, 0.25, size=len(rows)))
    downloads = np.minimum(
        np.floor(window_sum(rate, tau, floor, age, 30.0) * noise).astype(np.int64), alltime
    )
    lmax, ltau = rp.likes_max[rows], rp.likes_tau[rows]
    likes = np.floor(lmax * -dm.expm1(-age / ltau)).astype(np.int64)
    prev = np.floor(lmax * -dm.expm1(-np.maximum(age - 7, 0) / ltau)).astype(np.int64)
    trending = np.floor((likes - prev) + downloads / 20_000.0).astype(np.float64)
    last = np.minimum(last_edit_us(created, rp.edit_days[rows], at_us), at_us)
    edits = (last - created) // 1_000_000
    return Stats(downloads, alltime, likes, trending, last, edits)


def shas(rp: Repos, rows: np.ndarray, edits: np.ndarray) -> pa.Array:
    """A 40-hex-digit commit sha that changes exactly when the repo is edited."""
    s = rp.salt[rows] ^ mix64(np.asarray(edits, dtype=np.uint64))
    return pc.utf8_slice_codeunits(hex_words([s, mix64(s), mix64(s + np.uint64(1))]), 0, 40)


__all__ = ["Repos", "Stats", "make_repos", "shas", "stats"]
