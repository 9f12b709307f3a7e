"""Running a notebook's cells with the ``python3`` kernel, deterministically.

The kernel is driven from a worker thread, so that Ctrl-C reaches this process's main thread
only: the kernel is then killed, the worker wound down, and :class:`KeyboardInterrupt` raised
once (nbclient's own signal handling, which shuts the kernel down under the running event loop
and ends in tracebacks, is never installed).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import os
import re
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from analysis.notebooks.document import (
    KERNEL_NAME,
    NotebookError,
    normalize,
    read,
    set_front_matter,
    write_atomic,
)
from analysis.notebooks.parameters import (
    INJECTED_TAG,
    ParamValue,
    inject_parameters,
    parameters_cell_index,
)
from analysis.paths import PROJECT_ROOT

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: The environment variable telling the kernel where its outputs go (the run's folder).
OUTPUT_DIR_ENV = "HUBOBS_OUTPUT_DIR"
#: How long to wait for a killed kernel's worker thread to wind down after Ctrl-C.
_STOP_WAIT_S = 30.0


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
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
            with deferred_interrupts():
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
    return normalize(nb)


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
