"""The ModelVerse and Family trees explorers' data (analysis/explorers/modelverse.py,
family_trees.py, page.py) on tiny hand-built tables; expected values worked out by hand in the
comments."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from metrics_tables import build, ts

from analysis import explorers
from analysis.errors import HubObsError
from analysis.explorers.family_trees import cycle_members
from analysis.explorers.modelverse import COLUMNS as MV_COLUMNS
from analysis.lineage import Lineage
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance

W = "2025-03-05"
PROV = Provenance(weeks=(dt.date(2025, 3, 5),), revision="test", generated=True)
ORG_MAP = pd.DataFrame(
    {
        "org": ["BigLab", "acme"],
        "kind": ["academic", "company"],
        "country": ["DE", "US"],
        "source": ["https://example.org/biglab", "https://example.com"],
        "note": ["", "fictional"],
    }
)


def bm(relation: str, *parents: tuple[str, str]) -> dict[str, Any]:
    return {"relation": relation, "models": [{"_id": u, "id": i} for u, i in parents]}


def repo(
    uid: str, id_: str, downloads: int | None = None, likes: int = 0, **extra: Any
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "week": W,
        "_id": uid,
        "id": id_,
        "author": id_.split("/")[0],
        "createdAt": ts("2025-01-01T00:00"),
        "lastModified": ts("2025-01-01T00:00"),
        "likes": likes,
        "tags": [],
    }
    if downloads is not None:
        row["downloads"] = downloads
    row.update(extra)
    return row


# --- ModelVerse -------------------------------------------------------------------------------


@pytest.fixture()
def mv() -> Lineage:
    """acme (company, US): models m1 (100 downloads) and m2 (50), dataset d1 (200), space s1.
    biglab (academic, DE; mapped as BigLab): model b1 (10), a fine-tune of m1.
    u1 (unmapped): model x (40), a merge of m1 and b1; model self (0) naming itself; dataset d2
    (0); spaces s2 (5 likes) and s3 (1 like). A legacy model without an owner (author NULL)."""
    models = [
        repo("m1", "acme/m1", 100),
        repo("m2", "acme/m2", 50),
        repo("b1", "biglab/b1", 10, baseModels=bm("finetune", ("m1", "acme/m1"))),
        repo("x", "u1/x", 40, baseModels=bm("merge", ("m1", "acme/m1"), ("b1", "biglab/b1"))),
        repo("self", "u1/self", 0, baseModels=bm("finetune", ("self", "u1/self"))),
        repo("old", "bert-legacy", 0, author=None),
    ]
    datasets = [repo("d1", "acme/d1", 200), repo("d2", "u1/d2", 0)]
    spaces = [
        repo("s1", "acme/s1", likes=3),
        repo("s2", "u1/s2", likes=5),
        repo("s3", "u1/s3", likes=1),
    ]
    return Lineage(build({"models": models, "datasets": datasets, "spaces": spaces}))


def _row(df: pd.DataFrame, **keys: str) -> pd.Series:
    sel = df
    for k, v in keys.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, (keys, sel)
    return sel.iloc[0]


def test_modelverse_totals_and_shares_by_hand(mv: Lineage) -> None:
    df = explorers.modelverse(mv, n=1, top_repos=1, org_map=ORG_MAP)
    hub = _row(df, level="hub")
    # 3 owners (the legacy model has none); 6 models, 2 datasets, 3 spaces;
    # downloads 100+50+10+40+0+0 + 200+0 = 400; derivatives: b1 and x (self links left out) = 2
    assert [int(hub[c]) for c in ("authors", "models", "datasets", "spaces", "downloads")] == [
        3,
        6,
        2,
        3,
        400,
    ]
    assert int(hub["derivatives"]) == 2
    company = _row(df, level="kind", org_kind="company")
    # acme: 2 models of 6, 1 dataset of 2 = 0.5, 1 space of 3, 350 downloads of 400
    assert (int(company["models"]), int(company["derivatives"]), int(company["downloads"])) == (
        2,
        2,  # b1 and x derive from m1
        350,
    )
    assert company["model_share"] == pytest.approx(1 / 3)
    assert company["dataset_share"] == pytest.approx(0.5)
    assert company["space_share"] == pytest.approx(1 / 3)
    assert company["download_share"] == pytest.approx(0.875)
    academic = _row(df, level="kind", org_kind="academic")
    # biglab: 1 model, x derives from b1, 10 downloads of 400
    assert (int(academic["models"]), int(academic["derivatives"])) == (1, 1)
    assert academic["download_share"] == pytest.approx(0.025)
    unmapped = _row(df, level="kind", org_kind="unmapped")
    # u1: 2 models of 6, 2 spaces of 3, 40 downloads (0.1); its self link is no derivative
    assert (int(unmapped["models"]), int(unmapped["spaces"]), int(unmapped["derivatives"])) == (
        2,
        2,
        0,
    )
    assert unmapped["space_share"] == pytest.approx(2 / 3)
    assert unmapped["model_share"] == pytest.approx(1 / 3)
    legacy = _row(df, level="kind", org_kind="(no owner in id)")
    # the legacy model: 1 of 6, no owner counted
    assert (int(legacy["models"]), int(legacy["authors"])) == (1, 0)
    assert legacy["model_share"] == pytest.approx(1 / 6)
    assert unmapped["download_share"] == pytest.approx(0.1)
    # the kinds' shares add up to the whole Hub
    kinds = df[df["level"] == "kind"]
    for share in ("model_share", "dataset_share", "space_share", "download_share"):
        assert kinds[share].sum() == pytest.approx(1.0)
    assert _row(df, level="country", org_kind="academic")["country"] == "DE"
    # kinds in the mapping's order, unmapped last
    assert kinds["org_kind"].tolist() == ["company", "academic", "unmapped", "(no owner in id)"]


def test_modelverse_organizations_and_their_largest_repositories(mv: Lineage) -> None:
    df = explorers.modelverse(mv, n=1, top_repos=1, org_map=ORG_MAP)
    orgs = df[df["level"] == "organization"]
    assert orgs["author"].tolist() == ["acme", "biglab", "u1"]
    assert _row(orgs, author="acme")["country"] == "US"
    repos = df[df["level"] == "repository"]
    got = {(r.author, r.repo_kind): r.repo_id for r in repos.itertuples()}
    # the most downloaded model and dataset, the most liked space (s2: 5 likes over s3: 1)
    assert got == {
        ("acme", "models"): "acme/m1",
        ("acme", "datasets"): "acme/d1",
        ("acme", "spaces"): "acme/s1",
        ("biglab", "models"): "biglab/b1",
        ("u1", "models"): "u1/x",
        ("u1", "datasets"): "u1/d2",
        ("u1", "spaces"): "u1/s2",
    }
    assert pd.isna(_row(repos, repo_id="u1/s2")["downloads"])  # spaces have no downloads
    assert list(df.columns) == list(MV_COLUMNS)
    assert not set(mv.con.execute("SHOW TABLES").df()["name"]) & {"explorers_mv_authors"}
    with pytest.raises(HubObsError, match="top_repos must be at least 1"):
        explorers.modelverse(mv, top_repos=0, org_map=ORG_MAP)


def test_modelverse_payload_keeps_hostile_ids_as_data(mv: Lineage) -> None:
    df = explorers.modelverse(mv, n=1, top_repos=1, org_map=ORG_MAP)
    df.loc[df["repo_id"] == "acme/m1", "repo_id"] = "acme/<script>x</script>\u0007"
    data = explorers.modelverse_payload(df)
    assert data["kinds"] == ["company", "academic", "unmapped", "(no owner in id)"]
    ids = [r[data["columns"].index("repo_id")] for r in data["rows"]]
    assert "acme/<script>x</script>" in ids  # control character removed, text kept as text
    fig = explorers.Explorer(
        name="mv",
        script="modelverse",
        title="t",
        description="d",
        source_line="s",
        generated=True,
        data=data,
        csv_href="mv.csv",
    )
    html = fig.html()
    assert "<script>x</script>" not in html and "\\u003cscript\\u003e" in html
    assert "Generated sample" in html


# --- family trees ------------------------------------------------------------------------------


@pytest.fixture()
def trees() -> Lineage:
    """Family R: R org/root (100 downloads) <- A a/ft (finetune, 50) <- B b/q (quantized, 40);
    M m/merge (30) merges A and B; S s/self (20) names R and itself.
    A cycle: X c/x -> Y c/y -> X, and C c/child (5) -> X. P p/alone has no link."""
    models = [
        repo("R", "org/root", 100),
        repo("A", "a/ft", 50, baseModels=bm("finetune", ("R", "org/root"))),
        repo("B", "b/q", 40, baseModels=bm("quantized", ("A", "a/ft"))),
        repo("M", "m/merge", 30, baseModels=bm("merge", ("A", "a/ft"), ("B", "b/q"))),
        repo("S", "s/self", 20, baseModels=bm("finetune", ("R", "org/root"), ("S", "s/self"))),
        repo("X", "c/x", 3, baseModels=bm("finetune", ("Y", "c/y"))),
        repo("Y", "c/y", 2, baseModels=bm("finetune", ("X", "c/x"))),
        repo("Z", "c/child", 5, baseModels=bm("adapter", ("X", "c/x"))),
        repo("P", "p/alone", 1),
    ]
    return Lineage(build({"models": models}))


def _values(df: pd.DataFrame, cols: list[str]) -> list[list[Any]]:
    return [[None if pd.isna(v) else v for v in row] for row in df[cols].values.tolist()]


def test_family_tree_rows_with_a_merge_a_self_link_and_a_cycle(trees: Lineage) -> None:
    df = explorers.family_trees(trees, n=5)
    # two families with derivatives: R (A, S, B, M: 4) then the cycle (Y, C: 2); P has none
    assert df.drop_duplicates("family")["family"].tolist() == ["org/root", "c/x"]
    r = df[df["family"] == "org/root"]
    # members by generation then downloads: R; A (50), S (20); B (40), M (30 via A)
    assert _values(r, ["node", "parent", "relation", "depth", "mark"]) == [
        ["org/root", None, "", 0, "root"],
        ["a/ft", "org/root", "finetune", 1, ""],
        ["s/self", "org/root", "finetune", 1, ""],
        ["s/self", "s/self", "finetune", 1, "self"],
        ["b/q", "a/ft", "quantized", 2, ""],
        ["m/merge", "a/ft", "merge", 2, ""],
        ["m/merge", "b/q", "merge", 2, ""],
    ]
    # the merge names two parents in the family, the self-linked model one (itself left out)
    assert dict(zip(r["node"], r["parents"], strict=False))["m/merge"] == 2
    assert _row(r, node="s/self", mark="self")["parents"] == 1
    assert r["downloads"].tolist() == [100, 50, 20, 20, 40, 30, 30]
    c = df[df["family"] == "c/x"]
    # the cycle's family is named after its smallest key (X); X's and Y's links are the cycle
    assert _values(c, ["node", "parent", "depth", "mark"]) == [
        ["c/x", "c/y", 0, "cycle"],
        ["c/child", "c/x", 1, ""],
        ["c/y", "c/x", 1, "cycle"],
    ]
    assert c["relation"].tolist() == ["finetune", "adapter", "finetune"]


def test_a_family_larger_than_the_limit_keeps_the_members_nearest_the_root(trees: Lineage) -> None:
    df = explorers.family_trees(trees, n=1, max_nodes=3)
    # R, then generation 1 (A, S): B and M are cut; S's self link stays marked
    assert df["node"].tolist() == ["org/root", "a/ft", "s/self", "s/self"]
    assert set(df["family_rank"]) == {1}
    with pytest.raises(HubObsError, match="max_nodes must be at least 1"):
        explorers.family_trees(trees, max_nodes=0)


def test_the_tree_payload_lists_parents_by_index(trees: Lineage) -> None:
    data = explorers.family_trees_payload(explorers.family_trees(trees, n=5))
    assert data["relations"] == ["finetune", "quantized", "adapter", "merge", "unknown"]
    r, c = data["families"]
    assert r["ids"] == ["org/root", "a/ft", "s/self", "b/q", "m/merge"]
    assert r["parents"] == [[], [0], [0], [1], [1, 3]]  # M under A and under B
    assert r["self"] == [2] and r["cycle"] == []
    assert r["depth"] == [0, 1, 1, 2, 2]
    assert r["relation"] == [-1, 0, 0, 1, 3]  # the root states none
    assert c["ids"] == ["c/x", "c/child", "c/y"]
    assert c["parents"] == [[2], [0], [0]]  # X's parent is Y, a descendant: the cycle
    assert c["cycle"] == [0, 2]


def test_cycle_members_are_the_strongly_connected_nodes() -> None:
    links = [("a", "b"), ("b", "c"), ("c", "a"), ("d", "a"), ("e", "e"), ("f", "g"), ("g", "f")]
    assert cycle_members(links) == {"a", "b", "c", "f", "g"}
    # a long chain does not recurse (iterative walk)
    chain = [(str(i), str(i + 1)) for i in range(20_000)]
    assert cycle_members(chain) == set()
    assert cycle_members([*chain, ("20000", "0")]) == {str(i) for i in range(20_001)}


# --- pages --------------------------------------------------------------------------------------


def test_explorer_writes_its_data_and_says_week_and_revision(
    trees: Lineage, tmp_path: Path
) -> None:
    df = explorers.family_trees(trees, n=5)
    page = explorers.explorer(
        "explorers.family_trees",
        df,
        explorers.family_trees_payload(df),
        provenance=PROV,
        outdir=tmp_path,
    )
    with (tmp_path / "explorers-family-trees.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:7] == [
        "family",
        "family_rank",
        "node",
        "parent",
        "relation",
        "depth",
        "downloads",
    ]
    assert rows[1][:7] == ["org/root", "1", "org/root", "", "", "0", "100"]
    assert len(rows) == 1 + len(df)
    meta = (tmp_path / "explorers-family-trees.csv-metadata.json").read_text(encoding="utf-8")
    assert (
        "shortest distance from the root"
        in json.loads(meta)["tableSchema"]["columns"][5]["dc:description"]
    )
    html = page.html()
    assert "week of 2025-03-05, revision test" in html
    assert 'href="explorers-family-trees.csv"' in html
    # the script and style are the asset files, not Python strings
    assets = PROJECT_ROOT / "analysis/explorers/assets"
    assert (assets / "family-trees.js").read_text(encoding="utf-8") in html
    assert (assets / "family-trees.css").read_text(encoding="utf-8") in html
    with pytest.raises(HubObsError, match="columns without a description: extra"):
        explorers.explorer(
            "explorers.family_trees", df.assign(extra=1), {}, provenance=PROV, outdir=tmp_path
        )


def test_the_explorers_index_lists_the_six_tools() -> None:
    text = (PROJECT_ROOT / "explorers/index.qmd").read_text(encoding="utf-8")
    tools = re.findall(r"^- \[\*\*(.+?)\*\*\]\(([^)]+)\)", text, re.M)
    assert [t for t, _ in tools] == [
        "Base Model Explorer",
        "Organization Heat Map",
        "Dataset Explorer",
        "ModelVerse",
        "Family Trees",
        "Search by capability",
    ]
    for name, target in tools:
        if name != "Search by capability":  # built by another engineer's branch
            assert (PROJECT_ROOT / "explorers" / target).is_file(), target
    assert dict(tools)["Search by capability"] == "search/index.ipynb"


@pytest.mark.slow
def test_both_pages_run_on_a_models_only_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's real-data route: a root of two models weeks, nothing else
    (tests/real_roots.py). Both pages run; ModelVerse says datasets and spaces are missing."""
    import nbformat
    import real_roots as rr

    from analysis.notebooks import execute_notebook

    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path / "cache"))
    root = rr.models_only(tmp_path / "root")
    texts = {}
    for page in ("modelverse", "family-trees"):
        out = tmp_path / page / "index.ipynb"
        out.parent.mkdir()
        execute_notebook(
            PROJECT_ROOT / "explorers" / page / "index.ipynb", out, {"root": str(root)}, timeout=600
        )
        nb = nbformat.read(out, as_version=4)
        outputs = [o for c in nb.cells for o in c.get("outputs", [])]
        assert not [o for o in outputs if o.get("output_type") == "error"], page
        texts[page] = "\n".join(str(o.get("data", {})) for o in outputs)
        assert "week of 2025-06-11" in texts[page]
        assert "Generated sample" not in texts[page]  # a real-shaped root is not the sample
    assert "No datasets and spaces in this data" in texts["modelverse"]
    # the one mapped owner: HuggingFaceTB (data/organizations.csv)
    assert "knows 1 of the 14 authors of models" in texts["modelverse"]
    assert "HuggingFaceTB/SmolLM2-1.7B" in texts["family-trees"]
    with (tmp_path / "family-trees" / "explorers-family-trees.csv").open(encoding="utf-8") as fh:
        first = next(csv.DictReader(fh))
    assert (first["node"], first["mark"], first["downloads"]) == (rr.SMOL, "root", "5000")
