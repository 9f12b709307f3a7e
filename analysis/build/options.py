"""What a build is asked to do (:class:`BuildOptions`), and its first steps: the snapshot root
and the per-week facts."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT

DEFAULT_SITE_URL = "https://hub-observatory.github.io/hub-observatory"


@dataclass
class BuildOptions:
    root: Path = SAMPLE_ROOT
    project: Path = PROJECT_ROOT
    reports: int = 3  # how many of the latest weeks get a report version
    report_weeks: Sequence[dt.date] = ()  # explicit weeks (override ``reports``)
    new_version: bool = False
    notebooks: bool = True
    force_notebooks: bool = False
    render: bool = True
    log: Callable[[str], None] = field(default=lambda msg: print(msg, file=sys.stderr))


def site_url(project: Path = PROJECT_ROOT) -> str:
    """``website.site-url`` of ``_quarto.yml`` (the base of every permanent URL)."""
    path = project / "_quarto.yml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return DEFAULT_SITE_URL
    url = (config.get("website") or {}).get("site-url")
    return str(url).rstrip("/") if url else DEFAULT_SITE_URL


def root_parameter(root: Path) -> str:
    """``root`` as notebooks take it: relative to the project root when inside it, else absolute."""
    path = root.resolve()
    try:
        return path.relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


def ensure_root(root: Path, log: Callable[[str], None]) -> None:
    """Generate the bundled sample when ``root`` is it and it is missing; check other roots exist."""
    if root.resolve() == SAMPLE_ROOT.resolve():
        from analysis.sample import ensure_sample

        log(f"build: sample at {root}")
        ensure_sample()
    elif not root.is_dir():
        raise HubObsError(
            f"{root}: snapshot root not found (fetch weeks with `hubobs fetch --root {root}`)"
        )


def build_facts(root: Path, log: Callable[[str], None]) -> None:
    from analysis.facts import store

    report = store.build(root, progress=False)
    log(f"build: facts computed for {len(report.computed)} fact-weeks, {report.reused} reused")
