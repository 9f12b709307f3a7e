"""The provenance of results computed from a snapshot root: weeks, revision, files."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable

import duckdb

from analysis.errors import SnapshotError
from analysis.provenance import Provenance, SourceFile
from analysis.snapshots.manifest import refresh_manifest
from analysis.snapshots.root import WeekSelection, select_weeks
from analysis.snapshots.views import sql_text

#: (kind, week, path, revision, sha256, bytes, rows)
Row = tuple[str, dt.date, str, str, str, int, int]


def _build(
    rows: Iterable[Row],
    revision: str,
    generated: bool,
    kinds: tuple[str, ...] | None,
    weeks: WeekSelection,
) -> Provenance:
    rows = [r for r in rows if kinds is None or r[0] in kinds]
    available = tuple(sorted({r[1] for r in rows}))
    chosen = set(select_weeks(available, weeks))
    rows = [r for r in rows if r[1] in chosen]
    revisions = sorted({r[3] for r in rows})
    return Provenance(
        weeks=tuple(sorted(chosen)),
        revision="+".join(revisions) if revisions else revision,
        generated=generated,
        files=tuple(SourceFile(path=r[2], sha256=r[4], bytes=r[5], rows=r[6]) for r in rows),
    )


def provenance(
    source: duckdb.DuckDBPyConnection | str | os.PathLike[str],
    kinds: str | Iterable[str] | None = None,
    weeks: WeekSelection = None,
) -> Provenance:
    """Provenance of the chosen kinds and weeks, from a :func:`connect` connection or a root.

    The revision is the files' revision (several joined by ``+`` when weeks were fetched
    at different revisions); ``generated`` is true for the generated sample.
    """
    chosen = (kinds,) if isinstance(kinds, str) else tuple(kinds) if kinds is not None else None
    if isinstance(source, duckdb.DuckDBPyConnection):
        try:
            snap = source.execute("SELECT revision, generated FROM snapshot").fetchone()
            rows = source.execute(sql_text("provenance")).fetchall()
        except duckdb.CatalogException as exc:
            raise SnapshotError(
                "this connection was not made by analysis.snapshots.connect"
            ) from exc
        if snap is None:
            raise SnapshotError("this connection has no snapshot table row")
        return _build(rows, str(snap[0]), bool(snap[1]), chosen, weeks)
    manifest = refresh_manifest(source)
    rows = [
        (e.kind, e.week, e.path, e.revision, e.sha256, e.bytes, e.rows) for e in manifest.entries
    ]
    return _build(rows, manifest.revision, manifest.generated, chosen, weeks)
