"""Findings of the growth analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings
from analysis.fmt import Formatted, change, count, date, number
from analysis.provenance import Provenance


def _n(row: pd.Series, col: str) -> int:
    value = row.get(col)
    return 0 if value is None or pd.isna(value) else int(value)


def left_out(f: Findings, kind: str, rows: list[pd.Series]) -> None:
    """The sentence saying how many rows of the weeks named the row checks left out of the
    repository counts and why (nothing when none was, or without the quality facts)."""
    parts = []
    for row in rows:
        dups, no_id = _n(row, "left_out_duplicates"), _n(row, "left_out_no_id")
        parts.append((row["week"], dups, no_id))
    if not any(d or n for _, d, n in parts):
        return
    said = "; ".join(
        f"in the week of {date(w)}, {count(d, 'row')} repeating an id and {count(n, 'row')} "
        "without an id"
        for w, d, n in parts
    )
    f.add(
        "Left out of these {kind} counts by the row checks (one row kept per id, rows without an "
        "id dropped): {said}.",
        kind=Formatted(kind),
        said=Formatted(said),
    )


def findings(weekly: pd.DataFrame, monthly: pd.DataFrame, prov: Provenance) -> Findings:
    """Existing and created repos per kind, repeated weeks, and the busiest complete month."""
    f = Findings(prov, heading="Growth")
    for kind in ("models", "datasets", "spaces"):
        w = weekly[weekly["kind"] == kind].sort_values("week")
        if w.empty:
            continue
        if len(w) == 1:
            only = w.iloc[0]
            f.add(
                "{kind}: {n} in the week of {week}, the only week in the range: a change needs "
                "two weeks.",
                kind=kind.capitalize(),
                n=int(only["repos"]),
                week=date(only["week"]),
            )
            left_out(f, kind, [only])
            continue
        if not w["repos"].any():
            f.add(
                "{kind}: none in any of the {n} weeks of the range (their files hold no rows).",
                kind=kind.capitalize(),
                n=len(w),
            )
            continue
        if not w.iloc[0]["repos"]:
            f.add(
                "{kind}: none in the week of {week}, {last_n} in the week of {last_week}.",
                kind=kind.capitalize(),
                week=date(w.iloc[0]["week"]),
                last_n=int(w.iloc[-1]["repos"]),
                last_week=date(w.iloc[-1]["week"]),
            )
            continue
        first, last = w.iloc[0], w.iloc[-1]
        created = w["created"].dropna()
        f.add(
            "{kind}: {first_n} in the week of {first_week}, {last_n} in the week of {last_week} "
            "({growth}); {created} created over {observed} observed weeks, {per_week} a week on average.",
            kind=kind.capitalize(),
            first_n=int(first["repos"]),
            first_week=date(first["week"]),
            last_n=int(last["repos"]),
            last_week=date(last["week"]),
            growth=change(last["repos"] / first["repos"] - 1),
            created=int(created.sum()),
            observed=len(created),
            per_week=number(float(created.mean()) if len(created) else 0.0, 1),
        )
        left_out(f, kind, [first, last])
    repeats = weekly[weekly["is_repeat"]].drop_duplicates("week")
    if repeats.empty:
        f.add("No week in the range repeats its predecessor's file.")
    else:
        f.add(
            "{n} repeat the previous week's file byte for byte ({weeks}); they are marked, and their "
            "creations are taken from the following week's file where it is fresh.",
            n=count(len(repeats), "week"),
            weeks=Formatted(", ".join(date(x) for x in sorted(repeats["week"]))),
        )
    full = monthly[(monthly["kind"] == "models") & monthly["complete"]]
    if not full.empty:
        top = full.sort_values(["created", "month"], ascending=[False, True]).iloc[0]
        f.add(
            "Among the {n} fully observed months, most models were created in {month}: {created}.",
            n=len(full),
            month=Formatted(pd.Timestamp(top["month"]).strftime("%Y-%m")),
            created=int(top["created"]),
        )
    return f
