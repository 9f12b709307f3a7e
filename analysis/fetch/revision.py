"""The dataset revision a snapshot root holds: read it, check a fetch does not mix revisions, record it.

The root-level record is the snapshot layer's ``<root>/REVISION`` (line 1 the commit sha, a
line ``generated: true`` for a generated root; ``generator.json`` also marks one), read and
written through ``analysis.snapshots.revision`` (``read_revision``/``write_revision``), with a
local fallback writing the same format when that layer is absent. A root fetched with
``--allow-mixed-revisions`` records ``mixed`` on line 1 and the commits on a ``revisions:`` line.
Each fetched file's own revision, sha256 and size also go to ``<root>/.fetch/files.json``, so
a mixed root still says which file came from which commit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.errors import FetchError
from analysis.schema import KINDS, REPO_ID

REVISION_FILE = "REVISION"
GENERATOR_FILE = "generator.json"
FILES_RECORD = Path(".fetch") / "files.json"
MIXED = "mixed"


@dataclass(frozen=True)
class RootRevision:
    revision: str
    generated: bool
    revisions: tuple[str, ...] = ()  # every commit the files came from, when mixed


def read_root_revision(root: Path) -> RootRevision | None:
    """The root's recorded revision, or ``None`` when it has no ``REVISION`` and is not generated."""
    root = Path(root)
    path = root / REVISION_FILE
    generated = (root / GENERATOR_FILE).is_file()
    if not path.is_file():
        return RootRevision("generated", True) if generated else None
    lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not lines:
        raise FetchError(f"{path}: empty; expected the dataset revision on line 1")
    revisions: tuple[str, ...] = ()
    for ln in lines[1:]:
        key, _, value = ln.partition(":")
        key = key.strip().lower()
        if key == "generated" and value.strip().lower() == "true":
            generated = True
        elif key == "revisions":
            revisions = tuple(value.split())
    return RootRevision(lines[0], generated, revisions)


def _snapshot_files(root: Path) -> list[Path]:
    return sorted(p for kind in KINDS for p in (root / kind).glob(f"*/{kind}.parquet"))


def check_root(root: Path, revision: str, *, allow_mixed: bool) -> None:
    """Refuse to put files of ``revision`` into a root holding another revision or generated data."""
    root = Path(root)
    current = read_root_revision(root)
    if current is not None and current.generated:
        raise FetchError(
            f"{root} holds a GENERATED sample (its {REVISION_FILE} or {GENERATOR_FILE} says so); real Hub "
            "files must not be mixed with generated ones. Fetch into another --root."
        )
    if allow_mixed:
        return
    if current is None:
        existing = _snapshot_files(root)
        if existing:
            raise FetchError(
                f"{root} already holds {len(existing)} snapshot file(s) (e.g. {existing[0].relative_to(root)}) "
                f"but no {REVISION_FILE} record, so their revision is unknown. Fetch into an empty --root, "
                "or pass --allow-mixed-revisions to accept it."
            )
        return
    if current.revision != revision:
        raise FetchError(
            f"{root} holds revision {current.revision[:12]} of {REPO_ID}, and this fetch is at revision "
            f"{revision[:12]}: one root holds one revision, so results name one. Pass "
            f"--revision {current.revision} to fetch more weeks of the same revision, fetch into another "
            "--root, or pass --allow-mixed-revisions to mix them (the root's revision is then recorded as "
            f"'{MIXED}')."
        )


def _read_files_record(root: Path) -> dict[str, Any]:
    path = root / FILES_RECORD
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise FetchError(
            f"{path}: not valid JSON ({exc}); remove it to start the record afresh"
        ) from None
    return data if isinstance(data, dict) else {}


def record_file(root: Path, rel_path: str, *, revision: str, sha256: str, size: int) -> None:
    """Note in ``.fetch/files.json`` which revision the placed file ``rel_path`` came from."""
    root = Path(root)
    data = _read_files_record(root)
    data[rel_path] = {"revision": revision, "sha256": sha256, "bytes": size}
    atomic.write_text(root / FILES_RECORD, json.dumps(dict(sorted(data.items())), indent=1) + "\n")


def record_revision(root: Path, revision: str) -> RootRevision:
    """Record ``revision`` as the root's; a root that already holds another one becomes ``mixed``."""
    root = Path(root)
    current = read_root_revision(root)
    revisions = set(current.revisions) if current else set()
    if current is not None and current.revision != MIXED:
        revisions.add(current.revision)
    if current is None and _snapshot_files(root):
        revisions.add("unknown")
    revisions.add(revision)
    final = revision if len(revisions) == 1 else MIXED
    new = RootRevision(final, False, tuple(sorted(revisions)) if final == MIXED else ())
    if current == new:
        return new
    writer = _snapshot_writer()
    if writer is not None and final != MIXED:
        writer(root, final, generated=False)
    else:
        text = final + "\n" + (f"revisions: {' '.join(new.revisions)}\n" if final == MIXED else "")
        atomic.write_text(root / REVISION_FILE, text)
    return new


def _snapshot_writer() -> Any:
    """The snapshot layer's ``write_revision(root, revision, generated=False)``, when it exists."""
    try:
        from analysis.snapshots.revision import write_revision
    except ImportError:
        return None
    return write_revision
