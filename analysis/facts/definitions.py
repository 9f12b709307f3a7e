"""The fact definitions (SQL files) and running them over whatever views a connection has.

A fact reads either its kind's snapshot view (``models``, ``datasets``, ...) or, when its SQL
starts with a line ``-- reads facts: <name>, <name>``, other facts of the same kind and week
(tables ``fact_<kind>__<name>``): a *derived* fact, computed in the weekly reduction from what
the week's other facts already hold, without reading the snapshot file again. Its code hash
covers the facts it reads, so changing one of them rebuilds it too. A fact may also read shared
lists, the seeds of :mod:`analysis.seeds` (a leading line ``-- reads seeds: <name>``; tables
``seed_<name>`` while it runs); its code hash covers their files too.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

from analysis import seeds
from analysis.errors import HubObsError

SQL_DIR = Path(__file__).with_name("sql")
_RAW = re.compile(r"\A(?:--[^\n]*\n)*?--[ \t]*reads raw rows[ \t]*\n")
_READS = re.compile(r"\A(?:--[^\n]*\n)*?--[ \t]*reads facts:[ \t]*(?P<names>[^\n]*)\n")


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
        return _read(self.path)

    @property
    def raw(self) -> bool:
        """True when the fact reads the raw rows (view ``<kind>_raw``), not the checked view."""
        return bool(_RAW.match(self.sql))

    @property
    def source(self) -> str:
        """The view a non-derived fact reads: ``<kind>``, or ``<kind>_raw`` for a raw fact."""
        return f"{self.kind}_raw" if self.raw else self.kind

    @property
    def reads(self) -> tuple[str, ...]:
        """Names of the facts of the same kind this fact reads (empty: it reads the snapshot view)."""
        m = _READS.match(self.sql)
        if not m:
            return ()
        names = tuple(n.strip() for n in m.group("names").split(",") if n.strip())
        if not names:
            raise HubObsError(f"{self.path}: '-- reads facts:' names no fact")
        return names

    @property
    def seeds(self) -> tuple[str, ...]:
        """Names of the seeds (``analysis/seeds/<name>.csv``) the fact reads."""
        return seeds.declared(self.sql, self.path)

    @property
    def code_hash(self) -> str:
        """Changes exactly when the SQL that defines the fact, a seed it reads, a fact it reads, or
        the views' row checks of its kind (for a fact reading the snapshot view or the raw rows)
        changes."""
        from analysis.snapshots.views import row_checks_text

        h = hashlib.sha256(self.sql.encode("utf-8"))
        if self.seeds:
            h.update(b"\0seeds:" + seeds.digest(self.seeds))
        if not self.reads:
            h.update(b"\0" + row_checks_text(self.kind).encode("utf-8"))
        for dep in self.reads:
            h.update(b"\0" + _by_name(self.kind, dep, self).code_hash.encode())
        return h.hexdigest()[:16]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _by_name(kind: str, name: str, reader: Fact) -> Fact:
    path = reader.path.with_name(f"{kind}__{name}.sql")
    if not path.is_file():
        raise HubObsError(
            f"{reader.path}: reads fact {name!r}, but there is no {path.name} beside it"
        )
    return Fact(kind, name, path)


def _ordered(found: list[Fact]) -> list[Fact]:
    """``found`` with every fact after the facts it reads (otherwise in name order); cycles are errors."""
    by_table = {f.table: f for f in found}
    out: list[Fact] = []
    state: dict[str, str] = {}

    def visit(f: Fact, chain: tuple[str, ...]) -> None:
        if state.get(f.table) == "done":
            return
        if state.get(f.table) == "visiting":
            raise HubObsError(f"facts read each other in a cycle: {' -> '.join((*chain, f.table))}")
        state[f.table] = "visiting"
        for dep in f.reads:
            d = _by_name(f.kind, dep, f)
            visit(by_table.get(d.table, d), (*chain, f.table))
        state[f.table] = "done"
        if f.table in by_table:
            out.append(f)

    for f in found:
        visit(f, ())
    return out


def facts(kind: str | None = None) -> list[Fact]:
    """Every fact defined in ``sql/``, optionally only those of ``kind``; a fact comes after those it reads."""
    out = []
    for path in sorted(SQL_DIR.glob("*__*.sql")):
        k, _, name = path.stem.partition("__")
        if kind is None or k == kind:
            out.append(Fact(k, name, path))
    return _ordered(out)


def _has_view(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    rows = con.execute(  # fetched to the end: no unfinished result left on the connection
        "SELECT count(*) FROM information_schema.tables WHERE table_name = $name",
        {"name": name},
    ).fetchall()
    return bool(rows and rows[0][0])


def across_kinds(defined: list[Fact] | None = None) -> dict[str, list[Fact]]:
    """The fact names that several kinds define (``authors``, ``licences``, ...), each with its
    facts: each becomes a view ``fact_<name>`` over all of them (:func:`create_across_kinds`)."""
    by_name: dict[str, list[Fact]] = {}
    for f in facts() if defined is None else defined:
        by_name.setdefault(f.name, []).append(f)
    return {name: fs for name, fs in sorted(by_name.items()) if len(fs) > 1}


def create_across_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Views ``fact_<name>`` for the fact names of :func:`across_kinds`: a first column ``kind``
    (the repo kind), then the kinds' rows of ``fact_<kind>__<name>`` (by column name; a column one
    kind lacks is NULL there), over the tables present on ``con``. Returns the views created."""
    made = []
    for name, defined in across_kinds().items():
        present = [f for f in defined if _has_view(con, f.table)]
        if not present:
            continue
        # identifiers and kinds come from file names (lower-case words), never from data
        union = " UNION ALL BY NAME ".join(
            f"SELECT '{f.kind}' AS kind, * FROM \"{f.table}\"" for f in present
        )
        con.execute(f'CREATE OR REPLACE VIEW "fact_{name}" AS {union}')
        made.append(f"fact_{name}")
    return made


def materialize(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Run every fact whose input view exists on ``con`` (``<kind>``, or ``<kind>_raw`` for a raw
    fact: hand-built tables named ``<kind>`` alone skip the quality facts) and store it as table ``fact_<kind>__<name>``.

    This computes facts directly over the views (all weeks at once); the fact store computes
    the same tables week by week with caching (a derived fact reads the tables made before it).
    Then the views over several kinds (:func:`create_across_kinds`). Returns the tables created.
    """
    made = []
    for fact in facts():
        if not _has_view(con, fact.kind) or (fact.raw and not _has_view(con, fact.source)):
            continue
        with seeds.registered(con, fact.seeds):  # names come from file names
            con.execute(f'CREATE OR REPLACE TABLE "{fact.table}" AS {fact.sql}')
        made.append(fact.table)
    create_across_kinds(con)
    return made
