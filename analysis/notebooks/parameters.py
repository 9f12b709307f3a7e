"""Notebook parameters: the cell tagged ``parameters`` (its names and defaults), the cell tagged
``injected-parameters`` that assigns the values of a run (as papermill does), and values given
as ``name=value`` on the command line."""

from __future__ import annotations

import ast
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat

from analysis.notebooks.document import NotebookError

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
#: The cell tag Quarto honours to leave a cell (code and output) out of a rendered page.
REMOVE_TAG = "remove-cell"

#: Values a parameter may take (written into the notebook as Python literals).
ParamValue = str | int | float | bool | None | dt.date | Sequence[Any]


def parameters_cell_index(nb: nbformat.NotebookNode, path: Path | str = "<notebook>") -> int:
    """Index of the one code cell tagged ``parameters``; an error naming ``path`` otherwise."""
    found = [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code" and PARAMETERS_TAG in cell.get("metadata", {}).get("tags", [])
    ]
    if not found:
        raise NotebookError(f"{path}: no code cell is tagged {PARAMETERS_TAG!r}")
    if len(found) > 1:
        raise NotebookError(
            f"{path}: {len(found)} cells are tagged {PARAMETERS_TAG!r} (cells {found}); expected one"
        )
    return found[0]


def declared_parameters(
    nb: nbformat.NotebookNode, path: Path | str = "<notebook>"
) -> dict[str, Any]:
    """The names assigned in the ``parameters`` cell and their default values (literals only)."""
    source = nb.cells[parameters_cell_index(nb, path)].source
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise NotebookError(
            f"{path}: the parameters cell is not valid Python ({exc.msg}, line {exc.lineno})"
        ) from exc
    out: dict[str, Any] = {}
    for node in tree.body:
        targets: list[ast.expr] = []
        value: ast.expr | None = None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        for target in targets:
            if isinstance(target, ast.Name) and value is not None:
                try:
                    out[target.id] = ast.literal_eval(value)
                except ValueError:
                    out[target.id] = ast.unparse(value)
    return out


def _literal(name: str, value: Any) -> str:
    """``value`` as a Python literal; dates become ISO strings. Anything else is refused."""
    if isinstance(value, dt.date):
        return repr(value.isoformat())
    if value is None or isinstance(value, bool | int | float | str):
        text = repr(value)
    elif isinstance(value, list | tuple):
        text = "[" + ", ".join(_literal(name, v) for v in value) + "]"
    else:
        raise NotebookError(
            f"parameter {name!r}: cannot pass a value of type {type(value).__name__} ({value!r})"
        )
    if isinstance(value, float) and not (value == value and abs(value) != float("inf")):
        raise NotebookError(f"parameter {name!r}: {value!r} is not a finite number")
    return text


def inject_parameters(
    nb: nbformat.NotebookNode, parameters: Mapping[str, ParamValue], path: Path | str = "<notebook>"
) -> nbformat.NotebookNode:
    """Insert (or replace) the ``injected-parameters`` cell after the ``parameters`` cell.

    Every name must be declared in the ``parameters`` cell: a typo is an error, not a silently
    ignored value.
    """
    declared = declared_parameters(nb, path)
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise NotebookError(
            f"{path}: unknown parameter(s) {', '.join(unknown)}; the parameters cell declares "
            f"{', '.join(sorted(declared)) or 'nothing'}"
        )
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    index = parameters_cell_index(nb, path)
    lines = ["# Parameters (injected by analysis.notebooks)"]
    lines += [f"{name} = {_literal(name, value)}" for name, value in parameters.items()]
    # Hidden on rendered pages: Quarto drops a cell tagged ``remove-cell`` (code and output) from
    # an .ipynb; Jupyter front ends collapse its source through ``jupyter.source_hidden``.
    cell = nbformat.v4.new_code_cell(
        source="\n".join(lines),
        metadata={"tags": [INJECTED_TAG, REMOVE_TAG], "jupyter": {"source_hidden": True}},
    )
    cell["id"] = INJECTED_TAG
    nb.cells.insert(index + 1, cell)
    return nb


def parse_param(text: str, declared: Mapping[str, Any]) -> tuple[str, ParamValue]:
    """``name=value`` from the command line: the value is read as JSON when it parses (numbers,
    null, true, lists), else kept as text; ``name`` must be declared in the parameters cell."""
    name, sep, raw = text.partition("=")
    if not sep or not name:
        raise NotebookError(f"parameter {text!r}: expected name=value")
    if name not in declared:
        raise NotebookError(
            f"parameter {name!r} is not declared in the notebook's parameters cell "
            f"(declared: {', '.join(sorted(declared))})"
        )
    try:
        value: ParamValue = json.loads(raw)
    except ValueError:
        value = raw
    return name, value
