"""The Reports page's section on what changed between two versions of a week (Markdown).

Written by :func:`analysis.reports.index.write_all` into ``_generated/report-changes.md`` and
included by ``reports/index.qmd``. For each version after the first of its week: the inputs
that changed (from the two ``provenance.json``), the numbers that moved (at most
:data:`MAX_VALUES` rows; every one is in ``changes.json``), and the rows and tables only one
version has. Every value from the tables or records is escaped (``analysis.tables.markdown``).
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from analysis import escape, fmt, tables

#: Numbers moved shown per comparison (all of them are in ``changes.json``).
MAX_VALUES = 30
#: Keys of rows added or removed named per table.
MAX_ROWS = 10

NONE_YET = (
    "No week has more than one version yet: when a rebuild publishes version 2 of a week, "
    "what changed since version 1 is listed here."
)


def value(v: object) -> fmt.Formatted:
    """A compared value for readers: numbers formatted, missing as a dash, text escaped."""
    if isinstance(v, numbers.Real) and not isinstance(v, bool):
        if isinstance(v, numbers.Integral):
            return fmt.number(int(v))
        return fmt.number(float(v), 4 if abs(float(v)) < 10 else 1)
    text = fmt.cell(v)
    return text if isinstance(text, fmt.Formatted) else fmt.Formatted(escape.markdown(text, 200))


def delta(item: Mapping[str, Any]) -> fmt.Formatted:
    d = item.get("change")
    if d is None:
        return fmt.Formatted(fmt.MISSING)
    text: str = fmt.signed(d) if isinstance(d, int) else value(d)
    if not isinstance(d, int) and d > 0:
        text = "+" + text
    rel = item.get("relative")
    return fmt.Formatted(f"{text} ({fmt.change(rel)})" if rel is not None else text)


def key_text(key: Mapping[str, Any]) -> str:
    """A row's key as ``kind models, week 2025-03-19`` (Hub text: escaped where shown)."""
    return ", ".join(f"{k} {escape.clean(v, 120)}" for k, v in key.items())


def input_value(what: str, v: object) -> fmt.Formatted:
    """An input's value for readers (escaped): a file as its checksum, size and rows; a digest
    or revision as its first 12 hex digits."""
    if v is None:  # a file that one version did not read; a digest an older version lacks
        return fmt.Formatted("none" if what.startswith("snapshot file") else "not recorded")
    if isinstance(v, Mapping):
        parts = []
        if v.get("sha256"):
            parts.append(f"SHA-256 {escape.clean(v['sha256'], 64)[:12]}")
        if v.get("bytes") is not None:
            parts.append(f"{fmt.number(int(v['bytes']))} bytes")
        if v.get("rows") is not None:
            parts.append(f"{fmt.number(int(v['rows']))} rows")
        text = ", ".join(parts)
    elif isinstance(v, list):
        text = ", ".join(escape.clean(x, 40) for x in v[:20])
    else:
        text = escape.clean(v, 200)
        if what in ("dataset revision", "template", "code", "inputs digest"):
            text = text[:12]
    return fmt.Formatted(escape.markdown(text, None))


def _comparison(c: Mapping[str, Any]) -> str:
    b, a = c["before"], c["after"]
    vb, va = f"Version {b['version']}", f"Version {a['version']}"
    lines = [
        f"### Week {c['week']}: version {a['version']} against version {b['version']}",
        "",
        f"[{va}]({a['slug']}/index.ipynb) against [{vb.lower()}]({b['slug']}/index.ipynb).",
        "",
    ]
    changed = pd.DataFrame(
        [
            {
                "Input": i["input"],
                vb: input_value(i["input"], i["before"]),
                va: input_value(i["input"], i["after"]),
            }
            for i in c["inputs"]
        ],
        columns=["Input", vb, va],
    )
    if len(changed):
        lines += [
            "**Inputs that changed**",
            "",
            tables.markdown(changed, {vb: "ours", va: "ours"}, align=["left"] * 3),
        ]
    else:
        lines += ["**Inputs**: the same (a version published with `--new-version`).", ""]
    moved = [dict(item, table=t["table"]) for t in c["tables"] for item in t.get("values", [])]
    if moved:
        shown = pd.DataFrame(
            [
                {
                    "Table": m["table"],
                    "Row": key_text(m["key"]),
                    "Column": m["column"],
                    vb: value(m["before"]),
                    va: value(m["after"]),
                    "Change": delta(m),
                }
                for m in moved[:MAX_VALUES]
            ]
        )
        head = f"**Numbers that moved** ({fmt.number(len(moved))}"
        head += (
            f"; the first {MAX_VALUES} here, all in `changes.json`)"
            if len(moved) > MAX_VALUES
            else ")"
        )
        lines += [
            head,
            "",
            tables.markdown(
                shown,
                {vb: "ours", va: "ours", "Change": "ours"},
                align=["left"] * 3 + ["right"] * 3,
            ),
        ]
    else:
        lines += ["**Numbers that moved**: none.", ""]
    notes = []
    for t in c["tables"]:
        name = escape.markdown(t["table"])
        if t["status"] in ("added", "removed"):
            only = a["version"] if t["status"] == "added" else b["version"]
            notes.append(f"- {name}: only in version {only}")
            continue
        for what, label in (("rows_added", "rows added"), ("rows_removed", "rows removed")):
            rows = t.get(what) or []
            if rows:
                keys = "; ".join(escape.markdown(key_text(k)) for k in rows[:MAX_ROWS])
                more = f"; and {len(rows) - MAX_ROWS} more" if len(rows) > MAX_ROWS else ""
                notes.append(f"- {name}: {fmt.number(len(rows))} {label} ({keys}{more})")
        for what, label in (
            ("columns_added", "columns added"),
            ("columns_removed", "columns removed"),
        ):
            if t.get(what):
                cols = ", ".join(escape.markdown(x) for x in t[what])
                notes.append(f"- {name}: {label}: {cols}")
    if c["tables_unchanged"]:
        same = ", ".join(escape.markdown(x) for x in c["tables_unchanged"])
        notes.append(f"- unchanged tables: {same}")
    if notes:
        lines += ["**Rows and tables**", "", *notes, ""]
    return "\n".join(lines)


def changes_markdown(comparisons: Sequence[Mapping[str, Any]]) -> str:
    """The section's Markdown (its heading is on the page): newest week first."""
    if not comparisons:
        return "\n" + NONE_YET + "\n"
    ordered = sorted(comparisons, key=lambda c: (c["week"], c["after"]["version"]), reverse=True)
    return "\n" + "\n\n".join(_comparison(c) for c in ordered) + "\n"


__all__ = ["MAX_VALUES", "changes_markdown", "delta", "input_value", "key_text", "value"]
