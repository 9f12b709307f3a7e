"""The manifest of a snapshot root: for each file its week, kind, revision, bytes, sha256, rows.

``<root>/manifest.json`` is written atomically and refreshed incrementally: a file whose size
and modification time are unchanged keeps its recorded hash; any other file is re-hashed and
its parquet footer read again (a file whose footer cannot be read is reported by name).
A week whose file is byte-identical to the kind's previous week is marked ``repeat_of``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.errors import SnapshotError
from analysis.schema import COLUMNS, KINDS
from analysis.snapshots.files import atomic_write_text, sha256_file
from analysis.snapshots.revision import MANIFEST_FILE, read_revision
from analysis.snapshots.root import SnapshotRoot

FORMAT = 1


@dataclass(frozen=True)
class Entry:
    """One file of the root."""

    kind: str
    week: dt.date
    path: str  # relative to the root, e.g. models/2025-01-01/models.parquet
    revision: str
    bytes: int
    mtime_ns: int
    sha256: str
    rows: int
    era: str  # the dated columns the file has (names as analysis.schema.era gives them)
    columns: tuple[str, ...]  # top-level columns in file order
    missing_columns: tuple[str, ...]  # known columns the file lacks
    extra_columns: tuple[str, ...]  # columns the file has that analysis.schema does not know
    repeat_of: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["week"] = self.week.isoformat()
        d["repeat_of"] = self.repeat_of.isoformat() if self.repeat_of else None
        for key in ("columns", "missing_columns", "extra_columns"):
            d[key] = list(d[key])
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entry:
        return cls(
            kind=str(d["kind"]),
            week=dt.date.fromisoformat(d["week"]),
            path=str(d["path"]),
            revision=str(d["revision"]),
            bytes=int(d["bytes"]),
            mtime_ns=int(d["mtime_ns"]),
            sha256=str(d["sha256"]),
            rows=int(d["rows"]),
            era=str(d["era"]),
            columns=tuple(d["columns"]),
            missing_columns=tuple(d["missing_columns"]),
            extra_columns=tuple(d["extra_columns"]),
            repeat_of=dt.date.fromisoformat(d["repeat_of"]) if d.get("repeat_of") else None,
        )


@dataclass(frozen=True)
class Manifest:
    root: Path
    revision: str
    generated: bool
    entries: tuple[Entry, ...]
    #: files that could not be read, by (kind, week): the message naming the file
    unreadable: dict[tuple[str, dt.date], str] = field(default_factory=dict, compare=False)

    def check(self, wanted: list[tuple[str, dt.date]] | None = None) -> None:
        """SnapshotError naming every unreadable file (of ``wanted`` only, if given)."""
        bad = [m for key, m in self.unreadable.items() if wanted is None or key in wanted]
        if bad:
            raise SnapshotError(
                f"{len(bad)} unreadable file(s) in {self.root}:\n"
                + "\n".join(f"  {m}" for m in bad)
            )

    def for_kind(self, kind: str) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.kind == kind)

    def get(self, kind: str, week: dt.date) -> Entry:
        for e in self.entries:
            if e.kind == kind and e.week == week:
                return e
        raise SnapshotError(f"{self.root}: the manifest has no {kind} file for week {week}")

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "revision": self.revision,
            "generated": self.generated,
            "files": [e.to_json() for e in self.entries],
        }

    def text(self) -> str:
        return json.dumps(self.to_json(), indent=1, sort_keys=True) + "\n"


def file_era(kind: str, present: set[str]) -> str:
    """The schema era of a file from the dated columns it actually has (cf. analysis.schema.era)."""
    dated = [c.name for c in COLUMNS[kind] if c.since is not None and c.name in present]
    return "base" if not dated else "base+" + "+".join(dated)


def read_footer(path: Path) -> tuple[pa.Schema, int]:
    """The arrow schema and row count of a parquet file; SnapshotError naming the file if unreadable."""
    try:
        with pq.ParquetFile(path) as f:
            return f.schema_arrow, int(f.metadata.num_rows)
    except FileNotFoundError as exc:
        raise SnapshotError(f"{path}: file not found") from exc
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise SnapshotError(
            f"{path}: not a readable parquet file (corrupt or truncated?): {exc}"
        ) from exc


FETCH_RECORD = Path(".fetch") / "files.json"


def fetch_record(root: Path) -> dict[str, dict[str, Any]]:
    """``hubobs fetch``'s per-file record (revision, sha256, bytes by relative path), if any."""
    try:
        data = json.loads((root / FETCH_RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, dict)} if isinstance(data, dict) else {}


def inspect_file(
    root: Path,
    kind: str,
    week: dt.date,
    revision: str,
    fetched: dict[str, dict[str, Any]] | None = None,
) -> Entry:
    """Hash a file and read its footer. Its revision is the one ``hubobs fetch`` recorded for
    these exact bytes (same sha256), else the root's."""
    rel = f"{kind}/{week.isoformat()}/{kind}.parquet"
    path = root / rel
    st = path.stat()
    schema, rows = read_footer(path)
    digest = sha256_file(path)
    record = (fetched or {}).get(rel, {})
    if record.get("sha256") == digest and isinstance(record.get("revision"), str):
        revision = record["revision"]
    names = list(schema.names)
    known = [c.name for c in COLUMNS[kind]]
    return Entry(
        kind=kind,
        week=week,
        path=rel,
        revision=revision,
        bytes=st.st_size,
        mtime_ns=st.st_mtime_ns,
        sha256=digest,
        rows=rows,
        era=file_era(kind, set(names)),
        columns=tuple(names),
        missing_columns=tuple(c for c in known if c not in names),
        extra_columns=tuple(n for n in names if n not in known),
    )


def mark_repeats(entries: list[Entry]) -> list[Entry]:
    """Set ``repeat_of`` to the kind's previous week when the file's sha256 equals it."""
    out: list[Entry] = []
    previous: dict[str, Entry] = {}
    for e in sorted(entries, key=lambda e: (KINDS.index(e.kind), e.week)):
        prev = previous.get(e.kind)
        repeat = prev.week if prev is not None and prev.sha256 == e.sha256 else None
        out.append(replace(e, repeat_of=repeat))
        previous[e.kind] = e
    return out


def load_manifest(root: str | os.PathLike[str]) -> Manifest | None:
    """The manifest as last written, or None if there is none or it cannot be read."""
    root = Path(root)
    path = root / MANIFEST_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        entries = tuple(Entry.from_json(d) for d in data["files"])
        return Manifest(root, str(data["revision"]), bool(data["generated"]), entries)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a cache: rebuilt from the files


def refresh_manifest(
    root: str | os.PathLike[str] | SnapshotRoot, *, write: bool = True, strict: bool = True
) -> Manifest:
    """Bring the manifest up to date with the files (re-hashing only changed files).

    Writes ``<root>/manifest.json`` when it changed and ``write`` is set (a read-only root
    is used as is, with the manifest kept in memory). Files that cannot be read are left
    out of it; with ``strict`` they are reported together in one SnapshotError (after the
    others are recorded), else in ``Manifest.unreadable``.
    """
    sroot = root if isinstance(root, SnapshotRoot) else SnapshotRoot(root)
    base = sroot.path
    rev = read_revision(base)
    old = load_manifest(base)
    known = {(e.kind, e.week): e for e in old.entries} if old else {}
    entries: list[Entry] = []
    errors: dict[tuple[str, dt.date], str] = {}
    fetched = fetch_record(base)
    for kind in sroot.kinds:
        for week in sroot.weeks(kind):
            path = base / kind / week.isoformat() / f"{kind}.parquet"
            prev = known.get((kind, week))
            try:
                st = path.stat()
                if prev and prev.bytes == st.st_size and prev.mtime_ns == st.st_mtime_ns:
                    entries.append(prev)
                else:
                    entries.append(inspect_file(base, kind, week, rev.revision, fetched))
            except SnapshotError as exc:
                errors[(kind, week)] = str(exc)
            except OSError as exc:
                errors[(kind, week)] = f"{path}: cannot read ({exc})"
    manifest = Manifest(base, rev.revision, rev.generated, tuple(mark_repeats(entries)), errors)
    unchanged = old is not None and (old.revision, old.generated, old.entries) == (
        manifest.revision,
        manifest.generated,
        manifest.entries,
    )
    if write and not unchanged:
        with contextlib.suppress(OSError):  # a read-only root: the manifest stays in memory
            atomic_write_text(base / MANIFEST_FILE, manifest.text())
    if strict:
        manifest.check()
    return manifest


@dataclass(frozen=True)
class Mismatch:
    path: str
    problem: str

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


def verify(root: str | os.PathLike[str]) -> list[Mismatch]:
    """Re-hash every file and compare with the manifest (which is not changed)."""
    sroot = SnapshotRoot(root)
    manifest = load_manifest(sroot.path)
    if manifest is None:
        raise SnapshotError(
            f"{sroot.path}: no readable {MANIFEST_FILE}; run `hubobs manifest` first"
        )
    out: list[Mismatch] = []
    listed = {(e.kind, e.week) for e in manifest.entries}
    for e in manifest.entries:
        path = sroot.path / e.path
        if not path.is_file():
            out.append(Mismatch(e.path, "in the manifest but missing on disk"))
            continue
        size = path.stat().st_size
        if size != e.bytes:
            out.append(Mismatch(e.path, f"size {size} bytes, manifest says {e.bytes}"))
            continue
        digest = sha256_file(path)
        if digest != e.sha256:
            out.append(Mismatch(e.path, f"sha256 {digest}, manifest says {e.sha256}"))
            continue
        try:
            _, rows = read_footer(path)
        except SnapshotError as exc:
            out.append(Mismatch(e.path, str(exc)))
            continue
        if rows != e.rows:
            out.append(Mismatch(e.path, f"{rows} rows, manifest says {e.rows}"))
    for kind in sroot.kinds:
        for week in sroot.weeks(kind):
            if (kind, week) not in listed:
                out.append(Mismatch(sroot.relpath(kind, week), "on disk but not in the manifest"))
    return out
