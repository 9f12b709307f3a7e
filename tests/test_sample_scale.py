"""The scale knob: single full-size weeks for benchmarks, at a small and a medium size; the CLI."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from analysis.cli import main
from analysis.errors import HubObsError
from analysis.sample import SampleParams, generate_full_week, generate_sample
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


# --- realistic column sizes (text_profile="realistic", the benchmarks' week) ---------------------

MEDIUM = 60_000
MEDIUM_WEEK = dt.date(2026, 9, 30)


@pytest.fixture(scope="module")
def medium_week(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("medium")
    [path] = generate_full_week(root / "a", models=MEDIUM, week=MEDIUM_WEEK)
    return path


def test_realistic_week_has_realistic_bytes_per_row(medium_week: Path) -> None:
    """Real models weeks are reported at about 500 bytes a row on disk, most of it cardData."""
    f = pq.ParquetFile(medium_week)
    per_row = medium_week.stat().st_size / f.metadata.num_rows
    assert 380 <= per_row <= 600, per_row
    by_column: dict[str, int] = {}
    for g in range(f.metadata.num_row_groups):
        rg = f.metadata.row_group(g)
        for c in range(rg.num_columns):
            col = rg.column(c)
            top = col.path_in_schema.split(".")[0]
            by_column[top] = by_column.get(top, 0) + col.total_compressed_size
    assert max(by_column, key=by_column.__getitem__) == "cardData"
    assert by_column["cardData"] / f.metadata.num_rows > 250
    cards = pq.read_table(medium_week, columns=["cardData"]).column(0).to_pylist()
    sizes = sorted(len(c) for c in cards if c)
    assert 300 < sizes[len(sizes) // 2] < 4_000  # a few hundred bytes to a few KB
    assert sizes[int(len(sizes) * 0.99)] > 4_000


def test_realistic_cards_are_json_objects_without_repeated_keys(medium_week: Path) -> None:
    def no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        assert len(keys) == len(set(keys)), keys
        return dict(pairs)

    cards = pq.read_table(medium_week, columns=["cardData"]).column(0).to_pylist()
    parsed = [json.loads(c, object_pairs_hook=no_repeats) for c in cards if c]
    assert all(isinstance(p, dict) and "license" in p for p in parsed)
    assert sum("model-index" in p for p in parsed) > len(parsed) // 10
    assert sum("widget" in p for p in parsed) > len(parsed) // 4


def test_realistic_week_is_deterministic_at_medium_size(medium_week: Path, tmp_path: Path) -> None:
    [again] = generate_full_week(tmp_path, models=MEDIUM, week=MEDIUM_WEEK)
    assert again.read_bytes() == medium_week.read_bytes()


def test_profiles_differ_only_in_card_text_and_unprefixed_tags(tmp_path: Path) -> None:
    """The realistic profile keeps the sample's distributions: every other column is identical."""
    week = dt.date(2025, 4, 30)
    [r] = generate_full_week(tmp_path / "r", models=5_000, week=week, text_profile="realistic")
    [c] = generate_full_week(tmp_path / "c", models=5_000, week=week, text_profile="compact")
    real, compact = pq.read_table(r), pq.read_table(c)
    assert real.schema == compact.schema
    for name in real.column_names:
        if name not in ("cardData", "tags"):
            assert real[name].equals(compact[name]), name
    real_cards, compact_cards = real["cardData"].to_pylist(), compact["cardData"].to_pylist()
    assert [x is None for x in real_cards] == [x is None for x in compact_cards]
    assert sum(map(len, filter(None, real_cards))) > 3 * sum(map(len, filter(None, compact_cards)))
    assert r.stat().st_size > 3 * c.stat().st_size
    for rt, ct in zip(real["tags"].to_pylist(), compact["tags"].to_pylist(), strict=True):
        assert [t for t in rt if ":" in t] == [t for t in ct if ":" in t]
        assert set(ct) <= set(rt)
    for rc, cc in zip(real_cards, compact_cards, strict=True):
        if cc is not None and "<" not in cc:  # hostile rows are replaced whole
            compact_members = json.loads(cc)
            realistic_members = json.loads(rc)
            for key, value in compact_members.items():
                assert realistic_members[key] == value or key == "tags", key


def test_compact_full_week_is_the_sample_generators_week(tmp_path: Path) -> None:
    """``text_profile="compact"`` writes exactly what the sample generator writes for that week."""
    week = dt.date(2024, 9, 4)
    [fw] = generate_full_week(tmp_path / "fw", models=1_500, week=week, text_profile="compact")
    generate_sample(tmp_path / "s", SampleParams(start=week, weeks=1, models=1_500))
    assert fw.read_bytes() == (tmp_path / "s" / file_path("models", week)).read_bytes()


def test_unknown_text_profile_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(HubObsError, match="text_profile 'verbose'"):
        generate_full_week(tmp_path, models=500, text_profile="verbose")
    assert not any(tmp_path.rglob("*.parquet"))
