"""Querying weeks on the Hub without downloading them: DuckDB reading through ``HfFileSystem``.

``remote_connect`` registers huggingface_hub's ``HfFileSystem`` with DuckDB and creates, over
``hf://datasets/hfmlsoc/hub_weekly_snapshots@<commit>/<kind>/<week>/<kind>.parquet``, the same
views and tables the local snapshot layer does (a view per kind with every known column, typed
NULL where a file lacks it, plus ``week DATE``; tables ``weeks``, ``missing_columns`` and
``snapshot``). DuckDB reads the parquet footer and then only the column chunks a query names,
as HTTP range requests, so a query over a few columns of a 1.5 GB week fetches a small part
of it. The revision is resolved once to a commit sha and used for every read.

``hubobs query --week W --kind models "SELECT ..."`` runs one read-only query of the user's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from typing import Any

import duckdb
import pyarrow as pa

from analysis.errors import FetchError, HubObsError
from analysis.fetch.hub import Hub, RemoteFile, hub_errors
from analysis.fetch.plan import WeekSelection, parse_date, select
from analysis.provenance import Provenance
from analysis.query import SqlFiles
from analysis.schema import COLUMNS, KINDS, REPO_ID
from analysis.sqlerrors import duckdb_message

#: Bytes HfFileSystem fetches per read (fsspec's default is 5 MB); DuckDB asks for column chunks.
DEFAULT_BLOCK_SIZE = 2 * 1024 * 1024
_WEEK_IN_PATH = r"(\d{4}-\d{2}-\d{2})/[a-z_]+\.parquet$"


SQL = SqlFiles(__file__)


def hf_url(revision: str, path: str) -> str:
    """The ``hf://`` URL of a file of the snapshot dataset at a commit."""
    return f"hf://datasets/{REPO_ID}@{revision}/{path}"


def _weeks(week: dt.date | str | Sequence[dt.date | str]) -> tuple[dt.date, ...]:
    items = [week] if isinstance(week, dt.date | str) else list(week)
    return tuple(w if isinstance(w, dt.date) else parse_date(w, "week") for w in items)


def _duck_types(con: duckdb.DuckDBPyConnection, kind: str) -> dict[str, Any]:
    """DuckDB types of the known columns of ``kind`` (from the arrow types in analysis.schema)."""
    empty = pa.table({c.name: pa.array([], c.type) for c in COLUMNS[kind]})
    rel = con.from_arrow(empty)
    return dict(zip(rel.columns, rel.dtypes, strict=True))


def _create_view(
    con: duckdb.DuckDBPyConnection, kind: str, files: list[RemoteFile], revision: str
) -> None:
    urls = [hf_url(revision, f.path) for f in files]
    rel = con.read_parquet(urls, union_by_name=True, filename=True)
    present = [c for c in rel.columns if c != "filename"]
    types = _duck_types(con, kind)
    exprs: list[Any] = [
        duckdb.ColumnExpression(name)
        if name in present
        else duckdb.ConstantExpression(None).cast(t).alias(name)
        for name, t in types.items()
    ]
    exprs += [
        duckdb.ColumnExpression(c) for c in present if c not in types
    ]  # columns the schema does not know
    week = duckdb.FunctionExpression(
        "regexp_extract",
        duckdb.ColumnExpression("filename"),
        duckdb.ConstantExpression(_WEEK_IN_PATH),
        duckdb.ConstantExpression(1),
    )
    exprs.append(week.cast(duckdb.sqltype("DATE")).alias("week"))
    rel.project(*exprs).create_view(kind, replace=True)


def _footer(fs: Any, url: str) -> tuple[set[str], int]:
    """Column names and row count of a remote parquet file, from one read of its footer."""
    import pyarrow.parquet as pq

    with fs.open(url, "rb") as fh:
        meta = pq.ParquetFile(fh).metadata
        return set(meta.schema.to_arrow_schema().names), int(meta.num_rows)


def _describe(
    con: duckdb.DuckDBPyConnection,
    fs: Any,
    files: list[RemoteFile],
    listing: list[RemoteFile],
    revision: str,
) -> None:
    previous: dict[tuple[str, dt.date], RemoteFile] = {}
    last: dict[str, RemoteFile] = {}
    for f in listing:  # sorted by kind then week
        if f.kind in last:
            previous[(f.kind, f.week)] = last[f.kind]
        last[f.kind] = f
    for f in files:
        url = hf_url(revision, f.path)
        names, rows = _footer(fs, url)
        prev = previous.get((f.kind, f.week))
        repeat = (
            prev.week
            if prev is not None and prev.sha256 is not None and prev.sha256 == f.sha256
            else None
        )
        dated = {c.name for c in COLUMNS[f.kind] if c.since is not None}
        con.execute(
            SQL.text("insert_week"),
            {
                "kind": f.kind,
                "week": f.week,
                "path": f.path,
                "revision": revision,
                "sha256": f.sha256 or f.blob_id,
                "bytes": f.size,
                "rows": rows,
                "era": _era(f.kind, names & dated),
                "repeat_of": repeat,
            },
        )
        for c in COLUMNS[f.kind]:
            if c.name not in names:
                con.execute(
                    SQL.text("insert_missing"),
                    {"kind": f.kind, "week": f.week, "column_name": c.name},
                )


def _era(kind: str, dated_present: set[str]) -> str:
    ordered = [c.name for c in COLUMNS[kind] if c.name in dated_present]
    return "base" if not ordered else "base+" + "+".join(ordered)


def remote_connect(
    week: dt.date | str | Sequence[dt.date | str],
    kinds: Sequence[str] = ("models",),
    revision: str | None = None,
    endpoint: str | None = None,
    *,
    token: str | bool | None = None,
    block_size: int = DEFAULT_BLOCK_SIZE,
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection whose views read ``week`` (one or several) of ``kinds`` on the Hub.

    ``revision`` (commit sha, branch or tag; ``None``: current) is resolved once to a commit sha,
    recorded in the ``weeks`` and ``snapshot`` tables. Errors reaching the Hub or naming a week
    the dataset lacks are ``FetchError`` (the latter listing the nearest weeks).
    """
    from huggingface_hub import HfFileSystem

    kinds = tuple(dict.fromkeys(kinds))
    for k in kinds:
        if k not in KINDS:
            raise FetchError(f"unknown kind {k!r}; expected one of {', '.join(KINDS)}")
    hub = Hub(endpoint, token=token)
    sha = hub.resolve_revision(revision)
    listing = hub.list_files(kinds, sha)
    files = select(listing, kinds, WeekSelection(weeks=_weeks(week)), sha)

    con = duckdb.connect()
    fs = HfFileSystem(
        endpoint=hub.endpoint, token=token, block_size=block_size, skip_instance_cache=True
    )
    con.register_filesystem(fs)
    con.execute(SQL.text("settings"))
    con.execute(SQL.text("tables"))
    con.execute(
        SQL.text("insert_snapshot"),
        {"root": f"{hub.endpoint}/datasets/{REPO_ID}", "revision": sha},
    )
    with hub_errors(f"read parquet footers of {REPO_ID} at revision {sha[:12]}", hub.endpoint):
        try:
            for kind in kinds:
                _create_view(con, kind, [f for f in files if f.kind == kind], sha)
            _describe(con, fs, files, listing, sha)
        except (duckdb.Error, pa.ArrowException) as exc:
            raise FetchError(
                f"DuckDB could not read {REPO_ID} at revision {sha[:12]} from {hub.endpoint}: {exc}"
            ) from exc
    return con


def remote_provenance(con: duckdb.DuckDBPyConnection) -> Provenance:
    """The weeks and revision a ``remote_connect`` connection reads (for source lines)."""
    weeks = tuple(sorted({r[0] for r in con.execute("SELECT week FROM weeks").fetchall()}))
    revs = sorted({r[0] for r in con.execute("SELECT revision FROM snapshot").fetchall()})
    return Provenance(weeks=weeks, revision="+".join(revs), generated=False)


# ---- hubobs query ---------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "query",
        help="run one SQL query over weeks on the Hub without downloading them, or over a local root",
        description=(
            f"Query weeks of {REPO_ID} on the Hub through DuckDB and huggingface_hub's HfFileSystem, "
            "reading only the columns the query names; with --root, the same over a local "
            "snapshot root. Views: one per --kind (every known column, plus week); tables: "
            "weeks, missing_columns, snapshot."
        ),
        epilog=(
            'example: hubobs query --week 2025-01-01 --kind models "SELECT pipeline_tag, count(*) n '
            'FROM models GROUP BY 1 ORDER BY n DESC LIMIT 10"; add --root data/hub to read '
            "downloaded weeks instead"
        ),
    )
    p.add_argument(
        "sql", help="the query (yours: run as given, on a connection holding only these views)"
    )
    p.add_argument(
        "--week",
        action="append",
        metavar="DATE",
        help="week label; repeatable (required on the Hub; with --root, default: every week)",
    )
    p.add_argument(
        "--root", help="query this local snapshot root (relative to the project) instead of the Hub"
    )
    p.add_argument(
        "--kind",
        action="append",
        choices=KINDS,
        help="kind to expose as a view; repeatable (default: models)",
    )
    p.add_argument("--revision", help="commit sha, branch or tag (default: current)")
    p.add_argument(
        "--endpoint", help="Hub endpoint (default: HF_ENDPOINT or https://huggingface.co)"
    )
    p.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    p.set_defaults(func=run_query)


def run_query(args: argparse.Namespace) -> int:
    kinds = tuple(args.kind or ("models",))
    if args.root:
        from analysis.paths import resolve
        from analysis.snapshots import connect, provenance

        con = connect(resolve(args.root), kinds=kinds, weeks=list(args.week) if args.week else None)
        try:
            rel = con.sql(args.sql)
            df = rel.df() if rel is not None else None
        except duckdb.Error as exc:
            raise HubObsError(f"query failed: {duckdb_message(exc)}") from exc
        source = provenance(con).source_line()
    else:
        if not args.week:
            raise HubObsError("--week is required when querying the Hub (or give --root)")
        con = remote_connect(args.week, kinds, args.revision, args.endpoint)
        try:
            with hub_errors("run the query", args.endpoint or Hub().endpoint):
                rel = con.sql(args.sql)
                df = rel.df() if rel is not None else None
        except duckdb.Error as exc:
            raise FetchError(f"query failed: {duckdb_message(exc)}") from exc
        source = remote_provenance(con).source_line()
    if df is None:
        return 0
    if args.csv:
        df.to_csv(sys.stdout, index=False)
    else:
        print(df.to_string(index=False, max_rows=200, max_colwidth=80))
    print(source, file=sys.stderr)
    return 0
