"""What the report template notebook calls: open one week of a snapshot root and show its numbers.

The template (``reports/_template.ipynb``) holds no logic: it calls :func:`open_week`, then the
display functions here, then :func:`save_tables` to write the tables behind the report beside it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from analysis.errors import HubObsError
from analysis.paths import resolve
from analysis.provenance import Provenance
from analysis.reports.summary import (
    COUNTED_KINDS,
    Headline,
    headline,
    headline_markdown,
    weekly_repos,
)
from analysis.reports.versions import write_tables

#: How many weeks of history (the chosen week included) a report shows.
HISTORY_WEEKS = 12


@dataclass
class WeekReport:
    root: Path
    week: dt.date
    con: duckdb.DuckDBPyConnection
    provenance: Provenance  # the chosen week's files only
    headline: Headline
    history: pd.DataFrame  # weekly_repos over the HISTORY_WEEKS weeks up to ``week``


def latest_week(root: str | Path) -> dt.date:
    """The newest week label any counted kind of ``root`` has."""
    from analysis.snapshots import SnapshotRoot

    sroot = SnapshotRoot(resolve(root))
    weeks = [w for k in COUNTED_KINDS for w in sroot.weeks(k)]
    if not weeks:
        raise HubObsError(f"{sroot.path}: no models, datasets or spaces weeks in this root")
    return max(weeks)


def open_week(root: str | Path, week: str | dt.date | None = None) -> WeekReport:
    """Connect to ``root`` (relative to the project root) for ``week`` (None: the latest)."""
    from analysis.snapshots import SnapshotRoot, connect
    from analysis.snapshots.sources import provenance

    path = resolve(root)
    chosen = latest_week(path) if week is None else dt.date.fromisoformat(str(week))
    sroot = SnapshotRoot(path)
    kinds = [k for k in COUNTED_KINDS if chosen in sroot.weeks(k)]
    if not kinds:
        have = ", ".join(w.isoformat() for w in sroot.all_weeks()[-5:]) or "none"
        raise HubObsError(
            f"{path}: no models, datasets or spaces file for week {chosen} (latest weeks: {have})"
        )
    first = chosen - dt.timedelta(days=7 * (HISTORY_WEEKS - 1))
    con = connect(path, kinds=kinds, weeks=(first, chosen))
    prov = provenance(con, kinds=kinds, weeks=[chosen])
    return WeekReport(
        path, chosen, con, prov, headline(con, chosen), weekly_repos(con, first, chosen)
    )


def summary(report: WeekReport) -> str:
    """The week's headline numbers as Markdown (display with IPython's ``Markdown``)."""
    return headline_markdown(report.headline, report.provenance)


def history_table(report: WeekReport) -> pd.DataFrame:
    """Repositories per kind and week over the report's history, readable column names."""
    df = report.history.copy()
    df["kind"] = df["kind"].map(COUNTED_KINDS)
    df["week"] = df["week"].map(lambda d: d.isoformat())
    df = df.rename(
        columns={
            "kind": "Kind",
            "week": "Week",
            "repos": "Repositories",
            "created_in_week": "Created during the week",
            "change": "Change from the week before",
            "repeated": "Repeats the week before",
        }
    )
    return df[
        [
            "Week",
            "Kind",
            "Repositories",
            "Created during the week",
            "Change from the week before",
            "Repeats the week before",
        ]
    ]


def tables(report: WeekReport) -> dict[str, pd.DataFrame]:
    """The tables behind the report, as published in its folder."""
    history = report.history.copy()
    history["week"] = history["week"].map(lambda d: d.isoformat())
    history["repeat_of"] = history["repeat_of"].map(
        lambda d: None if pd.isna(d) else pd.Timestamp(d).date().isoformat()
    )
    out = {"repositories_by_week": history}
    if not report.headline.attention.empty:
        att = report.headline.attention.copy()
        att["week"] = att["week"].map(lambda d: d.isoformat())
        out["models_attention"] = att
    return out


def save_tables(report: WeekReport, folder: str | Path = ".") -> list[str]:
    """Write :func:`tables` as CSV and parquet into ``folder``; return the file names."""
    return [p.name for p in write_tables(tables(report), Path(folder))]


def source_line(report: WeekReport) -> str:
    return report.provenance.source_line()
