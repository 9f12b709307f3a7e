"""Tooltips: every mark of a published chart names what it shows.

:func:`tooltips` builds tooltip definitions from a DataFrame's columns; :func:`add_tooltips`
gives every unit spec of a finished Vega-Lite spec a tooltip derived from its encodings unless
it has one, and refuses tooltip titles the tooltip library would read as markup.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import altair as alt
import pandas as pd


class ChartError(ValueError):
    """A chart cannot be published as asked (the message names the chart and the problem)."""


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


def unit_specs(spec: dict[str, Any]) -> Iterable[dict[str, Any]]:
    """Every unit (single-mark) spec inside a Vega-Lite spec dict."""
    if "mark" in spec:
        yield spec
    for key in ("layer", "hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []) or []:
            if isinstance(sub, dict):
                yield from unit_specs(sub)
    inner = spec.get("spec")
    if isinstance(inner, dict):
        yield from unit_specs(inner)


def _inherited_encoding(spec: dict[str, Any], parent: Mapping[str, Any]) -> dict[str, Any]:
    enc = dict(parent)
    enc.update(spec.get("encoding", {}) or {})
    return enc


def add_tooltips(
    spec: dict[str, Any], name: str, parent_enc: Mapping[str, Any] | None = None
) -> None:
    """Give every unit spec a tooltip encoding (derived from its encodings) unless it has one."""
    parent_enc = parent_enc or {}
    if "layer" in spec:
        enc = _inherited_encoding(spec, parent_enc)
        for sub in spec["layer"]:
            add_tooltips(sub, name, enc)
        if "tooltip" in (spec.get("encoding") or {}):
            _check_tooltip(spec["encoding"]["tooltip"], name)
        return
    for key in ("hconcat", "vconcat", "concat"):
        for sub in spec.get(key, []) or []:
            add_tooltips(sub, name, {})
    if isinstance(spec.get("spec"), dict):
        add_tooltips(spec["spec"], name, {})
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
