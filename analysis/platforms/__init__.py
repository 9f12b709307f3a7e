"""Models as platforms: derivatives per base model (fine-tunes, quantizations, adapters,
merges), directly and over the whole family tree; the largest families over time; family depth
and breadth; the share of new models that declare a base model.

Metrics in :mod:`~analysis.platforms.metrics` (SQL in ``sql/``; the family trees themselves in
:mod:`analysis.lineage`), charts in :mod:`~analysis.platforms.figures`, findings in
:mod:`~analysis.platforms.findings`; every definition in ``definitions.yml``.
"""

from __future__ import annotations

from analysis.platforms import figures
from analysis.platforms.findings import findings
from analysis.platforms.metrics import (
    base_share,
    declared_base_share,
    declared_relations,
    derivatives_gained,
    derivatives_per_base,
    family_shape,
    link_counts,
    top_families_over_time,
)

__all__ = [
    "base_share",
    "declared_base_share",
    "declared_relations",
    "derivatives_gained",
    "derivatives_per_base",
    "family_shape",
    "figures",
    "findings",
    "link_counts",
    "top_families_over_time",
]
