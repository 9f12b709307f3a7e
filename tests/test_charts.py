"""publish(): CSV beside the chart, title, description, source line, tooltips, deterministic HTML."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from analysis.provenance import Provenance
from analysis.publish import ChartError, publish, tooltips
from analysis.publish import chart as charts
from analysis.publish.figure import Figure
from analysis.schema import ATTRIBUTION

PROV = Provenance(
    weeks=(dt.date(2024, 7, 24), dt.date(2024, 7, 31), dt.date(2024, 8, 7)),
    revision="0123456789abcdef0123",
    generated=True,
)
REAL = Provenance(weeks=(dt.date(2025, 1, 1),), revision="fedcba9876543210", generated=False)


def _data() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "week": pd.to_datetime(["2024-07-24", "2024-07-31", "2024-08-07"] * 2),
            "org": ["<script>alert(1)</script>"] * 3 + ["acme {{< include /etc/passwd >}}"] * 3,
            "models": [10, 12, 15, 100, 101, 130],
        }
    )


def _line() -> alt.Chart:
    return alt.Chart().mark_line(point=True).encode(x="week:T", y="models:Q", color="org:N")


def _publish(tmp_path: Path, **kw: object) -> Figure:
    args: dict[str, object] = {
        "name": "models-per-org",
        "provenance": PROV,
        "title": "Models per organization",
        "description": "Line chart of the number of models per organization, week by week.",
        "outdir": tmp_path,
    }
    args.update(kw)
    return publish(_line(), _data(), **args)  # type: ignore[arg-type]


def test_publish_writes_csv_matching_the_data(tmp_path: Path) -> None:
    fig = _publish(tmp_path)
    assert fig.csv_path == tmp_path / "models-per-org.csv"
    back = pd.read_csv(fig.csv_path, parse_dates=["week"])
    pd.testing.assert_frame_equal(back, _data(), check_dtype=False)
    assert not list(tmp_path.glob(".*tmp"))  # no temp files left behind


def test_spec_has_description_and_tooltips_and_the_figure_its_title_and_source_once(
    tmp_path: Path,
) -> None:
    fig = _publish(tmp_path, x_title="Week", y_title="Models")
    spec = json.loads(fig.spec_path.read_text("utf-8"))
    assert spec == fig.spec
    # the chart itself carries no title or source line: the figure around it says them once
    assert "title" not in spec
    html = fig.html()
    assert html.count("Models per organization") == 1
    source = fig.source_line.split(" Contains information")[0]
    assert html.count("revision 0123456789ab") == 1 and "GENERATED SAMPLE" in source
    assert "2024-07-24 to 2024-08-07 (3 weeks)" in source
    assert html.count("Open Database License (ODbL)") == 1
    assert spec["description"].startswith("Line chart")
    assert spec["encoding"]["x"]["title"] == "Week" and spec["encoding"]["y"]["title"] == "Models"
    tips = spec["encoding"]["tooltip"]
    assert [t["field"] for t in tips] == ["week", "models", "org"]
    assert [t["title"] for t in tips] == ["Week", "Models", "org"]
    assert spec["width"] == charts.DEFAULT_WIDTH
    # the data is inlined in the spec, not an external file
    (values,) = spec["datasets"].values()
    assert len(values) == 6 and spec["data"]["name"] in spec["datasets"]


def test_existing_tooltips_are_kept_and_layers_get_their_own(tmp_path: Path) -> None:
    base = alt.Chart().encode(x="week:T", y="models:Q")
    layered = alt.layer(
        base.mark_line(),
        base.mark_point().encode(tooltip=tooltips(_data(), "org", "models", titles={"org": "Org"})),
    )
    fig = publish(
        layered,
        _data(),
        name="layered",
        provenance=REAL,
        title="t",
        description="d",
        outdir=tmp_path,
    )
    line, point = fig.spec["layer"]
    assert [t["field"] for t in line["encoding"]["tooltip"]] == ["week", "models"]
    assert [t["title"] for t in point["encoding"]["tooltip"]] == ["Org", "models"]
    assert point["encoding"]["tooltip"][1]["format"] == ","
    assert "GENERATED" not in fig.html()


def test_tooltip_titles_that_vega_tooltip_renders_as_markup_are_refused(tmp_path: Path) -> None:
    chart = (
        alt.Chart().mark_point().encode(x="models:Q", tooltip=[alt.Tooltip("org:N", title="image")])
    )
    with pytest.raises(ChartError, match="image"):
        publish(
            chart, _data(), name="x", provenance=PROV, title="t", description="d", outdir=tmp_path
        )
    # a column named "title" gets a tooltip title that is not the reserved key
    df = pd.DataFrame({"title": ["a"], "n": [1]})
    fig = publish(
        alt.Chart().mark_bar().encode(x="n:Q", y="title:N"),
        df,
        name="y",
        provenance=PROV,
        title="t",
        description="d",
        outdir=tmp_path,
    )
    assert [t["title"] for t in fig.spec["encoding"]["tooltip"]] == ["n", "Title"]


def test_html_is_deterministic_across_runs(tmp_path: Path) -> None:
    a = _publish(tmp_path / "a").html()
    b = _publish(tmp_path / "b").html()
    assert a == b
    other = _publish(tmp_path / "c", title="Another title").html()
    assert other != a
    ids = re.findall(r'<figure[^>]* id="([^"]+)"', a)
    assert len(ids) == 1 and ids[0].startswith("hubobs-models-per-org-")
    assert re.findall(r'<figure[^>]* id="([^"]+)"', other) != ids


def test_mimebundle_is_html_with_a_static_svg(tmp_path: Path) -> None:
    # the SVG is for formats without scripts (the paper's PDF): see tests/test_charts_static.py
    bundle = _publish(tmp_path)._repr_mimebundle_()
    assert set(bundle) == {"text/html", "image/svg+xml", "text/plain"}


def test_html_has_source_line_download_link_attribution_and_no_third_party_url(
    tmp_path: Path,
) -> None:
    html = _publish(tmp_path).html()
    assert (
        '<p class="hubobs-chart-download">Download the data: '
        '<a href="models-per-org.csv" data-ext=".csv" download="models-per-org.csv">CSV</a>, '
        '<a href="models-per-org.parquet" data-ext=".parquet" download="models-per-org.parquet">'
        "parquet</a>, "
        '<a href="models-per-org.csv-metadata.json" data-ext=".csv-metadata.json" '
        'download="models-per-org.csv-metadata.json">column descriptions</a>.</p>' in html
    )
    for ext in (".csv", ".parquet", ".csv-metadata.json"):
        assert (tmp_path / f"models-per-org{ext}").is_file()
    assert ATTRIBUTION in html
    assert "revision 0123456789ab" in html and "Generated sample" in html
    assert "Line chart of the number of models" in html
    assert "assets/vendor/vega/" in html and "quarto:offset" in html
    assert not re.search(r"https?://", html), re.findall(r"https?://\S+", html)
    assert "$schema" not in html  # the embedded spec carries no schema URL
    # the hostile Hub text in the data cannot close the script or form a shortcode
    assert "<script>alert" not in html and "{{<" not in html
    assert html.count("<script") == 2  # the spec (JSON) and the loader


def test_vendor_fallback_path_is_relative_to_the_project(tmp_path: Path) -> None:
    fig = _publish(tmp_path)
    assert fig.vendor == "assets/vendor/vega/"  # outside the project: relative to the page
    inside = charts._default_vendor(charts.PROJECT_ROOT / "posts" / "2025-01-01-x")
    assert inside == "../../assets/vendor/vega/"
    assert 'data-vendor="../x/"' in fig.html(vendor="../x")


def test_save_html_is_a_standalone_page(tmp_path: Path) -> None:
    fig = _publish(tmp_path)
    page = fig.save_html(tmp_path / "page.html", vendor="../assets/vendor/vega/").read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert 'data-vendor="../assets/vendor/vega/"' in page
    assert "Content-Security-Policy" in page
    assert not re.search(r"https?://", page)


def test_text_in_the_chart_is_cleaned_and_bounded_but_the_csv_is_not(tmp_path: Path) -> None:
    df = pd.DataFrame({"org": ["a\x00b" + "z" * 500], "n": [1]})
    fig = publish(
        alt.Chart().mark_bar().encode(x="n:Q", y="org:N"),
        df,
        name="long",
        provenance=PROV,
        title="t",
        description="d",
        outdir=tmp_path,
        text_limit=40,
    )
    (values,) = fig.spec["datasets"].values()
    assert values[0]["org"] == "ab" + "z" * 37 + "\u2026"
    assert pd.read_csv(fig.csv_path)["org"][0] == df["org"][0]


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"name": "../evil"}, "chart name"),
        ({"name": "a b"}, "chart name"),
        ({"title": " "}, "title and a description"),
        ({"description": ""}, "title and a description"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_error(
    tmp_path: Path, kw: dict[str, object], match: str
) -> None:
    with pytest.raises(ChartError, match=match):
        _publish(tmp_path, **kw)
    assert not any(tmp_path.iterdir())


def test_chart_with_other_data_is_refused(tmp_path: Path) -> None:
    chart = alt.Chart(pd.DataFrame({"x": [1]})).mark_bar().encode(x="x:Q")
    with pytest.raises(ChartError, match="data of its own"):
        publish(
            chart, _data(), name="x", provenance=PROV, title="t", description="d", outdir=tmp_path
        )


def test_too_many_rows_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "MAX_ROWS", 5)
    with pytest.raises(ChartError, match="aggregate first"):
        _publish(tmp_path)


def test_tooltips_helper_infers_types(tmp_path: Path) -> None:
    tips = [t.to_dict() for t in tooltips(_data())]
    assert tips == [
        {"field": "week", "type": "temporal", "title": "week", "format": "%Y-%m-%d"},
        {"field": "org", "type": "nominal", "title": "org"},
        {"field": "models", "type": "quantitative", "title": "models", "format": ","},
    ]
    with pytest.raises(ChartError, match="not a column"):
        tooltips(_data(), "nope")


def test_csv_site_path_lets_quarto_pages_fix_the_link(tmp_path: Path) -> None:
    fig = _publish(tmp_path, site_dir="posts/2025-01-01-x")
    assert fig.csv_site_path == "posts/2025-01-01-x/models-per-org.csv"
    assert 'data-csv="posts/2025-01-01-x/models-per-org.csv"' in fig.html()
    assert _publish(tmp_path).csv_site_path is None  # outside the project, not given
    with pytest.raises(ChartError, match="site_dir"):
        _publish(tmp_path / "new", site_dir="../outside")
    assert not (tmp_path / "new").exists()  # refused before anything was written


def test_sort_orders_and_domains_name_the_cleaned_values(tmp_path: Path) -> None:
    """A sort list built from raw Hub names must match the cleaned names the chart draws."""
    names = ["x" * 100_000, "evil\u202etxt.exe", "nul\x00byte", "plain"]
    data = pd.DataFrame({"name": names, "n": [4, 3, 2, 1]})
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort=names),
            x="n:Q",
            color=alt.Color("name:N", scale=alt.Scale(domain=names)),
        )
    )
    fig = publish(
        chart, data, name="s", provenance=PROV, title="t", description="d", outdir=tmp_path
    )
    drawn = [r["name"] for r in fig.spec["datasets"][next(iter(fig.spec["datasets"]))]]
    sort = fig.spec["encoding"]["y"]["sort"]
    domain = fig.spec["encoding"]["color"]["scale"]["domain"]
    assert sort == domain == drawn  # same values, same order: the bars stay in rank order
    assert len(sort[0]) <= 200 and sort[1] == "eviltxt.exe" and sort[2] == "nulbyte"
    html = fig.html()
    assert "\u202e" not in html and "\x00" not in html and "x" * 1000 not in html
    # the CSV keeps the names as they are (only formula-like cells are neutralized)
    assert pd.read_parquet(tmp_path / "s.parquet")["name"].tolist() == names
