"""SnapshotRoot: weeks per kind, gaps, malformed folders, week selection, revision files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from snapshots_helpers import W1, W2, W3, W4, model, write_week

from analysis.errors import SnapshotError
from analysis.snapshots import SnapshotRoot, read_revision, select_weeks, write_revision


def test_weeks_gaps_and_problems(tmp_path: Path) -> None:
    for w in (W1, W2, W4):
        write_week(tmp_path, "models", w, [model(1)])
    write_week(tmp_path, "spaces", W3, [])
    (tmp_path / "models" / "latest").mkdir()
    (tmp_path / "models" / "2024-13-01").mkdir()
    (tmp_path / "models" / "2024-10-23").mkdir()  # empty week folder
    (tmp_path / "models" / "README.md").write_text("x")
    (tmp_path / "models" / ".cache").mkdir()  # hidden: silently ignored
    (tmp_path / "other").mkdir()  # not a kind: ignored

    root = SnapshotRoot(tmp_path)
    assert root.kinds == ("models", "spaces")
    assert root.weeks("models") == (W1, W2, W4)
    assert root.weeks("datasets") == ()
    assert root.all_weeks() == (W1, W2, W3, W4)
    assert root.file("models", W2) == tmp_path / "models" / "2024-10-02" / "models.parquet"
    gaps = root.gaps()
    assert [(g.kind, g.after, g.before, g.missing) for g in gaps] == [("models", W2, W4, (W3,))]
    assert "2024-10-09" in str(gaps[0])
    problems = {p.path: p.message for p in root.problems}
    assert set(problems) == {
        "models/latest",
        "models/2024-13-01",
        "models/2024-10-23",
        "models/README.md",
    }
    assert "no models.parquet" in problems["models/2024-10-23"]
    assert "YYYY-MM-DD" in problems["models/latest"]


def test_missing_week_file_and_root_errors(tmp_path: Path) -> None:
    write_week(tmp_path, "models", W1, [model(1)])
    root = SnapshotRoot(tmp_path)
    with pytest.raises(SnapshotError, match="no models file for week 2024-10-02"):
        root.file("models", W2)
    with pytest.raises(SnapshotError, match="unknown kind"):
        root.weeks("posts")
    with pytest.raises(SnapshotError, match="does not exist"):
        SnapshotRoot(tmp_path / "nope")


def test_off_grid_labels(tmp_path: Path) -> None:
    write_week(tmp_path, "models", W1, [])
    write_week(tmp_path, "models", W1 + dt.timedelta(days=10), [])
    assert SnapshotRoot(tmp_path).off_grid("models") == (W1 + dt.timedelta(days=10),)


def test_select_weeks() -> None:
    have = (W1, W2, W4)
    assert select_weeks(have, None) == have
    assert select_weeks(have, (W2, None)) == (W2, W4)
    assert select_weeks(have, ("2024-09-01", "2024-10-02")) == (W1, W2)
    assert select_weeks(have, [W4, "2024-09-25"]) == (W1, W4)
    assert select_weeks(have, W2) == (W2,)
    with pytest.raises(SnapshotError, match="2024-10-09"):
        select_weeks(have, [W3])
    assert select_weeks(have, [W3, W4], strict=False) == (W4,)
    with pytest.raises(SnapshotError, match="not a YYYY-MM-DD"):
        select_weeks(have, ["last week"])


def test_revision_files(tmp_path: Path) -> None:
    assert read_revision(tmp_path).revision == "unknown"
    write_revision(tmp_path, "abc123")
    rev = read_revision(tmp_path)
    assert (rev.revision, rev.generated, rev.source) == ("abc123", False, "REVISION")
    write_revision(tmp_path, "def456", generated=True)
    assert read_revision(tmp_path).generated is True
    with pytest.raises(SnapshotError, match="not a revision"):
        write_revision(tmp_path, "two words")
    assert not list(tmp_path.glob(".*.tmp"))


def test_generator_json_marks_generated(tmp_path: Path) -> None:
    (tmp_path / "generator.json").write_text('{"revision": "sample-v1", "seed": 1}')
    rev = read_revision(tmp_path)
    assert (rev.revision, rev.generated) == ("sample-v1", True)
    # a REVISION file does not hide that the root is generated
    write_revision(tmp_path, "abc123")
    assert read_revision(tmp_path).generated is True
    (tmp_path / "REVISION").unlink()
    (tmp_path / "generator.json").write_text('{"seed": 1}')
    with pytest.raises(SnapshotError, match=r"generator\.json"):
        read_revision(tmp_path)
