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
import numbers
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis import escape
from analysis.fmt import Formatted, date, number
from analysis.provenance import Provenance


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


def latest(df: pd.DataFrame, col: str = "week") -> pd.DataFrame:
    """The rows of ``df`` of its latest ``col`` (week)."""
    return df[df[col] == df[col].max()]


def observed(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """Rows of non-repeated weeks whose ``value`` is known, sorted by week."""
    out = (
        df[~df["is_repeat"].astype(bool) & df[value].notna()]
        if "is_repeat" in df
        else df[df[value].notna()]
    )
    return out.sort_values("week")
