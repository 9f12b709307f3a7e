"""Keeping notebooks in step with the analyses' definitions files (``hubobs notebooks sync``).

A notebook says which analysis it presents in its metadata (``"hubobs": {"analysis": "growth"}``).
Its texts that the definitions file says first are written from it, never by hand:

* the markdown cell tagged ``analysis-intro``: the analysis' title, summary and the notice that
  the default run is on the generated sample;
* the markdown cell tagged ``analysis-methods``: the analysis' Methods section;
* in every cell labelled ``#| label: fig-<analysis>-<figure>``, the caption line
  ``#| fig-cap: "<the figure's title>"`` (what the paper's figure captions show).

:func:`sync` rewrites them; :func:`check` lists the notebooks that are out of step (the tests
refuse those, as nbdev refuses notebooks out of sync with their library). Notebooks also carry only
what nbval needs (outputs, no execution timings or widget state): :func:`strip_metadata`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

import nbformat

from analysis import atomic, definitions
from analysis.errors import HubObsError
from analysis.paths import PROJECT_ROOT

INTRO_TAG = "analysis-intro"
METHODS_TAG = "analysis-methods"
#: Said once, at the top of every analysis notebook.
SAMPLE_NOTICE = (
    '> **Run on the generated sample by default.** With `root = "data/sample"` every name and '
    "number below is fictional (generated data in the real schema), not a fact about the Hugging "
    "Face Hub. Set `root` to a downloaded snapshot root to measure the Hub."
)
#: Cell metadata keys that change on every run and that nbval does not need.
VOLATILE_CELL_KEYS = ("execution", "collapsed", "scrolled", "ExecuteTime")


def notebooks(project: Path = PROJECT_ROOT) -> list[Path]:
    """Every source notebook of the project (analyses, posts, explorers, the report template)."""
    return (
        sorted((project / "notebooks").glob("*.ipynb"))
        + sorted((project / "posts").glob("*/index.ipynb"))
        + sorted((project / "explorers").glob("*/index.ipynb"))
        + [p for p in [project / "reports" / "_template.ipynb"] if p.is_file()]
    )


def _analysis(nb: nbformat.NotebookNode) -> definitions.Analysis | None:
    name = (nb.metadata.get("hubobs") or {}).get("analysis")
    return definitions.load(name) if name else None


def intro_markdown(a: definitions.Analysis) -> str:
    return f"# {a.title}\n\n{a.summary.strip()}\n\n{SAMPLE_NOTICE}"


def _figure_labels() -> dict[str, definitions.FigureDef]:
    out = {}
    for owner in (*definitions.ANALYSES, *definitions.OTHER_DEFINITIONS):
        for f in definitions.load(owner).figures.values():
            out[f.label] = f
    return out


def _with_caption(source: str, labels: dict[str, definitions.FigureDef], where: str) -> str:
    lines = source.split("\n")
    options = [ln for ln in lines if ln.startswith("#|")]
    label = next(
        (ln.split(":", 1)[1].strip() for ln in options if ln.startswith("#| label:")), None
    )
    if label is None or not label.startswith("fig-"):
        return source
    fig = labels.get(label)
    if fig is None:
        raise HubObsError(f"{where}: cell label {label!r} names no figure of any definitions file")
    caption = f"#| fig-cap: {json.dumps(fig.title, ensure_ascii=False)}"
    kept = [ln for ln in lines if not ln.startswith("#| fig-cap:")]
    at = kept.index(next(ln for ln in kept if ln.startswith("#| label:"))) + 1
    return "\n".join([*kept[:at], caption, *kept[at:]])


def synced(nb: nbformat.NotebookNode, where: str = "<notebook>") -> nbformat.NotebookNode:
    """A copy of ``nb`` with its generated texts written from the definitions."""
    out = cast(nbformat.NotebookNode, nbformat.from_dict(json.loads(json.dumps(nb))))
    a = _analysis(out)
    labels = _figure_labels()
    for cell in out.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type == "markdown" and (INTRO_TAG in tags or METHODS_TAG in tags):
            if a is None:
                raise HubObsError(
                    f"{where}: a cell is tagged {tags} but the notebook names no analysis in its "
                    'metadata ("hubobs": {"analysis": ...})'
                )
            cell.source = intro_markdown(a) if INTRO_TAG in tags else a.methods_markdown().strip()
        elif cell.cell_type == "code":
            cell.source = _with_caption(cell.source, labels, where)
    return out


def strip_metadata(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` without volatile cell metadata and widget state (nbval compares outputs only)."""
    for cell in nb.cells:
        for key in VOLATILE_CELL_KEYS:
            cell.metadata.pop(key, None)
    nb.metadata.pop("widgets", None)
    return nb


def _same(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def check(paths: Iterable[Path] | None = None) -> list[str]:
    """The notebooks whose generated texts or metadata differ from what :func:`sync` writes."""
    stale = []
    for path in paths if paths is not None else notebooks():
        nb = nbformat.read(str(path), as_version=4)
        want = strip_metadata(synced(nb, str(path)))
        if not _same(nb, want):
            stale.append(str(path))
    return stale


def sync(paths: Iterable[Path] | None = None) -> list[Path]:
    """Rewrite the generated texts of the notebooks; returns the ones that changed."""
    changed = []
    for path in paths if paths is not None else notebooks():
        nb = nbformat.read(str(path), as_version=4)
        want = strip_metadata(synced(nb, str(path)))
        if not _same(nb, want):
            atomic.write_text(path, nbformat.writes(want) + "\n")
            changed.append(path)
    return changed


def _main(args: Any) -> int:
    paths = [Path(p) for p in args.paths] or None
    if args.check:
        stale = check(paths)
        for p in stale:
            print(f"out of step with its definitions: {p} (run `hubobs notebooks sync`)")
        return 1 if stale else 0
    for changed in sync(paths):
        print(f"synced {changed}")
    return 0


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "notebooks",
        help="keep notebooks in step with the analyses' definitions files",
        description=(
            "Write the texts that the analyses' definitions.yml say first into the notebooks "
            "(intro and Methods cells, figure captions), or check that they are in step."
        ),
    )
    sub = p.add_subparsers(dest="notebooks_command", metavar="<subcommand>")
    s = sub.add_parser("sync", help="rewrite the generated texts (or --check them)")
    s.add_argument("paths", nargs="*", help="notebooks (default: every source notebook)")
    s.add_argument("--check", action="store_true", help="only list notebooks out of step")
    s.set_defaults(func=_main)

    def _help(args: Any) -> int:
        p.print_help()
        return 2

    p.set_defaults(func=_help)


__all__ = ["check", "intro_markdown", "notebooks", "register", "strip_metadata", "sync", "synced"]
