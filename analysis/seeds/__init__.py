"""Shared lists as data: the seed files ``analysis/seeds/<name>.csv`` that several queries read.

A seed is a small CSV file of text columns with a header line, kept in one place so that every
query needing the list reads the same rows: ``domains.csv`` (``domain, keyword``: the tag words
that put a dataset in an application domain) and ``benchmarks.csv`` (``name``: the repository
names of well-known evaluation benchmarks).

A SQL file reads a seed by saying so in its leading comment lines::

    -- reads seeds: domains

and then selects from the table ``seed_<name>`` (here ``seed_domains``), which the runner
registers on the connection for the time the query runs and removes afterwards
(:func:`registered`; :class:`analysis.query.SqlFiles` and the fact store both do). A fact's code
hash covers the bytes of the seeds it reads (:func:`digest`), so editing a seed recomputes it.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from analysis.errors import HubObsError

SEEDS_DIR = Path(__file__).resolve().parent
_READS = re.compile(r"\A(?:--[^\n]*\n)*?--[ \t]*reads seeds:[ \t]*(?P<names>[^\n]*)(?:\n|\Z)")
_NAME = re.compile(r"[a-z][a-z0-9_]*\Z")


def declared(sql: str, where: object = "SQL") -> tuple[str, ...]:
    """The seeds a SQL text names in its leading ``-- reads seeds:`` line (empty: none).

    ``where`` names the SQL (its file) in the error for a seed that does not exist."""
    m = _READS.match(sql)
    if not m:
        return ()
    names = tuple(n.strip() for n in m.group("names").split(",") if n.strip())
    if not names:
        raise HubObsError(f"{where}: '-- reads seeds:' names no seed")
    for name in names:
        if not _NAME.match(name) or not path(name).is_file():
            raise HubObsError(
                f"{where}: reads seed {name!r}, but there is no {name}.csv in {SEEDS_DIR}"
            )
    return names


def path(name: str) -> Path:
    """The file of seed ``name``."""
    return SEEDS_DIR / f"{name}.csv"


def table_name(name: str) -> str:
    """The table a query reads seed ``name`` from."""
    return f"seed_{name}"


def table(name: str) -> pa.Table:
    """The rows of seed ``name``: every column text; an empty cell, a short row or a repeated
    row is an error naming the file and line."""
    file = path(name)
    with open(file, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader, None)
        if not header or any(not c.strip() for c in header):
            raise HubObsError(f"{file}: the first line must name the columns")
        rows: list[tuple[str, ...]] = []
        seen: set[tuple[str, ...]] = set()
        for row in reader:
            line = reader.line_num
            if len(row) != len(header) or any(not v.strip() for v in row):
                raise HubObsError(
                    f"{file}, line {line}: expected {len(header)} non-empty values "
                    f"({', '.join(header)}), got {row!r}"
                )
            values = tuple(v.strip() for v in row)
            if values in seen:
                raise HubObsError(f"{file}, line {line}: the row {values!r} is repeated")
            seen.add(values)
            rows.append(values)
    columns = {c.strip(): [r[i] for r in rows] for i, c in enumerate(header)}
    return pa.table({c: pa.array(v, type=pa.string()) for c, v in columns.items()})


def digest(names: Sequence[str]) -> bytes:
    """A hash of the seed files ``names`` (their names and bytes), for code hashes."""
    h = hashlib.sha256()
    for name in names:
        h.update(name.encode() + b"\0" + path(name).read_bytes() + b"\0")
    return h.digest()


@contextlib.contextmanager
def registered(con: duckdb.DuckDBPyConnection, names: Sequence[str]) -> Iterator[None]:
    """The seeds ``names`` registered on ``con`` as tables ``seed_<name>`` while the block runs."""
    done: list[str] = []
    try:
        for name in names:
            con.register(table_name(name), table(name))
            done.append(table_name(name))
        yield
    finally:
        for t in done:
            con.unregister(t)


__all__ = ["SEEDS_DIR", "declared", "digest", "path", "registered", "table", "table_name"]
