"""hubobs fetch against the local stand-in Hub: weeks, kinds, revisions, resume, checksums, errors."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hubstand import CHUNK, SHA_A, SHA_B, WEEKS, FakeHub, layout

from analysis.errors import FetchError
from analysis.fetch import WeekSelection, fetch, read_root_revision
from analysis.fetch.download import PARTIAL_DIR

pytestmark = pytest.mark.timeout(60)


def run(hub: FakeHub, root: Path, **kw: Any) -> Any:
    sel = kw.pop("selection", None) or WeekSelection.parse(
        kw.pop("weeks", ()), kw.pop("start", None), kw.pop("end", None)
    )
    return fetch(
        root,
        sel,
        kw.pop("kinds", ("models", "datasets")),
        endpoint=hub.url,
        progress=False,
        say=lambda _m: None,
        **kw,
    )


def snapshot_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.parquet"))


def stray_files(root: Path) -> list[str]:
    """Files in the root other than placed parquet files, the revision record and partial downloads."""
    out = []
    for p in root.rglob("*"):
        rel = p.relative_to(root)
        if p.is_dir() or rel.parts[0] in (PARTIAL_DIR, ".fetch") or rel.name == "REVISION":
            continue
        if p.suffix != ".parquet":
            out.append(str(rel))
    return out


def test_fetch_two_weeks_two_kinds(fake_hub: FakeHub, tmp_path: Path) -> None:
    root = tmp_path / "root"
    result = run(fake_hub, root, start="2025-01-01", end="2025-01-08")
    expected = sorted(
        f"{k}/{w}/{k}.parquet" for k in ("models", "datasets") for w in ("2025-01-01", "2025-01-08")
    )
    assert snapshot_files(root) == expected
    assert sorted(result.placed) == expected
    for rel in expected:
        assert (root / rel).read_bytes() == fake_hub.commits[SHA_A][rel]
        assert pq.read_metadata(root / rel).num_rows == 40
    rev = read_root_revision(root)
    assert rev is not None and rev.revision == SHA_A and not rev.generated
    assert (root / "REVISION").read_text().splitlines() == [SHA_A]  # the snapshot layer's format
    record = json.loads((root / ".fetch" / "files.json").read_text())
    assert record[expected[0]]["revision"] == SHA_A
    assert (
        record[expected[0]]["sha256"]
        == hashlib.sha256(fake_hub.commits[SHA_A][expected[0]]).hexdigest()
    )
    assert not (root / PARTIAL_DIR).exists()
    # Every file request was pinned to the resolved commit, never to a branch name.
    resolves = [e for e in fake_hub.log if "/resolve/" in e["path"]]
    assert resolves and all(f"/resolve/{SHA_A}/" in e["path"] for e in resolves)

    # A second run downloads nothing and verifies what is there.
    n_before = len([e for e in fake_hub.log if "/resolve/" in e["path"]])
    again = run(fake_hub, root, start="2025-01-01", end="2025-01-08")
    assert again.placed == () and sorted(again.present) == expected
    assert len([e for e in fake_hub.log if "/resolve/" in e["path"]]) == n_before


def test_latest_is_newest_week_common_to_kinds(fake_hub: FakeHub, tmp_path: Path) -> None:
    files = dict(fake_hub.commits[SHA_A])
    files.update(layout(("models",), (dt.date(2025, 1, 22),)))  # models runs one week ahead
    fake_hub.add_commit(SHA_B, files)
    root = tmp_path / "root"
    result = run(fake_hub, root, weeks=["latest"])
    assert result.revision == SHA_B
    assert snapshot_files(root) == [
        "datasets/2025-01-15/datasets.parquet",
        "models/2025-01-15/models.parquet",
    ]
    only_models = run(fake_hub, tmp_path / "m", weeks=["latest"], kinds=("models",))
    assert [f.path for f in only_models.files] == ["models/2025-01-22/models.parquet"]


def test_pinned_revision_is_used_and_recorded(fake_hub: FakeHub, tmp_path: Path) -> None:
    new = layout(("models", "datasets"), WEEKS, seed=5)
    fake_hub.add_commit(SHA_B, new)  # main moves on; SHA_A stays reachable
    root = tmp_path / "root"
    result = run(fake_hub, root, weeks=["2025-01-08"], kinds=("models",), revision=SHA_A)
    assert result.revision == SHA_A
    rel = "models/2025-01-08/models.parquet"
    assert (root / rel).read_bytes() == fake_hub.commits[SHA_A][rel] != new[rel]
    assert read_root_revision(root).revision == SHA_A  # type: ignore[union-attr]

    # The current revision differs: refused, with the way out named; nothing changed.
    with pytest.raises(FetchError, match=r"holds revision a{12}.*--allow-mixed-revisions") as err:
        run(fake_hub, root, weeks=["2025-01-15"], kinds=("models",))
    assert "bbbbbbbbbbbb" in str(err.value)
    assert snapshot_files(root) == [rel]
    mixed = run(fake_hub, root, weeks=["2025-01-15"], kinds=("models",), allow_mixed_revisions=True)
    assert mixed.revision == SHA_B
    rev = read_root_revision(root)
    assert rev is not None and rev.revision == "mixed" and set(rev.revisions) == {SHA_A, SHA_B}
    record = json.loads((root / ".fetch" / "files.json").read_text())
    assert (
        record[rel]["revision"] == SHA_A
        and record["models/2025-01-15/models.parquet"]["revision"] == SHA_B
    )


def test_unknown_revision_is_clear(fake_hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="revision does not exist"):
        run(fake_hub, tmp_path / "r", weeks=["latest"], revision="c" * 40)


def test_generated_root_is_refused(fake_hub: FakeHub, tmp_path: Path) -> None:
    root = tmp_path / "sample"
    root.mkdir()
    (root / "REVISION").write_text("generated-sample-v1\ngenerated: true\n")
    with pytest.raises(FetchError, match="GENERATED"):
        run(fake_hub, root, weeks=["latest"], allow_mixed_revisions=True)
    assert snapshot_files(root) == []


def test_missing_week_lists_nearest(fake_hub: FakeHub, tmp_path: Path) -> None:
    with pytest.raises(FetchError) as err:
        run(fake_hub, tmp_path / "r", weeks=["2025-01-10"])
    msg = str(err.value)
    assert "week 2025-01-10 of models is not in" in msg
    assert "2025-01-01, 2025-01-08, 2025-01-15" in msg
    with pytest.raises(FetchError, match="no week between 2026-01-01 and the end"):
        run(fake_hub, tmp_path / "r", start="2026-01-01")
    assert not (tmp_path / "r").exists()


def test_dropped_connection_resumes_within_the_run(fake_hub: FakeHub, tmp_path: Path) -> None:
    rel = "models/2025-01-01/models.parquet"
    size = len(fake_hub.commits[SHA_A][rel])
    cut = size // 3 // CHUNK * CHUNK
    fake_hub.drop_after[rel] = [cut]  # the first GET dies a third of the way through
    root = tmp_path / "root"
    run(fake_hub, root, weeks=["2025-01-01"], kinds=("models",))
    assert (root / rel).read_bytes() == fake_hub.commits[SHA_A][rel]
    gets = fake_hub.gets(rel)
    assert [g["range"] for g in gets] == [None, f"bytes={cut}-"]
    assert fake_hub.bytes_served(rel) == size  # nothing downloaded twice


def test_interrupted_fetch_leaves_nothing_partial_and_rerun_resumes(
    fake_hub: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import huggingface_hub.file_download as fd

    monkeypatch.setattr(fd.time, "sleep", lambda _s: None)  # huggingface_hub's retry pauses
    rel = "models/2025-01-08/models.parquet"
    size = len(fake_hub.commits[SHA_A][rel])
    cut = size // 2 // CHUNK * CHUNK
    fake_hub.drop_after[rel] = [cut] + [0] * 10  # dies half way, then every retry dies at once
    root = tmp_path / "root"
    with pytest.raises(FetchError, match="run the same command again to resume") as err:
        run(fake_hub, root, weeks=["2025-01-01", "2025-01-08"], kinds=("models",))
    assert "cannot be reached" in str(err.value)
    assert snapshot_files(root) == ["models/2025-01-01/models.parquet"]  # the first file is whole
    assert stray_files(root) == []
    parts = list((root / PARTIAL_DIR).rglob("*.part"))
    assert len(parts) == 1 and parts[0].stat().st_size == cut
    assert len(fake_hub.gets(rel)) == 6  # one try and huggingface_hub's five retries, no more

    fake_hub.drop_after.clear()
    n = len(fake_hub.log)
    result = run(fake_hub, root, weeks=["2025-01-01", "2025-01-08"], kinds=("models",))
    assert result.placed == (rel,) and result.present == ("models/2025-01-01/models.parquet",)
    assert (root / rel).read_bytes() == fake_hub.commits[SHA_A][rel]
    new_gets = [e for e in fake_hub.log[n:] if e["method"] == "GET" and e["path"].endswith(rel)]
    assert [g["range"] for g in new_gets] == [f"bytes={cut}-"]  # resumed, not restarted
    assert not (root / PARTIAL_DIR).exists()


def test_keyboard_interrupt_leaves_root_whole(
    fake_hub: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analysis.fetch import run as run_mod

    calls = {"n": 0}
    real = run_mod.dl.download

    def interrupted(*args: Any, **kwargs: Any) -> Path:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(run_mod.dl, "download", interrupted)
    root = tmp_path / "root"
    with pytest.raises(KeyboardInterrupt):
        run(fake_hub, root, weeks=["2025-01-01"])
    assert snapshot_files(root) == ["models/2025-01-01/models.parquet"]
    monkeypatch.setattr(run_mod.dl, "download", real)
    result = run(fake_hub, root, weeks=["2025-01-01"])
    assert result.placed == ("datasets/2025-01-01/datasets.parquet",)
    assert len(snapshot_files(root)) == 2


def test_checksum_mismatch_places_nothing(fake_hub: FakeHub, tmp_path: Path) -> None:
    rel = "datasets/2025-01-15/datasets.parquet"
    fake_hub.corrupt.add(rel)
    root = tmp_path / "root"
    with pytest.raises(FetchError) as err:
        run(fake_hub, root, weeks=["2025-01-15"], kinds=("datasets",))
    msg = str(err.value)
    want = hashlib.sha256(fake_hub.commits[SHA_A][rel]).hexdigest()
    assert f"checksum mismatch for {rel}" in msg and f"expected sha256 {want}, got " in msg
    got = msg.split("got ")[1].split()[0]
    assert len(got) == 64 and got != want
    assert snapshot_files(root) == [] and stray_files(root) == []
    assert not list((root / PARTIAL_DIR).rglob("*.part")) if (root / PARTIAL_DIR).exists() else True
    fake_hub.corrupt.clear()
    run(fake_hub, root, weeks=["2025-01-15"], kinds=("datasets",))
    assert snapshot_files(root) == [rel]


def test_unreachable_endpoint(hf_env: None, closed_port_url: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError) as err:
        fetch(
            tmp_path / "r",
            WeekSelection.parse(["latest"]),
            endpoint=closed_port_url,
            progress=False,
            say=lambda _m: None,
        )
    msg = str(err.value)
    assert closed_port_url in msg and "cannot be reached" in msg
    assert "HF_ENDPOINT" in msg and "--endpoint" in msg  # names the ways out
    assert not (tmp_path / "r").exists()


def test_offline_mode_is_named(
    fake_hub: FakeHub, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(FetchError, match="HF_HUB_OFFLINE"):
        run(fake_hub, tmp_path / "r", weeks=["latest"])
    assert fake_hub.log == []


def test_cli_fetch_and_errors(
    fake_hub: FakeHub, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.cli import main

    root = tmp_path / "root"
    code = main(
        [
            "fetch",
            "--root",
            str(root),
            "--endpoint",
            fake_hub.url,
            "--week",
            "latest",
            "--kind",
            "models",
            "--no-progress",
        ]
    )
    assert code == 0
    assert snapshot_files(root) == ["models/2025-01-15/models.parquet"]
    assert SHA_A in capsys.readouterr().out
    code = main(["fetch", "--root", str(root), "--endpoint", fake_hub.url, "--week", "2025-13-01"])
    assert code == 2
    assert "'2025-13-01' is not a date" in capsys.readouterr().err
    # Default kinds are all four; the stand-in has no spaces: said plainly, nothing written.
    code = main(
        ["fetch", "--root", str(tmp_path / "d"), "--endpoint", fake_hub.url, "--week", "latest"]
    )
    assert (
        code == 2 and "spaces: no weeks in hfmlsoc/hub_weekly_snapshots" in capsys.readouterr().err
    )
    dry = [
        "fetch",
        "--root",
        str(tmp_path / "d"),
        "--endpoint",
        fake_hub.url,
        "--kind",
        "models",
        "--kind",
        "datasets",
    ]
    code = main([*dry, "--start", "2025-01-08", "--dry-run"])
    assert code == 0 and not (tmp_path / "d").exists()
    captured = capsys.readouterr()
    assert (
        "dry run: 4 file(s)" in captured.out
        and "datasets/2025-01-15/datasets.parquet" in captured.err
    )
