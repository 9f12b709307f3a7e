"""A snapshot root on disk: ``<root>/<kind>/<YYYY-MM-DD>/<kind>.parquet``.

Lists the weeks each kind has, the path of one (kind, week), the weeks missing from the
7-day sequence, and what does not fit the layout (reported, never guessed at).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path

from analysis.errors import SnapshotError
from analysis.schema import KINDS, file_path

WEEK_STEP = dt.timedelta(days=7)


@dataclass(frozen=True)
class Problem:
    """Something in the root that does not fit the layout (ignored by every reader)."""

    path: str  # relative to the root
    message: str
    unreadable: bool = False  # a folder or file that could not be read (not a layout mistake)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Gap:
    """Weeks missing between two weeks a kind has."""

    kind: str
    after: dt.date
    before: dt.date
    missing: tuple[dt.date, ...]  # the 7-day labels absent between them

    def __str__(self) -> str:
        dates = ", ".join(d.isoformat() for d in self.missing)
        return f"{self.kind}: {len(self.missing)} week(s) missing between {self.after} and {self.before}: {dates}"


def parse_week(text: str) -> dt.date | None:
    """An ISO ``YYYY-MM-DD`` folder label as a date, or None when it is not one."""
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass
class SnapshotRoot:
    """A folder laid out like ``hfmlsoc/hub_weekly_snapshots``."""

    path: Path
    _weeks: dict[str, tuple[dt.date, ...]] = field(init=False, repr=False)
    _problems: tuple[Problem, ...] = field(init=False, repr=False)

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.is_dir():
            raise SnapshotError(f"snapshot root {self.path} does not exist or is not a folder")
        self.rescan()

    def rescan(self) -> None:
        """Read the folder listing again."""
        weeks: dict[str, tuple[dt.date, ...]] = {}
        problems: list[Problem] = []
        for kind in KINDS:
            kind_dir = self.path / kind
            found: list[dt.date] = []
            try:
                if not kind_dir.is_dir():
                    continue
                listing = sorted(kind_dir.iterdir(), key=lambda p: p.name)
            except OSError as exc:  # e.g. no permission to list it: not "no weeks"
                problems.append(Problem(kind, f"cannot be read ({exc.strerror})", True))
                continue
            for entry in listing:
                rel = f"{kind}/{entry.name}"
                if entry.name.startswith("."):
                    continue  # hidden: temp files, caches
                try:
                    is_dir = entry.is_dir()
                    has_file = is_dir and (entry / f"{kind}.parquet").is_file()
                except OSError as exc:
                    problems.append(Problem(rel, f"cannot be read ({exc.strerror})", True))
                    continue
                if not is_dir:
                    problems.append(
                        Problem(rel, "not a week folder (expected <kind>/<YYYY-MM-DD>/); ignored")
                    )
                    continue
                week = parse_week(entry.name)
                if week is None:
                    problems.append(
                        Problem(rel, "folder name is not a YYYY-MM-DD week label; ignored")
                    )
                    continue
                if not has_file:
                    problems.append(Problem(rel, f"week folder has no {kind}.parquet; ignored"))
                    continue
                found.append(week)
            if found:
                weeks[kind] = tuple(sorted(found))
        self._weeks = weeks
        self._problems = tuple(problems)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds with at least one week, in ``analysis.schema.KINDS`` order."""
        return tuple(k for k in KINDS if k in self._weeks)

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self._problems

    def weeks(self, kind: str) -> tuple[dt.date, ...]:
        """The week labels ``kind`` has, oldest first (empty if none)."""
        if kind not in KINDS:
            raise SnapshotError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
        return self._weeks.get(kind, ())

    def all_weeks(self) -> tuple[dt.date, ...]:
        """Every week label any kind has, oldest first."""
        return tuple(sorted({w for ws in self._weeks.values() for w in ws}))

    def relpath(self, kind: str, week: dt.date) -> str:
        return file_path(kind, week)

    def file(self, kind: str, week: dt.date) -> Path:
        """The path of one week's file; SnapshotError if the root does not have it."""
        if week not in self.weeks(kind):
            have = self.weeks(kind)
            span = f"{have[0]} to {have[-1]}" if have else "none"
            raise SnapshotError(
                f"{self.path}: no {kind} file for week {week} (weeks present: {span})"
            )
        return self.path / file_path(kind, week)

    def gaps(self, kind: str | None = None) -> tuple[Gap, ...]:
        """Weeks absent from the 7-day sequence between a kind's first and last week."""
        out: list[Gap] = []
        for k in (kind,) if kind else self.kinds:
            ws = self.weeks(k)
            for prev, cur in itertools.pairwise(ws):
                if cur - prev > WEEK_STEP:
                    missing = []
                    d = prev + WEEK_STEP
                    while d < cur:
                        missing.append(d)
                        d += WEEK_STEP
                    out.append(Gap(k, prev, cur, tuple(missing)))
        return tuple(out)

    def off_grid(self, kind: str) -> tuple[dt.date, ...]:
        """Week labels not a multiple of 7 days after the kind's first week (irregular labels)."""
        ws = self.weeks(kind)
        return tuple(w for w in ws if (w - ws[0]).days % 7)

    def select(
        self, kind: str, weeks: WeekSelection = None, *, strict: bool = True
    ) -> tuple[dt.date, ...]:
        """The weeks of ``kind`` chosen by ``weeks`` (see :func:`select_weeks`)."""
        return select_weeks(self.weeks(kind), weeks, strict=strict)


WeekSelection = (
    None | tuple[dt.date | str | None, dt.date | str | None] | list[dt.date | str] | dt.date | str
)


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    d = parse_week(str(value))
    if d is None:
        raise SnapshotError(f"not a YYYY-MM-DD week label: {value!r}")
    return d


def select_weeks(
    available: tuple[dt.date, ...], weeks: WeekSelection, *, strict: bool = True
) -> tuple[dt.date, ...]:
    """Choose weeks: None (all), one date, ``(start, end)`` inclusive (either may be None) or a list.

    With ``strict``, a list naming a week that is not available is an error (nothing is
    silently skipped); without, such weeks are left out (the caller reports them).
    """
    if weeks is None:
        return available
    if isinstance(weeks, (dt.date, str)):
        weeks = [weeks]
    if isinstance(weeks, tuple):
        if len(weeks) != 2:
            raise SnapshotError(f"a week range is (start, end); got {weeks!r}")
        start = _as_date(weeks[0]) if weeks[0] is not None else None
        end = _as_date(weeks[1]) if weeks[1] is not None else None
        return tuple(
            w for w in available if (start is None or w >= start) and (end is None or w <= end)
        )
    wanted = sorted({_as_date(w) for w in weeks})
    absent = [w for w in wanted if w not in available]
    if absent and strict:
        raise SnapshotError(
            "week(s) not in the snapshot root: " + ", ".join(w.isoformat() for w in absent)
        )
    return tuple(w for w in wanted if w in available)
