"""The search page's HTML: a labelled search box, one labelled list per facet, a sort list, a
live region with the result count and the results as a list of links, then the index's week,
revision and what it leaves out, the data download and the generated-sample label.

The page's script and style are the asset files ``assets/search/search.js`` and
``search.css`` (copied to the site as they are, ``_quarto.yml`` ``resources``), linked, never
inlined. The index (``search-index.json.gz``) and its CSV are written beside the page's other
data files (:func:`analysis.publish.chart.output_dir`) and found from the page by relative
links, or from the site root through Quarto's ``quarto:offset`` meta.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import definitions, escape, tables
from analysis.paths import PROJECT_ROOT
from analysis.provenance import Provenance
from analysis.publish.chart import output_dir
from analysis.publish.figure import split_source
from analysis.search.index import FACETS, SearchIndex, write_index

if TYPE_CHECKING:
    from analysis.data import Data

NAME = "search-index"
ASSETS = "assets/search/"
#: Results shown at once (the count says how many match).
PAGE_SIZE = 50
SORTS = (
    ("relevance", "Best match"),
    ("downloads", "Downloads"),
    ("likes", "Likes"),
    ("created", "Newest"),
)


@dataclass(frozen=True)
class SearchPage:
    html: str
    # where the build wrote them (absolute: kept out of the notebook's shown output)
    index_path: Path = field(repr=False)
    csv_path: Path = field(repr=False)

    def _repr_html_(self) -> str:
        return self.html


def _rel(target: Path, page: Path) -> str:
    return Path(os.path.relpath(target, page)).as_posix()


def _site_path(path: Path) -> str | None:
    try:
        return path.resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return None


def page_html(
    index: SearchIndex,
    provenance: Provenance,
    *,
    index_href: str,
    csv_href: str,
    assets_href: str,
    index_site: str | None = None,
    index_bytes: int | None = None,
) -> str:
    """The page's HTML fragment (hrefs relative to the page; ``index_site`` the index's path
    from the site root, used where Quarto's offset meta is present)."""
    a = escape.html
    source, notice = split_source(provenance.source_line())
    facets = "".join(
        f'<div class="hs-field"><label for="hs-f-{key}">{a(label)}</label>'
        f'<select id="hs-f-{key}" data-facet="{key}" disabled>'
        '<option value="">all</option></select></div>\n'
        for key, _, label in FACETS
    )
    sorts = "".join(f'<option value="{k}">{a(label)}</option>' for k, label in SORTS)
    generated = (
        '<p class="hubobs-generated hs-generated"><strong>Generated sample:</strong> fictional '
        "models and datasets in the real schema, not facts about the Hub.</p>\n"
        if provenance.generated
        else ""
    )
    kept = []
    for kind, c in index.counts.items():
        if c.week is None:
            kept.append(f"no {kind} week in this data")
        elif c.indexed == c.rows:
            kept.append(f"all {c.rows:,} {kind} of the week of {c.week.isoformat()}")
        else:
            kept.append(
                f"the {c.indexed:,} most downloaded {kind} of the {c.rows:,} in the week of "
                f"{c.week.isoformat()} (the other {c.rows - c.indexed:,} are counted, not kept)"
            )
    how = definitions.load("explorers").definitions["Search by capability"]
    size = (
        f" The compressed index is {index_bytes / 1e6:.1f} MB." if index_bytes is not None else ""
    )
    site = f' data-index-site="{a(index_site, None)}"' if index_site else ""
    return (
        f'<link rel="stylesheet" href="{a(assets_href + "search.css", None)}">\n'
        f'<div class="hubobs-search" data-index="{a(index_href, None)}"{site} '
        f'data-page-size="{PAGE_SIZE}">\n'
        '<form class="hs-form" role="search" aria-label="Search models and datasets">\n'
        '<div class="hs-field hs-query"><label for="hs-q">Search models and datasets by what '
        "they do</label>"
        '<input id="hs-q" type="search" autocomplete="off" spellcheck="false" '
        'aria-describedby="hs-q-help" aria-controls="hs-results" disabled>'
        '<p id="hs-q-help" class="hs-help">Words of the id, task, library, tags, languages, '
        "datasets, licence, size (e.g. 7b) or card; results update as you type.</p></div>\n"
        f'<fieldset class="hs-facets"><legend>Narrow and sort the results</legend>\n'
        f'<div class="hs-grid">\n{facets}'
        f'<div class="hs-field"><label for="hs-sort">Sort by</label>'
        f'<select id="hs-sort" disabled>{sorts}</select></div>\n'
        "</div>\n</fieldset>\n</form>\n"
        '<p id="hs-status" class="hs-status" role="status" aria-live="polite" '
        'aria-atomic="true">Loading the search index…</p>\n'
        '<ol id="hs-results" class="hs-results" aria-label="Results"></ol>\n'
        "<noscript><p>The search runs in your browser and needs JavaScript; the same data is "
        "in the CSV below.</p></noscript>\n"
        '<div class="hs-notes">\n'
        f"{generated}"
        f"<p>The index holds {a('; '.join(kept), None)}."
        f"{size}</p>\n"
        f"<p>What is searched: {a(how, None)}</p>\n"
        f'<p class="hs-source">{a(source, None)} <span>{a(notice, None)}</span></p>\n'
        f'<p class="hs-download">Download the index data: <a href="{a(csv_href, None)}" '
        f'download="{a(Path(csv_href).name, None)}">CSV</a> (one row per repository, with the '
        "column descriptions beside it).</p>\n"
        "</div>\n</div>\n"
        f'<script src="{a(assets_href + "search.js", None)}"></script>\n'
    )


def index_provenance(data: Data, index: SearchIndex) -> Provenance:
    """The provenance of the files the index read: the latest week of each kind it holds."""
    kinds = [k for k, c in index.counts.items() if c.week is not None]
    weeks = sorted({c.week for c in index.counts.values() if c.week is not None})
    return data.provenance_of(kinds, weeks)


def search_page(
    index: SearchIndex, provenance: Provenance, outdir: str | os.PathLike[str] | None = None
) -> SearchPage:
    """Write the index and its CSV (to ``outdir``, default :func:`output_dir` of the working
    directory, the notebook's folder) and return the page."""
    page = Path.cwd()
    out = Path(outdir) if outdir is not None else output_dir(page)
    d = definitions.load("explorers").table("search")
    frame = index.frame()
    tables.check_columns(frame, d.columns, "the search index's CSV")  # every column documented
    index_path = write_index(index, out, NAME)
    tables.write_data(
        frame,
        out,
        NAME,
        title=d.title,
        description=d.description,
        source_line=provenance.source_line(),
        columns=d.columns,
    )
    html = page_html(
        index,
        provenance,
        index_href=_rel(index_path, page),
        csv_href=_rel(out / f"{NAME}.csv", page),
        assets_href=_rel(PROJECT_ROOT / ASSETS, page) + "/",
        index_site=_site_path(index_path),
        index_bytes=index_path.stat().st_size,
    )
    return SearchPage(html, index_path, out / f"{NAME}.csv")
