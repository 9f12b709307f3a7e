"""``hubobs build``: everything the site needs, then Quarto.

In order:

1. the snapshot root: the bundled sample is generated if missing (``analysis.sample``);
2. the per-week facts (``analysis.facts.store.build``, cached);
3. the analysis notebooks (``notebooks/*.ipynb``), notebook posts (``posts/*/index.ipynb``) and
   explorers (``explorers/*/index.ipynb``)
   executed in place with the root as parameter, skipped when nothing they depend on changed
   (their code, the snapshot files, the library code); then one draft-summary page per tracked
   model (``summaries/<slug>/index.ipynb``, :func:`execute_summary_pages`);
4. the "State of the Hub" report of each chosen week as a new version folder
   (``analysis.reports.versions.publish``: never overwriting a published version);
5. the generated partials of the site: ``_generated/headline.md`` (the Home page's numbers),
   ``_generated/sample-banner.html`` (the banner when the root is the generated sample,
   empty otherwise) and ``_generated/sample-notice.md`` (the same notice in Markdown, a callout
   in HTML and a plain block in the PDF, included by the paper so that its PDF says it too;
   empty otherwise);
6. ``quarto render`` if ``quarto`` is on PATH; otherwise it stops with exit code 3 and says
   that everything before the render is done; when the render fails, what it left beside the
   page sources (``index.typ``, ``index.html``, ``index_files/``) is removed;
7. the rendered pages made self-contained (:func:`finish_site`): Quarto adds RequireJS and
   jQuery from cdnjs.cloudflare.com to every page made from a notebook with an HTML or JavaScript
   output (it takes such outputs for JavaScript widgets); our outputs need neither, so those
   scripts are removed, and the build fails, naming the pages, if any page still loads
   anything (script, stylesheet, image, frame, CSS ``url()``) from a third-party host; the
   "cite this page" citation loses the list-item role Quarto gives it outside any list.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from analysis import atomic
from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT, SAMPLE_ROOT, cache_dir, resolve

#: Exit code when everything before the render is done but ``quarto`` is not on PATH.
EXIT_NO_QUARTO = 3
GENERATED_DIR = "_generated"
HEADLINE_FILE = f"{GENERATED_DIR}/headline.md"
BANNER_FILE = f"{GENERATED_DIR}/sample-banner.html"
#: The same notice in Markdown (a callout in HTML, a quoted block in PDF), for pages that are also
#: rendered to PDF (the paper): ``{{< include >}}`` it. Empty for real data.
NOTICE_FILE = f"{GENERATED_DIR}/sample-notice.md"
#: Every analysis' definitions as sections of the Methods page (``methods.qmd`` includes it).
METHODS_FILE = f"{GENERATED_DIR}/methods.md"
#: The row checks' counts over every week (``data.qmd`` includes it).
QUALITY_FILE = f"{GENERATED_DIR}/quality.md"
TEMPLATE = "reports/_template.ipynb"
REPORTS_DIR = "reports"
DEFAULT_SITE_URL = "https://hub-observatory.github.io/hub-observatory"

NO_QUARTO = """\
hubobs build: everything before the render is done (sample, facts, notebooks, report versions,
Home numbers, banner); the site was NOT rendered because `quarto` is not on PATH.
Install Quarto from https://quarto.org/docs/get-started/ (or `pip install quarto-cli` on a
machine with internet access), then run `quarto render` here, or `hubobs build` again."""

BANNER_HTML = (
    '<div class="sample-banner" role="note" aria-label="Generated sample">'
    "<strong>Generated sample.</strong> This site was built from the bundled "
    "<em>generated</em> sample: fictional organizations and models in the real schema of "
    "{repo}. No number, name or chart here is a fact about the Hugging Face Hub."
    "</div>\n"
)

NOTICE_TEXT = """\
This document was built from the bundled *generated* sample: fictional organizations and models
in the real schema of {repo}. No number, name or figure here is a fact about the Hugging Face
Hub."""
#: A callout in HTML; in other formats (the paper's Typst PDF) a plain quoted block: Quarto 1.7's
#: Typst callouts import the Typst package ``@preview/fontawesome``, which Typst downloads when
#: it is not in its package cache, so that an offline render would fail.
NOTICE_MD = """\
::: {{.content-visible when-format="html"}}
::: {{.callout-important .sample-notice title="Generated sample"}}
{text}
:::
:::

::: {{.content-visible unless-format="html"}}
> **Generated sample.** {text}
:::
"""


def sample_notice_markdown(generated: bool) -> str:
    """The Markdown of :data:`NOTICE_FILE`: a callout when the root is the generated sample, else
    empty (a blank line, so that the include leaves the document's blocks apart)."""
    from analysis import escape
    from analysis.schema import REPO_ID

    text = NOTICE_TEXT.format(repo=escape.markdown(REPO_ID))
    return "\n" + NOTICE_MD.format(text=text) if generated else "\n"


@dataclass
class BuildOptions:
    root: Path = SAMPLE_ROOT
    project: Path = PROJECT_ROOT
    reports: int = 3  # how many of the latest weeks get a report version
    report_weeks: Sequence[dt.date] = ()  # explicit weeks (override ``reports``)
    new_version: bool = False
    notebooks: bool = True
    force_notebooks: bool = False
    render: bool = True
    log: Callable[[str], None] = field(default=lambda msg: print(msg, file=sys.stderr))


def site_url(project: Path = PROJECT_ROOT) -> str:
    """``website.site-url`` of ``_quarto.yml`` (the base of every permanent URL)."""
    path = project / "_quarto.yml"
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return DEFAULT_SITE_URL
    url = (config.get("website") or {}).get("site-url")
    return str(url).rstrip("/") if url else DEFAULT_SITE_URL


def root_parameter(root: Path) -> str:
    """``root`` as notebooks take it: relative to the project root when inside it, else absolute."""
    path = root.resolve()
    try:
        return path.relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


def ensure_root(root: Path, log: Callable[[str], None]) -> None:
    """Generate the bundled sample when ``root`` is it and it is missing; check other roots exist."""
    if root.resolve() == SAMPLE_ROOT.resolve():
        from analysis.sample import ensure_sample

        log(f"build: sample at {root}")
        ensure_sample()
    elif not root.is_dir():
        raise HubObsError(
            f"{root}: snapshot root not found (fetch weeks with `hubobs fetch --root {root}`)"
        )


def build_facts(root: Path, log: Callable[[str], None]) -> None:
    from analysis.facts import store

    report = store.build(root, progress=False)
    log(f"build: facts computed for {len(report.computed)} fact-weeks, {report.reused} reused")


def _code_digest(project: Path) -> str:
    """Changes whenever the library code or its SQL changes."""
    h = hashlib.sha256()
    for path in sorted((project / "analysis").rglob("*")):
        if path.suffix in {".py", ".sql", ".json", ".csv"} and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(project)).encode())
            h.update(path.read_bytes())
    for extra in sorted((project / "data").glob("*.csv")):
        h.update(extra.name.encode())
        h.update(extra.read_bytes())
    return h.hexdigest()


def _notebook_code_digest(path: Path) -> str:
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    code = [c.source for c in nb.cells if c.cell_type in ("code", "markdown")]
    return hashlib.sha256(json.dumps(code).encode()).hexdigest()


def _data_digest(root: Path) -> str:
    from analysis.snapshots.sources import provenance

    prov = provenance(root)
    doc = [prov.revision, prov.generated, sorted((f.path, f.sha256) for f in prov.files)]
    return hashlib.sha256(json.dumps(doc).encode()).hexdigest()


def notebook_paths(project: Path) -> list[Path]:
    """The notebooks the build executes: analyses first, then notebook posts, then explorers."""
    return (
        sorted((project / "notebooks").glob("*.ipynb"))
        + sorted((project / "posts").glob("*/index.ipynb"))
        + sorted((project / "explorers").glob("*/index.ipynb"))
    )


def execute_notebooks(opts: BuildOptions) -> list[Path]:
    """Execute each notebook in place with ``root``; skip those whose inputs did not change."""
    from analysis import notebooks as nbs
    from analysis.publish.chart import output_dir

    stamps_path = cache_dir() / "build" / "notebooks.json"
    stamps: dict[str, str] = {}
    if stamps_path.is_file():
        stamps = json.loads(stamps_path.read_text(encoding="utf-8"))
    shared = _code_digest(opts.project) + _data_digest(opts.root)
    root_param = root_parameter(opts.root)
    ran = []
    for path in notebook_paths(opts.project):
        rel = str(path.relative_to(opts.project))
        digest = hashlib.sha256(
            (shared + _notebook_code_digest(path) + root_param).encode()
        ).hexdigest()
        outputs = output_dir(path.parent)
        if not opts.force_notebooks and stamps.get(rel) == digest and outputs.is_dir():
            opts.log(f"build: {rel} unchanged, not re-executed")
            continue
        declared = nbs.declared_parameters(nbs.read(path), path)
        # the committed notebooks declare the sample as their default root: inject only another one
        params: dict[str, Any] = (
            {"root": root_param} if "root" in declared and declared["root"] != root_param else {}
        )
        opts.log(f"build: executing {rel}")
        nbs.execute_notebook(path, path, params)
        stamps[rel] = digest
        ran.append(path)
        atomic.write_text(stamps_path, json.dumps(stamps, indent=1, sort_keys=True))
    return ran


def execute_summary_pages(opts: BuildOptions) -> list[Path]:
    """One page per tracked model of the root (``analysis/eusummary/tracked.yml``):
    ``notebooks/eusummary.ipynb`` executed with the model into ``summaries/<slug>/index.ipynb``
    (skipped when nothing it depends on changed); pages of models no longer tracked removed."""
    from analysis import notebooks as nbs
    from analysis.eusummary import pages
    from analysis.snapshots.sources import provenance

    ids = pages.tracked(provenance(opts.root).generated)
    slugs = [pages.slug(i) for i in ids]
    for old in pages.stale_pages(opts.project, slugs):
        opts.log(f"build: removing {old.relative_to(opts.project)} (model no longer tracked)")
        shutil.rmtree(old)
    stamps_path = cache_dir() / "build" / "summaries.json"
    stamps: dict[str, str] = {}
    if stamps_path.is_file():
        stamps = json.loads(stamps_path.read_text(encoding="utf-8"))
    source = opts.project / pages.NOTEBOOK
    root_param = root_parameter(opts.root)
    shared = _code_digest(opts.project) + _data_digest(opts.root) + _notebook_code_digest(source)
    ran = []
    for model, name in zip(ids, slugs, strict=True):
        out = opts.project / pages.PAGES_DIR / name / "index.ipynb"
        rel = str(out.relative_to(opts.project))
        digest = hashlib.sha256((shared + root_param + model).encode()).hexdigest()
        if not opts.force_notebooks and stamps.get(rel) == digest and out.is_file():
            opts.log(f"build: {rel} unchanged, not re-executed")
            continue
        opts.log(f"build: executing {rel} (draft summary of a tracked model)")
        nbs.execute_notebook(
            source, out, {"root": root_param, "model": model}, metadata=pages.front_matter(model)
        )
        stamps[rel] = digest
        ran.append(out)
        atomic.write_text(stamps_path, json.dumps(stamps, indent=1, sort_keys=True))
    return ran


def choose_weeks(root: Path, count: int, explicit: Sequence[dt.date]) -> list[dt.date]:
    """The report weeks: ``explicit`` ones, else the latest ``count`` weeks of the counted kinds."""
    from analysis.snapshots import SnapshotRoot
    from analysis.week import COUNTED_KINDS

    sroot = SnapshotRoot(root)
    have = sorted({w for k in COUNTED_KINDS for w in sroot.weeks(k)})
    if explicit:
        missing = [w for w in explicit if w not in have]
        if missing:
            raise HubObsError(
                f"{root}: no models, datasets or spaces file for week(s) {', '.join(map(str, missing))}; "
                f"latest weeks: {', '.join(map(str, have[-5:])) or 'none'}"
            )
        return sorted(set(explicit))
    return have[-count:] if count > 0 else []


def check_reports_source(reports_dir: Path, generated: bool) -> None:
    """Refuse to mix report versions built from the generated sample with real ones."""
    from analysis.reports.versions import versions

    other = [
        v.slug
        for v in versions(reports_dir)
        if bool(v.provenance().get("dataset", {}).get("generated_sample")) != generated
    ]
    if other:
        what = "the generated sample" if not generated else "real data"
        raise HubObsError(
            f"{reports_dir}: report version(s) {', '.join(other)} were built from {what}; this build "
            f"uses {'the generated sample' if generated else 'real data'}. The two are never published "
            "together: move those folders away (nothing was changed)."
        )


def publish_reports(opts: BuildOptions, weeks: Sequence[dt.date]) -> list[Any]:
    from analysis.reports.versions import publish
    from analysis.snapshots.sources import provenance

    reports_dir = opts.project / REPORTS_DIR
    template = opts.project / TEMPLATE
    root_param = root_parameter(opts.root)
    out = []
    for week in weeks:
        prov = provenance(opts.root, weeks=[week])
        check_reports_source(reports_dir, prov.generated)
        result = publish(
            week,
            prov,
            reports_dir=reports_dir,
            template=template,
            parameters={"root": root_param},
            site_url=site_url(opts.project),
            new_version=opts.new_version,
        )
        state = "published" if result.created else "unchanged, already published as"
        opts.log(f"build: report {week}: {state} {result.version.url_path}")
        out.append(result)
    return out


def write_partials(opts: BuildOptions) -> bool:
    """Write the Home page's numbers, the sample banner and notice, and the Methods page's
    analysis sections; return whether the root is generated."""
    from analysis import definitions, week
    from analysis.data import open_data
    from analysis.facts.quality import summary_markdown
    from analysis.schema import REPO_ID

    data = open_data(opts.root)
    try:
        s = week.summary(data.con)
        prov = data.provenance_of(weeks=[s.week])
        text = week.headline(s, prov)
        quality = summary_markdown(data.con)
        generated = prov.generated
    finally:
        data.close()
    atomic.write_text(opts.project / HEADLINE_FILE, text)
    atomic.write_text(opts.project / QUALITY_FILE, quality)
    atomic.write_text(opts.project / METHODS_FILE, definitions.methods_page_markdown())
    atomic.write_text(
        opts.project / BANNER_FILE,
        BANNER_HTML.format(repo=html.escape(REPO_ID)) if generated else "",
    )
    atomic.write_text(opts.project / NOTICE_FILE, sample_notice_markdown(generated))
    opts.log(
        f"build: Home numbers for week {s.week}, the row checks, the Methods sections and the "
        f"{'sample' if generated else 'empty'} banner written"
    )
    return generated


#: What Quarto 1.7 writes into the head of a page made from a notebook that has any
#: ``text/html`` or ``application/javascript`` output (``src/core/jupyter/widgets.ts``,
#: ``includesForJupyterWidgetDependencies``: it assumes such outputs are widgets needing
#: RequireJS and jQuery; no option turns it off): RequireJS and jQuery from cdnjs, and an inline
#: ``define('jquery', ...)`` that throws where RequireJS did not load. Our outputs (figures,
#: tables) use neither; figure.js loads the vendored Vega builds itself.
QUARTO_WIDGET_SCRIPTS = re.compile(
    r"<script\b[^>]*\bsrc=\"https://cdnjs\.cloudflare\.com/ajax/libs/(?:require\.js|jquery)/"
    r"[^\"]*\"[^>]*>\s*</script>[ \t]*\n?"
    r"|<script type=\"application/javascript\">define\('jquery', \[\],\s*function\(\) "
    r"\{return window\.jQuery;\}\)</script>[ \t]*\n?"
)

#: Quarto 1.7's "cite this page" appendix (``appendix-cite-as``) writes the formatted citation as
#: ``<div class="csl-entry quarto-appendix-citeas" role="listitem">`` with no ``role="list"``
#: around it: a list item outside any list, which screen readers misannounce (axe-core's
#: aria-required-parent, critical). It is one citation, not a list: the role is dropped.
QUARTO_CITEAS_ROLE = re.compile(
    r'(<div\b[^>]*\bclass="csl-entry quarto-appendix-citeas")\s+role="listitem"'
)

#: ``<link rel=...>`` values that make the browser fetch the link's target.
_LOADING_RELS = frozenset(
    {
        "stylesheet",
        "preload",
        "modulepreload",
        "prefetch",
        "preconnect",
        "dns-prefetch",
        "icon",
        "shortcut",
        "apple-touch-icon",
        "manifest",
    }
)
#: Elements whose attribute makes the browser load it (besides ``<link>``).
_LOADING_ATTRS: dict[str, tuple[str, ...]] = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
_CSS_REMOTE = re.compile(r"""(?:@import\s+|\burl\(\s*)["']?\s*((?:https?:)?//[^"')\s;]+)""", re.I)


def _is_remote(url: str) -> bool:
    """True for a URL on another host (``http(s)://...`` or protocol-relative ``//...``)."""
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme.lower() in {"http", "https"} and bool(parts.netloc)


class _RemoteLoads(HTMLParser):
    """Collects what a page would load from another host (as ``<tag attr=url>``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        if tag == "link":
            rels = set(values.get("rel", "").lower().split())
            if rels & _LOADING_RELS and _is_remote(values.get("href", "")):
                self.found.append(f"<link rel={values['rel']} href={values['href']}>")
        for attr in _LOADING_ATTRS.get(tag, ()):
            value = values.get(attr, "")
            urls = (
                [u.strip().split(" ")[0] for u in value.split(",")] if "srcset" in attr else [value]
            )
            if any(_is_remote(u) for u in urls):
                self.found.append(f"<{tag} {attr}={value}>")
        if "style" in values:
            self.found += [f"<{tag} style=url({u})>" for u in _CSS_REMOTE.findall(values["style"])]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [f"<style> url({u})" for u in _CSS_REMOTE.findall(data)]


def remote_loads(text: str, css: bool = False) -> list[str]:
    """What an HTML page (or, with ``css``, a stylesheet) loads from a third-party host."""
    if css:
        return [f"url({u})" for u in _CSS_REMOTE.findall(text)]
    parser = _RemoteLoads()
    parser.feed(text)
    parser.close()
    return parser.found


def finish_site(site: Path, log: Callable[[str], None]) -> None:
    """Remove Quarto's RequireJS/jQuery scripts from every page of ``site`` (see
    :data:`QUARTO_WIDGET_SCRIPTS`) and the list-item role of its "cite as" citation
    (:data:`QUARTO_CITEAS_ROLE`), then check that no page or stylesheet loads anything from a
    third-party host: :class:`HubObsError` naming each page and what it loads otherwise."""
    cleaned = 0
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        if path.suffix == ".html":
            new = QUARTO_CITEAS_ROLE.sub(r"\1", QUARTO_WIDGET_SCRIPTS.sub("", text))
            if new != text:
                atomic.write_bytes(path, new.encode("utf-8", errors="surrogateescape"))
                cleaned += 1
            text = new
        rel = path.relative_to(site).as_posix()
        found += [f"{rel}: {hit}" for hit in remote_loads(text, css=path.suffix == ".css")]
    log(f"build: Quarto's RequireJS/jQuery scripts removed from {cleaned} page(s)")
    if found:
        raise HubObsError(
            f"{site}: {len(found)} load(s) from a third-party host (the site must load nothing "
            "from outside it):\n  " + "\n  ".join(found[:50])
        )


def output_dir(project: Path) -> Path:
    """``project.output-dir`` of ``_quarto.yml`` (default ``_site``), under ``project``."""
    try:
        config = yaml.safe_load((project / "_quarto.yml").read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        config = {}
    return project / str((config.get("project") or {}).get("output-dir") or "_site")


def render(project: Path, log: Callable[[str], None]) -> int:
    quarto = shutil.which("quarto")
    if quarto is None:
        print(NO_QUARTO, file=sys.stderr)
        return EXIT_NO_QUARTO
    log(f"build: {quarto} render")
    before = _beside_sources(project)
    code = subprocess.run([quarto, "render"], cwd=project, check=False).returncode
    if code == 0:
        finish_site(output_dir(project), log)
    else:
        left = sorted(_beside_sources(project) - before)
        for path in left:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        if left:
            log(
                f"build: the failed render's intermediate files removed from the sources: "
                f"{', '.join(p.relative_to(project).as_posix() for p in left)}"
            )
    return code


#: Folders never holding a page's sources (Quarto's own state, the output, tools).
_NOT_SOURCES = frozenset(
    {".git", ".quarto", ".venv", "node_modules", "_site", "__pycache__", "data"}
)
_SOURCE_SUFFIXES = frozenset({".qmd", ".ipynb", ".md"})


def _beside_sources(project: Path) -> set[Path]:
    """Every entry of every folder of ``project`` holding a page source (``.qmd``, ``.ipynb``,
    ``.md``): where Quarto writes a page's intermediates (``index.typ``, ``index.html``,
    ``index_files/``, ``index.quarto_ipynb``), which a failed render leaves behind."""
    out: set[Path] = set()
    site = output_dir(project)
    stack = [project]
    while stack:
        folder = stack.pop()
        entries = list(folder.iterdir())
        if any(e.suffix in _SOURCE_SUFFIXES and e.is_file() for e in entries):
            out.update(entries)
        stack += [
            e
            for e in entries
            if e.is_dir()
            and not e.is_symlink()
            and e.name not in _NOT_SOURCES
            and not e.name.endswith("_files")
            and e != site
        ]
    return out


def run(opts: BuildOptions) -> int:
    ensure_root(opts.root, opts.log)
    build_facts(opts.root, opts.log)
    if opts.notebooks:
        execute_notebooks(opts)
        execute_summary_pages(opts)
    publish_reports(opts, choose_weeks(opts.root, opts.reports, opts.report_weeks))
    write_partials(opts)
    if not opts.render:
        opts.log("build: done (render skipped: --no-render)")
        return 0
    return render(opts.project, opts.log)


def _week(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _main(args: argparse.Namespace) -> int:
    opts = BuildOptions(
        root=resolve(args.root),
        reports=args.reports,
        report_weeks=tuple(args.report_week or ()),
        new_version=args.new_version,
        notebooks=not args.skip_notebooks,
        force_notebooks=args.force_notebooks,
        render=not args.no_render,
    )
    return run(opts)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "build",
        help="build the site: sample, facts, notebooks, report versions, then quarto render",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--root",
        default=os.path.relpath(SAMPLE_ROOT, PROJECT_ROOT),
        help="snapshot root (default: the bundled sample)",
    )
    p.add_argument(
        "--reports",
        type=int,
        default=3,
        metavar="N",
        help="report versions for the latest N weeks (default 3)",
    )
    p.add_argument(
        "--report-week",
        type=_week,
        action="append",
        metavar="YYYY-MM-DD",
        help="report this week (repeatable; overrides --reports)",
    )
    p.add_argument(
        "--new-version",
        action="store_true",
        help="publish a new report version even when one with the same inputs exists",
    )
    p.add_argument(
        "--skip-notebooks",
        action="store_true",
        help="do not execute the analysis notebooks and posts",
    )
    p.add_argument(
        "--force-notebooks",
        action="store_true",
        help="re-execute every notebook even if its inputs did not change",
    )
    p.add_argument("--no-render", action="store_true", help="stop before quarto render (exit 0)")
    p.set_defaults(func=_main)
