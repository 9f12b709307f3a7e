"""The row checks' counts (facts ``<kind>__quality``) summarized for readers (the Data page).

The counts are defined in ``sql/<kind>__quality.sql`` and what the views do with each bad row in
``analysis/snapshots/sql/clean.sql``; this module only sums them over the weeks of a connection.
"""

from __future__ import annotations

import duckdb

from analysis import fmt

KINDS = ("models", "datasets", "spaces")

#: each count's name on the page, in the facts' column order
LABELS = {
    "duplicate_ids": "rows repeating an id (one row per id kept: the latest `lastModified`)",
    "null_or_empty_ids": "rows without an id (dropped)",
    "null_authors": "rows without an author (the id's owner part used)",
    "negative_downloads": "negative download counts (left out: no value)",
    "negative_likes": "negative like counts (left out: no value)",
    "placeholder_created": "the Hub's placeholder `createdAt` of its oldest repositories",
    "created_after_week": "`createdAt` after the end of the snapshot's week",
    "self_links": "models naming only themselves as base model (no base model)",
    "non_integer_downloads": "download counts that are not whole numbers (left out: no value)",
    "non_integer_likes": "like counts that are not whole numbers (left out: no value)",
}


def _cell(value: object) -> str:
    if value is None:  # the check does not apply to the kind
        return "n/a"
    assert isinstance(value, int), value  # counts and sums of counts
    return str(fmt.number(value))


def summary_markdown(con: duckdb.DuckDBPyConnection) -> str:
    """A Markdown table: per row check, its count summed over every week of each kind
    (``n/a`` where the check does not apply to the kind), and the rows and weeks read.
    Column and table names come from the constants above, never from data."""
    totals: dict[str, dict[str, object]] = {}
    for kind in KINDS:
        sums = ", ".join(f'sum("{c}") AS "{c}"' for c in ("rows", *LABELS))
        cur = con.execute(f"SELECT count(*) AS weeks, {sums} FROM fact_{kind}__quality")
        names = [d[0] for d in cur.description or ()]
        row = cur.fetchone() or ()
        totals[kind] = dict(zip(names, row, strict=True))
    head = "| Check | " + " | ".join(KINDS) + " |"
    lines = [head, "|---|" + "---:|" * len(KINDS)]
    lines.append("| weeks read | " + " | ".join(_cell(totals[k]["weeks"]) for k in KINDS) + " |")
    lines.append(
        "| rows read (all weeks) | " + " | ".join(_cell(totals[k]["rows"]) for k in KINDS) + " |"
    )
    for col, label in LABELS.items():
        # NULL: the check does not apply to the kind (or the kind has no week)
        cells = [_cell(totals[k][col]) for k in KINDS]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    cycles = _cell(cycle_count(con))
    lines.append(f"| {CYCLES_LABEL} | {cycles} | n/a | n/a |")
    unknown = [_cell(n) for n in unknown_field_counts(con)]
    lines.append(f"| {UNKNOWN_LABEL} | " + " | ".join(unknown) + " |")
    return "\n".join(lines) + "\n"


CYCLES_LABEL = (
    "models on a cycle of base-model links (the family walk stops there; the family is named "
    "after the cycle's smallest id)"
)


def _has(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    rows = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = $t", {"t": table}
    ).fetchall()
    return bool(rows and rows[0][0])


def cycle_count(con: duckdb.DuckDBPyConnection) -> int | None:
    """Models on a cycle of base-model links, summed over the weeks (fact ``models__cycles``);
    None without that fact."""
    if not _has(con, "fact_models__cycles"):
        return None
    row = con.execute("SELECT sum(models_in_cycles) FROM fact_models__cycles").fetchone()
    return 0 if row is None or row[0] is None else int(row[0])


UNKNOWN_LABEL = (
    "nested fields the schema does not know (such as `safetensors.parameters` dtypes; "
    "kept, not read), distinct names"
)


def unknown_field_counts(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Per kind of :data:`KINDS`: the distinct nested fields ``analysis.schema`` does not know
    that its weeks' files carry (the table ``unknown_fields`` of ``analysis.snapshots.connect``;
    0 where the connection has none)."""
    if not _has(con, "unknown_fields"):
        return [0 for _ in KINDS]
    rows = con.execute(
        "SELECT kind, count(DISTINCT field) FROM unknown_fields GROUP BY kind"
    ).fetchall()
    found = {str(k): int(n) for k, n in rows}
    return [found.get(k, 0) for k in KINDS]
