"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: Debian's chromium (apt-get install chromium), driven by Playwright from PyPI; never
#: `playwright install`.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole session (Playwright's sync API allows one driver)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture()
def own_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the seeds folder (analysis/seeds/) that the code reads instead of the bundled
    one, for a test to edit."""
    import shutil

    from analysis import seeds

    folder = tmp_path / "seeds"
    folder.mkdir()
    for f in seeds.SEEDS_DIR.glob("*.csv"):
        shutil.copy(f, folder / f.name)
    monkeypatch.setattr(seeds, "SEEDS_DIR", folder)
    return folder
