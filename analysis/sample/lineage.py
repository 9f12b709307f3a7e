"""Base-model family trees: which release a derivative builds on, and which earlier model is its parent."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.clock import DAY_US, date_us

NONE, FINETUNE, QUANTIZED, ADAPTER, MERGE = 0, 1, 2, 3, 4
RELATION_NAMES: tuple[str, ...] = ("", "finetune", "quantized", "adapter", "merge")


@dataclass(frozen=True)
class ReleaseTable:
    """Every release of every family, flattened (index = release id)."""

    family: np.ndarray  # index into names.FAMILIES
    date_us: np.ndarray
    strength: np.ndarray
    params: np.ndarray
    names: tuple[str, ...]
    stems: tuple[str, ...]

    @property
    def n(self) -> int:
        return len(self.names)


def _stem(name: str) -> str:
    for suffix in (
        "-Instruct-2501",
        "-Instruct",
        "-Chat",
        "-it",
        "-v0.1",
        "-v0.2",
        "-base-1.0",
        "-base",
    ):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def release_table(end_us: int) -> ReleaseTable:
    fam, dates, strength, params, nm = [], [], [], [], []
    for fi, f in enumerate(names.FAMILIES):
        for r in f.releases:
            if date_us(r.date) < end_us:
                fam.append(fi)
                dates.append(date_us(r.date))
                strength.append(r.strength)
                params.append(r.params)
                nm.append(r.name)
    return ReleaseTable(
        np.array(fam, dtype=np.int64),
        np.array(dates, dtype=np.int64),
        np.array(strength),
        np.array(params),
        tuple(nm),
        tuple(_stem(x) for x in nm),
    )


def attractiveness(rt: ReleaseTable, at_us: int) -> np.ndarray:
    """How strongly each release draws new derivatives at ``at_us`` (0 before it is out).

    Nomadic families' releases fade quickly once out (their community moves to each new
    release); persistent families' releases keep a large share for years.
    """
    age = (at_us - rt.date_us) / DAY_US
    nomadic = np.array([names.FAMILIES[f].nomadic for f in rt.family])
    tau = np.where(nomadic, 150.0, 300.0)
    floor = np.where(nomadic, 0.02, 0.15)
    w = rt.strength * (dm.exp(-np.maximum(age, 0) / tau) + floor)
    # a release released later in the same family takes over part of its predecessors' pull
    return np.where(age >= 2.0, w, 0.0)


def assign_releases(
    rng: np.random.Generator, rt: ReleaseTable, created_us: np.ndarray, candidates: np.ndarray
) -> np.ndarray:
    """For each candidate row (sorted by creation), the release it derives from, or -1."""
    out = np.full(len(created_us), -1, dtype=np.int64)
    idx = np.flatnonzero(candidates)
    if not len(idx) or not rt.n:
        return out
    week = (created_us[idx] - created_us[idx][0]) // (7 * DAY_US)
    bounds = np.flatnonzero(np.diff(week)) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [len(idx)]])
    for s, e in zip(starts, ends, strict=True):  # one step per week of creation times
        w = attractiveness(rt, int(created_us[idx[s]]))
        total = w.sum()
        if total <= 0:
            continue
        out[idx[s:e]] = rng.choice(rt.n, size=e - s, p=w / total)
    return out


def assign_parents(
    rng: np.random.Generator, release: np.ndarray, base_row: np.ndarray, q_base: float = 0.5
) -> np.ndarray:
    """Parent row of each derivative: its release's base, or a uniformly chosen earlier derivative
    of the same release (random recursive trees, several generations deep)."""
    n = len(release)
    parent = np.full(n, -1, dtype=np.int64)
    member = release >= 0
    rows = np.flatnonzero(member)
    order = rows[np.argsort(release[rows], kind="stable")]  # grouped by release, by row (time)
    rel_sorted = release[order]
    group_start = np.flatnonzero(np.r_[True, rel_sorted[1:] != rel_sorted[:-1]])
    sizes = np.diff(np.r_[group_start, len(order)])
    start_of = np.repeat(group_start, sizes)
    k = np.arange(len(order)) - start_of  # position within its release group
    u = rng.random(len(order))
    v = rng.random(len(order))
    pos = np.where(u < q_base, 0, np.floor(v * k).astype(np.int64))
    chosen = order[start_of + pos]
    # the base itself (position 0) has no parent; a derivative's position-0 pick is the base row
    base_of = base_row[rel_sorted]
    chosen = np.where(pos == 0, base_of, chosen)
    parent[order] = np.where(order == base_of, -1, chosen)
    return parent


def redirect_from(parent: np.ndarray, avoid: np.ndarray) -> np.ndarray:
    """Replace parents that are ``avoid`` rows by their own parents (quantized models stay leaves)."""
    p = parent.copy()
    for _ in range(64):
        bad = (p >= 0) & avoid[np.maximum(p, 0)]
        if not bad.any():
            break
        p[bad] = parent[p[bad]]
    return p


def depths(parent: np.ndarray) -> np.ndarray:
    """Generations below the root (parent rows always come earlier, so this converges)."""
    d = np.zeros(len(parent), dtype=np.int64)
    has = parent >= 0
    for _ in range(256):
        new = np.where(has, d[np.maximum(parent, 0)] + 1, 0)
        if np.array_equal(new, d):
            break
        d = new
    return d
