"""The life of open models (after Choksi, Mandel and Benthall, FAccT 2025): how fast a model
family gathers derivatives after its release and after its successor's, and whether derivative
activity moves to the newest release (nomadic) or stays with older ones (persistent).

Metrics in :mod:`~analysis.lifecycle.metrics` (SQL in ``sql/``; family trees from
:mod:`analysis.lineage`), charts in :mod:`~analysis.lifecycle.figures`, findings in
:mod:`~analysis.lifecycle.findings`; every definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.lifecycle import figures
from analysis.lifecycle.findings import findings
from analysis.lifecycle.metrics import (
    GENERATION_GAP_DAYS,
    MIN_DERIVATIVES,
    MIN_WINDOW_DERIVATIVES,
    N_WEEKS,
    THRESHOLD,
    TOO_FEW,
    WINDOW_WEEKS,
    classify,
    derivative_rates,
    pick_line,
    releases,
    require_window,
    top_lines,
)

__all__ = [
    "GENERATION_GAP_DAYS",
    "MIN_DERIVATIVES",
    "MIN_WINDOW_DERIVATIVES",
    "N_WEEKS",
    "THRESHOLD",
    "TOO_FEW",
    "WINDOW_WEEKS",
    "classify",
    "derivative_rates",
    "figures",
    "findings",
    "pick_line",
    "releases",
    "require_window",
    "top_lines",
]
