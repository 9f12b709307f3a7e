"""The machine-readable list of report versions, their comparisons and their feed.

:func:`write_all` (called by ``hubobs build`` after the report versions are published) writes,
from the version folders present in ``reports/``:

- ``reports/index.json``: every version (:func:`entry`): week, version, tag, dataset revision,
  inputs digest, the snapshot files it read, the SHA-256 of every file in its folder, its
  permanent URL and, when the site renders one (:func:`renders_pdf`), the PDF's URL;
- ``reports/changes.json``: for each version after the first of its week, what changed since
  the version before it (:func:`analysis.reports.compare.compare`);
- ``reports/feed.xml``: an Atom feed of the versions (:mod:`analysis.reports.feed`);
- ``_generated/report-changes.md``: the same comparisons for readers, included by
  ``reports/index.qmd`` (:mod:`analysis.reports.listing`).

None of them holds the time of the build: they change only when the versions do.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.files import sha256_file
from analysis.reports import compare, feed, listing
from analysis.reports.versions import ReportError, ReportVersion, versions

INDEX_FILE = "index.json"
CHANGES_FILE = "changes.json"
FEED_FILE = "feed.xml"
#: The Reports page's section on what changed between versions (under the project).
CHANGES_PAGE = "_generated/report-changes.md"
PDF_FILE = "index.pdf"
FORMAT = "hubobs-report-index/1"


def folder_files(folder: Path) -> list[dict[str, Any]]:
    """Every file of a version folder (paths relative to it, sorted) with SHA-256 and size."""
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            raise ReportError(f"{path}: a report version holds no symbolic link")
        if path.is_file():
            rel = path.relative_to(folder).as_posix()
            out.append({"path": rel, "sha256": sha256_file(path), "bytes": path.stat().st_size})
    return out


def changed_outputs(v: ReportVersion) -> list[str]:
    """The files ``provenance.json`` lists whose bytes are no longer what it recorded."""
    problems = []
    for out in v.provenance().get("outputs", []):
        path = v.folder / str(out["path"])
        if not path.is_file():
            problems.append(f"{out['path']} (missing)")
        elif sha256_file(path) != out["sha256"]:
            problems.append(f"{out['path']} (changed)")
    return problems


def renders_pdf(v: ReportVersion) -> bool:
    """Whether the site has ``index.pdf`` for the version: its folder holds one, or its
    provenance says the site renders it (Typst, from the version's frozen notebook)."""
    return (v.folder / PDF_FILE).is_file() or bool(v.provenance().get("report", {}).get("pdf"))


def entry(
    v: ReportVersion, previous: ReportVersion | None, changes: Mapping[str, Any] | None
) -> dict[str, Any]:
    """One version in ``index.json``."""
    prov = v.provenance()
    report, dataset = prov.get("report", {}), prov.get("dataset", {})
    url = str(report.get("url") or "")
    return {
        "week": v.week.isoformat(),
        "version": v.version,
        "tag": v.tag,
        "slug": v.slug,
        "path": v.url_path,
        "url": url,
        "pdf_url": url + PDF_FILE if url and renders_pdf(v) else None,
        "published": report.get("published"),
        "dataset_revision": dataset.get("revision"),
        "generated_sample": bool(dataset.get("generated_sample")),
        "inputs_sha256": report.get("inputs_sha256"),
        "template_sha256": report.get("template_sha256"),
        "code_sha256": report.get("code_sha256"),
        "snapshot_files": [
            {k: f.get(k) for k in ("path", "sha256", "bytes", "rows")}
            for f in prov.get("files", [])
        ],
        "files": folder_files(v.folder),
        "previous_version": previous.slug if previous else None,
        "changes": dict(changes["summary"]) if changes else None,
    }


@dataclass(frozen=True)
class Index:
    versions: list[dict[str, Any]]
    comparisons: list[dict[str, Any]]

    def document(self, site_url: str) -> dict[str, Any]:
        base = site_url.rstrip("/")
        return {
            "format": FORMAT,
            "site_url": base,
            "feed": f"{base}/reports/{FEED_FILE}",
            "changes": f"{base}/reports/{CHANGES_FILE}",
            "versions": self.versions,
        }


def build_index(found: Sequence[ReportVersion]) -> Index:
    """The index of ``found`` (checked: a version whose recorded files changed is an error)."""
    for v in found:
        problems = changed_outputs(v)
        if problems:
            raise ReportError(
                f"{v.folder}: published report version {v.slug} no longer holds what its "
                f"provenance.json records: {', '.join(problems)}; a published version never "
                "changes (restore it from the branch 'reports')"
            )
    comparisons = {
        after.slug: (before, compare.compare(before, after))
        for before, after in compare.pairs(found)
    }
    entries = []
    for v in found:
        before, changes = comparisons.get(v.slug, (None, None))
        entries.append(entry(v, before, changes))
    return Index(entries, [c for _, c in comparisons.values()])


def _json(data: Mapping[str, Any]) -> str:
    return json.dumps(data, indent=1, ensure_ascii=True, allow_nan=False) + "\n"


def write_all(project: Path, site_url: str, reports_dir: str = "reports") -> list[Path]:
    """Write the index, the comparisons, the feed and the Reports page's changes section."""
    folder = project / reports_dir
    index = build_index(versions(folder))
    written = {
        folder / INDEX_FILE: _json(index.document(site_url)),
        folder / CHANGES_FILE: _json({"format": FORMAT, "comparisons": index.comparisons}),
        folder / FEED_FILE: feed.atom(index.versions, site_url),
        project / CHANGES_PAGE: listing.changes_markdown(index.comparisons),
    }
    for path, text in written.items():
        atomic.write_text(path, text)
    return list(written)


__all__ = [
    "CHANGES_FILE",
    "CHANGES_PAGE",
    "FEED_FILE",
    "INDEX_FILE",
    "Index",
    "build_index",
    "changed_outputs",
    "entry",
    "folder_files",
    "write_all",
]
