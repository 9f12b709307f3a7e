"""Growth: models, datasets and spaces existing and created, per week and per month.

Metrics in :mod:`~analysis.growth.metrics` (SQL in ``sql/``), charts in
:mod:`~analysis.growth.figures`, findings in :mod:`~analysis.growth.findings`; every definition
in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.growth import figures
from analysis.growth.findings import findings
from analysis.growth.metrics import changes, monthly, top_created, weekly

__all__ = ["changes", "figures", "findings", "monthly", "top_created", "weekly"]
