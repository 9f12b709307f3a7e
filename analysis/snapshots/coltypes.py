"""Column types across weeks: merging a column's arrow types and naming them for DuckDB.

Structs are merged field by field (the set of ``safetensors.parameters`` dtype fields grows
over time), so a week's struct is cast by name into the union of all fields, never narrowed:
no field of any week is dropped.
"""

from __future__ import annotations

from functools import lru_cache

import duckdb
import pyarrow as pa

from analysis.errors import SnapshotError


class Incompatible(Exception):
    """Two types of one column that cannot be merged (e.g. a struct and a string)."""


def _is_list(t: pa.DataType) -> bool:
    return bool(pa.types.is_list(t) or pa.types.is_large_list(t))


def _is_text(t: pa.DataType) -> bool:
    return bool(pa.types.is_string(t) or pa.types.is_large_string(t))


def merge(canonical: pa.DataType, other: pa.DataType) -> pa.DataType:
    """A type both can be cast to by name without loss (``canonical`` wins for scalars)."""
    if canonical.equals(other):
        return canonical
    if pa.types.is_struct(canonical) or pa.types.is_struct(other):
        if not (pa.types.is_struct(canonical) and pa.types.is_struct(other)):
            raise Incompatible(f"{canonical} vs {other}")
        fields = {f.name: f.type for f in canonical}
        for f in other:
            fields[f.name] = merge(fields[f.name], f.type) if f.name in fields else f.type
        return pa.struct([pa.field(n, t) for n, t in fields.items()])
    if _is_list(canonical) or _is_list(other):
        if not (_is_list(canonical) and _is_list(other)):
            raise Incompatible(f"{canonical} vs {other}")
        return pa.list_(merge(canonical.value_type, other.value_type))
    if _is_text(canonical) and _is_text(other):
        return pa.string()
    if pa.types.is_nested(canonical) or pa.types.is_nested(other):
        raise Incompatible(f"{canonical} vs {other}")
    return canonical


def unknown_fields(expected: pa.DataType, actual: pa.DataType, path: str) -> list[tuple[str, str]]:
    """The struct fields (at any depth, through lists) ``actual`` has and ``expected`` does not:
    (dotted path from ``path``, arrow type), in the file's order."""
    if _is_list(expected) and _is_list(actual):
        return unknown_fields(expected.value_type, actual.value_type, path)
    if not (pa.types.is_struct(expected) and pa.types.is_struct(actual)):
        return []
    known = {f.name: f.type for f in expected}
    out: list[tuple[str, str]] = []
    for f in actual:
        sub = f"{path}.{f.name}"
        if f.name in known:
            out += unknown_fields(known[f.name], f.type, sub)
        else:
            out.append((sub, str(f.type)))
    return out


def merge_extra(first: pa.DataType, other: pa.DataType) -> pa.DataType:
    """The type of a column the schema does not know, seen with different types in two weeks."""
    try:
        return merge(first, other)
    except Incompatible:
        return pa.string()


@lru_cache(maxsize=512)
def _duckdb_type(t: pa.DataType) -> str:
    table = pa.schema([pa.field("c", t)]).empty_table()
    con = duckdb.connect()
    try:
        con.register("t", table)
        row = con.execute("DESCRIBE SELECT c FROM t").fetchone()
    finally:
        con.close()
    assert row is not None
    return str(row[1])


def duckdb_type(t: pa.DataType) -> str:
    """DuckDB's name of an arrow type, as DuckDB itself writes it (struct fields quoted)."""
    try:
        return _duckdb_type(t)
    except duckdb.Error as exc:
        raise SnapshotError(f"arrow type {t} has no DuckDB equivalent: {exc}") from exc


def ident(name: str) -> str:
    """A SQL identifier, double-quoted with embedded quotes doubled."""
    if "\x00" in name:
        raise SnapshotError(f"column name with a NUL character: {name!r}")
    return '"' + name.replace('"', '""') + '"'


GLOB_CHARS = frozenset("*?[]{}")


def path_literal(path: str) -> str:
    """A file path as a SQL string literal for ``read_parquet`` (quotes doubled).

    DuckDB expands glob characters in paths, so a path containing one is refused rather
    than risk reading other files.
    """
    if GLOB_CHARS & set(path) or "\x00" in path:
        raise SnapshotError(f"{path}: path contains a glob character or NUL; move the root")
    return "'" + path.replace("'", "''") + "'"
