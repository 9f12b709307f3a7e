"""What the row checks cost: the checked view ``models`` against the raw view ``models_raw``.

``python -m benchmarks.row_checks <root> [--repeat N] [--out result.json]``: over the root's
latest models week (a full-size one from ``hubobs sample full-week``), times the same queries
over both views, and the week's whole fact reduction (which reads the checked view, the quality
fact the raw one). The checked view keeps one row per id (a window over ``id`` and
``lastModified``), so every query through it reads those two columns besides its own.

Queries (each the fastest of ``--repeat`` runs, after one untimed warm-up):

* ``count``: ``count(*)``;
* ``counts``: the fact ``models__counts``'s SQL;
* ``concentration``: the fact ``models__concentration``'s SQL (sorts every value).

Prints one JSON line (and writes it to ``--out``): seconds per query and view, the ratio
checked / raw, rows of each view, DuckDB's version and thread count.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import duckdb

from analysis.facts.definitions import facts
from analysis.facts.reduce import run_facts
from analysis.snapshots import connect
from analysis.weeks import weeks


def _fact_sql(name: str) -> str:
    return next(f.sql for f in facts("models") if f.name == name)


def _best(con: duckdb.DuckDBPyConnection, sql: str, repeat: int) -> float:
    con.execute(sql).fetchall()  # warm-up: footers, file cache
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        con.execute(sql).fetchall()
        best = min(best, time.perf_counter() - t0)
    return best


def measure(root: Path, repeat: int = 3) -> dict[str, Any]:
    con = connect(root, kinds="models")
    week = weeks(con, "models")[-1]
    con = connect(root, kinds="models", weeks=week)
    queries = {
        "count": "SELECT count(*) FROM models",
        "counts": _fact_sql("counts"),
        "concentration": _fact_sql("concentration"),
    }
    out: dict[str, Any] = {
        "root": str(root),
        "week": week.isoformat(),
        "duckdb": duckdb.__version__,
        "threads": con.execute("SELECT current_setting('threads')").fetchone(),
        "rows_raw": con.execute("SELECT count(*) FROM models_raw").fetchone(),
        "rows_checked": con.execute("SELECT count(*) FROM models").fetchone(),
        "seconds": {},
        "ratio_checked_over_raw": {},
    }
    for name, sql in queries.items():
        checked = _best(con, sql, repeat)
        raw = _best(con, sql.replace("FROM models", "FROM models_raw"), repeat)
        out["seconds"][name] = {"raw": round(raw, 3), "checked": round(checked, 3)}
        out["ratio_checked_over_raw"][name] = round(checked / raw, 2) if raw else None
    t0 = time.perf_counter()
    run_facts(con, "models", facts("models"))
    out["seconds"]["all_models_facts"] = round(time.perf_counter() - t0, 3)
    return out


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("root", type=Path)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--out", type=Path)
    args = p.parse_args()
    result = measure(args.root, args.repeat)
    line = json.dumps(result, default=str)
    print(line)
    if args.out:
        args.out.write_text(line + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
