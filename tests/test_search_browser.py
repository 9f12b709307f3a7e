"""The search page (explorers/search/) in headless Chromium, on the tiny week of
``search_week``: typed queries rank as the Python index does, facets and sorting narrow and
order the results, the keyboard reaches everything, Hub text stays text, the page fits 390 px
in light and dark mode, the console stays clean and no request leaves localhost.
Skipped (with the reason) when Debian's chromium or Playwright is missing.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
import search_week
from local_server import serve
from search_week import ORG_MAP, PWNED

from analysis import escape, search
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.search.index import SearchIndex
from analysis.search.page import ASSETS, page_html

pytestmark = pytest.mark.browser

PROV = Provenance(weeks=(dt.date(2025, 1, 1),), revision="0123456789abcdef", generated=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, SearchIndex]]:
    root = tmp_path_factory.mktemp("search-site")
    shutil.copytree(PROJECT_ROOT / ASSETS, root / ASSETS)
    out = root / "explorers" / "search"
    index = search.build_index(search_week.week(), org_map=ORG_MAP)
    search.write_index(index, out)
    body = page_html(
        index,
        PROV,
        index_href="search-index.json.gz",
        csv_href="search-index.csv",
        assets_href="../../" + ASSETS,
    )
    (out / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="icon" href="data:,">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
        "script-src 'self'; style-src 'self'; connect-src 'self'\">\n"
        f"<title>{escape.html('Search by capability')}</title>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n</body>\n</html>\n",
        encoding="utf-8",
    )
    with serve(root) as port:
        yield f"http://127.0.0.1:{port}/explorers/search/index.html", port, index


@pytest.fixture()
def page(
    site: tuple[str, int, SearchIndex], chromium: Any, request: pytest.FixtureRequest
) -> Iterator[Any]:
    url, port, _ = site
    scheme = getattr(request, "param", "light")
    errors: list[str] = []
    blocked: list[str] = []
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)

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
    p = context.new_page()
    p.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.goto(url)
    p.wait_for_function("() => !document.querySelector('#hs-q').disabled", timeout=10000)
    try:
        yield p
    finally:
        context.close()
    assert errors == []
    assert blocked == []


def _ids(page: Any) -> list[str]:
    return list(page.locator("#hs-results li a.hs-id").all_inner_texts())


def _type(page: Any, text: str) -> None:
    page.locator("#hs-q").fill("")
    page.locator("#hs-q").press_sequentially(text)
    page.wait_for_function(
        "q => document.querySelector('#hs-q').value === q", arg=text, timeout=5000
    )
    page.wait_for_timeout(200)  # the script searches 60 ms after the last key


def test_the_index_loads_and_lists_every_repository_by_downloads(page: Any, site: Any) -> None:
    index = site[2]
    assert page.locator("#hs-status").inner_text() == "5 results."
    by_downloads = sorted(index.documents, key=lambda d: -d.downloads)
    assert _ids(page) == [d.id for d in by_downloads]
    # the facet lists were filled from the index, with counts
    kinds = page.locator("#hs-f-kind option").all_inner_texts()
    assert kinds == ["all", "model (4)", "dataset (1)"]


@pytest.mark.parametrize(
    "query", ["speech", "speech recog", "automatic-speech-recognition fr", "7b", "nemo", "whisp"]
)
def test_a_typed_query_ranks_as_the_index_does(page: Any, site: Any, query: str) -> None:
    index = site[2]
    _type(page, query)
    expected = index.search(query)
    assert expected, query
    assert _ids(page) == expected
    n = len(expected)
    assert page.locator("#hs-status").inner_text() == f"{n} result{'s' if n != 1 else ''}."


def test_the_expected_models_are_found_and_a_facet_narrows_them(page: Any) -> None:
    _type(page, "speech")
    assert set(_ids(page)) == {"acme/whisper-fr", "bob/speech-small", "acme/speech-corpus"}
    # the lists count what each choice would leave of these three
    options = page.locator("#hs-f-kind option").all_inner_texts()
    assert options == ["all", "model (2)", "dataset (1)"]
    page.select_option("#hs-f-kind", label="model (2)")
    page.wait_for_function(
        "() => document.querySelector('#hs-status').textContent === '2 results.'"
    )
    assert set(_ids(page)) == {"acme/whisper-fr", "bob/speech-small"}
    page.select_option("#hs-f-library", label="nemo (1)")
    page.wait_for_function("() => document.querySelector('#hs-status').textContent === '1 result.'")
    assert _ids(page) == ["bob/speech-small"]
    # bob is not in the mapping: company would leave nothing
    assert page.locator("#hs-f-org option").all_inner_texts() == [
        "all",
        "company (0)",
        "unmapped (1)",
    ]
    page.select_option("#hs-f-org", label="company (0)")
    page.wait_for_function(
        "() => document.querySelector('#hs-status').textContent === 'No results.'"
    )
    assert _ids(page) == []


def test_sorting_by_likes_and_recency(page: Any) -> None:
    page.select_option("#hs-sort", "likes")
    page.wait_for_function(
        "() => document.querySelector('#hs-results a').textContent === 'bob/speech-small'"
    )
    assert _ids(page) == [
        "bob/speech-small",
        "acme/whisper-fr",
        "acme/speech-corpus",
        "acme/chat-7b",
        PWNED,
    ]
    page.select_option("#hs-sort", "created")
    page.wait_for_function(
        "p => document.querySelector('#hs-results a').textContent === p", arg=PWNED
    )
    assert _ids(page) == [
        PWNED,
        "bob/speech-small",
        "acme/whisper-fr",
        "acme/chat-7b",
        "acme/speech-corpus",
    ]


def test_hostile_ids_stay_text_and_link_to_the_hub(page: Any) -> None:
    _type(page, "evil")
    link = page.locator("#hs-results a.hs-id")
    assert link.count() == 1
    assert link.inner_text() == PWNED
    assert link.get_attribute("href") == search.hub_url("model", PWNED)
    assert page.locator("#hs-results img").count() == 0
    assert page.evaluate("window.__pwned") is None
    _type(page, "corpus")
    assert page.locator("#hs-results a.hs-id").get_attribute("href") == (
        "https://huggingface.co/datasets/acme/speech-corpus"
    )


def test_the_keyboard_reaches_the_box_the_lists_and_the_results(page: Any) -> None:
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hs-q"
    page.keyboard.type("speech")
    page.keyboard.press("Enter")  # submitting searches, never leaves the page
    page.wait_for_function(
        "() => document.querySelector('#hs-status').textContent === '3 results.'"
    )
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hs-f-kind"
    page.keyboard.press("ArrowDown")  # the first choice after "all": model
    page.wait_for_function(
        "() => document.querySelector('#hs-status').textContent === '2 results.'"
    )
    for _ in range(7):  # task, library, licence, language, size, organization kind, sort
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "hs-sort"
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.tagName, document.activeElement.textContent]")
    # the best match for "speech" among the models: bob/speech-small (id and task say it)
    assert focused == ["A", "bob/speech-small"] and _ids(page)[0] == "bob/speech-small"
    # every control has a label, the count is announced
    labels = page.evaluate(
        "Array.from(document.querySelectorAll('.hubobs-search input, .hubobs-search select'))"
        ".map(e => e.labels.length)"
    )
    assert labels and all(n == 1 for n in labels)
    assert page.locator("#hs-status").get_attribute("aria-live") == "polite"


@pytest.mark.parametrize("page", ["light", "dark"], indirect=True)
def test_the_page_fits_390_px_in_light_and_dark(page: Any) -> None:
    page.set_viewport_size({"width": 390, "height": 800})
    _type(page, "speech")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    box = page.locator("#hs-q").bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    dark = page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    colour = page.evaluate("getComputedStyle(document.querySelector('.hubobs-search')).color")
    # the text colour follows the mode (light text on dark, dark text on light)
    rgb = [int(c) for c in colour[colour.index("(") + 1 : colour.index(")")].split(",")[:3]]
    assert (sum(rgb) > 382) == dark
