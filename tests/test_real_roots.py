"""Real-shaped snapshot roots (:mod:`real_roots`) build the whole site, and what the pages say
about them is what the rows say, counted by hand in ``real_roots``.

Each root is built as ``hubobs build --no-render --root`` would (every notebook, post,
explorer, report version and Home partial, in a copy of the project), about a minute each.
The models-only root is the README's real-data route (``hubobs fetch --kind models``, then
``hubobs build --root``): its findings are read back and checked. The other roots' special
cases are checked at the level of the metrics.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest
import real_roots as rr

from analysis import build, evaluations, growth, organizations, platforms, tracker
from analysis.data import Data, open_data
from analysis.errors import HubObsError
from analysis.eusummary import pages
from analysis.facts.store import select_files
from analysis.paths import PROJECT_ROOT
from analysis.weeks import weeks

#: What a build reads besides the notebooks' own folders (as the site tests copy it).
PROJECT_SOURCES = (
    "_quarto.yml",
    "posts",
    "notebooks",
    "explorers",
    "reports",
    "data/organizations.csv",
)


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path_factory.getbasetemp() / "cache"))


def _copy_project(dest: Path) -> Path:
    for name in PROJECT_SOURCES:
        src = PROJECT_ROOT / name
        if src.is_dir():
            versions = ("[0-9]*-[0-9]*-[0-9]*",) if name == "reports" else ()
            shutil.copytree(
                src, dest / name, ignore=shutil.ignore_patterns("__pycache__", *versions)
            )
        else:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest / name)
    return dest


ROOTS = ("models_only", "empty_kinds", "single_week", "four_kinds", "models_and_datasets")


@pytest.fixture(scope="module")
def build_of(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], Path]]:
    """A project copy built (no render) from one of the real-shaped roots, once per root."""
    built: dict[str, Path] = {}
    mp = pytest.MonkeyPatch()

    def of(name: str) -> Path:
        if name not in built:
            base = tmp_path_factory.mktemp(name)
            mp.setenv("HUBOBS_CACHE", str(base / "cache"))
            root = getattr(rr, name)(base / "root")
            project = _copy_project(base / "project")
            opts = build.BuildOptions(
                root=root, project=project, notebooks=True, render=False, log=lambda m: None
            )
            assert build.run(opts) == 0, name
            built[name] = project
        return built[name]

    try:
        yield of
    finally:
        mp.undo()


@pytest.fixture()
def built(build_of: Callable[[str], Path]) -> Path:
    """The models-only root's build: the README's real-data route."""
    return build_of("models_only")


def _markdown(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            text = o.get("data", {}).get("text/markdown")
            if text:
                out.append(text if isinstance(text, str) else "".join(text))
    return "\n".join(out).replace("\\", "")


@pytest.mark.parametrize("name", ROOTS)
def test_every_page_builds_from_any_real_shaped_root(
    build_of: Callable[[str], Path], name: str
) -> None:
    built = build_of(name)
    executed = build.notebook_paths(built)
    assert len(executed) == len(build.notebook_paths(PROJECT_ROOT))
    # one draft-summary page per tracked model of real data
    summaries = sorted((built / pages.PAGES_DIR).glob("*/index.ipynb"))
    assert [p.parent.name for p in summaries] == sorted(pages.slug(m) for m in pages.tracked(False))
    for path in [*executed, *summaries]:
        nb = nbformat.read(path, as_version=4)
        errors = [
            o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
        ]
        assert not errors, path
    # the report versions of the latest weeks and the Home page's numbers
    weeks_built = ["2025-06-11"] if name == "single_week" else ["2025-06-04", "2025-06-11"]
    assert sorted(p.name for p in (built / "reports").glob("2025-*")) == weeks_built
    assert (built / build.HEADLINE_FILE).read_text(encoding="utf-8").strip()


def test_pages_about_missing_kinds_say_so_and_how_to_fetch_them(built: Path) -> None:
    ds = _markdown(built / "notebooks" / "datasets.ipynb")
    assert "No datasets in this data" in ds and "hubobs fetch --week latest --kind datasets" in ds
    assert "The chosen weeks hold no dataset" in ds
    g = _markdown(built / "notebooks" / "growth.ipynb")
    assert "No datasets and spaces in this data" in g
    # 17 models in W1 (those of W2 created before 2025-06-04), 23 in W2
    assert "Models: 17 in the week of 2025-06-04, 23 in the week of 2025-06-11" in g
    # a page about models only has no note
    assert "in this data" not in _markdown(built / "notebooks" / "concentration.ipynb")


def test_platforms_counts_every_link_and_says_what_it_left_out(built: Path) -> None:
    text = _markdown(built / "notebooks" / "platforms.ipynb")
    # 17 rows declare a base; weird/selfie names only itself: 16 declare another model
    assert (
        "16 models declared a base model: 13 fine-tunes, 1 quantization, 1 adapter and 1 merge"
        in text
    )
    assert "1 model names only itself as its base model" in text
    # 18 links (the merge has two); one parent (gone/deleted-model) is not in the week
    assert "1 of 18 links names a parent that is not a model of that week" in text
    # SmolLM2-1.7B: the Instruct, 8 finetunes and the adapter name it; 2 more below them
    assert "held 12 derivatives over its whole tree, 10 of them naming the root directly" in text
    assert "(the only week measured)" in text  # W1 is the first week: no share of new models


def test_a_tie_is_said_as_a_tie(built: Path) -> None:
    text = _markdown(built / "notebooks" / "tracker.ipynb")
    assert "6 distinct authors; 4 authors tied for the most, 2 each: u1, u2, u3, u4" in text
    assert "the most active" not in text
    orgs = _markdown(built / "notebooks" / "organizations.ipynb")
    assert "2 owners tie for the most models: solo, u1 (3 each" in orgs


def test_a_family_of_one_generation_is_a_finding(built: Path) -> None:
    text = _markdown(built / "notebooks" / "lifecycle.ipynb")
    assert "none had two generations of releases" in text


@pytest.fixture()
def opened(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Data]:
    root = getattr(rr, request.param)(tmp_path / "root")
    data = open_data(root)
    try:
        yield data
    finally:
        data.close()


@pytest.mark.parametrize("opened", ["empty_kinds"], indirect=True)
def test_a_week_file_without_rows_is_a_week_of_zero(opened: Data) -> None:
    assert weeks(opened.con, "datasets") == [rr.W1, rr.W2]
    w = growth.weekly(opened.con, None, None)
    ds = w[w["kind"] == "datasets"]
    assert ds["repos"].tolist() == [0, 0]
    text = (
        growth.findings(w, growth.monthly(opened.con, None, None), opened.provenance)
        .markdown()
        .data
    )
    assert "Datasets: none in any of the 2 weeks of the range" in text
    assert opened.missing_note("growth") is None  # the kinds are there, with no rows


@pytest.mark.parametrize("opened", ["single_week"], indirect=True)
def test_one_week_says_a_change_needs_two(opened: Data) -> None:
    w = growth.weekly(opened.con, None, None)
    text = (
        growth.findings(w, growth.monthly(opened.con, None, None), opened.provenance)
        .markdown()
        .data
    )
    assert "Models: 23 in the week of 2025-06-11, the only week in the range" in text
    assert "(+" not in text


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_link_counts_by_hand(opened: Data) -> None:
    counts = platforms.link_counts(opened.lineage, rr.W2)
    assert counts == {
        "models_declaring": 17,
        "only_self": 1,
        "links": 18,
        "self_links": 1,
        "unresolved": 1,
        "in_cycle": 0,  # no two models name each other (weird/selfie names only itself)
    }


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_the_placeholder_creation_date_is_no_release_date(opened: Data) -> None:
    lineage = opened.lineage
    lineage.resolve_edges(rr.W2)
    created = opened.con.execute(
        "SELECT id, created FROM fact_models__lineage_nodes WHERE week = ? AND id IN (?, ?)",
        [rr.W2, "legacy/bert-old", rr.SMOL],
    ).fetchall()
    assert dict(created) == {"legacy/bert-old": None, rr.SMOL: dt.datetime(2024, 11, 1, 12)}
    with pytest.raises(HubObsError, match="placeholder creation time"):
        tracker.release_summary(lineage, "legacy/bert-old", rr.W2)
    # the release the tracker follows by default is the one with most direct derivatives
    assert tracker.choose(lineage, None, rr.W2) == rr.SMOL


def test_a_range_without_weeks_is_an_error_naming_the_weeks(tmp_path: Path) -> None:
    root = rr.models_only(tmp_path / "root")
    with pytest.raises(
        HubObsError, match=r"no week in the range .*2 week\(s\), 2025-06-04 to 2025-06-11"
    ):
        select_files(root, "2024-01-01", "2024-02-01")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(HubObsError, match="no snapshot files"):
        select_files(empty)


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_missing_note_names_the_kinds_and_the_fetch_command(opened: Data) -> None:
    note = opened.missing_note("growth", "platforms")
    assert note is not None
    text = note.data
    assert "No datasets and spaces in this data" in text
    assert "--kind datasets" in text and "--kind spaces" in text
    assert opened.missing_note("platforms") is None


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_the_mapping_coverage_by_hand(opened: Data) -> None:
    cov = organizations.coverage(opened.con, week=rr.W2)
    models = cov[cov["repo_kind"] == "models"].iloc[0]
    # of 14 authors only HuggingFaceTB is in data/organizations.csv: SmolLM2-1.7B and its Instruct
    assert (models["authors"], models["mapped_authors"]) == (14, 1)
    assert (models["repos"], models["mapped_repos"]) == (23, 2)
    # 5,000 + 3,000 of the week's 10,534 downloads (the rows' downloads, summed by hand)
    assert (models["downloads"], models["mapped_downloads"]) == (10_534, 8_000)
    note = organizations.coverage_note(cov)
    assert note == (
        "The organization mapping knows 1 of the 14 authors of models, who hold 8.7% of the "
        "models and 75.9% of their 30-day downloads; everyone else is counted as unmapped."
    )
    assert set(cov["repo_kind"]) == {"models"}  # no datasets or spaces week: no row


def test_facts_build_on_a_range_without_weeks_fails_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from analysis.cli import main

    root = rr.models_only(tmp_path / "root")
    argv = ["facts", "build", "--root", str(root), "--start", "2024-01-01", "--end", "2024-02-01"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "no week in the range 2024-01-01 to 2024-02-01" in err
    assert "2025-06-04 to 2025-06-11" in err


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_the_home_numbers_count_declared_bases_as_platforms_does(opened: Data) -> None:
    from analysis.week.metrics import base_model_counts, summary

    counts = base_model_counts(summary(opened.con, rr.W2))
    relations = platforms.declared_relations(opened.lineage, rr.W2)
    # weird/selfie names only itself: it declares no base model, here as in the trees
    assert counts == {"none": 7, **relations}
    assert relations == {"finetune": 13, "quantized": 1, "adapter": 1, "merge": 1}


@pytest.mark.parametrize("opened", ["models_only"], indirect=True)
def test_evaluations_from_real_shaped_cards_by_hand(opened: Data) -> None:
    weekly = evaluations.weekly(opened.con)
    w = weekly[weekly["week"].astype(str) == rr.W2.isoformat()].iloc[0]
    # SmolLM2-1.7B 4 results, its Instruct 2, u1/smol-ft-1 4 (the base's card), u2/smol-ft-1 1
    # ("N/A"), org/Model 1 (glue): 5 of 23 models, 12 results on 5 benchmarks:
    # cais/mmlu 4, gsm8k 3, Rowan/hellaswag 2, allenai/ai2_arc 2, glue 1
    assert (w["models"], w["reporting"], w["results"], w["benchmarks"]) == (23, 5, 12, 5)
    assert w["not_parsed"] == 0
    assert abs(w["top1_share"] - 4 / 12) < 1e-12 and w["top5_share"] == 1.0
    # sorted 1, 2, 2, 3, 4: 2 * 43 / (5 * 12) - 6 / 5 = 7 / 30
    assert abs(w["gini"] - 7 / 30) < 1e-12
    fam = evaluations.families(opened.lineage, week=rr.W2).iloc[0]
    # the Instruct shares 2 of 4, u1/smol-ft-1 the exact set, u2/smol-ft-1 1 of 4
    assert fam["root_id"] == rr.SMOL
    assert fam[["derivatives", "root_benchmarks", "reporting", "sharing", "same_set"]].tolist() == [
        12,
        4,
        3,
        3,
        1,
    ]
    assert abs(fam["mean_jaccard"] - (2 / 4 + 1 + 1 / 4) / 3) < 1e-12
    kinds = evaluations.by_org_kind(opened.con, week=rr.W2).set_index("org_kind")
    assert kinds.loc["company", ["models", "reporting"]].tolist() == [2, 2]  # HuggingFaceTB


def test_the_evaluations_pages_from_models_and_datasets_only(tmp_path: Path) -> None:
    from analysis.notebooks import execute_notebook

    root = rr.models_datasets(tmp_path / "root")
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == ["datasets", "models"]
    sources = {
        "notebook": PROJECT_ROOT / "notebooks" / "evaluations.ipynb",
        "post": PROJECT_ROOT / "posts" / "2026-12-02-evaluation-landscape" / "index.ipynb",
    }
    for name, source in sources.items():
        out = tmp_path / name / "index.ipynb"
        execute_notebook(source, out, {"root": str(root)}, output_dir=tmp_path / f"{name}-data")
        nb = nbformat.read(out, as_version=4)
        errors = [
            o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"
        ]
        assert not errors, name
        text = _markdown(out)
        assert "5 of the 23 models of the week of 2025-06-11 (21.7%)" in text, name
        assert "holds 33.3% of the results; the top 5 hold 100.0%" in text
        assert "(Gini coefficient 0.23 over 5 benchmarks)" in text
        assert "12 derivatives), 3 report an evaluation and 1 report exactly" in text
        # of the benchmarks, only cais/mmlu is a dataset id of the week (900 downloads)
        assert "1 of the 5 benchmarks most models report name a dataset of the week of" in text
        assert "cais/mmlu, had 900 downloads in 30 days and is reported by 4 models" in text
        assert "No spaces" not in text
