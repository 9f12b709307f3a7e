"""Arguments every ``hubobs`` subcommand spells the same way."""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis.errors import HubObsError
from analysis.paths import SAMPLE_ROOT, resolve

ROOT_HELP = f"snapshot root, relative to the project (default: the bundled sample, {SAMPLE_ROOT})"


def add_root(parser: argparse.ArgumentParser, *, positional: bool = False) -> None:
    """``--root ROOT`` (and, where a subcommand always took one, the same as a positional)."""
    parser.add_argument("--root", dest="root_option", metavar="ROOT", help=ROOT_HELP)
    if positional:
        parser.add_argument("root", nargs="?", help=f"the same as --root ({ROOT_HELP})")


def root_of(args: argparse.Namespace) -> Path:
    """The root the arguments name (resolved like every path of the project), else the sample."""
    given = [r for r in (getattr(args, "root", None), getattr(args, "root_option", None)) if r]
    if len(set(given)) > 1:
        raise HubObsError(f"two different roots given: {given[0]!r} and {given[1]!r}")
    return resolve(given[0]) if given else SAMPLE_ROOT


__all__ = ["ROOT_HELP", "add_root", "root_of"]
