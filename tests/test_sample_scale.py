"""The scale knob: single full-size weeks for benchmarks, at a small and a medium size; the CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analysis.cli import main
from analysis.sample import generate_full_week
from analysis.schema import arrow_schema, file_path


@pytest.mark.parametrize("models", [2_000, 60_000])
def test_full_week_has_the_requested_rows(tmp_path: Path, models: int) -> None:
    week = dt.date(2025, 4, 30)
    [path] = generate_full_week(tmp_path, models=models, week=week)
    assert path == tmp_path / file_path("models", week)
    f = pq.ParquetFile(path)
    assert f.metadata.num_rows == models
    assert f.schema_arrow.remove_metadata() == arrow_schema("models", week)
    cards = pq.read_table(path, columns=["cardData"]).column(0)
    sizes = [len(c) for c in cards.to_pylist() if c]
    assert max(sizes) > 1000 and sorted(sizes)[len(sizes) // 2] > 100


def test_full_week_is_deterministic(tmp_path: Path) -> None:
    week = dt.date(2024, 9, 4)
    a = generate_full_week(
        tmp_path / "a",
        models=3_000,
        week=week,
        kinds=("models", "datasets", "spaces", "daily_papers"),
    )
    b = generate_full_week(
        tmp_path / "b",
        models=3_000,
        week=week,
        kinds=("models", "datasets", "spaces", "daily_papers"),
    )
    for x, y in zip(a, b, strict=True):
        assert x.read_bytes() == y.read_bytes()
    assert "trendingScore" not in pq.read_schema(a[0]).names


def test_cli_generate_verify_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, sums = tmp_path / "root", tmp_path / "root.sha256"
    assert (
        main(
            [
                "sample",
                "generate",
                "--root",
                str(root),
                "--weeks",
                "2",
                "--models",
                "300",
                "--checksums",
                str(sums),
            ]
        )
        == 0
    )
    assert main(["sample", "verify", "--root", str(root), "--checksums", str(sums)]) == 0
    assert (
        main(["sample", "generate", "--root", str(root), "--start", "2024-09-05", "--weeks", "2"])
        == 2
    )
    assert "not a Wednesday" in capsys.readouterr().err
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "keep.txt").write_text("mine")
    assert (
        main(
            [
                "sample",
                "generate",
                "--root",
                str(tmp_path / "precious"),
                "--weeks",
                "1",
                "--models",
                "300",
            ]
        )
        == 2
    )
    assert (tmp_path / "precious" / "keep.txt").read_text() == "mine"
    assert main(["sample", "full-week", "--models", "500", "--out", str(tmp_path / "fw")]) == 0
