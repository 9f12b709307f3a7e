"""``hubobs describe``, ``hubobs manifest`` and ``hubobs verify``: what a snapshot root holds."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from analysis.cliargs import add_root
from analysis.cliargs import root_of as _root


def cmd_describe(args: argparse.Namespace) -> int:
    from analysis.snapshots.describe import describe, describe_text

    d = describe(_root(args), check=args.check, quality=not args.no_row_checks)
    if args.json:
        sys.stdout.write(json.dumps(d, indent=1, sort_keys=True) + "\n")
    else:
        sys.stdout.write(describe_text(d))
    return 1 if d["healthy"] is False else 0


def cmd_manifest(args: argparse.Namespace) -> int:
    from analysis.snapshots.manifest import load_manifest, refresh_manifest
    from analysis.snapshots.revision import MANIFEST_FILE

    root = _root(args)
    before = load_manifest(root) if root.is_dir() else None
    old = {(e.path, e.sha256, e.mtime_ns) for e in before.entries} if before else set()
    m = refresh_manifest(root)  # unreadable files: SnapshotError naming each (exit 2)
    changed = sum((e.path, e.sha256, e.mtime_ns) not in old for e in m.entries)
    repeats = sum(e.repeat_of is not None for e in m.entries)
    print(
        f"{root / MANIFEST_FILE}: {len(m.entries)} files, {changed} new or re-hashed, "
        f"{repeats} repeated week(s), revision {m.revision}"
        + (" (GENERATED sample)" if m.generated else "")
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from analysis.snapshots.manifest import verify

    root = _root(args)
    problems = verify(root)
    for p in problems:
        print(f"MISMATCH {p}")
    if problems:
        print(f"{root}: {len(problems)} file(s) do not match the manifest", file=sys.stderr)
        return 1
    print(f"{root}: every file matches the manifest")
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "describe",
        help="what a snapshot root holds: weeks, gaps, revisions, rows, schema eras, repeats",
        description=(
            "Describe a snapshot root (refreshes its manifest.json: hashes new or changed files). "
            "Every file's footer is read; with --check every data page is decoded as well. "
            "The row checks' counts per week (duplicate, NULL or empty ids, NULL authors, "
            "negative or not whole downloads and likes, placeholder or future createdAt, "
            "self-links) read the columns they name from every readable file (--no-row-checks "
            "skips them); nested fields the schema does not know are listed per week. "
            "Exit status 1 when a file or folder cannot be read (the root is not healthy)."
        ),
    )
    add_root(p, positional=True)
    p.add_argument("--json", action="store_true", help="print the description as JSON")
    p.add_argument(
        "--check",
        action="store_true",
        help="decode every data page of every file (reads all the data; names a damaged "
        "column and row group)",
    )
    p.add_argument(
        "--no-row-checks",
        action="store_true",
        help="skip the row checks' counts (footers only: fast on a large root)",
    )
    p.set_defaults(func=cmd_describe)

    p = subparsers.add_parser(
        "manifest",
        help="build or refresh <root>/manifest.json (sha256, bytes, rows, revision per file)",
        description="Build or refresh the manifest; only new or changed files are re-hashed.",
    )
    add_root(p, positional=True)
    p.set_defaults(func=cmd_manifest)

    p = subparsers.add_parser(
        "verify",
        help="re-hash every file and compare with the manifest",
        description="Re-hash every file of the root and compare with manifest.json (exit 1 on a mismatch).",
    )
    add_root(p, positional=True)
    p.set_defaults(func=cmd_verify)
