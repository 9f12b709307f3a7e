"""The headline numbers of a week: repositories, new repositories, attention and lineage.

Used by the "State of the Hub" report template and by the Home page. Every function takes a
DuckDB connection with the snapshot views (see CONTRIBUTING.md, "Snapshot views") and runs the
SQL files in ``sql/`` with bind parameters.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from analysis.provenance import Provenance

SQL_DIR = Path(__file__).with_name("sql")

#: The kinds the headline counts cover, in display order, with a readable name.
COUNTED_KINDS: dict[str, str] = {"models": "Models", "datasets": "Datasets", "spaces": "Spaces"}


def _sql(name: str) -> str:
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _relations(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    return {r[0] for r in rows}


def kinds_present(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The counted kinds whose view exists on ``con``, in display order."""
    names = _relations(con)
    return [k for k in COUNTED_KINDS if k in names]


def available_weeks(con: duckdb.DuckDBPyConnection) -> list[dt.date]:
    """Every week label in the ``weeks`` table, ascending."""
    rows = con.execute("SELECT DISTINCT week FROM weeks ORDER BY week").fetchall()
    return [r[0] for r in rows]


def week_files(con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date) -> pd.DataFrame:
    """The snapshot files (kind, week, path, revision, sha256, bytes, rows, era, repeat_of) of the weeks."""
    return con.execute(_sql("week_files"), {"first": first, "last": last}).df()


def weekly_repos(con: duckdb.DuckDBPyConnection, first: dt.date, last: dt.date) -> pd.DataFrame:
    """Per kind and week: repos, created_in_week, created_unknown, repeat_of and change.

    ``change`` is the difference in repos from the week labelled 7 days earlier, NULL when that
    week is not in the range. ``repeated`` is True when the week's file repeats the previous
    week's byte for byte: its change is then not a measurement (the upstream copy did not move).
    """
    files = week_files(con, first, last)
    frames = []
    for kind in kinds_present(con):
        df = con.execute(_sql(f"repos_{kind}"), {"first": first, "last": last}).df()
        df.insert(0, "kind", kind)
        frames.append(df)
    columns = ["kind", "week", "repos", "created_in_week", "created_unknown"]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    out["week"] = pd.to_datetime(out["week"]).dt.date
    rep = files[["kind", "week", "repeat_of"]].copy()
    rep["week"] = pd.to_datetime(rep["week"]).dt.date
    out = out.merge(rep, on=["kind", "week"], how="left")
    out["repeated"] = out["repeat_of"].notna()
    prev = out[["kind", "week", "repos"]].copy()
    prev["week"] = prev["week"] + dt.timedelta(days=7)
    out = out.merge(
        prev.rename(columns={"repos": "previous_repos"}), on=["kind", "week"], how="left"
    )
    out["change"] = (out["repos"] - out["previous_repos"]).astype("Int64")
    out = out.drop(columns=["previous_repos"])
    for col in ("repos", "created_in_week", "created_unknown"):
        out[col] = out[col].astype("Int64")
    order = {k: i for i, k in enumerate(COUNTED_KINDS)}
    out = out.sort_values(["week", "kind"], key=lambda s: s.map(order) if s.name == "kind" else s)
    return out.reset_index(drop=True)


def models_attention(con: duckdb.DuckDBPyConnection, week: dt.date) -> pd.DataFrame:
    """One row for ``week``: models, zero-download share, top-1% download share, lineage counts."""
    if "models" not in _relations(con):
        return pd.DataFrame()
    df = con.execute(_sql("models_attention"), {"week": week}).df()
    df.insert(0, "week", week)
    return df


@dataclass(frozen=True)
class Headline:
    """What the Home page and a report show first for one week."""

    week: dt.date
    repos: pd.DataFrame  # weekly_repos rows of the week and the week before
    attention: pd.DataFrame  # models_attention of the week (empty without a models view)

    def row(self, kind: str) -> pd.Series | None:
        rows = self.repos[(self.repos["kind"] == kind) & (self.repos["week"] == self.week)]
        return None if rows.empty else rows.iloc[0]


def headline(con: duckdb.DuckDBPyConnection, week: dt.date) -> Headline:
    prev = week - dt.timedelta(days=7)
    return Headline(
        week=week, repos=weekly_repos(con, prev, week), attention=models_attention(con, week)
    )


def _int(n: object) -> str:
    if n is None or n is pd.NA or (isinstance(n, float) and math.isnan(n)):
        return "n/a"
    return f"{int(n):,}"  # type: ignore[call-overload]


def _pct(x: object) -> str:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{100 * float(x):.1f}%"  # type: ignore[arg-type]


def _signed(n: object) -> str:
    if n is None or n is pd.NA:
        return "n/a (previous week not available)"
    return f"{int(n):+,}"  # type: ignore[call-overload]


def headline_markdown(h: Headline, prov: Provenance) -> str:
    """A Markdown table and sentences of the week's numbers, all taken from ``h``."""
    lines = [
        f"Numbers for the snapshot week labelled **{h.week.isoformat()}** "
        f"(the state at the end of the week starting that Wednesday).",
        "",
        "| | Repositories | Created during the week | Change from the week before |",
        "|---|---:|---:|---:|",
    ]
    notes = []
    for kind, label in COUNTED_KINDS.items():
        r = h.row(kind)
        if r is None:
            continue
        change = _signed(r["change"])
        if bool(r["repeated"]):
            change = "repeated week"
            notes.append(
                f"The {kind} file of this week repeats the week before byte for byte "
                f"(the upstream copy did not move): its change is not a measurement."
            )
        lines.append(f"| {label} | {_int(r['repos'])} | {_int(r['created_in_week'])} | {change} |")
    if not h.attention.empty:
        a = h.attention.iloc[0]
        lines += [
            "",
            f"Of the models, {_pct(a['zero_download_share'])} had no download in the last 30 days, "
            f"the most downloaded 1% took {_pct(a['top1pct_download_share'])} of all 30-day downloads, "
            f"and {_pct(a['base_model_share'])} declare a base model "
            f"({_int(a['finetunes'])} fine-tunes, {_int(a['quantizations'])} quantizations, "
            f"{_int(a['adapters'])} adapters, {_int(a['merges'])} merges).",
        ]
    if notes:
        lines += ["", *notes]
    lines += ["", f"*{prov.source_line()}*"]
    return "\n".join(lines) + "\n"
