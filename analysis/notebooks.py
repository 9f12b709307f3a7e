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

The kernel is driven from a worker thread, so that Ctrl-C reaches this process's main thread
only: the kernel is then killed, the worker wound down, and :class:`KeyboardInterrupt` raised
once (nbclient's own signal handling, which shuts the kernel down under the running event loop
and ends in tracebacks, is never installed).

The same module writes the YAML front matter Quarto reads from a notebook (a raw first cell).
"""

from __future__ import annotations

import ast
import asyncio
import atexit
import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import nbformat
import yaml
from jupyter_client.manager import AsyncKernelManager
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
#: The environment variable telling the kernel where its outputs go (the run's folder).
OUTPUT_DIR_ENV = "HUBOBS_OUTPUT_DIR"
#: Where ``hubobs run`` puts a run's folder unless ``--out`` says otherwise (ignored by git).
RUNS_DIR = PROJECT_ROOT / "runs"
#: The file in a run's folder that records what ran (and marks the folder as a run's).
RUN_RECORD = "run.json"
#: How long to wait for a killed kernel's worker thread to wind down after Ctrl-C.
_STOP_WAIT_S = 30.0

#: Values a parameter may take (written into the notebook as Python literals).
ParamValue = str | int | float | bool | None | dt.date | Sequence[Any]


class NotebookError(HubObsError):
    """A notebook is malformed (no ``parameters`` cell, unknown parameter) or failed to run."""


def read(path: Path) -> nbformat.NotebookNode:
    try:
        return cast(nbformat.NotebookNode, nbformat.read(str(path), as_version=4))
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


@contextlib.contextmanager
def _deferred_interrupts() -> Iterator[None]:
    """Hold Ctrl-C back while the block runs (cleanup that must finish), then raise it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pending.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pending:
        raise KeyboardInterrupt


def _kill_kernel(km: AsyncKernelManager) -> None:
    """Kill the kernel's process group now (from the main thread, without its event loop)."""
    provisioner = getattr(km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is None or process.poll() is not None:
        return
    pgid = getattr(provisioner, "pgid", None)
    try:
        if pgid and pgid != os.getpgrp():  # the kernel's own group (a session of its own)
            os.killpg(pgid, signal.SIGKILL)
        else:
            process.kill()
    except OSError:
        with contextlib.suppress(OSError):
            process.kill()


def _failed_cell(nb: nbformat.NotebookNode) -> int | None:
    """The index of the cell whose output is the error that stopped the run."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and any(
            o.get("output_type") == "error" for o in cell.get("outputs", [])
        ):
            return i
    return None


def _cell_error(nb: nbformat.NotebookNode, name: str, exc: CellExecutionError) -> NotebookError:
    """The kernel's exception type and message first; its traceback as the details. The cell
    is numbered as in the source notebook (the injected parameters cell not counted)."""
    index = _failed_cell(nb)
    source = [
        i
        for i, c in enumerate(nb.cells)
        if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])
    ]
    where = f"cell {source.index(index) + 1} of {len(source)}" if index in source else "a cell"
    evalue = _ANSI.sub("", str(exc.evalue)).strip("\n")
    return NotebookError(
        f"{name}: {where} raised {exc.ename}: {evalue}", details=_ANSI.sub("", str(exc))
    )


def execute(
    nb: nbformat.NotebookNode,
    *,
    cwd: Path,
    name: str = "<notebook>",
    timeout: int = 900,
    output_dir: Path | None = None,
) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` in ``cwd`` with the ``python3`` kernel; return the executed notebook.

    The kernel's environment is this process's, plus ``PYTHONHASHSEED=0``, the project on
    ``PYTHONPATH`` and ``HUBOBS_OUTPUT_DIR`` = ``output_dir`` when given: the folder that
    receives every output of the run (``hubobs run``, report versions). Without it the variable
    is unset, and figures shown by a notebook of the project write their data under
    ``data/derived/`` (:func:`analysis.publish.chart.output_dir`). A failing cell raises :class:`NotebookError` whose message is the
    kernel's exception (type and message) and whose ``details`` are its traceback. Ctrl-C kills
    the kernel and raises :class:`KeyboardInterrupt` (once, after the kernel is gone).
    """
    env = dict(os.environ)
    env.update({"PYTHONHASHSEED": "0", "MPLBACKEND": "Agg", "HF_HUB_DISABLE_TELEMETRY": "1"})
    env.pop(OUTPUT_DIR_ENV, None)  # never one inherited from the shell
    if output_dir is not None:
        env[OUTPUT_DIR_ENV] = str(output_dir.absolute())
    # the kernel imports this project's ``analysis`` whether or not it is pip-installed
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
    )
    stop = threading.Event()

    def check_stop(**_: Any) -> None:  # nbclient hook: before the first cell and each cell
        if stop.is_set():
            raise KeyboardInterrupt

    outcome: dict[str, BaseException] = {}
    # IPC (Unix sockets in a private folder) rather than TCP ports: kernels started at the same
    # time by concurrent builds or tests cannot race for a port.
    with tempfile.TemporaryDirectory(prefix="hubobs-kernel-") as sockets:
        # The asynchronous manager: its client waits for the kernel's messages without blocking
        # the event loop, so nbclient notices a kernel that died (the blocking client would
        # wait for a message forever).
        km = AsyncKernelManager(
            kernel_name=KERNEL_NAME, transport="ipc", ip=os.path.join(sockets, "k")
        )
        client = NotebookClient(
            nb,
            km=km,
            kernel_name=KERNEL_NAME,
            timeout=timeout,
            record_timing=False,
            resources={"metadata": {"path": str(cwd)}},
            on_notebook_start=check_stop,
            on_cell_start=check_stop,
        )

        def work() -> None:
            loop = asyncio.new_event_loop()  # this thread's own (jupyter_client finds it)
            asyncio.set_event_loop(loop)
            try:
                client.execute(env=env, cwd=str(cwd))
            except BaseException as exc:
                outcome["error"] = exc
            finally:  # nbclient does not shut down a kernel manager it was given
                try:
                    if km.has_kernel:
                        loop.run_until_complete(km.shutdown_kernel(now=True))
                except Exception as exc:  # already dead, or killed on Ctrl-C
                    outcome.setdefault("error", exc)
                finally:
                    # nbclient leaves its exit-time cleanup registered when the kernel dies
                    # while starting (it would fail at exit, ending in an AssertionError)
                    atexit.unregister(client._cleanup_kernel)
                    asyncio.set_event_loop(None)
                    loop.close()
                    done.set()

        # Waited on through an Event, not Thread.join: a Ctrl-C interrupting join() can leave
        # the thread marked as stopped while it runs (CPython before 3.13, bpo-45274).
        done = threading.Event()
        worker = threading.Thread(target=work, name=f"hubobs-kernel {name}", daemon=True)
        worker.start()
        try:
            while not done.wait(0.2):
                pass
        except KeyboardInterrupt:
            with _deferred_interrupts():
                stop.set()
                deadline = time.monotonic() + _STOP_WAIT_S
                while not done.is_set() and time.monotonic() < deadline:
                    _kill_kernel(km)
                    done.wait(0.2)
            raise
    error = outcome.get("error")
    if isinstance(error, CellExecutionError):
        raise _cell_error(nb, name, error) from error
    if isinstance(error, CellTimeoutError | DeadKernelError | RuntimeError):
        raise NotebookError(f"{name}: execution stopped: {error}") from error
    if error is not None:
        raise error
    return _normalize(nb)


def execute_notebook(
    source: str | os.PathLike[str],
    output: str | os.PathLike[str] | None = None,
    parameters: Mapping[str, ParamValue] | None = None,
    *,
    metadata: Mapping[str, Any] | None = None,
    timeout: int = 900,
    output_dir: str | os.PathLike[str] | None = None,
) -> nbformat.NotebookNode:
    """Execute ``source`` with ``parameters`` and write it to ``output`` (default: in place).

    The kernel's working directory is the folder of ``output`` (where the notebook will live,
    so the files it writes beside itself end up beside it). ``metadata`` becomes the notebook's
    YAML front matter (a raw first cell) when given. ``output_dir`` receives the figures' data
    files (``HUBOBS_OUTPUT_DIR``; default: ``data/derived/`` for notebooks of the project).
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
    executed = execute(
        nb,
        cwd=output.parent.resolve(),
        name=str(source),
        timeout=timeout,
        output_dir=Path(output_dir) if output_dir is not None else None,
    )
    write_atomic(executed, output)
    return executed


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
        with _deferred_interrupts():
            _check_target(target)  # another run may have taken the name meanwhile
            _place(work, target)
    except BaseException:
        with _deferred_interrupts():
            shutil.rmtree(work, ignore_errors=True)
        raise
    return target


def _parse_param(text: str, declared: Mapping[str, Any]) -> tuple[str, ParamValue]:
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


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _run(args: Any) -> int:
    source = Path(args.notebook)
    declared = declared_parameters(read(source), source)
    params = dict(_parse_param(p, declared) for p in args.param)
    folder = run_notebook(source, params, args.out, timeout=args.timeout)
    others = sum(1 for p in folder.rglob("*") if p.is_file()) - 2  # the notebook and run.json
    print(
        f"wrote {_shown(folder)}/: {source.name} and {others} other file(s) "
        f"(parameters: {params or 'defaults'})"
    )
    return 0


def register(subparsers: Any) -> None:
    import argparse

    p = subparsers.add_parser(
        "run",
        help="execute one parameterized notebook on a snapshot of your choice",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Execute a notebook with parameters injected after its `parameters` cell (as\n"
            "papermill and Quarto's -P do), into a folder of the run's own: the executed\n"
            "notebook, every file it writes (chart CSVs and specs) and run.json (notebook and\n"
            "parameters). Nothing is written beside the source notebook.\n"
            "\n"
            "The folder is --out DIR, else runs/<notebook>-<hash>/ in the project (ignored by\n"
            "git), <hash> being the first 10 hex digits of the sha256 of the notebook's path and\n"
            "the parameters: the same run lands in the same folder and replaces it. The kernel\n"
            f"runs in that folder, with {OUTPUT_DIR_ENV} set to it. The run executes in a\n"
            "temporary folder beside it, renamed into place when it succeeds: a failed or\n"
            "interrupted run (Ctrl-C: exit 130) leaves nothing. A failing cell is reported by\n"
            "its exception; --verbose adds the kernel's traceback.\n"
            "\n"
            "Example: hubobs run notebooks/growth.ipynb -p root=data/hub -p start=2025-01-01"
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
    p.add_argument(
        "-o",
        "--out",
        metavar="DIR",
        help=f"the run's folder (default: {RUNS_DIR}/<notebook>-<hash>/); an earlier run's "
        "folder is replaced, any other existing non-empty folder refused",
    )
    p.add_argument("--timeout", type=int, default=900, help="seconds a cell may run (default: 900)")
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="on a failing cell, print the kernel's traceback after the error",
    )
    p.set_defaults(func=_run)
