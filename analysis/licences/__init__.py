"""Licences: the licence mix over time, and licence drift from parent to derivative (after
Laufer, Oderinwale and Kleinberg, arXiv 2508.06811).

Metrics in :mod:`~analysis.licences.metrics` (SQL in ``sql/``), charts in
:mod:`~analysis.licences.figures`, findings in :mod:`~analysis.licences.findings`; every
definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.licences import figures
from analysis.licences.findings import findings, trends
from analysis.licences.metrics import KINDS, drift, drift_pairs, mix_over_time

__all__ = ["KINDS", "drift", "drift_pairs", "figures", "findings", "mix_over_time", "trends"]
