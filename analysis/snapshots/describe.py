"""What a snapshot root holds: weeks per kind, gaps, revisions, rows, schema eras, repeats,
columns missing, extra or of another type than ``analysis.schema``'s, and the files that cannot
be read.

A root is called healthy only when every file of it was read just now: its footer always (the
manifest alone is not trusted: a file can become unreadable without changing size or time), and
with ``check`` every data page of every column, decoded (a damaged page is otherwise found only
when a query reaches it). Folders that cannot be listed count as unreadable too.

The row checks' counts per week (``quality``) are computed from the readable files with the SQL
of the facts ``<kind>__quality`` (``analysis/facts/sql``: each count defined once, there).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from analysis.errors import SnapshotError, printable
from analysis.schema import COLUMNS, columns_for
from analysis.snapshots.coltypes import Incompatible, merge, unknown_fields
from analysis.snapshots.manifest import Entry, read_footer, refresh_manifest
from analysis.snapshots.revision import read_revision
from analysis.snapshots.root import SnapshotRoot

#: the quality counts, in the order the facts' SQL gives them (``week`` and ``rows`` aside)
QUALITY_KINDS = ("models", "datasets", "spaces")


def check_pages(path: str | os.PathLike[str]) -> int:
    """Decode every column of every row group of ``path``; its row count. A SnapshotError names
    the column and row group that cannot be decoded (one column at a time: bounded memory)."""
    try:
        f = pq.ParquetFile(path)
    except (OSError, pa.ArrowException, ValueError) as exc:
        raise SnapshotError(f"{path}: not a readable parquet file: {exc}") from exc
    with f:
        groups = f.num_row_groups
        for group in range(groups):
            for name in f.schema_arrow.names:
                try:
                    f.read_row_group(group, columns=[name])
                except (OSError, pa.ArrowException, ValueError) as exc:
                    raise SnapshotError(
                        f"{path}: column {name!r}, row group {group + 1} of {groups}: "
                        f"data cannot be decoded (damaged page?): {_one_line(str(exc))}"
                    ) from exc
        return int(f.metadata.num_rows)


def _one_line(message: str) -> str:
    return "; ".join(line.strip() for line in message.splitlines() if line.strip())


def _type_difference(expected: pa.DataType, actual: pa.DataType) -> str | None:
    """How a file's type of a known column differs from analysis.schema's, if it matters:
    'incompatible' (the views refuse it), 'whole' (floats for an integer column: whole numbers
    kept, other values NULL), 'cast' (a scalar cast in the views, which fails on a value that
    does not convert), None (same, or text of another width, or a struct/list the views merge
    by name)."""
    if expected.equals(actual):
        return None
    try:
        merge(expected, actual)
    except Incompatible:
        return "incompatible"
    if pa.types.is_nested(expected) or pa.types.is_nested(actual):
        return None
    if pa.types.is_integer(expected) and pa.types.is_floating(actual):
        return "whole"
    texts = (pa.types.is_string(expected) or pa.types.is_large_string(expected)) and (
        pa.types.is_string(actual) or pa.types.is_large_string(actual)
    )
    return None if texts else "cast"


def quality_counts(
    root: str | os.PathLike[str], kind: str, weeks: list[dt.date]
) -> dict[str, dict[str, int | None]]:
    """Per week (ISO date): the counts of the fact ``<kind>__quality`` over the raw rows of the
    readable files of those weeks (empty when the kind has no quality fact or no week)."""
    from analysis.facts.definitions import facts  # the one definition of the counts
    from analysis.snapshots.views import connect

    fact = next((f for f in facts(kind) if f.name == "quality"), None)
    if fact is None or not weeks:
        return {}
    con = connect(root, kinds=[kind], weeks=list[dt.date | str](weeks), write_manifest=False)
    try:
        cur = con.execute(fact.sql)
        names = [c[0] for c in cur.description or ()]
        rows = cur.fetchall()
    finally:
        con.close()
    out = {}
    for row in sorted(rows, key=lambda r: r[0]):
        values = dict(zip(names, row, strict=True))
        week = values.pop("week")
        out[week.isoformat()] = values
    return out


def cycle_counts(entries: Sequence[Entry], readable: set[dt.date]) -> dict[str, Any]:
    """Models on a cycle of base-model links per readable models week, read from the facts
    cache (the fact ``models__cycles``, cached with the current code; never computed here: the
    family walk needs every lineage fact of the week). ``weeks``: ISO week -> models on a cycle;
    ``not_reduced``: the readable weeks whose fact is not cached."""
    from analysis.facts.cache import default_cache, fact_path
    from analysis.facts.definitions import facts

    fact = next((f for f in facts("models") if f.name == "cycles"), None)
    out: dict[str, Any] = {"weeks": {}, "not_reduced": []}
    if fact is None:
        return out
    cache = default_cache()
    for e in entries:
        if e.week not in readable or len(e.sha256) < 16:
            continue
        path = fact_path(cache, fact, e.week, e.sha256)
        try:
            table = pq.read_table(path, columns=["models_in_cycles"])
        except (OSError, pa.ArrowInvalid, KeyError):
            out["not_reduced"].append(e.week.isoformat())
            continue
        values = table.column("models_in_cycles").to_pylist()
        out["weeks"][e.week.isoformat()] = int(sum(v or 0 for v in values))
    return out


def describe(
    root: str | os.PathLike[str], *, check: bool = False, quality: bool = True
) -> dict[str, Any]:
    """A JSON-ready description of the root (refreshing its manifest: hashes changed files).

    Every file's footer is read again; with ``check`` every page is decoded too
    (:func:`check_pages`). ``healthy`` is False when any file or folder cannot be read, True
    only when every page was decoded (``check``), else None (not known). With ``quality``
    each kind's ``quality`` holds the row checks' counts per readable week
    (:func:`quality_counts`; reading the columns they name), else it is empty.
    """
    sroot = SnapshotRoot(root)
    rev = read_revision(sroot.path)
    manifest = refresh_manifest(sroot, strict=False)
    unreadable = dict(manifest.unreadable)
    schemas: dict[tuple[str, dt.date], pa.Schema] = {}
    for e in manifest.entries:
        path = sroot.path / e.path
        try:
            schemas[(e.kind, e.week)] = read_footer(path)[0]
            if check:
                check_pages(path)
        except SnapshotError as exc:
            unreadable[(e.kind, e.week)] = str(exc)
    kinds: dict[str, Any] = {}
    for kind in sroot.kinds:
        entries = manifest.for_kind(kind)
        weeks = sroot.weeks(kind)
        eras: dict[str, dict[str, Any]] = {}
        expected_missing: dict[str, list[str]] = {}
        extra: dict[str, list[str]] = {}
        types: dict[tuple[str, str, str, str], list[str]] = {}
        nested: dict[str, list[str]] = {}  # week -> the nested fields the schema does not know
        known = {c.name: c.type for c in COLUMNS[kind]}
        for e in entries:
            era = eras.setdefault(e.era, {"first": e.week.isoformat(), "weeks": 0})
            era["last"] = e.week.isoformat()
            era["weeks"] += 1
            expected = {c.name for c in columns_for(kind, e.week)}
            for c in e.missing_columns:
                if c in expected:  # the schema has it by this week: not explained by the era
                    expected_missing.setdefault(c, []).append(e.week.isoformat())
            for c in e.extra_columns:
                extra.setdefault(c, []).append(e.week.isoformat())
            schema = schemas.get((e.kind, e.week))
            for f in schema if schema is not None else ():
                if f.name in known:
                    for field, _ in unknown_fields(known[f.name], f.type, f.name):
                        nested.setdefault(e.week.isoformat(), []).append(field)
                how = _type_difference(known[f.name], f.type) if f.name in known else None
                if how:
                    key = (f.name, str(f.type), str(known[f.name]), how)
                    types.setdefault(key, []).append(e.week.isoformat())
        readable = [e.week for e in entries if (e.kind, e.week) not in unreadable]
        counts: dict[str, dict[str, int | None]] = {}
        quality_error = None
        if quality and kind in QUALITY_KINDS:
            try:
                counts = quality_counts(sroot.path, kind, readable)
            except SnapshotError as exc:
                quality_error = str(exc)
        cycles = cycle_counts(entries, set(readable)) if quality and kind == "models" else None
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
            # every known column a week's file lacks (dated columns before their week included)
            "missing_columns": {
                e.week.isoformat(): list(e.missing_columns) for e in entries if e.missing_columns
            },
            # by column: the weeks whose file lacks it although analysis.schema has it by then
            "missing_expected_columns": dict(sorted(expected_missing.items())),
            "extra_columns": sorted(extra),
            "extra_column_weeks": dict(sorted(extra.items())),
            "type_differences": [
                {"column": c, "type": t, "schema_type": s, "how": how, "weeks": w}
                for (c, t, s, how), w in sorted(types.items())
            ],
            # by week: the nested fields of known struct columns analysis.schema does not know
            "unknown_fields": dict(sorted(nested.items())),
            # by week: the row checks' counts (fact <kind>__quality), readable weeks only
            "quality": counts,
            "quality_error": quality_error,
            # models only: models on a cycle of base-model links, from the facts cache
            **({"cycles": cycles} if cycles is not None else {}),
        }
    unreadable_folders = [str(p) for p in sroot.problems if p.unreadable]
    bad = sorted(unreadable.values()) + unreadable_folders
    return {
        "root": str(sroot.path),
        "revision": rev.revision,
        "revision_source": rev.source,
        "generated": rev.generated,
        "kinds": kinds,
        "problems": [str(p) for p in sroot.problems if not p.unreadable],
        "unreadable": bad,
        "files": len(manifest.entries) + len(manifest.unreadable),
        "checked": "pages" if check else "footers",
        # True only when every page was decoded; None when only footers were read
        "healthy": False if bad else (True if check else None),
    }


def _safe(text: str) -> str:
    """Text from files or folder names with control characters shown as escapes (for a terminal)."""
    return printable(text, keep_newlines=False)


def _dates(dates: list[str], limit: int = 8) -> str:
    shown = ", ".join(dates[:limit])
    return shown + (f", ... ({len(dates)} in all)" if len(dates) > limit else "")


def _weeks(dates: list[str]) -> str:
    return f"{len(dates)} week{'s' if len(dates) != 1 else ''}: {_dates(dates)}"


def _missing_lines(k: dict[str, Any]) -> list[str]:
    """The columns each week lacks, weeks lacking the same set together."""
    by_set: dict[tuple[str, ...], list[str]] = {}
    for week, cols in k["missing_columns"].items():
        by_set.setdefault(tuple(cols), []).append(week)
    if not by_set:
        return []
    lines = ["  columns a week's file lacks (typed NULL in the views, never zero):"]
    for cols, weeks in by_set.items():
        lines.append(f"    {_safe(', '.join(cols))}: {_weeks(weeks)}")
    return lines


def _unknown_field_lines(k: dict[str, Any]) -> list[str]:
    """Per set of nested fields the schema does not know: how many, their names, the weeks."""
    by_set: dict[tuple[str, ...], list[str]] = {}
    for week, fields in k.get("unknown_fields", {}).items():
        by_set.setdefault(tuple(fields), []).append(week)
    if not by_set:
        return []
    lines = ["  nested fields analysis.schema does not know (kept in the views, read by no fact):"]
    for fields, weeks in by_set.items():
        names = _safe(", ".join(fields))
        names = names if len(names) <= 300 else names[:300] + "..."
        lines.append(f"    {len(fields)} per week ({names}): {_weeks(weeks)}")
    return lines


def _quality_lines(k: dict[str, Any]) -> list[str]:
    """Each count of the row checks: its total over the weeks and the weeks it is not zero."""
    if k.get("quality_error"):
        return [f"  row checks not counted: {_safe(k['quality_error'])}"]
    weeks = k.get("quality") or {}
    if not weeks:
        return []
    names = [n for n in next(iter(weeks.values())) if n != "rows"]
    lines = [
        "  row checks (rows of the raw files; what the views do: analysis/snapshots/sql/clean.sql):"
    ]
    zero = []
    for name in names:
        values = {w: v[name] for w, v in weeks.items() if v[name] is not None}
        if not values:
            continue  # not applicable to this kind
        nonzero = [w for w, v in values.items() if v]
        if not nonzero:
            zero.append(name)
            continue
        total = sum(values.values())
        lines.append(f"    {name}: {total:,} in {_weeks(nonzero)}")
    if zero:
        lines.append(f"    none in any week: {', '.join(zero)}")
    return lines


def _cycle_lines(k: dict[str, Any]) -> list[str]:
    """Models on a cycle of base-model links, where the facts are built."""
    c = k.get("cycles")
    if c is None:
        return []
    lines = []
    nonzero = [w for w, n in c["weeks"].items() if n]
    if nonzero:
        total = sum(c["weeks"].values())
        lines.append(
            f"    models on a cycle of base-model links (fact models__cycles): {total:,} in "
            f"{_weeks(nonzero)}"
        )
    elif c["weeks"]:
        lines.append(f"    models on a cycle of base-model links: none in {len(c['weeks'])} weeks")
    if c["not_reduced"]:
        lines.append(
            f"    models on a cycle: not counted for {len(c['not_reduced'])} week(s) whose facts "
            "are not built (`hubobs facts build` counts them)"
        )
    return lines


def describe_text(d: dict[str, Any]) -> str:
    """The description as plain text for a terminal (every name from the data escaped)."""
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
            lines.append(f"  revisions: {_safe(', '.join(k['revisions']))}")
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
        lines.extend(_missing_lines(k))
        lines.extend(_quality_lines(k))
        lines.extend(_cycle_lines(k))
        lines.extend(_unknown_field_lines(k))
        if k["missing_expected_columns"]:
            lines.append(
                "  missing columns (analysis.schema has them by these weeks; NULL in the views):"
            )
            for col, weeks in k["missing_expected_columns"].items():
                lines.append(f"    {_safe(col)}: {_weeks(weeks)}")
        if k["extra_column_weeks"]:
            lines.append("  extra columns (not in analysis.schema; kept in the views):")
            for col, weeks in k["extra_column_weeks"].items():
                lines.append(f"    {_safe(col)}: {_weeks(weeks)}")
        if k["type_differences"]:
            lines.append("  columns of another type than analysis.schema's:")
            for t in k["type_differences"]:
                how = {
                    "incompatible": "the views refuse it",
                    "whole": "whole numbers kept in the views, other values NULL",
                }.get(t["how"], "cast in the views: a value that does not convert stops a query")
                lines.append(
                    f"    {_safe(t['column'])}: {_safe(t['type'])}, not {_safe(t['schema_type'])} "
                    f"({how}), {_weeks(t['weeks'])}"
                )
    if d["problems"]:
        lines.append("")
        lines.append("ignored (not in the layout):")
        lines.extend(f"  {_safe(p)}" for p in d["problems"])
    if d["unreadable"]:
        lines.append("")
        lines.append("UNREADABLE (corrupt, truncated or not permitted):")
        lines.extend(f"  {_safe(u)}" for u in d["unreadable"])
    lines.append("")
    if d["healthy"] is False:
        lines.append(
            f"NOT HEALTHY: {len(d['unreadable'])} file(s) or folder(s) cannot be read (above)"
        )
    elif d["healthy"]:
        lines.append(f"healthy: every data page of the {d['files']} file(s) decodes")
    else:
        lines.append(
            f"the footers of the {d['files']} file(s) read; data pages not decoded "
            "(--check decodes every page)"
        )
    return "\n".join(lines) + "\n"
