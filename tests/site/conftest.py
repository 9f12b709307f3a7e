"""Fixtures of the site tests: a tiny hand-built snapshot root and a throwaway project folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from snapshot_root import build_root  # noqa: E402

from analysis.paths import PROJECT_ROOT  # noqa: E402


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Facts and build stamps go to a temporary cache, never to the checkout's data/cache."""
    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="session")
def tiny_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three weeks (2025-03-05, -12, -19) of models, datasets and spaces; generated revision."""
    return build_root(tmp_path_factory.mktemp("root"))


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project folder holding only the report template (reports are written here)."""
    (tmp_path / "reports").mkdir()
    shutil.copy(
        PROJECT_ROOT / "reports" / "_template.ipynb", tmp_path / "reports" / "_template.ipynb"
    )
    shutil.copy(PROJECT_ROOT / "_quarto.yml", tmp_path / "_quarto.yml")
    return tmp_path
