"""``hubobs run``: one notebook executed with parameters from the command line."""

from __future__ import annotations

from pathlib import Path

import nbformat

from analysis.cli import main


def _notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    params = nbformat.v4.new_code_cell('root = "data/sample"\nn = 1')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("print(root, n * 2)")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def _printed(path: Path) -> str:
    nb = nbformat.read(path, 4)
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_run_injects_parameters_and_writes_beside(tmp_path: Path) -> None:
    nb = _notebook(tmp_path / "a.ipynb")
    assert main(["run", str(nb), "-p", "n=21", "-p", "root=data/hub"]) == 0
    assert _printed(tmp_path / "a.run.ipynb") == "data/hub 42\n"
    assert _printed(nb) == ""  # the source notebook is left as it was


def test_run_refuses_an_undeclared_parameter(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    nb = _notebook(tmp_path / "a.ipynb")
    assert main(["run", str(nb), "-p", "weeks=3", "-o", str(tmp_path / "o.ipynb")]) == 2
    assert "'weeks' is not declared" in capsys.readouterr().err
    assert not (tmp_path / "o.ipynb").exists()
