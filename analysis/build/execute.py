"""Executing the site's notebooks in place (analyses, notebook posts, explorers), each skipped
when nothing it depends on changed: its code, the snapshot files, the library code."""

from __future__ import annotations

import hashlib
import json
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
