"""An open-weights release tracker: one base model's derivatives week by week, by relation and
by who made them.

Metrics in :mod:`~analysis.tracker.metrics` (SQL in ``sql/``; family trees from
:mod:`analysis.lineage`), charts in :mod:`~analysis.tracker.figures`, findings in
:mod:`~analysis.tracker.findings`; every definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.tracker import figures
from analysis.tracker.findings import findings
from analysis.tracker.metrics import (
    Base,
    Release,
    choose,
    derivatives_by_snapshot,
    derivatives_by_week,
    release_summary,
    resolve_base,
    top_release,
)

__all__ = [
    "Base",
    "Release",
    "choose",
    "derivatives_by_snapshot",
    "derivatives_by_week",
    "figures",
    "findings",
    "release_summary",
    "resolve_base",
    "top_release",
]
