"""Rendering the site with Quarto, then reading it in headless Chromium.

Both need ``quarto`` on PATH: without it they skip and say so. The site is rendered from a copy
of the project's site sources built from the tiny hand-built snapshot root (three report
versions, the Home numbers and the generated-sample banner), so the test never touches the
checkout's ``_site/``.
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from site_sources import remote_loads

from analysis import build
from analysis.paths import PROJECT_ROOT

QUARTO = shutil.which("quarto")
NO_QUARTO = "quarto is not on PATH (install it from https://quarto.org/docs/get-started/); the site cannot be rendered here"
SITE_SOURCES = (
    "_quarto.yml",
    "index.qmd",
    "about.qmd",
    "methods.qmd",
    "data.qmd",
    "CHANGELOG.md",
    "docs",
    "posts",
    "reports",
    "explorers",
    "paper",
    "notebooks",
    "assets",
    "analysis",
    "data/organizations.csv",
)


@pytest.fixture(scope="module")
def rendered_site(tmp_path_factory: pytest.TempPathFactory, tiny_root: Path) -> Path:
    if QUARTO is None:
        pytest.skip(NO_QUARTO)
    project = tmp_path_factory.mktemp("site")
    for name in SITE_SOURCES:
        src = PROJECT_ROOT / name
        if src.is_dir():
            shutil.copytree(
                src,
                project / name,
                ignore=shutil.ignore_patterns("__pycache__", "[0-9]*-[0-9]*-[0-9]*"),
            )
        elif src.is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, project / name)
    opts = build.BuildOptions(
        root=tiny_root, project=project, notebooks=False, render=True, log=lambda m: None
    )
    code = build.run(opts)
    assert code == 0, f"quarto render failed with exit code {code}"
    return project / "_site"


@pytest.mark.quarto
def test_render_makes_every_page_with_banner_feed_and_search(rendered_site: Path) -> None:
    pages = sorted(rendered_site.rglob("*.html"))
    for page in (
        "index.html",
        "posts/index.html",
        "reports/index.html",
        "paper/index.html",
        "methods.html",
        "data.html",
        "about.html",
        "explorers/index.html",
    ):
        assert (rendered_site / page).is_file(), page
    assert (rendered_site / "posts/index.xml").is_file(), "RSS feed"
    assert (rendered_site / "search.json").is_file(), "local search index"
    assert (rendered_site / "paper/index.pdf").is_file(), "PDF via Typst"
    for week in ("2025-03-05", "2025-03-12", "2025-03-19"):
        page = (rendered_site / "reports" / week / "index.html").read_text()
        assert "citation_title" in page, "Google Scholar tags"
        assert (rendered_site / "reports" / week / "repositories_by_week.csv").is_file()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "<body" in text:
            assert "sample-banner" in text, f"{page}: no generated-sample banner"
    home = (rendered_site / "index.html").read_text()
    assert re.search(r"Models</td>\s*<td[^>]*>5</td>", home), (
        "the Home page shows the computed numbers"
    )


@pytest.mark.quarto
def test_rendered_site_loads_nothing_from_a_third_party_host(rendered_site: Path) -> None:
    found = []
    for path in [*rendered_site.rglob("*.html"), *rendered_site.rglob("*.css")]:
        found += [
            f"{path.relative_to(rendered_site)}: {hit}"
            for hit in remote_loads(path.read_text(encoding="utf-8", errors="replace"))
        ]
    assert not found, "\n".join(found[:20])


@pytest.fixture(scope="module")
def served(rendered_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(rendered_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _watch(page: object, outside: list[str], errors: list[str]) -> None:
    """Record requests leaving localhost and console errors of ``page``."""

    def on_request(r: object) -> None:
        url = str(getattr(r, "url", ""))
        if not url.startswith(("data:", "blob:")) and urlsplit(url).hostname not in {
            "127.0.0.1",
            "localhost",
        }:
            outside.append(url)

    def on_console(m: object) -> None:
        if getattr(m, "type", "") == "error":
            errors.append(str(getattr(m, "text", m)))

    page.on("request", on_request)  # type: ignore[attr-defined]
    page.on("console", on_console)  # type: ignore[attr-defined]
    page.on("pageerror", lambda e: errors.append(str(e)))  # type: ignore[attr-defined]


@pytest.mark.browser
@pytest.mark.quarto
def test_pages_in_chromium_request_only_localhost_and_log_no_errors(
    served: str, chromium: object
) -> None:
    for path in ("", "posts/", "reports/", "reports/2025-03-19/", "paper/", "methods.html"):
        page = chromium.new_page()  # type: ignore[attr-defined]
        outside: list[str] = []
        errors: list[str] = []
        _watch(page, outside, errors)
        page.goto(served + path, wait_until="networkidle")
        assert page.locator(".sample-banner").first.is_visible(), path
        assert page.locator("nav.navbar").first.is_visible(), path
        assert not outside, f"{path}: requests left localhost: {outside}"
        assert not errors, f"{path}: console errors: {errors}"
        page.close()
    page = chromium.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(served, wait_until="networkidle")
        assert page.locator(".quarto-color-scheme-toggle").count() > 0, "light/dark toggle"
    finally:
        page.close()
