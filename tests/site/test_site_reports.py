"""Report versions: headline numbers, citation metadata, provenance, never overwritten."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from snapshot_root import WEEKS, build_root

from analysis import build
from analysis import week as report
from analysis.errors import HubObsError
from analysis.files import sha256_file
from analysis.notebooks import front_matter, read
from analysis.reports import versions as rv

W1, W2, W3 = WEEKS


def _opts(root: Path, project: Path, **kw: object) -> build.BuildOptions:
    return build.BuildOptions(
        root=root, project=project, notebooks=False, render=False, log=lambda m: None, **kw
    )  # type: ignore[arg-type]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_headline_numbers_of_the_tiny_root(tiny_root: Path) -> None:
    r = report.open_report(tiny_root, None)
    try:
        s = r.summary
        assert s.week == W3
        rows = s.repos().set_index("kind")
        models = rows.loc["models"]
        # 2 old models + 3 created during the week; the week before had 4 rows
        assert (models["repos"], models["created"], models["net_change"]) == (5, 3, 1)
        assert bool(rows.loc["spaces", "is_repeat"])  # third spaces file is a byte copy
        a = s.attention
        assert a is not None
        # downloads 0, 0, 10, 20, 30: 2/5 zero; top ceil(5%)=1 model holds 30/60; 3/5 declare a base
        assert a["zero_share"] == pytest.approx(0.4)
        assert a["top1_share"] == pytest.approx(0.5)
        counts = report.metrics.base_model_counts(s)
        assert sum(n for r_, n in counts.items() if r_ != "none") / sum(counts.values()) == (
            pytest.approx(0.6)
        )
        assert counts.get("finetune") == 3 and counts.get("merge", 0) == 0
        text = report.headline(s, r.provenance)
        assert "| Models | 5 | 3 | +1 |" in text and "repeated week" in text
        assert "GENERATED SAMPLE" in text and "Open Database License" in text
        assert r.provenance.weeks == (W3,) and len(r.provenance.files) == 3
    finally:
        r.close()


def test_an_unknown_week_is_a_clear_error(tiny_root: Path) -> None:
    with pytest.raises(HubObsError, match="no models, datasets or spaces file for week 2025-03-26"):
        report.open_report(tiny_root, "2025-03-26")


def test_build_publishes_three_citable_versions_with_data_and_provenance(
    tiny_root: Path, project: Path
) -> None:
    assert build.run(_opts(tiny_root, project)) == 0
    found = rv.versions(project / "reports")
    assert [(v.week, v.version) for v in found] == [(W1, 1), (W2, 1), (W3, 1)]
    v = found[-1]
    assert v.folder.name == W3.isoformat() and v.url_path == f"reports/{W3.isoformat()}/"
    meta = front_matter(read(v.folder / "index.ipynb"))
    assert W3.isoformat() in meta["title"] and "generated sample" in meta["title"]
    assert meta["citation"]["type"] == "report"
    assert meta["citation"]["url"] == f"{build.site_url(project)}/reports/{W3.isoformat()}/"
    assert meta["citation"]["version"] == "1" and meta["google-scholar"] is True
    assert meta["author"] and meta["date"]
    prov = json.loads((v.folder / "provenance.json").read_text())
    assert prov["dataset"]["revision"] == "0123456789abcdef0123456789abcdef01234567"
    for f in prov["files"]:
        assert sha256_file(tiny_root / f["path"]) == f["sha256"]
    for out in prov["outputs"]:
        assert sha256_file(v.folder / out["path"]) == out["sha256"]
    names = {p.name for p in v.folder.iterdir()}
    assert {
        "repositories_by_week.csv",
        "repositories_by_week.parquet",
        "models_attention.csv",
        "models_attention.parquet",
        "repositories_by_week.csv-metadata.json",
        "DATA-LICENSE.md",
        "provenance.json",
        "index.ipynb",
    } <= names
    csv = pd.read_csv(v.folder / "repositories_by_week.csv")
    pq = pd.read_parquet(v.folder / "repositories_by_week.parquet")
    assert len(csv) == len(pq) == 9  # 3 kinds x 3 weeks (history is up to 12 weeks)
    assert "Open Database License" in (v.folder / "DATA-LICENSE.md").read_text()
    # the executed notebook shows the computed numbers
    nb_text = (v.folder / "index.ipynb").read_text()
    assert "| Models | 5 | 3 | +1 |" in nb_text
    # the Home page's numbers and the banner
    assert "| Models | 5 | 3 | +1 |" in (project / build.HEADLINE_FILE).read_text()
    assert "Generated sample" in (project / build.BANNER_FILE).read_text()


def test_building_a_week_twice_never_overwrites_its_version(tiny_root: Path, project: Path) -> None:
    opts = _opts(tiny_root, project, report_weeks=(W2,))
    build.run(opts)
    folder = project / "reports" / W2.isoformat()
    before = _snapshot(folder)
    build.run(opts)  # same inputs: nothing new, nothing touched
    assert _snapshot(folder) == before
    assert [v.slug for v in rv.versions(project / "reports")] == [W2.isoformat()]
    build.run(_opts(tiny_root, project, report_weeks=(W2,), new_version=True))
    assert [v.slug for v in rv.versions(project / "reports")] == [
        W2.isoformat(),
        f"{W2.isoformat()}-v2",
    ]
    assert _snapshot(folder) == before
    meta = front_matter(read(project / "reports" / f"{W2.isoformat()}-v2" / "index.ipynb"))
    assert (
        meta["citation"]["url"].endswith(f"/reports/{W2.isoformat()}-v2/")
        and meta["report-version"] == 2
    )


def test_changed_data_makes_a_new_version(tmp_path: Path, project: Path) -> None:
    root = build_root(tmp_path / "root")
    build.run(_opts(root, project, report_weeks=(W3,)))
    first = _snapshot(project / "reports" / W3.isoformat())
    build_root(root, revision="fedcba9876543210fedcba9876543210fedcba98")  # a new dataset revision
    build.run(_opts(root, project, report_weeks=(W3,)))
    assert [v.version for v in rv.versions(project / "reports", W3)] == [1, 2]
    assert _snapshot(project / "reports" / W3.isoformat()) == first
    prov = json.loads(
        (project / "reports" / f"{W3.isoformat()}-v2" / "provenance.json").read_text()
    )
    assert prov["dataset"]["revision"].startswith("fedcba98")


def test_an_incomplete_folder_in_the_way_is_never_touched(tiny_root: Path, project: Path) -> None:
    blocker = project / "reports" / W1.isoformat()
    blocker.mkdir()
    (blocker / "notes.txt").write_text("mine")
    with pytest.raises(rv.ReportError, match="exists but is not a complete report version"):
        build.run(_opts(tiny_root, project, report_weeks=(W1,)))
    assert [p.name for p in blocker.iterdir()] == ["notes.txt"]
    assert not [p for p in (project / "reports").iterdir() if ".partial-" in p.name]


def test_sample_and_real_versions_are_never_mixed(
    tmp_path: Path, tiny_root: Path, project: Path
) -> None:
    build.run(_opts(tiny_root, project, report_weeks=(W1,)))
    real = build_root(tmp_path / "real")
    from analysis.snapshots import write_revision

    write_revision(real, "a" * 40, generated=False)
    with pytest.raises(
        HubObsError, match="built from the generated sample; this build uses real data"
    ):
        build.run(_opts(real, project, report_weeks=(W2,)))


def test_a_failing_template_publishes_nothing(tiny_root: Path, project: Path) -> None:
    template = project / "reports" / "_template.ipynb"
    nb = json.loads(template.read_text())
    nb["cells"].append(
        {
            "cell_type": "code",
            "id": "boom",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "source": "raise RuntimeError('template broke')",
        }
    )
    template.write_text(json.dumps(nb))
    with pytest.raises(HubObsError, match="template broke"):
        build.run(_opts(tiny_root, project, report_weeks=(W1,)))
    assert [p.name for p in (project / "reports").iterdir()] == ["_template.ipynb"]


def test_without_quarto_the_build_stops_with_exit_code_3(
    tiny_root: Path,
    project: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    opts = _opts(tiny_root, project, report_weeks=(W1,))
    opts.render = True
    assert build.run(opts) == build.EXIT_NO_QUARTO == 3
    err = capsys.readouterr().err
    assert "everything before the render is done" in err and "quarto.org" in err


def test_slugs() -> None:
    assert rv.slug(dt.date(2026, 11, 25), 1) == "2026-11-25"
    assert rv.slug(dt.date(2026, 11, 25), 3) == "2026-11-25-v3"
    assert rv.SLUG.match("2026-11-25-v1") is None  # version 1 has no suffix: one URL per version
    with pytest.raises(rv.ReportError):
        rv.slug(dt.date(2026, 11, 25), 0)
