"""The week's numbers as readers see them: the table and sentences of the Home page and of each
report, every number taken from :class:`~analysis.week.metrics.Summary`."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import definitions, fmt, tables
from analysis.findings import Findings
from analysis.lineage.words import relation_phrase
from analysis.provenance import Provenance
from analysis.week.metrics import COUNTED_KINDS, Summary, base_model_counts


def _change(row: pd.Series) -> fmt.Formatted:
    if bool(row["is_repeat"]):
        return fmt.Formatted("repeated week")
    if fmt.is_missing(row["net_change"]):
        return fmt.Formatted(fmt.MISSING)
    text = fmt.signed(int(row["net_change"]))
    weeks = float(row["change_weeks"])
    return text if weeks == 1 else fmt.Formatted(f"{text} (over {fmt.number(weeks, 0)} weeks)")


REPOS_HEADERS = ("Kind", "Repositories", "Created during the week", "Change from the week before")


def repos_table(s: Summary) -> pd.DataFrame:
    """The chosen week's repositories per kind, formatted for reading."""
    rows = []
    for kind, label in COUNTED_KINDS.items():
        r = s.repos()[s.repos()["kind"] == kind]
        if r.empty:
            continue
        row = r.iloc[0]
        rows.append(
            {
                "Kind": fmt.Formatted(label),
                "Repositories": fmt.cell(row["repos"], "number"),
                "Created during the week": fmt.cell(row["created"], "number"),
                "Change from the week before": _change(row),
            }
        )
    return pd.DataFrame(rows)


def findings(s: Summary, provenance: Provenance) -> Findings:
    """Sentences on attention and lineage in the week."""
    f = Findings(provenance)
    a = s.attention
    if a is not None and not fmt.is_missing(a["zero_share"]):
        top1 = a["top1_share"]
        f.add(
            "Of the {n} with a known 30-day download count, {zero} had none; {top}.",
            n=fmt.count(int(a["n"]), "model"),
            zero=fmt.percent(float(a["zero_share"])),
            top=fmt.Formatted(
                "no model was downloaded at all"
                if fmt.is_missing(top1)
                else f"the most downloaded 1% ({fmt.count(int(a['top1_n']), 'model')}) took "
                f"{fmt.percent(float(top1))} of all 30-day downloads"
            ),
        )
    counts = base_model_counts(s)
    total = sum(counts.values())
    declared = {r: n for r, n in counts.items() if r != "none"}
    if total:
        f.add(
            "{share} of the week's {n} declare a base model ({phrase}).",
            share=fmt.percent(sum(declared.values()) / total),
            n=fmt.count(total, "model"),
            phrase=relation_phrase(declared),
        )
    for _, row in s.repos().iterrows():
        if bool(row["is_repeat"]):
            f.add(
                "The {kind} file of this week repeats the week before byte for byte (the upstream "
                "copy did not move): its change is not a measurement.",
                kind=fmt.Formatted(str(row["kind"])),
            )
    return f


def headline(s: Summary, provenance: Provenance) -> str:
    """The Home page's and a report's first block: the week, the table, the sentences."""
    lines = [
        f"Numbers for the snapshot week labelled **{fmt.date(s.week)}** (the state at the end "
        "of the week starting that Wednesday).",
        "",
        tables.markdown(
            repos_table(s),
            formats=dict.fromkeys(REPOS_HEADERS, "ours"),
            align=["left", "right", "right", "right"],
        ),
    ]
    f = findings(s, provenance)
    if len(f):
        lines += ["", f.to_markdown()]
    else:
        lines += ["", f"*{provenance.source_line()}*"]
    return "\n".join(lines).rstrip() + "\n"


HISTORY_HEADERS = {
    "week": "Week",
    "kind": "Kind",
    "repos": "Repositories",
    "created": "Created during the week",
    "net_change": "Change from the week before",
    "is_repeat": "Repeats the week before",
}


def history_table(s: Summary) -> pd.DataFrame:
    """Repositories per kind and week over the report's weeks, newest first, for reading."""
    h = s.history.sort_values(["week", "kind"], ascending=[False, True])
    out = h[list(HISTORY_HEADERS)].copy()
    out["kind"] = out["kind"].map(COUNTED_KINDS)
    return out.reset_index(drop=True)


def history_markdown(s: Summary) -> str:
    """:func:`history_table` as a Markdown table (thousands separators, dates, an en dash for
    missing values)."""
    return tables.markdown(
        history_table(s),
        formats={"week": "date", "net_change": "change", "kind": "text"},
        headers=HISTORY_HEADERS,
    )


def save_tables(s: Summary, provenance: Provenance, folder: str | Path = ".") -> list[str]:
    """Write the tables behind a report (CSV, parquet and column docs) into ``folder``."""
    defs = definitions.load("week")
    out: list[str] = []
    frames = {
        "repositories_by_week": s.history,
        "models_attention": s.attention_frame(),
        "base_models": s.lineage,
    }
    for name, frame in frames.items():
        d = defs.table(name)
        tables.check_columns(frame, d.columns, f"table {name}")
        files = tables.write_data(
            frame,
            Path(folder),
            name,
            title=d.title,
            description=d.description,
            source_line=provenance.source_line(),
            columns=d.columns,
        )
        out += [p.name for p in files]
    return out


__all__ = [
    "findings",
    "headline",
    "history_markdown",
    "history_table",
    "repos_table",
    "save_tables",
]
