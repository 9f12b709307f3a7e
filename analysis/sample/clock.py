"""Time on the generator's clock: microseconds since the Unix epoch, never the wall clock."""

from __future__ import annotations

import datetime as dt
from typing import cast

import numpy as np

from analysis.sample import detmath as dm

DAY_US = 86_400_000_000
#: The earliest creation time of any generated repository.
EPOCH = dt.date(2021, 3, 1)
#: Creation volume doubles about every this many days.
DOUBLING_DAYS = 420.0


def date_us(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days * DAY_US


def snapshot_us(week: dt.date) -> int:
    """When the file labelled ``week`` was taken: the end of that week (label + 7 days)."""
    return date_us(week) + 7 * DAY_US - 1


def week_ordinal(week: dt.date) -> int:
    """A stable number for a week label (days since 2024-07-24 divided by 7, may be negative)."""
    return (week - dt.date(2024, 7, 24)).days // 7


def growth_times(rng: np.random.Generator, n: int, end_us: int) -> np.ndarray:
    """``n`` sorted creation times between :data:`EPOCH` and ``end_us``, growing exponentially."""
    start = date_us(EPOCH)
    span = (end_us - start) / DAY_US
    k = dm.log(2.0) / DOUBLING_DAYS
    u = np.sort(rng.random(n))
    days = dm.log1p(u * dm.expm1(k * span)) / k
    # the Hub records times to the millisecond
    return (start + (days * DAY_US).astype(np.int64)) // 1000 * 1000


def age_days(created_us: np.ndarray, at_us: int) -> np.ndarray:
    return np.maximum((at_us - created_us) / DAY_US, 0.0)


def window_sum(
    rate: np.ndarray, tau: np.ndarray, floor: np.ndarray, age: np.ndarray, days: float
) -> np.ndarray:
    """Integral over the last ``days`` (bounded by the age) of ``rate * (exp(-a/tau) + floor)``."""
    lo = np.maximum(age - days, 0.0)
    return cast(
        np.ndarray, rate * (tau * (dm.exp(-lo / tau) - dm.exp(-age / tau)) + floor * (age - lo))
    )


def lifetime_sum(
    rate: np.ndarray, tau: np.ndarray, floor: np.ndarray, age: np.ndarray
) -> np.ndarray:
    """Integral from creation to ``age`` of ``rate * (exp(-a/tau) + floor)``."""
    return cast(np.ndarray, rate * (tau * (-dm.expm1(-age / tau)) + floor * age))


def last_edit_us(created_us: np.ndarray, period_days: np.ndarray, at_us: int) -> np.ndarray:
    """The last edit before ``at_us`` of repos edited every ``period_days`` (inf: never)."""
    created = np.asarray(created_us, dtype=np.int64)
    age = np.maximum(at_us - created, 0)
    period = np.where(np.isfinite(period_days), period_days * DAY_US, np.inf)
    edits = np.floor(age / period)
    edits = np.where(np.isfinite(edits), edits, 0.0)
    out = created + np.where(
        edits > 0, edits * np.where(np.isfinite(period), period, 0.0), 0.0
    ).astype(np.int64)
    # a few minutes after creation for repos never edited again (the initial commit)
    return np.where(edits > 0, out, created + 180_000_000)
