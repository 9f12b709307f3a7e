"""Datasets: the most downloaded datasets and the share that are evaluation benchmarks; task
categories and domains over time; which kinds of organization build the foundational datasets.

Metrics in :mod:`~analysis.datasets.metrics` (SQL in ``sql/``), charts in
:mod:`~analysis.datasets.figures`, findings in :mod:`~analysis.datasets.findings`; every
definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.datasets import figures
from analysis.datasets.findings import findings
from analysis.datasets.metrics import (
    TOP_KEPT,
    benchmark_share,
    domains_over_time,
    foundational,
    foundational_by_org_kind,
    tasks_over_time,
    top_datasets,
)

__all__ = [
    "TOP_KEPT",
    "benchmark_share",
    "domains_over_time",
    "figures",
    "findings",
    "foundational",
    "foundational_by_org_kind",
    "tasks_over_time",
    "top_datasets",
]
