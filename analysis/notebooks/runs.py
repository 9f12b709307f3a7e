"""``hubobs run``'s folders: a run of a notebook with parameters, executed into a folder of its
own (by default ``runs/<notebook>-<hash>/``, ignored by git) that appears whole or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.notebooks.document import NotebookError, read, write_atomic
from analysis.notebooks.kernel import deferred_interrupts, execute
from analysis.notebooks.parameters import ParamValue, inject_parameters, parameters_cell_index
from analysis.paths import PROJECT_ROOT

#: Where ``hubobs run`` puts a run's folder unless ``--out`` says otherwise (ignored by git).
RUNS_DIR = PROJECT_ROOT / "runs"
#: The file in a run's folder that records what ran (and marks the folder as a run's).
RUN_RECORD = "run.json"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _notebook_key(source: Path) -> str:
    """The notebook as the run's name records it: relative to the project when inside it."""
    resolved = source.resolve()
    try:
        return resolved.relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(resolved)


def run_name(source: str | os.PathLike[str], parameters: Mapping[str, ParamValue]) -> str:
    """``<notebook>-<hash>``: the notebook's name (its folder's for an ``index.ipynb``) and the
    first 10 hex digits of the sha256 of the notebook's path and the parameters (as JSON)."""
    source = Path(source)
    label = source.parent.name if source.stem == "index" and source.parent.name else source.stem
    label = re.sub(r"[^A-Za-z0-9._-]+", "_", label).lstrip(".") or "notebook"
    key = json.dumps(
        {"notebook": _notebook_key(source), "parameters": _jsonable(dict(parameters))},
        sort_keys=True,
        ensure_ascii=True,
    )
    return f"{label}-{hashlib.sha256(key.encode()).hexdigest()[:10]}"


def _check_target(target: Path) -> None:
    """A run may replace an earlier run's folder or an empty one, nothing else."""
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise NotebookError(f"{target}: exists and is not a folder; choose another --out")
    if any(target.iterdir()) and not (target / RUN_RECORD).is_file():
        raise NotebookError(
            f"{target}: exists and is not the folder of an earlier run (it has no {RUN_RECORD}); "
            "choose another --out"
        )


def _place(work: Path, target: Path) -> None:
    """Make the finished folder ``work`` the folder ``target`` (replacing an earlier run's)."""
    if not target.exists():
        os.rename(work, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)  # a fresh name for the earlier run while the new one takes its place
    os.rename(target, old)
    try:
        os.rename(work, target)
    except BaseException:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def run_notebook(
    source: str | os.PathLike[str],
    parameters: Mapping[str, ParamValue] | None = None,
    out: str | os.PathLike[str] | None = None,
    *,
    timeout: int = 900,
) -> Path:
    """Execute ``source`` with ``parameters`` into a folder of its own; return the folder.

    The folder is ``out``, else ``runs/<run_name>`` under the project (ignored by git). It holds
    the executed notebook (under the source's file name), every file the kernel wrote (its
    working directory is the folder, and ``HUBOBS_OUTPUT_DIR`` names it) and ``run.json``
    (notebook and parameters). The run executes in a temporary sibling folder renamed into
    place when it succeeds: the folder appears whole or not at all, and a failed or
    interrupted run leaves nothing (an earlier run's folder of the same name stays as it was).
    """
    source = Path(source)
    params = dict(parameters or {})
    target = (Path(out) if out is not None else RUNS_DIR / run_name(source, params)).absolute()
    nb = read(source)
    if params:
        inject_parameters(nb, params, source)
    else:
        parameters_cell_index(nb, source)
    _check_target(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        executed = execute(nb, cwd=work, name=str(source), timeout=timeout, output_dir=work)
        write_atomic(executed, work / source.name)
        record = {"notebook": _notebook_key(source), "parameters": _jsonable(params)}
        atomic.write_text(work / RUN_RECORD, json.dumps(record, indent=1, sort_keys=True) + "\n")
        os.chmod(work, 0o755)  # mkdtemp makes 0700
        with deferred_interrupts():
            _check_target(target)  # another run may have taken the name meanwhile
            _place(work, target)
    except BaseException:
        with deferred_interrupts():
            shutil.rmtree(work, ignore_errors=True)
        raise
    return target
