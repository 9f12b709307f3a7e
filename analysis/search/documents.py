"""What the search index holds of one repository: its facets, its words and a card summary.

A row of ``sql/models.sql`` or ``sql/datasets.sql`` becomes a :class:`Document`. Everything in
it is Hub text, so it is cleaned (control characters out) and bounded here; the page shows it
as text only (``textContent``), never as markup. The card (``cardData``, JSON text) is parsed
with :func:`json.loads` only when it is at most :data:`MAX_CARD` characters, and only these keys
are read: ``license``, ``language``, ``datasets``, ``tags``, ``pretty_name``, ``model_name``,
``base_model`` and the task and dataset names of ``model-index`` results.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from analysis import escape
from analysis.orgmap import UNMAPPED

#: Cards longer than this (characters of JSON) are not parsed: their facets come from tags only.
MAX_CARD = 200_000
#: The card summary's bound, in characters (ellipsis included).
SUMMARY_LIMIT = 240
#: Bounds on one facet value and on how many languages and datasets a document keeps.
VALUE_LIMIT = 80
MAX_LIST = 12
#: The label of a facet a document has no value for.
NONE = "(none)"
#: Parameter-count bands (upper bound exclusive, label); counts from ``safetensors.total``.
SIZE_BANDS: tuple[tuple[int, str], ...] = (
    (1_000_000_000, "under 1B"),
    (10_000_000_000, "1B to 10B"),
    (100_000_000_000, "10B to 100B"),
)
SIZE_TOP = "100B and more"
SIZE_UNKNOWN = "unknown"
SIZE_DATASET = "not a model"
#: Tag prefixes whose value is indexed without the prefix; ``region:`` tags are left out.
_PREFIXES = (
    "license:",
    "dataset:",
    "language:",
    "base_model:",
    "task_categories:",
    "task_ids:",
    "modality:",
    "size_categories:",
    "format:",
    "library:",
    "arxiv:",
    "doi:",
    "deploy:",
)
HUB = "https://huggingface.co/"


@dataclass(frozen=True)
class Document:
    kind: str  # model or dataset
    id: str
    task: str
    library: str
    licence: str
    languages: tuple[str, ...]
    datasets: tuple[str, ...]
    size: str
    params: int | None
    org_kind: str
    downloads: int
    likes: int
    created: dt.date | None
    summary: str
    text: tuple[str, ...]  # the field texts the tokens come from


def hub_url(kind: str, repo_id: str) -> str:
    """The repository's page on the Hub, every path segment percent-encoded (as the page does
    with ``encodeURIComponent``)."""
    base = HUB if kind == "model" else HUB + "datasets/"
    return base + "/".join(quote(seg, safe="!'()*-._~") for seg in repo_id.split("/"))


def size_band(params: int | None) -> str:
    if params is None or params <= 0:
        return SIZE_UNKNOWN
    for upper, label in SIZE_BANDS:
        if params < upper:
            return label
    return SIZE_TOP


def params_words(params: int | None) -> list[str]:
    """The parameter count as a reader types it: ``8b`` (billions, rounded) or ``350m``."""
    if params is None or params <= 0:
        return []
    if params >= 1_000_000_000:
        return [f"{round(params / 1_000_000_000)}b"]
    return [f"{max(1, round(params / 1_000_000))}m"]


def _value(v: object) -> str:
    return escape.inline(v, VALUE_LIMIT).strip()


def _strings(v: object) -> list[str]:
    """A card field that is a string or a list of strings, as a bounded list of values."""
    items = v if isinstance(v, list) else [v]
    out = [_value(i) for i in items[: MAX_LIST * 2] if isinstance(i, str)]
    return [o for o in dict.fromkeys(out) if o][:MAX_LIST]


def parse_card(text: object) -> dict[str, Any]:
    """The card as a dict; empty when absent, too long, not JSON or not an object."""
    if not isinstance(text, str) or not text or len(text) > MAX_CARD:
        return {}
    try:
        card = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return card if isinstance(card, dict) else {}


def _model_index(card: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """Task names and dataset names of the card's ``model-index`` results."""
    tasks: list[str] = []
    sets: list[str] = []
    entries = card.get("model-index")
    for entry in entries[:MAX_LIST] if isinstance(entries, list) else []:
        results = entry.get("results") if isinstance(entry, dict) else None
        for r in results[: MAX_LIST * 4] if isinstance(results, list) else []:
            if not isinstance(r, dict):
                continue
            for key, acc in (("task", tasks), ("dataset", sets)):
                part = r.get(key)
                name = part.get("name") if isinstance(part, dict) else None
                if isinstance(name, str):
                    acc.append(_value(name))
    return list(dict.fromkeys(tasks))[:MAX_LIST], list(dict.fromkeys(sets))[:MAX_LIST]


def summary(card: Mapping[str, Any]) -> str:
    """A short text of what the card says the repository is (bounded, cleaned, one line)."""
    parts: list[str] = []
    name = card.get("pretty_name") or card.get("model_name")
    if isinstance(name, str) and name.strip():
        parts.append(_value(name))
    base = _strings(card.get("base_model"))
    if base:
        parts.append("Base model: " + ", ".join(base[:3]))
    tasks, sets = _model_index(card)
    if sets:
        parts.append("Evaluated on " + ", ".join(sets))
    if tasks:
        parts.append("Tasks: " + ", ".join(tasks))
    tags = _strings(card.get("tags"))
    if tags:
        parts.append("Tags: " + ", ".join(tags))
    return escape.inline(". ".join(parts), SUMMARY_LIMIT)


def _tag_values(tags: Iterable[str], prefix: str) -> list[str]:
    return [_value(t[len(prefix) :]) for t in tags if t.startswith(prefix)]


def _tag_text(tag: str) -> str | None:
    if tag.startswith("region:"):
        return None
    for p in _PREFIXES:
        if tag.startswith(p):
            return tag[len(p) :]
    return tag


def document(row: Mapping[str, Any], kind: str, org_kinds: Mapping[str, str]) -> Document:
    """The :class:`Document` of one row of ``sql/<kind>s.sql`` (``kind``: model or dataset);
    ``org_kinds`` maps lower-cased owner names to their kind of organization."""
    repo_id = escape.clean(row["id"], None)
    tags = [escape.clean(t, VALUE_LIMIT) for t in (row.get("tags") or []) if isinstance(t, str)]
    card = parse_card(row.get("card"))
    licence = (_tag_values(tags, "license:") or _strings(card.get("license")) or [NONE])[0]
    languages = _strings(card.get("language")) + _tag_values(tags, "language:")
    datasets = _strings(card.get("datasets")) + _tag_values(tags, "dataset:")
    if kind == "model":
        task = _value(row.get("pipeline_tag")) or NONE
        library = _value(row.get("library_name")) or NONE
        params = row.get("params")
        params = int(params) if params is not None and params == params else None
        size = size_band(params)
    else:
        task = (_tag_values(tags, "task_categories:") or [NONE])[0]
        library = (_tag_values(tags, "library:") or [NONE])[0]
        params, size = None, SIZE_DATASET
    author = escape.clean(row.get("author") or repo_id.split("/")[0], None)
    text_parts = [
        repo_id,
        task if task != NONE else "",
        library if library != NONE else "",
        licence if licence != NONE else "",
        *(t for t in (_tag_text(t) for t in tags) if t),
        *languages,
        *datasets,
        *params_words(params),
    ]
    s = summary(card)
    created = row.get("created")
    return Document(
        kind=kind,
        id=repo_id,
        task=task,
        library=library,
        licence=licence,
        languages=tuple(dict.fromkeys(languages))[:MAX_LIST],
        datasets=tuple(dict.fromkeys(datasets))[:MAX_LIST],
        size=size,
        params=params,
        org_kind=org_kinds.get(author.lower(), UNMAPPED),
        downloads=int(row.get("downloads") or 0),
        likes=int(row.get("likes") or 0),
        created=created if isinstance(created, dt.date) else None,
        summary=s,
        text=tuple(p for p in dict.fromkeys([*text_parts, s]) if p),
    )
