"""Organizations: who holds and creates the repositories, by owner, kind of organization and
country, and the week-by-week activity of the most active creators.

Metrics in :mod:`~analysis.organizations.metrics` (SQL in ``sql/``), charts in
:mod:`~analysis.organizations.figures`, findings in :mod:`~analysis.organizations.findings`;
every definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.organizations import figures
from analysis.organizations.findings import countries, findings
from analysis.organizations.metrics import (
    KINDS,
    contributions,
    coverage,
    coverage_note,
    heatmap,
    newcomers,
    top_contributors,
)

__all__ = [
    "KINDS",
    "contributions",
    "countries",
    "coverage",
    "coverage_note",
    "figures",
    "findings",
    "heatmap",
    "newcomers",
    "top_contributors",
]
