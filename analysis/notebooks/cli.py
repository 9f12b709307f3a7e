"""The ``hubobs run`` command: execute one notebook with parameters into a folder of its own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from analysis.notebooks import runs
from analysis.notebooks.document import read
from analysis.notebooks.kernel import OUTPUT_DIR_ENV
from analysis.notebooks.parameters import declared_parameters, parse_param


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _run(args: Any) -> int:
    source = Path(args.notebook)
    declared = declared_parameters(read(source), source)
    params = dict(parse_param(p, declared) for p in args.param)
    folder = runs.run_notebook(source, params, args.out, timeout=args.timeout)
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
        help=f"the run's folder (default: {runs.RUNS_DIR}/<notebook>-<hash>/); an earlier run's "
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
