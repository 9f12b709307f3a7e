"""The committed notebooks are the sample-default runs: executed, clean of injected parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import notebooks as nbs
from analysis.build import notebook_paths
from analysis.paths import PROJECT_ROOT

NOTEBOOKS = notebook_paths(PROJECT_ROOT)


def test_the_build_executes_analyses_posts_and_explorers() -> None:
    folders = {p.relative_to(PROJECT_ROOT).parts[0] for p in NOTEBOOKS}
    assert folders == {"notebooks", "posts", "explorers"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_committed_notebook_runs_on_the_sample_defaults(path: Path) -> None:
    nb = nbs.read(path)
    assert nbs.declared_parameters(nb, path)["root"] == "data/sample"
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected == [], (
        f"{path}: committed with injected parameters; rerun `hubobs build` on the sample"
    )
    code = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    assert code and all(c.get("execution_count") for c in code), f"{path}: not executed"
