"""Published data files are safe to open and tables read well; expected values by hand."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

from analysis import fmt, tables

HOSTILE = ['=HYPERLINK("http://x","y")', "+1+2", "-3+4", "@SUM(A1)", "\tx", "\rx", "ok", "a=b"]


def test_formula_like_text_is_neutralized_in_csv_and_kept_in_parquet(tmp_path: Path) -> None:
    frame = pd.DataFrame({"id": HOSTILE, "n": [-1, 2, -3, 4, 5, 6, 7, 8], "x": [-0.5] * 8})
    files = tables.write_data(
        frame, tmp_path, "t", title="T", description="D", source_line="S", columns=None
    )
    assert [p.name for p in files] == ["t.csv", "t.parquet", "t.csv-metadata.json"]
    with (tmp_path / "t.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    # OWASP: = + - @ tab and carriage return at the start get a leading apostrophe
    assert [r["id"] for r in rows][:6] == ["'" + v for v in HOSTILE[:6]]
    assert [r["id"] for r in rows][6:] == ["ok", "a=b"]
    # numbers stay numbers, negative ones included
    assert [r["n"] for r in rows] == ["-1", "2", "-3", "4", "5", "6", "7", "8"]
    assert {r["x"] for r in rows} == {"-0.5"}
    assert pd.read_parquet(tmp_path / "t.parquet")["id"].tolist() == HOSTILE


def test_column_docs_travel_with_the_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame({"week": ["2025-01-01"], "repos": [3], "share": [0.5]})
    docs = {"week": "W", "repos": "R", "share": "S"}
    tables.write_data(
        frame, tmp_path, "t", title="T", description="D", source_line="L", columns=docs
    )
    meta = json.loads((tmp_path / "t.csv-metadata.json").read_text())
    assert meta["url"] == "t.csv" and meta["dc:source"] == "L"
    cols = meta["tableSchema"]["columns"]
    assert [(c["name"], c["datatype"], c["dc:description"]) for c in cols] == [
        ("week", "string", "W"),
        ("repos", "integer", "R"),
        ("share", "number", "S"),
    ]
    with pytest.raises(ValueError, match="columns without a description: share"):
        tables.check_columns(frame, {"week": "W", "repos": "R"}, "t")
    with pytest.raises(ValueError, match="documented columns the data lacks: gone"):
        tables.check_columns(frame, {**docs, "gone": "G"}, "t")


def test_markdown_tables_read_well() -> None:
    frame = pd.DataFrame(
        {
            "week": [dt.date(2025, 1, 1), dt.date(2025, 1, 8)],
            "kind": ["models", "a|b <i>x</i>"],
            "repos": [1234567, None],
            "share": [0.1234, float("nan")],
            "change": [5, -12],
            "repeat": [False, True],
        }
    ).astype({"repos": "Int64"})
    text = tables.markdown(frame, formats={"share": "percent", "change": "change"})
    lines = text.splitlines()
    assert lines[0] == "| week | kind | repos | share | change | repeat |"
    assert lines[1] == "|:---|:---|---:|---:|---:|:---|"
    assert lines[2] == "| 2025-01-01 | models | 1,234,567 | 12.3% | +5 | no |"
    # Hub text escaped (the pipe cannot end the cell), missing values as an en dash
    dash = fmt.MISSING
    assert lines[3] == f"| 2025-01-08 | a\\|b \\<i\\>x\\<\\/i\\> | {dash} | {dash} | -12 | yes |"
    assert fmt.cell(None) == fmt.MISSING and isinstance(fmt.cell(3), fmt.Formatted)
