"""describe(), and the describe / manifest / verify subcommands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from snapshots_helpers import W1, W2, W3, W4, model, schema_with, write_week

from analysis.cli import main
from analysis.snapshots import refresh_manifest, write_revision
from analysis.snapshots.describe import describe, describe_text


def _root(tmp_path: Path) -> Path:
    write_week(tmp_path, "models", W1, [model(1), model(2)])
    write_week(tmp_path, "models", W2, [model(1), model(2), model(3)])
    (tmp_path / "models/2024-10-09").mkdir()
    shutil.copyfile(
        tmp_path / "models/2024-10-02/models.parquet", tmp_path / "models/2024-10-09/models.parquet"
    )
    # W4 missing for models; datasets has W4 only, with an unknown column
    write_week(tmp_path, "models", W4 + (W4 - W3), [model(4)])
    write_week(
        tmp_path,
        "datasets",
        W4,
        [{"_id": "d", "id": "o/d", "viewer\x1b[31m": True}],
        schema_with("datasets", W4, **{"viewer\x1b[31m": pa.bool_()}),
    )
    (tmp_path / "spaces" / "not-a-date").mkdir(parents=True)
    write_revision(tmp_path, "0123456789abcdef")
    return tmp_path


def test_describe(tmp_path: Path) -> None:
    d = describe(_root(tmp_path))
    assert d["revision"] == "0123456789abcdef" and d["generated"] is False
    m = d["kinds"]["models"]
    assert (m["weeks"], m["first"], m["last"]) == (4, "2024-09-25", "2024-10-23")
    assert m["missing_weeks"] == ["2024-10-16"]
    assert m["repeats"] == [{"week": "2024-10-09", "repeat_of": "2024-10-02"}]
    assert m["rows"] == {"2024-09-25": 2, "2024-10-02": 3, "2024-10-09": 3, "2024-10-23": 1}
    assert m["eras"] == {
        "base": {"first": "2024-09-25", "last": "2024-09-25", "weeks": 1},
        "base+trendingScore": {"first": "2024-10-02", "last": "2024-10-23", "weeks": 3},
    }
    assert m["revisions"] == ["0123456789abcdef"]
    assert d["kinds"]["datasets"]["extra_columns"] == ["viewer\x1b[31m"]
    assert d["problems"] == [
        "spaces/not-a-date: folder name is not a YYYY-MM-DD week label; ignored"
    ]
    text = describe_text(d)
    assert "models: 4 weeks, 2024-09-25 to 2024-10-23" in text
    assert "missing weeks: 2024-10-16" in text
    assert "2024-10-09 (= 2024-10-02)" in text
    assert "base+trendingScore: 3 weeks" in text
    assert "\x1b" not in text and "viewer\\x1b[31m" in text  # terminal escapes neutralized
    assert "GENERATED" not in text


def test_describe_generated_and_unreadable(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "generator.json").write_text('{"revision": "gen-7"}')
    bad = root / "models/2024-09-25/models.parquet"
    bad.write_bytes(bad.read_bytes()[:100])
    d = describe(root)
    assert d["generated"] is True
    assert len(d["unreadable"]) == 1 and str(bad) in d["unreadable"][0]
    text = describe_text(d)
    assert text.splitlines()[1].startswith("GENERATED SAMPLE")
    assert "UNREADABLE" in text


def test_cli_describe_manifest_verify(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _root(tmp_path)
    assert main(["manifest", str(root)]) == 0
    out = capsys.readouterr().out
    assert "5 files, 5 new or re-hashed, 1 repeated week(s), revision 0123456789abcdef" in out
    assert main(["manifest", str(root)]) == 0
    assert "0 new or re-hashed" in capsys.readouterr().out
    assert main(["describe", str(root), "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["kinds"]["models"]["weeks"] == 4
    assert main(["describe", str(root)]) == 0
    assert "schema eras:" in capsys.readouterr().out
    assert main(["verify", str(root)]) == 0
    assert "every file matches" in capsys.readouterr().out
    f = root / "models/2024-10-23/models.parquet"
    f.write_bytes(f.read_bytes() + b"x")
    assert main(["verify", str(root)]) == 1
    assert "MISMATCH models/2024-10-23/models.parquet: size" in capsys.readouterr().out
    # an unreadable file: a clear error naming it, exit 2
    assert main(["manifest", str(root)]) == 2
    assert str(f) in capsys.readouterr().err
    assert main(["describe", str(tmp_path / "nope")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_fetch_record_gives_per_file_revision(tmp_path: Path) -> None:
    root = _root(tmp_path)
    m0 = refresh_manifest(root)
    e = m0.get("models", W1)
    (root / ".fetch").mkdir()
    (root / ".fetch" / "files.json").write_text(
        json.dumps(
            {
                e.path: {"revision": "older0000", "sha256": e.sha256, "bytes": e.bytes},
                "models/2024-10-02/models.parquet": {
                    "revision": "x",
                    "sha256": "not-it",
                    "bytes": 1,
                },
            }
        )
    )
    (root / "manifest.json").unlink()
    m = refresh_manifest(root)
    assert m.get("models", W1).revision == "older0000"
    assert m.get("models", W2).revision == "0123456789abcdef"  # record's sha256 differs
