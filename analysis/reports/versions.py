"""Versioned "State of the Hub" reports: one folder per (week, version), never overwritten.

Layout (relative to the project root)::

    reports/_template.ipynb          the template (Quarto ignores names starting with "_")
    reports/<week>/                  version 1 of the report of snapshot week <week>
    reports/<week>-v<N>/             version N (N >= 2) of the same week
        index.ipynb                  the executed template, front matter with citation metadata
                                     (rendered as the page and as index.pdf, through Typst)
        CITATION.cff, citation.json, citation.bib   how to cite the version (reports/citation.py)
        <table>.csv, <table>.parquet the tables behind it (ODbL, see DATA-LICENSE.md)
        provenance.json              dataset revision, snapshot files and checksums, outputs
        DATA-LICENSE.md              the ODbL notice and the script that made the tables

A version's folder is its permanent URL (``reports/<week>/``, ``reports/<week>-v2/``). A
version is built in a hidden temporary folder and renamed into place only when complete;
the rename refuses an existing folder, so nothing ever replaces a published version.
Publishing a week whose inputs (snapshot files, revision, template) match an existing
version does nothing; different inputs, or ``new_version=True``, make the next version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.errors import HubObsError
from analysis.files import sha256_file
from analysis.notebooks import execute_notebook
from analysis.provenance import Provenance
from analysis.reports import citation
from analysis.schema import ATTRIBUTION, LICENSE, LICENSE_URL

SLUG = re.compile(r"^(?P<week>\d{4}-\d{2}-\d{2})(?:-v(?P<version>[2-9]|[1-9]\d+))?$")
AUTHORS: tuple[str, ...] = ("Hub Observatory contributors",)
PUBLISHER = "Hub Observatory"
PROVENANCE_FILE = "provenance.json"
LICENSE_FILE = "DATA-LICENSE.md"
NOTEBOOK_FILE = "index.ipynb"
#: What made the tables of a report (named in its licence notice).
SCRIPT = "reports/_template.ipynb executed by analysis/build.py (hubobs build)"


class ReportError(HubObsError):
    """A report version cannot be built or its folder is not what it should be."""


def slug(week: dt.date, version: int) -> str:
    if version < 1:
        raise ReportError(f"report version must be 1 or more, not {version}")
    return week.isoformat() if version == 1 else f"{week.isoformat()}-v{version}"


@dataclass(frozen=True)
class ReportVersion:
    week: dt.date
    version: int
    folder: Path

    @property
    def slug(self) -> str:
        return slug(self.week, self.version)

    @property
    def url_path(self) -> str:
        """The path of the permanent URL below the site root."""
        return f"reports/{self.slug}/"

    @property
    def tag(self) -> str:
        """The release identifier of this version (see docs/releases.md)."""
        return f"{self.week.isoformat()}-v{self.version}"

    def provenance(self) -> dict[str, Any]:
        path = self.folder / PROVENANCE_FILE
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ReportError(f"{path}: cannot read the report's provenance ({exc})") from exc
        return data


def versions(reports_dir: Path, week: dt.date | None = None) -> list[ReportVersion]:
    """The published versions in ``reports_dir`` (folders named for a week, holding index.ipynb)."""
    out: list[ReportVersion] = []
    if not reports_dir.is_dir():
        return out
    for child in reports_dir.iterdir():
        m = SLUG.match(child.name)
        if not m or not child.is_dir() or not (child / NOTEBOOK_FILE).is_file():
            continue
        v = ReportVersion(dt.date.fromisoformat(m["week"]), int(m["version"] or 1), child)
        if week is None or v.week == week:
            out.append(v)
    return sorted(out, key=lambda v: (v.week, v.version))


def inputs_digest(prov: Provenance, template: Path, parameters: Mapping[str, Any]) -> str:
    """A digest of what a version is computed from: snapshot files, revision, template, parameters."""
    doc = {
        "revision": prov.revision,
        "generated": prov.generated,
        "weeks": [w.isoformat() for w in prov.weeks],
        "files": sorted((f.path, f.sha256) for f in prov.files),
        "template": sha256_file(template),
        "parameters": {k: str(v) for k, v in sorted(parameters.items()) if k != "version"},
    }
    return hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()


def front_matter(
    week: dt.date, version: int, *, site_url: str, published: dt.date, prov: Provenance
) -> dict[str, Any]:
    """Quarto front matter of a version: title with its week, version, date, authors, citation."""
    url = f"{site_url.rstrip('/')}/reports/{slug(week, version)}/"
    sample = " (generated sample)" if prov.generated else ""
    return {
        "title": f"State of the Hub: week of {week.isoformat()}{sample}",
        "subtitle": f"Version {version}, snapshot week {week.isoformat()}",
        "description": (
            f"Weekly report on the Hugging Face Hub from the snapshot labelled {week.isoformat()}, "
            f"version {version}, dataset revision {prov.short_revision}."
        ),
        "date": published.isoformat(),
        # organizations: literal names, never split into given and family names in citations
        "author": [{"name": {"literal": a}} for a in AUTHORS],
        "categories": ["report", *(["generated sample"] if prov.generated else [])],
        "report-week": week.isoformat(),
        "report-version": version,
        "dataset-revision": prov.revision,
        "generated-sample": prov.generated,
        "citation": {
            "id": f"hubobs-report-{slug(week, version)}",  # the BibTeX key: one per version
            "type": "report",
            "publisher": PUBLISHER,
            "version": str(version),
            "issued": published.isoformat(),
            "url": url,
        },
        "google-scholar": True,
        "appendix-cite-as": ["display", "bibtex"],  # a formatted citation and BibTeX
        "license": "CC BY",
        # the page and its PDF (Typst, offline: no Typst package), linked from the page
        "format": {"html": {"toc": True}, "typst": {"papersize": "a4", "toc": False}},
        "format-links": ["typst"],
    }


def license_text(prov: Provenance) -> str:
    what = (
        "These tables were computed from the GENERATED SAMPLE: fictional data in the real schema, "
        "not facts about the Hub.\n\n"
        if prov.generated
        else ""
    )
    return (
        "# Licence of the data files in this folder\n\n"
        f"{what}{ATTRIBUTION}\n\n"
        f"The CSV and parquet files here are a Derivative Database of `{prov.repo_id}` "
        f"(revision `{prov.revision}`, {prov.weeks_text()}) and are made available under the "
        f"Open Database License ({LICENSE}): <{LICENSE_URL}>.\n\n"
        f"They were made by {SCRIPT}; `provenance.json` lists the snapshot files and checksums "
        "they were computed from.\n"
    )


def _write_json(path: Path, data: Mapping[str, Any]) -> None:
    atomic.write_text(path, json.dumps(data, indent=2, sort_keys=False) + "\n")


@dataclass(frozen=True)
class Published:
    version: ReportVersion
    created: bool  # False when an existing version already had the same inputs


Runner = Callable[..., Any]


def publish(
    week: dt.date,
    prov: Provenance,
    *,
    reports_dir: Path,
    template: Path,
    parameters: Mapping[str, Any],
    site_url: str,
    published: dt.date | None = None,
    new_version: bool = False,
    run: Runner = execute_notebook,
) -> Published:
    """Build the report of ``week`` as a new version unless one with the same inputs exists.

    ``parameters`` go to the template's ``parameters`` cell (``week`` and ``version`` are set
    here). ``run`` executes the notebook (``analysis.notebooks.execute_notebook``).
    """
    existing = versions(reports_dir, week)
    digest = inputs_digest(prov, template, parameters)
    if not new_version:
        for v in reversed(existing):
            if v.provenance().get("report", {}).get("inputs_sha256") == digest:
                return Published(v, created=False)
    number = max((v.version for v in existing), default=0) + 1
    target = reports_dir / slug(week, number)
    if target.exists():  # a folder with that name but no index.ipynb: never touch it
        raise ReportError(
            f"{target}: exists but is not a complete report version (no {NOTEBOOK_FILE}); "
            "move it away by hand, nothing was changed"
        )
    published = published or dt.datetime.now(dt.UTC).date()
    params = {**parameters, "week": week.isoformat(), "version": number}
    meta = front_matter(week, number, site_url=site_url, published=published, prov=prov)
    reports_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=reports_dir))
    from analysis.reports.inputs import code_digest

    try:
        citation.write(work, meta)  # before the run: the template shows the citation box
        run(template, work / NOTEBOOK_FILE, params, metadata=meta, output_dir=work)
        (work / LICENSE_FILE).write_text(license_text(prov), encoding="utf-8")
        outputs = sorted(p for p in work.iterdir() if p.is_file() and p.name != PROVENANCE_FILE)
        record = {
            "report": {
                "week": week.isoformat(),
                "version": number,
                "tag": f"{week.isoformat()}-v{number}",
                "url": meta["citation"]["url"],
                "published": published.isoformat(),
                "template": template.name,
                # the site renders the version's PDF (index.pdf) from its frozen notebook
                "pdf": "typst" in (meta.get("format") or {}),
                "template_sha256": sha256_file(template),
                "inputs_sha256": digest,
                "code_sha256": code_digest(),  # recorded for comparisons, not in the digest
                "parameters": {k: v for k, v in params.items()},
            },
            "dataset": {
                "repo_id": prov.repo_id,
                "revision": prov.revision,
                "generated_sample": prov.generated,
                "weeks": [w.isoformat() for w in prov.weeks],
                "license": LICENSE,
                "license_url": LICENSE_URL,
                "attribution": ATTRIBUTION,
            },
            "files": [
                {"path": f.path, "sha256": f.sha256, "bytes": f.bytes, "rows": f.rows}
                for f in prov.files
            ],
            "outputs": [
                {"path": p.name, "sha256": sha256_file(p), "bytes": p.stat().st_size}
                for p in outputs
            ],
        }
        _write_json(work / PROVENANCE_FILE, record)
        work.chmod(0o755)
        try:
            os.rename(work, target)  # fails if target appeared meanwhile: never replaces a version
        except OSError as exc:
            raise ReportError(
                f"{target}: could not place the new version ({exc}); nothing was replaced"
            ) from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Published(ReportVersion(week, number, target), created=True)
