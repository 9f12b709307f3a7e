"""A notebook as a file: reading it, writing it whole, its Quarto front matter, and what is
taken out of an executed notebook so that re-execution gives the same file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, cast

import nbformat
import yaml

from analysis import atomic
from analysis.errors import HubObsError

KERNEL_NAME = "python3"
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3 (ipykernel)", "language": "python"}


class NotebookError(HubObsError):
    """A notebook is malformed (no ``parameters`` cell, unknown parameter) or failed to run."""


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return cast(nbformat.NotebookNode, nbformat.read(str(path), as_version=4))
    except FileNotFoundError:
        raise NotebookError(f"{path}: notebook not found") from None
    except Exception as exc:  # nbformat raises several kinds of errors on bad JSON/schema
        raise NotebookError(f"{path}: not a readable notebook ({exc})") from exc


def front_matter(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """The YAML front matter of a notebook's raw first cell ({} when there is none)."""
    if nb.cells and nb.cells[0].cell_type == "raw":
        text = nb.cells[0].source.strip()
        if text.startswith("---"):
            body = text[3:]
            end = body.rfind("---")
            data = yaml.safe_load(body[:end] if end >= 0 else body)
            return data if isinstance(data, dict) else {}
    return {}


def set_front_matter(
    nb: nbformat.NotebookNode, metadata: Mapping[str, Any]
) -> nbformat.NotebookNode:
    """Replace (or add) the raw first cell holding YAML front matter for Quarto."""
    text = yaml.safe_dump(
        dict(metadata), sort_keys=False, allow_unicode=True, default_flow_style=False
    )
    cell = nbformat.v4.new_raw_cell(source=f"---\n{text}---")
    cell["id"] = "front-matter"
    if (
        nb.cells
        and nb.cells[0].cell_type == "raw"
        and nb.cells[0].source.lstrip().startswith("---")
    ):
        nb.cells[0] = cell
    else:
        nb.cells.insert(0, cell)
    return nb


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what changes from run to run without the results changing."""
    for key in ("papermill", "widgets", "execution"):
        nb.metadata.pop(key, None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    li = nb.metadata.get("language_info")
    if isinstance(li, dict):  # keep the language, not the patch level of the machine that ran it
        nb.metadata["language_info"] = {
            k: li[k] for k in ("name", "file_extension", "mimetype") if k in li
        }
    for i, cell in enumerate(nb.cells):
        md = cell.get("metadata", {})
        for key in ("execution", "papermill", "collapsed", "scrolled", "ExecuteTime"):
            md.pop(key, None)
        if not cell.get("id"):
            cell["id"] = f"cell-{i}"
    nb.nbformat, nb.nbformat_minor = 4, 5
    return nb


def write_atomic(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write ``nb`` to ``path`` whole or not at all (a failed run leaves the earlier file)."""
    with atomic.replacing(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
        nbformat.write(nb, f)
