"""An explorer drawn by its own script rather than a Vega-Lite chart (ModelVerse, family trees):
an HTML section holding the page's data as inline JSON, its script and style (asset files in
``assets/`` beside this module, never Python strings), the source line (weeks, revision, ODbL
notice), the generated-sample label and the data download (CSV, parquet and column
descriptions, written by :func:`analysis.tables.write_data` where figures' data goes).

Scripts read the data with ``JSON.parse`` and write Hub text with ``textContent`` (never as
markup); links to the Hub are built from URL-encoded id parts. Nothing is fetched.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis import atomic, definitions, escape, tables
from analysis.errors import HubObsError
from analysis.publish.chart import _csv_site_path, _site_dir, output_dir
from analysis.publish.figure import data_links, generated_note, split_source

if TYPE_CHECKING:
    from analysis.data import Data

ASSETS = Path(__file__).with_name("assets")
#: The script and style every such explorer shares (the data links, the sample label).
COMMON = "explorer"


def asset(name: str) -> str:
    """The text of ``assets/<name>`` (a page's script or style)."""
    path = ASSETS / name
    if not path.is_file():
        raise HubObsError(f"explorer asset {path} does not exist")
    return path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Explorer:
    """An explorer page's widget: shown as HTML in Jupyter and on the site."""

    name: str
    script: str  # the asset stem: assets/<script>.js and .css
    title: str
    description: str
    source_line: str
    generated: bool
    data: dict[str, Any] = field(repr=False)
    csv_href: str = ""
    csv_site_path: str | None = None

    @property
    def element_id(self) -> str:
        parts = [self.name, self.csv_href, self.title, self.description, self.data]
        digest = hashlib.sha256(escape.script_json(parts).encode("utf-8")).hexdigest()
        return f"hubobs-{self.name}-{digest[:12]}"

    def html(self) -> str:
        eid = escape.html(self.element_id, None)
        source, notice = split_source(self.source_line)
        generated = generated_note(self.generated)
        links = data_links(self.csv_href)
        style = asset(f"{COMMON}.css") + asset(f"{self.script}.css")
        js = asset(f"{COMMON}.js") + asset(f"{self.script}.js")
        return (
            f'<section class="hubobs-explorer hubobs-{escape.html(self.script, None)}" id="{eid}" '
            + (f'data-csv="{escape.html(self.csv_site_path, None)}" ' if self.csv_site_path else "")
            + f'aria-labelledby="{eid}-title">\n'
            f"<style>\n{style}</style>\n"
            f'<p class="hubobs-explorer-title" id="{eid}-title">{escape.html(self.title, None)}</p>\n'
            f'<p class="hubobs-explorer-description">{escape.html(self.description, None)}</p>\n'
            f"{generated}"
            '<div class="hubobs-explorer-view"><p class="hubobs-explorer-loading">'
            "The explorer needs JavaScript; its data is in the files linked below.</p></div>\n"
            '<div class="hubobs-explorer-foot">\n'
            f'<p class="hubobs-chart-source">{escape.html(source, None)} '
            f'<span class="hubobs-chart-attribution">{escape.html(notice, None)}</span></p>\n'
            f'<p class="hubobs-chart-download">Download the data: {links}.</p>\n'
            "</div>\n"
            f'<script type="application/json" class="hubobs-explorer-data">'
            f"{escape.script_json(self.data)}</script>\n"
            f"<script>\n(function (EXPLORER_ID) {{\n{js}\n}})({escape.script_json(self.element_id)});\n"
            "</script>\n"
            "</section>\n"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"text/html": self.html(), "text/plain": f"<Explorer {self.name}: {self.title}>"}

    def _repr_html_(self) -> str:
        return self.html()

    def save_html(self, path: str | os.PathLike[str]) -> Path:
        """A standalone page holding this explorer (the browser tests open it)."""
        out = Path(path)
        page = (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<link rel="icon" href="data:,">\n'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; '
            "script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'\">\n"
            f"<title>{escape.html(self.title, None)}</title>\n</head>\n<body>\n<main>\n"
            f"{self.html()}</main>\n</body>\n</html>\n"
        )
        atomic.write_bytes(out, page.encode("utf-8"))
        return out


def explorer(
    ref: str,
    table: pd.DataFrame,
    data: dict[str, Any],
    *,
    source: Data | None = None,
    provenance: Any = None,
    outdir: str | os.PathLike[str] | None = None,
    note: str | None = None,
) -> Explorer:
    """The explorer ``<analysis>.<key>`` (``explorers.modelverse``): title, description, column
    docs and sources from the definitions file; ``table`` written as its data download (column
    docs checked), ``data`` what the script reads; ``note`` (computed words: the mapping's
    coverage) follows the description."""
    d = definitions.figure(ref)
    if provenance is None:
        if source is None:
            raise HubObsError(f"explorer {ref!r}: pass the data it was computed from (source=...)")
        provenance = source.provenance_for(d.sources)
    if outdir is None:
        page = Path.cwd()
        out = output_dir(page)
        csv_href = Path(os.path.relpath(out / f"{d.name}.csv", page)).as_posix()
    else:
        out = Path(outdir)
        csv_href = f"{d.name}.csv"
    try:
        tables.check_columns(table, d.columns, f"explorer {ref!r}")
    except ValueError as exc:
        raise HubObsError(str(exc)) from None
    source_line = provenance.source_line()
    tables.write_data(
        table,
        out,
        d.name,
        title=d.title,
        description=d.description,
        source_line=source_line,
        columns=d.columns,
    )
    site = _site_dir(out)
    return Explorer(
        name=d.name,
        script=d.key.replace("_", "-"),
        title=d.title,
        description=d.description if note is None else f"{d.description} {note}",
        source_line=source_line,
        generated=bool(provenance.generated),
        data=data,
        csv_href=csv_href,
        csv_site_path=_csv_site_path(site, d.name) if site is not None else None,
    )


def week_note(provenance: Any) -> Any:
    """The page's note on its week and revision (Markdown): which snapshot week it shows, the
    dataset revision, and whether the data is the generated sample."""
    from IPython.display import Markdown

    if not provenance.weeks:
        return Markdown("> **No snapshot week in the chosen range**: the explorer is empty.\n")
    what = (
        "the **generated sample** (fictional data in the real schema, not facts about the Hub)"
        if provenance.generated
        else escape.markdown(provenance.repo_id, 200)
    )
    weeks = ", ".join(w.isoformat() for w in sorted(set(provenance.weeks)))
    return Markdown(
        f"> **Week and revision.** This page shows the snapshot week of {weeks} of {what}, "
        f"dataset revision {escape.markdown(provenance.short_revision, 80)}.\n"
    )
