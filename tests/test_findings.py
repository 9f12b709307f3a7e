"""Findings sentences: numbers formatted, Hub text escaped, output deterministic."""

from __future__ import annotations

import datetime as dt

import pytest

from analysis.findings import Findings
from analysis.fmt import change, count, date, number, percent
from analysis.provenance import Provenance

PROV = Provenance(
    weeks=(dt.date(2024, 7, 24), dt.date(2024, 7, 31)), revision="abcdef0123456789", generated=True
)


def test_number_formats() -> None:
    assert number(1234567) == "1,234,567"
    assert number(-1234) == "-1,234"
    assert number(1234.5678, 2) == "1,234.57"
    assert number(-0.0001, 1) == "0.0"
    assert percent(0.1234) == "12.3%"
    assert percent(1) == "100.0%"
    assert percent(0.5, 0) == "50%"
    assert change(0.25) == "+25.0%" and change(-0.1) == "-10.0%" and change(0.0) == "0.0%"
    assert count(1, "model") == "1 model" and count(2345, "model") == "2,345 models"
    assert count(2, "family", "families") == "2 families"
    assert date(dt.datetime(2024, 7, 24, 13, 5)) == "2024-07-24"
    with pytest.raises(ValueError, match="finite"):
        percent(float("nan"))
    with pytest.raises(TypeError):
        number("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        count(1.5, "x")  # type: ignore[arg-type]


def test_findings_escape_hub_text_and_render_markdown() -> None:
    f = Findings(PROV, heading="What we found")
    s = f.add(
        "{org} made {n} of the models ({share}) in the week of {week}.",
        org="[evil](javascript:alert(1)) {{< include /etc/passwd >}}",
        n=12345,
        share=percent(0.4567),
        week=dt.date(2024, 7, 31),
    )
    assert s.startswith("\\[evil\\]\\(javascript\\:alert\\(1\\)\\) \\{\\{\\<")
    assert "12,345 of the models (45.7%) in the week of 2024-07-31." in s
    md = f.to_markdown()
    assert md.startswith("**What we found**\n\n- \\[evil\\]")
    assert "{{<" not in md
    assert "GENERATED SAMPLE" in md and "ODbL" in md
    assert f._repr_markdown_() == md
    assert f.markdown().data == md
    # deterministic
    g = Findings(PROV, heading="What we found")
    g.add(
        "{org} made {n} of the models ({share}) in the week of {week}.",
        org="[evil](javascript:alert(1)) {{< include /etc/passwd >}}",
        n=12345,
        share=percent(0.4567),
        week=dt.date(2024, 7, 31),
    )
    assert g.to_markdown() == md


def test_findings_template_mistakes_are_errors() -> None:
    f = Findings()
    with pytest.raises(KeyError, match="needs values for n"):
        f.add("{n} models")
    with pytest.raises(KeyError, match="not used"):
        f.add("{n} models", n=1, m=2)
    with pytest.raises(ValueError, match="plain name"):
        f.add("{n.real} models", n=1)
    with pytest.raises(ValueError, match="missing value"):
        f.add("{n} models", n=None)
    assert len(f) == 0
    assert f.to_markdown() == "- (no findings)\n"
