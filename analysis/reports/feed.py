"""The Atom feed of report versions (``reports/feed.xml``), written from ``reports/index.json``.

One entry per version, newest first: its title (week, version, generated sample), its permanent
URL as id and link, its PDF as an enclosure when it has one, its publication date, and a
summary naming its dataset revision and, for a later version of a week, what changed since the
version before it. The feed's ``updated`` is the newest version's date, so the file changes
only when a version is added. Written with :mod:`xml.etree.ElementTree`, which escapes text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any

from analysis import escape
from analysis.reports.versions import AUTHORS, PUBLISHER

ATOM = "http://www.w3.org/2005/Atom"
#: ``updated`` of a feed without entries (Atom requires one).
EMPTY_UPDATED = "1970-01-01T00:00:00Z"


def _time(day: object) -> str:
    return f"{day}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def title(v: Mapping[str, Any]) -> str:
    sample = " (generated sample)" if v.get("generated_sample") else ""
    return f"State of the Hub: week of {v['week']}, version {v['version']}{sample}"


def summary(v: Mapping[str, Any]) -> str:
    """What a version is, and for a later version what changed since the one before it."""
    rev = escape.clean(v.get("dataset_revision") or "unknown", 40)
    text = f"Snapshot week {v['week']}, version {v['version']}, dataset revision {rev[:12]}."
    changes = v.get("changes")
    if changes:
        inputs = ", ".join(escape.clean(i, 80) for i in changes["inputs_changed"][:8]) or "none"
        more = len(changes["inputs_changed"]) - 8
        text += (
            f" Since version {v['version'] - 1}: inputs changed: {inputs}"
            f"{f' and {more} more' if more > 0 else ''}; {changes['values_moved']} value(s) "
            f"moved in {changes['tables_changed']} table(s)."
        )
    return text


def atom(versions: Sequence[Mapping[str, Any]], site_url: str) -> str:
    """The feed's XML text (UTF-8 declaration included)."""
    base = site_url.rstrip("/")
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed")
    _sub(root, "title", f"{PUBLISHER}: State of the Hub report versions")
    _sub(root, "id", f"{base}/reports/feed.xml")
    _sub(root, "link", rel="self", type="application/atom+xml", href=f"{base}/reports/feed.xml")
    _sub(root, "link", rel="alternate", type="text/html", href=f"{base}/reports/")
    newest = sorted(versions, key=lambda v: (str(v.get("published")), v["week"], v["version"]))
    newest.reverse()
    _sub(root, "updated", _time(newest[0]["published"]) if newest else EMPTY_UPDATED)
    author = _sub(root, "author")
    _sub(author, "name", AUTHORS[0])
    for v in newest:
        e = _sub(root, "entry")
        _sub(e, "title", title(v))
        _sub(e, "id", str(v["url"]))
        _sub(e, "link", rel="alternate", type="text/html", href=str(v["url"]))
        if v.get("pdf_url"):
            _sub(e, "link", rel="enclosure", type="application/pdf", href=str(v["pdf_url"]))
        _sub(e, "published", _time(v["published"]))
        _sub(e, "updated", _time(v["published"]))
        _sub(e, "summary", summary(v))
        for term in ("report", *(["generated sample"] if v.get("generated_sample") else [])):
            _sub(e, "category", term=term)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="utf-8"?>\n', "\n"]
    )


__all__ = ["ATOM", "atom", "summary", "title"]
