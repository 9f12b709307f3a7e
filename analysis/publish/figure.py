"""A published chart as readers get it: an HTML figure (drawn in the browser from the vendored
Vega builds) and a static SVG (what the paper's PDF shows).

The HTML is a ``<figure>`` with an id derived from the spec (re-execution gives identical
output), the chart, its description, the source line, the ODbL notice and a "Download the data"
link, and a script (``figure.js`` beside this module) that loads vega, vega-lite and vega-embed
once per page from the site's vendored copies (``assets/vendor/vega/``, found through Quarto's
``<meta name="quarto:offset">``), never a CDN. Vega's loader is restricted to the page's own
origin, and tooltips escape all HTML.
"""

from __future__ import annotations

import hashlib
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import atomic, escape
from analysis.publish import static
from analysis.publish.tooltips import ChartError
from analysis.schema import ATTRIBUTION

#: The data files beside every figure: (suffix, link text).
DATA_FILES: tuple[tuple[str, str], ...] = (
    (".csv", "CSV"),
    (".parquet", "parquet"),
    (".csv-metadata.json", "column descriptions"),
)
#: Source lines in the static image are wrapped at this many characters.
SOURCE_WRAP = 110

#: Where the vendored Vega builds live, relative to the site (and project) root.
VENDOR_DIR = "assets/vendor/vega/"
VENDOR_FILES: tuple[str, ...] = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")


_STYLE = (Path(__file__).with_name("figure.css")).read_text(encoding="utf-8")

# The loader (figure.js beside this module): vendored builds found through Quarto's offset meta
# (or the figure's data-vendor), loaded once per page in order, with AMD's define hidden
# meanwhile; Vega's loader restricted to the page's origin; tooltips escape every HTML character;
# expressions interpreted from their syntax tree (``ast: true``), so no 'unsafe-eval' is needed.
_LOADER_JS = (Path(__file__).with_name("figure.js")).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Figure:
    """A published chart. In Jupyter it displays as HTML, with a static SVG beside it (see the module docstring)."""

    name: str
    spec: dict[str, Any] = field(repr=False)
    title: str
    description: str
    source_line: str
    generated: bool
    csv_href: str
    csv_path: Path
    spec_path: Path
    vendor: str = VENDOR_DIR
    #: The CSV's path from the site root (``posts/x/name.csv``) when known: on a Quarto page the
    #: link is then made to work wherever the figure is shown (e.g. embedded in the paper).
    csv_site_path: str | None = None
    #: True when the data has no row: the figure then says so instead of drawing an empty chart.
    empty: bool = False

    @property
    def element_id(self) -> str:
        """A stable id: a hash of the spec (data included), the name, the words and the CSV link."""
        parts = [self.name, self.csv_href, self.title, self.description, self.spec]
        digest = hashlib.sha256(escape.script_json(parts).encode("utf-8")).hexdigest()
        return f"hubobs-{self.name.replace('.', '-')}-{digest[:12]}"

    def embed_spec(self) -> dict[str, Any]:
        """The spec as embedded in HTML: without ``$schema`` (a third-party URL; the mode is given)."""
        spec = dict(self.spec)
        spec.pop("$schema", None)
        return spec

    def html(self, vendor: str | None = None) -> str:
        """The figure as an HTML fragment; ``vendor`` is the fallback path to the Vega builds
        (used where the page has no ``quarto:offset`` meta). Title, description, source line
        and notice are said once, around the chart (the chart itself carries none of them)."""
        fid = escape.html(self.element_id, None)
        vendor_base = self.vendor if vendor is None else vendor
        if vendor_base and not vendor_base.endswith("/"):
            vendor_base += "/"
        source, notice = split_source(self.source_line)
        generated = generated_note(self.generated)
        links = data_links(self.csv_href)
        if self.empty:
            body = (
                '<p class="hubobs-chart-empty">No data to draw: the chosen weeks hold no rows for '
                "this chart (the findings say why).</p>\n"
            )
            script = ""
        else:
            js = (
                _LOADER_JS.replace("FIGURE_ID", escape.script_json(self.element_id))
                .replace("VENDOR_DIR", escape.script_json(VENDOR_DIR))
                .replace("VENDOR_FILES", escape.script_json(list(VENDOR_FILES)))
            )
            body = '<div class="hubobs-chart-view"></div>\n'
            script = (
                f'<script type="application/json" class="hubobs-chart-spec">'
                f"{escape.script_json(self.embed_spec())}</script>\n<script>\n{js}</script>\n"
            )
        return (
            f'<figure class="hubobs-figure" id="{fid}" '
            f'data-vendor="{escape.html(vendor_base, None)}" '
            + (f'data-csv="{escape.html(self.csv_site_path, None)}" ' if self.csv_site_path else "")
            + f'aria-labelledby="{fid}-title" aria-describedby="{fid}-desc">\n'
            f"<style>\n{_STYLE}</style>\n"
            f'<p class="hubobs-figure-title" id="{fid}-title">{escape.html(self.title, None)}</p>\n'
            f"{body}"
            "<figcaption>\n"
            f'<p id="{fid}-desc" class="hubobs-chart-description">{escape.html(self.description, None)}</p>\n'
            f"{generated}"
            f'<p class="hubobs-chart-source">{escape.html(source, None)} '
            f'<span class="hubobs-chart-attribution">{escape.html(notice, None)}</span></p>\n'
            f'<p class="hubobs-chart-download">Download the data: {links}.</p>\n'
            "</figcaption>\n"
            f"{script}"
            "</figure>\n"
        )

    def static_spec(self) -> dict[str, Any]:
        """The spec drawn for formats without scripts (the paper's PDF, whose caption gives the
        title): the source line and the licence notice below the chart."""
        spec = dict(self.spec)
        source, notice = split_source(self.source_line)
        lines = [*textwrap.wrap(source, SOURCE_WRAP), *textwrap.wrap(notice, SOURCE_WRAP)]
        spec["title"] = {
            "text": lines,
            "orient": "bottom",
            "anchor": "start",
            "fontSize": 9,
            "fontWeight": "normal",
            "color": "#555555",
            "offset": 12,
        }
        return spec

    def svg(self) -> str:
        """The chart as a static SVG (source line and notice below it), drawn offline and
        deterministically by :func:`analysis.publish.static.render_svg`: what the PDF shows."""
        if self.empty:
            return static.note_svg(
                "No data to draw: the chosen weeks hold no rows for this chart.",
                title=self.title,
                description=self.description,
            )
        try:
            return static.render_svg(
                self.static_spec(), title=self.title, description=self.description
            )
        except static.StaticChartError as exc:
            raise ChartError(f"chart {self.name!r}: no static image: {exc}") from exc

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        # HTML formats (and Jupyter) show text/html; Typst/PDF takes image/svg+xml.
        bundle = {"text/html": self.html()}
        svg = "image/svg+xml"
        if (include is None or svg in include) and not (exclude is not None and svg in exclude):
            bundle[svg] = self.svg()
        bundle["text/plain"] = f"<Figure {self.name}: {self.title}>"
        return bundle

    def _repr_html_(self) -> str:
        return self.html()

    def save_html(self, path: str | os.PathLike[str], vendor: str) -> Path:
        """Write a standalone HTML page holding this figure. ``vendor`` is the path from that page
        to the folder of the Vega builds (e.g. ``"../assets/vendor/vega/"``); no CDN is used."""
        out = Path(path)
        page = (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="icon" href="data:,">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
            "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'\">\n"
            f"<title>{escape.html(self.title, None)}</title>\n</head>\n<body>\n"
            f"{self.html(vendor=vendor)}</body>\n</html>\n"
        )
        atomic.write_bytes(out, page.encode("utf-8"))
        return out


def split_source(source_line: str) -> tuple[str, str]:
    """(the source sentence, the ODbL notice) of a :meth:`Provenance.source_line`."""
    if source_line.endswith(ATTRIBUTION):
        return source_line[: -len(ATTRIBUTION)].strip(), ATTRIBUTION
    return source_line, ATTRIBUTION


def generated_note(generated: bool) -> str:
    """The line under a chart or explorer built from the generated sample (empty otherwise)."""
    if not generated:
        return ""
    return (
        '<p class="hubobs-generated">Generated sample: fictional data in the real schema, '
        "not facts about the Hub.</p>\n"
    )


def data_links(csv_href: str) -> str:
    """The links to the data files behind a chart (CSV, parquet, column docs), escaped."""
    stem = csv_href.removesuffix(".csv")
    return ", ".join(
        f'<a href="{escape.html(stem + ext, None)}" data-ext="{ext}" '
        f'download="{escape.html(Path(stem + ext).name, None)}">{label}</a>'
        for ext, label in DATA_FILES
    )
