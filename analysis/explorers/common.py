"""What the explorers share: the picker (a drop-down bound to a Vega-Lite parameter) and its options."""

from __future__ import annotations

import altair as alt
import pandas as pd

from analysis import escape
from analysis.errors import HubObsError

#: The picker's choice meaning "no filter" (organizations and datasets explorers).
ALL = "all"


def check_n(n: int, name: str = "n") -> None:
    if n < 1:
        raise HubObsError(f"{name} must be at least 1, got {n}")


def options(values: pd.Series, first: list[str] | None = None) -> list[str]:
    """The picker's options: ``first`` then the distinct ``values`` in order of appearance,
    cleaned as :func:`analysis.publish.publish` cleans the data (so each matches its rows)."""
    out: list[str] = [escape.clean(v) for v in (first or [])]
    for v in values.tolist():
        c = escape.clean(v)
        if c not in out:
            out.append(c)
    if not out:
        raise HubObsError("the explorer has nothing to pick from: its data is empty")
    return out


def iso(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.strftime("%Y-%m-%d")


def pick(name: str, choices: list[str], label: str) -> alt.Parameter:
    return alt.param(
        name=name,
        value=choices[0],
        bind=alt.binding_select(options=choices, name=label),
    )
