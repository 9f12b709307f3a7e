"""What a report version was made from, and how two versions' inputs differ.

Every input is read from the versions' ``provenance.json`` (written by
:func:`analysis.reports.versions.publish`): the dataset revision, whether it is the generated
sample, the snapshot weeks, every snapshot file (SHA-256, bytes, rows), the template's and the
library code's digests and the parameters. The library code's digest (:func:`code_digest`) is
recorded for the comparison only: a version is rebuilt when its inputs digest changes
(:func:`analysis.reports.versions.inputs_digest`), which covers the template, not the library.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import analysis
from analysis.paths import PROJECT_ROOT

#: The files whose bytes make :func:`code_digest`: the library's code and its SQL and
#: definitions, and the organization mapping (it decides the organization kinds).
CODE_SUFFIXES = frozenset({".py", ".sql", ".yml", ".json", ".csv"})
CODE_DATA_FILES = ("data/organizations.csv",)
#: Parameters that name the version itself, not what it is made from.
OWN_PARAMETERS = frozenset({"version", "week"})


def code_digest(package: Path | None = None, project: Path = PROJECT_ROOT) -> str:
    """SHA-256 over the paths and bytes of the ``analysis`` package's code files and of
    :data:`CODE_DATA_FILES`: changes whenever code that computes a report's numbers changes."""
    package = package or Path(analysis.__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in CODE_SUFFIXES and path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    for name in CODE_DATA_FILES:
        path = project / name
        if path.is_file():
            h.update(name.encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _file(f: Mapping[str, Any]) -> dict[str, Any]:
    return {"sha256": f.get("sha256"), "bytes": f.get("bytes"), "rows": f.get("rows")}


def changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The inputs that differ between two provenance records, each as
    ``{"input": what, "before": value, "after": value}`` (``None``: the record lacks it).

    Inputs, in this order: ``dataset revision``, ``generated sample``, ``snapshot weeks``, one
    ``snapshot file <path>`` per file added, removed or changed (``{"sha256", "bytes", "rows"}``),
    ``template``, ``code``, one ``parameter <name>`` per parameter (the version's own ``week``
    and ``version`` left out) and ``inputs digest``."""
    out: list[dict[str, Any]] = []

    def differ(what: str, a: object, b: object) -> None:
        if a != b:
            out.append({"input": what, "before": a, "after": b})

    da, db = before.get("dataset", {}), after.get("dataset", {})
    ra, rb = before.get("report", {}), after.get("report", {})
    differ("dataset revision", da.get("revision"), db.get("revision"))
    differ("generated sample", da.get("generated_sample"), db.get("generated_sample"))
    differ("snapshot weeks", da.get("weeks"), db.get("weeks"))
    fa = {str(f["path"]): _file(f) for f in before.get("files", [])}
    fb = {str(f["path"]): _file(f) for f in after.get("files", [])}
    for path in sorted(fa.keys() | fb.keys()):
        differ(f"snapshot file {path}", fa.get(path), fb.get(path))
    differ("template", ra.get("template_sha256"), rb.get("template_sha256"))
    differ("code", ra.get("code_sha256"), rb.get("code_sha256"))
    pa = {k: v for k, v in (ra.get("parameters") or {}).items() if k not in OWN_PARAMETERS}
    pb = {k: v for k, v in (rb.get("parameters") or {}).items() if k not in OWN_PARAMETERS}
    for name in sorted(pa.keys() | pb.keys()):
        differ(f"parameter {name}", pa.get(name), pb.get(name))
    differ("inputs digest", ra.get("inputs_sha256"), rb.get("inputs_sha256"))
    return out


__all__ = ["CODE_DATA_FILES", "changes", "code_digest"]
