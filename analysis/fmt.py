"""Numbers, shares, counts and dates as readers see them: one formatting for every page.

Findings sentences (:mod:`analysis.findings`), tables (:mod:`analysis.tables`) and the Home
page's headline all format through here, so a number reads the same everywhere: thousands
separators, shares as percentages with one decimal, signed changes, ISO dates, and an en dash
(:data:`MISSING`) for a value that is missing.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers

import pandas as pd

from analysis import escape

#: What a missing value reads as in a table.
MISSING = "\u2013"


class Formatted(str):
    """Text made by the formatting helpers here: digits, separators and our own words only."""

    __slots__ = ()


def _check_finite(value: float, what: str) -> None:
    if not math.isfinite(value):
        raise ValueError(f"cannot state {what} {value!r}: not a finite number")


def number(value: float | int, decimals: int = 0) -> Formatted:
    """``1234567`` -> ``1,234,567``; ``decimals`` fixed digits after the point (rounded half even)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"number() needs a number, not {type(value).__name__} {value!r}")
    if isinstance(value, numbers.Integral) and decimals == 0:
        return Formatted(f"{int(value):,}")
    v = float(value)
    _check_finite(v, "the number")
    out = f"{v:,.{decimals}f}"
    return Formatted(
        "0" + out[2:] if out.startswith("-0") and float(out.replace(",", "")) == 0 else out
    )


def percent(share: float, decimals: int = 1) -> Formatted:
    """A share in [0, 1] as a percentage: ``0.1234`` -> ``12.3%``."""
    if isinstance(share, bool) or not isinstance(share, numbers.Real):
        raise TypeError(f"percent() needs a number, not {type(share).__name__} {share!r}")
    v = float(share)
    _check_finite(v, "the share")
    return Formatted(f"{number(v * 100, decimals)}%")


def change(value: float, decimals: int = 1) -> Formatted:
    """A relative change as a signed percentage: ``0.25`` -> ``+25.0%``, ``-0.1`` -> ``-10.0%``."""
    text = percent(value, decimals)
    return Formatted(text if text.startswith("-") or float(value) * 100 == 0 else "+" + text)


def count(n: int, singular: str, plural: str | None = None) -> Formatted:
    """``count(1, "model")`` -> ``1 model``; ``count(2345, "model")`` -> ``2,345 models``.

    ``singular``/``plural`` are our own words (never Hub text): they are escaped all the same.
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"count() needs an integer, not {type(n).__name__} {n!r}")
    word = singular if int(n) == 1 else (plural if plural is not None else singular + "s")
    return Formatted(f"{number(int(n))} {escape.markdown(word)}")


def date(value: dt.date) -> Formatted:
    """A date as ``YYYY-MM-DD`` (a datetime is cut to its date)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    return Formatted(value.isoformat())


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pandas' NA."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def cell(value: object, kind: str = "auto", decimals: int = 0) -> str:
    """One table cell: ``kind`` is 'number', 'percent', 'change' (signed count), 'date', 'text',
    'ours' (text this project formatted) or 'auto' (by the value's type); missing values read as :data:`MISSING`. What this module
    formats comes back :class:`Formatted` (our own characters); other text as it is."""
    if isinstance(value, Formatted):
        return value
    if kind == "ours":  # text this project formatted, whatever its type became on the way
        return Formatted(str(value))
    if is_missing(value):
        return Formatted(MISSING)
    if isinstance(value, bool):
        return Formatted("yes" if value else "no")
    if kind == "date" or (kind == "auto" and isinstance(value, (dt.date, pd.Timestamp))):
        return date(pd.Timestamp(value).date())
    if isinstance(value, numbers.Real) and kind in ("number", "percent", "change", "auto"):
        v = float(value)
        if kind == "percent":
            return percent(v, max(decimals, 1))
        if kind == "change":
            return signed(round(v))
        if isinstance(value, numbers.Integral) or (decimals == 0 and v.is_integer()):
            return number(round(v))
        return number(v, decimals or 2)
    return str(value)


def signed(n: int) -> Formatted:
    """A count with its sign: ``+1,234``, ``-56``, ``0``."""
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"signed() needs an integer, not {type(n).__name__} {n!r}")
    return Formatted(f"{int(n):+,}" if int(n) else "0")


__all__ = [
    "MISSING",
    "Formatted",
    "cell",
    "change",
    "count",
    "date",
    "is_missing",
    "number",
    "percent",
    "signed",
]
