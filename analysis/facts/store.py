"""The fact store: reduce each (kind, week) snapshot file once, cache the facts, serve them.

:func:`build` computes the facts missing from the cache (a fact is missing for a week when no
file carries that week, the week file's sha256 and the fact's current code hash); a week's file
is opened once for all its missing facts (see :mod:`analysis.facts.reduce` for how it is read). :func:`open_facts` builds what is missing, then
returns a DuckDB connection with views ``fact_<kind>__<name>`` (over the cached weeks' files) and
``fact_<name>`` (a name several kinds define, over all of them), the
raw snapshot views and ``weeks`` table of the snapshot layer, and the :class:`Provenance`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from analysis.errors import HubObsError
from analysis.facts import cache as fcache
from analysis.facts.definitions import Fact, create_across_kinds, facts
from analysis.facts.reduce import Strategy, run_facts
from analysis.provenance import Provenance
from analysis.sqlerrors import naming

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class WeekFile:
    """One snapshot file, as the snapshot layer's ``weeks`` table describes it."""

    kind: str
    week: dt.date
    path: str
    revision: str
    sha256: str
    bytes: int
    rows: int


@dataclass
class BuildReport:
    """What a build did: the (fact table, week) pairs computed and how many were already cached."""

    computed: list[tuple[str, dt.date]] = field(default_factory=list)
    reused: int = 0
    files_read: list[tuple[str, dt.date]] = field(default_factory=list)  # (kind, week) scanned


def _connect(
    root: PathLike, kinds: Sequence[str] | None, weeks: object
) -> duckdb.DuckDBPyConnection:
    """The snapshot layer's ``connect`` (imported late: the store depends on its contract only)."""
    from analysis.snapshots import connect

    return connect(root, kinds=kinds, weeks=weeks)  # type: ignore[arg-type]


def week_files(con: duckdb.DuckDBPyConnection) -> list[WeekFile]:
    """The rows of the ``weeks`` table on a snapshot connection."""
    rows = con.execute(
        "SELECT kind, week, path, revision, sha256, bytes, rows FROM weeks ORDER BY kind, week"
    ).fetchall()
    return [
        WeekFile(r[0], r[1], str(r[2]), str(r[3]), str(r[4]), int(r[5]), int(r[6])) for r in rows
    ]


def _select(files: list[WeekFile], start: dt.date | None, end: dt.date | None) -> list[WeekFile]:
    return [
        f for f in files if (start is None or f.week >= start) and (end is None or f.week <= end)
    ]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HubObsError(f"not a YYYY-MM-DD week label: {value!r}") from None


def select_files(
    root: PathLike, start: dt.date | str | None = None, end: dt.date | str | None = None
) -> list[WeekFile]:
    """The snapshot files of ``root`` whose week is in [start, end] (either may be None).

    A root without any file, or a range that holds none of its weeks, is an error naming the
    weeks the root has (nothing would be computed, and nothing shown)."""
    con = _connect(root, kinds=None, weeks=None)
    try:
        every = week_files(con)
    finally:
        con.close()
    s, e = _as_date(start), _as_date(end)
    chosen = _select(every, s, e)
    if not every:
        raise HubObsError(
            f"{root}: the root holds no snapshot file (fetch weeks with `hubobs fetch`)"
        )
    if not chosen:
        weeks = sorted({f.week for f in every})
        raise HubObsError(
            f"{root}: no week in the range {s or 'the first week'} to {e or 'the last week'}; "
            f"the root has {len(weeks)} week(s), {weeks[0].isoformat()} to {weeks[-1].isoformat()}"
        )
    return chosen


def start_build(
    root: PathLike, start: dt.date | str | None, end: dt.date | str | None, cache: Path
) -> tuple[dict[WeekFile, list[Fact]], BuildReport]:
    """What a build of [start, end] computes (see :func:`plan`) and its report so far (the
    (fact, week) pairs already cached counted as reused)."""
    files = select_files(root, start, end)
    defined = facts()
    todo = plan(files, cache, defined)
    report = BuildReport()
    report.reused = sum(1 for wf in files for f in defined if f.kind == wf.kind) - sum(
        len(v) for v in todo.values()
    )
    return todo, report


def plan(
    files: Sequence[WeekFile], cache: Path, defined: Sequence[Fact] | None = None
) -> dict[WeekFile, list[Fact]]:
    """For each week file, the facts of its kind whose cache file is missing."""
    defined = facts() if defined is None else defined
    todo: dict[WeekFile, list[Fact]] = {}
    for wf in files:
        missing = [
            f
            for f in defined
            if f.kind == wf.kind and not fcache.fact_path(cache, f, wf.week, wf.sha256).is_file()
        ]
        if missing:
            todo[wf] = missing
    return todo


def _with_inputs(
    wf: WeekFile, todo: Sequence[Fact], cache: Path
) -> tuple[list[Fact], dict[str, pa.Table]]:
    """``todo`` in dependency order, plus what its derived facts read: from the cache when there,
    else computed in the same pass (added to the facts to compute and cache)."""
    chosen = {f.table for f in todo}
    inputs: dict[str, pa.Table] = {}
    by_table = {f.table: f for f in facts(wf.kind)}
    pending = list(todo)
    while pending:
        f = pending.pop()
        for dep in f.reads:
            table = f"fact_{wf.kind}__{dep}"
            if table in chosen or table in inputs:
                continue
            path = fcache.fact_path(cache, by_table[table], wf.week, wf.sha256)
            if path.is_file():
                inputs[table] = pq.read_table(path)
            else:
                chosen.add(table)
                pending.append(by_table[table])
    return [f for f in facts(wf.kind) if f.table in chosen], inputs


def reduce_week(
    root: PathLike,
    wf: WeekFile,
    todo: Sequence[Fact],
    cache: Path,
    strategy: Strategy = "direct",
    connect: Callable[..., duckdb.DuckDBPyConnection] | None = None,
) -> list[Path]:
    """Compute ``todo`` (facts of ``wf.kind``) over one week's file and cache them; returns the files."""
    todo, inputs = _with_inputs(wf, todo, cache)
    con = (connect or _connect)(root, kinds=[wf.kind], weeks=[wf.week])
    try:  # a DuckDB error names the file and week (and the fact, see reduce)
        with naming(file=Path(root) / wf.path, week=wf.week):
            results = run_facts(con, wf.kind, todo, strategy=strategy, inputs=inputs)
    finally:
        con.close()
    written = []
    for f in todo:
        path = fcache.fact_path(cache, f, wf.week, wf.sha256)
        meta = {
            "fact": f.table,
            "kind": wf.kind,
            "week": wf.week.isoformat(),
            "sha256": wf.sha256,
            "revision": wf.revision,
            "code_hash": f.code_hash,
            "source": wf.path,
        }
        fcache.write_atomic(results[f.table], path, meta)
        written.append(path)
    return written


def build(
    root: PathLike,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    cache: PathLike | None = None,
    *,
    progress: bool | None = None,
    strategy: Strategy = "direct",
) -> BuildReport:
    """Compute every fact missing from the cache for the weeks of ``root`` in [start, end]."""
    cache_path = Path(cache) if cache is not None else fcache.default_cache()
    todo, report = start_build(root, start, end, cache_path)
    bar = tqdm(
        list(todo.items()),
        desc="facts",
        unit="week",
        disable=(len(todo) < 2) if progress is None else not progress,
    )
    for wf, missing in bar:
        bar.set_postfix_str(f"{wf.kind} {wf.week}")
        reduce_week(root, wf, missing, cache_path, strategy=strategy)
        report.files_read.append((wf.kind, wf.week))
        report.computed += [(f.table, wf.week) for f in missing]
    return report


def open_facts(
    root: PathLike,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    cache: PathLike | None = None,
    *,
    progress: bool | None = None,
) -> tuple[duckdb.DuckDBPyConnection, Provenance]:
    """Build missing facts, then a connection with ``fact_*`` views, raw views and ``weeks``."""
    cache_path = Path(cache) if cache is not None else fcache.default_cache()
    build(root, start, end, cache_path, progress=progress)
    s, e = _as_date(start), _as_date(end)
    con = _connect(root, kinds=None, weeks=(s, e) if (s or e) else None)
    files = _select(week_files(con), s, e)
    empty = _empty_facts({wf.kind for wf in files})
    present = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    for kind, table in empty.pop("", {}).items():  # kinds with no file: empty views, all columns
        for name in (kind, f"{kind}_raw"):
            if name not in present:
                con.register(name, table)
    for f in facts():
        paths = [
            str(fcache.fact_path(cache_path, f, wf.week, wf.sha256))
            for wf in files
            if wf.kind == f.kind
        ]
        if not paths:
            # no week of this kind in the range: an empty view of the fact's columns, so that
            # every metric runs and says what is missing instead of failing
            con.register(f.table, empty[f.kind][f.table])
            continue
        # A view over the cached files (read when queried, never held in memory); the names come
        # from the fact's file name and the file list is passed as a value, not spliced into SQL.
        con.read_parquet(paths, union_by_name=True).create_view(f.table, replace=True)
    create_across_kinds(con)
    from analysis.snapshots import provenance

    return con, provenance(con)


def _empty_facts(present: set[str]) -> dict[str, dict[str, pa.Table]]:
    """For each kind absent from ``present``: its facts computed over no rows (their columns
    and types), by fact table name; under the key ``""``, the empty snapshot table of each
    absent kind (every known column, and ``week``)."""
    from analysis.schema import COLUMNS, KINDS
    from analysis.snapshots.views import create_macros, raw_flags

    out: dict[str, dict[str, pa.Table]] = {"": {}}
    for kind in KINDS:
        if kind in present:
            continue
        schema = pa.schema([*(pa.field(c.name, c.type) for c in COLUMNS[kind])])
        schema = schema.append(pa.field("week", pa.date32()))
        table = schema.empty_table()
        out[""][kind] = table
        # the raw view's flag columns (false: no row) after the files' columns
        flags = ", ".join(f'false AS "{f}"' for f in raw_flags(kind))
        local = duckdb.connect()
        try:
            create_macros(local)
            local.register("hubobs_empty", table)
            local.execute(f'CREATE VIEW "{kind}" AS SELECT * FROM hubobs_empty')
            local.execute(
                f'CREATE VIEW "{kind}_raw" AS SELECT * {", " + flags if flags else ""} '
                "FROM hubobs_empty"
            )
            out[kind] = run_facts(local, kind, facts(kind))
        finally:
            local.close()
    return out


def status(root: PathLike, cache: PathLike | None = None) -> list[dict[str, object]]:
    """Per fact: weeks of its kind in ``root``, weeks cached with the current code, stale files."""
    cache_path = Path(cache) if cache is not None else fcache.default_cache()
    con = _connect(root, kinds=None, weeks=None)
    try:
        files = week_files(con)
    finally:
        con.close()
    stale_counts: dict[str, int] = {}
    for p in fcache.stale(cache_path):
        stale_counts[p.parent.name] = stale_counts.get(p.parent.name, 0) + 1
    out: list[dict[str, object]] = []
    for f in facts():
        mine = [wf for wf in files if wf.kind == f.kind]
        cached = sum(
            1 for wf in mine if fcache.fact_path(cache_path, f, wf.week, wf.sha256).is_file()
        )
        out.append(
            {
                "fact": f.table,
                "weeks": len(mine),
                "cached": cached,
                "stale_files": stale_counts.get(f.table, 0),
            }
        )
    return out
