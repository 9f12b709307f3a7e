"""A notebook run with a different parameter really computes something else.

The committed ``notebooks/tracker.ipynb`` names no base model: it follows the release of the
range with the most direct derivatives (``qirin-lab/Qirin2.5-7B-Instruct`` on the sample).
Executed with ``analysis.notebooks`` (the build's injection) into a temporary folder with
another ``base_model``, its chart data and findings must follow the other model.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pandas as pd
import pytest
from notebook_outputs import figure_data

from analysis import notebooks as nbs
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT

TRACKER = PROJECT_ROOT / "notebooks" / "tracker.ipynb"
OTHER = "owlworks/owl-oss-20b"  # a fictional base model of the sample, released later


def _findings(nb: nbformat.NotebookNode) -> str:
    for cell in nb.cells:
        if cell.cell_type == "code" and "#| label: findings-tracker" in cell.source:
            return "".join(o.get("data", {}).get("text/markdown", "") for o in cell.outputs)
    raise AssertionError("no findings-tracker cell")


@pytest.mark.skipif(
    not (SAMPLE_ROOT / "models").is_dir(), reason="the generated sample is not present"
)
def test_tracker_follows_the_base_model_parameter(tmp_path: Path) -> None:
    committed = nbs.read(TRACKER)
    default = nbs.declared_parameters(committed, TRACKER)["base_model"]
    assert default is None
    out = tmp_path / "tracker.ipynb"
    executed = nbs.execute_notebook(TRACKER, out, {"base_model": OTHER}, timeout=120)

    injected = [c for c in executed.cells if nbs.INJECTED_TAG in c.metadata.get("tags", [])]
    assert len(injected) == 1 and f"base_model = {OTHER!r}" in injected[0].source

    # the findings name the other model, the committed ones the default
    mine = _findings(executed).replace("\\", "")
    theirs = _findings(committed).replace("\\", "")
    assert "owl" in mine and "Qirin2.5" not in mine
    assert "Qirin2.5" in theirs and "owl" not in theirs

    # the chart data written beside the executed copy differs from the committed figure's
    new = pd.read_csv(tmp_path / "tracker-relations.csv")
    old = figure_data(committed, "tracker-relations")
    assert not new.equals(old)
    # the other model was released later: fewer weeks since release than the default's series
    assert new["weeks_since_release"].max() < old["weeks_since_release"].max()
    # the committed notebook and its CSVs were not touched by the run
    assert nbs.read(TRACKER).cells == committed.cells
