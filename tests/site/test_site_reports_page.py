"""The Reports page rendered with two versions of a week: its changes section, feed and index.

Only ``reports/index.qmd`` is rendered (with the site's own ``_quarto.yml``, theme and filters),
after two real builds of the tiny root, the second with a changed input. The page is opened in
Debian's chromium, offline, at a laptop's and a phone's width, light and dark, with axe-core.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import snapshot_root as sr
from test_site_render import (
    AXE,
    COLOR_SCHEME,
    MODES,
    NO_QUARTO,
    WIDTHS,
    _offline_context,
    _quarto_env,
    _QuietHandler,
    _visit,
    quarto_bin_dir,
)

from analysis import build
from analysis.paths import PROJECT_ROOT

W3 = sr.WEEKS[2]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def reports_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    bin_dir = quarto_bin_dir()
    if bin_dir is None:
        pytest.skip(NO_QUARTO)
    project = tmp_path_factory.mktemp("reports-site")
    shutil.copy(PROJECT_ROOT / "_quarto.yml", project)
    shutil.copytree(PROJECT_ROOT / "assets", project / "assets")
    (project / "reports").mkdir()
    for name in ("_template.ipynb", "_metadata.yml", "index.qmd"):
        shutil.copy(PROJECT_ROOT / "reports" / name, project / "reports")
    root = sr.build_root(tmp_path_factory.mktemp("root"))
    opts = build.BuildOptions(
        root=root,
        project=project,
        report_weeks=(W3,),
        notebooks=False,
        render=False,
        log=lambda m: None,
    )
    build.run(opts)
    sr.write(root, "models", W3, sr.models_rows(W3, 4))  # a fourth model created in week 3
    build.run(opts)
    with _quarto_env(bin_dir, tmp_path_factory.mktemp("empty-cache")):
        done = subprocess.run(
            ["quarto", "render", "reports/index.qmd"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
    assert done.returncode == 0, done.stderr[-3000:]
    build.finish_site(project / "_site", lambda m: None)
    return project / "_site"


@pytest.fixture(scope="module")
def served(reports_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(reports_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.quarto
def test_the_reports_page_lists_what_moved_and_links_feed_and_index(reports_site: Path) -> None:
    page = (reports_site / "reports" / "index.html").read_text()
    assert "Week 2025-03-19: version 2 against version 1" in page
    assert 'href="../reports/2025-03-19-v2/index.html"' in page
    assert 'type="application/atom+xml"' in page and 'href="feed.xml"' in page
    # models 5 -> 6 in week 3 (the changes table, after Pandoc: one cell per value)
    assert "repositories_by_week" in page and "+1 (+20.0%)" in page
    entries = ET.parse(reports_site / "reports" / "feed.xml").getroot().findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "State of the Hub: week of 2025-03-19, version 2 (generated sample)",
        "State of the Hub: week of 2025-03-19, version 1 (generated sample)",
    ]
    doc = json.loads((reports_site / "reports" / "index.json").read_text())
    assert [v["slug"] for v in doc["versions"]] == ["2025-03-19", "2025-03-19-v2"]
    assert (reports_site / "reports" / "changes.json").is_file()


@pytest.mark.quarto
def test_the_reports_page_works_offline_fits_and_passes_axe(served: str, chromium: Any) -> None:
    problems = []
    for width, scheme in MODES:
        outside: list[str] = []
        context = _offline_context(chromium, width, outside)
        if scheme == "dark":
            context.add_init_script(COLOR_SCHEME.format(value="alternate"))
        try:
            v = _visit(context, served, "reports/index.html", width, scheme, None, outside)
        finally:
            context.close()
        if v.outside or v.errors:
            problems.append(f"{v.where}: outside {v.outside}, errors {v.errors}")
        if v.fit["scrollWidth"] > v.fit["clientWidth"] + 1:
            problems.append(f"{v.where}: scrolls sideways ({v.fit['wide']})")
        if width == WIDTHS[0] and AXE.is_file():
            assert v.axe is not None, f"{v.where}: axe did not run"
        problems += [f"{v.where}: {hit}" for hit in v.axe or []]
    assert not problems, "\n".join(problems)
