"""The analysis notebooks are parameterized: a different parameter really changes what they
compute."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from notebook_outputs import figure_data

from analysis.notebooks import declared_parameters, execute_notebook
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT

NOTEBOOKS = ["growth", "organizations", "datasets", "concentration", "licences"]
NB_DIR = PROJECT_ROOT / "notebooks"


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_parameters_cell(name: str) -> None:
    nb = nbformat.read(NB_DIR / f"{name}.ipynb", as_version=4)
    params = declared_parameters(nb, name)
    assert params["root"] == "data/sample"
    assert params["start"] is None and params["end"] is None


@pytest.mark.slow
def test_end_parameter_changes_the_growth_notebook(tmp_path: Path) -> None:
    if not (SAMPLE_ROOT / "models").is_dir():
        pytest.skip(f"the generated sample is not at {SAMPLE_ROOT} (run `hubobs sample generate`)")
    committed = figure_data(nbformat.read(NB_DIR / "growth.ipynb", as_version=4), "growth-existing")
    out = execute_notebook(
        NB_DIR / "growth.ipynb", tmp_path / "growth.ipynb", {"end": "2024-12-31"}
    )
    rerun = figure_data(out, "growth-existing")
    assert rerun["week"].max() <= "2024-12-31" < committed["week"].max()
    assert 0 < len(rerun) < len(committed)
    # the weeks both cover give the same counts: the parameter narrows, it does not distort
    both = committed.merge(rerun, on=["kind", "week"], suffixes=("_all", "_cut"))
    assert len(both) == len(rerun)
    assert (both["repos_all"] == both["repos_cut"]).all()
