"""The ModelVerse and Family trees explorers in headless Chromium: a family opens and closes (by
mouse and keyboard), the member search opens the branches down to a member of a family of
thousands, merges, a self link and a cycle are drawn without looping; ModelVerse drills down from
a kind to an organization to its repositories, linked to the Hub with ids URL-encoded; Hub text
stays text; no request leaves localhost, the console stays clean, and the pages fit 390 px,
light and dark. Pages are built from tiny hand-made tables and saved with Explorer.save_html.
Skipped (with the reason) when Debian's chromium or Playwright is missing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from explorer_pages import DEEP, ODD, PWNED, WIDE, modelverse_rows, tree_rows
from local_server import serve

from analysis import explorers
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance

pytestmark = pytest.mark.browser

#: axe-core, from npm (package.json devDependencies): for the tests only, never on the site.
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
#: The violations axe rates serious or critical, as "rule id: first target".
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes[0].target.join(" ")}`);
}"""

PROV = Provenance(weeks=(dt.date(2025, 3, 5),), revision="0123456789abcdef", generated=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    root = tmp_path_factory.mktemp("explorer-pages")
    trees = tree_rows()
    explorers.explorer(
        "explorers.family_trees",
        trees,
        explorers.family_trees_payload(trees),
        provenance=PROV,
        outdir=root,
    ).save_html(root / "family-trees.html")
    mv = modelverse_rows()
    explorers.explorer(
        "explorers.modelverse",
        mv,
        explorers.modelverse_payload(mv),
        provenance=PROV,
        outdir=root,
        note="The mapping knows 1 of 3 owners.",
    ).save_html(root / "modelverse.html")
    with serve(root) as port:
        yield f"http://127.0.0.1:{port}/", port


class Visit:
    """A page opened with every request leaving localhost aborted and recorded."""

    def __init__(
        self, chromium: Any, url: str, port: int, width: int = 1280, dark: bool = False
    ) -> None:
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.context = chromium.new_context(
            viewport={"width": width, "height": 900}, color_scheme="dark" if dark else "light"
        )

        def route(r: Any) -> None:
            parts = urlsplit(r.request.url)
            if parts.scheme in ("data", "blob") or (
                parts.hostname == "127.0.0.1" and parts.port == port
            ):
                r.continue_()
            else:
                self.blocked.append(r.request.url)
                r.abort()

        self.context.route("**/*", route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)

    def close(self) -> None:
        self.context.close()
        assert self.errors == []
        assert self.blocked == []


def _open_items(page: Any) -> list[str]:
    """The ids of the tree's visible members, top to bottom."""
    return list(
        page.eval_on_selector_all(
            "li.ft-item",
            "els => els.filter(e => !e.parentElement.closest('[hidden]'))"
            ".map(e => e.querySelector(':scope > .ft-row > .ft-id').textContent)",
        )
    )


def _item(page: Any, node: str, level: int | None = None) -> Any:
    """The tree members whose own row shows ``node`` (at ``level`` when given)."""
    at = f"[aria-level='{level}']" if level is not None else ""
    return page.locator(f"li.ft-item{at}:has(> .ft-row > .ft-id:text-is({node!r}))")


def _focused(page: Any) -> str:
    return str(
        page.evaluate(
            "() => { const li = document.activeElement.closest('li'); "
            "return li ? li.querySelector(':scope > .ft-row > .ft-id').textContent : ''; }"
        )
    )


def test_a_family_opens_and_closes_by_mouse_and_keyboard(
    site: tuple[str, int], chromium: Any
) -> None:
    url, port = site
    v = Visit(chromium, url + "family-trees.html", port)
    try:
        page = v.page
        tree = page.locator("[role=tree]")
        tree.wait_for()
        # the root is open: its three derivatives, by downloads (the hostile id is text)
        assert _open_items(page) == ["org/root", "a/ft", "s/self", PWNED]
        assert page.evaluate("window.__pwned") is None
        root = page.locator("li.ft-item").first
        assert root.get_attribute("aria-expanded") == "true"
        assert root.get_attribute("aria-level") == "1"
        # the self link is marked, not drawn as a child of itself
        self_row = _item(page, "s/self").first
        assert "names itself" in self_row.inner_text()
        assert self_row.get_attribute("aria-expanded") is None
        # open a/ft by clicking: b/q and the merge; the merge is also under b/q, marked
        _item(page, "a/ft").first.locator(".ft-row").first.click()
        assert _open_items(page) == ["org/root", "a/ft", "b/q", "m/merge", "s/self", PWNED]
        _item(page, "b/q", 3).locator(".ft-row").first.click()
        assert _open_items(page).count("m/merge") == 2
        assert "merge of 2 parents" in _item(page, "m/merge").first.inner_text()
        # the keyboard: the focused member moves with the arrows, left closes, right opens
        page.locator("li.ft-item").first.focus()
        page.keyboard.press("ArrowDown")
        assert _focused(page) == "a/ft"
        page.keyboard.press("ArrowLeft")  # close a/ft
        assert _open_items(page) == ["org/root", "a/ft", "s/self", PWNED]
        page.keyboard.press("ArrowRight")  # open it again
        page.keyboard.press("ArrowRight")  # to its first child
        assert _focused(page) == "b/q"
        page.keyboard.press("ArrowLeft")  # b/q is open: close it
        page.keyboard.press("ArrowLeft")  # then up to its parent
        assert _focused(page) == "a/ft"
        page.keyboard.press("End")
        assert _focused(page) == PWNED
        page.keyboard.press("Home")
        assert _focused(page) == "org/root"
        page.keyboard.press("Enter")  # close the whole family
        assert _open_items(page) == ["org/root"]
        assert page.locator("li.ft-item").first.get_attribute("aria-expanded") == "false"
        # roving focus: exactly one member in the tab order
        assert page.locator("li[role=treeitem][tabindex='0']").count() == 1
    finally:
        v.close()


def test_a_cycle_points_back_instead_of_looping(site: tuple[str, int], chromium: Any) -> None:
    url, port = site
    v = Visit(chromium, url + "family-trees.html", port)
    try:
        page = v.page
        page.select_option("select", index=1)
        assert _open_items(page) == ["c/x", "c/child", "c/y"]
        _item(page, "c/y").locator(".ft-row").first.click()
        # c/y's derivative is c/x, the root above it: shown once more as a leaf pointing back
        back = page.locator("li.ft-item[aria-level='3']")
        assert back.count() == 1 and "c/x" in back.inner_text()
        assert "cycle" in back.inner_text() and back.get_attribute("aria-expanded") is None
    finally:
        v.close()


def test_the_member_search_opens_the_branches_down_to_a_member(
    site: tuple[str, int], chromium: Any
) -> None:
    url, port = site
    v = Visit(chromium, url + "family-trees.html", port)
    try:
        page = v.page
        page.select_option("select", index=2)
        assert page.locator("select option").nth(2).inner_text() == "3. big/root (3,001 members)"
        # 30 members shown under the root; their 99 derivatives each are not drawn until opened
        assert len(_open_items(page)) == 1 + WIDE
        assert page.locator("li.ft-item").count() == 1 + WIDE
        search = page.get_by_label("Find a member")
        search.fill("g2-17-98")
        page.locator(".ft-found button").first.wait_for()
        assert page.locator(".ft-found button").all_inner_texts() == ["big/g2-17-98"]
        assert "1 member matches" in page.locator(".ft-status").inner_text()
        page.locator(".ft-found button").first.click()
        # its parent opened (a page of 100 shows all 99), the member focused and highlighted
        assert _focused(page) == "big/g2-17-98"
        hit = page.locator("li.ft-hit")
        assert hit.count() == 1 and hit.get_attribute("aria-level") == "3"
        assert page.locator("li.ft-item[aria-expanded='true']").count() == 2
        # Enter in the box jumps to the first match; many matches are listed 20 at a time
        search.fill("g2-3-")
        search.press("Enter")
        assert _focused(page) == "big/g2-3-0"
        assert page.locator(".ft-found button").count() == 20
        assert "99 members match (the first 20 listed)" in page.locator(".ft-status").inner_text()
        search.fill("no such model")
        page.wait_for_function(
            "() => document.querySelector('.ft-status').textContent.includes('matches')"
        )
        assert "No member of big/root matches" in page.locator(".ft-status").inner_text()
        page.get_by_role("button", name="Close every branch").click()
        assert len(_open_items(page)) == 1 + WIDE
        # open every branch down to generation 2: all 3,001 members, the 99 of each in one page
        page.get_by_label("Open down to generation").select_option("2")
        assert len(_open_items(page)) == 1 + WIDE + WIDE * DEEP
        assert page.locator("li.ft-more").count() == 0
        assert "open down to generation 2" in page.locator(".ft-status").inner_text()
        page.get_by_role("button", name="Close every branch").click()
        assert len(_open_items(page)) == 1 + WIDE
    finally:
        v.close()


def test_modelverse_drills_down_from_kind_to_organization_to_repositories(
    site: tuple[str, int], chromium: Any
) -> None:
    url, port = site
    v = Visit(chromium, url + "modelverse.html", port)
    try:
        page = v.page
        page.get_by_role("heading", name="Kinds of organization").wait_for()
        assert "Generated sample" in page.inner_text("body")
        assert "week of 2025-03-05, revision 0123456789abcdef" in page.inner_text("body")
        assert "The mapping knows 1 of 3 owners." in page.inner_text("body")
        rows = page.locator("tbody tr")
        assert rows.count() == 2
        assert rows.first.inner_text().split("\t")[-1].strip().startswith("40.0%")  # models share
        page.select_option("select", label="downloads (models and datasets)")
        assert (
            page.locator("tbody tr").first.inner_text().split("\t")[-1].strip().startswith("87.5%")
        )
        # keyboard: Tab to the first kind's button, Enter: the kind's organizations, focus on the heading
        page.get_by_role("button", name="company").focus()
        page.keyboard.press("Enter")
        assert (
            page.evaluate("document.activeElement.textContent") == "Organizations of kind company"
        )
        assert page.get_by_role("button", name="acme").count() == 1
        page.get_by_role("button", name="acme").click()
        assert page.evaluate("document.activeElement.textContent") == "acme"
        links = page.locator(".mv-repos a")
        hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert hrefs == [
            "https://huggingface.co/acme/m1",
            "https://huggingface.co/datasets/acme/d%201%3Fx%23y",
            "https://huggingface.co/spaces/acme/s1",
        ]
        assert links.nth(1).inner_text() == ODD
        assert (
            page.get_by_role("link", name="its page on the Hub").get_attribute("href")
            == "https://huggingface.co/acme"
        )
        # back up through the breadcrumbs, to the hostile owner's repositories
        page.get_by_role("button", name="All kinds").click()
        page.get_by_role("button", name="unmapped (not in the mapping)").click()
        page.get_by_role("button", name="evil").click()
        repo = page.locator(".mv-repos a").first
        assert repo.inner_text() == PWNED
        href = repo.get_attribute("href") or ""
        assert (
            href.startswith("https://huggingface.co/evil/") and "<" not in href and '"' not in href
        )
        assert (
            page.evaluate("window.__pwned") is None and page.locator(".mv-repos img").count() == 0
        )
        # the download links
        assert (
            page.locator(".hubobs-chart-download a").first.get_attribute("href")
            == "explorers-modelverse.csv"
        )
    finally:
        v.close()


@pytest.mark.parametrize("name", ["family-trees.html", "modelverse.html"])
def test_the_pages_fit_390_px_light_and_dark(
    site: tuple[str, int], chromium: Any, name: str
) -> None:
    url, port = site
    for dark in (False, True):
        v = Visit(chromium, url + name, port, width=390, dark=dark)
        try:
            page = v.page
            page.locator(".hubobs-explorer-view > *").first.wait_for()
            if name == "family-trees.html":
                page.select_option("select", index=2)
                _item(page, "big/g1-0").first.locator(".ft-row").click()
            else:
                page.get_by_role("button", name="company").click()
            if dark:  # as Quarto's dark theme does: light text on a dark page
                page.evaluate("document.body.style.cssText = 'background:#222;color:#eee'")
                colour = page.evaluate(
                    "getComputedStyle(document.querySelector('.hubobs-explorer-view button, "
                    ".hubobs-explorer-view .ft-id')).color"
                )
                assert (
                    colour == "rgb(238, 238, 238)"
                )  # the controls and ids take the page's colours
            if AXE.is_file():  # the accessibility rules, at a phone's width, light and dark
                page.add_script_tag(path=str(AXE))
                assert page.evaluate(AXE_RUN) == []
            fit = page.evaluate(
                "[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
            )
            assert fit[0] <= fit[1] + 1, fit
        finally:
            v.close()
