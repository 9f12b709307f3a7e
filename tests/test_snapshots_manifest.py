"""Manifest: hashes, rows, eras, repeats, incremental refresh, corrupt files, verify."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from snapshots_helpers import W1, W2, W3, W4, model, write_week

import analysis.snapshots.manifest as manifest_mod
from analysis.errors import SnapshotError
from analysis.snapshots import load_manifest, refresh_manifest, verify, write_revision


def _root(tmp_path: Path) -> Path:
    write_week(tmp_path, "models", W1, [model(1), model(2)])
    write_week(tmp_path, "models", W2, [model(1), model(2), model(3)])
    shutil.copyfile(tmp_path / "models/2024-10-02/models.parquet", _path(tmp_path, W3))
    write_week(tmp_path, "models", W4, [model(4)])
    write_week(tmp_path, "datasets", W1, [{"_id": "d1", "id": "org/data"}])
    write_revision(tmp_path, "rev0001")
    return tmp_path


def _path(root: Path, week: object) -> Path:
    p = root / f"models/{week}/models.parquet"
    p.parent.mkdir(parents=True, exist_ok=True)
    return p


def test_manifest_records_each_file(tmp_path: Path) -> None:
    root = _root(tmp_path)
    m = refresh_manifest(root)
    assert [(e.kind, e.week) for e in m.entries] == [
        ("models", W1),
        ("models", W2),
        ("models", W3),
        ("models", W4),
        ("datasets", W1),
    ]
    e1 = m.get("models", W1)
    data = (root / e1.path).read_bytes()
    assert e1.sha256 == hashlib.sha256(data).hexdigest()
    assert e1.bytes == len(data)
    assert (e1.rows, m.get("models", W2).rows, m.get("models", W4).rows) == (2, 3, 1)
    assert e1.revision == "rev0001" and m.revision == "rev0001" and not m.generated
    assert e1.era == "base" and m.get("models", W2).era == "base+trendingScore"
    assert e1.missing_columns == ("downloadsAllTime", "trendingScore")
    # the repeated week, and only it
    assert [(e.week, e.repeat_of) for e in m.for_kind("models")] == [
        (W1, None),
        (W2, None),
        (W3, W2),
        (W4, None),
    ]
    on_disk = json.loads((root / "manifest.json").read_text())
    assert on_disk["revision"] == "rev0001"
    assert len(on_disk["files"]) == 5
    assert load_manifest(root) == m
    assert not list(root.glob(".manifest*"))  # no temp file left


def test_refresh_rehashes_only_changed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _root(tmp_path)
    refresh_manifest(root)
    hashed: list[str] = []
    real = manifest_mod.sha256_file

    def counting(path: str | os.PathLike[str]) -> str:
        hashed.append(Path(path).relative_to(root).as_posix())
        return real(path)

    monkeypatch.setattr(manifest_mod, "sha256_file", counting)
    refresh_manifest(root)
    assert hashed == []
    # a new revision applies to files fetched after it, not to those already recorded
    write_revision(root, "rev0002")
    write_week(root, "models", W4, [model(5), model(6)])
    m = refresh_manifest(root)
    assert hashed == ["models/2024-10-16/models.parquet"]
    assert m.get("models", W4).rows == 2
    assert m.get("models", W4).revision == "rev0002"
    assert m.get("models", W1).revision == "rev0001"
    # W3 repeated W2; after W2 changes it no longer does
    hashed.clear()
    write_week(root, "models", W2, [model(9)])
    m = refresh_manifest(root)
    assert hashed == ["models/2024-10-02/models.parquet"]
    assert m.get("models", W3).repeat_of is None


def test_truncated_and_garbage_files_are_named(tmp_path: Path) -> None:
    root = _root(tmp_path)
    p2 = _path(root, W2)
    data = p2.read_bytes()
    p2.write_bytes(data[: len(data) // 2])
    p4 = _path(root, W4)
    p4.write_bytes(b"this is not parquet at all" * 10)
    with pytest.raises(SnapshotError) as err:
        refresh_manifest(root)
    msg = str(err.value)
    assert "2 unreadable file(s)" in msg
    assert str(p2) in msg and str(p4) in msg
    # the readable files are still recorded, the unreadable ones are not
    m = load_manifest(root)
    assert m is not None
    assert {(e.kind, e.week) for e in m.entries} == {
        ("models", W1),
        ("models", W3),
        ("datasets", W1),
    }


def test_verify(tmp_path: Path) -> None:
    root = _root(tmp_path)
    with pytest.raises(SnapshotError, match="hubobs manifest"):
        verify(root)
    refresh_manifest(root)
    assert verify(root) == []
    p = _path(root, W1)
    data = bytearray(p.read_bytes())
    data[10] ^= 0xFF  # same size, different bytes
    p.write_bytes(bytes(data))
    write_week(root, "spaces", W1, [])
    problems = {m.path: m.problem for m in verify(root)}
    assert set(problems) == {"models/2024-09-25/models.parquet", "spaces/2024-09-25/spaces.parquet"}
    assert "sha256" in problems["models/2024-09-25/models.parquet"]
    assert "not in the manifest" in problems["spaces/2024-09-25/spaces.parquet"]
    p.unlink()
    assert (
        "missing on disk"
        in {m.path: m.problem for m in verify(root)}["models/2024-09-25/models.parquet"]
    )


def test_unreadable_manifest_is_rebuilt(tmp_path: Path) -> None:
    root = _root(tmp_path)
    (root / "manifest.json").write_text("{not json")
    m = refresh_manifest(root)
    assert len(m.entries) == 5
    assert json.loads((root / "manifest.json").read_text())["format"] == 1
