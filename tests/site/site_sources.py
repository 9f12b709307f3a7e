"""Reading the site's sources: front matter, Markdown links, shortcodes, loads of remote resources."""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from analysis.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT


def quarto_config() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "_quarto.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def qmd_front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    data = yaml.safe_load(text[3:end])
    return data if isinstance(data, dict) else {}


def notebook(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def ipynb_front_matter(path: Path) -> dict[str, Any]:
    cells = notebook(path)["cells"]
    if cells and cells[0]["cell_type"] == "raw":
        src = "".join(cells[0]["source"]).strip()
        if src.startswith("---"):
            data = yaml.safe_load(src.strip("-\n"))
            return data if isinstance(data, dict) else {}
    return {}


def front_matter(path: Path) -> dict[str, Any]:
    return ipynb_front_matter(path) if path.suffix == ".ipynb" else qmd_front_matter(path)


def _render_globs() -> list[str]:
    return [str(g) for g in quarto_config()["project"]["render"]]


def matches(rel: str, pattern: str) -> bool:
    """fnmatch where ``*`` does not cross a ``/`` (Quarto's globs)."""
    return re.fullmatch(fnmatch.translate(pattern).replace(".*", "[^/]*"), rel) is not None


def rendered_pages() -> list[Path]:
    """The source files _quarto.yml renders, that exist now."""
    pages = set()
    for pattern in _render_globs():
        for p in ROOT.glob(pattern):
            if p.is_file() and not p.name.startswith("_"):
                pages.add(p)
    return sorted(pages)


def is_rendered(rel: str) -> bool:
    return any(matches(rel, g) for g in _render_globs())


def is_resource(rel: str) -> bool:
    """Copied to the site as it is (project.resources; ``**`` matches any depth)."""
    return any(
        fnmatch.fnmatch(rel, str(g)) for g in quarto_config()["project"].get("resources", [])
    )


_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_MD_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_SHORTCODE = re.compile(r"\{\{<\s*(include|embed)\s+([^\s>]+)\s*>\}\}")


def prose(path: Path) -> str:
    """The Markdown a page is written in (notebook: its markdown cells), code removed."""
    if path.suffix == ".ipynb":
        text = "\n\n".join(
            "".join(c["source"]) for c in notebook(path)["cells"] if c["cell_type"] == "markdown"
        )
    else:
        text = path.read_text(encoding="utf-8")
    return _INLINE_CODE.sub("", _FENCE.sub("", text))


def links(path: Path) -> Iterator[str]:
    text = prose(path)
    for m in _MD_LINK.finditer(text):
        yield m.group(1)
    for m in _AUTOLINK.finditer(text):
        yield m.group(1)


def shortcodes(path: Path) -> Iterator[tuple[str, str]]:
    text = path.read_text(encoding="utf-8") if path.suffix != ".ipynb" else prose(path)
    for m in _SHORTCODE.finditer(text):
        yield m.group(1), m.group(2)


def yaml_hrefs(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "href" and isinstance(v, str):
                yield v
            else:
                yield from yaml_hrefs(v)
    elif isinstance(node, list):
        for v in node:
            yield from yaml_hrefs(v)


#: Patterns that make a browser LOAD something (as opposed to a link a reader may follow).
REMOTE_LOADS = (
    re.compile(r"""\bsrc\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""@import\s+(?:url\()?\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""\burl\(\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""<link\b[^>]*\bhref\s*=\s*["']?\s*(?:https?:)?//""", re.I),
    re.compile(r"""\bimport\s*\(\s*["'](?:https?:)?//""", re.I),
    re.compile(r"""\b(?:fetch|importScripts)\s*\(\s*["'](?:https?:)?//""", re.I),
)


def remote_loads(text: str) -> list[str]:
    found = []
    for pattern in REMOTE_LOADS:
        for m in pattern.finditer(text):
            found.append(text[max(0, m.start() - 40) : m.end() + 60].replace("\n", " "))
    return found


def notebook_texts(path: Path) -> Iterator[str]:
    """Every piece of a notebook that ends up in a page: sources and rich outputs."""
    for cell in notebook(path)["cells"]:
        yield "".join(cell.get("source", ""))
        for out in cell.get("outputs", []):
            for mime, value in out.get("data", {}).items():
                if mime.startswith(("text/", "application/javascript", "image/svg")):
                    yield "".join(value) if isinstance(value, list) else str(value)
