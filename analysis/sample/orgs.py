"""Accounts of the generated sample: fictional organizations of several kinds and countries, and users."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from analysis.sample import detmath as dm
from analysis.sample import names
from analysis.sample.arrays import cat, int_str, vocab

SOURCE = "generated sample"


@dataclass(frozen=True)
class Accounts:
    """Organizations first (fixed ones, then generated ones), then individual users."""

    handles: pa.Array
    n_orgs: int
    org_kind: tuple[str, ...]
    org_country: tuple[str, ...]
    org_note: tuple[str, ...]

    def index(self, handle: str) -> int:
        for i in range(self.n_orgs):
            if self.handles[i].as_py() == handle:
                return i
        raise KeyError(handle)

    @property
    def n(self) -> int:
        return len(self.handles)

    def pick_users(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """Users drawn with a heavy tail (a few prolific accounts, many with one repo)."""
        n_users = self.n - self.n_orgs
        w = 1.0 / dm.power(np.arange(n_users) + 8.0, 1.05)
        cdf = np.cumsum(w) / w.sum()
        return self.n_orgs + np.minimum(np.searchsorted(cdf, rng.random(size)), n_users - 1)

    def pick_orgs(self, rng: np.random.Generator, size: int) -> np.ndarray:
        """Organizations drawn with a heavy tail (fixed, notable ones first)."""
        w = 1.0 / dm.power(np.arange(self.n_orgs) + 3.0, 1.1)
        cdf = np.cumsum(w) / w.sum()
        return np.minimum(np.searchsorted(cdf, rng.random(size)), self.n_orgs - 1)

    def csv_text(self) -> str:
        """The organization mapping (org, kind, country, source, note) as CSV text."""
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["org", "kind", "country", "source", "note"])
        for i in range(self.n_orgs):
            w.writerow(
                [
                    self.handles[i].as_py(),
                    self.org_kind[i],
                    self.org_country[i],
                    SOURCE,
                    self.org_note[i],
                ]
            )
        return out.getvalue()


def build_accounts(seed: int, n_models: int) -> Accounts:
    rng = dm.default_rng([seed, 100])
    fixed = names.FIXED_ORGS
    n_gen = int(min(4000, 40 + n_models // 150))
    kinds_i = rng.choice(
        len(names.ORG_KINDS), size=n_gen, p=np.array(names.ORG_KIND_P) / sum(names.ORG_KIND_P)
    )
    country_i = rng.choice(
        len(names.COUNTRIES), size=n_gen, p=np.array(names.COUNTRY_P) / sum(names.COUNTRY_P)
    )
    seen = {h for h, *_ in fixed}
    handles = [h for h, *_ in fixed]
    kinds = [k for _, k, _, _ in fixed]
    countries = [c for _, _, c, _ in fixed]
    notes = [n for _, _, _, n in fixed]
    syl = names.SYLLABLES
    a = rng.integers(0, len(syl), size=(n_gen, 3))
    s = rng.integers(0, 5, size=n_gen)
    for i in range(n_gen):  # at most a few thousand organizations
        kind = names.ORG_KINDS[kinds_i[i]]
        place = syl[a[i, 0]] + syl[a[i, 1]] + (syl[a[i, 2]] if a[i, 2] % 2 else "")
        suffixes = names.ORG_SUFFIX[kind]
        h = place + suffixes[s[i] % len(suffixes)]
        if h in seen:
            h = f"{h}-{i}"
        seen.add(h)
        handles.append(h)
        kinds.append(kind)
        countries.append(names.COUNTRIES[country_i[i]])
        notes.append("")
    n_users = max(300, n_models // 6)
    u = rng.integers(0, len(syl), size=(3, n_users))
    three = rng.random(n_users) < 0.4
    sep = vocab(("", "-", "_", ""), rng.integers(0, 4, size=n_users))
    third = vocab(syl, np.where(three, u[2], -1))
    users = cat(
        vocab(syl, u[0]),
        vocab(syl, u[1]),
        third.fill_null(""),
        sep,
        int_str(np.arange(n_users) + 7),
    )
    all_handles = pa.concat_arrays([pa.array(handles, pa.string()), users])
    return Accounts(all_handles, len(handles), tuple(kinds), tuple(countries), tuple(notes))
