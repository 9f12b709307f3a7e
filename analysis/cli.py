"""The one command-line entry point: ``hubobs <subcommand>`` (also ``python -m analysis``).

Each subcommand lives in the module that does the work; that module exposes
``register(subparsers)`` adding its parser and setting ``func`` (called with the parsed
arguments, returning an exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys

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
)


from analysis.errors import HubObsError as CliError  # noqa: E402  (the CLI prints these plainly)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="hubobs",
        description="Hub Observatory: fetch, generate, describe and analyse Hugging Face Hub weekly snapshots.",
    )
    sub = p.add_subparsers(dest="command", metavar="<command>")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # that part is not built yet
            raise
        module.register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "func", None):
        p.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print(f"hubobs {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"hubobs {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
