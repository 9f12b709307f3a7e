"""``quarto render`` of the project, and what a failed render leaves beside the sources removed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from analysis.build.offline import finish_site

#: Exit code when everything before the render is done but ``quarto`` is not on PATH.
EXIT_NO_QUARTO = 3

NO_QUARTO = """\
hubobs build: everything before the render is done (sample, facts, notebooks, report versions,
Home numbers, banner); the site was NOT rendered because `quarto` is not on PATH.
Install Quarto from https://quarto.org/docs/get-started/ (or `pip install quarto-cli` on a
machine with internet access), then run `quarto render` here, or `hubobs build` again."""


def output_dir(project: Path) -> Path:
    """``project.output-dir`` of ``_quarto.yml`` (default ``_site``), under ``project``."""
    try:
        config = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        config = {}
    return project / str((config.get("project") or {}).get("output-dir") or "_site")


def render(project: Path, log: Callable[[str], None]) -> int:
    quarto = shutil.which("quarto")
    if quarto is None:
        print(NO_QUARTO, file=sys.stderr)
        return EXIT_NO_QUARTO
    log(f"build: {quarto} render")
    before = _beside_sources(project)
    code = subprocess.run([quarto, "render"], cwd=project, check=False).returncode
    if code == 0:
        finish_site(output_dir(project), log)
    else:
        left = sorted(_beside_sources(project) - before)
        for path in left:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        if left:
            log(
                f"build: the failed render's intermediate files removed from the sources: "
                f"{', '.join(p.relative_to(project).as_posix() for p in left)}"
            )
    return code


#: Folders never holding a page's sources (Quarto's own state, the output, tools).
_NOT_SOURCES = frozenset(
    {".git", ".quarto", ".venv", "node_modules", "_site", "__pycache__", "data"}
)
_SOURCE_SUFFIXES = frozenset({".qmd", ".ipynb", ".md"})


def _beside_sources(project: Path) -> set[Path]:
    """Every entry of every folder of ``project`` holding a page source (``.qmd``, ``.ipynb``,
    ``.md``): where Quarto writes a page's intermediates (``index.typ``, ``index.html``,
    ``index_files/``, ``index.quarto_ipynb``), which a failed render leaves behind."""
    out: set[Path] = set()
    site = output_dir(project)
    stack = [project]
    while stack:
        folder = stack.pop()
        entries = list(folder.iterdir())
        if any(e.suffix in _SOURCE_SUFFIXES and e.is_file() for e in entries):
            out.update(entries)
        stack += [
            e
            for e in entries
            if e.is_dir()
            and not e.is_symlink()
            and e.name not in _NOT_SOURCES
            and not e.name.endswith("_files")
            and e != site
        ]
    return out
