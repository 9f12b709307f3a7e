"""The analytical posts and notebooks, and the hidden injected-parameters cell.

The posts are notebooks executed on the sample: a raw front-matter cell Quarto reads, a hidden
parameters cell, hidden code, and charts published by name (their data is written under
``data/derived/``). The cell the build injects after the parameters cell must not show on a page.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from analysis import definitions
from analysis import notebooks as nbs
from analysis.paths import PROJECT_ROOT

POSTS = [
    "2026-11-28-what-the-hub-builds",
    "2026-11-28-how-concentrated-is-attention",
    "2026-11-28-licence-drift",
    "2026-12-02-evaluation-landscape",
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
    refs = re.findall(
        r'figure\(\s*"([\w.]+)"', "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    )
    assert refs, f"{slug}: no chart"
    html = "\n".join(
        "".join(o["data"]["text/html"])
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    )
    for ref in refs:  # every chart is defined, and links its data outside the source folders
        name = definitions.figure(ref).name
        assert f'href="../../data/derived/posts/{slug}/{name}.csv"' in html, (
            f"{slug}: {name}.csv not linked"
        )
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
def test_every_figure_of_an_analysis_notebook_is_labelled_for_the_paper(path: Path) -> None:
    """Each figure cell publishes ``<analysis>.<key>`` and carries the label ``fig-<name>`` on its
    first line (what the paper embeds); each analysis defines figures the notebook shows."""
    nb = nbs.read(path)
    analysis = definitions.load(path.stem)
    shown = []
    for c in nb.cells:
        m = re.search(r'figure\(\s*"([\w.]+)"', c.source) if c.cell_type == "code" else None
        if m is None:
            continue
        fig = definitions.figure(m.group(1))
        assert fig.analysis == analysis.name, f"{path.name}: shows {fig.ref} of another analysis"
        assert c.source.split("\n", 1)[0].strip() == f"#| label: {fig.label}", (
            f"{path.name}: the cell of {fig.ref} is not labelled {fig.label}"
        )
        assert any("text/html" in o.get("data", {}) for o in c.get("outputs", [])), (
            f"{path.name}: {fig.ref} not executed"
        )
        shown.append(fig.key)
    assert sorted(shown) == sorted(analysis.figures), f"{path.name}: shows {shown}"


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
