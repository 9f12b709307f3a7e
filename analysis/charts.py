"""Publishing an Altair chart: title, source line, description, tooltips, CSV beside it, offline HTML.

:func:`publish` is what a notebook calls for every chart. It

- attaches the data (inlined in the spec, never an external file except our CSV),
- sets the title and a subtitle holding :meth:`Provenance.source_line` (weeks, revision, ODbL),
- sets the top-level ``description`` (Vega-Lite uses it as the chart's ARIA description),
- gives every mark a tooltip (built from its encodings when it has none),
- writes ``<outdir>/<name>.csv`` (the data behind the chart) and ``<outdir>/<name>.vl.json``
  (the spec with its data) atomically,

and returns a :class:`Figure`. Displayed in Jupyter, a figure is HTML plus a static SVG (for
formats that run no script, e.g. the paper's PDF: :mod:`analysis.charts_static`). The HTML is a ``<figure>`` with an
id derived from the spec (re-execution gives identical output), the chart, its description, the
source line, the ODbL notice and a "Download the data (CSV)" link, and a script that loads vega,
vega-lite and vega-embed once per page from the site's vendored copies
(``assets/vendor/vega/``, found through Quarto's ``<meta name="quarto:offset">``), never a CDN.
Vega's loader is restricted to the page's own origin, and tooltips escape all HTML.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import altair as alt
import pandas as pd
from altair.vegalite.v6.schema.core import Root as VegaLiteRoot

from analysis import atomic, charts_static, escape
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.schema import ATTRIBUTION

#: Where the vendored Vega builds live, relative to the site (and project) root.
VENDOR_DIR = "assets/vendor/vega/"
VENDOR_FILES: tuple[str, ...] = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js")

#: Charts refuse more rows than this (aggregate first: pages must stay light).
MAX_ROWS = 20_000

DEFAULT_WIDTH = 600
DEFAULT_HEIGHT = 320
#: The longest a label (axis, legend) may be drawn, in pixels, before Vega truncates it.
LABEL_LIMIT = 240
#: Subtitle lines are wrapped at this many characters.
SUBTITLE_WRAP = 100

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")

# Encoding channels whose field definitions a derived tooltip repeats, in this order.
_TOOLTIP_CHANNELS = (
    "x",
    "x2",
    "y",
    "y2",
    "theta",
    "theta2",
    "radius",
    "latitude",
    "longitude",
    "color",
    "fill",
    "stroke",
    "size",
    "shape",
    "opacity",
    "row",
    "column",
    "facet",
    "text",
    "detail",
)
_TOOLTIP_KEYS = ("field", "type", "aggregate", "bin", "timeUnit", "title", "format", "formatType")
# vega-tooltip treats these keys specially (a heading, an <img> it would load): never as titles.
_RESERVED_TOOLTIP_KEYS = frozenset({"title", "image"})


class ChartError(ValueError):
    """A chart cannot be published as asked (the message names the chart and the problem)."""


# ---------------------------------------------------------------------------------------------
# tooltips


def tooltips(
    data: pd.DataFrame,
    *fields: str,
    titles: Mapping[str, str] | None = None,
    formats: Mapping[str, str] | None = None,
) -> list[alt.Tooltip]:
    """Tooltip definitions for ``fields`` of ``data`` (all columns when none are named).

    The type comes from the column's dtype (numbers quantitative with thousands separators,
    dates temporal as ``YYYY-MM-DD``, anything else nominal); ``titles`` and ``formats`` override.
    """
    titles = dict(titles or {})
    formats = dict(formats or {})
    names = list(fields) or [str(c) for c in data.columns]
    out: list[alt.Tooltip] = []
    for name in names:
        if name not in data.columns:
            raise ChartError(
                f"tooltip field {name!r} is not a column of the data ({', '.join(map(str, data.columns))})"
            )
        col = data[name]
        kw: dict[str, Any] = {}
        typ: Literal["quantitative", "temporal", "nominal"]
        if pd.api.types.is_bool_dtype(col):
            typ = "nominal"
        elif pd.api.types.is_numeric_dtype(col):
            typ = "quantitative"
            kw["format"] = ",.4~f" if pd.api.types.is_float_dtype(col) else ","
        elif pd.api.types.is_datetime64_any_dtype(col):
            typ = "temporal"
            kw["format"] = "%Y-%m-%d"
        else:
            typ = "nominal"
        if name in formats:
            kw["format"] = formats[name]
        title = titles.get(name, _default_title(name))
        out.append(alt.Tooltip(field=name, type=typ, title=title, **kw))
    return out


def _default_title(name: str) -> str:
    if name in _RESERVED_TOOLTIP_KEYS:
        return name.capitalize()
    return name.replace("_", " ")


def _unit_specs(spec: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Every unit (single-mark) spec inside a Vega-Lite spec dict."""
    if "mark" in spec:
        yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []) or []:
            if isinstance(sub, dict):
                yield from _unit_specs(sub)
    inner = spec.get("spec")
    if isinstance(inner, dict):
        yield from _unit_specs(inner)


def _inherited_encoding(spec: dict[str, Any], parent: Mapping[str, Any]) -> dict[str, Any]:
    enc = dict(parent)
    enc.update(spec.get("encoding", {}) or {})
    return enc


def _add_tooltips(
    spec: dict[str, Any], name: str, parent_enc: Mapping[str, Any] | None = None
) -> None:
    """Give every unit spec a tooltip encoding (derived from its encodings) unless it has one."""
    parent_enc = parent_enc or {}
    if "layer" in spec:
        enc = _inherited_encoding(spec, parent_enc)
        for sub in spec["layer"]:
            _add_tooltips(sub, name, enc)
        if "tooltip" in (spec.get("encoding") or {}):
            _check_tooltip(spec["encoding"]["tooltip"], name)
        return
    for key in ("hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []) or []:
            _add_tooltips(sub, name, {})
    if isinstance(spec.get("spec"), dict):
        _add_tooltips(spec["spec"], name, {})
    if "mark" not in spec:
        return
    mark = spec["mark"]
    if isinstance(mark, dict) and "tooltip" in mark:
        return  # the author chose (tooltip: null disables on purpose)
    encoding = _inherited_encoding(spec, parent_enc)
    if "tooltip" in encoding:
        _check_tooltip(encoding["tooltip"], name)
        return
    derived: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    for channel in _TOOLTIP_CHANNELS:
        defs = encoding.get(channel)
        for d in defs if isinstance(defs, list) else [defs]:
            if not isinstance(d, dict) or "field" not in d or "condition" in d:
                continue
            ident = (json.dumps(d.get("field")), str(d.get("aggregate")), str(d.get("timeUnit")))
            if ident in seen:
                continue
            seen.add(ident)
            tip = {k: d[k] for k in _TOOLTIP_KEYS if k in d}
            if "title" not in tip and isinstance(d["field"], str):
                tip["title"] = _default_title(d["field"])
            if tip.get("type") == "temporal" and "format" not in tip and "timeUnit" not in tip:
                tip["format"] = "%Y-%m-%d"
            if tip.get("type") == "quantitative" and "format" not in tip and not tip.get("bin"):
                tip["format"] = ",.4~f"
            derived.append(tip)
    if derived:
        spec.setdefault("encoding", {})["tooltip"] = derived
        _check_tooltip(derived, name)


def _check_tooltip(tip: Any, name: str) -> None:
    for d in tip if isinstance(tip, list) else [tip]:
        if not isinstance(d, dict):
            continue
        label = d.get("title", d.get("field"))
        if isinstance(label, str) and label in _RESERVED_TOOLTIP_KEYS:
            raise ChartError(
                f"chart {name!r}: a tooltip entry may not be titled {label!r} "
                "(the tooltip library renders that key as markup); give it another title"
            )


# ---------------------------------------------------------------------------------------------
# the figure


def _atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic.write_bytes(path, data)


_STYLE = """\
.hubobs-figure{margin:1.5rem 0;max-width:100%;overflow-x:auto}
.hubobs-figure .hubobs-chart-view{min-height:2rem}
.hubobs-figure figcaption{font-size:.875em;line-height:1.4;margin-top:.5rem}
.hubobs-figure figcaption p{margin:.25rem 0}
.hubobs-figure .hubobs-generated{font-weight:bold}
#vg-tooltip-element{max-width:28rem;overflow-wrap:anywhere}
"""

# The loader: vendored builds found through Quarto's offset meta (or the figure's data-vendor),
# loaded once per page in order, with AMD's define hidden meanwhile (UMD builds would otherwise
# register as anonymous AMD modules where require.js is present). Vega's loader is restricted to
# the page's origin; tooltips escape every HTML character; expressions are interpreted from
# their syntax tree (``ast: true``), not compiled with ``Function``, so no 'unsafe-eval' is needed.
_LOADER_JS = """\
(function () {
  "use strict";
  var fig = document.getElementById(FIGURE_ID);
  if (!fig) { return; }
  var view = fig.querySelector(".hubobs-chart-view");
  var spec = JSON.parse(fig.querySelector("script.hubobs-chart-spec").textContent);
  function siteRoot() {
    var meta = document.querySelector('meta[name="quarto:offset"]');
    var off = meta && meta.getAttribute("content");
    return off ? off.replace(/\\/?$/, "/") : null;
  }
  function vendorBase() {
    var root = siteRoot();
    return root !== null ? root + VENDOR_DIR : fig.getAttribute("data-vendor");
  }
  (function fixCsvLink() {
    var root = siteRoot();
    var csv = fig.getAttribute("data-csv");
    var link = fig.querySelector(".hubobs-chart-download a");
    if (root !== null && csv && link) { link.setAttribute("href", root + csv); }
  })();
  function load() {
    if (window.__hubobsVega) { return window.__hubobsVega; }
    var base = vendorBase();
    var files = VENDOR_FILES;
    window.__hubobsVega = new Promise(function (resolve, reject) {
      var savedDefine = window.define;
      window.define = undefined;
      function done(err) {
        window.define = savedDefine;
        if (err) { reject(err); } else { resolve(window.vegaEmbed); }
      }
      function next(i) {
        if (i === files.length) { done(null); return; }
        var s = document.createElement("script");
        s.src = base + files[i];
        s.async = false;
        s.onload = function () { next(i + 1); };
        s.onerror = function () { done(new Error("could not load " + s.src)); };
        document.head.appendChild(s);
      }
      next(0);
    });
    return window.__hubobsVega;
  }
  function escapeHtml(value) {
    return String(value).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }
  function sameOriginLoader(vega) {
    var loader = vega.loader();
    var sanitize = loader.sanitize;
    loader.sanitize = function (uri, options) {
      return sanitize.call(loader, uri, options).then(function (result) {
        var url = new URL(result.href, document.baseURI);
        if (url.protocol !== "data:" && url.origin !== window.location.origin) {
          throw new Error("blocked a request leaving the site: " + url.href);
        }
        return result;
      });
    };
    return loader;
  }
  load().then(function (vegaEmbed) {
    return vegaEmbed(view, spec, {
      mode: "vega-lite",
      renderer: "svg",
      ast: true,
      actions: false,
      loader: sameOriginLoader(window.vega),
      tooltip: { sanitize: escapeHtml, theme: "light" }
    });
  }).catch(function (err) {
    view.textContent = "The chart could not be drawn (" + err.message + "). Its data is in the CSV file linked below.";
    if (window.console) { console.error(err); }
  });
})();
"""


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

    @property
    def element_id(self) -> str:
        """A stable id: a hash of the spec (data included), the name and the CSV link."""
        digest = hashlib.sha256(
            escape.script_json([self.name, self.csv_href, self.spec]).encode("utf-8")
        ).hexdigest()
        return f"hubobs-{self.name.replace('.', '-')}-{digest[:12]}"

    def embed_spec(self) -> dict[str, Any]:
        """The spec as embedded in HTML: without ``$schema`` (a third-party URL; the mode is given)."""
        spec = dict(self.spec)
        spec.pop("$schema", None)
        return spec

    def html(self, vendor: str | None = None) -> str:
        """The figure as an HTML fragment; ``vendor`` is the fallback path to the Vega builds
        (used where the page has no ``quarto:offset`` meta)."""
        fid = self.element_id
        vendor_base = self.vendor if vendor is None else vendor
        if vendor_base and not vendor_base.endswith("/"):
            vendor_base += "/"
        source, notice = _split_source(self.source_line)
        generated = (
            '<p class="hubobs-generated">Generated sample: fictional data in the real schema, '
            "not facts about the Hub.</p>\n"
            if self.generated
            else ""
        )
        js = (
            _LOADER_JS.replace("FIGURE_ID", escape.script_json(fid))
            .replace("VENDOR_DIR", escape.script_json(VENDOR_DIR))
            .replace("VENDOR_FILES", escape.script_json(list(VENDOR_FILES)))
        )
        return (
            f'<figure class="hubobs-figure" id="{escape.html(fid, None)}" '
            f'data-vendor="{escape.html(vendor_base, None)}" '
            + (f'data-csv="{escape.html(self.csv_site_path, None)}" ' if self.csv_site_path else "")
            + f'aria-labelledby="{escape.html(fid, None)}-title" '
            f'aria-describedby="{escape.html(fid, None)}-desc">\n'
            f"<style>\n{_STYLE}</style>\n"
            '<div class="hubobs-chart-view"></div>\n'
            "<figcaption>\n"
            f'<p id="{escape.html(fid, None)}-title"><strong>{escape.html(self.title, None)}</strong></p>\n'
            f'<p id="{escape.html(fid, None)}-desc" class="hubobs-chart-description">{escape.html(self.description, None)}</p>\n'
            f"{generated}"
            f'<p class="hubobs-chart-source">{escape.html(source, None)}</p>\n'
            f'<p class="hubobs-chart-attribution">{escape.html(notice, None)}</p>\n'
            f'<p class="hubobs-chart-download"><a href="{escape.html(self.csv_href, None)}" '
            f'download="{escape.html(Path(self.csv_href).name, None)}">Download the data (CSV)</a></p>\n'
            "</figcaption>\n"
            f'<script type="application/json" class="hubobs-chart-spec">{escape.script_json(self.embed_spec())}</script>\n'
            f"<script>\n{js}</script>\n"
            "</figure>\n"
        )

    def svg(self) -> str:
        """The chart as a static SVG (title and source line included), drawn offline and
        deterministically by :func:`analysis.charts_static.render_svg`: what the paper's PDF shows."""
        try:
            return charts_static.render_svg(
                self.spec, title=self.title, description=self.description
            )
        except charts_static.StaticChartError as exc:
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
        _atomic_write_bytes(out, page.encode("utf-8"))
        return out


def _split_source(source_line: str) -> tuple[str, str]:
    """(the source sentence, the ODbL notice) of a :meth:`Provenance.source_line`."""
    if source_line.endswith(ATTRIBUTION):
        return source_line[: -len(ATTRIBUTION)].strip(), ATTRIBUTION
    return source_line, ATTRIBUTION


def _clean_strings(data: pd.DataFrame, limit: int | None) -> pd.DataFrame:
    """A copy of ``data`` whose text cells have control characters removed and length bounded."""
    out = data.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_object_dtype(s) or pd.api.types.is_string_dtype(s):
            out[col] = s.map(lambda v: escape.clean(v, limit) if isinstance(v, str) else v)
    return out


def _site_dir(outdir: Path) -> str | None:
    """``outdir`` relative to the project (= site) root, in URL form; None when outside it."""
    try:
        rel_dir = outdir.resolve().relative_to(PROJECT_ROOT.resolve())
    except ValueError:
        return None
    return rel_dir.as_posix()


def _default_vendor(outdir: Path) -> str:
    """The path from ``outdir`` to the vendored builds when ``outdir`` is inside the project."""
    site_dir = _site_dir(outdir)
    if site_dir is None:
        return VENDOR_DIR
    up = "../" * len(PurePosixPath(site_dir).parts) if site_dir != "." else ""
    return up + VENDOR_DIR


#: The chart objects :func:`publish` accepts.
ChartLike = (
    alt.Chart
    | alt.LayerChart
    | alt.HConcatChart
    | alt.VConcatChart
    | alt.ConcatChart
    | alt.FacetChart
    | alt.RepeatChart
)


def publish(
    chart: ChartLike,
    data: pd.DataFrame,
    *,
    name: str,
    provenance: Provenance,
    title: str,
    description: str,
    outdir: str | os.PathLike[str] = ".",
    x_title: str | None = None,
    y_title: str | None = None,
    width: int | str | None = None,
    height: int | None = None,
    text_limit: int | None = escape.DEFAULT_LIMIT,
    vendor: str | None = None,
    site_dir: str | None = None,
) -> Figure:
    """Publish ``chart`` drawn from ``data``: see the module docstring.

    ``chart`` must carry no data of its own (or exactly ``data``): ``data`` is attached to it and
    written to ``<outdir>/<name>.csv``. ``x_title``/``y_title`` set the axis titles of the x and y
    encodings (of every layer); ``width``/``height`` default to 600 by 320 pixels for single
    charts. Text cells shown in the chart are cleaned of control characters and bounded to
    ``text_limit`` characters (the CSV keeps them as they are). ``vendor`` overrides the
    fallback path to ``assets/vendor/vega/`` used where a page has no ``quarto:offset`` meta;
    ``site_dir`` the folder of ``outdir`` relative to the site root (default: ``outdir``
    relative to the project root, when inside it), so the CSV link works on any Quarto page.
    """
    if not _NAME_RE.match(name) or ".." in name:
        raise ChartError(
            f"chart name {name!r} must be letters, digits, '_', '-' or '.' (a file name)"
        )
    if not isinstance(data, pd.DataFrame):
        raise ChartError(
            f"chart {name!r}: data must be a pandas DataFrame, not {type(data).__name__}"
        )
    if len(data) > MAX_ROWS:
        raise ChartError(
            f"chart {name!r}: {len(data):,} rows is more than {MAX_ROWS:,}; aggregate first"
        )
    if not title.strip() or not description.strip():
        raise ChartError(f"chart {name!r}: a title and a description are required")
    own = getattr(chart, "data", alt.Undefined)
    if own is not alt.Undefined and own is not data:
        raise ChartError(
            f"chart {name!r} carries data of its own: build it without data; publish() attaches `data`"
        )

    out = Path(outdir)
    csv_site_path = _csv_site_path(site_dir if site_dir is not None else _site_dir(out), name)
    source_line = provenance.source_line()
    source, notice = _split_source(source_line)
    subtitle = [*textwrap.wrap(source, SUBTITLE_WRAP), *textwrap.wrap(notice, SUBTITLE_WRAP)]

    chart = chart.copy(deep=True)
    chart.data = _clean_strings(data, text_limit)
    with alt.data_transformers.enable("default", max_rows=None):
        spec = chart.to_dict(validate=True)
    spec = copy.deepcopy(spec)

    spec["title"] = {"text": title, "subtitle": subtitle, "anchor": "start", "subtitleFontSize": 11}
    spec["description"] = description
    is_unit_or_layer = "mark" in spec or "layer" in spec
    if is_unit_or_layer:
        if width is not None or "width" not in spec:
            spec["width"] = width if width is not None else DEFAULT_WIDTH
        if height is not None or "height" not in spec:
            spec["height"] = height if height is not None else DEFAULT_HEIGHT
    config = spec.setdefault("config", {})
    config.setdefault("axis", {}).setdefault("labelLimit", LABEL_LIMIT)
    config["axis"].setdefault("titleFontSize", 12)
    config["axis"].setdefault("labelFontSize", 11)
    config.setdefault("legend", {}).setdefault("labelLimit", LABEL_LIMIT)
    config["legend"].setdefault("titleLimit", LABEL_LIMIT)
    config.setdefault("view", {}).update(
        {"continuousWidth": DEFAULT_WIDTH, "continuousHeight": DEFAULT_HEIGHT}
    )
    for unit in _unit_specs(spec):
        enc = unit.get("encoding") or {}
        for channel, axis_title in (("x", x_title), ("y", y_title)):
            if axis_title is not None and isinstance(enc.get(channel), dict):
                enc[channel]["title"] = axis_title
    if "layer" in spec and isinstance(spec.get("encoding"), dict):
        for channel, axis_title in (("x", x_title), ("y", y_title)):
            if axis_title is not None and isinstance(spec["encoding"].get(channel), dict):
                spec["encoding"][channel]["title"] = axis_title
    _add_tooltips(spec, name)
    try:  # the final spec must still be valid Vega-Lite
        VegaLiteRoot.validate(spec)
    except Exception as exc:
        raise ChartError(
            f"chart {name!r}: the published spec is not valid Vega-Lite: {exc}"
        ) from exc

    csv_path = out / f"{name}.csv"
    spec_path = out / f"{name}.vl.json"
    _atomic_write_bytes(csv_path, data.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    _atomic_write_bytes(
        spec_path,
        (json.dumps(spec, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8"),
    )
    return Figure(
        name=name,
        spec=spec,
        title=title,
        description=description,
        source_line=source_line,
        generated=provenance.generated,
        csv_href=f"{name}.csv",
        csv_path=csv_path,
        spec_path=spec_path,
        vendor=vendor if vendor is not None else _default_vendor(out),
        csv_site_path=csv_site_path,
    )


def _csv_site_path(site_dir: str | None, name: str) -> str | None:
    if site_dir is None:
        return None
    parts = [p for p in PurePosixPath(site_dir).parts if p not in (".", "")]
    if any(p == ".." for p in parts) or PurePosixPath(site_dir).is_absolute():
        raise ChartError(f"site_dir {site_dir!r} must be a relative path inside the site")
    return "/".join([*parts, f"{name}.csv"])
