"""What changed between two versions of a week's report: their inputs and the numbers they ship.

The numbers are compared table by table, whatever tables the template writes: every
``<name>.parquet`` (else ``<name>.csv``) in the two version folders. A table's rows are matched
on a **key**: the fewest of its leading non-numeric columns (text, dates, yes/no; in the order
of the table) that identify every row in both versions; the other columns are compared row by
row. A numeric value that differs is a number that moved (``before``, ``after``, ``change`` and
``relative`` change); any other value that differs is listed with ``before`` and ``after``.
Rows only one version has are listed by key, and so are tables and columns only one has. When
no set of non-numeric columns identifies the rows, rows with the same key are matched in order
(``"#": 2`` for the second); a table without non-numeric columns is matched by row number.

Everything returned is plain JSON data (dates as ISO text, missing values as ``None``).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import numbers
from collections.abc import Hashable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.reports import inputs
from analysis.reports.versions import ReportError, ReportVersion

#: Floats closer than this (relative) are the same number (no noise reported as a move).
REL_TOL = 1e-12


class _NotScalar(Exception):
    pass


def plain(value: object) -> Any:
    """A table value as JSON data: ``None`` for missing, ISO text for dates, Python numbers.
    A list or other container raises :class:`_NotScalar`."""
    if isinstance(value, (list, tuple, dict, set)) or (
        hasattr(value, "__len__") and not isinstance(value, (str, bytes))
    ):
        raise _NotScalar
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value) if math.isfinite(value) else str(value)  # JSON has no infinity
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def table_files(folder: Path) -> dict[str, Path]:
    """The tables a version ships: name -> its parquet file, else its CSV file."""
    out: dict[str, Path] = {}
    for path in sorted(folder.glob("*.csv")):
        out[path.stem] = path
    for path in sorted(folder.glob("*.parquet")):
        out[path.stem] = path
    return out


def read_table(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)
    except Exception as exc:  # any reader error: name the file
        raise ReportError(f"{path}: cannot read the table to compare versions ({exc})") from exc


def _is_number(series: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)


def _column(series: pd.Series) -> list[Any] | None:
    """The column's values as JSON data, or None when a value is not a scalar (a list)."""
    try:
        return [plain(v) for v in series.tolist()]
    except _NotScalar:
        return None


def _values(series: pd.Series) -> list[Any]:
    """A column to compare: JSON data, or each value as JSON text when some are lists."""
    found = _column(series)
    if found is not None:
        return found

    def text(v: object) -> str:
        return json.dumps(v.tolist() if hasattr(v, "tolist") else v, default=str, sort_keys=True)

    return [text(v) for v in series.tolist()]


def key_columns(before: pd.DataFrame, after: pd.DataFrame) -> tuple[list[str], bool]:
    """The key (see the module's docstring) and whether it identifies every row of both."""
    common = [str(c) for c in after.columns if c in before.columns]
    candidates = [
        c
        for c in common
        if not _is_number(before[c])
        and not _is_number(after[c])
        and _column(before[c]) is not None
        and _column(after[c]) is not None
    ]
    for k in range(1, len(candidates) + 1):
        cols = candidates[:k]
        if not any(_keys(f, cols, unique=False)[1] for f in (before, after)):
            return cols, True
    return candidates, not candidates


def _keys(frame: pd.DataFrame, cols: Sequence[str], unique: bool) -> tuple[list[Hashable], bool]:
    """Each row's key (with its occurrence number when ``unique``), and whether any repeats."""
    if not cols:
        return [(i + 1,) for i in range(len(frame))], False
    values = [_column(frame[c]) or [] for c in cols]
    keys: list[Hashable] = []
    seen: dict[Hashable, int] = {}
    repeated = False
    for row in zip(*values, strict=True):
        n = seen.get(row, 0) + 1
        seen[row] = n
        repeated = repeated or n > 1
        keys.append((*row, n) if unique else row)
    return keys, repeated


def _key_dict(key: Hashable, cols: Sequence[str], unique_key: bool) -> dict[str, Any]:
    parts = list(key) if isinstance(key, tuple) else [key]
    if not cols:
        return {"row": parts[0]}
    out = dict(zip(cols, parts, strict=False))
    if not unique_key:
        out["#"] = parts[-1]
    return out


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if _number(a) and _number(b):
        return bool(a == b) or math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0)
    return bool(a == b)


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def compare_tables(name: str, before: pd.DataFrame, after: pd.DataFrame) -> dict[str, Any]:
    """One table's differences (``status``: ``changed`` or ``unchanged``)."""
    cols, unique_key = key_columns(before, after)
    ka, _ = _keys(before, cols, unique=not unique_key)
    kb, _ = _keys(after, cols, unique=not unique_key)
    rows_a = dict(zip(ka, range(len(ka)), strict=True))
    rows_b = dict(zip(kb, range(len(kb)), strict=True))
    shared = [str(c) for c in after.columns if c in before.columns and c not in cols]
    values_a = {c: _values(before[c]) for c in shared}
    values_b = {c: _values(after[c]) for c in shared}
    moved: list[dict[str, Any]] = []
    for key in kb:
        if key not in rows_a:
            continue
        ia, ib = rows_a[key], rows_b[key]
        for c in shared:
            a, b = values_a[c][ia], values_b[c][ib]
            if _same(a, b):
                continue
            item: dict[str, Any] = {
                "key": _key_dict(key, cols, unique_key),
                "column": c,
                "before": a,
                "after": b,
            }
            if _number(a) and _number(b):
                item["change"] = b - a
                item["relative"] = (b - a) / a if a else None
            moved.append(item)
    out: dict[str, Any] = {
        "table": name,
        "key": list(cols),
        "columns_added": [str(c) for c in after.columns if c not in before.columns],
        "columns_removed": [str(c) for c in before.columns if c not in after.columns],
        "rows_added": [_key_dict(k, cols, unique_key) for k in kb if k not in rows_a],
        "rows_removed": [_key_dict(k, cols, unique_key) for k in ka if k not in rows_b],
        "values": moved,
    }
    changed = any(out[k] for k in ("columns_added", "columns_removed", "rows_added"))
    changed = changed or bool(out["rows_removed"] or moved)
    out["status"] = "changed" if changed else "unchanged"
    return out


def compare_folders(before: Path, after: Path) -> list[dict[str, Any]]:
    """Every table of either folder: its differences, ``added`` or ``removed`` (by name)."""
    ta, tb = table_files(before), table_files(after)
    out: list[dict[str, Any]] = []
    for name in sorted(ta.keys() | tb.keys()):
        if name not in ta:
            out.append({"table": name, "status": "added"})
        elif name not in tb:
            out.append({"table": name, "status": "removed"})
        else:
            out.append(compare_tables(name, read_table(ta[name]), read_table(tb[name])))
    return out


def compare(before: ReportVersion, after: ReportVersion) -> dict[str, Any]:
    """What changed from version ``before`` to version ``after`` of the same week."""
    if before.week != after.week:
        raise ReportError(f"{before.slug} and {after.slug}: versions of different weeks")
    tables = compare_folders(before.folder, after.folder)
    changes = inputs.changes(before.provenance(), after.provenance())
    moved = sum(len(t.get("values", [])) for t in tables)
    return {
        "week": after.week.isoformat(),
        "before": {"version": before.version, "tag": before.tag, "slug": before.slug},
        "after": {"version": after.version, "tag": after.tag, "slug": after.slug},
        "inputs": changes,
        "tables": [t for t in tables if t["status"] != "unchanged"],
        "tables_unchanged": [t["table"] for t in tables if t["status"] == "unchanged"],
        "summary": {
            "inputs_changed": [c["input"] for c in changes],
            "tables_changed": sum(t["status"] != "unchanged" for t in tables),
            "values_moved": moved,
        },
    }


def pairs(found: Sequence[ReportVersion]) -> list[tuple[ReportVersion, ReportVersion]]:
    """Each version after the first of its week, with the version before it."""
    by_week: dict[dt.date, list[ReportVersion]] = {}
    for v in sorted(found, key=lambda v: (v.week, v.version)):
        by_week.setdefault(v.week, []).append(v)
    return [(vs[i - 1], vs[i]) for vs in by_week.values() for i in range(1, len(vs))]


__all__ = ["compare", "compare_folders", "compare_tables", "key_columns", "pairs", "plain"]
