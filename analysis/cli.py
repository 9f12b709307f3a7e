"""The one command-line entry point: ``hubobs <subcommand>`` (also ``python -m analysis``).

Each subcommand lives in the module that does the work; that module exposes
``register(subparsers)`` adding its parser and setting ``func`` (called with the parsed
arguments, returning an exit code).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import signal
import sys
import traceback
from collections.abc import Iterator

#: (module, what it adds) in the order ``--help`` lists them.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "analysis.fetch.cli",  # fetch: download weeks from the Hub
    "analysis.remote",  # query: query a week on the Hub without downloading it
    "analysis.sample.cli",  # sample: generate the bundled sample or a benchmark-size week
    "analysis.snapshots.cli",  # describe, manifest, verify
    "analysis.facts.cli",  # facts: reduce weeks to per-week fact tables
    "analysis.notebooks",  # run: execute one notebook with parameters
    "analysis.nbsync",  # notebooks: keep notebooks in step with the definitions files
    "analysis.build",  # build: execute notebooks and report versions for the site
    "analysis.reports.branch",  # reports: restore versions from / push them to the branch
)


from analysis.errors import HubObsError as CliError  # noqa: E402  (the CLI prints these plainly)
from analysis.errors import printable  # noqa: E402


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hubobs",
        description="Hub Observatory: fetch, generate, describe and analyse Hugging Face Hub weekly snapshots.",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="after an error, also print its details (such as a notebook kernel's traceback)",
    )
    sub = p.add_subparsers(dest="command", metavar="<command>")
    for name in SUBCOMMAND_MODULES:  # a module that fails to import is an error, never skipped
        importlib.import_module(name).register(sub)
    return p


@contextlib.contextmanager
def _no_interrupts() -> Iterator[None]:
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: nothing to hold back
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _say(text: str) -> None:
    """Print to stderr with every control character from the data shown as an escape."""
    print(printable(text), file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; every message it prints on stderr is free of control characters.

    An error a user can act on (:class:`analysis.errors.HubObsError`) is one message, exit 2
    (its details, such as a kernel's traceback, after it with ``--verbose``); Ctrl-C is one line,
    exit 130; anything else is a bug: its traceback, escaped likewise, exit 1.
    """
    command, args = "hubobs", None
    try:
        p = parser()
        args = p.parse_args(argv)
        if not getattr(args, "func", None):
            p.print_help()
            return 2
        command = f"hubobs {args.command}"
        return int(args.func(args) or 0)
    except CliError as exc:
        _say(f"{command}: error: {exc}")
        if exc.details and getattr(args, "verbose", False):
            _say(exc.details.rstrip("\n"))
        elif exc.details and args is not None:
            _say(f"(hubobs --verbose {args.command} ... prints the details)")
        return 2
    except KeyboardInterrupt:
        with _no_interrupts():  # a second Ctrl-C while saying so: no traceback either
            _say(f"{command}: interrupted")
        return 130
    except Exception:
        _say(traceback.format_exc().rstrip("\n"))
        _say(f"{command}: internal error (a bug: the traceback above says where)")
        return 1


if __name__ == "__main__":
    sys.exit(main())
