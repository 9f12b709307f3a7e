"""DuckDB errors as one message naming what broke: the file, week, fact or metric, and column.

A DuckDB error says what went wrong ("Could not convert string 'x' to INT64", "Snappy
decompression failure") but often not in which file, for which fact or metric, and it carries
values from the data as they are (escape sequences included). Code that runs SQL wraps it in
:func:`naming` with what it knows; nested blocks add to one another, so the fact store names the
file and week and the reduction names the fact::

    with naming(file=path, week=week):          # analysis.facts.store
        with naming(fact="fact_models__authors"):  # analysis.facts.reduce
            con.sql(sql).to_arrow_table()

raises one :class:`QueryError` whose message reads ``<file>: week <week>, fact <fact>, column
<column>: <DuckDB's message>``, on one line, every control character shown as an escape
(:func:`analysis.errors.printable`). The column is taken from DuckDB's message when it names one.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import duckdb

from analysis.errors import HubObsError, printable

#: The context keys, in the order the message gives them (``file`` leads, before a colon).
KEYS = ("file", "week", "step", "fact", "metric", "sql", "column")

#: Where DuckDB's message names a column (first match wins).
_COLUMN_PATTERNS = (
    re.compile(r"when casting from source column (.+?)\s*(?:\n|$)"),
    re.compile(r'[Cc]olumn "((?:[^"]|"")+)"'),
    re.compile(r"[Cc]olumn '((?:[^']|'')+)'"),
)
#: Where DuckDB's message names a file.
_FILE_PATTERN = re.compile(r"""file ["']([^"']+)["']""")
#: The SQL excerpt DuckDB appends to a message ("LINE 3: ..." and a line of carets).
_SQL_CONTEXT = re.compile(r"\n\s*\nLINE \d+:.*\Z", re.DOTALL)


def duckdb_message(exc: BaseException) -> str:
    """DuckDB's message on one line: without the SQL excerpt it appends, control characters
    (newlines in values too) shown as escapes."""
    text = _SQL_CONTEXT.sub("", str(exc)).strip(" \n")
    return printable(text or type(exc).__name__, keep_newlines=False)


#: Said after DuckDB's message when the error is in decoding a file, not in the SQL.
DAMAGED_HINT = (
    "(the file's data cannot be decoded: damaged? "
    "`hubobs describe --check` on the root names the column and row group)"
)


def is_damaged_data(exc: BaseException) -> bool:
    """Whether ``exc`` is DuckDB failing to decode a file (not an error in the SQL or a value):
    its bare errors from the parquet reader (thrift page headers), I/O errors, and "Failed to
    read file" (decompression)."""
    if type(exc) in (duckdb.Error, duckdb.IOException):
        return True
    return isinstance(exc, duckdb.InvalidInputException) and "Failed to read file" in str(exc)


def column_in(message: str) -> str | None:
    """The column DuckDB's message names, if it names one."""
    for pattern in _COLUMN_PATTERNS:
        m = pattern.search(message)
        if m:
            return m.group(1).replace('""', '"')
    return None


def file_in(message: str) -> str | None:
    """The file DuckDB's message names, if it names one."""
    m = _FILE_PATTERN.search(message)
    return m.group(1) if m else None


class QueryError(HubObsError):
    """A DuckDB error, with what was being run when it happened (see :func:`naming`)."""

    def __init__(self, detail: str, context: dict[str, str]) -> None:
        self.detail = detail  # DuckDB's message, cleaned (duckdb_message)
        self.context = dict(context)
        super().__init__(self._message())

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, dict[str, str]]]:
        return QueryError, (self.detail, self.context)  # pickled across processes (Dask)

    def add(self, context: dict[str, str]) -> None:
        """Fill in what an outer block knows and the message does not say yet."""
        for key, value in context.items():
            self.context.setdefault(key, value)
        self.args = (self._message(),)

    def _message(self) -> str:
        c = self.context
        parts: list[str] = []
        for key in KEYS[1:]:
            if key == "sql" and key in c and parts:
                parts[-1] += f" ({c[key]})"  # the SQL file of the fact or metric named before
            elif key in c:
                parts.append(f"{key} {c[key]}")
        head = ": ".join(p for p in (c.get("file", ""), ", ".join(parts)) if p)
        text = f"{head}: {self.detail}" if head else self.detail
        return printable(text, keep_newlines=False)


def wrap(exc: duckdb.Error, **context: object) -> QueryError:
    """``exc`` as a :class:`QueryError` with ``context`` (None values left out), plus the
    column and file DuckDB's message names when the context does not say."""
    raw = str(exc)
    known = {k: str(v) for k, v in context.items() if v is not None}
    column = column_in(raw)
    if column is not None and "column" not in known:
        known["column"] = column
    named = file_in(raw)
    if named is not None and "file" not in known:
        known["file"] = named
    detail = duckdb_message(exc)
    if is_damaged_data(exc):
        detail = f"{detail} {DAMAGED_HINT}"
    return QueryError(detail, known)


@contextlib.contextmanager
def naming(**context: object) -> Iterator[None]:
    """Turn a DuckDB error raised in the block into a :class:`QueryError` naming ``context``
    (keys: file, week, step, fact, metric, sql, column; None values are left out); a
    QueryError from an inner block gets the keys it lacks. An interrupted query (Ctrl-C while
    DuckDB runs) stays a KeyboardInterrupt."""
    try:
        yield
    except duckdb.InterruptException:
        raise KeyboardInterrupt from None
    except duckdb.Error as exc:
        raise wrap(exc, **context) from exc
    except QueryError as exc:
        exc.add({k: str(v) for k, v in context.items() if v is not None})
        raise
