"""Following renamed repos across weeks by their stable ``_id`` (see ``sql/names.sql``)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analysis.errors import SnapshotError
from analysis.snapshots.views import sql_text, wrap_error

RENAMABLE = ("models", "datasets", "spaces")


def _check(kind: str) -> None:
    if kind not in RENAMABLE:
        raise SnapshotError(
            f"{kind!r} has no repo ids to follow; expected one of {', '.join(RENAMABLE)}"
        )


def follow_renames(con: duckdb.DuckDBPyConnection, kind: str = "models") -> pd.DataFrame:
    """For each stable id of ``kind``: its id in each week read, the latest id, whether renamed.

    Columns ``stable_id, week, id, latest_id, renamed, id_inferred`` (``id_inferred``: the
    week's file had no ``_id``, so the stable id was found through ``id``).
    """
    _check(kind)
    try:
        return con.execute(sql_text("names"), {"kind": kind}).df()
    except duckdb.Error as exc:
        raise wrap_error(exc, f"following renames of {kind}") from exc


def model_names(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyRelation:
    """Create table ``model_names`` (as :func:`follow_renames` of models) and return it."""
    try:
        con.execute(
            "CREATE OR REPLACE TABLE model_names AS\n" + sql_text("names"), {"kind": "models"}
        )
    except duckdb.Error as exc:
        raise wrap_error(exc, "following renames of models") from exc
    return con.table("model_names")
