"""Checking a generated sample against its committed checksums, and saying exactly what differs.

Two committed files describe the sample: ``data/sample.sha256`` (``sha256sum`` lines, one per
file) and ``data/sample.columns.json`` (for every parquet file, a short digest of each column's
values in blocks of :data:`BLOCK_ROWS` rows). When a file's bytes differ, the column digests
locate the first column and block of rows whose *values* differ; when every value is the same but
the bytes are not, the parquet writer (the pyarrow version) is the cause.

The generator is built to give the same bytes on every CPU and OS (:mod:`analysis.sample.detmath`),
so a difference in values is a defect of the generator, never something to fix by overwriting the
committed checksums.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis import paths
from analysis.errors import HubObsError, SnapshotError
from analysis.files import sha256_file
from analysis.sample.write import parse_checksums, write_text

#: Rows per digest block in ``sample.columns.json``.
BLOCK_ROWS = 512
_DIGEST_CHARS = 8
DIGESTS_VERSION = 1


def _block_digest(values: list[Any]) -> str:
    text = json.dumps(values, default=str, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:_DIGEST_CHARS]


def column_digests(path: Path, block_rows: int = BLOCK_ROWS) -> dict[str, Any]:
    """``{"rows": n, "columns": {name: concatenated block digests}}`` of one parquet file."""
    table = pq.read_table(path)
    cols = {}
    for name in table.column_names:
        col = table.column(name)
        cols[name] = "".join(
            _block_digest(col.slice(start, block_rows).to_pylist())
            for start in range(0, max(table.num_rows, 1), block_rows)
        )
    return {"rows": table.num_rows, "columns": cols}


def digests_document(root: Path, files: Iterable[str]) -> dict[str, Any]:
    return {
        "version": DIGESTS_VERSION,
        "block_rows": BLOCK_ROWS,
        "pyarrow": pa.__version__,
        "files": {
            rel: column_digests(root / rel) for rel in sorted(files) if rel.endswith(".parquet")
        },
    }


def write_digests(path: Path, root: Path, files: Iterable[str]) -> None:
    doc = digests_document(root, files)
    write_text(path, json.dumps(doc, indent=1) + "\n")  # columns keep the file order


def digests_path(checksums: Path) -> Path:
    """``data/sample.sha256`` → ``data/sample.columns.json``."""
    return checksums.with_name(checksums.name.removesuffix(".sha256") + ".columns.json")


@dataclass(frozen=True)
class Difference:
    """Where two versions of a parquet file first differ."""

    column: str | None  # None: the values are equal (the bytes are not) or the shapes differ
    first_row: int | None
    last_row: int | None  # the end of the block when only a block is known
    detail: str
    values_equal: bool = False

    def describe(self) -> str:
        if self.column is None:
            return self.detail
        if self.first_row == self.last_row:
            return f"column {self.column!r} differs first at row {self.first_row}{self.detail}"
        return (
            f"column {self.column!r} differs first in rows {self.first_row}-{self.last_row}"
            f"{self.detail}"
        )


def locate_by_digests(path: Path, expected: dict[str, Any], block_rows: int) -> Difference:
    """The first column (in file order) and block of rows whose values differ from the digests."""
    got = column_digests(path, block_rows)
    if got["rows"] != expected["rows"]:
        return Difference(
            None, None, None, f"{got['rows']} rows where {expected['rows']} were expected"
        )
    if list(got["columns"]) != list(expected["columns"]):
        return Difference(
            None,
            None,
            None,
            f"columns {list(got['columns'])} where {list(expected['columns'])} were expected",
        )
    best: tuple[int, int, str] | None = None
    for order, (name, digest) in enumerate(got["columns"].items()):
        want = expected["columns"][name]
        if digest == want:
            continue
        block = next(
            i // _DIGEST_CHARS
            for i in range(0, len(digest), _DIGEST_CHARS)
            if digest[i : i + _DIGEST_CHARS] != want[i : i + _DIGEST_CHARS]
        )
        if best is None or block < best[0] or (block == best[0] and order < best[1]):
            best = (block, order, name)
    if best is None:
        return Difference(None, None, None, "every value is as expected but the bytes differ", True)
    block, _, name = best
    first = block * block_rows
    return Difference(name, first, min(first + block_rows, got["rows"]) - 1, "")


def first_difference(a: Path, b: Path) -> Difference:
    """The first column and row at which two parquet files' values differ (exact row)."""
    ta, tb = pq.read_table(a), pq.read_table(b)
    if ta.schema != tb.schema:
        return Difference(None, None, None, f"schemas differ: {ta.schema} / {tb.schema}")
    if ta.num_rows != tb.num_rows:
        return Difference(None, None, None, f"{ta.num_rows} rows against {tb.num_rows}")
    best: tuple[int, str, Any, Any] | None = None
    for name in ta.column_names:
        ca, cb = ta.column(name), tb.column(name)
        if ca.equals(cb):
            continue
        for start in range(0, ta.num_rows, BLOCK_ROWS):
            va = ca.slice(start, BLOCK_ROWS).to_pylist()
            vb = cb.slice(start, BLOCK_ROWS).to_pylist()
            if va != vb:
                i = next(i for i, (x, y) in enumerate(zip(va, vb, strict=True)) if x != y)
                row = start + i
                if best is None or row < best[0]:
                    best = (row, name, va[i], vb[i])
                break
    if best is None:
        return Difference(None, None, None, "every value is equal but the bytes differ", True)
    row, name, x, y = best
    return Difference(name, row, row, f": {_short(x)} against {_short(y)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _read_digests(path: Path) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise HubObsError(f"{path}: not a column-digest file: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("version") != DIGESTS_VERSION:
        raise HubObsError(f"{path}: unknown column-digest version {doc.get('version')!r}")
    return doc


GENERATOR_AT_FAULT = (
    "This is a defect of the sample generator (analysis/sample/), not of your machine: the "
    "generator must write the same bytes on every CPU and operating system. Please report it "
    "with the lines above and the output of `python -c 'import numpy; numpy.show_runtime()'`. "
    "Do not overwrite data/sample.sha256: every other machine would then fail instead."
)


def verify_sample(
    root: str | os.PathLike[str] = paths.SAMPLE_ROOT,
    checksums: str | os.PathLike[str] = paths.SAMPLE_CHECKSUMS,
) -> int:
    """Check every file listed in ``checksums`` against ``root``; returns the number checked.

    Raises :class:`SnapshotError` naming each missing or differing file and, for parquet files,
    the first column and rows whose values differ (from the column digests beside the checksums).
    """
    root, checksums = Path(root), Path(checksums)
    if not checksums.is_file():
        raise SnapshotError(f"{checksums}: checksum file not found")
    expected = parse_checksums(checksums)
    digests: dict[str, Any] | None = None
    missing: list[str] = []
    values: list[str] = []  # files whose values differ: the generator's fault
    bytes_only: list[str] = []  # same values, other bytes: the parquet writer's
    damaged: list[str] = []  # not readable: changed or cut after it was written
    for rel, digest in sorted(expected.items()):
        path = root / rel
        if not path.is_file():
            missing.append(f"{path}: missing")
            continue
        if sha256_file(path) == digest:
            continue
        if digests is None:
            digests = _read_digests(digests_path(checksums)) or {"files": {}}
        known = digests["files"].get(rel)
        if known is None:
            values.append(f"{path}: content differs")
            continue
        try:
            diff = locate_by_digests(path, known, int(digests.get("block_rows", BLOCK_ROWS)))
        except (OSError, pa.ArrowException) as exc:
            damaged.append(f"{path}: cannot be read as parquet ({exc})")
            continue
        (bytes_only if diff.values_equal else values).append(f"{path}: {diff.describe()}")
    problems = missing + damaged + values + bytes_only
    if not problems:
        return len(expected)
    head = (
        f"the generated sample in {root} differs from {checksums} in {len(problems)} of "
        f"{len(expected)} files:\n  " + "\n  ".join(problems)
    )
    if values:
        raise SnapshotError(f"{head}\n{GENERATOR_AT_FAULT}")
    if damaged:
        raise SnapshotError(
            f"{head}\nA file that cannot be read was damaged after it was written: delete "
            f"{root} and run `hubobs sample verify --generate-if-missing` to write it again."
        )
    if bytes_only:
        wanted = (digests or {}).get("pyarrow", "?")
        raise SnapshotError(
            f"{head}\nEvery value is as generated, but the parquet bytes differ: the files were "
            f"written by pyarrow {pa.__version__}, the checksums by pyarrow {wanted}. Install the "
            "locked versions (scripts/setup.sh installs requirements.lock)."
        )
    raise SnapshotError(f"{head}\nGenerate the sample with `hubobs sample generate`.")


__all__ = [
    "BLOCK_ROWS",
    "GENERATOR_AT_FAULT",
    "Difference",
    "column_digests",
    "digests_path",
    "first_difference",
    "locate_by_digests",
    "verify_sample",
    "write_digests",
]
