"""The draft-summary pages: built by ``hubobs build``'s step for tracked models from the sample's
tracked list and from real-shaped roots (:mod:`real_roots`), with their downloads.

The numbers are those worked out in :func:`real_roots.models_and_datasets`'s docstring.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import pytest
import real_roots as rr

from analysis import build, eusummary
from analysis.data import open_data
from analysis.eusummary import pages
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT


def _outputs(nb: nbformat.NotebookNode) -> str:
    texts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            texts.append(out.get("text", ""))
            texts.append(out.get("data", {}).get("text/markdown", ""))
    return "\n".join(texts)


def _pages(tmp: Path, root: Path) -> dict[str, nbformat.NotebookNode]:
    project = tmp / "project"
    (project / "notebooks").mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / pages.NOTEBOOK, project / pages.NOTEBOOK)
    opts = build.BuildOptions(root=root, project=project, log=lambda m: None)
    ran = build.execute_summary_pages(opts)
    return {p.parent.name: nbformat.read(str(p), as_version=4) for p in ran}


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


def test_sample_tracked_models_are_in_the_sample() -> None:
    data = open_data(SAMPLE_ROOT)
    try:
        drafts = [eusummary.draft(data, m) for m in pages.tracked(True)]
    finally:
        data.close()
    assert all(d.found for d in drafts), [d.model for d in drafts if not d.found]
    # the derivative's draft lists its own datasets and those of its base models
    inherited = [d for d in drafts[2].datasets if d.inherited]
    assert inherited and any(not d.inherited for d in drafts[2].datasets)
    assert all(d.on_hub is not None for d in drafts[2].datasets)


def test_pages_from_models_and_datasets(tmp_path: Path) -> None:
    root = rr.models_and_datasets(tmp_path / "root")
    built = _pages(tmp_path, root)
    smol, oss = (pages.slug(m) for m in pages.tracked(False))
    assert sorted(built) == sorted([smol, oss])
    nb = built[smol]
    assert pages.front_matter(rr.SMOL3)["title"] in nb.cells[0].source
    text = _outputs(nb)
    assert "not a legal document" in text and "No datasets in this data" not in text
    folder = tmp_path / "project" / pages.PAGES_DIR / smol
    doc = json.loads((folder / f"{smol}.json").read_text(encoding="utf-8"))
    got = [
        (d["id"], d["public_on_hub"], [x["depth"] for x in d["declared_by"]])
        for d in doc["datasets"]
    ]
    assert got == [
        ("HuggingFaceTB/smoltalk2", True, [0]),
        ("HuggingFaceFW/fineweb-edu", False, [1]),
        ("HuggingFaceTB/smollm-corpus", True, [1]),
    ]
    corpus = doc["datasets"][2]
    assert corpus["licences"]["value"] == ["odc-by"]
    assert corpus["licences"]["source"]["revision"] == rr.REVISION
    assert corpus["licences"]["source"]["week"] == rr.W2.isoformat()
    assert doc["datasets"][0]["synthetic_hint"]["value"] == ["tag synthetic"]
    md = (folder / f"{smol}.md").read_text(encoding="utf-8")
    assert "HuggingFaceFW\\/fineweb\\-edu" in md.split("2.2 Private")[1]
    assert f"[JSON]({smol}.json)" in text
    assert "not in the models file of this week" in _outputs(built[oss])


def test_models_only_root_says_the_dataset_fields_are_left(tmp_path: Path) -> None:
    root = rr.models_only(tmp_path / "root")
    text = _outputs(next(iter(_pages(tmp_path, root).values())))
    assert "No datasets in this data" in text  # Data.missing_note
    assert "not in the models file of this week" in text  # SmolLM3-3B is not in that root
