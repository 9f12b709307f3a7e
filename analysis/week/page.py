"""A report page as the template calls it: :func:`page` opens the week, computes its parts once,
and each call shows one chart (:mod:`analysis.week.figures` through :func:`analysis.publish.figure`,
with the provenance of the weeks it draws) or one paragraph (:mod:`analysis.week.paragraphs`)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from analysis import publish
from analysis.findings import Findings
from analysis.provenance import Provenance
from analysis.week import paragraphs
from analysis.week.metrics import Report, open_report
from analysis.week.parts import Parts, changes_provenance, history_provenance


@dataclass
class Page:
    """One report version's page: the opened week, its parts and its folder on the site."""

    report: Report
    parts: Parts
    site_dir: str | None  # reports/<slug> when a published version, else None

    @property
    def week(self) -> dt.date:
        return self.report.summary.week

    def _provenance(self, sources: str) -> Provenance:
        data, p = self.report.data, self.parts
        if sources == "history":
            return history_provenance(data, p)
        if sources == "changes":
            return changes_provenance(data, p)
        # a kind without a file this week: its part says so, sourced to the week's other files
        kinds = sources if sources in p.kinds else None
        return data.provenance_of(kinds=kinds, weeks=[self.week])

    def _repeats(self) -> set[dt.date]:
        """The weeks whose every file repeats the week before (no newcomer can be seen)."""
        h = self.report.summary.history
        every = h.assign(r=h["is_repeat"].astype(bool)).groupby("week")["r"].all()
        return {pd.Timestamp(w).date() for w, r in every.items() if r}

    def chart(self, key: str) -> publish.Figure:
        """The figure ``week.<key>`` of this week."""
        p = self.parts
        frames: dict[str, tuple[tuple[Any, ...], str]] = {
            "changes": ((p.changes,), "changes"),
            "new_models": ((p.new_models,), "models"),
            "new_datasets": ((p.new_datasets,), "datasets"),
            "gained": ((p.gained,), "models"),
            "newcomers": ((p.newcomers, p.history_weeks, self._repeats(), self.week), "history"),
            "active": ((p.active,), "week"),
            "attention": ((p.attention, self.week), "history"),
            "licences": ((p.licences,), "history"),
            "quality": ((p.quality,), "week"),
        }
        args, sources = frames[key]
        return publish.figure(
            f"week.{key}", *args, provenance=self._provenance(sources), site_dir=self.site_dir
        )

    def paragraph(self, key: str) -> Findings:
        """The paragraph ``key`` of this week."""
        p = self.parts
        calls: dict[str, tuple[Callable[..., Findings], tuple[Any, ...], str]] = {
            "repositories": (paragraphs.repositories, (p,), "changes"),
            "new_models": (paragraphs.new_repositories, (p.new_models, "models"), "models"),
            "new_datasets": (paragraphs.new_repositories, (p.new_datasets, "datasets"), "datasets"),
            "lineage": (paragraphs.lineage, (p,), "models"),
            "organizations": (paragraphs.organizations, (p,), "history"),
            "attention": (paragraphs.attention, (p,), "history"),
            "licences": (paragraphs.licences, (p,), "history"),
            "quality": (paragraphs.quality, (p,), "week"),
        }
        fn, args, sources = calls[key]
        return fn(*args, self._provenance(sources))

    def missing_note(self) -> Any:
        """What this report cannot show: the kinds the data lacks (:meth:`Data.missing_note`)."""
        return self.report.data.missing_note("week")

    def close(self) -> None:
        self.report.close()


def page(
    root: str | os.PathLike[str], week: dt.date | str | None = None, version: int | None = None
) -> Page:
    """Open the report of ``week`` (None: the root's latest); ``version`` (given by the build)
    names its folder on the site, ``reports/<week>[-v<N>]``, where its data files end up."""
    from analysis.reports.versions import slug

    r = open_report(root, week)
    try:
        site = f"reports/{slug(r.summary.week, version)}" if version is not None else None
        return Page(r, r.parts(), site)
    except BaseException:
        r.close()
        raise


__all__ = ["Page", "page"]
