"""The dataset revision a snapshot root holds, and whether it is the generated sample.

Where it is recorded, in the order it is read:

1. ``<root>/REVISION``: first line the revision (the Hub dataset repo's commit sha, written
   by ``hubobs fetch`` through :func:`write_revision`); a line ``generated: true`` marks a
   generated root.
2. ``<root>/generator.json``: written by the sample generator, its ``revision`` field; a
   root holding this file is always generated.
3. ``<root>/manifest.json``: the revision recorded when the manifest was built.

A root with none of these has revision ``"unknown"`` (shown as such, never invented).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from analysis.errors import SnapshotError
from analysis.snapshots.files import atomic_write_text

REVISION_FILE = "REVISION"
GENERATOR_FILE = "generator.json"
MANIFEST_FILE = "manifest.json"
UNKNOWN = "unknown"


@dataclass(frozen=True)
class Revision:
    revision: str
    generated: bool
    source: str  # the file it was read from, or "none"


def _read_json(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SnapshotError(f"{path}: cannot read JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise SnapshotError(f"{path}: expected a JSON object")
    return data


def read_revision(root: str | os.PathLike[str]) -> Revision:
    """The revision of the root and whether it is generated (see the module docstring)."""
    root = Path(root)
    generator = root / GENERATOR_FILE
    is_generated = generator.is_file()
    rev_file = root / REVISION_FILE
    if rev_file.is_file():
        lines = [ln.strip() for ln in rev_file.read_text(encoding="utf-8").splitlines()]
        lines = [ln for ln in lines if ln]
        if not lines:
            raise SnapshotError(f"{rev_file}: empty; expected the dataset revision on line 1")
        flags = {ln.replace(" ", "").lower() for ln in lines[1:]}
        generated = is_generated or "generated:true" in flags
        return Revision(lines[0], generated, REVISION_FILE)
    if is_generated:
        rev = _read_json(generator).get("revision")
        if not isinstance(rev, str) or not rev:
            raise SnapshotError(f"{generator}: no 'revision' string field")
        return Revision(rev, True, GENERATOR_FILE)
    manifest = root / MANIFEST_FILE
    if manifest.is_file():
        data = _read_json(manifest)
        rev = data.get("revision")
        if isinstance(rev, str) and rev and rev != UNKNOWN:
            return Revision(rev, bool(data.get("generated", False)), MANIFEST_FILE)
    return Revision(UNKNOWN, False, "none")


def write_revision(root: str | os.PathLike[str], revision: str, generated: bool = False) -> Path:
    """Record the revision of the files in ``root`` (atomically); returns the file written."""
    revision = revision.strip()
    if not revision or any(c.isspace() for c in revision):
        raise SnapshotError(f"not a revision: {revision!r}")
    path = Path(root) / REVISION_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, revision + "\n" + ("generated: true\n" if generated else ""))
    return path
