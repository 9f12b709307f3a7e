"""The draft summaries' pages: which models are tracked, their page folders, and the downloads.

The tracked models are data (``tracked.yml``): a list for the bundled generated sample and one
for real snapshots. ``hubobs build`` executes ``notebooks/eusummary.ipynb`` once per tracked
model of the root into ``summaries/<slug>/index.ipynb`` (a reader page: no code), listed by
``summaries/index.qmd``. Each page offers the draft as Markdown and JSON files, written beside
the page's other data (``data/derived/summaries/<slug>/``).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any

import yaml

from analysis import atomic, escape
from analysis.data import Data
from analysis.errors import HubObsError
from analysis.eusummary.metrics import Draft
from analysis.eusummary.render import as_json, markdown

TRACKED_FILE = Path(__file__).resolve().with_name("tracked.yml")
#: The folder of the pages (one sub-folder per tracked model), relative to the project.
PAGES_DIR = "summaries"
#: The notebook each page is executed from, relative to the project.
NOTEBOOK = "notebooks/eusummary.ipynb"
#: The tracked lists by kind of root.
ROOT_KINDS = ("sample", "real")


def tracked(generated: bool, path: Path = TRACKED_FILE) -> list[str]:
    """The tracked model ids of the sample (``generated``) or of real data, in file order."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HubObsError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(doc, dict) or set(doc) - set(ROOT_KINDS):
        raise HubObsError(f"{path}: must map {' and '.join(ROOT_KINDS)} to lists of model ids")
    kind = "sample" if generated else "real"
    ids = doc.get(kind) or []
    bad = [i for i in ids if not isinstance(i, str) or i.count("/") != 1 or i != i.strip()]
    if not isinstance(ids, list) or bad:
        raise HubObsError(f"{path}: {kind}: not model ids ('owner/name'): {bad!r}")
    if len(set(ids)) != len(ids):
        raise HubObsError(f"{path}: {kind}: a model is listed twice")
    return list(ids)


def choose(data: Data, model: str | None) -> str | None:
    """``model`` when named, else the first tracked model of the root's kind (None if none)."""
    if model is not None:
        return model
    ids = tracked(data.provenance.generated)
    return ids[0] if ids else None


def slug(model_id: str) -> str:
    """A page folder name for ``model_id``: its letters and digits, lower case, dashed, with
    8 hex digits of its sha256 (two ids never share a folder)."""
    base = re.sub(r"[^a-z0-9]+", "-", model_id.lower()).strip("-")[:60].strip("-") or "model"
    return f"{base}-{hashlib.sha256(model_id.encode('utf-8')).hexdigest()[:8]}"


def front_matter(model_id: str) -> dict[str, Any]:
    """The page's front matter (its title names the model, escaped)."""
    name = escape.markdown(model_id, 120)
    return {
        "title": f"Draft training-content summary: {name}",
        "description": f"A draft from public Hub metadata for {name}, not a legal document.",
        "echo": False,
    }


def stale_pages(project: Path, keep: list[str]) -> list[Path]:
    """Page folders under ``summaries/`` whose model is no longer tracked for this root."""
    folder = project / PAGES_DIR
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_dir() and (p / "index.ipynb").is_file() and p.name not in keep
    )


def downloads(dr: Draft, folder: Path | None = None) -> Any:
    """Write the draft as ``<slug>.md`` and ``<slug>.json`` (into the page's data folder) and
    return the Markdown links to them (shown under the draft)."""
    from IPython.display import Markdown

    from analysis.publish.chart import output_dir

    page = Path.cwd()
    out = folder if folder is not None else output_dir(page)
    name = slug(dr.model)
    md_path, json_path = out / f"{name}.md", out / f"{name}.json"
    atomic.write_text(md_path, markdown(dr))
    atomic.write_text(json_path, as_json(dr))
    # the paths are our own (the slug's letters, digits and dashes): no Hub text in them
    links = [
        f"[{label}]({Path(os.path.relpath(p, page)).as_posix()})"
        for label, p in (("Markdown", md_path), ("JSON", json_path))
    ]
    return Markdown(f"Download this draft: {links[0]} or {links[1]}.\n")


def source_note(data: Data) -> Any:
    """The source line of what was opened, as a paragraph (a reader page prints no output)."""
    from IPython.display import Markdown

    return Markdown(escape.markdown(data.source_line(), None) + "\n")


def show(dr: Draft) -> Any:
    """The draft as the page shows it (Markdown)."""
    from IPython.display import Markdown

    return Markdown(markdown(dr))


__all__ = [
    "NOTEBOOK",
    "PAGES_DIR",
    "choose",
    "downloads",
    "front_matter",
    "show",
    "slug",
    "source_note",
    "tracked",
]
