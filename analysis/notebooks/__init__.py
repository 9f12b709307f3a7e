"""Executing a notebook with parameters, deterministically.

Like papermill, :func:`execute_notebook` finds the cell tagged ``parameters``, inserts a cell
tagged ``injected-parameters`` right after it that assigns the given values, and runs every cell
with the ``python3`` kernel in the notebook's folder. Unlike a plain run, the result does not
depend on when or where it ran: no execution timestamps, no papermill metadata, fixed cell ids
for the cells we add, a fixed kernel spec, and the kernel runs with ``PYTHONHASHSEED=0``. The
output file is written atomically (temporary file, then ``os.replace``): a failed run leaves any
earlier output untouched.

``hubobs run`` goes through :func:`run_notebook` instead: the executed notebook and every file the
kernel writes go into a folder of the run's own (by default ``runs/<notebook>-<hash>/``, ignored
by git), never beside the source notebook; the kernel runs in that folder, with
``HUBOBS_OUTPUT_DIR`` naming it, and the folder appears whole or not at all.

The modules: :mod:`~analysis.notebooks.document` (reading and writing a notebook, its YAML
front matter for Quarto, what is stripped after a run), :mod:`~analysis.notebooks.parameters`
(the ``parameters`` cell and the injected one), :mod:`~analysis.notebooks.kernel` (running the
cells, Ctrl-C), :mod:`~analysis.notebooks.runs` (``hubobs run``'s folders) and
:mod:`~analysis.notebooks.cli` (the command). Everything public is importable from here.
"""

from __future__ import annotations

from analysis.notebooks.cli import register
from analysis.notebooks.document import (
    KERNEL_NAME,
    KERNELSPEC,
    NotebookError,
    front_matter,
    read,
    set_front_matter,
    write_atomic,
)
from analysis.notebooks.kernel import OUTPUT_DIR_ENV, execute, execute_notebook
from analysis.notebooks.parameters import (
    INJECTED_TAG,
    PARAMETERS_TAG,
    REMOVE_TAG,
    ParamValue,
    declared_parameters,
    inject_parameters,
    parameters_cell_index,
)
from analysis.notebooks.runs import RUN_RECORD, RUNS_DIR, run_name, run_notebook

__all__ = [
    "INJECTED_TAG",
    "KERNELSPEC",
    "KERNEL_NAME",
    "OUTPUT_DIR_ENV",
    "PARAMETERS_TAG",
    "REMOVE_TAG",
    "RUNS_DIR",
    "RUN_RECORD",
    "NotebookError",
    "ParamValue",
    "declared_parameters",
    "execute",
    "execute_notebook",
    "front_matter",
    "inject_parameters",
    "parameters_cell_index",
    "read",
    "register",
    "run_name",
    "run_notebook",
    "set_front_matter",
    "write_atomic",
]
