"""Publishing an Altair chart: title, source line, description, tooltips, CSV beside it, offline HTML.

:func:`figure` is what a notebook calls for every chart an analysis defines; it builds the
chart and calls :func:`publish`, which

- attaches the data (inlined in the spec, never an external file except our CSV),
- sets the title and a subtitle holding :meth:`Provenance.source_line` (weeks, revision, ODbL),
- sets the top-level ``description`` (Vega-Lite uses it as the chart's ARIA description),
- gives every mark a tooltip (built from its encodings when it has none),
- writes the data behind the chart (CSV, parquet, column docs: :mod:`analysis.tables`) and
  ``<name>.vl.json`` (the spec with its data) atomically, outside the source folders
  (:func:`output_dir`),

and returns a :class:`Figure`. Displayed in Jupyter, a figure is HTML plus a static SVG (for
formats that run no script, e.g. the paper's PDF: :mod:`analysis.publish.static`). The HTML is a ``<figure>`` with an
id derived from the spec (re-execution gives identical output), the chart, its description, the
source line, the ODbL notice and a "Download the data (CSV)" link, and a script that loads vega,
vega-lite and vega-embed once per page from the site's vendored copies
(``assets/vendor/vega/``, found through Quarto's ``<meta name="quarto:offset">``), never a CDN.
Vega's loader is restricted to the page's own origin, and tooltips escape all HTML.
"""

from __future__ import annotations

import copy
import importlib
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd
from altair.vegalite.v6.schema.core import Root as VegaLiteRoot

from analysis import atomic, definitions, escape, tables
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.publish.figure import VENDOR_DIR, Figure
from analysis.publish.tooltips import ChartError, add_tooltips, unit_specs

#: Charts refuse more rows than this (aggregate first: pages must stay light).
MAX_ROWS = 20_000

DEFAULT_WIDTH = 600
DEFAULT_HEIGHT = 320
#: The longest a label (axis, legend) may be drawn, in pixels, before Vega truncates it.
LABEL_LIMIT = 240

if TYPE_CHECKING:
    from analysis.data import Data

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$")


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


#: Where figures' data files go when a notebook runs inside the project (the kernel's working
#: directory, relative to the project root, is appended): build outputs, ignored by git, copied
#: to the site as they are (``_quarto.yml`` ``resources``).
DERIVED_DIR = Path("data") / "derived"
#: Set (by ``hubobs run``) to the folder that receives every output of a notebook run.
OUTPUT_ENV = "HUBOBS_OUTPUT_DIR"


def output_dir(page: Path) -> Path:
    """Where the data files of figures shown on ``page`` (a notebook's folder) are written:
    ``$HUBOBS_OUTPUT_DIR`` when set, else ``data/derived/<page's folder>`` inside the project,
    else ``page`` itself."""
    env = os.environ.get(OUTPUT_ENV)
    if env:
        return Path(env)
    site = _site_dir(page)
    if site is None or site.startswith(DERIVED_DIR.as_posix()):
        return page
    return PROJECT_ROOT / DERIVED_DIR / site


def _clean_spec_lists(spec: object, limit: int | None) -> None:
    """Clean the strings of every ``sort`` and ``domain`` list as the data is cleaned, so a sort
    order or a colour domain names exactly the values the chart draws."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key in ("sort", "domain") and isinstance(value, list):
                spec[key] = [escape.clean(v, limit) if isinstance(v, str) else v for v in value]
            else:
                _clean_spec_lists(value, limit)
    elif isinstance(spec, list):
        for item in spec:
            _clean_spec_lists(item, limit)


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
    outdir: str | os.PathLike[str] | None = None,
    columns: Mapping[str, str] | None = None,
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
    written to ``<outdir>/<name>.csv`` (with ``.parquet`` and ``.csv-metadata.json`` beside it,
    see :func:`analysis.tables.write_data`); without ``outdir``, to :func:`output_dir` of the
    working directory, linked from the page relative to it. ``columns`` documents every column
    of ``data`` (required to match exactly when given). ``x_title``/``y_title`` set the axis titles of the x and y
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

    if columns is not None:
        try:
            tables.check_columns(data, columns, f"chart {name!r}")
        except ValueError as exc:
            raise ChartError(str(exc)) from None
    if outdir is None:
        page = Path.cwd()
        out = output_dir(page)
        csv_href = Path(os.path.relpath(out / f"{name}.csv", page)).as_posix()
    else:
        out = page = Path(outdir)
        csv_href = f"{name}.csv"
    csv_site_path = _csv_site_path(site_dir if site_dir is not None else _site_dir(out), name)
    source_line = provenance.source_line()

    chart = chart.copy(deep=True)
    chart.data = _clean_strings(data, text_limit)
    with alt.data_transformers.enable("default", max_rows=None):
        spec = chart.to_dict(validate=True)
    spec = copy.deepcopy(spec)

    spec.pop("title", None)  # the figure says its title once, above the chart
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
    for unit in unit_specs(spec):
        enc = unit.get("encoding") or {}
        for channel, axis_title in (("x", x_title), ("y", y_title)):
            if axis_title is not None and isinstance(enc.get(channel), dict):
                enc[channel]["title"] = axis_title
    if "layer" in spec and isinstance(spec.get("encoding"), dict):
        for channel, axis_title in (("x", x_title), ("y", y_title)):
            if axis_title is not None and isinstance(spec["encoding"].get(channel), dict):
                spec["encoding"][channel]["title"] = axis_title
    _clean_spec_lists(spec, text_limit)
    add_tooltips(spec, name)
    try:  # the final spec must still be valid Vega-Lite
        VegaLiteRoot.validate(spec)
    except Exception as exc:
        raise ChartError(
            f"chart {name!r}: the published spec is not valid Vega-Lite: {exc}"
        ) from exc

    csv_path = out / f"{name}.csv"
    spec_path = out / f"{name}.vl.json"
    tables.write_data(
        data,
        out,
        name,
        title=title,
        description=description,
        source_line=source_line,
        columns=columns,
    )
    atomic.write_bytes(
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
        csv_href=csv_href,
        csv_path=csv_path,
        spec_path=spec_path,
        vendor=vendor if vendor is not None else _default_vendor(page),
        csv_site_path=csv_site_path,
        empty=data.empty,
    )


def _csv_site_path(site_dir: str | None, name: str) -> str | None:
    if site_dir is None:
        return None
    parts = [p for p in PurePosixPath(site_dir).parts if p not in (".", "")]
    if any(p == ".." for p in parts) or PurePosixPath(site_dir).is_absolute():
        raise ChartError(f"site_dir {site_dir!r} must be a relative path inside the site")
    return "/".join([*parts, f"{name}.csv"])


def figure(
    ref: str,
    *frames: Any,
    data: Data | None = None,
    provenance: Provenance | None = None,
    outdir: str | os.PathLike[str] | None = None,
    note: str | None = None,
    site_dir: str | None = None,
    **options: Any,
) -> Figure:
    """Publish the figure ``<analysis>.<key>``: its builder
    ``analysis/<analysis>/figures.py:<key>(*frames, **options)`` makes the chart and its data;
    title, description, column docs and which files it is computed from (its provenance, from
    ``data``) come from the analysis' definitions file. ``provenance`` overrides the last.
    ``note`` (our words, computed from the same data: a mapping's coverage) follows the
    description in the caption; ``site_dir`` is passed to :func:`publish` (the page's folder
    from the site root, when the data files are written elsewhere first)."""
    d = definitions.figure(ref)
    if provenance is None:
        if data is None:
            raise ChartError(f"figure {ref!r}: pass the data it was computed from (data=...)")
        provenance = data.provenance_for(d.sources)
    module = importlib.import_module(f"analysis.{d.analysis}.figures")
    builder = getattr(module, d.key, None)
    if builder is None:
        raise ChartError(f"analysis/{d.analysis}/figures.py has no builder {d.key!r} for {ref!r}")
    chart, table = builder(*frames, **options)
    return publish(
        chart,
        table,
        name=d.name,
        provenance=provenance,
        title=d.title,
        description=d.description if note is None else f"{d.description} {note}",
        columns=d.columns,
        outdir=outdir,
        site_dir=site_dir,
    )
