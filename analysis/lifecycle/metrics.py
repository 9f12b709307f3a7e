"""The life of open models, after Choksi, Mandel and Benthall (FAccT 2025).

Operationalization (stated for readers in ``definitions.yml`` beside this module):

* The family trees are those of one snapshot week (the latest by default; see
  :mod:`analysis.lineage`; only that week's rows of the per-model facts are read). A derivative is dated by its ``createdAt`` (no earlier than its
  release), so the history reaches back before the first snapshot; models deleted before that week
  are not seen.
* **Release**: a family root on the Hub (a model with no base model, not a cycle) with at least
  ``min_derivatives`` derivatives over its whole tree. Its **line**: its author plus the leading
  letters of its name, lower-cased (``Lumen-3-8B`` → ``lumen``).
* **Generation**: releases of a line created at most ``generation_gap_days`` after the previous one
  (sizes released together). The **successor** of generation *g* is generation *g + 1*.
* **Rate**: new derivatives (whole tree) per calendar week (Monday start) after the release and
  after the successor's release; ``share_of_line``: the share of the line's new derivatives that
  week going to a generation (``is_newest``: the newest generation released by then).
* **Nomadic or persistent**: for the latest successor whose window ``[release + n_weeks weeks,
  + window_weeks weeks)`` is over, the share of the line's new derivatives in that window that
  descend only from older generations (``old_share``). ``persistent`` when
  ``old_share >= threshold``, else ``nomadic``. ``decay``: 1 - the older generations' weekly rate in
  the window / their rate in the ``window_weeks`` weeks before the successor's release.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import pandas as pd

from analysis.errors import HubObsError
from analysis.lineage import Lineage
from analysis.query import SqlFiles

SQL = SqlFiles(__file__)

#: Defaults, shown in the notebook's methods text.
MIN_DERIVATIVES = 1
GENERATION_GAP_DAYS = 14
N_WEEKS = 8
WINDOW_WEEKS = 4
THRESHOLD = 0.25


@contextlib.contextmanager
def _releases(
    lineage: Lineage,
    week: dt.date | str | None,
    min_derivatives: int,
    generation_gap_days: int,
) -> Iterator[dt.date | None]:
    """The temporary tables ``lifecycle_releases`` and ``lifecycle_descendants`` of ``week``
    while inside (dropped after); yields the week used."""
    if min_derivatives < 0 or generation_gap_days < 0:
        raise ValueError("min_derivatives and generation_gap_days must not be negative")
    w = lineage.ensure(week)  # builds only that week's family trees
    releases = {"week": w, "min_derivatives": min_derivatives, "gap_days": generation_gap_days}
    with SQL.scratch(lineage.con, [("releases", releases), ("descendants", {"week": w})], "drop"):
        yield w


def releases(
    lineage: Lineage,
    week: dt.date | str | None = None,
    min_derivatives: int = MIN_DERIVATIVES,
    generation_gap_days: int = GENERATION_GAP_DAYS,
) -> pd.DataFrame:
    """Releases with their line and generation.

    Columns: line, author, generation, release_uid, release_id, release_created, generation_start,
    successor_start, n_generations, derivatives.
    """
    with _releases(lineage, week, min_derivatives, generation_gap_days):
        return SQL.df(lineage.con, "releases_of")


def derivative_rates(
    lineage: Lineage,
    week: dt.date | str | None = None,
    min_derivatives: int = MIN_DERIVATIVES,
    generation_gap_days: int = GENERATION_GAP_DAYS,
) -> pd.DataFrame:
    """New derivatives per generation per calendar week, with weeks since release and since successor.

    Columns: line, generation, week_start, weeks_since_release, weeks_since_successor,
    new_derivatives, line_new_derivatives, share_of_line, is_newest.
    """
    with _releases(lineage, week, min_derivatives, generation_gap_days) as w:
        return SQL.df(lineage.con, "rates", {"week": w})


def classify(
    lineage: Lineage,
    week: dt.date | str | None = None,
    n_weeks: int = N_WEEKS,
    window_weeks: int = WINDOW_WEEKS,
    threshold: float = THRESHOLD,
    min_derivatives: int = MIN_DERIVATIVES,
    generation_gap_days: int = GENERATION_GAP_DAYS,
) -> pd.DataFrame:
    """Nomadic or persistent per line (see the module text).

    Columns: line, n_generations, successor_generation, successor_start, window_start, window_end,
    window_derivatives, window_to_older, old_share, rate_before, rate_after, decay, pattern
    ('nomadic', 'persistent', 'single release', 'too recent' or 'no activity').
    """
    if n_weeks < 0 or window_weeks < 1:
        raise ValueError(
            f"need n_weeks >= 0 and window_weeks >= 1, got {n_weeks} and {window_weeks}"
        )
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold is a share between 0 and 1, got {threshold}")
    with _releases(lineage, week, min_derivatives, generation_gap_days) as w:
        return SQL.df(
            lineage.con,
            "classify",
            {"week": w, "n_weeks": n_weeks, "window_weeks": window_weeks, "threshold": threshold},
        )


# --- choosing what to show (tested in tests/test_lineage_notebook_glue.py) -------------------

#: Pattern of a line whose successor window held fewer than ``min_window_derivatives``.
TOO_FEW = "too few derivatives"

#: Default minimum of new derivatives in a successor's window before a line is classified.
MIN_WINDOW_DERIVATIVES = 5


def require_window(classified: pd.DataFrame, min_window_derivatives: int) -> pd.DataFrame:
    """``classified`` with lines whose window held fewer than ``min_window_derivatives`` new
    derivatives marked ``'too few derivatives'`` instead of nomadic or persistent."""
    if min_window_derivatives < 0:
        raise ValueError(
            f"min_window_derivatives must not be negative, got {min_window_derivatives}"
        )
    out = classified.copy()
    few = out["pattern"].isin(["nomadic", "persistent"]) & (
        out["window_derivatives"] < min_window_derivatives
    )
    out.loc[few, "pattern"] = TOO_FEW
    return out


def top_lines(releases_df: pd.DataFrame, n: int = 6) -> list[str]:
    """The ``n`` lines with at least two generations and the most derivatives (ties by name)."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    multi = releases_df[releases_df["n_generations"] >= 2]
    totals = multi.groupby("line", as_index=False)["derivatives"].sum()
    totals = totals.sort_values(["derivatives", "line"], ascending=[False, True])
    return [str(x) for x in totals["line"].head(n)]


def pick_line(releases_df: pd.DataFrame, line: str | None = None) -> str | None:
    """``line`` checked to be a line of ``releases_df``; the top line (:func:`top_lines`) when
    None, and None when no line has two generations (nothing to draw: the findings say so)."""
    present = sorted(str(x) for x in releases_df["line"].unique())
    if line is None:
        tops = top_lines(releases_df, 1) if not releases_df.empty else []
        return tops[0] if tops else None
    if line not in present:
        raise HubObsError(
            f"line {line!r} is not among the releases of this week; lines: "
            + ", ".join(repr(x) for x in present[:20])
            + (" ..." if len(present) > 20 else "")
        )
    return line
