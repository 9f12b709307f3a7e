"""Chart HTML in headless Chromium, without Quarto: charts draw from the vendored Vega builds,
tooltips show hostile Hub text literally, the console stays clean and no request leaves localhost.

Pages are served from a temporary folder on 127.0.0.1; every request to any other host is
aborted and recorded. Skipped (with the reason) when Debian's chromium or Playwright is missing.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import altair as alt
import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.publish import VENDOR_DIR, Figure, publish

pytestmark = pytest.mark.browser

PWNED = '<img src=x onerror="window.__pwned=1">'
SHORTCODE = "acme {{< include /etc/passwd >}}"
LINK = "[x](javascript:alert(1)) & 'q' \"dq\""
PROV = Provenance(
    weeks=(dt.date(2024, 7, 24), dt.date(2024, 7, 31)), revision="0123456789abcdef", generated=True
)


def _data() -> pd.DataFrame:
    return pd.DataFrame({"org": [PWNED, SHORTCODE, LINK], "models": [1200, 3400, 560]})


def _bar(tmp: Path, name: str, vendor: str | None = None, site_dir: str | None = None) -> Figure:
    chart = alt.Chart().mark_bar().encode(x="models:Q", y=alt.Y("org:N", sort="-x"))
    return publish(
        chart,
        _data(),
        name=name,
        provenance=PROV,
        title="Models per organization",
        description="Bar chart of models per organization, generated sample.",
        outdir=tmp,
        x_title="Models",
        y_title="Organization",
        vendor=vendor,
        site_dir=site_dir,
    )


def _line(tmp: Path, name: str) -> Figure:
    df = pd.DataFrame(
        {"week": pd.to_datetime(["2024-07-24", "2024-07-31", "2024-08-07"]), "models": [10, 20, 15]}
    )
    chart = alt.Chart().mark_line(point=True).encode(x="week:T", y="models:Q")
    return publish(
        chart,
        df,
        name=name,
        provenance=PROV,
        title="Models per week",
        description="Line chart of models per week.",
        outdir=tmp,
    )


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Site:
    root: Path
    base: str
    port: int


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(PROJECT_ROOT / VENDOR_DIR, root / VENDOR_DIR)

    # 1. a standalone chart page (what Figure.save_html writes)
    charts = root / "charts"
    _bar(charts, "orgs").save_html(charts / "orgs.html", vendor="../assets/vendor/vega/")

    # 2. a page nested two levels deep as Quarto writes it: the vendored builds are found only
    #    through <meta name="quarto:offset"> (the figures' own fallback path is wrong on purpose),
    #    two figures on one page share one load; a require.js-like AMD `define` is present.
    post = root / "posts" / "2025-01-01-example"
    post.mkdir(parents=True)
    a = _bar(post, "orgs", vendor="wrong/place/", site_dir="posts/2025-01-01-example")
    b = _line(post, "weekly")
    (post / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>\n"
        '<meta name="quarto:offset" content="../../">\n<link rel="icon" href="data:,">\n'
        "<script>window.define = function () { throw new Error('AMD define called'); };"
        " window.define.amd = {};</script>\n"
        f"<title>post</title></head><body><main>\n{a.html()}\n<p>Text between.</p>\n{b.html()}\n"
        "</main></body></html>\n",
        "utf-8",
    )

    # 3. the same figure embedded in a page elsewhere (as {{< embed >}} does in the paper)
    paper = root / "paper"
    paper.mkdir()
    (paper / "index.html").write_text(
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>\n"
        '<meta name="quarto:offset" content="../">\n<link rel="icon" href="data:,">\n'
        f"<title>paper</title></head><body>\n{a.html()}\n</body></html>\n",
        "utf-8",
    )

    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(root=root, base=f"http://127.0.0.1:{port}", port=port)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser(chromium: Any) -> Any:
    """The session's Chromium (tests/conftest.py)."""
    return chromium


@dataclass
class Visit:
    page: Any
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Any, site: Site) -> Iterator[Any]:
    contexts: list[Any] = []

    def open_page(path: str) -> Visit:
        context = browser.new_context()
        contexts.append(context)
        page = context.new_page()
        v = Visit(page)

        def route(r: Any) -> None:
            url = r.request.url
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob") or (
                parts.hostname == "127.0.0.1" and parts.port == site.port
            ):
                v.requests.append(url)
                r.continue_()
            else:
                v.blocked.append(url)
                r.abort()

        context.route("**/*", route)
        page.on(
            "console",
            lambda m: v.errors.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: v.errors.append(f"pageerror: {e}"))
        page.goto(site.base + path)
        return v

    yield open_page
    for c in contexts:
        c.close()


def _hover_tooltip(v: Visit, mark: Any) -> str:
    mark.hover()
    v.page.wait_for_selector("#vg-tooltip-element.visible", timeout=5000)
    return str(v.page.inner_html("#vg-tooltip-element"))


def test_standalone_chart_draws_and_tooltips_show_hub_text_literally(visit: Any) -> None:
    v = visit("/charts/orgs.html")
    bars = v.page.locator("svg .mark-rect path")
    bars.first.wait_for(timeout=10000)
    assert bars.count() == 3
    # the accessible description is on the chart
    view = v.page.locator(".hubobs-chart-view")
    assert (
        view.get_attribute("aria-label")
        == "Bar chart of models per organization, generated sample."
    )

    texts = {}
    for i in range(3):
        inner = _hover_tooltip(v, bars.nth(i))
        text = v.page.inner_text("#vg-tooltip-element")
        texts[i] = text
        # nothing inside the tooltip but its table: no <img>, <script> or <a> from the data
        assert (
            v.page.locator(
                "#vg-tooltip-element img, #vg-tooltip-element script, #vg-tooltip-element a"
            ).count()
            == 0
        ), inner
    shown = "\n".join(texts.values())
    for hostile in (PWNED, SHORTCODE, LINK):
        assert hostile in shown, (hostile, shown)
    assert "Models" in shown and "Organization" in shown and "3,400" in shown
    assert v.page.evaluate("window.__pwned") is None
    assert v.errors == []
    assert v.blocked == []
    # the vendored builds came from this server
    assert sum(u.endswith("/assets/vendor/vega/vega.min.js") for u in v.requests) == 1


def test_source_line_and_csv_link_work(visit: Any) -> None:
    v = visit("/charts/orgs.html")
    caption = v.page.inner_text("figcaption")
    assert "revision 0123456789ab" in caption and "Open Database License (ODbL)" in caption
    assert "Generated sample" in caption
    link = v.page.get_by_role("link", name="CSV", exact=True)
    href = link.get_attribute("href")
    assert href == "orgs.csv"
    status, body = v.page.evaluate(
        "async (h) => { const r = await fetch(h); return [r.status, await r.text()]; }", href
    )
    assert status == 200 and next(csv.reader(body.splitlines())) == ["org", "models"]
    assert v.errors == [] and v.blocked == []


def test_quarto_page_two_levels_deep_loads_vega_once_through_the_offset_meta(visit: Any) -> None:
    v = visit("/posts/2025-01-01-example/index.html")
    v.page.locator("svg .mark-rect path").first.wait_for(timeout=10000)
    v.page.locator("svg .mark-line path").first.wait_for(timeout=10000)
    assert v.page.locator("figure.hubobs-figure svg.marks").count() == 2
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js"):
        hits = [u for u in v.requests if u.endswith(f"/assets/vendor/vega/{name}")]
        assert hits == [f"http://127.0.0.1:{urlsplit(hits[0]).port}/assets/vendor/vega/{name}"]
    assert not [u for u in v.requests if "wrong/place" in u]
    # the page's AMD loader was hidden while the builds loaded, then given back
    assert v.page.evaluate("typeof window.define === 'function' && !!window.define.amd")
    inner = _hover_tooltip(v, v.page.locator("svg .mark-symbol path").nth(1))
    assert "2024-07-31" in inner and "20" in inner
    assert v.errors == [] and v.blocked == []


def test_a_request_to_another_host_would_be_caught(visit: Any, site: Site) -> None:
    """The network guard can fail: a page that asks a CDN is blocked and recorded."""
    page = site.root / "charts" / "cdn.html"
    page.write_text(
        "<!DOCTYPE html><html><head><link rel='icon' href='data:,'>"
        "<script src='https://cdn.jsdelivr.net/npm/vega@6'></script></head><body></body></html>",
        "utf-8",
    )
    v = visit("/charts/cdn.html")
    v.page.wait_for_load_state("load")
    assert v.blocked == ["https://cdn.jsdelivr.net/npm/vega@6"]


def test_figure_embedded_elsewhere_keeps_a_working_csv_link(visit: Any) -> None:
    v = visit("/paper/index.html")
    v.page.locator("svg .mark-rect path").first.wait_for(timeout=10000)
    href = v.page.get_by_role("link", name="CSV", exact=True).get_attribute("href")
    assert href == "../posts/2025-01-01-example/orgs.csv"
    status = v.page.evaluate("async (h) => (await fetch(h)).status", href)
    assert status == 200
    assert v.errors == [] and v.blocked == []
