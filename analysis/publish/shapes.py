"""What chart builders share: dates as text, and the display order of common categories.

Builders turn dates into ``YYYY-MM-DD`` text (:func:`iso_dates`) so that a chart's CSV and spec
are the same on every run, and order kinds, relations and organization kinds the same way on
every chart.
"""

from __future__ import annotations

import pandas as pd

from analysis.orgmap import ORG_KINDS, UNMAPPED
from analysis.schema import RELATIONS

#: Repository kinds in display order.
KIND_ORDER: list[str] = ["models", "datasets", "spaces"]
#: Relations of a derivative, then 'all' (every relation) where a chart shows the total.
RELATION_ORDER: list[str] = [*RELATIONS, "all"]
#: Relations, then 'unknown' (a link whose relation is not stated).
RELATION_ORDER_UNKNOWN: list[str] = [*RELATIONS, "unknown"]
#: Organization kinds in display order, then the two kinds of "not known".
ORG_KIND_ORDER: list[str] = [*ORG_KINDS, UNMAPPED, "(no owner in id)"]


def iso_dates(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    """A copy of ``df`` with the date columns ``cols`` as ``YYYY-MM-DD`` text."""
    out = df.copy()
    for c in cols:
        out[c] = pd.to_datetime(out[c]).dt.strftime("%Y-%m-%d")
    return out


__all__ = [
    "KIND_ORDER",
    "ORG_KIND_ORDER",
    "RELATION_ORDER",
    "RELATION_ORDER_UNKNOWN",
    "iso_dates",
]
