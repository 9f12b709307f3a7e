"""Faulty and hostile parquet files for the error-message tests, built with pyarrow.

Each helper writes one kind of damage a real root can hold: a file cut short, a column of the
wrong type whose values carry terminal escapes and NUL, and a file whose footer is intact but one
of whose data pages is overwritten (found only when the page is decoded).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

#: An id/name/value that would recolour and clear a terminal, hold a NUL and a bidi override.
HOSTILE = "org/\x1b[31mred\x1b[2J\x00nul\u202eevil"
#: The same as the CLI shows it (every control character as a visible escape).
HOSTILE_SHOWN = "org/\\x1b[31mred\\x1b[2J\\x00nul\\u202eevil"


def truncate(path: Path) -> Path:
    """Cut ``path`` to half its size (the footer is lost)."""
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def damage_page(path: Path, column: str) -> Path:
    """Rewrite ``path`` (snappy, no dictionary, one row group) and overwrite the middle of
    ``column``'s data page: the footer still reads, decoding that page fails."""
    table = pq.read_table(path)
    pq.write_table(table, path, compression="snappy", use_dictionary=False)
    meta = pq.ParquetFile(path).metadata
    names = [meta.schema.column(i).path for i in range(meta.num_columns)]
    chunk = meta.row_group(0).column(names.index(column))
    start = chunk.data_page_offset
    data = bytearray(path.read_bytes())
    # the middle third of the chunk: past the page header, inside the compressed values
    third = chunk.total_compressed_size // 3
    for i in range(start + third, start + 2 * third):
        data[i] = 0xA5
    path.write_bytes(bytes(data))
    return path


def write(path: Path, table: pa.Table) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path)
    return path
