"""Notebooks say what the definitions files say: intro and Methods cells and figure captions are
written from ``analysis/<name>/definitions.yml`` by ``hubobs notebooks sync``, never by hand."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from analysis import definitions, nbsync


def test_every_source_notebook_is_in_step_with_its_definitions() -> None:
    stale = nbsync.check()
    assert not stale, f"out of step with their definitions (run `hubobs notebooks sync`): {stale}"


def test_each_analysis_has_its_notebook() -> None:
    for a in definitions.all_analyses():
        if a.name == "week":  # the reports' template presents it
            continue
        nb = nbformat.read(nbsync.PROJECT_ROOT / "notebooks" / f"{a.name}.ipynb", as_version=4)
        assert nb.metadata["hubobs"]["analysis"] == a.name


def test_the_check_finds_a_hand_edited_methods_cell(tmp_path: Path) -> None:
    src = nbsync.PROJECT_ROOT / "notebooks" / "growth.ipynb"
    nb = nbformat.read(src, as_version=4)
    cell = next(c for c in nb.cells if nbsync.METHODS_TAG in c.metadata.get("tags", []))
    cell.source += "\n\nA sentence typed by hand."
    copy = tmp_path / "growth.ipynb"
    nbformat.write(nb, copy)
    assert nbsync.check([copy]) == [str(copy)]
    assert nbsync.sync([copy]) == [copy]
    assert nbsync.check([copy]) == []
    assert "typed by hand" not in copy.read_text()


def test_a_figure_cell_gets_its_title_as_caption(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell('#| label: fig-growth-existing\nfigure("growth.existing")')
    ]
    out = nbsync.synced(nb)
    title = definitions.figure("growth.existing").title
    assert out.cells[0].source.split("\n")[1] == f'#| fig-cap: "{title}"'
    bad = nbformat.v4.new_notebook()
    bad.cells = [nbformat.v4.new_code_cell("#| label: fig-nothing-here\n1")]
    with pytest.raises(Exception, match="fig-nothing-here"):
        nbsync.synced(bad)
