"""The explorers' pickers in headless Chromium: changing a drop-down redraws the chart with the
chosen rows only, Hub text in the options stays text, the console stays clean and no request
leaves localhost. Charts are built from tiny hand-made tables and saved with Figure.save_html.
Skipped (with the reason) when Debian's chromium or Playwright is missing.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import pytest
from local_server import serve

from analysis import explorers
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.publish import VENDOR_DIR, publish

pytestmark = pytest.mark.browser

PWNED = 'evil/<img src=x onerror="window.__pwned=1">'
PROV = Provenance(
    weeks=(dt.date(2024, 7, 24), dt.date(2024, 7, 31)), revision="0123456789abcdef", generated=True
)


def _base_models() -> pd.DataFrame:
    """Base 'acme/a': 3 weeks with derivatives (one with two relations) and 2 authors;
    the hostile base: 1 week and 1 author."""
    rows = [
        ("acme/a", "week", "2024-07-01", "finetune", None, 3, None),
        ("acme/a", "week", "2024-07-01", "quantized", None, 1, None),
        ("acme/a", "week", "2024-07-08", "finetune", None, 2, None),
        ("acme/a", "week", "2024-07-22", "merge", None, 1, None),
        ("acme/a", "author", None, None, "bob", 5, 1),
        ("acme/a", "author", None, None, "other", 2, 2),
        (PWNED, "week", "2024-07-15", "adapter", None, 4, None),
        (PWNED, "author", None, None, "carol", 4, 1),
    ]
    df = pd.DataFrame(
        rows, columns=["base", "part", "week", "relation", "author", "derivatives", "rank"]
    )
    df["rank"] = df["rank"].astype("Int64")
    return df


def _texts(page: Any, selector: str) -> list[str]:
    """The text of every element matching ``selector`` (SVG text has no innerText)."""
    return list(page.eval_on_selector_all(selector, "els => els.map(e => e.textContent)"))


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    root = tmp_path_factory.mktemp("explorers-site")
    shutil.copytree(PROJECT_ROOT / VENDOR_DIR, root / VENDOR_DIR)
    out = root / "explorers"
    chart, data = explorers.figures.base_models(_base_models())
    fig = publish(
        chart,
        data,
        name="base-models",
        provenance=PROV,
        title="Derivatives of a base model",
        description="Bars of derivatives per week and by author for the chosen base model.",
        outdir=out,
    )
    fig.save_html(out / "base-models.html", vendor="../assets/vendor/vega/")
    with serve(root) as port:
        yield f"http://127.0.0.1:{port}/explorers/base-models.html", port


def test_changing_the_base_model_redraws_the_bars(page_url: tuple[str, int], chromium: Any) -> None:
    url, port = page_url
    errors: list[str] = []
    blocked: list[str] = []
    context = chromium.new_context()
    try:

        def route(r: Any) -> None:
            parts = urlsplit(r.request.url)
            if parts.scheme in ("data", "blob") or (
                parts.hostname == "127.0.0.1" and parts.port == port
            ):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        bars = page.locator("svg .mark-rect path")
        bars.first.wait_for(timeout=10000)
        select = page.locator(".vega-bindings select")
        assert select.count() == 1
        # the options are the base models, the hostile id shown as text, not markup
        assert select.locator("option").all_inner_texts() == ["acme/a", PWNED]
        # acme/a: 4 week-and-relation bars (3 weeks) + 2 author bars
        assert bars.count() == 6
        labels_before = _texts(page, "svg .role-axis-label text")
        assert "bob" in labels_before and "carol" not in labels_before

        select.select_option(index=1)
        page.wait_for_function(
            "() => document.querySelectorAll('svg .mark-rect path').length === 2",
            timeout=5000,
        )
        labels_after = _texts(page, "svg .role-axis-label text")
        assert "carol" in labels_after and "bob" not in labels_after

        select.select_option(index=0)
        page.wait_for_function(
            "() => document.querySelectorAll('svg .mark-rect path').length === 6",
            timeout=5000,
        )
        assert page.evaluate("window.__pwned") is None
        assert page.locator(".vega-bindings img").count() == 0
    finally:
        context.close()
    assert errors == []
    assert blocked == []
