"""A static SVG of a published chart, for outputs that cannot run JavaScript (the paper's PDF).

Quarto picks one representation of a cell output per format: HTML formats take ``text/html``
(the interactive figure of :mod:`analysis.publish.figure`), Typst/PDF takes ``image/svg+xml`` (then
PNG). :func:`render_svg` draws a Vega-Lite spec to SVG with ``vl-convert`` (Vega and Vega-Lite
bundled in a compiled engine, no browser, no network):

- offline: the spec's data is inline and the engine may load no URL at all
  (``allowed_base_urls=[]``); the SVG is checked to load nothing (no ``href``/``src`` other
  than in-document ``#`` references, no ``url()`` other than ``url(#...)``, no ``@import``,
  no script, no event handler, no ``foreignObject``): a violation is a :class:`ChartError`;
- deterministic: the same spec gives byte-identical SVG on any machine with the same
  ``vl-convert-python`` version: text is measured with the fonts the engine bundles, number
  and date formats use the ``en-US`` locale, and dates are drawn in UTC. The engine fixes its
  time zone when it starts, so it is started with ``TZ=UTC``; when something else in the
  process started it in another zone, the SVG is drawn in a child process with ``TZ=UTC``;
- accessible: the SVG carries the chart's title and description as ``<title>`` and ``<desc>``
  (the per-mark ARIA labels are left out: they double the size and a PDF does not read them).

Text from the Hub reaches the SVG only as escaped character data (Vega escapes text marks and
this module escapes the title and description).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from typing import Any, Final

from analysis import escape

#: Time zone names under which the engine draws dates as UTC.
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Etc/GMT", "GMT", "Zulu", "Etc/Zulu"}
)
#: Number and date formats of the static image (the browser's Vega default is also en-US).
LOCALE: Final = "en-US"

_SVG_NS = "http://www.w3.org/2000/svg"
_FORBIDDEN_ELEMENTS = frozenset(
    {"script", "foreignObject", "iframe", "object", "embed", "image", "use", "style"}
)

_engine_lock = threading.Lock()


class StaticChartError(ValueError):
    """The static image of a chart cannot be made (the message says why)."""


def vega_lite_version() -> str:
    """The ``vl_version`` to draw with: the major.minor of Altair's Vega-Lite, if the engine has it."""
    import altair as alt
    import vl_convert as vlc

    major_minor = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    available = list(vlc.get_vegalite_versions())
    if major_minor not in available:
        raise StaticChartError(
            f"vl-convert-python {getattr(vlc, '__version__', '?')} draws Vega-Lite "
            f"{', '.join(available)}, not {major_minor} (Altair {alt.__version__} writes Vega-Lite "
            f"{alt.VEGALITE_VERSION}); install a vl-convert-python release that supports it"
        )
    return major_minor


def _engine_is_utc() -> bool:
    """Start the engine with ``TZ=UTC`` unless it is started; say whether it draws in UTC."""
    import vl_convert as vlc

    with _engine_lock:
        saved = os.environ.get("TZ")
        os.environ["TZ"] = "UTC"
        _tzset()
        try:
            tz = vlc.get_local_tz()  # starts the engine if needed (it reads TZ then, once)
        finally:
            if saved is None:
                del os.environ["TZ"]
            else:
                os.environ["TZ"] = saved
            _tzset()
    return tz in _UTC_NAMES


def _tzset() -> None:
    tzset = getattr(time, "tzset", None)
    if tzset is not None:
        tzset()


def _convert_here(spec: dict[str, Any], vl_version: str) -> str:
    import vl_convert as vlc

    svg: str = vlc.vegalite_to_svg(
        spec,
        vl_version=vl_version,
        allowed_base_urls=[],
        format_locale=LOCALE,
        time_format_locale=LOCALE,
    )
    return svg


def _convert_in_child(spec: dict[str, Any], vl_version: str) -> str:
    env = dict(os.environ, TZ="UTC")
    proc = subprocess.run(
        [sys.executable, "-m", "analysis.publish.static", vl_version],
        input=json.dumps(spec).encode("utf-8"),
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip()
        raise StaticChartError(
            err or f"the child process drawing the chart exited with {proc.returncode}"
        )
    return proc.stdout.decode("utf-8")


def draw(spec: dict[str, Any]) -> str:
    """The raw SVG of a Vega-Lite ``spec`` drawn offline, in UTC, without per-mark ARIA labels."""
    spec = dict(spec)
    spec.pop("$schema", None)
    config = dict(spec.get("config") or {})
    config["aria"] = False
    spec["config"] = config
    vl_version = vega_lite_version()
    try:
        if _engine_is_utc():
            return _convert_here(spec, vl_version)
        return _convert_in_child(spec, vl_version)
    except StaticChartError:
        raise
    except Exception as exc:  # vl-convert raises ValueError with the engine's message
        raise StaticChartError(f"vl-convert could not draw the chart: {exc}") from exc


def check_svg(svg: str) -> ET.Element:
    """Parse ``svg`` and refuse anything that could load a resource or run code."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        raise StaticChartError(f"the SVG is not well-formed XML: {exc}") from exc
    if root.tag != f"{{{_SVG_NS}}}svg":
        raise StaticChartError(f"the SVG's root element is {root.tag!r}, not svg")
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1]
        if local in _FORBIDDEN_ELEMENTS:
            raise StaticChartError(
                f"the SVG holds a <{local}> element (not allowed in a static chart)"
            )
        for name, value in el.attrib.items():
            attr = name.rsplit("}", 1)[-1].lower()
            low = value.strip().lower()
            if attr.startswith("on"):
                raise StaticChartError(f"the SVG holds an event handler attribute {attr!r}")
            if attr in ("href", "src") and not low.startswith("#"):
                raise StaticChartError(
                    f"the SVG refers to {value!r} ({attr}); only '#' references are allowed"
                )
            if "url(" in low and not all(
                part.lstrip(" '\"").startswith("#") for part in low.split("url(")[1:]
            ):
                raise StaticChartError(
                    f"the SVG refers to {value!r} through url(); only url(#...) is allowed"
                )
            if "@import" in low:
                raise StaticChartError("the SVG holds an @import")
    return root


def _with_title(svg: str, title: str, description: str) -> str:
    end = svg.find(">")
    if not svg.startswith("<svg") or end < 0 or svg[end - 1] == "/":
        raise StaticChartError("the SVG does not start with an <svg> element")
    head = f"<title>{escape.html(title, None)}</title><desc>{escape.html(description, None)}</desc>"
    svg = svg[: end + 1] + head + svg[end + 1 :]
    # braces as character references (as escape.html does): no Quarto shortcode can be read in it
    return svg.replace("{", "&#123;").replace("}", "&#125;")


@functools.lru_cache(maxsize=64)
def _render_cached(spec_json: str, title: str, description: str) -> str:
    svg = _with_title(draw(json.loads(spec_json)), title, description)
    check_svg(svg)
    return svg


def render_svg(spec: dict[str, Any], *, title: str, description: str) -> str:
    """The checked static SVG of ``spec`` with ``<title>`` and ``<desc>`` (cached per spec)."""
    return _render_cached(json.dumps(spec, sort_keys=True, ensure_ascii=False), title, description)


def note_svg(text: str, *, title: str, description: str) -> str:
    """A small static image saying ``text`` (a chart with no data to draw)."""
    svg = (
        f'<svg xmlns="{_SVG_NS}" width="480" height="40" viewBox="0 0 480 40">'
        f'<text x="0" y="24" font-family="sans-serif" font-size="12" font-style="italic" '
        f'fill="#555555">{escape.html(text, None)}</text></svg>'
    )
    out = _with_title(svg, title, description)
    check_svg(out)
    return out


def _main(argv: list[str]) -> int:
    """Child process: draw the spec read from stdin (Vega-Lite version in ``argv[0]``) to stdout."""
    if len(argv) != 1:
        print(
            "usage: python -m analysis.publish.static VL_VERSION < spec.json > chart.svg",
            file=sys.stderr,
        )
        return 2
    import vl_convert as vlc

    tz = vlc.get_local_tz()
    if tz not in _UTC_NAMES:
        print(
            f"the Vega engine started in time zone {tz!r}, not UTC (is TZ=UTC set?)",
            file=sys.stderr,
        )
        return 1
    spec = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    try:
        svg = _convert_here(spec, argv[0])
    except ValueError as exc:
        print(f"vl-convert could not draw the chart: {exc}", file=sys.stderr)
        return 1
    sys.stdout.buffer.write(svg.encode("utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
