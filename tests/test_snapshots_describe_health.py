"""``hubobs describe`` never calls a root healthy that it could not read, and its text shows
the columns that are missing, extra or of another type (issue 9, part 3)."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pytest
from hostile_files import HOSTILE, HOSTILE_SHOWN, damage_page
from snapshots_helpers import W1, W2, W3, model, schema_with, write_week

from analysis.cli import main
from analysis.snapshots import refresh_manifest
from analysis.snapshots.describe import check_pages, describe, describe_text


def _root(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    # W1: before trendingScore (not "missing": the era explains it)
    write_week(root, "models", W1, [model(i) for i in range(300)])
    # W2: downloads as text, an extra column with a hostile name, likes missing
    schema = schema_with("models", W2, downloads=pa.string(), **{f"x{HOSTILE}": pa.int64()})
    schema = schema.remove(schema.get_field_index("likes"))
    write_week(root, "models", W2, [model(1, downloads="12")], schema)
    write_week(root, "models", W3, [model(i) for i in range(300)])
    return root


def _tail(text: str) -> list[str]:
    lines = text.splitlines()
    return lines[lines.index("    base+trendingScore: 2 weeks, 2024-10-02 to 2024-10-09") + 1 :]


def test_text_shows_missing_extra_and_retyped_columns(tmp_path: Path) -> None:
    root = _root(tmp_path)
    d = describe(root)
    assert d["kinds"]["models"]["missing_expected_columns"] == {"likes": ["2024-10-02"]}
    assert d["kinds"]["models"]["extra_column_weeks"] == {f"x{HOSTILE}": ["2024-10-02"]}
    assert (d["checked"], d["healthy"], d["unreadable"]) == ("footers", None, [])
    assert _tail(describe_text(d)) == [
        # every known column a file lacks, weeks lacking the same ones together (W1 before
        # trendingScore, every week before downloadsAllTime of 2025-02-26)
        "  columns a week's file lacks (typed NULL in the views, never zero):",
        "    downloadsAllTime, trendingScore: 1 week: 2024-09-25",
        "    downloadsAllTime, likes: 1 week: 2024-10-02",
        "    downloadsAllTime: 1 week: 2024-10-09",
        # the views refuse the NUL in the extra column's name: no counts, the reason escaped
        f"  row checks not counted: column name with a NUL character: 'x{HOSTILE_SHOWN}'",
        # cycles come from the facts cache, and no fact of this root is built
        "    models on a cycle: not counted for 3 week(s) whose facts are not built "
        "(`hubobs facts build` counts them)",
        "  missing columns (analysis.schema has them by these weeks; NULL in the views):",
        "    likes: 1 week: 2024-10-02",
        "  extra columns (not in analysis.schema; kept in the views):",
        f"    x{HOSTILE_SHOWN}: 1 week: 2024-10-02",
        "  columns of another type than analysis.schema's:",
        "    downloads: string, not int64 (cast in the views: a value that does not convert "
        "stops a query), 1 week: 2024-10-02",
        "",
        "the footers of the 3 file(s) read; data pages not decoded (--check decodes every page)",
    ]


def test_a_damaged_page_makes_the_root_not_healthy_with_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _root(tmp_path)
    path = damage_page(root / "models/2024-10-09/models.parquet", "downloads")
    assert main(["describe", str(root), "--check"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-4:] == [
        "UNREADABLE (corrupt, truncated or not permitted):",
        f"  {path}: column 'downloads', row group 1 of 1: data cannot be decoded (damaged "
        "page?): Corrupt snappy compressed data.",
        "",
        "NOT HEALTHY: 1 file(s) or folder(s) cannot be read (above)",
    ]
    assert "\x1b" not in out and "\x00" not in out
    # without --check only footers are read: not called healthy, and says so
    assert main(["describe", str(root)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "the footers of the 3 file(s) read; data pages not decoded (--check decodes every page)"
    )


def test_check_on_a_sound_root_says_healthy(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write_week(root, "models", W1, [model(i) for i in range(5)])
    assert check_pages(root / "models/2024-09-25/models.parquet") == 5
    d = describe(root, check=True)
    assert d["healthy"] is True
    assert describe_text(d).splitlines()[-1] == "healthy: every data page of the 1 file(s) decodes"


def test_a_file_changed_behind_the_manifest_is_read_again(tmp_path: Path) -> None:
    """Same size and modification time as the manifest records, but no longer parquet: the
    manifest alone would call it fine; describe reads every footer again."""
    root = tmp_path / "root"
    path = write_week(root, "models", W1, [model(i) for i in range(5)])
    refresh_manifest(root)
    st = path.stat()
    path.write_bytes(b"\x00" * st.st_size)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    d = describe(root)
    assert d["healthy"] is False
    assert d["unreadable"] == [
        f"{path}: not a readable parquet file (corrupt or truncated?): Parquet magic bytes not "
        "found in footer. Either the file is corrupted or this is not a parquet file."
    ]


def test_a_folder_that_cannot_be_listed_is_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Permissions cannot be tested as root (CI): the listing error is simulated."""
    root = tmp_path / "root"
    write_week(root, "models", W1, [model(1)])
    write_week(root, "datasets", W1, [{"_id": "d", "id": "o/d"}])
    real = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "datasets":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    d = describe(root)
    assert d["unreadable"] == ["datasets: cannot be read (Permission denied)"]
    assert d["healthy"] is False and d["problems"] == []
    assert describe_text(d).splitlines()[-1] == (
        "NOT HEALTHY: 1 file(s) or folder(s) cannot be read (above)"
    )


def test_text_counts_models_on_a_cycle_once_the_facts_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import real_roots as rr

    from analysis.facts import store

    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path / "cache"))
    root = tmp_path / "cycle"
    # by hand: c/x names c/y, c/y names c/x (2 models on the cycle); c/child names c/x (below
    # the cycle, not on it); s/self names itself (a self-link, no cycle); a/base has no base
    ts = rr._ts("2025-05-01")
    rows = [
        rr._model("c/x", ts, 5, rr._link("finetune", "c/y")),
        rr._model("c/y", ts, 5, rr._link("finetune", "c/x")),
        rr._model("c/child", ts, 5, rr._link("adapter", "c/x")),
        rr._model("s/self", ts, 5, rr._link("finetune", "s/self")),
        rr._model("a/base", ts, 5),
    ]
    rr._write(root, "models", rr.W1, rows, rr._models_schema(rr.W1))
    rr._finish(root)
    before = describe_text(describe(root))
    assert "models on a cycle: not counted for 1 week(s) whose facts are not built" in before
    store.build(root, progress=False)
    d = describe(root)
    assert d["kinds"]["models"]["cycles"] == {"weeks": {rr.W1.isoformat(): 2}, "not_reduced": []}
    assert (
        "    models on a cycle of base-model links (fact models__cycles): 2 in 1 week: "
        f"{rr.W1.isoformat()}" in describe_text(d).splitlines()
    )
