"""What a weekly report version holds: a chart and a computed paragraph per part, with the
numbers of the analyses' metric functions, counted here by hand on a tiny root; its citation
(BibTeX, CSL-JSON, CITATION.cff) parsed back; a root with only models still builds a report
that says what is missing."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from html import escape as escape_html
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import yaml
from snapshot_root import WEEKS, build_root, models_rows, write

from analysis import build, escape
from analysis import week as wk
from analysis.errors import HubObsError
from analysis.notebooks import front_matter, read
from analysis.reports import citation
from analysis.reports import versions as rv

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import real_roots as rr

W1, W2, W3 = WEEKS
#: A Hub id that would be markup if it were not escaped (Markdown emphasis, an HTML tag).
HOSTILE = "newco/**bold**<img src=x onerror=alert(1)>"
CHARTS = (
    "changes",
    "new-models",
    "new-datasets",
    "gained",
    "newcomers",
    "active",
    "attention",
    "licences",
    "quality",
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny root, with one more model in the last week: the first repository of a new
    owner (5 downloads, 2 likes), whose id is hostile text."""
    r = build_root(tmp_path_factory.mktemp("root"))
    rows = models_rows(W3, 3)
    rows.append(
        {
            "_id": "n0",
            "id": HOSTILE,
            "author": "newco",
            "createdAt": dt.datetime.combine(W3, dt.time(9)) + dt.timedelta(days=2),
            "downloads": 5,
            "likes": 2,
            "tags": ["license:mit"],
        }
    )
    write(r, "models", W3, rows)
    return r


def _opts(root: Path, project: Path, weeks: tuple[dt.date, ...]) -> build.BuildOptions:
    return build.BuildOptions(
        root=root,
        project=project,
        notebooks=False,
        render=False,
        log=lambda m: None,
        report_weeks=weeks,
    )


def test_the_parts_of_the_week_are_the_metrics_numbers(root: Path) -> None:
    page = wk.page(root, W3, 1)
    try:
        p = page.parts
        ch = p.changes.set_index(["kind", "lag"])
        # models: 2 old + 3 + 1 new in W3 = 6; W2 had 2 + 2 = 4; no week 4 or 52 weeks before
        assert (ch.loc[("models", 1), "repos"], ch.loc[("models", 1), "change"]) == (6, 2)
        assert ch.loc[("models", 1), "change_share"] == pytest.approx(0.5)
        assert not ch.loc[("models", 4), "base_present"]
        assert pd.isna(ch.loc[("models", 4), "change"])
        assert pd.isna(ch.loc[("models", 52), "change"])
        assert ch.loc[("datasets", 1), "change"] == 1  # 4 datasets against 3
        # the spaces file of W3 repeats W2's: marked, never a change of zero
        assert bool(ch.loc[("spaces", 1), "is_repeat"]) and pd.isna(ch.loc[("spaces", 1), "change"])

        by_dl = p.new_models[p.new_models["by"] == "downloads"]
        assert list(by_dl["id"]) == ["fict/m0319-2", "fict/m0319-1", "fict/m0319-0", HOSTILE]
        assert list(by_dl["downloads"]) == [30, 20, 10, 5]
        by_likes = p.new_models[p.new_models["by"] == "likes"]
        assert by_likes.iloc[0]["id"] == HOSTILE and by_likes.iloc[0]["likes"] == 2
        assert p.new_datasets.empty or (p.new_datasets["downloads"].fillna(0) == 0).all()

        # the three new fine-tunes of W3 name acme/base
        assert list(p.gained["parent_id"]) == ["acme/base"]
        assert (p.gained.iloc[0]["relation"], p.gained.iloc[0]["gained"]) == ("finetune", 3)
        assert p.releases.empty  # acme/base was created 30 days before the first week

        new = p.newcomers[pd.to_datetime(p.newcomers["week"]).dt.date == W3]
        assert list(new["author"]) == ["newco"] and int(new.iloc[0]["repos"]) == 1
        assert p.newcomers[pd.to_datetime(p.newcomers["week"]).dt.date != W3].empty
        models_active = p.active[p.active["repo_kind"] == "models"]
        assert list(models_active["author"]) == ["fict", "newco"]
        assert list(models_active["created"]) == [3, 1]
        assert p.active[p.active["repo_kind"] == "spaces"].empty  # a repeated week: no activity

        a = p.attention.set_index(pd.to_datetime(p.attention["week"]).dt.date).loc[W3]
        # downloads 0, 0, 10, 20, 30, 5: a third with none; the top 1% (1 model) holds 30 of 65
        assert a["zero_share"] == pytest.approx(1 / 3)
        assert a["top1_share"] == pytest.approx(30 / 65)
        lic = p.licences[pd.to_datetime(p.licences["week"]).dt.date == W3].set_index("licence")
        assert lic.loc["mit", "repos"] == 1 and lic.loc["(none declared)", "repos"] == 5
        q = p.quality.set_index(["kind", "check"])
        assert q.loc[("models", "duplicate_ids"), "found"] == 0
        assert q.loc[("models", "duplicate_ids"), "rows"] == 6
        assert pd.isna(q.loc[("datasets", "self_links"), "found"])  # does not apply

        text = page.paragraph("new_models").to_markdown()
        assert escape.markdown(HOSTILE) in text  # shown literally: no emphasis, no tag
        assert "**bold" not in text and re.search(r"(?<!\\)<img", text) is None
        assert "+2 (+50.0%) from 1 week before" in page.paragraph("repositories").to_markdown()
        rep = page.paragraph("repositories").to_markdown()
        assert "spaces file repeats the week before" in rep
        assert "no week 4 weeks before in the data" in rep
        assert "1 owner is new to the Hub" in page.paragraph("organizations").to_markdown()
    finally:
        page.close()


def _bibtex(text: str) -> dict[str, str]:
    """A small BibTeX reader: one entry, ``key = {value}`` fields (values may nest braces)."""
    m = re.match(r"\s*@(\w+)\{([^,]+),", text)
    assert m, text
    fields = {"ENTRYTYPE": m.group(1), "ID": m.group(2)}
    i = m.end()
    while True:
        f = re.compile(r"\s*(\w+)\s*=\s*\{").match(text, i)
        if not f:
            break
        depth, j = 1, f.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        fields[f.group(1)] = text[f.end() : j - 1]
        i = j + 1 if j < len(text) and text[j] == "," else j
    assert text[i:].strip() == "}", text[i:]
    return fields


def _figures(nb_path: Path) -> list[dict[str, Any]]:
    nb = read(nb_path)
    return [
        o["data"]
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
        if "hubobs-figure" in "".join(o.get("data", {}).get("text/html", ""))
    ]


def test_a_version_has_its_charts_data_and_a_citation_that_parses(
    root: Path, project: Path
) -> None:
    assert build.run(_opts(root, project, (W3,))) == 0
    (v,) = rv.versions(project / "reports")
    folder = v.folder
    figures = _figures(folder / "index.ipynb")
    assert len(figures) >= 6 and all("image/svg+xml" in f for f in figures)
    for name in CHARTS:
        for ext in (".csv", ".parquet", ".csv-metadata.json"):
            assert (folder / f"week-{name}{ext}").is_file(), name + ext
    # the links of the figures point to the version's permanent folder, not the build's
    html = "".join("".join(f["text/html"]) for f in figures)
    assert f'data-csv="reports/{W3.isoformat()}/week-changes.csv"' in html
    assert ".partial-" not in html
    changes = pd.read_csv(folder / "week-changes.csv")
    models = changes[(changes["kind"] == "models") & (changes["period"] == "1 week")].iloc[0]
    assert (models["repos"], models["base_repos"], models["change"]) == (6, 4, 2)
    assert set(changes.loc[changes["kind"] == "spaces", "status"]) == {
        "this week repeats the week before: not a measurement"
    }
    top = pd.read_parquet(folder / "week-new-models.parquet")
    assert top[top["by"] == "likes"].iloc[0]["id"] == HOSTILE  # the data keeps the id as it is

    meta = front_matter(read(folder / "index.ipynb"))
    assert set(meta["format"]) == {"html", "typst"} and meta["format-links"] == ["typst"]
    url = f"{build.site_url(project)}/reports/{W3.isoformat()}/"
    revision = "0123456789abcdef0123456789abcdef01234567"

    bib = _bibtex((folder / citation.BIBTEX_FILE).read_text())
    assert bib["ENTRYTYPE"] == "techreport" and bib["ID"] == f"hubobs-report-{W3.isoformat()}"
    assert bib["author"] == "{Hub Observatory contributors}"  # a literal name, never split
    assert bib["url"] == url and bib["version"] == "1"
    assert W3.isoformat() in bib["note"] and revision in bib["note"]

    (item,) = json.loads((folder / citation.CSL_FILE).read_text())
    assert item["type"] == "report" and item["URL"] == url and item["version"] == "1"
    assert item["author"] == [{"literal": "Hub Observatory contributors"}]
    assert W3.isoformat() in item["title"] and revision in item["note"]
    assert len(item["issued"]["date-parts"][0]) == 3

    cff = yaml.safe_load((folder / citation.CFF_FILE).read_text())
    assert cff["cff-version"] == "1.2.0" and cff["url"] == url and cff["version"] == "1"
    assert cff["authors"] == [{"name": "Hub Observatory contributors"}]
    assert revision in cff["preferred-citation"]["notes"]

    listed = {o["path"] for o in json.loads((folder / "provenance.json").read_text())["outputs"]}
    assert set(citation.FILES) | {f"week-{n}.csv" for n in CHARTS} <= listed

    # the page's citation box shows the same APA line (HTML-escaped on the site)
    outputs = [
        "".join(o.get("data", {}).get("text/html", ""))
        for c in read(folder / "index.ipynb").cells
        for o in c.get("outputs", [])
    ]
    box = [h for h in outputs if "hubobs-citation" in h]
    assert len(box) == 1 and escape_html(citation.apa(meta)) in box[0]


def test_a_root_with_only_models_builds_a_report_that_says_what_is_missing(
    tmp_path: Path, project: Path
) -> None:
    root = rr.models_only(tmp_path / "root")
    assert build.run(_opts(root, project, (rr.W2,))) == 0
    (v,) = rv.versions(project / "reports")
    text = (v.folder / "index.ipynb").read_text()
    assert "No datasets and spaces in this data" in text
    assert "hubobs fetch --week latest --kind datasets" in text
    assert "The data holds no datasets file for this week." in text
    assert len(_figures(v.folder / "index.ipynb")) >= 6
    assert (v.folder / "citation.bib").is_file()


def test_the_apa_line_names_version_week_revision_and_url() -> None:
    from analysis.provenance import Provenance

    prov = Provenance(weeks=(W3,), revision="a" * 40, generated=False)
    meta = rv.front_matter(
        W3, 2, site_url="https://example.org/site", published=dt.date(2026, 1, 5), prov=prov
    )
    line = citation.apa(meta)
    assert line.startswith("Hub Observatory contributors. (2026, January 5). State of the Hub")
    assert "(Version 2; snapshot week 2025-03-19; dataset hfmlsoc/hub_weekly_snapshots" in line
    assert "a" * 40 in line and line.endswith("https://example.org/site/reports/2025-03-19-v2/")
    meta["dataset-revision"] = "abc}\\x"
    with pytest.raises(HubObsError, match="not a plain identifier"):
        citation.bibtex(meta)
