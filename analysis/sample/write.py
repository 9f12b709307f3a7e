"""Writing generated files: fixed parquet options, atomic placement, checksums."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from analysis import atomic
from analysis.errors import HubObsError
from analysis.files import sha256_file

#: Fixed writer options: together with a fixed seed they make the bytes reproducible
#: (for a given pyarrow version, which generator.json records).
PARQUET_OPTIONS: dict[str, object] = {
    "compression": "zstd",
    "compression_level": 6,
    "write_statistics": True,
    "version": "2.6",
    "data_page_size": 1 << 20,
}
ROW_GROUP_ROWS = 262_144


def _leaf_paths(name: str, t: pa.DataType) -> list[str]:
    """Parquet column paths under an arrow field (lists as ``<name>.list.element``)."""
    if pa.types.is_struct(t):
        return [
            p
            for i in range(t.num_fields)
            for p in _leaf_paths(f"{name}.{t.field(i).name}", t.field(i).type)
        ]
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return _leaf_paths(f"{name}.list.element", t.value_type)
    return [name]


def encodings(schema: pa.Schema) -> dict[str, object]:
    """Per-column options: timestamps delta-encoded (they are nearly sorted), the rest dictionary-encoded."""
    ts = [f.name for f in schema if pa.types.is_timestamp(f.type)]
    return {
        "use_dictionary": [
            p for f in schema if f.name not in ts for p in _leaf_paths(f.name, f.type)
        ],
        "column_encoding": {name: "DELTA_BINARY_PACKED" for name in ts},
    }


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` atomically (a temporary file beside it, then os.replace)."""
    with atomic.replacing(path) as tmp:
        options = {**PARQUET_OPTIONS, **encodings(table.schema)}
        pq.write_table(table, tmp, row_group_size=ROW_GROUP_ROWS, **options)


class ParquetParts:
    """Writing one parquet file in row groups (bounded memory), placed atomically on close."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self.tmp = atomic.temp_beside(path)
        options = {**PARQUET_OPTIONS, **encodings(schema)}
        self.writer = pq.ParquetWriter(self.tmp, schema, **options)

    def write(self, table: pa.Table) -> None:
        self.writer.write_table(table, row_group_size=ROW_GROUP_ROWS)

    def close(self) -> None:
        self.writer.close()
        atomic.place(self.tmp, self.path)

    def abort(self) -> None:
        try:
            self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


write_text = atomic.write_text


def copy_file(src: Path, dst: Path) -> None:
    """Copy bytes atomically (a repeated week is the previous week's file, byte for byte)."""
    with atomic.replacing(dst) as tmp:
        shutil.copyfile(src, tmp)


def checksums_text(root: Path, files: Iterable[str]) -> str:
    """``sha256sum`` format (two spaces, path relative to ``root``), sorted by path."""
    return "".join(f"{sha256_file(root / rel)}  {rel}\n" for rel in sorted(files))


def parse_checksums(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        digest, sep, rel = line.partition("  ")
        if not sep or len(digest) != 64 or not rel:
            raise HubObsError(f"{path}:{n}: not a sha256sum line: {line!r}")
        out[rel.lstrip("*")] = digest
    return out
