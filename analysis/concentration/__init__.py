"""Attention concentration: per week, the share of models with zero downloads, the top-1% share
of downloads and the Gini coefficient; the same for likes and all-time downloads.

Metrics in :mod:`~analysis.concentration.metrics` (SQL in ``sql/``), charts in
:mod:`~analysis.concentration.figures`, findings in :mod:`~analysis.concentration.findings`;
every definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.concentration import figures
from analysis.concentration.findings import findings, over_time
from analysis.concentration.metrics import MEASURES, published_reference, weekly

__all__ = ["MEASURES", "figures", "findings", "over_time", "published_reference", "weekly"]
