"""The rendered site made self-contained: Quarto's RequireJS and jQuery scripts removed, its
"cite as" list-item role dropped, and every page checked to load nothing from a third-party host."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from analysis import atomic
from analysis.errors import HubObsError

#: What Quarto 1.7 writes into the head of a page made from a notebook that has any
#: ``text/html`` or ``application/javascript`` output (``src/core/jupyter/widgets.ts``,
#: ``includesForJupyterWidgetDependencies``: it assumes such outputs are widgets needing
#: RequireJS and jQuery; no option turns it off): RequireJS and jQuery from cdnjs, and an inline
#: ``define('jquery', ...)`` that throws where RequireJS did not load. Our outputs (figures,
#: tables) use neither; figure.js loads the vendored Vega builds itself.
QUARTO_WIDGET_SCRIPTS = re.compile(
    r"<script\b[^>]*\bsrc=\"https://cdnjs\.cloudflare\.com/ajax/libs/(?:require\.js|jquery)/"
    r"[^\"]*\"[^>]*>\s*</script>[ \t]*\n?"
    r"|<script type=\"application/javascript\">define\('jquery', \[\],\s*function\(\) "
    r"\{return window\.jQuery;\}\)</script>[ \t]*\n?"
)

#: Quarto 1.7's "cite this page" appendix (``appendix-cite-as``) writes the formatted citation as
#: ``<div class="csl-entry quarto-appendix-citeas" role="listitem">`` with no ``role="list"``
#: around it: a list item outside any list, which screen readers misannounce (axe-core's
#: aria-required-parent, critical). It is one citation, not a list: the role is dropped.
QUARTO_CITEAS_ROLE = re.compile(
    r'(<div\b[^>]*\bclass="csl-entry quarto-appendix-citeas")\s+role="listitem"'
)

#: ``<link rel=...>`` values that make the browser fetch the link's target.
_LOADING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "manifest",
    }
)
#: Elements whose attribute makes the browser load it (besides ``<link>``).
_LOADING_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
_CSS_REMOTE = re.compile(r"""(?:@import\s+|\burl\(\s*)["']?\s*((?:https?:)?//[^"')\s;]+)""", re.I)


def _is_remote(url: str) -> bool:
    """True for a URL on another host (``http(s)://...`` or protocol-relative ``//...``)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


class _RemoteLoads(HTMLParser):
    """Collects what a page would load from another host (as ``<tag attr=url>``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & _LOADING_RELS and _is_remote(values.get("href", "")):
                self.found.append(f"<link rel={values['rel']} href={values['href']}>")
        for attr in _LOADING_ATTRS.get(tag, ()):
            value = values.get(attr, "")
            urls = (
                [u.strip().split(" ")[0] for u in value.split(",")] if "srcset" in attr else [value]
            )
            if any(_is_remote(u) for u in urls):
                self.found.append(f"<{tag} {attr}={value}>")
        if "style" in values:
            self.found += [f"<{tag} style=url({u})>" for u in _CSS_REMOTE.findall(values["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [f"<style> url({u})" for u in _CSS_REMOTE.findall(data)]


def remote_loads(text: str, css: bool = False) -> list[str]:
    """What an HTML page (or, with ``css``, a stylesheet) loads from a third-party host."""
    if css:
        return [f"url({u})" for u in _CSS_REMOTE.findall(text)]
    parser = _RemoteLoads()
    parser.feed(text)
    parser.close()
    return parser.found


def finish_site(site: Path, log: Callable[[str], None]) -> None:
    """Remove Quarto's RequireJS/jQuery scripts from every page of ``site`` (see
    :data:`QUARTO_WIDGET_SCRIPTS`) and the list-item role of its "cite as" citation
    (:data:`QUARTO_CITEAS_ROLE`), then check that no page or stylesheet loads anything from a
    third-party host: :class:`HubObsError` naming each page and what it loads otherwise."""
    cleaned = 0
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if path.suffix == ".html":
            new = QUARTO_CITEAS_ROLE.sub(r"\1", QUARTO_WIDGET_SCRIPTS.sub("", text))
            if new != text:
                atomic.write_bytes(path, new.encode("utf-8", errors="surrogateescape"))
                cleaned += 1
            text = new
        rel = path.relative_to(site).as_posix()
        found += [f"{rel}: {hit}" for hit in remote_loads(text, css=path.suffix == ".css")]
    log(f"build: Quarto's RequireJS/jQuery scripts removed from {cleaned} page(s)")
    if found:
        raise HubObsError(
            f"{site}: {len(found)} load(s) from a third-party host (the site must load nothing "
            "from outside it):\n  " + "\n  ".join(found[:50])
        )
