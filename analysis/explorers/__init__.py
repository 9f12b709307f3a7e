"""The interactive explorers (``explorers/*/index.ipynb``): data shaping and charts with a picker.

Each explorer is one published chart (:func:`analysis.publish.figure` with
``explorers.<name>``) whose data holds every choice the reader can make, bounded in size, and
whose Vega-Lite spec filters it with a parameter bound to a drop-down list. Hub text (model,
dataset and organization ids) stays in data values, never in field names; the picker's options
are the same values, cleaned as ``publish`` cleans the data (:func:`analysis.escape.clean`), so
a choice always matches its rows.

* **Base models** (:mod:`~analysis.explorers.base_models`),
* **Organizations** (:mod:`~analysis.explorers.organizations`),
* **Datasets** (:mod:`~analysis.explorers.datasets`);

charts in :mod:`~analysis.explorers.figures`, words in ``definitions.yml``. Two explorers draw
themselves with their own script instead of a chart (:mod:`~analysis.explorers.page`, script and
style in ``assets/``): **ModelVerse** (:mod:`~analysis.explorers.modelverse`) and **Family
trees** (:mod:`~analysis.explorers.family_trees`).
"""

from __future__ import annotations

from analysis.explorers import figures
from analysis.explorers.base_models import base_models, top_bases
from analysis.explorers.common import ALL, options
from analysis.explorers.datasets import (
    BENCHMARK_LABELS,
    NO_DOMAIN,
    dataset_explorer,
    dataset_labels,
)
from analysis.explorers.family_trees import family_trees
from analysis.explorers.family_trees import payload as family_trees_payload
from analysis.explorers.modelverse import modelverse
from analysis.explorers.modelverse import payload as modelverse_payload
from analysis.explorers.organizations import org_activity
from analysis.explorers.page import Explorer, explorer

__all__ = [
    "ALL",
    "BENCHMARK_LABELS",
    "NO_DOMAIN",
    "Explorer",
    "base_models",
    "dataset_explorer",
    "dataset_labels",
    "explorer",
    "family_trees",
    "family_trees_payload",
    "figures",
    "modelverse",
    "modelverse_payload",
    "options",
    "org_activity",
    "top_bases",
]
