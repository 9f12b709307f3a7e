"""Consistency of the site's sources (no Quarto needed): config, citation metadata, parameters,
links, and no third-party loads."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from site_sources import (
    ROOT,
    front_matter,
    ipynb_front_matter,
    is_rendered,
    is_resource,
    links,
    notebook,
    notebook_texts,
    quarto_config,
    remote_loads,
    rendered_pages,
    shortcodes,
    yaml_hrefs,
)

from analysis import build, definitions
from analysis.notebooks import declared_parameters, read
from analysis.reports import citation
from analysis.reports.versions import SLUG

NAVBAR = ["Home", "Posts", "Reports", "Explorers", "Summaries", "Paper", "Data", "Methods", "About"]

#: Files a build or Quarto writes, which links and includes may name before they exist.
GENERATED = {
    build.HEADLINE_FILE,
    build.BANNER_FILE,
    build.NOTICE_FILE,
    build.METHODS_FILE,
    build.QUALITY_FILE,
    "posts/index.xml",
    "_generated/report-changes.md",
    "reports/index.json",
    "reports/changes.json",
    "reports/feed.xml",
}

#: Third-party hosts the site may LINK to (never load from), and why.
LINK_HOSTS = {
    "huggingface.co": "the snapshot dataset's page (ODbL attribution)",
    "opendatacommons.org": "the ODbL licence text",
    "doi.org": "citations",
    "arxiv.org": "citations",
    "keepachangelog.com": "the changelog's format",
    "github.com": "the project's repository",
}


def _site_hosts() -> set[str]:
    site = quarto_config()["website"]
    return {urlsplit(site["site-url"]).netloc, urlsplit(site.get("repo-url", "")).netloc} - {""}


def _posts() -> list[Path]:
    return sorted([*ROOT.glob("posts/*/index.qmd"), *ROOT.glob("posts/*/index.ipynb")])


def _report_versions() -> list[Path]:
    return sorted(p for p in ROOT.glob("reports/*/index.ipynb") if SLUG.match(p.parent.name))


# --- _quarto.yml -------------------------------------------------------------------------------


def test_quarto_website_navbar_search_and_feed() -> None:
    cfg = quarto_config()
    assert cfg["project"]["type"] == "website"
    site = cfg["website"]
    assert site["title"] == "Hub Observatory"
    assert site["site-url"].startswith("https://")
    assert [item["text"] for item in site["navbar"]["left"]] == NAVBAR
    assert site["search"]["location"] == "navbar"
    assert "algolia" not in site["search"]  # Quarto's built-in, local search index
    assert qmd_listing(ROOT / "posts/index.qmd")["feed"] is True


def qmd_listing(path: Path) -> dict[str, object]:
    listing = front_matter(path)["listing"]
    return listing[0] if isinstance(listing, list) else listing


def test_themes_light_and_dark_without_web_fonts_or_math_from_a_cdn() -> None:
    html = quarto_config()["format"]["html"]
    light, dark = html["theme"]["light"], html["theme"]["dark"]
    for theme in (light, dark):
        scss = [ROOT / t for t in theme if str(t).endswith(".scss")]
        assert scss, "each theme layers our SCSS over the Bootswatch theme"
        assert any(re.search(r"^\$web-font-path:\s*false;", p.read_text(), re.M) for p in scss), (
            "Bootswatch themes @import Google Fonts unless $web-font-path is false"
        )
    assert html["html-math-method"] in {"mathml", "plain"}
    for key in ("include-in-header", "include-after-body", "css"):
        for value in [html.get(key)] if isinstance(html.get(key), str) else html.get(key) or []:
            assert not str(value).startswith(("http:", "https:", "//")), key
    cfg = quarto_config()
    for key in ("google-analytics", "cookie-consent", "comments", "plausible-analytics"):
        assert key not in cfg["website"] and key not in html, key


def test_every_page_carries_the_sample_banner_partial() -> None:
    assert quarto_config()["format"]["html"]["include-before-body"] == build.BANNER_FILE


def test_notebooks_are_never_executed_by_quarto() -> None:
    assert quarto_config()["execute"]["enabled"] is False


def test_resources_copy_data_and_vendored_assets() -> None:
    resources = quarto_config()["project"]["resources"]
    for needed in (
        "assets/vendor/**",
        "reports/*/*.csv",
        "reports/*/*.parquet",
        "reports/*/provenance.json",
    ):
        assert needed in resources


# --- citation metadata and parameters ----------------------------------------------------------


def test_every_post_has_citation_metadata() -> None:
    shared = yaml.safe_load((ROOT / "posts/_metadata.yml").read_text())
    posts = _posts()
    assert posts, "at least the welcome post"
    for post in posts:
        meta = {**shared, **front_matter(post)}
        assert meta.get("title") and meta.get("date") and meta.get("author"), post
        assert meta.get("citation"), f"{post}: no citation metadata"
        assert meta.get("google-scholar") is True, post


def test_every_report_version_has_citation_metadata() -> None:
    for nb in _report_versions():
        meta = ipynb_front_matter(nb)
        slug = nb.parent.name
        assert slug.split("-v")[0] in meta["title"], nb
        assert meta["citation"]["type"] == "report", nb
        assert meta["citation"]["url"].endswith(f"/reports/{slug}/"), nb
        assert meta["google-scholar"] is True and meta["author"] and meta["date"], nb
        assert (nb.parent / "provenance.json").is_file() and (
            nb.parent / "DATA-LICENSE.md"
        ).is_file(), nb


def test_the_paper_is_citable_and_renders_to_html_and_typst() -> None:
    meta = front_matter(ROOT / "paper/index.qmd")
    assert set(meta["format"]) == {"html", "typst"}
    assert meta["citation"] and meta["google-scholar"] is True
    assert (ROOT / "paper" / meta["bibliography"]).is_file()


def test_every_parameterized_notebook_declares_its_parameters() -> None:
    template = ROOT / "reports/_template.ipynb"
    assert {"root", "week", "version"} <= set(declared_parameters(read(template), template))
    for path in sorted(ROOT.glob("notebooks/*.ipynb")):
        declared = declared_parameters(read(path), path)  # raises without a parameters cell
        assert {"root", "start", "end"} <= set(declared), f"{path}: declares {sorted(declared)}"
    for path in sorted(ROOT.glob("posts/*/index.ipynb")):
        assert "root" in declared_parameters(read(path), path), path


def test_paper_bibliography_has_the_related_work() -> None:
    bib = (ROOT / "paper/references.bib").read_text()
    for needle in (
        "10.1145/3715275.3732206",
        "2508.06811",
        "2405.13058",
        "What is the {Hugging Face} Community Building?",
    ):
        assert needle in bib
    keys = set(re.findall(r"@\w+\{([^,]+),", bib))
    cited = set(
        re.findall(
            r"@([A-Za-z][\w:-]*[\w])", (ROOT / "paper/index.qmd").read_text().split("---", 2)[2]
        )
    )
    assert cited - {"fig"} <= keys, f"cited but not in references.bib: {cited - keys}"


# --- links -------------------------------------------------------------------------------------


def _check_target(page: Path, target: str, problems: list[str], *, page_link: bool = True) -> None:
    if target.startswith(("http://", "https://", "mailto:", "#")):
        return
    path = target.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return
    resolved = (page.parent / path).resolve()
    try:
        rel = resolved.relative_to(ROOT).as_posix()
    except ValueError:
        problems.append(f"{page.relative_to(ROOT)}: {target} leaves the project")
        return
    if rel in GENERATED:
        return
    if not resolved.exists():
        problems.append(f"{page.relative_to(ROOT)}: {target} -> {rel} does not exist")
    elif (
        page_link
        and resolved.suffix in {".qmd", ".md", ".ipynb"}
        and not (is_rendered(rel) or is_resource(rel))
    ):
        problems.append(
            f"{page.relative_to(ROOT)}: {target} -> {rel} is not rendered (add it to project.render)"
        )


def _pages_to_check() -> list[Path]:
    return [*rendered_pages(), *sorted(ROOT.glob("notebooks/*.ipynb"))]


def test_no_link_points_to_a_missing_page_or_file() -> None:
    problems: list[str] = []
    for page in _pages_to_check():
        for target in links(page):
            _check_target(page, target, problems)
        for kind, target in shortcodes(page):
            # an embedded notebook need not be a page of its own
            _check_target(page, target.split("#")[0], problems, page_link=kind != "embed")
            if kind == "embed" and "#" in target:
                nb_path = (page.parent / target.split("#")[0]).resolve()
                label = target.split("#", 1)[1]
                if nb_path.is_file():
                    sources = ["".join(c["source"]) for c in notebook(nb_path)["cells"]]
                    if not any(
                        re.search(rf"^#\|\s*label:\s*{re.escape(label)}\s*$", s, re.M)
                        for s in sources
                    ):
                        problems.append(
                            f"{page.relative_to(ROOT)}: {target}: no cell labelled {label}"
                        )
    for href in yaml_hrefs(quarto_config()["website"]):
        _check_target(ROOT / "_quarto.yml", href, problems)
    html = quarto_config()["format"]["html"]
    for theme in html["theme"].values():
        for t in theme:
            if str(t).endswith(".scss"):
                _check_target(ROOT / "_quarto.yml", str(t), problems)
    _check_target(ROOT / "_quarto.yml", html["include-before-body"], problems)
    assert not problems, "\n".join(problems)


def test_the_report_template_links_resolve_from_a_version_folder(tmp_path: Path) -> None:
    template = ROOT / "reports/_template.ipynb"
    written = {
        f"{table}{ext}"
        for table in definitions.load("week").tables
        for ext in (".csv", ".parquet", ".csv-metadata.json")
    } | {"DATA-LICENSE.md", "provenance.json", *citation.FILES}
    problems: list[str] = []
    version_page = ROOT / "reports" / "2000-01-05" / "index.ipynb"  # where an executed copy lives
    for target in links(template):
        if target in written:
            continue
        path = target.split("#")[0]
        if (
            path
            and not target.startswith(("http://", "https://"))
            and not (version_page.parent / path).resolve().exists()
        ):
            problems.append(target)
    assert not problems, f"template links that do not resolve from reports/<week>/: {problems}"


def test_external_links_only_to_allowed_hosts() -> None:
    allowed = set(LINK_HOSTS) | _site_hosts()
    bad = []
    for page in _pages_to_check():
        for target in links(page):
            host = urlsplit(target).netloc
            if target.startswith(("http://", "https://")) and host not in allowed:
                bad.append(f"{page.relative_to(ROOT)}: {target}")
    assert not bad, "\n".join(bad)


# --- no third-party loads ----------------------------------------------------------------------


def _load_sources() -> list[Path]:
    files = [ROOT / "_quarto.yml", *ROOT.glob("**/_metadata.yml")]
    files += [p for p in rendered_pages()]
    files += [*sorted(ROOT.glob("notebooks/*.ipynb")), ROOT / "reports/_template.ipynb"]
    files += [*sorted((ROOT / "assets").rglob("*.scss")), *sorted((ROOT / "assets").rglob("*.css"))]
    files += [p for p in (ROOT / "assets").rglob("*.html") if "vendor" not in p.parts]
    files += (
        sorted((ROOT / build.GENERATED_DIR).glob("*"))
        if (ROOT / build.GENERATED_DIR).is_dir()
        else []
    )
    return [
        f for f in files if f.is_file() and ".venv" not in f.parts and "node_modules" not in f.parts
    ]


def test_no_source_loads_anything_from_a_third_party_host() -> None:
    found = []
    for path in _load_sources():
        texts = (
            notebook_texts(path) if path.suffix == ".ipynb" else [path.read_text(encoding="utf-8")]
        )
        for text in texts:
            found += [f"{path.relative_to(ROOT)}: ...{hit}..." for hit in remote_loads(text)]
    assert not found, "\n".join(found)


def test_the_load_detector_finds_loads_and_ignores_links() -> None:
    loads = [
        '<script src="https://cdn.jsdelivr.net/npm/vega@6"></script>',
        "@import url('https://fonts.googleapis.com/css2?family=Lato');",
        "background: url(//example.org/x.png)",
        '<link rel="stylesheet" href="https://example.org/a.css">',
        "<img src=https://example.org/a.png>",
    ]
    for text in loads:
        assert remote_loads(text), text
    for text in (
        '<a href="https://doi.org/10.1145/3715275.3732206">doi</a>',
        "[ODbL](https://opendatacommons.org/)",
        '<script src="../../assets/vendor/vega/vega.min.js"></script>',
    ):
        assert not remote_loads(text), text


def test_rendered_page_list_covers_every_page() -> None:
    rel = {p.relative_to(ROOT).as_posix() for p in rendered_pages()}
    for page in (
        "index.qmd",
        "about.qmd",
        "methods.qmd",
        "data.qmd",
        "posts/index.qmd",
        "reports/index.qmd",
        "explorers/index.qmd",
        "paper/index.qmd",
        "posts/2026-11-28-welcome/index.qmd",
    ):
        assert page in rel, page
    assert "reports/_template.ipynb" not in rel


@pytest.mark.parametrize(
    "page", ["index.qmd", "posts/index.qmd", "reports/index.qmd", "explorers/index.qmd"]
)
def test_listings_are_declared(page: str) -> None:
    assert front_matter(ROOT / page).get("listing"), page


def test_the_supported_quarto_versions_are_declared_and_said_in_the_readme() -> None:
    required = quarto_config().get("quarto-required")
    assert required == ">=1.7.0", "Quarto refuses older versions itself (document option)"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f'quarto-required: "{required}"' in readme and "Quarto 1.7.34" in readme
