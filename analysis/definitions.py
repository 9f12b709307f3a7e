"""Each analysis' definitions file: the single source of the words that explain it.

Every analysis folder (``analysis/<name>/``) holds a ``definitions.yml``::

    name: growth                      # the folder's name, also the notebook's, page's and CSVs'
    title: "Growth: models, datasets and spaces on the Hub"
    summary: >-                        # what the analysis asks, one paragraph
      How many public repositories ...
    kinds: [models, datasets, spaces]  # the kinds of repository it is about
    reads: [models__authors, ...]      # the facts its metrics read (analysis/facts/sql)
    definitions:                       # term: definition (Markdown), in reading order
      Existing: the rows of a week's file, ...
    notes: >-                          # optional: caveats after the definitions (Markdown)
      ...
    sources: all                      # what the findings read: all, models, models@latest...
    figures:
      existing:                        # the builder analysis/<name>/figures.py:existing
        title: Public repositories on the Hub each week
        description: Line charts, one per kind, ...   # the chart's accessible description
        columns:                       # every column of the chart's data (its CSV), documented
          kind: Repository kind (models, datasets or spaces).
        sources: all                   # the files its provenance names (default: all)

From it come the chart titles and descriptions (:func:`analysis.publish.figure`), the column
docs written beside every CSV, the notebook's Methods cell (kept in sync by
``hubobs notebooks sync``), the analysis' section of the Methods page and, through the same
sections, the paper. Nothing here is Hub text: it is our own Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from analysis.errors import HubObsError

PACKAGE_DIR = Path(__file__).resolve().parent
FILE_NAME = "definitions.yml"
#: Columns that mean the same everywhere (a figure may list them without a description).
COLUMNS_FILE = "columns.yml"

#: The analyses, in the order the site presents them.
ANALYSES: tuple[str, ...] = (
    "growth",
    "platforms",
    "organizations",
    "datasets",
    "evaluations",
    "concentration",
    "lifecycle",
    "licences",
    "tracker",
    "eusummary",
    "week",
)
#: Other folders with a definitions file (pages that are not analyses).
OTHER_DEFINITIONS: tuple[str, ...] = ("explorers",)


@cache
def common_columns() -> dict[str, str]:
    """The shared column descriptions of ``analysis/columns.yml``."""
    path = PACKAGE_DIR / COLUMNS_FILE
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HubObsError(f"{path}: cannot be read: {exc}") from exc
    if not isinstance(doc, dict) or not all(isinstance(v, str) for v in doc.values()):
        raise HubObsError(f"{path}: must map column names to descriptions")
    return {str(k): str(v).strip() for k, v in doc.items()}


#: What a result may be computed from (its provenance names exactly those files): every file
#: opened, every file of a kind, or the latest week's file of a kind.
SOURCES_HELP = "'all', a kind ('models') or a kind's latest week ('models@latest')"


@dataclass(frozen=True)
class FigureDef:
    analysis: str
    key: str
    title: str
    description: str
    columns: dict[str, str]
    sources: str = "all"

    @property
    def ref(self) -> str:
        """``<analysis>.<key>``, how a notebook names the figure."""
        return f"{self.analysis}.{self.key}"

    @property
    def name(self) -> str:
        """The figure's file name stem: ``<analysis>-<key>`` with dashes."""
        return f"{self.analysis}-{self.key}".replace("_", "-")

    @property
    def label(self) -> str:
        """The Quarto cell label of the figure: ``fig-<name>``."""
        return f"fig-{self.name}"


@dataclass(frozen=True)
class Analysis:
    name: str
    title: str
    summary: str
    reads: tuple[str, ...]
    definitions: dict[str, str]
    notes: str = ""
    figures: dict[str, FigureDef] = field(default_factory=dict)
    tables: dict[str, FigureDef] = field(default_factory=dict)
    sources: str = "all"  # what the findings are computed from
    kinds: tuple[str, ...] = ()  # the kinds of repository it is about
    texts: dict[str, Any] = field(default_factory=dict)  # an analysis' own texts (its pages' words)

    @property
    def folder(self) -> str:
        return f"analysis/{self.name}/"

    def figure(self, key: str) -> FigureDef:
        try:
            return self.figures[key]
        except KeyError:
            raise HubObsError(
                f"{self.folder}{FILE_NAME} defines no figure {key!r}; it defines "
                + ", ".join(sorted(self.figures))
            ) from None

    def table(self, key: str) -> FigureDef:
        try:
            return self.tables[key]
        except KeyError:
            raise HubObsError(
                f"{self.folder}{FILE_NAME} defines no table {key!r}; it defines "
                + (", ".join(sorted(self.tables)) or "none")
            ) from None

    def definitions_markdown(self) -> str:
        """The definitions as a Markdown list, then the notes."""
        lines = [f"- **{term}**: {text.strip()}" for term, text in self.definitions.items()]
        if self.notes.strip():
            lines += ["", self.notes.strip()]
        return "\n".join(lines)

    def code_line(self) -> str:
        facts = ", ".join(f"`{f}`" for f in self.reads) or "none"
        return (
            f"Code: `{self.folder}` (metrics, SQL in `sql/`, charts, findings, and this text in "
            f"`{FILE_NAME}`); facts read: {facts} (`analysis/facts/sql/`)."
        )

    def methods_markdown(self) -> str:
        """The notebook's Methods cell: the definitions, notes and where the code is (the
        summary is the notebook's introduction)."""
        parts = ["## Methods", "", self.definitions_markdown(), "", self.code_line()]
        return "\n".join(parts) + "\n"

    def methods_section(self, heading: str = "###") -> str:
        """The analysis' section of the Methods page: title, summary, definitions, code."""
        parts = [
            f"{heading} {self.title}",
            "",
            self.summary.strip(),
            "",
            self.definitions_markdown(),
            "",
            self.code_line(),
        ]
        return "\n".join(parts) + "\n"


def _text(doc: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = doc.get(key, "")
    if (required and not value) or not isinstance(value, str):
        raise HubObsError(f"{where}: '{key}' must be a non-empty text")
    return value


def _figures(name: str, doc: Any, where: str) -> dict[str, FigureDef]:
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise HubObsError(f"{where}: must map a figure key to its title, description, columns")
    out = {}
    for key, fig in doc.items():
        w = f"{where}.{key}"
        if not isinstance(fig, dict):
            raise HubObsError(f"{w}: must be a mapping")
        cols = fig.get("columns")
        if not isinstance(cols, dict) or not cols:
            raise HubObsError(f"{w}: 'columns' must document every column of the data")
        glossary = common_columns()
        cols = {str(c): (t if t is not None else glossary.get(str(c))) for c, t in cols.items()}
        bad = [c for c, text in cols.items() if not isinstance(text, str) or not text.strip()]
        if bad:
            raise HubObsError(
                f"{w}: columns {', '.join(bad)} have no description (here or in "
                f"analysis/{COLUMNS_FILE})"
            )
        out[str(key)] = FigureDef(
            analysis=name,
            key=str(key),
            title=_text(fig, "title", w),
            description=_text(fig, "description", w),
            columns={str(c): str(t).strip() for c, t in cols.items()},
            sources=check_sources(fig.get("sources", "all"), f"{w}.sources"),
        )
    return out


def check_sources(value: Any, where: str) -> str:
    """``value`` checked to be a sources rule (see :data:`SOURCES_HELP`)."""
    from analysis.schema import KINDS

    kind, _, latest = str(value).partition("@")
    if value == "all" or (kind in KINDS and latest in ("", "latest")):
        return str(value)
    raise HubObsError(f"{where}: {value!r} is not {SOURCES_HELP}")


def _kinds(value: Any, where: str) -> tuple[str, ...]:
    from analysis.schema import KINDS

    if not isinstance(value, list) or not value or any(k not in KINDS for k in value):
        raise HubObsError(f"{where}: must list the kinds it is about, of {', '.join(KINDS)}")
    return tuple(value)


def _texts(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise HubObsError(f"{where}: must map names to texts")
    return {str(k): v for k, v in value.items()}


def load_file(path: Path) -> Analysis:
    """Read and check one definitions file."""
    where = str(path)
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise HubObsError(f"{where}: cannot be read: {exc}") from exc
    if not isinstance(doc, dict):
        raise HubObsError(f"{where}: must be a YAML mapping")
    name = _text(doc, "name", where)
    if name != path.parent.name:
        raise HubObsError(f"{where}: name {name!r} differs from its folder {path.parent.name!r}")
    defs = doc.get("definitions")
    if not isinstance(defs, dict) or not defs:
        raise HubObsError(f"{where}: 'definitions' must map each term to its definition")
    reads = doc.get("reads", [])
    if not isinstance(reads, list) or not all(isinstance(r, str) for r in reads):
        raise HubObsError(f"{where}: 'reads' must list fact names")
    unknown = set(doc) - {
        "name",
        "title",
        "summary",
        "reads",
        "definitions",
        "notes",
        "figures",
        "tables",
        "sources",
        "kinds",
        "texts",
    }
    if unknown:
        raise HubObsError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return Analysis(
        name=name,
        title=_text(doc, "title", where),
        summary=_text(doc, "summary", where),
        reads=tuple(reads),
        definitions={str(k): str(v) for k, v in defs.items()},
        notes=_text(doc, "notes", where, required=False),
        figures=_figures(name, doc.get("figures"), f"{where}: figures"),
        tables=_figures(name, doc.get("tables"), f"{where}: tables"),
        sources=check_sources(doc.get("sources", "all"), f"{where}: sources"),
        kinds=_kinds(doc.get("kinds"), f"{where}: kinds"),
        texts=_texts(doc.get("texts"), f"{where}: texts"),
    )


@cache
def load(name: str) -> Analysis:
    """The definitions of analysis ``name`` (``analysis/<name>/definitions.yml``)."""
    if name not in ANALYSES + OTHER_DEFINITIONS:
        raise HubObsError(f"no analysis {name!r}; the analyses are {', '.join(ANALYSES)}")
    return load_file(PACKAGE_DIR / name / FILE_NAME)


def all_analyses() -> list[Analysis]:
    return [load(n) for n in ANALYSES]


def figure(ref: str) -> FigureDef:
    """The figure ``<analysis>.<key>``."""
    analysis, sep, key = ref.partition(".")
    if not sep or not key:
        raise HubObsError(f"a figure is named '<analysis>.<figure>', not {ref!r}")
    return load(analysis).figure(key)


def methods_page_markdown() -> str:
    """Every analysis' section for the site's Methods page (and the paper)."""
    return "\n".join(a.methods_section() for a in all_analyses())


__all__ = [
    "ANALYSES",
    "Analysis",
    "FigureDef",
    "all_analyses",
    "figure",
    "load",
    "load_file",
    "methods_page_markdown",
]
