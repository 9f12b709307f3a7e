"""DuckDB views over the weeks of a snapshot root (the "Snapshot views" contract).

Each kind's view is a ``UNION ALL`` of one ``SELECT`` per week's file, naming every column
of ``analysis.schema.COLUMNS[kind]`` (typed NULL where the file lacks it, cast by name to a
type that keeps every struct field any chosen week has), then the columns the schema does
not know (kept, NULL in weeks without them), then ``week DATE``. Each branch reads its file
with ``read_parquet``, so DuckDB reads only the columns a query names and skips the weeks a
``week`` filter excludes.

View SQL is generated (its column list depends on the files), with every identifier
double-quoted and every path a quoted literal; the fixed SQL is in ``sql/``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from analysis.errors import SnapshotError
from analysis.schema import COLUMNS, KINDS, PLACEHOLDER_CREATED, WHOLE_COUNTS
from analysis.snapshots.coltypes import (
    Incompatible,
    duckdb_type,
    ident,
    merge,
    merge_extra,
    path_literal,
    unknown_fields,
)
from analysis.snapshots.manifest import Entry, Manifest, read_footer, refresh_manifest
from analysis.snapshots.root import SnapshotRoot, WeekSelection, select_weeks
from analysis.sqlerrors import duckdb_message


def sql_text(name: str) -> str:
    """The text of ``analysis/snapshots/sql/<name>.sql``."""
    return resources.files("analysis.snapshots").joinpath("sql", f"{name}.sql").read_text("utf-8")


#: The row checks' SQL file of each kind (``sql/<name>.sql``); a kind not listed is not checked.
_CHECKS = {"models": "clean", "datasets": "clean", "spaces": "clean_spaces"}


def macros_sql() -> str:
    """The macro the row checks and quality facts call: ``hubobs_placeholder_created(t)``, true
    for the Hub's placeholder creation time (``analysis.schema.PLACEHOLDER_CREATED``, the one
    statement of it; DuckDB macros take no bind parameters, so its two timestamps are written
    from those typed constants, never from data)."""
    start, until = (t.strftime("%Y-%m-%d %H:%M:%S.%f") for t in PLACEHOLDER_CREATED)
    return (
        "CREATE OR REPLACE TEMP MACRO hubobs_placeholder_created(t) AS "
        f"t >= TIMESTAMP '{start}' AND t < TIMESTAMP '{until}'"
    )


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Make the row checks' macros (:func:`macros_sql`) on ``con``."""
    con.execute(macros_sql())


def row_checks_text(kind: str) -> str:
    """What the views do to a kind's rows, as text (the row checks' SQL and macros; empty for a
    kind not checked): part of a fact's code hash, so editing a check rebuilds the facts."""
    name = _CHECKS.get(kind)
    return "" if name is None else sql_text(name) + "\n" + macros_sql()


def raw_flags(kind: str) -> tuple[str, ...]:
    """The columns the raw view ``<kind>_raw`` adds after the files' columns: per count of
    ``analysis.schema.WHOLE_COUNTS`` the kind has, ``hubobs_non_integer_<column>`` (true where
    the file held a value that is not a whole number; the value itself is NULL in both views)."""
    if kind not in _CHECKS:
        return ()
    known = {c.name for c in COLUMNS[kind]}
    return tuple(f"hubobs_non_integer_{c}" for c in WHOLE_COUNTS if c in known)


#: below this magnitude a float64 holding a whole number converts to BIGINT exactly
_WHOLE = "isfinite({c}) AND {c} = trunc({c}) AND abs({c}) < 9.0e18"


def _is_int(t: pa.DataType) -> bool:
    return bool(pa.types.is_integer(t))


def _whole_value(col: str, t: pa.DataType) -> str:
    """A float column of an integer schema type: its value when a whole number, else NULL
    (never rounded)."""
    return f"CASE WHEN {_WHOLE.format(c=col)} THEN CAST({col} AS {duckdb_type(t)}) END"


def _without_comments(sql: str) -> str:
    """``sql`` without its ``--`` comment lines (the checks' files start with their docs)."""
    return "\n".join(line for line in sql.splitlines() if not line.lstrip().startswith("--"))


@dataclass
class KindPlan:
    """What a kind's view selects: output columns with their types, and the files."""

    kind: str
    types: dict[str, pa.DataType] = field(default_factory=dict)  # known then extra, in order
    extras: list[str] = field(default_factory=list)
    files: list[tuple[Entry, Path, pa.Schema]] = field(default_factory=list)

    def add(self, entry: Entry, path: Path, schema: pa.Schema) -> None:
        for f in schema:
            if f.name == "week":
                raise SnapshotError(f"{path}: has a column named 'week', which the views reserve")
            if f.name in self.types and f.name not in self.extras:
                try:
                    self.types[f.name] = merge(self.types[f.name], f.type)
                except Incompatible as exc:
                    raise SnapshotError(
                        f"{path}: column {f.name!r} has type {f.type}, "
                        f"not compatible with {self.types[f.name]} ({exc})"
                    ) from exc
            elif f.name in self.types:
                self.types[f.name] = merge_extra(self.types[f.name], f.type)
            else:
                self.types[f.name] = f.type
                self.extras.append(f.name)
        self.files.append((entry, path, schema))

    def select_sql(self, *, raw: bool = True) -> str:
        """The view's query: every row of each file (``raw``), or each file's rows after the
        row checks of ``sql/clean.sql`` (``clean_spaces.sql``; daily papers are not checked)."""
        name = None if raw else _CHECKS.get(self.kind)
        check = None if name is None else _without_comments(sql_text(name))
        flags = raw_flags(self.kind) if raw else ()
        if not self.files:
            cols = [f"CAST(NULL AS {duckdb_type(t)}) AS {ident(n)}" for n, t in self.types.items()]
            cols += [f"false AS {ident(f)}" for f in flags]
            return "SELECT " + ", ".join([*cols, "CAST(NULL AS DATE) AS week"]) + " WHERE false"
        branches = []
        for entry, path, schema in self.files:
            present = {f.name: f.type for f in schema}
            cols = []
            for name, t in self.types.items():
                if name not in present:
                    cols.append(f"CAST(NULL AS {duckdb_type(t)}) AS {ident(name)}")
                elif present[name].equals(t):
                    cols.append(ident(name))
                elif _is_int(t) and pa.types.is_floating(present[name]):
                    cols.append(f"{_whole_value(ident(name), t)} AS {ident(name)}")
                else:
                    cols.append(f"CAST({ident(name)} AS {duckdb_type(t)}) AS {ident(name)}")
            for flag in flags:
                col = flag.removeprefix("hubobs_non_integer_")
                if col in present and pa.types.is_floating(present[col]):
                    c = ident(col)
                    cols.append(
                        f"({c} IS NOT NULL AND NOT ({_WHOLE.format(c=c)})) AS {ident(flag)}"
                    )
                else:
                    cols.append(f"false AS {ident(flag)}")
            cols.append(f"DATE '{entry.week.isoformat()}' AS week")
            source = path_literal(str(path))
            if check is None:
                branches.append("SELECT " + ", ".join(cols) + f" FROM read_parquet({source})")
                continue
            cols.append("file_row_number AS hubobs_row")
            branch = (
                "SELECT "
                + ", ".join(cols)
                + f" FROM read_parquet({source}, file_row_number = true)"
            )
            # the file's rows stand where the check names `hubobs_branch` (a name of ours)
            branches.append(
                "(" + check.replace("hubobs_branch", f"({branch}) AS hubobs_branch") + ")"
            )
        return "\nUNION ALL\n".join(branches)


def _plan(root: Path, manifest: Manifest, kind: str, weeks: tuple[dt.date, ...]) -> KindPlan:
    plan = KindPlan(kind, {c.name: c.type for c in COLUMNS[kind]})
    for week in weeks:
        entry = manifest.get(kind, week)
        path = (root / entry.path).resolve()
        schema, _ = read_footer(path)
        plan.add(entry, path, schema)
    return plan


def _create_tables(
    con: duckdb.DuckDBPyConnection, manifest: Manifest, plans: list[KindPlan]
) -> None:
    for statement in sql_text("tables").split(";"):
        if statement.strip():
            con.execute(statement)
    entries = [e for p in plans for e, _, _ in p.files]
    weeks = pa.table(
        {
            "kind": pa.array([e.kind for e in entries], pa.string()),
            "week": pa.array([e.week for e in entries], pa.date32()),
            "path": pa.array([e.path for e in entries], pa.string()),
            "revision": pa.array([e.revision for e in entries], pa.string()),
            "sha256": pa.array([e.sha256 for e in entries], pa.string()),
            "bytes": pa.array([e.bytes for e in entries], pa.int64()),
            "rows": pa.array([e.rows for e in entries], pa.int64()),
            "era": pa.array([e.era for e in entries], pa.string()),
            "repeat_of": pa.array([e.repeat_of for e in entries], pa.date32()),
        }
    )
    missing = [(e.kind, e.week, c) for e in entries for c in e.missing_columns]
    extra = [
        (p.kind, e.week, f.name, str(f.type))
        for p in plans
        for e, _, schema in p.files
        for f in schema
        if f.name in p.extras
    ]
    known = {p.kind: {c.name: c.type for c in COLUMNS[p.kind]} for p in plans}
    unknown = [
        (p.kind, e.week, path, t)
        for p in plans
        for e, _, schema in p.files
        for f in schema
        if f.name in known[p.kind]
        for path, t in unknown_fields(known[p.kind][f.name], f.type, f.name)
    ]
    inputs = {
        "weeks": weeks,
        "missing": pa.table(
            {
                "kind": pa.array([m[0] for m in missing], pa.string()),
                "week": pa.array([m[1] for m in missing], pa.date32()),
                "column_name": pa.array([m[2] for m in missing], pa.string()),
            }
        ),
        "extra": pa.table(
            {
                "kind": pa.array([x[0] for x in extra], pa.string()),
                "week": pa.array([x[1] for x in extra], pa.date32()),
                "column_name": pa.array([x[2] for x in extra], pa.string()),
                "type": pa.array([x[3] for x in extra], pa.string()),
            }
        ),
        "unknown": pa.table(
            {
                "kind": pa.array([u[0] for u in unknown], pa.string()),
                "week": pa.array([u[1] for u in unknown], pa.date32()),
                "field": pa.array([u[2] for u in unknown], pa.string()),
                "type": pa.array([u[3] for u in unknown], pa.string()),
            }
        ),
    }
    for name, table in inputs.items():
        con.register("_snapshot_input", table)
        try:
            con.execute(sql_text(f"insert_{name}"))
        finally:
            con.unregister("_snapshot_input")
    con.execute(
        sql_text("insert_snapshot"),
        {
            "root": str(manifest.root.resolve()),
            "revision": manifest.revision,
            "generated": manifest.generated,
        },
    )


def connect(
    root: str | os.PathLike[str],
    kinds: str | list[str] | tuple[str, ...] | None = None,
    weeks: WeekSelection = None,
    con: duckdb.DuckDBPyConnection | None = None,
    *,
    write_manifest: bool = True,
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per kind over the chosen weeks of ``root``.

    ``kinds``: None (every kind the root has) or kind names; ``weeks``: None (all), a date,
    ``(start, end)`` inclusive or a list of dates (a listed week no chosen kind has is an
    error; a kind lacking a listed week is recorded in the ``weeks`` table by its absence).
    Also creates tables ``weeks``, ``missing_columns``, ``extra_columns``, ``unknown_fields``
    and ``snapshot``, and the row checks' macros (:func:`create_macros`).
    """
    sroot = SnapshotRoot(root)
    manifest = refresh_manifest(sroot, write=write_manifest, strict=False)
    if kinds is None:
        chosen = list(sroot.kinds)
        if not chosen:
            raise SnapshotError(
                f"{sroot.path}: no snapshot files (<kind>/<YYYY-MM-DD>/<kind>.parquet)"
            )
    else:
        chosen = [kinds] if isinstance(kinds, str) else list(kinds)
        for k in chosen:
            if k not in KINDS:
                raise SnapshotError(f"unknown kind {k!r}; expected one of {', '.join(KINDS)}")
            if not sroot.weeks(k):
                raise SnapshotError(f"{sroot.path}: no {k} weeks in this root")
    selected = {k: select_weeks(sroot.weeks(k), weeks, strict=False) for k in chosen}
    if isinstance(weeks, (list, dt.date, str)):
        # a listed week that no chosen kind has is an error naming it
        select_weeks(tuple(sorted({w for k in chosen for w in sroot.weeks(k)})), weeks)
    manifest.check([(k, w) for k in chosen for w in selected[k]])
    con = con if con is not None else duckdb.connect()
    plans = [_plan(sroot.path, manifest, k, selected[k]) for k in chosen]
    try:
        create_macros(con)
        for plan in plans:
            # `<kind>_raw`: every row of the files; `<kind>`: the rows after the row checks
            con.execute(
                f"CREATE OR REPLACE VIEW {ident(plan.kind + '_raw')} AS\n{plan.select_sql()}"
            )
            con.execute(
                f"CREATE OR REPLACE VIEW {ident(plan.kind)} AS\n{plan.select_sql(raw=False)}"
            )
        _create_tables(con, manifest, plans)
    except duckdb.Error as exc:
        raise wrap_error(exc) from exc
    return con


_PATH_IN_MESSAGE = re.compile(r"""["']([^"']+\.parquet)["']""")
#: DuckDB errors that are the query's fault, not the files'
_QUERY_ERRORS = (duckdb.ParserException, duckdb.BinderException, duckdb.CatalogException)


def wrap_error(
    exc: duckdb.Error, what: str = "", candidates: list[str] | None = None
) -> SnapshotError:
    """A DuckDB error as a SnapshotError naming the file(s) DuckDB names, else the candidates
    (DuckDB's message on one line, control characters shown as escapes)."""
    message = duckdb_message(exc)
    files = sorted(set(_PATH_IN_MESSAGE.findall(str(exc))))
    if files:
        where = ", ".join(files)
    elif candidates and len(candidates) == 1:
        where = candidates[0]
    elif candidates:
        where = "one of " + ", ".join(candidates)
    else:
        where = "a snapshot file (DuckDB did not say which)"
    prefix = f"{what}: " if what else ""
    return SnapshotError(f"{prefix}reading {where} failed (corrupt file?): {message}")


def _files_of(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """The files behind the views a query names (for error messages)."""
    try:
        root_row = con.execute(sql_text("snapshot_root")).fetchone()
        rows = con.execute(sql_text("files")).fetchall()
    except duckdb.Error:
        return []
    if root_row is None:
        return []
    words = set(re.findall(r"[A-Za-z_]+", sql))
    return [str(Path(root_row[0]) / path) for kind, path in rows if kind in words]


def run(
    con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any] | None = None
) -> pd.DataFrame:
    """Execute a query and fetch it as a DataFrame; errors reading a file become SnapshotError.

    When DuckDB does not name the file, the message lists the files behind the views the
    query names. Errors in the query itself (syntax, unknown column) are raised unchanged.
    """
    try:
        return con.execute(sql, params or {}).df()
    except _QUERY_ERRORS:
        raise
    except duckdb.Error as exc:
        raise wrap_error(exc, candidates=_files_of(con, sql)) from exc
