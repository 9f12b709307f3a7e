"""How to cite a report version: one record (from the version's front matter,
:func:`analysis.reports.versions.front_matter`) written as CSL-JSON (``citation.json``), BibTeX
(``citation.bib``), a ``CITATION.cff`` and an APA-style line, all naming the version, the
snapshot week, the dataset revision and the permanent URL; the author is an organization, a
literal name (never split into given and family names). :func:`box` shows them on the page.

Every text here is ours or a date, a number, a revision or a URL we built; the revision comes
from the root (data) and is checked to be plain (letters, digits, ``.-_``) before it is written.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from analysis import atomic, escape
from analysis.errors import HubObsError
from analysis.schema import REPO_ID

CSL_FILE = "citation.json"
BIBTEX_FILE = "citation.bib"
CFF_FILE = "CITATION.cff"
FILES = (CSL_FILE, BIBTEX_FILE, CFF_FILE)
_PLAIN = re.compile(r"^[A-Za-z0-9._-]{1,100}$")


def _revision(meta: Mapping[str, Any]) -> str:
    rev = str(meta["dataset-revision"])
    if not _PLAIN.match(rev):
        raise HubObsError(f"dataset revision {escape.clean(rev, 80)!r} is not a plain identifier")
    return rev


def _authors(meta: Mapping[str, Any]) -> list[str]:
    return [str(a["name"]["literal"]) for a in meta["author"]]


def note(meta: Mapping[str, Any]) -> str:
    """What the version is of: the snapshot week and the dataset revision."""
    return (
        f"Version {meta['report-version']}; snapshot week {meta['report-week']}; "
        f"dataset {REPO_ID}, revision {_revision(meta)}"
    )


def csl(meta: Mapping[str, Any]) -> dict[str, Any]:
    """The CSL-JSON item of a version."""
    c = meta["citation"]
    issued = dt.date.fromisoformat(str(c["issued"]))
    return {
        "id": c["id"],
        "type": "report",
        "title": meta["title"],
        "author": [{"literal": a} for a in _authors(meta)],
        "issued": {"date-parts": [[issued.year, issued.month, issued.day]]},
        "publisher": c["publisher"],
        "version": c["version"],
        "genre": "Weekly report",
        "URL": c["url"],
        "note": note(meta),
    }


def _bib(text: str) -> str:
    """A BibTeX field value of our text: braces and backslashes cannot occur in it."""
    if any(ch in text for ch in "{}\\"):
        raise HubObsError(f"citation text {text!r} holds a brace or backslash")
    return text


def bibtex(meta: Mapping[str, Any]) -> str:
    """The BibTeX entry of a version (``@techreport``; the organization in double braces)."""
    c = meta["citation"]
    issued = dt.date.fromisoformat(str(c["issued"]))
    authors = " and ".join("{" + _bib(a) + "}" for a in _authors(meta))
    fields = [
        ("title", "{" + _bib(str(meta["title"])) + "}"),
        ("author", authors),
        ("institution", _bib(str(c["publisher"]))),
        ("type", "Weekly report"),
        ("number", f"Version {c['version']}"),
        ("version", str(c["version"])),
        ("year", str(issued.year)),
        ("month", str(issued.month)),
        ("url", _bib(str(c["url"]))),
        ("note", _bib(note(meta))),
    ]
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@techreport{{{c['id']},\n{body}\n}}\n"


def apa(meta: Mapping[str, Any]) -> str:
    """An APA-style reference line (plain text)."""
    return _apa_from_csl(csl(meta))


def cff(meta: Mapping[str, Any]) -> str:
    """A ``CITATION.cff`` (Citation File Format 1.2.0) for the version."""
    c = meta["citation"]
    authors = [{"name": a} for a in _authors(meta)]
    doc = {
        "cff-version": "1.2.0",
        "message": "If you use this report, please cite it as below.",
        "title": meta["title"],
        "authors": authors,
        "version": str(c["version"]),
        "date-released": str(c["issued"]),
        "url": c["url"],
        "abstract": meta["description"],
        "preferred-citation": {
            "type": "report",
            "title": meta["title"],
            "authors": authors,
            "institution": {"name": c["publisher"]},
            "year": dt.date.fromisoformat(str(c["issued"])).year,
            "url": c["url"],
            "notes": note(meta),
        },
    }
    return str(yaml.safe_dump(doc, sort_keys=False, allow_unicode=False, width=1000))


def csl_text(item: Mapping[str, Any]) -> str:
    """A CSL-JSON list of ``item``, one field a line (what the file holds and the page shows)."""
    fields = ",\n".join(f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in item.items())
    return f"[\n  {{\n{fields}\n  }}\n]\n"


def write(folder: Path, meta: Mapping[str, Any]) -> list[Path]:
    """Write the version's citation files into ``folder``; return their paths."""
    out = {
        CSL_FILE: csl_text(csl(meta)),
        BIBTEX_FILE: bibtex(meta),
        CFF_FILE: cff(meta),
    }
    paths = []
    for name, text in out.items():
        atomic.write_text(folder / name, text)
        paths.append(folder / name)
    return paths


class CitationBox:
    """The citation box of a report page: HTML on the site, Markdown in the PDF."""

    def __init__(self, item: Mapping[str, Any], bib: str, line: str) -> None:
        self.item, self.bib, self.line = item, bib, line

    def _csl_text(self) -> str:
        return csl_text(self.item).rstrip("\n")

    def _repr_markdown_(self) -> str:
        return (
            f"**Cite this version.** {escape.markdown(self.line, None)}\n\n"
            f"BibTeX:\n\n```\n{self.bib}```\n\nCSL-JSON:\n\n```\n{self._csl_text()}\n```\n"
        )

    def _repr_html_(self) -> str:
        # wrapped, never a scrolling box (a scrollable region would need to be focusable)
        pre = 'style="white-space:pre-wrap;overflow-wrap:anywhere;overflow:visible;max-height:none"'
        wrap = 'style="white-space:pre-wrap;overflow-wrap:anywhere"'  # Quarto: code is nowrap
        return (
            '<div class="hubobs-citation" style="border:1px solid #888;border-radius:4px;'
            'padding:.75rem;margin:1rem 0;max-width:100%">\n'
            f"<p><strong>Cite this version.</strong> {html.escape(self.line)}</p>\n"
            f'<p>BibTeX (<a href="{BIBTEX_FILE}">{BIBTEX_FILE}</a>):</p>\n'
            f"<pre {pre}><code {wrap}>{html.escape(self.bib)}</code></pre>\n"
            f'<p>CSL-JSON (<a href="{CSL_FILE}">{CSL_FILE}</a>; also '
            f'<a href="{CFF_FILE}">{CFF_FILE}</a>):</p>\n'
            f"<pre {pre}><code {wrap}>{html.escape(self._csl_text())}</code></pre>\n</div>\n"
        )

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {
            "text/html": self._repr_html_(),
            "text/markdown": self._repr_markdown_(),
            "text/plain": self.line,
        }


def box(folder: str | Path = ".") -> Any:
    """The citation box of the version in ``folder`` (read from the files :func:`write` made
    there before the template ran); a note when they are missing (a run that is no version)."""
    from IPython.display import Markdown

    path = Path(folder) / CSL_FILE
    if not path.is_file():
        return Markdown(
            "*This run is not a published version: the citation is written when "
            "`hubobs build` publishes it.*"
        )
    try:
        item = json.loads(path.read_text(encoding="utf-8"))[0]
        bib = (Path(folder) / BIBTEX_FILE).read_text(encoding="utf-8")
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise HubObsError(f"{path}: cannot read the version's citation ({exc})") from exc
    return CitationBox(item, bib, _apa_from_csl(item))


def _apa_from_csl(item: Mapping[str, Any]) -> str:
    y, m, d = item["issued"]["date-parts"][0]
    issued = dt.date(int(y), int(m), int(d))
    authors = ", ".join(str(a["literal"]) for a in item["author"])
    return (
        f"{authors}. ({issued.year}, {issued:%B} {issued.day}). {item['title']} "
        f"({item['note']}) [{item['genre']}]. {item['publisher']}. {item['URL']}"
    )


__all__ = ["FILES", "apa", "bibtex", "box", "cff", "csl", "csl_text", "note", "write"]
