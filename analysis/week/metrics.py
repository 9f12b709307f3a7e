"""The state of the Hub in one snapshot week: what the Home page and each weekly report state
first, computed by the same metrics as the analyses (nothing is counted a second way here).

* repositories of each kind, created in the week and the net change: :func:`analysis.growth.weekly`;
* the share of models without downloads and the top-1% share: :func:`analysis.concentration.weekly`;
* models declaring a base model, by relation: :func:`analysis.platforms.base_share`.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from analysis import concentration, growth, platforms
from analysis.data import Data, open_data
from analysis.errors import HubObsError
from analysis.paths import resolve
from analysis.provenance import Provenance
from analysis.query import as_date
from analysis.weeks import all_weeks

if TYPE_CHECKING:
    from analysis.week.parts import Parts

#: The kinds the week's numbers cover, in display order, with a readable name.
COUNTED_KINDS: dict[str, str] = {"models": "Models", "datasets": "Datasets", "spaces": "Spaces"}
#: How many weeks of history (the chosen week included) a report shows.
HISTORY_WEEKS = 12
#: How many weeks before its own a report opens (its farthest comparison: a year).
COMPARED_WEEKS = 52


@dataclass(frozen=True)
class Summary:
    """What the Home page and a report show first for one week."""

    week: dt.date
    history: pd.DataFrame  # growth.weekly rows of the HISTORY_WEEKS weeks up to ``week``
    attention: pd.Series | None  # concentration.weekly row of 30-day downloads in ``week``
    lineage: pd.DataFrame  # platforms.base_share rows of ``week`` (one per relation and 'none')

    def attention_frame(self) -> pd.DataFrame:
        """The attention row as a one-row table (no row when the week has no models file)."""
        return pd.DataFrame([self.attention]) if self.attention is not None else pd.DataFrame()

    def repos(self) -> pd.DataFrame:
        """The chosen week's row of each kind."""
        return self.history[self.history["week"] == self.week].reset_index(drop=True)


def latest_week(con: duckdb.DuckDBPyConnection) -> dt.date:
    """The newest week any kind has on ``con``."""
    weeks = all_weeks(con)
    if not weeks:
        raise HubObsError("the data holds no week")
    return weeks[-1]


def summary(con: duckdb.DuckDBPyConnection, week: dt.date | str | None = None) -> Summary:
    """The numbers of ``week`` (the latest week when None)."""
    present = all_weeks(con)
    w = latest_week(con) if week is None else as_date(week, "week")
    if w not in present:
        have = ", ".join(p.isoformat() for p in present[-5:]) or "none"
        raise HubObsError(f"no models, datasets or spaces file for week {w} (latest weeks: {have})")
    first = w - dt.timedelta(days=7 * (HISTORY_WEEKS - 1))
    weekly = growth.weekly(con, first, w)
    weekly["week"] = pd.to_datetime(weekly["week"]).dt.date
    attention = concentration.weekly(con, "downloads", w, w)
    share = platforms.base_share(con)
    share = share[pd.to_datetime(share["week"]).dt.date == w].reset_index(drop=True)
    return Summary(
        week=w,
        history=weekly[weekly["kind"].isin(list(COUNTED_KINDS))].reset_index(drop=True),
        attention=None if attention.empty else attention.iloc[0],
        lineage=share,
    )


def base_model_counts(s: Summary) -> dict[str, int]:
    """Models of the week by declared relation ('none': no base model)."""
    return {
        str(r): int(n) for r, n in zip(s.lineage["relation"], s.lineage["n_models"], strict=True)
    }


__all__ = [
    "COUNTED_KINDS",
    "HISTORY_WEEKS",
    "Summary",
    "base_model_counts",
    "latest_week",
    "summary",
]


@dataclass
class Report:
    """One week opened for its report: the data (the week and the :data:`COMPARED_WEEKS` weeks
    before it), the numbers, and the provenance of the week's own files."""

    data: Data
    summary: Summary
    provenance: Provenance

    @property
    def history_start(self) -> dt.date:
        """The first week of the history charts."""
        return self.summary.week - dt.timedelta(days=7 * (HISTORY_WEEKS - 1))

    def parts(self) -> Parts:
        """The frames of every part of the report (:mod:`analysis.week.parts`)."""
        from analysis.week.parts import parts

        return parts(self.data, self.summary.week, self.history_start)

    def close(self) -> None:
        self.data.close()


def open_report(root: str | os.PathLike[str], week: dt.date | str | None = None) -> Report:
    """Open ``root`` (relative to the project root) for the report of ``week`` (None: the
    latest week of the root): the facts of the week and of the :data:`COMPARED_WEEKS` weeks
    before it (the history charts show the last :data:`HISTORY_WEEKS`), and its numbers."""
    from analysis.snapshots import SnapshotRoot

    chosen = as_date(week, "week")
    if chosen is None:
        have = SnapshotRoot(resolve(root)).all_weeks()
        if not have:
            raise HubObsError(f"{resolve(root)}: the root holds no week")
        chosen = max(have)
    first = chosen - dt.timedelta(days=7 * COMPARED_WEEKS)
    data = open_data(root, first, chosen)
    try:
        s = summary(data.con, chosen)
        return Report(data, s, data.provenance_of(weeks=[chosen]))
    except BaseException:
        data.close()
        raise


__all__ = [
    "COMPARED_WEEKS",
    "COUNTED_KINDS",
    "HISTORY_WEEKS",
    "Report",
    "Summary",
    "base_model_counts",
    "latest_week",
    "open_report",
    "summary",
]
