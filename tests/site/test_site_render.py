"""Rendering the site with Quarto, then reading it in headless Chromium with the network cut.

Both need ``quarto``: on PATH (from https://quarto.org), or else the Quarto built from source
beside the project (``../shared/quarto/setup.sh``, for machines that cannot download Quarto);
without either they skip and say so. The site is rendered once per session, from a copy of the
project's site sources built from the tiny hand-built snapshot root (three report versions, the
Home numbers and the generated-sample banner; the posts, explorers and analyses with their
committed outputs), so the test never touches the checkout's ``_site/``.

``HUBOBS_SCREENSHOTS=DIR`` makes the browser test save a screenshot of every page at both widths
into DIR, light and dark (``<page>@<width>.png``, ``<page>@<width>-dark.png``; to look at the
pages; off by default, it costs time).
"""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from pdf_text import Pdf, empty_headings
from site_sources import front_matter, remote_loads

from analysis import build
from analysis.notebooks import execute_notebook
from analysis.paths import PROJECT_ROOT

NO_QUARTO = (
    "quarto is not on PATH (install it from https://quarto.org/docs/get-started/) and there is "
    "no ../shared/quarto/setup.sh beside the project; the site cannot be rendered here"
)
#: The Quarto built from its source release, for machines that cannot download Quarto.
SHARED_QUARTO = PROJECT_ROOT.parent / "shared" / "quarto" / "setup.sh"
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
    "summaries",
    "paper",
    "notebooks",
    "assets",
    "analysis",
    "data/organizations.csv",
)
#: Report versions built in the checkout (``reports/<week>/``, ``reports/<week>-v<N>/``): the
#: test builds its own from the tiny root.
REPORT_VERSION = re.compile(r"^\d{4}-\d{2}-\d{2}(-v\d+)?$")
#: The widths every page must fit without scrolling sideways: a laptop and a phone.
WIDTHS = (1280, 390)
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def quarto_bin_dir() -> str | None:
    """The folder holding ``quarto``: from PATH, else the shared Quarto's (installed on first use)."""
    found = shutil.which("quarto")
    if found:
        return str(Path(found).parent)
    if not SHARED_QUARTO.is_file():
        return None
    out = subprocess.run(
        ["bash", str(SHARED_QUARTO)], capture_output=True, text=True, check=True, timeout=600
    ).stdout.strip()
    return out.splitlines()[-1] if out else None


def _ignore_report_versions(folder: str, names: list[str]) -> set[str]:
    ignored = {n for n in names if n == "__pycache__"}
    if Path(folder).name == "reports":
        ignored |= {n for n in names if REPORT_VERSION.match(n)}
    return ignored


@pytest.fixture(scope="module")
def rendered_site(tmp_path_factory: pytest.TempPathFactory, tiny_root: Path) -> Path:
    bin_dir = quarto_bin_dir()
    if bin_dir is None:
        pytest.skip(NO_QUARTO)
    project = tmp_path_factory.mktemp("site")
    for name in SITE_SOURCES:
        src = PROJECT_ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=_ignore_report_versions)
        elif src.is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, project / name)
    # The committed notebooks are rendered as they are (notebooks=False); the search page
    # fetches its index when it opens, so the index its run wrote (beside the checkout's other
    # figures' data, which pages only link to) is written again here by running that notebook
    # as committed (the bundled sample: the same bytes), its data files into the project.
    execute_notebook(
        PROJECT_ROOT / "explorers" / "search" / "index.ipynb",
        tmp_path_factory.mktemp("search-run") / "index.ipynb",
        output_dir=project / "data" / "derived" / "explorers" / "search",
    )
    opts = build.BuildOptions(
        root=tiny_root, project=project, notebooks=False, render=True, log=lambda m: None
    )
    with _quarto_env(bin_dir, tmp_path_factory.mktemp("empty-cache")):
        code = build.run(opts)
    assert code == 0, f"quarto render failed with exit code {code}"
    return project / "_site"


@contextlib.contextmanager
def _quarto_env(bin_dir: str, cache: Path) -> Iterator[None]:
    """``quarto`` on PATH, and an empty cache folder (``XDG_CACHE_HOME``): Typst finds no
    package there (the shared Quarto installs ``@preview/fontawesome`` into the user's cache) and
    cannot download one offline, so the paper's PDF renders only if it needs no Typst package."""
    saved = {k: os.environ.get(k) for k in ("PATH", "XDG_CACHE_HOME")}
    os.environ["PATH"] = bin_dir + os.pathsep + (saved["PATH"] or "")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


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
        report = (rendered_site / "reports" / week / "index.html").read_text()
        assert "citation_title" in report, "Google Scholar tags"
        assert (rendered_site / "reports" / week / "repositories_by_week.csv").is_file()
        # each version is also a PDF (Typst, offline), with its citation files beside it
        assert (rendered_site / "reports" / week / "index.pdf").is_file(), f"{week}: no PDF"
        for name in ("CITATION.cff", "citation.json", "citation.bib", "week-changes.csv"):
            assert (rendered_site / "reports" / week / name).is_file(), f"{week}: {name}"
        charts = len(re.findall(r'<figure class="hubobs-figure\b', report))
        assert charts >= 6, f"{week}: {charts} charts, fewer than six"
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if "<body" in text:
            assert "sample-banner" in text, f"{page}: no generated-sample banner"
    home = (rendered_site / "index.html").read_text()
    assert re.search(r"Models</td>\s*<td[^>]*>5</td>", home), (
        "the Home page shows the computed numbers"
    )


@pytest.mark.quarto
def test_the_papers_pdf_has_no_empty_heading_and_figures_captioned_with_their_titles(
    rendered_site: Path,
) -> None:
    """The PDF (Typst, rendered with no Typst package available: see :func:`_quarto_env`) has
    its sections, none of them an empty heading (as "References" was, right before Typst's own
    "Bibliography"), and every figure captioned "Figure N: <its title>"."""
    pdf = Pdf(rendered_site / "paper/index.pdf")
    titles = [h.title for h in pdf.headings()]
    assert {"Introduction", "Findings", "Limitations", "Bibliography"} <= set(titles), titles
    assert empty_headings(pdf) == [], titles
    text = re.sub(r"\s+", " ", pdf.text().replace("\xa0", " "))
    figures = re.findall(r"Figure (\d+): ([^.]{0,60})", text)
    assert len({n for n, _ in figures}) >= 7, figures
    assert all(len(title.strip()) > 10 for _, title in figures), figures
    assert "Generated sample." in text, "the sample notice, as a plain block"


@pytest.mark.quarto
def test_a_failed_render_leaves_nothing_beside_the_sources(tmp_path: Path) -> None:
    """Quarto leaves ``index.typ``, ``index.html`` and ``index_files/`` beside a page whose PDF
    failed (here: Typst asked for a package it cannot have offline); the build removes them."""
    bin_dir = quarto_bin_dir()
    if bin_dir is None:
        pytest.skip(NO_QUARTO)
    project = tmp_path / "project"
    (project / "paper").mkdir(parents=True)
    (project / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    page = project / "paper/index.qmd"
    page.write_text(
        "---\ntitle: T\nformat:\n  html: default\n  typst: default\n---\n\nText.\n\n"
        '```{=typst}\n#import "@preview/hubobs-nowhere:0.0.1": *\n```\n',
        encoding="utf-8",
    )
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    with _quarto_env(bin_dir, tmp_path / "empty-cache"):
        code = build.render(project, log=lambda m: None)
    assert code != 0, "the render should have failed"
    after = sorted(p.relative_to(project) for p in project.rglob("*") if ".quarto" not in p.parts)
    assert after == before


@pytest.mark.quarto
def test_rendered_site_loads_nothing_from_a_third_party_host(rendered_site: Path) -> None:
    found = []
    for path in [*rendered_site.rglob("*.html"), *rendered_site.rglob("*.css")]:
        found += [
            f"{path.relative_to(rendered_site)}: {hit}"
            for hit in remote_loads(path.read_text(encoding="utf-8", errors="replace"))
        ]
    assert not found, "\n".join(found[:20])


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(rendered_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(rendered_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


#: Every chart of a page: our figures' views (figure.js) and any other vega-embed container.
CHARTS = ".hubobs-figure .hubobs-chart-view, .vega-embed"
#: True once every chart has drawn an SVG or canvas, or failed (figure.js then writes why).
CHARTS_SETTLED = """(sel) => Array.from(document.querySelectorAll(sel)).every(
  (el) => el.querySelector("svg, canvas") || /could not be drawn/.test(el.textContent))"""
#: Whether the page scrolls sideways, and the elements sticking out past the right edge.
OVERFLOW = """() => {
  const root = document.scrollingElement;
  const limit = root.clientWidth + 1;
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > limit && r.width > 0) {
      const cls = typeof el.className === "string" ? el.className.trim().split(/\\s+/)[0] : "";
      wide.push(`${el.tagName.toLowerCase()}${cls ? "." + cls : ""} (${Math.round(r.right)} px)`);
    }
  }
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide: wide.slice(0, 6)};
}"""


def _pages(site: Path) -> list[str]:
    """Every HTML page of the site (with a body: not Quarto's redirects), as URL paths."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        if "site_libs" in path.parts or "<body" not in path.read_text(encoding="utf-8"):
            continue
        rel = path.relative_to(site).as_posix()
        pages.append(rel.removesuffix("index.html"))
    return pages


def _offline_context(browser: Any, width: int, outside: list[str]) -> Any:
    """A browser context ``width`` px wide where every request leaving localhost is recorded in
    ``outside`` and aborted (the network cut)."""
    context = browser.new_context(viewport={"width": width, "height": 900})

    def route(r: Any) -> None:
        url = r.request.url
        if urlsplit(url).hostname in LOCAL_HOSTS:
            r.continue_()
        else:
            outside.append(url)
            r.abort()

    context.route("**/*", route)
    return context


#: How every page is opened: (width, colour scheme). Light at a laptop's and a phone's width;
#: dark (Quarto's alternate scheme, darkly) at the laptop's.
MODES = ((1280, "light"), (390, "light"), (1280, "dark"))
#: Quarto 1.7 (quarto-html's toggle script in every page) keeps the reader's choice in
#: localStorage under this key: "alternate" is the dark scheme, "default" the light one.
COLOR_SCHEME = """try {{ window.localStorage.setItem("quarto-color-scheme", "{value}"); }}
catch (e) {{}}"""
#: Per drawn chart: the colour it is seen on (its Vega background when it draws one, else the
#: first ancestor with a background colour) and the colour of its first text (axis labels), as
#: relative luminances (WCAG 2).
CHART_COLOURS = """(sel) => {
  const rgb = (c) => {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || "");
    if (!m) return null;
    const p = m[1].split(",").map(Number);
    return p.length > 3 && p[3] === 0 ? null : p.slice(0, 3);
  };
  const lum = (p) => {
    const [r, g, b] = p.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  return Array.from(document.querySelectorAll(sel)).flatMap((el) => {
    const drawn = el.querySelector("svg, canvas");
    if (!drawn) return [];
    let bg = null;
    const rect = drawn.querySelector && drawn.querySelector(".background");
    if (rect && rect.getBBox && rect.getBBox().width > 0) bg = rgb(getComputedStyle(rect).fill);
    for (let n = drawn; !bg && n; n = n.parentElement) bg = rgb(getComputedStyle(n).backgroundColor);
    const text = drawn.querySelector && (drawn.querySelector(
      ".role-axis-label text, .role-legend-label text, .role-axis-title text") ||
      drawn.querySelector("text"));
    const fg = text ? rgb(getComputedStyle(text).fill) : null;
    return [{background: bg ? lum(bg) : 1, text: fg ? lum(fg) : null}];
  });
}"""
#: axe-core, from npm (package.json devDependencies): for the tests only, never on the site.
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
NO_AXE = f"{AXE.relative_to(PROJECT_ROOT)} is missing (npm ci --ignore-scripts installs it)"
#: Violations left alone, as (rule id, CSS selector of the elements it excuses), each with why.
AXE_EXCUSED = (
    # Vega 6 gives the container of a layer's marks role="graphics-symbol" (and no name) even
    # when the layer draws no mark at all (a rule layer with no rows in the week): an empty
    # <g> with nothing to see or read. The chart's SVG itself carries the figure's accessible
    # description (analysis/publish). Drawn marks are still checked.
    ("svg-img-alt", 'g.role-mark[role="graphics-symbol"]:empty'),
)
#: The violations a reader would be stopped by (axe's "serious" and "critical"), as
#: "rule id (impact): first target (and how many more)", less those excused.
AXE_RUN = """async (excused) => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  const excuse = (id, node) => {
    const el = document.querySelector(node.target[node.target.length - 1]);
    return excused.some(([rule, sel]) => rule === id && el && el.matches(sel));
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => [v, v.nodes.filter((n) => !excuse(v.id, n))])
    .filter(([v, nodes]) => nodes.length)
    .map(([v, nodes]) => `${v.id} (${v.impact}): ${nodes[0].target.join(" ")}`
      + (nodes.length > 1 ? ` and ${nodes.length - 1} more` : ""));
}"""


@dataclass
class Visit:
    """What one page showed in one mode."""

    where: str
    width: int
    scheme: str
    outside: list[str]
    errors: list[str]
    charts: int
    drawn: int
    fit: dict[str, Any]
    colours: list[dict[str, Any]]
    axe: list[str] | None = None


def _visit(
    context: Any,
    served: str,
    path: str,
    width: int,
    scheme: str,
    shots: str | None,
    outside: list[str],
) -> Visit:
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc, e=errors: e.append(f"pageerror: {exc}"))
    before = len(outside)
    try:
        page.goto(served + path, wait_until="load")
        charts = page.locator(CHARTS).count()
        # a timeout is reported by the tests, as the charts not drawn
        with contextlib.suppress(Exception):
            page.wait_for_function(CHARTS_SETTLED, arg=CHARTS, timeout=20_000)
        drawn = page.evaluate(
            "(sel) => Array.from(document.querySelectorAll(sel))"
            ".filter((el) => el.querySelector('svg, canvas')).length",
            CHARTS,
        )
        page.wait_for_timeout(50)
        where = f"{path or 'index.html'} @{width}px {scheme}"
        if width == WIDTHS[0]:
            assert page.locator(".sample-banner").first.is_visible(), where
            assert page.locator("nav.navbar").first.is_visible(), where
        visit = Visit(
            where=where,
            width=width,
            scheme=scheme,
            outside=outside[before:],
            errors=errors,
            charts=charts,
            drawn=drawn,
            fit=page.evaluate(OVERFLOW),
            colours=page.evaluate(CHART_COLOURS, CHARTS),
        )
        if width == WIDTHS[0] and AXE.is_file():
            page.add_script_tag(path=str(AXE))
            visit.axe = page.evaluate(AXE_RUN, [list(e) for e in AXE_EXCUSED])
        if shots:
            name = (path or "index.html").replace("/", "_").removesuffix("_") or "index"
            suffix = "" if scheme == "light" else f"-{scheme}"
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"{name}@{width}{suffix}.png"), full_page=True)
        return visit
    finally:
        page.close()


@pytest.fixture(scope="module")
def browsed(rendered_site: Path, served: str, chromium: Any) -> list[Visit]:
    """Every page opened in every mode of :data:`MODES`, with every request leaving the
    machine aborted (the network cut); axe-core run at the laptop's width when installed."""
    pages = _pages(rendered_site)
    assert len(pages) > 20, pages
    shots = os.environ.get("HUBOBS_SCREENSHOTS")
    visits = []
    for width, scheme in MODES:
        outside: list[str] = []
        context = _offline_context(chromium, width, outside)
        value = "alternate" if scheme == "dark" else "default"
        context.add_init_script(COLOR_SCHEME.format(value=value))
        try:
            visits += [
                _visit(context, served, path, width, scheme, shots, outside) for path in pages
            ]
        finally:
            context.close()
    return visits


@pytest.mark.browser
@pytest.mark.quarto
def test_every_page_offline_loads_nothing_outside_logs_no_error_draws_every_chart_and_fits(
    browsed: list[Visit],
) -> None:
    """Every page, at a laptop's and a phone's width, light and dark, with every request leaving
    the machine aborted: none is made, no console error or page error, every chart draws an SVG
    or canvas, and the page does not scroll sideways."""
    problems: list[str] = []
    for v in browsed:
        if v.outside:
            problems.append(f"{v.where}: requests leaving the machine: {v.outside}")
        if v.errors:
            problems.append(f"{v.where}: console errors: {v.errors}")
        if v.drawn != v.charts:
            problems.append(f"{v.where}: {v.charts - v.drawn} of {v.charts} charts not drawn")
        if v.fit["scrollWidth"] > v.fit["clientWidth"] + 1:
            problems.append(
                f"{v.where}: scrolls sideways ({v.fit['scrollWidth']} > "
                f"{v.fit['clientWidth']} px): {', '.join(v.fit['wide'])}"
            )
    counts = {
        "visits": len(browsed),
        "charts": sum(v.charts for v in browsed if (v.width, v.scheme) == MODES[0]),
    }
    assert counts["charts"] > 10, counts
    assert not problems, f"{len(problems)} problem(s) over {counts}:\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.quarto
def test_in_dark_mode_every_chart_is_drawn_dark_and_in_light_mode_light(
    browsed: list[Visit],
) -> None:
    """Opened with Quarto's dark scheme chosen, every chart is drawn in Vega's dark theme on a
    dark ground with light text (no white box); in the light scheme, dark text on light."""
    problems = []
    dark = [v for v in browsed if v.scheme == "dark"]
    assert dark and sum(len(v.colours) for v in dark) > 10, "dark pages with charts"
    for v in browsed:
        for i, c in enumerate(v.colours, 1):
            text = c["text"] if c["text"] is not None else 0.0 if v.scheme == "light" else 1.0
            if v.scheme == "dark":
                ok = c["background"] < 0.1 and text > 0.4
            else:
                ok = c["background"] > 0.8 and text < 0.2
            if not ok:
                problems.append(f"{v.where}: chart {i} drawn {c}")
    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.quarto
def test_no_page_has_a_serious_or_critical_accessibility_violation(
    browsed: list[Visit],
) -> None:
    """axe-core's rules (WCAG 2 A/AA and best practices) on every page, light and dark, at the
    laptop's width: no violation axe rates serious or critical (colour contrast, names of
    controls and links, image alternatives, ...)."""
    if not AXE.is_file():
        pytest.skip(NO_AXE)
    checked = [v for v in browsed if v.axe is not None]
    assert checked, "axe ran on no page"
    problems = [f"{v.where}: {hit}" for v in checked for hit in v.axe or []]
    assert not problems, f"{len(problems)} violation(s):\n" + "\n".join(problems)


@pytest.mark.browser
@pytest.mark.quarto
def test_the_home_page_has_the_light_dark_toggle(served: str, chromium: object) -> None:
    page = chromium.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(served, wait_until="load")
        assert page.locator(".quarto-color-scheme-toggle").count() > 0, "light/dark toggle"
    finally:
        page.close()


def _reader_pages(site: Path) -> list[Path]:
    """The pages written for readers: posts, report versions, explorers, the draft summaries
    and the paper."""
    pages = [
        *sorted(site.glob("posts/*/index.html")),
        *sorted(site.glob("reports/*/index.html")),
        *sorted(site.glob("explorers/*/index.html")),
        *sorted(site.glob("summaries/*/index.html")),
        site / "paper/index.html",
    ]
    assert len(pages) >= 10, pages
    return pages


@pytest.mark.quarto
def test_posts_reports_explorers_and_the_paper_show_no_code(rendered_site: Path) -> None:
    """No code cell (the reports' parameters cell included): their notebooks hold the code."""
    shown = []
    for page in _reader_pages(rendered_site):
        text = page.read_text(encoding="utf-8")
        cells = re.findall(r'class="sourceCode cell-code"', text)
        if cells or "# Parameters" in text or "injected-parameters" in text:
            shown.append(f"{page.relative_to(rendered_site)}: {len(cells)} code cell(s)")
    assert not shown, "\n".join(shown)
    charts = sum(
        p.read_text(encoding="utf-8").count('class="hubobs-figure')
        for p in _reader_pages(rendered_site)
    )
    assert charts > 10, "the outputs are still shown"


def _citation(page: Path) -> tuple[list[str], str, str]:
    """(the Google Scholar authors, the BibTeX entry, the formatted citation) of a page."""
    text = page.read_text(encoding="utf-8")
    authors = re.findall(r'<meta name="citation_author" content="([^"]*)"', text)
    bibtex = re.search(r'quarto-appendix-bibtex"><code[^>]*>(.*?)</code>', text, re.S)
    cite_as = re.search(r'class="csl-entry quarto-appendix-citeas"[^>]*>(.*?)</div>', text, re.S)
    return (
        authors,
        bibtex.group(1) if bibtex else "",
        re.sub(r"\s+", " ", cite_as.group(1)).strip() if cite_as else "",
    )


@pytest.mark.quarto
def test_the_organization_is_cited_by_its_literal_name(rendered_site: Path) -> None:
    """'Hub Observatory contributors' is an organization: never "Observatory contributors, Hub"
    (a person's family and given names), in the BibTeX, the formatted citation and the Google
    Scholar tags of a post, an explorer, a report version and the paper."""
    name = "Hub Observatory contributors"
    pages = [
        next(iter(sorted(rendered_site.glob("posts/*/index.html")))),
        rendered_site / "explorers/datasets/index.html",
        rendered_site / "reports/2025-03-19/index.html",
        rendered_site / "paper/index.html",
    ]
    for page in pages:
        where = page.relative_to(rendered_site)
        authors, bibtex, cite_as = _citation(page)
        assert authors == [name], f"{where}: citation_author {authors}"
        assert cite_as.startswith(name), f"{where}: cited as {cite_as!r}"
        assert "Observatory contributors, Hub" not in page.read_text(encoding="utf-8"), where
        assert f"author = {{{{{name}}}}}" in bibtex, f"{where}: BibTeX {bibtex!r}"
        key = re.match(r"@\w+\{([^,]*),", bibtex)
        assert key and key.group(1) not in {"", "2026", "untitled"}, f"{where}: {bibtex}"


def _bibtex_entry(text: str) -> tuple[str, str, dict[str, str]]:
    """(entry type, key, fields) of one BibTeX entry; a field's value without its outer braces
    or quotes (inner braces kept: ``{{Name}}`` gives ``{Name}``)."""
    head = re.match(r"\s*@(\w+)\s*\{\s*([^,\s]*)\s*,", text)
    assert head, f"not a BibTeX entry: {text[:80]!r}"
    fields: dict[str, str] = {}
    field = re.compile(r"\s*([A-Za-z][\w-]*)\s*=\s*")
    i = head.end()
    while m := field.match(text, i):
        i = m.end()
        if text[i] in '{"':
            close, depth, j = "}" if text[i] == "{" else '"', 0, i + 1
            while not (text[j] == close and depth == 0):
                depth += {"{": 1, "}": -1}.get(text[j], 0) if close == "}" or text[j] != '"' else 0
                j += 1
            value, i = text[i + 1 : j], j + 1
        else:
            bare = re.match(r"[^,}\s]*", text[i:])
            value = bare.group(0) if bare else ""
            i += len(value)
        fields[m.group(1).lower()] = value
        i = re.match(r"\s*,?", text[i:]).end() + i  # type: ignore[union-attr]
    assert text[i:].strip() == "}", f"unparsed BibTeX after {list(fields)}: {text[i:][:80]!r}"
    return head.group(1), head.group(2), fields


def _citable_pages(site: Path) -> list[Path]:
    return [
        *sorted(site.glob("posts/*/index.html")),
        *sorted(site.glob("explorers/*/index.html")),
        *sorted(site.glob("reports/*/index.html")),
        site / "paper/index.html",
    ]


@pytest.mark.quarto
def test_every_citable_page_has_its_own_bibtex_key_and_the_literal_author(
    rendered_site: Path,
) -> None:
    """The BibTeX of every post, explorer, report version and the paper, parsed: a key of its
    own (``hubobs-...``), the organization as one literal name (``{{Hub Observatory
    contributors}}``, never split), a title, a year and the page's permanent URL. Quarto writes
    no CSL file: the CSL it builds from the front matter is what the "cite as" entry and the
    Google Scholar tags show, so the front matter's author is checked to be CSL's ``literal``."""
    name = "Hub Observatory contributors"
    url = build.site_url(PROJECT_ROOT)
    keys: dict[str, str] = {}
    for page in _citable_pages(rendered_site):
        where = page.relative_to(rendered_site).as_posix()
        _, bibtex, cite_as = _citation(page)
        kind, key, fields = _bibtex_entry(html.unescape(bibtex))
        assert kind in {"article", "misc", "online", "report", "techreport"}, f"{where}: @{kind}"
        assert re.fullmatch(r"hubobs-[a-z0-9-]+", key), f"{where}: key {key!r}"
        assert key not in keys, f"{where} and {keys.get(key)} share the BibTeX key {key}"
        keys[key] = where
        assert fields.get("author") == "{" + name + "}", f"{where}: author {fields.get('author')!r}"
        issued = fields.get("year") or fields.get("date") or ""  # biblatex: date
        assert fields.get("title") and re.match(r"\d{4}", issued), f"{where}: {fields}"
        assert fields.get("url") == f"{url}/{where.removesuffix('index.html')}", where
        assert cite_as.startswith(name + ".") or cite_as.startswith(name + " "), where
    assert len(keys) >= 12, keys


@pytest.mark.quarto
def test_the_front_matter_gives_csl_a_literal_author(rendered_site: Path) -> None:
    """Each citable page's source names its author ``{name: {literal: ...}}`` (Quarto's author
    schema), which Quarto turns into CSL ``author: [{literal: ...}]``: never given and family
    names. The report versions' front matter is written by the build, the rest is committed."""
    project = rendered_site.parent
    for page in _citable_pages(rendered_site):
        rel = page.relative_to(rendered_site).parent
        source = next(
            p for p in (project / rel / "index.qmd", project / rel / "index.ipynb") if p.is_file()
        )
        meta = front_matter(source)
        authors = meta.get("author")
        if authors is None:  # posts take theirs from posts/_metadata.yml
            defaults = yaml.safe_load((project / rel.parent / "_metadata.yml").read_text("utf-8"))
            authors = defaults["author"]
        assert authors == [{"name": {"literal": "Hub Observatory contributors"}}], (
            f"{source.relative_to(project)}: author {authors!r}"
        )
