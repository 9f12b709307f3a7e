"""analysis.notebooks: parameters injected like papermill, deterministic, atomic."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import nbformat
import pytest

from analysis import notebooks as nbs


def _notebook(path: Path, body: str = "print(root, week, n)", tagged: bool = True) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# test"),
        nbformat.v4.new_code_cell(
            "root = 'data/sample'\nweek = None\nn: int = 1",
            metadata={"tags": ["parameters"] if tagged else []},
        ),
        nbformat.v4.new_code_cell(body),
    ]
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    nbformat.write(nb, str(path))
    return path


def test_declared_parameters_reads_the_parameters_cell(tmp_path: Path) -> None:
    nb = nbs.read(_notebook(tmp_path / "a.ipynb"))
    assert nbs.declared_parameters(nb) == {"root": "data/sample", "week": None, "n": 1}


def test_injected_cell_follows_the_parameters_cell_and_replaces_an_earlier_one(
    tmp_path: Path,
) -> None:
    nb = nbs.read(_notebook(tmp_path / "a.ipynb"))
    nbs.inject_parameters(nb, {"root": "x"})
    nbs.inject_parameters(nb, {"week": dt.date(2025, 1, 1), "n": 3})
    injected = [c for c in nb.cells if nbs.INJECTED_TAG in c.metadata.get("tags", [])]
    assert len(injected) == 1
    assert nb.cells.index(injected[0]) == 2  # right after the parameters cell (index 1)
    assert "week = '2025-01-01'" in injected[0].source and "n = 3" in injected[0].source
    assert "root" not in injected[0].source


def test_unknown_parameter_and_missing_parameters_cell_are_errors(tmp_path: Path) -> None:
    path = _notebook(tmp_path / "a.ipynb")
    with pytest.raises(nbs.NotebookError, match=r"unknown parameter.*rot"):
        nbs.inject_parameters(nbs.read(path), {"rot": "x"}, path)
    untagged = _notebook(tmp_path / "b.ipynb", tagged=False)
    with pytest.raises(nbs.NotebookError, match=r"b\.ipynb: no code cell is tagged 'parameters'"):
        nbs.execute_notebook(untagged, tmp_path / "out.ipynb", {"root": "x"})
    with pytest.raises(nbs.NotebookError, match="cannot pass a value of type"):
        nbs.inject_parameters(nbs.read(path), {"root": object()})


def test_front_matter_round_trip(tmp_path: Path) -> None:
    nb = nbs.read(_notebook(tmp_path / "a.ipynb"))
    nbs.set_front_matter(nb, {"title": "T: a {week}", "citation": {"type": "report"}})
    nbs.set_front_matter(nb, {"title": "Second"})
    assert nb.cells[0].cell_type == "raw" and nb.cells[1].cell_type == "markdown"
    assert nbs.front_matter(nb) == {"title": "Second"}


def test_execution_uses_parameters_runs_in_the_output_folder_and_is_deterministic(
    tmp_path: Path,
) -> None:
    src = _notebook(
        tmp_path / "a.ipynb", "import os\nprint(root, week, n, os.path.basename(os.getcwd()))"
    )
    out1, out2 = tmp_path / "runxa" / "o.ipynb", tmp_path / "runxb" / "o.ipynb"
    params = {"root": "r", "week": dt.date(2025, 3, 19), "n": 2}
    nbs.execute_notebook(src, out1, params, metadata={"title": "x"})
    nbs.execute_notebook(src, out2, params, metadata={"title": "x"})
    nb = nbformat.read(str(out1), as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert text == "r 2025-03-19 2 runxa\n"
    # nothing volatile: the two runs differ only by the folder name they printed
    a = json.loads(out1.read_text())
    b = json.loads(out2.read_text())
    assert json.dumps(a).replace("runxa", "runxb") == json.dumps(b)
    assert "execution" not in json.dumps([c.get("metadata", {}) for c in a["cells"]])
    assert a["metadata"]["kernelspec"]["name"] == "python3"
    assert oct(out1.stat().st_mode & 0o777) == "0o644"


def test_a_failed_run_leaves_the_earlier_output_untouched(tmp_path: Path) -> None:
    good = _notebook(tmp_path / "good.ipynb", "print('ok')")
    bad = _notebook(tmp_path / "bad.ipynb", "raise ValueError('boom in cell')")
    out = tmp_path / "out.ipynb"
    nbs.execute_notebook(good, out, {"root": "x"})
    before = out.read_bytes()
    with pytest.raises(nbs.NotebookError, match="boom in cell"):
        nbs.execute_notebook(bad, out, {"root": "x"})
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_no_kernel_is_left_running(tmp_path: Path) -> None:
    import os
    import subprocess

    def children() -> set[str]:
        out = subprocess.run(
            ["pgrep", "-P", str(os.getpid())], capture_output=True, text=True, check=False
        )
        return set(out.stdout.split())

    before = children()  # other tests' helpers (browsers, servers) may still be winding down
    nbs.execute_notebook(
        _notebook(tmp_path / "a.ipynb", "print(1)"), tmp_path / "o.ipynb", {"root": "x"}
    )
    assert children() - before == set()
