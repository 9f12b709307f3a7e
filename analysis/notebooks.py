"""Executing a notebook with parameters, deterministically.

Like papermill, :func:`execute_notebook` finds the cell tagged ``parameters``, inserts a cell
tagged ``injected-parameters`` right after it that assigns the given values, and runs every cell
with the ``python3`` kernel in the notebook's folder. Unlike a plain run, the result does not
depend on when or where it ran: no execution timestamps, no papermill metadata, fixed cell ids
for the cells we add, a fixed kernel spec, and the kernel runs with ``PYTHONHASHSEED=0``. The
output file is written atomically (temporary file, then ``os.replace``): a failed run leaves any
earlier output untouched.

The same module writes the YAML front matter Quarto reads from a notebook (a raw first cell).
"""

from __future__ import annotations

import ast
import datetime as dt
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import nbformat
import yaml
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from analysis import atomic
from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"
#: The cell tag Quarto honours to leave a cell (code and output) out of a rendered page.
REMOVE_TAG = "remove-cell"
KERNEL_NAME = "python3"
KERNELSPEC = {"name": KERNEL_NAME, "display_name": "Python 3 (ipykernel)", "language": "python"}

#: Values a parameter may take (written into the notebook as Python literals).
ParamValue = str | int | float | bool | None | dt.date | Sequence[Any]


class NotebookError(HubObsError):
    """A notebook is malformed (no ``parameters`` cell, unknown parameter) or failed to run."""


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return nbformat.read(str(path), as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"{path}: notebook not found") from None
    except Exception as exc:  # nbformat raises several kinds of errors on bad JSON/schema
        raise NotebookError(f"{path}: not a readable notebook ({exc})") from exc


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


def _normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
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


def execute(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    name: str = "<notebook>",
    timeout: int = 900,
) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in ``cwd`` with the ``python3`` kernel; return the executed notebook."""
    env = dict(os.environ)
    env.update({"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "HF_HUB_DISABLE_TELEMETRY": "1"})
    # the kernel imports this project's ``analysis`` whether or not it is pip-installed
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    # IPC (Unix sockets in a private folder) rather than TCP ports: kernels started at the same
    # time by concurrent builds or tests cannot race for a port.
    with tempfile.TemporaryDirectory(prefix="hubobs-kernel-") as sockets:
        km = KernelManager(kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(sockets, "k"))
        client = NotebookClient(
            nb,
            km=km,
            kernel_name=KERNEL_NAME,
            timeout=timeout,
            record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
        )
        try:
            client.execute(env=env, cwd=str(cwd))
        except CellExecutionError as exc:
            raise NotebookError(f"{name}: a cell failed:\n{_ANSI.sub('', str(exc))}") from exc
        except (CellTimeoutError, DeadKernelError, RuntimeError) as exc:
            raise NotebookError(f"{name}: execution stopped: {exc}") from exc
        finally:  # nbclient does not shut down a kernel manager it was given
            if km.has_kernel:
                km.shutdown_kernel(now=True)
    return _normalize(nb)


def execute_notebook(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, ParamValue] | None = None,
    *,
    metadata: Mapping[str, Any] | None = None,
    timeout: int = 900,
) -> nbformat.NotebookNode:
    """Execute ``source`` with ``parameters`` and write it to ``output`` (default: in place).

    The kernel's working directory is the folder of ``output`` (where the notebook will live,
    so the files it writes beside itself end up beside it). ``metadata`` becomes the notebook's
    YAML front matter (a raw first cell) when given.
    """
    source = Path(source)
    output = Path(output) if output is not None else source
    nb = read(source)
    if parameters:
        inject_parameters(nb, parameters, source)
    else:
        parameters_cell_index(nb, source)  # every notebook we run is parameterized
    if metadata is not None:
        set_front_matter(nb, metadata)
    output.parent.mkdir(parents=True, exist_ok=True)
    executed = execute(nb, cwd=output.parent.resolve(), name=str(source), timeout=timeout)
    write_atomic(executed, output)
    return executed


def _parse_param(text: str, declared: Mapping[str, Any]) -> tuple[str, ParamValue]:
    """``name=value`` from the command line: the value is read as JSON when it parses (numbers,
    null, true, lists), else kept as text; ``name`` must be declared in the parameters cell."""
    import json

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


def _run(args: Any) -> int:
    source = Path(args.notebook)
    output = Path(args.output) if args.output else source.with_name(f"{source.stem}.run.ipynb")
    declared = declared_parameters(read(source), source)
    params = dict(_parse_param(p, declared) for p in args.param)
    execute_notebook(source, output, params)
    print(f"wrote {output} (parameters: {params or 'defaults'})")
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "run",
        help="execute one parameterized notebook on a snapshot of your choice",
        description=(
            "Execute a notebook with parameters injected after its `parameters` cell (as papermill "
            "and Quarto's -P do). The output goes beside it as <name>.run.ipynb unless --output is "
            "given; chart CSVs are written beside the output. Example: hubobs run "
            "notebooks/growth.ipynb -p root=data/hub -p start=2025-01-01"
        ),
    )
    p.add_argument("notebook", help="the notebook to execute")
    p.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a parameter (repeatable); the value is JSON when it parses, else text",
    )
    p.add_argument("-o", "--output", help="where to write the executed notebook")
    p.set_defaults(func=_run)
