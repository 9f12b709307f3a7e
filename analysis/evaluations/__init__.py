"""Evaluations: the results model cards report (``model-index``), the benchmarks they name and
how concentrated reporting is on a few of them, who reports, whether derivatives report their
base's benchmarks, and the benchmarks as datasets.

Metrics in :mod:`~analysis.evaluations.metrics` (SQL in ``sql/``; the cards are parsed, bounded,
only in the fact ``analysis/facts/sql/models__evaluations.sql``), charts in
:mod:`~analysis.evaluations.figures`, findings in :mod:`~analysis.evaluations.findings`; every
definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.evaluations import figures
from analysis.evaluations.findings import findings
from analysis.evaluations.metrics import (
    benchmark_datasets,
    by_org_kind,
    families,
    tasks_by_org_kind,
    top_benchmarks,
    weekly,
)

__all__ = [
    "benchmark_datasets",
    "by_org_kind",
    "families",
    "figures",
    "findings",
    "tasks_by_org_kind",
    "top_benchmarks",
    "weekly",
]
