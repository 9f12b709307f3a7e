"""The static SVG beside a figure's HTML (for the paper's PDF): offline, deterministic, escaped."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.publish import ChartError, Figure, publish
from analysis.publish import static as charts_static

SVG = "{http://www.w3.org/2000/svg}"
PROV = Provenance(
    weeks=(dt.date(2024, 7, 24), dt.date(2024, 7, 31), dt.date(2024, 8, 7)),
    revision="0123456789abcdef0123",
    generated=True,
)
HOSTILE = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    '<a href="//evil.example/">',
    "acme {{< include /etc/passwd >}}",
    "tom & jerry's <b>models</b>",
]


def _data() -> pd.DataFrame:
    return pd.DataFrame(
        {
            # midnight UTC dates: drawn in a zone other than UTC they would fall on the day before
            "week": pd.to_datetime(["2024-07-24", "2024-07-31", "2024-08-07"] * len(HOSTILE)),
            "org": [h for h in HOSTILE for _ in range(3)],
            "models": list(range(10, 10 + 3 * len(HOSTILE))),
        }
    )


def _publish(outdir: Path, title: str = "Models per organization") -> Figure:
    chart = alt.Chart().mark_line(point=True).encode(x="week:T", y="models:Q", color="org:N")
    return publish(
        chart,
        _data(),
        name="models-per-org",
        provenance=PROV,
        title=title,
        description="Line chart of the number of models per organization, week by week.",
        outdir=outdir,
    )


@pytest.fixture(scope="module")
def fig(tmp_path_factory: pytest.TempPathFactory) -> Figure:
    return _publish(tmp_path_factory.mktemp("static"))


@pytest.fixture(scope="module")
def svg(fig: Figure) -> str:
    return fig.svg()


def _texts(root: ET.Element) -> list[str]:
    """The text of every <text> element (its tspans joined by a space, as lines of one label)."""
    out = []
    for el in root.iter(f"{SVG}text"):
        spans = [t.text or "" for t in el.iter(f"{SVG}tspan")]
        out.append(" ".join(spans) if spans else (el.text or ""))
    return out


def test_mimebundle_has_html_and_svg(fig: Figure, svg: str) -> None:
    bundle = fig._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}
    assert bundle["image/svg+xml"] == svg
    assert bundle["text/html"] == fig.html()  # what HTML formats show is unchanged
    assert svg.startswith("<svg ") and svg.rstrip().endswith("</svg>")


def test_mimebundle_leaves_out_an_excluded_svg(fig: Figure) -> None:
    assert "image/svg+xml" not in fig._repr_mimebundle_(exclude={"image/svg+xml"})
    assert "image/svg+xml" not in fig._repr_mimebundle_(include={"text/html", "text/plain"})


def test_svg_is_deterministic_across_renders(tmp_path: Path, svg: str) -> None:
    charts_static._render_cached.cache_clear()  # draw again, not from the cache
    again = _publish(tmp_path).svg()
    assert again == svg


def test_svg_is_the_same_in_another_process_and_time_zone(
    fig: Figure, svg: str, tmp_path: Path
) -> None:
    spec_file = tmp_path / "spec.json"
    spec_file.write_text(
        json.dumps([fig.static_spec(), fig.title, fig.description]), encoding="utf-8"
    )
    code = (
        "import json, sys, hashlib\n"
        "from analysis.publish.static import render_svg\n"
        "spec, title, desc = json.load(open(sys.argv[1], encoding='utf-8'))\n"
        "print(hashlib.sha256(render_svg(spec, title=title, description=desc).encode()).hexdigest())\n"
    )
    # in Los Angeles, midnight UTC is the evening before: drawn in local time, labels would move
    env = dict(os.environ, TZ="America/Los_Angeles")
    proc = subprocess.run(
        [sys.executable, "-c", code, str(spec_file)],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == hashlib.sha256(svg.encode()).hexdigest()


def test_child_process_draws_the_same_svg(fig: Figure) -> None:
    # the path taken when the engine was started in another time zone by someone else
    spec = dict(fig.spec, config=dict(fig.spec.get("config") or {}, aria=False))
    version = charts_static.vega_lite_version()
    assert charts_static._convert_in_child(spec, version) == charts_static._convert_here(
        spec, version
    )


def test_svg_shows_dates_in_utc(svg: str) -> None:
    labels = _texts(ET.fromstring(svg))
    assert labels[0] == "Wed 24" and "Tue 23" not in labels, labels  # the first week, 2024-07-24


def test_svg_has_title_description_and_source_line(fig: Figure, svg: str) -> None:
    root = ET.fromstring(svg)
    assert root.findtext(f"{SVG}title") == fig.title
    assert root.findtext(f"{SVG}desc") == fig.description
    texts = " ".join(_texts(root))
    # the PDF's caption gives the title: the image draws the source line and notice, once
    assert fig.title not in texts
    assert fig.source_line in texts  # its wrapped lines joined
    assert "GENERATED SAMPLE" in fig.source_line and "ODbL" in fig.source_line


def test_svg_loads_nothing(svg: str) -> None:
    charts_static.check_svg(svg)
    without_ns = re.sub(r'\sxmlns(:\w+)?="[^"]*"', "", svg)
    assert "http://" not in without_ns and "https://" not in without_ns
    assert "@import" not in svg and "<style" not in svg and "<image" not in svg
    for m in re.finditer(r"url\(([^)]*)\)", svg):
        assert m.group(1).lstrip("'\"").startswith("#"), m.group(0)
    # an href inside a tag (Hub text shown literally may say href=)
    assert not re.search(r"<[^<>]*[\s:]href=\"(?!#)", svg)


def test_hostile_hub_text_is_escaped_text(svg: str) -> None:
    root = ET.fromstring(svg)
    for el in root.iter():
        local = el.tag.rsplit("}", 1)[-1]
        assert local not in {"script", "foreignObject", "a", "image", "style"}, local
        assert not any(name.lower().startswith("on") for name in el.attrib), el.attrib
    assert "<script" not in svg and "<a " not in svg and "<b>" not in svg
    assert "{{" not in svg  # braces are character references: no Quarto shortcode
    labels = _texts(root)
    for text in HOSTILE:
        assert text in labels, text  # shown literally (the legend)


def test_svg_leaves_out_per_mark_aria_labels(svg: str) -> None:
    # the points carry no aria-label repeating every datum (size); the chart keeps <title>/<desc>
    assert svg.count("aria-label=") <= 2, svg.count("aria-label=")


@pytest.mark.parametrize(
    "bad",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        '<a x:href="https://example.org/">x</a></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/a.png"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://example.org/p.svg#g)"/></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(//fonts.example/x.css);</style></svg>',
        '<svg xmlns="http://www.w3.org/2000/svg"><rect style="font: x; @import x"/></svg>',
        "<html/>",
        "<svg",
    ],
)
def test_check_svg_refuses_loads_and_scripts(bad: str) -> None:
    with pytest.raises(charts_static.StaticChartError):
        charts_static.check_svg(bad)


def test_check_svg_accepts_in_document_references() -> None:
    charts_static.check_svg(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        '<rect fill="url(#g)"/><a href="#g">x</a></svg>'
    )


def test_the_engine_may_load_no_url() -> None:
    spec = {
        "data": {"url": "https://example.org/data.csv"},
        "mark": "point",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    with pytest.raises(charts_static.StaticChartError, match="not allowed"):
        charts_static.draw(spec)


def test_a_spec_the_engine_cannot_draw_is_a_chart_error(tmp_path: Path, fig: Figure) -> None:
    broken = Figure(
        name="broken",
        spec={"mark": "point", "data": {"url": "/etc/passwd"}},
        title="Broken",
        description="A chart whose data is a local file.",
        source_line=fig.source_line,
        generated=True,
        csv_href="broken.csv",
        csv_path=tmp_path / "broken.csv",
        spec_path=tmp_path / "broken.vl.json",
    )
    with pytest.raises(ChartError, match="'broken'"):
        broken.svg()


def test_vega_lite_version_matches_altair() -> None:
    assert alt.VEGALITE_VERSION.startswith(charts_static.vega_lite_version() + ".")
