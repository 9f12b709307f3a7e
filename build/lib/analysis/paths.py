"""Where things live in a checkout. Every path the code uses by default is defined here."""

from __future__ import annotations

import os
from pathlib import Path

#: The project's root (the folder holding ``pyproject.toml``).
PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: The bundled, generated sample snapshot root (generated on first use; checksums committed).
SAMPLE_ROOT = PROJECT_ROOT / "data" / "sample"
SAMPLE_CHECKSUMS = PROJECT_ROOT / "data" / "sample.sha256"

#: Curated organization mapping (real Hub organizations, each with a source).
ORGANIZATIONS_CSV = PROJECT_ROOT / "data" / "organizations.csv"


def cache_dir() -> Path:
    """Where derived, rebuildable files go (facts, downloads in progress). ``HUBOBS_CACHE`` overrides."""
    return Path(os.environ.get("HUBOBS_CACHE", PROJECT_ROOT / "data" / "cache"))


def resolve(path: str | os.PathLike[str]) -> Path:
    """A path given relative to the project root (as notebook parameters are) made absolute."""
    p = Path(path)
    return p if p.is_absolute() else PROJECT_ROOT / p
