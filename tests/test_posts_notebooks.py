"""The analytical posts (issue 4, item 3) and the hidden injected-parameters cell.

The posts are notebooks executed on the sample: a raw front-matter cell Quarto reads, a hidden
parameters cell, hidden code, and charts whose data (CSV) sits beside the post. The cell the build
injects after the parameters cell must not show on a rendered page.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis import notebooks as nbs
from analysis.paths import PROJECT_ROOT

POSTS = [
    "2026-11-28-what-the-hub-builds",
    "2026-11-28-how-concentrated-is-attention",
    "2026-11-28-licence-drift",
]


def test_the_injected_parameters_cell_is_removed_from_rendered_pages(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("# t"),
        nbformat.v4.new_code_cell("root = 'x'", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("print(root)"),
    ]
    nbs.inject_parameters(nb, {"root": "y"})
    injected = nb.cells[2]
    assert nbs.INJECTED_TAG in injected.metadata["tags"]
    assert "remove-cell" in injected.metadata["tags"]  # Quarto drops the cell, code and output
    assert injected.metadata["jupyter"]["source_hidden"] is True
    assert "remove-cell" not in nb.cells[3].metadata.get("tags", [])  # other cells untouched
    # and it stays so through execution and normalization
    src = tmp_path / "a.ipynb"
    for i, c in enumerate(nb.cells):
        c["id"] = f"c{i}"
    nb.cells = [c for c in nb.cells if nbs.INJECTED_TAG not in c.metadata.get("tags", [])]
    nbformat.write(nb, str(src))
    out = nbs.execute_notebook(src, tmp_path / "o.ipynb", {"root": "z"})
    cell = next(c for c in out.cells if nbs.INJECTED_TAG in c.metadata.get("tags", []))
    assert cell.metadata["tags"] == [nbs.INJECTED_TAG, "remove-cell"]
    assert cell.metadata["jupyter"] == {"source_hidden": True}


@pytest.mark.parametrize("slug", POSTS)
def test_post_structure(slug: str) -> None:
    path = PROJECT_ROOT / "posts" / slug / "index.ipynb"
    nb = nbs.read(path)
    meta = nbs.front_matter(nb)
    assert meta["title"] and meta["description"] and meta["date"] and meta["categories"]
    assert meta["citation"]["type"] == "post-weblog"
    params = nb.cells[nbs.parameters_cell_index(nb, path)]
    assert "remove-cell" in params.metadata["tags"]
    assert nbs.declared_parameters(nb, path)["root"] == "data/sample"
    for cell in nb.cells:
        if cell.cell_type == "code":
            tags = set(cell.metadata.get("tags", []))
            assert tags & {"remove-cell", "remove-input"}, (
                f"{slug}: code shows on the page: {cell.source[:60]}"
            )
            assert not [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    names = re.findall(
        r'name="([^"]+)"', "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    )
    assert names, f"{slug}: no chart"
    for name in names:  # every chart's data beside the post
        assert (path.parent / f"{name}.csv").is_file(), f"{slug}: {name}.csv missing"
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "generated sample" in prose and "## Methods and limitations" in prose
    findings = [
        o["data"]["text/markdown"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/markdown" in o.get("data", {})
    ]
    assert findings and all("Source" in f for f in findings), (
        f"{slug}: findings without a source line"
    )


def test_the_concentration_post_states_the_reference_as_published() -> None:
    nb = nbs.read(PROJECT_ROOT / "posts" / POSTS[1] / "index.ipynb")
    text = "\n".join(
        o["data"].get("text/markdown", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "data" in o
    )
    assert "Osborne, Ding and Kirk published" in text and "not computed here" in text


@pytest.mark.parametrize(
    "path", sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.stem
)
def test_each_analysis_notebook_has_one_main_figure_for_the_paper(path: Path) -> None:
    """The paper embeds ``<stem>.ipynb#fig-<stem>``: exactly one chart cell carries that label on its first line."""
    nb = nbs.read(path)
    label = f"#| label: fig-{path.stem}"
    cells = [
        c for c in nb.cells if c.cell_type == "code" and c.source.split("\n", 1)[0].strip() == label
    ]
    assert len(cells) == 1, f"{path.name}: {len(cells)} cells labelled fig-{path.stem}"
    assert "publish(" in cells[0].source, (
        f"{path.name}: the fig-{path.stem} cell publishes no chart"
    )
    assert any("text/html" in o.get("data", {}) for o in cells[0].get("outputs", [])), (
        f"{path.name}: not executed"
    )


def test_every_paper_embed_names_an_existing_notebook_and_label() -> None:
    text = (PROJECT_ROOT / "paper/index.qmd").read_text(encoding="utf-8")
    embeds = re.findall(r"\{\{<\s*embed\s+([^#\s]+)#([\w-]+)\s*>\}\}", text)
    assert embeds
    for target, label in embeds:
        nb_path = (PROJECT_ROOT / "paper" / target).resolve()
        assert nb_path.is_file(), f"paper embeds {target}, which does not exist"
        sources = [c.source for c in nbs.read(nb_path).cells if c.cell_type == "code"]
        assert any(s.split("\n", 1)[0].strip() == f"#| label: {label}" for s in sources), (
            f"{target}: no {label}"
        )
