"""Comparing report versions, the versions' index.json and their Atom feed."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import snapshot_root as sr

from analysis import build
from analysis.files import sha256_file
from analysis.provenance import Provenance
from analysis.reports import compare, feed, index, listing
from analysis.reports import versions as rv

W3 = sr.WEEKS[2]
ATOM = "{http://www.w3.org/2005/Atom}"


def _opts(root: Path, project: Path, week: dt.date) -> build.BuildOptions:
    return build.BuildOptions(
        root=root,
        project=project,
        report_weeks=(week,),
        notebooks=False,
        render=False,
        log=lambda m: None,
    )


def _moved(comparison: dict[str, Any], table: str) -> dict[tuple[str, str], dict[str, Any]]:
    """(row key text, column) -> the moved value, for one table."""
    (t,) = [t for t in comparison["tables"] if t["table"] == table]
    return {(listing.key_text(v["key"]), v["column"]): v for v in t["values"]}


def test_a_changed_input_publishes_version_2_with_what_moved(tmp_path: Path, project: Path) -> None:
    """The real template twice on the tiny root; week 3 then gains a fourth new model (40
    downloads): models 5 -> 6, created 3 -> 4, net change +1 -> +2; downloads 0, 0, 10, 20, 30
    (total 60, top 1 model 30/60, zero 2/5) -> 0, 0, 10, 20, 30, 40 (100, 40/100, 2/6)."""
    root = sr.build_root(tmp_path / "root")
    build.run(_opts(root, project, W3))
    sr.write(root, "models", W3, sr.models_rows(W3, 4))
    build.run(_opts(root, project, W3))
    reports = project / "reports"
    assert [v.slug for v in rv.versions(reports)] == [W3.isoformat(), f"{W3.isoformat()}-v2"]

    (c,) = json.loads((reports / "changes.json").read_text())["comparisons"]
    assert (c["before"]["slug"], c["after"]["slug"]) == (W3.isoformat(), f"{W3.isoformat()}-v2")
    changed = {i["input"]: i for i in c["inputs"]}
    path = f"models/{W3.isoformat()}/models.parquet"
    assert set(changed) == {f"snapshot file {path}", "inputs digest"}
    assert (
        changed[f"snapshot file {path}"]["before"]["rows"],
        changed[f"snapshot file {path}"]["after"]["rows"],
    ) == (5, 6)

    repos = _moved(c, "repositories_by_week")
    row = f"kind models, week {W3.isoformat()}"
    assert {
        k[1]: (v["before"], v["after"], v["change"]) for k, v in repos.items() if k[0] == row
    } == {
        "repos": (5, 6, 1),
        "created": (3, 4, 1),
        "net_change": (1, 2, 1),
    }
    assert all(k[0] == row for k in repos), "datasets and spaces, and earlier weeks, did not move"
    attention = _moved(c, "models_attention")
    key = f"week {W3.isoformat()}"
    assert attention[(key, "total")]["change"] == 40.0
    assert attention[(key, "total")]["relative"] == pytest.approx(40 / 60)
    assert (attention[(key, "top1_share")]["before"], attention[(key, "top1_share")]["after"]) == (
        pytest.approx(0.5),
        pytest.approx(0.4),
    )
    assert attention[(key, "zero_share")]["after"] == pytest.approx(2 / 6)
    assert c["summary"]["values_moved"] == sum(len(t["values"]) for t in c["tables"])

    # the Reports page says it, escaped, and index.json points from version 2 to version 1
    page = (project / index.CHANGES_PAGE).read_text()
    assert f"### Week {W3.isoformat()}: version 2 against version 1" in page
    assert (
        "| repositories\\_by\\_week | kind models\\, week 2025\\-03\\-19 | repos | 5 | 6 | +1 (+20.0%) |"
        in page
    )
    doc = json.loads((reports / "index.json").read_text())
    v1, v2 = doc["versions"]
    assert v2["previous_version"] == W3.isoformat() and v1["previous_version"] is None
    assert v2["changes"]["inputs_changed"] == [f"snapshot file {path}", "inputs digest"]
    assert v1["inputs_sha256"] != v2["inputs_sha256"]


def _prov(rows: int) -> Provenance:
    from analysis.provenance import SourceFile

    return Provenance(
        weeks=(W3,),
        revision="a" * 40,
        generated=False,
        files=(SourceFile(f"models/{W3}/models.parquet", (str(rows) * 64)[:64], 100, rows),),
    )


def _stub(frames: dict[str, pd.DataFrame]) -> rv.Runner:
    """A runner writing ``frames`` as the version's tables instead of executing the template."""

    def run(
        template: Path, output: Path, params: object, *, metadata: object, output_dir: Path
    ) -> None:
        output.write_text("{}")
        for name, frame in frames.items():
            frame.to_parquet(output_dir / f"{name}.parquet")

    return run


def _publish(project: Path, frames: dict[str, pd.DataFrame], rows: int, **kw: Any) -> rv.Published:
    return rv.publish(
        W3,
        _prov(rows),
        reports_dir=project / "reports",
        template=project / "reports" / "_template.ipynb",
        parameters={"root": "r"},
        site_url="https://example.org/site/",
        published=dt.date(2026, 1, 7),
        run=_stub(frames),
        **kw,
    )


def test_index_json_lists_every_version_with_checksums_urls_and_pdf_when_present(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = rv.front_matter

    def without_typst(*a: Any, **kw: Any) -> dict[str, Any]:  # a version made before the PDFs
        return {k: v for k, v in plain(*a, **kw).items() if k != "format"}

    with monkeypatch.context() as m:
        m.setattr(rv, "front_matter", without_typst)
        _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [1]})}, rows=1)
        second = _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [2]})}, rows=2)
    (second.version.folder / "index.pdf").write_bytes(b"%PDF-1.7 stub")
    third = _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [3]})}, rows=3)
    assert third.version.provenance()["report"]["pdf"] is True  # rendered by the site (Typst)
    index.write_all(project, "https://example.org/site")
    doc = json.loads((project / "reports" / "index.json").read_text())
    assert doc["feed"] == "https://example.org/site/reports/feed.xml"
    v1, v2, v3 = doc["versions"]
    assert v3["pdf_url"] == f"https://example.org/site/reports/{W3.isoformat()}-v3/index.pdf"
    assert (v1["week"], v1["version"], v1["tag"]) == (W3.isoformat(), 1, f"{W3.isoformat()}-v1")
    assert v1["url"] == f"https://example.org/site/reports/{W3.isoformat()}/"
    assert v1["pdf_url"] is None
    assert v2["pdf_url"] == f"https://example.org/site/reports/{W3.isoformat()}-v2/index.pdf"
    assert v1["dataset_revision"] == "a" * 40 and v1["generated_sample"] is False
    assert v2["snapshot_files"][0]["rows"] == 2
    for v, folder in ((v1, project / "reports" / W3.isoformat()), (v2, second.version.folder)):
        assert [f["path"] for f in v["files"]] == sorted(
            p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()
        )
        for f in v["files"]:
            assert f["sha256"] == sha256_file(folder / f["path"])
    assert v2["changes"]["values_moved"] == 1
    # a published version whose recorded files changed is refused, not indexed
    (second.version.folder / "t.parquet").write_bytes(b"changed")
    with pytest.raises(rv.ReportError, match=r"no longer holds what its provenance\.json records"):
        index.write_all(project, "https://example.org/site")


def test_the_atom_feed_parses_and_lists_every_version_newest_first(project: Path) -> None:
    _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [1]})}, rows=1)
    _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [3]})}, rows=2)
    index.write_all(project, "https://example.org/site")
    tree = ET.parse(project / "reports" / index.FEED_FILE)
    root = tree.getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2026-01-07T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        f"State of the Hub: week of {W3.isoformat()}, version 2",
        f"State of the Hub: week of {W3.isoformat()}, version 1",
    ]
    links = [e.find(f"{ATOM}link[@rel='alternate']").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [
        f"https://example.org/site/reports/{W3.isoformat()}-v2/",
        f"https://example.org/site/reports/{W3.isoformat()}/",
    ]
    assert [e.findtext(f"{ATOM}id") for e in entries] == links
    assert all(e.findtext(f"{ATOM}updated") == "2026-01-07T00:00:00Z" for e in entries)
    summary = entries[0].findtext(f"{ATOM}summary") or ""
    assert "Since version 1" in summary and "1 value(s) moved in 1 table(s)" in summary
    empty = ET.fromstring(feed.atom([], "https://example.org/site"))
    assert empty.findall(f"{ATOM}entry") == [] and empty.findtext(f"{ATOM}updated")


def test_tables_are_compared_on_their_leading_non_numeric_columns() -> None:
    before = pd.DataFrame(
        {
            "kind": ["a", "a", "b"],
            "week": ["w1", "w2", "w1"],
            "n": [1, 2, 3],
            "share": [0.5, 0.25, 0.25],
            "flag": [False, False, True],
        }
    )
    after = pd.DataFrame(
        {
            "kind": ["a", "a", "c"],
            "week": ["w1", "w2", "w1"],
            "n": [1, 5, 4],
            "share": [0.5, 0.5, 0.0],
            "flag": [False, True, True],
            "extra": [1, 1, 1],
        }
    )
    t = compare.compare_tables("t", before, after)
    assert t["key"] == ["kind", "week"]  # "kind" alone repeats; the yes/no column is a value
    assert t["rows_added"] == [{"kind": "c", "week": "w1"}]
    assert t["rows_removed"] == [{"kind": "b", "week": "w1"}]
    assert t["columns_added"] == ["extra"] and t["columns_removed"] == []
    moved = {(v["key"]["week"], v["column"]): v for v in t["values"]}
    assert set(moved) == {("w2", "n"), ("w2", "share"), ("w2", "flag")}
    assert (moved[("w2", "n")]["change"], moved[("w2", "n")]["relative"]) == (3, 1.5)
    assert moved[("w2", "share")]["change"] == pytest.approx(0.25)
    assert (moved[("w2", "flag")]["before"], moved[("w2", "flag")]["after"]) == (False, True)
    assert "change" not in moved[("w2", "flag")]
    # rows that no column identifies are matched in order; numbers only: by row number
    dup = compare.compare_tables(
        "d",
        pd.DataFrame({"k": ["x", "x"], "n": [1, 2]}),
        pd.DataFrame({"k": ["x", "x"], "n": [1, 7]}),
    )
    assert [(v["key"], v["after"]) for v in dup["values"]] == [({"k": "x", "#": 2}, 7)]
    nums = compare.compare_tables(
        "n", pd.DataFrame({"n": [1.0, float("nan")]}), pd.DataFrame({"n": [1.0, 2.0]})
    )
    assert [(v["key"], v["before"], v["after"]) for v in nums["values"]] == [
        ({"row": 2}, None, 2.0)
    ]
    same = compare.compare_tables("s", before, before.copy())
    assert same["status"] == "unchanged" and not same["values"]


def test_hub_text_in_a_comparison_is_escaped_on_the_page(project: Path) -> None:
    hostile = "<script>alert(1)</script>|[x](http://e)*{{< include a >}}"
    _publish(project, {"top": pd.DataFrame({"id": [hostile], "downloads": [10]})}, rows=1)
    _publish(
        project,
        {
            "top": pd.DataFrame({"id": [hostile], "downloads": [12]}),
            "new": pd.DataFrame({"a": ["b"]}),
        },
        rows=2,
    )
    index.write_all(project, "https://example.org/site")
    page = (project / index.CHANGES_PAGE).read_text()
    assert "<script>" not in page and "{{<" not in page and "](http" not in page
    assert "\\<script\\>" in page and "| 10 | 12 | +2 (+20.0%) |" in page
    assert "- new: only in version 2" in page
    (c,) = json.loads((project / "reports" / "changes.json").read_text())["comparisons"]
    assert c["tables"][0]["table"] == "new" and c["tables"][0]["status"] == "added"
    assert c["tables"][1]["values"][0]["key"] == {"id": hostile}  # the data keeps the text as it is


def test_no_comparison_yet_says_so(project: Path) -> None:
    _publish(project, {"t": pd.DataFrame({"id": ["a"], "n": [1]})}, rows=1)
    index.write_all(project, "https://example.org/site")
    assert listing.NONE_YET in (project / index.CHANGES_PAGE).read_text()
    assert json.loads((project / "reports" / "changes.json").read_text())["comparisons"] == []


def test_a_new_version_with_the_same_inputs_says_nothing_changed(project: Path) -> None:
    frames = {"t": pd.DataFrame({"id": ["a"], "n": [1]})}
    _publish(project, frames, rows=1)
    _publish(project, frames, rows=1, new_version=True)
    index.write_all(project, "https://example.org/site")
    (c,) = json.loads((project / "reports" / "changes.json").read_text())["comparisons"]
    assert c["inputs"] == [] and c["tables"] == [] and c["tables_unchanged"] == ["t"]
    page = (project / index.CHANGES_PAGE).read_text()
    assert "**Inputs**: the same" in page and "**Numbers that moved**: none." in page


def test_list_values_and_infinity_are_compared_as_text() -> None:
    before = pd.DataFrame({"id": ["m"], "tags": [["a", "b"]], "ratio": [1.0]})
    after = pd.DataFrame({"id": ["m"], "tags": [["a", "c"]], "ratio": [float("inf")]})
    t = compare.compare_tables("t", before, after)
    assert t["key"] == ["id"]  # a list column is never part of the key
    moved = {v["column"]: (v["before"], v["after"]) for v in t["values"]}
    assert moved == {"tags": ('["a", "b"]', '["a", "c"]'), "ratio": (1.0, "inf")}
    json.dumps(t, allow_nan=False)  # strict JSON
