"""What a snapshot root holds: weeks per kind, gaps, revisions, rows, schema eras, repeats."""

from __future__ import annotations

import os
from typing import Any

from analysis.snapshots.manifest import refresh_manifest
from analysis.snapshots.revision import read_revision
from analysis.snapshots.root import SnapshotRoot


def describe(root: str | os.PathLike[str]) -> dict[str, Any]:
    """A JSON-ready description of the root (refreshing its manifest: hashes changed files)."""
    sroot = SnapshotRoot(root)
    rev = read_revision(sroot.path)
    manifest = refresh_manifest(sroot, strict=False)
    kinds: dict[str, Any] = {}
    for kind in sroot.kinds:
        entries = manifest.for_kind(kind)
        weeks = sroot.weeks(kind)
        eras: dict[str, dict[str, Any]] = {}
        for e in entries:
            era = eras.setdefault(e.era, {"first": e.week.isoformat(), "weeks": 0})
            era["last"] = e.week.isoformat()
            era["weeks"] += 1
        kinds[kind] = {
            "weeks": len(weeks),
            "first": weeks[0].isoformat(),
            "last": weeks[-1].isoformat(),
            "missing_weeks": [d.isoformat() for g in sroot.gaps(kind) for d in g.missing],
            "off_grid_weeks": [d.isoformat() for d in sroot.off_grid(kind)],
            "repeats": [
                {"week": e.week.isoformat(), "repeat_of": e.repeat_of.isoformat()}
                for e in entries
                if e.repeat_of
            ],
            "revisions": sorted({e.revision for e in entries}),
            "bytes": sum(e.bytes for e in entries),
            "rows": {e.week.isoformat(): e.rows for e in entries},
            "eras": eras,
            "missing_columns": {
                e.week.isoformat(): list(e.missing_columns) for e in entries if e.missing_columns
            },
            "extra_columns": sorted({c for e in entries for c in e.extra_columns}),
        }
    return {
        "root": str(sroot.path),
        "revision": rev.revision,
        "revision_source": rev.source,
        "generated": rev.generated,
        "kinds": kinds,
        "problems": [str(p) for p in sroot.problems],
        "unreadable": sorted(manifest.unreadable.values()),
    }


def _safe(text: str) -> str:
    """Text from files or folder names with control characters shown as escapes (for a terminal)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _dates(dates: list[str], limit: int = 8) -> str:
    shown = ", ".join(dates[:limit])
    return shown + (f", ... ({len(dates)} in all)" if len(dates) > limit else "")


def describe_text(d: dict[str, Any]) -> str:
    """The description as plain text for a terminal."""
    lines = [f"snapshot root {_safe(d['root'])}"]
    if d["generated"]:
        lines.append("GENERATED SAMPLE: fictional data in the real schema, not facts about the Hub")
    if d["revision_source"] == "none":
        lines.append("revision unknown (no REVISION, generator.json or manifest.json records one)")
    else:
        lines.append(f"revision {_safe(d['revision'])} (from {d['revision_source']})")
    if not d["kinds"]:
        lines.append("no snapshot files (<kind>/<YYYY-MM-DD>/<kind>.parquet)")
    for kind, k in d["kinds"].items():
        rows = list(k["rows"].values())
        lines.append("")
        lines.append(
            f"{kind}: {k['weeks']} weeks, {k['first']} to {k['last']}, {k['bytes']:,} bytes"
        )
        if rows:
            lines.append(
                f"  rows per week: {min(rows):,} to {max(rows):,} (last week {rows[-1]:,})"
            )
        if len(k["revisions"]) > 1 or k["revisions"] != [d["revision"]]:
            lines.append(f"  revisions: {', '.join(k['revisions'])}")
        lines.append("  schema eras:")
        for era, e in k["eras"].items():
            lines.append(f"    {era}: {e['weeks']} weeks, {e['first']} to {e['last']}")
        if k["missing_weeks"]:
            lines.append(f"  missing weeks: {_dates(k['missing_weeks'])}")
        if k["off_grid_weeks"]:
            lines.append(f"  labels off the 7-day grid: {_dates(k['off_grid_weeks'])}")
        if k["repeats"]:
            reps = [f"{r['week']} (= {r['repeat_of']})" for r in k["repeats"]]
            lines.append(f"  repeated weeks (byte-identical to the week before): {_dates(reps)}")
        if k["extra_columns"]:
            lines.append(
                f"  columns not in analysis.schema: {_safe(', '.join(k['extra_columns']))}"
            )
    if d["problems"]:
        lines.append("")
        lines.append("ignored (not in the layout):")
        lines.extend(f"  {_safe(p)}" for p in d["problems"])
    if d["unreadable"]:
        lines.append("")
        lines.append("UNREADABLE files (corrupt or truncated):")
        lines.extend(f"  {_safe(u)}" for u in d["unreadable"])
    return "\n".join(lines) + "\n"
