"""The fact definitions (SQL files) and running them over whatever views a connection has."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).with_name("sql")


@dataclass(frozen=True)
class Fact:
    kind: str  # the view it reads: models, datasets, spaces or daily_papers
    name: str
    path: Path

    @property
    def table(self) -> str:
        """The table name the fact is materialized as."""
        return f"fact_{self.kind}__{self.name}"

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def code_hash(self) -> str:
        """Changes exactly when the SQL that defines the fact changes."""
        return hashlib.sha256(self.sql.encode("utf-8")).hexdigest()[:16]


def facts(kind: str | None = None) -> list[Fact]:
    """Every fact defined in ``sql/``, optionally only those reading ``kind``."""
    out = []
    for path in sorted(SQL_DIR.glob("*__*.sql")):
        k, _, name = path.stem.partition("__")
        if kind is None or k == kind:
            out.append(Fact(k, name, path))
    return out


def _has_view(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = $name",
        {"name": name},
    ).fetchone()
    return bool(row and row[0])


def materialize(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every fact whose input view exists on ``con`` and store it as table ``fact_<kind>__<name>``.

    This computes facts directly over the views (all weeks at once); the fact store computes
    the same tables week by week with caching. Returns the tables created.
    """
    made = []
    for fact in facts():
        if not _has_view(con, fact.kind):
            continue
        con.execute(f'CREATE OR REPLACE TABLE "{fact.table}" AS {fact.sql}')  # names come from file names
        made.append(fact.table)
    return made
