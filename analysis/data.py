"""Opening a snapshot root for analysis: the one call every notebook, report and explorer makes.

:func:`open_data` resolves ``root`` against the project root (notebook parameters are relative
to it, while the kernel runs elsewhere), builds or reuses the cached facts of the weeks in
[start, end], and returns a :class:`Data`: the DuckDB connection (fact views, snapshot views,
the ``weeks`` table), the :class:`~analysis.provenance.Provenance` of everything opened, and the
lineage graph (:class:`analysis.lineage.Lineage`, made on first use). DuckDB's progress bar is
off so that a re-executed notebook prints exactly the same output.

Lower layers keep their own entry points (``analysis.snapshots.connect`` for raw views,
``analysis.facts.store.open_facts`` for facts); nothing above the facts calls them directly.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from analysis.lineage import Lineage
from analysis.paths import PROJECT_ROOT, resolve
from analysis.provenance import Provenance
from analysis.query import date_range
from analysis.schema import KINDS


@dataclass
class Data:
    """A snapshot root opened for the weeks in [start, end]."""

    root: Path
    start: dt.date | None
    end: dt.date | None
    con: duckdb.DuckDBPyConnection
    provenance: Provenance
    _lineage: Lineage | None = field(default=None, repr=False)

    @property
    def lineage(self) -> Lineage:
        """The family trees of the opened weeks (built week by week, on demand)."""
        if self._lineage is None:
            self._lineage = Lineage(self.con)
        return self._lineage

    def source_line(self) -> str:
        return self.provenance.source_line()

    def provenance_of(
        self, kinds: str | Iterable[str] | None = None, weeks: Iterable[dt.date] | None = None
    ) -> Provenance:
        """The provenance of some kinds and weeks of what was opened (a result that used the
        models file of one week names only that file)."""
        from analysis.snapshots import provenance

        return provenance(self.con, kinds=kinds, weeks=list(weeks) if weeks is not None else None)

    def provenance_for(self, sources: str) -> Provenance:
        """The provenance a definitions file's ``sources`` rule names: ``all`` (everything
        opened), a kind (``models``: its files) or a kind's latest week (``models@latest``; no
        file when the kind has no week: the figure or finding then says it is empty)."""
        from analysis.definitions import check_sources
        from analysis.weeks import latest as latest_week

        kind, _, latest = check_sources(sources, "sources").partition("@")
        if kind == "all":
            return self.provenance
        if latest:
            week = latest_week(self.con, kind, self.end)
            return self.provenance_of(kind, [week] if week is not None else [])
        return self.provenance_of(kind)

    def findings_provenance(self, analysis: str) -> Provenance:
        """The provenance of an analysis' findings (its definitions file's ``sources``)."""
        from analysis.definitions import load

        return self.provenance_for(load(analysis).sources)

    def kinds(self) -> list[str]:
        """The kinds with at least one week in what was opened."""
        from analysis.weeks import weeks

        return [k for k in KINDS if weeks(self.con, k)]

    def missing_note(self, *analyses: str) -> Any:
        """What a page cannot show here: a Markdown note naming the kinds its analyses are
        about that have no week in the chosen range, with the command that fetches them; None
        when nothing is missing (the cell then shows nothing)."""
        from IPython.display import Markdown

        from analysis import escape
        from analysis.definitions import load

        wanted = {k for a in analyses for k in load(a).kinds}
        present = self.kinds()
        missing = [k for k in KINDS if k in wanted and k not in present]
        if not missing:
            return None
        names = " and ".join(missing)
        try:
            root = self.root.resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
        except ValueError:
            root = str(self.root)
        fetch = "; ".join(
            f"`hubobs fetch --week latest --kind {k} --root {escape.clean(root, 200)}`"
            for k in missing
        )
        return Markdown(
            f"> **No {names} in this data.** The root holds no {names} week in the chosen "
            f"range, so what this page says about {names} is empty. Fetch them with {fetch}.\n"
        )

    def close(self) -> None:
        if self._lineage is not None:
            self._lineage.close()
            self._lineage = None
        self.con.close()


def open_data(
    root: str | os.PathLike[str],
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
) -> Data:
    """The facts of ``root`` for weeks in [start, end] (None: unbounded) and their provenance."""
    from analysis.facts.store import open_facts

    span = date_range(start, end)
    path = resolve(root)
    con, prov = open_facts(path, span["start"], span["end"], progress=False)
    con.execute("SET enable_progress_bar = false")
    return Data(path, span["start"], span["end"], con, prov)


__all__ = ["Data", "open_data"]
