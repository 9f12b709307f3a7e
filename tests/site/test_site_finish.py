"""The build's last step over the rendered pages (analysis.build.finish_site): Quarto's
RequireJS/jQuery scripts removed, and any other load from a third-party host refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import build
from analysis.errors import HubObsError

#: What Quarto 1.7.34 writes into the head of a page made from a notebook with HTML outputs
#: (copied from a rendered page: the relocated jQuery tag runs into the next one).
QUARTO_HEAD = """<script src="../site_libs/quarto-nav/quarto-nav.js"></script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/jquery/3.5.1/jquery.min.js" integrity="sha512-bLT0Qm9VnAYZDflyKcBaQ2gg0hSYNQrJ8RilYldYQ1FxQYoCLtUjuuRuZo+fjqhx/qtq/1itJ0C2ejDxltZVFg==" crossorigin="anonymous"></script><script src="../site_libs/quarto-nav/headroom.min.js"></script>
<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.3.6/require.min.js" integrity="sha512-c3Nl8+7g4LMSTdrm621y7kf9v3SDPnhxLNhcjFJbKECVnmZHTdo+IRO05sNLTH/D3vA6u1X32ehoLC7WFVdheg==" crossorigin="anonymous"></script>

<script type="application/javascript">define('jquery', [],function() {return window.jQuery;})</script>
"""


def _page(body: str = "", head: str = QUARTO_HEAD) -> str:
    return f"<!DOCTYPE html>\n<html><head>\n{head}</head><body>\n{body}</body></html>\n"


def test_quartos_requirejs_and_jquery_are_removed_and_the_rest_kept(tmp_path: Path) -> None:
    site = tmp_path / "_site"
    (site / "posts/a").mkdir(parents=True)
    page = site / "posts/a/index.html"
    text = '<p>See <a href="https://example.org/x">a link</a> and <code>&lt;script src="https://x.org/y.js"&gt;</code></p>'
    page.write_text(_page(text), encoding="utf-8")
    build.finish_site(site, log=lambda m: None)
    out = page.read_text(encoding="utf-8")
    assert "cdnjs" not in out and "define(" not in out
    assert '<script src="../site_libs/quarto-nav/quarto-nav.js"></script>' in out
    assert '<script src="../site_libs/quarto-nav/headroom.min.js"></script>' in out
    assert text in out, "links and text about scripts are not loads"
    assert build.remote_loads(out) == []


@pytest.mark.parametrize(
    "load",
    [
        '<script src="https://cdn.example.org/lib.js"></script>',
        '<script src="//cdn.example.org/lib.js"></script>',
        '<link rel="stylesheet" href="https://fonts.example.org/css">',
        '<img src="https://example.org/a.png" alt="">',
        '<img srcset="a.png 1x, https://example.org/b.png 2x" alt="">',
        '<iframe src="https://example.org/embed"></iframe>',
        "<style>body{background:url(https://example.org/bg.png)}</style>",
        "<div style=\"background: url('//example.org/bg.png')\"></div>",
    ],
)
def test_any_other_load_from_another_host_fails_the_build_naming_the_page(
    tmp_path: Path, load: str
) -> None:
    site = tmp_path / "_site"
    site.mkdir()
    (site / "ok.html").write_text(_page("<p>fine</p>", head=""), encoding="utf-8")
    (site / "bad.html").write_text(_page(load), encoding="utf-8")
    with pytest.raises(HubObsError, match=r"bad\.html: .*example\.org") as err:
        build.finish_site(site, log=lambda m: None)
    assert "ok.html" not in str(err.value)


def test_a_stylesheet_importing_from_another_host_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "_site"
    (site / "site_libs").mkdir(parents=True)
    (site / "site_libs/theme.css").write_text(
        '@import url("https://fonts.example.org/css2?family=X");\nbody{color:red}\n',
        encoding="utf-8",
    )
    with pytest.raises(HubObsError, match=r"site_libs/theme\.css"):
        build.finish_site(site, log=lambda m: None)


def test_links_feeds_and_canonical_urls_are_not_loads() -> None:
    head = (
        '<link rel="alternate" type="application/rss+xml" href="https://example.org/index.xml">'
        '<link rel="canonical" href="https://example.org/page.html">'
        '<meta property="og:image" content="https://example.org/a.png">'
    )
    assert build.remote_loads(_page('<a href="https://example.org">x</a>', head=head)) == []


def test_the_cite_as_citation_loses_its_list_item_role_outside_a_list(tmp_path: Path) -> None:
    """Quarto 1.7.34's appendix citation, copied from a rendered post: a list item in no list."""
    site = tmp_path / "_site"
    site.mkdir()
    citeas = (
        '<div class="quarto-appendix-secondary-label">For attribution, please cite this work as:'
        '</div><div id="ref-hubobs-welcome" class="csl-entry quarto-appendix-citeas" '
        'role="listitem">\nHub Observatory contributors. 2026.</div>'
    )
    listed = '<div role="list"><div class="csl-entry" role="listitem">A. 2024.</div></div>'
    (site / "index.html").write_text(_page(citeas + listed, head=""), encoding="utf-8")
    build.finish_site(site, log=lambda m: None)
    out = (site / "index.html").read_text(encoding="utf-8")
    assert '<div id="ref-hubobs-welcome" class="csl-entry quarto-appendix-citeas">\nHub' in out
    assert listed in out, "entries of a real list keep their role"
