"""Findings: sentences whose numbers are computed in the run, rendered as Markdown.

A notebook states what it found with a :class:`Findings`::

    f = Findings(provenance)
    f.add("{n} models were created in the {weeks} weeks; {top} made {share} of them.",
          n=count_new, weeks=len(prov.weeks), top=top_org, share=percent(top_share))
    f  # displays as Markdown

The template is our own Markdown; every value is filled in by type: integers and floats are
formatted with thousands separators (:func:`number`), values already formatted by the helpers
here (:func:`number`, :func:`percent`, :func:`count`, ...) go in as they are, dates as ISO
dates, and any other text (Hub ids, names, tags) is escaped with :func:`analysis.escape.markdown`,
so it appears literally. Output is deterministic: the same values give the same text.
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from analysis import escape
from analysis.provenance import Provenance


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


def _fill(value: Any) -> str:
    if isinstance(value, Formatted):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, numbers.Integral):
        return number(int(value))
    if isinstance(value, numbers.Real):
        return number(float(value), 2)
    if isinstance(value, dt.date):
        return date(value)
    if value is None:
        raise ValueError(
            "a finding cannot state a missing value (None); say what is missing instead"
        )
    return escape.markdown(value)


@dataclass(frozen=True)
class Finding:
    template: str
    values: Mapping[str, Any]
    text: str


class Findings:
    """An ordered list of findings sentences, displayed as Markdown."""

    def __init__(self, provenance: Provenance | None = None, heading: str | None = None) -> None:
        self.provenance = provenance
        self.heading = heading
        self._items: list[Finding] = []

    def add(self, template: str, /, **values: Any) -> str:
        """Add one sentence: ``template`` (our Markdown) with ``{name}`` fields from ``values``."""
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}
        for f in fields:
            if not f.isidentifier():
                raise ValueError(
                    f"finding template field {{{f}}} must be a plain name: {template!r}"
                )
        missing = sorted(fields - set(values))
        if missing:
            raise KeyError(f"finding template {template!r} needs values for {', '.join(missing)}")
        unused = sorted(set(values) - fields)
        if unused:
            raise KeyError(
                f"values {', '.join(unused)} are not used by finding template {template!r}"
            )
        text = template.format(**{k: _fill(v) for k, v in values.items()})
        self._items.append(Finding(template, dict(values), text))
        return text

    @property
    def sentences(self) -> list[str]:
        return [f.text for f in self._items]

    def __len__(self) -> int:
        return len(self._items)

    def to_markdown(self) -> str:
        lines: list[str] = []
        if self.heading:
            lines += [f"**{escape.markdown(self.heading)}**", ""]
        lines += [f"- {s}" for s in self.sentences] or ["- (no findings)"]
        if self.provenance is not None:
            lines += ["", f"*{escape.markdown(self.provenance.source_line(), None)}*"]
        return "\n".join(lines) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:  # Jupyter's text/plain: the text, not a memory address
        return self.to_markdown()

    def markdown(self) -> Any:
        """The findings as an ``IPython.display.Markdown`` object."""
        from IPython.display import Markdown

        return Markdown(self.to_markdown())
