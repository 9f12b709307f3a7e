"""Which files a fetch takes: chosen weeks (dates, a range, ``latest``) of chosen kinds at one revision."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.errors import FetchError
from analysis.fetch.hub import RemoteFile
from analysis.schema import REPO_ID


@dataclass(frozen=True)
class WeekSelection:
    """Weeks asked for: explicit dates, ``latest``, and/or an inclusive range (open ends allowed)."""

    weeks: tuple[dt.date, ...] = ()
    latest: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    all_weeks: bool = False  # the whole range with both ends open

    @property
    def is_range(self) -> bool:
        return self.all_weeks or self.start is not None or self.end is not None

    @property
    def empty(self) -> bool:
        return not (self.weeks or self.latest or self.is_range)

    @classmethod
    def parse(
        cls, weeks: Sequence[str] = (), start: str | None = None, end: str | None = None
    ) -> WeekSelection:
        """From command-line text: ``weeks`` items are ISO dates or ``latest``."""
        dates: list[dt.date] = []
        latest = False
        for item in weeks:
            if item.strip().lower() == "latest":
                latest = True
            else:
                dates.append(parse_date(item, "--week"))
        sel = cls(
            weeks=tuple(sorted(set(dates))),
            latest=latest,
            start=parse_date(start, "--start") if start else None,
            end=parse_date(end, "--end") if end else None,
        )
        if sel.start and sel.end and sel.start > sel.end:
            raise FetchError(f"--start {sel.start} is after --end {sel.end}")
        return sel


def parse_date(text: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise FetchError(f"{option} {text!r} is not a date like 2025-01-01 (or 'latest')") from None


def nearest_weeks(available: Sequence[dt.date], week: dt.date, n: int = 2) -> list[dt.date]:
    """Up to ``n`` available weeks on each side of ``week`` (sorted input)."""
    i = bisect.bisect_left(available, week)
    return list(available[max(0, i - n) : i]) + list(available[i : i + n])


def _weeks_text(weeks: Sequence[dt.date]) -> str:
    return ", ".join(w.isoformat() for w in weeks) if weeks else "none"


def select(
    files: Sequence[RemoteFile], kinds: Sequence[str], selection: WeekSelection, revision: str
) -> list[RemoteFile]:
    """The files of ``kinds`` the selection names; a week a kind lacks is an error naming the nearest weeks."""
    if selection.empty:
        raise FetchError(
            "choose weeks: --week 2025-01-01 (repeatable), --week latest, or --start/--end"
        )
    by_kind: dict[str, dict[dt.date, RemoteFile]] = {k: {} for k in kinds}
    for f in files:
        if f.kind in by_kind:
            by_kind[f.kind][f.week] = f
    at = f"in {REPO_ID} at revision {revision[:12]}"
    for kind, weeks in by_kind.items():
        if not weeks:
            raise FetchError(f"{kind}: no weeks {at}")

    wanted: dict[str, set[dt.date]] = {k: set() for k in kinds}
    if selection.latest:
        common = set.intersection(*(set(w) for w in by_kind.values()))
        if not common:
            lasts = "; ".join(f"{k} {max(w)}" for k, w in by_kind.items())
            raise FetchError(
                f"no week is present for every chosen kind {at} (latest per kind: {lasts})"
            )
        for k in kinds:
            wanted[k].add(max(common))
    for week in selection.weeks:
        for kind in kinds:
            available = sorted(by_kind[kind])
            if week not in by_kind[kind]:
                near = nearest_weeks(available, week)
                raise FetchError(
                    f"week {week} of {kind} is not {at}; nearest available weeks: {_weeks_text(near)} "
                    f"({len(available)} weeks from {available[0]} to {available[-1]})"
                )
            wanted[kind].add(week)
    if selection.is_range:
        lo = selection.start or dt.date.min
        hi = selection.end or dt.date.max
        for kind in kinds:
            available = sorted(by_kind[kind])
            inside = [w for w in available if lo <= w <= hi]
            if not inside:
                raise FetchError(
                    f"{kind} has no week between {selection.start or 'the start'} and "
                    f"{selection.end or 'the end'} {at}; it has {len(available)} weeks from "
                    f"{available[0]} to {available[-1]}"
                )
            wanted[kind].update(inside)
    return [by_kind[k][w] for k in kinds for w in sorted(wanted[k])]
