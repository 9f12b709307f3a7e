"""Executing the site's notebooks in place (analyses, notebook posts, explorers), each skipped
when nothing it depends on changed: its code, the snapshot files, the library code; then the
draft-summary pages, one per tracked model (:func:`execute_summary_pages`)."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

from analysis import atomic
from analysis.build.options import BuildOptions, root_parameter
from analysis.paths import cache_dir


def _code_digest(project: Path) -> str:
    """Changes whenever the library code or its SQL changes."""
    h = hashlib.sha256()
    for path in sorted((project / "analysis").rglob("*")):
        if path.suffix in {".py", ".sql", ".json", ".csv"} and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(project)).encode())
            h.update(path.read_bytes())
    for extra in sorted((project / "data").glob("*.csv")):
        h.update(extra.name.encode())
        h.update(extra.read_bytes())
    return h.hexdigest()


def _notebook_code_digest(path: Path) -> str:
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    code = [c.source for c in nb.cells if c.cell_type in ("code", "markdown")]
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()


def _data_digest(root: Path) -> str:
    from analysis.snapshots.sources import provenance

    prov = provenance(root)
    doc = [prov.revision, prov.generated, sorted((f.path, f.sha256) for f in prov.files)]
    return hashlib.sha256(json.dumps(doc).encode()).hexdigest()


def notebook_paths(project: Path) -> list[Path]:
    """The notebooks the build executes: analyses first, then notebook posts, then explorers."""
    return (
        sorted((project / "notebooks").glob("*.ipynb"))
        + sorted((project / "posts").glob("*/index.ipynb"))
        + sorted((project / "explorers").glob("*/index.ipynb"))
    )


def execute_notebooks(opts: BuildOptions) -> list[Path]:
    """Execute each notebook in place with ``root``; skip those whose inputs did not change."""
    from analysis import notebooks as nbs
    from analysis.publish.chart import output_dir

    stamps_path = cache_dir() / "build" / "notebooks.json"
    stamps: dict[str, str] = {}
    if stamps_path.is_file():
        stamps = json.loads(stamps_path.read_text(encoding="utf-8"))
    shared = _code_digest(opts.project) + _data_digest(opts.root)
    root_param = root_parameter(opts.root)
    ran = []
    for path in notebook_paths(opts.project):
        rel = str(path.relative_to(opts.project))
        digest = hashlib.sha256(
            (shared + _notebook_code_digest(path) + root_param).encode()
        ).hexdigest()
        outputs = output_dir(path.parent)
        if not opts.force_notebooks and stamps.get(rel) == digest and outputs.is_dir():
            opts.log(f"build: {rel} unchanged, not re-executed")
            continue
        declared = nbs.declared_parameters(nbs.read(path), path)
        # the committed notebooks declare the sample as their default root: inject only another one
        params: dict[str, Any] = (
            {"root": root_param} if "root" in declared and declared["root"] != root_param else {}
        )
        opts.log(f"build: executing {rel}")
        nbs.execute_notebook(path, path, params)
        stamps[rel] = digest
        ran.append(path)
        atomic.write_text(stamps_path, json.dumps(stamps, indent=1, sort_keys=True))
    return ran


def execute_summary_pages(opts: BuildOptions) -> list[Path]:
    """One page per tracked model of the root (``analysis/eusummary/tracked.yml``):
    ``notebooks/eusummary.ipynb`` executed with the model into ``summaries/<slug>/index.ipynb``
    (skipped when nothing it depends on changed); pages of models no longer tracked removed."""
    from analysis import notebooks as nbs
    from analysis.eusummary import pages
    from analysis.snapshots.sources import provenance

    if not (opts.project / pages.NOTEBOOK).is_file():  # a project without the summaries
        opts.log(f"build: no {pages.NOTEBOOK} in the project: no draft-summary pages")
        return []
    ids = pages.tracked(provenance(opts.root).generated)
    slugs = [pages.slug(i) for i in ids]
    for old in pages.stale_pages(opts.project, slugs):
        opts.log(f"build: removing {old.relative_to(opts.project)} (model no longer tracked)")
        shutil.rmtree(old)
    stamps_path = cache_dir() / "build" / "summaries.json"
    stamps: dict[str, str] = {}
    if stamps_path.is_file():
        stamps = json.loads(stamps_path.read_text(encoding="utf-8"))
    source = opts.project / pages.NOTEBOOK
    root_param = root_parameter(opts.root)
    shared = _code_digest(opts.project) + _data_digest(opts.root) + _notebook_code_digest(source)
    ran = []
    for model, name in zip(ids, slugs, strict=True):
        out = opts.project / pages.PAGES_DIR / name / "index.ipynb"
        rel = str(out.relative_to(opts.project))
        digest = hashlib.sha256((shared + root_param + model).encode()).hexdigest()
        if not opts.force_notebooks and stamps.get(rel) == digest and out.is_file():
            opts.log(f"build: {rel} unchanged, not re-executed")
            continue
        opts.log(f"build: executing {rel} (draft summary of a tracked model)")
        nbs.execute_notebook(
            source, out, {"root": root_param, "model": model}, metadata=pages.front_matter(model)
        )
        stamps[rel] = digest
        ran.append(out)
        atomic.write_text(stamps_path, json.dumps(stamps, indent=1, sort_keys=True))
    return ran
