"""A :class:`~analysis.eusummary.metrics.Draft` as Markdown (the page and its download) and as
JSON (the machine-readable download).

Every text from the Hub (ids, tags, licences, languages) is escaped for Markdown
(:func:`analysis.escape.markdown`) and bounded; in JSON it is cleaned of control characters and
bounded (:func:`analysis.escape.clean`). The section titles, the disclaimer and the words for a
field left for the provider come from ``definitions.yml`` (``texts``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import pandas as pd

from analysis import escape, fmt, tables
from analysis.definitions import load
from analysis.eusummary.metrics import DeclaredDataset, Draft, Field, Origin
from analysis.schema import REPO_ID

#: Hub text is cut to this many characters on the page and in the exports.
LIMIT = 200
#: The JSON export's format (a change of its fields changes it).
JSON_FORMAT = "hubobs-eusummary-draft/1"


def _texts() -> dict[str, Any]:
    return load("eusummary").texts


def _md(value: object) -> str:
    return escape.markdown(value, LIMIT)


def _left() -> str:
    return f"*{_texts()['left']}*"


def _origin_md(o: Origin | None, repo: bool = True) -> str:
    """Where a field was filled from: the repository (unless ``repo`` is False: the row's own),
    the snapshot file's kind and week, and the revision."""
    if o is None:
        return _left()
    rev = o.revision[:12] if len(o.revision) == 40 else o.revision
    where = f"{_md(o.kind)} file of {o.week.isoformat()}, revision {_md(rev)}"
    return f"{_md(o.repo)} ({where})" if repo else where


def _value_md(f: Field) -> str:
    if not f.filled:
        return _left()
    v = f.value
    if isinstance(v, list | tuple):
        return ", ".join(_md(x) for x in v)
    if isinstance(v, int) and not isinstance(v, bool):
        return str(fmt.number(v)) + " bytes"
    return _md(v)


def _table(headers: Sequence[str], rows: list[list[str]]) -> str:
    frame = pd.DataFrame(
        [[fmt.Formatted(c) for c in r] for r in rows], columns=list(headers), dtype=object
    )
    return tables.markdown(frame, align=["left"] * len(headers))


def _declared_by(d: DeclaredDataset) -> str:
    parts = []
    for x in d.declared_by:
        where = " and ".join(x.via)
        rel = "the model" if x.depth == 0 else f"base model at distance {x.depth}"
        parts.append(f"{_md(x.model)} ({rel}, in {where})")
    return "; ".join(parts)


def _datasets_table(items: list[DeclaredDataset]) -> str:
    heads = ["Dataset", "Declared by", "Licence", "Size", "Modalities", "Languages", "Source"]
    rows = []
    for d in items:
        size = _value_md(d.size_categories)
        if d.main_size.filled:
            size += f" ({_value_md(d.main_size)})"
        source = _origin_md(d.origin, repo=False)
        rows.append(
            [
                f"{_md(d.id)}",
                _declared_by(d),
                _value_md(d.licences),
                size,
                _value_md(d.modalities),
                _value_md(d.languages),
                source,
            ]
        )
    return _table(heads, rows)


def _general(dr: Draft) -> list[str]:
    t = _texts()["general"]
    rows = []
    for key in ("provider", "model", "identifiers", "modalities", "size"):
        f = dr.general.get(key, Field())
        rows.append([t[key], _value_md(f), _origin_md(f.origin) if f.filled else fmt.MISSING])
    return [f"## {t['title']}", "", _table(["Field", "Value", "Filled from"], rows)]


def _sources(dr: Draft) -> list[str]:
    t, texts = _texts()["sources"], _texts()
    out = [f"## {t['title']}", ""]
    out += [f"### {t['public']}", ""]
    if not dr.found:
        out += [_left(), ""]
    elif not dr.datasets:
        out += [texts["no_datasets"].strip(), ""]
    elif dr.datasets_week is None:
        out += [
            "The root holds no datasets file: whether the declared datasets are public, and "
            f"their licences, sizes, modalities and languages, are {_left()}.",
            "",
            _datasets_table(dr.datasets),
        ]
    else:
        out += [_datasets_table(dr.public) if dr.public else _left(), ""]
    if dr.datasets_more:
        out += [f"{fmt.count(dr.datasets_more, 'more declared dataset')} not listed.", ""]
    out += [f"### {t['private']}", "", _left(), ""]
    if dr.not_found:
        out += [
            f"{t['not_found']} ({dr.datasets_week.isoformat() if dr.datasets_week else ''}): "
            + ", ".join(f"{_md(d.id)} (declared by {_declared_by(d)})" for d in dr.not_found)
            + ".",
            "",
        ]
    out += [f"### {t['crawled']}", "", _left(), ""]
    out += [f"### {t['user']}", "", _left(), ""]
    out += [f"### {t['synthetic']}", ""]
    for d in dr.synthetic:
        out.append(
            f"- Hint: {_md(d.id)}: {_value_md(d.synthetic_hint)} "
            f"(filled from {_origin_md(d.synthetic_hint.origin)})"
        )
    out += (["", ""] if dr.synthetic else []) + [_left(), ""]
    out += [f"### {t['other']}", "", _left(), ""]
    return out


def _processing() -> list[str]:
    t = _texts()["processing"]
    return [
        f"## {t['title']}",
        "",
        f"### {t['tdm']}",
        "",
        _left(),
        "",
        f"### {t['illegal']}",
        "",
        _left(),
        "",
    ]


def _lineage(dr: Draft) -> list[str]:
    t = _texts()["lineage"]
    out = [f"## {t['title']}", ""]
    if not dr.found:
        return [*out, _left(), ""]
    if not dr.links:
        out += [t["none"], ""]
    for link in dr.links:
        rel = _md(link.relation) if link.relation else "not given"
        state = "" if link.resolution != "unresolved" else " (not on the Hub this week)"
        out.append(
            f"- {_md(link.child)} declares {_md(link.parent)}{state} as its base model "
            f"(relation: {rel})"
        )
    if dr.links:
        out.append("")
    if dr.cycle:
        out += [f"{t['cycle']} ({', '.join(f'{_md(c)}' for c in dr.cycle)})", ""]
    return out


def markdown(dr: Draft) -> str:
    """The draft as a Markdown document (what the page shows and the Markdown download)."""
    texts = _texts()
    week = dr.week.isoformat() if dr.week else "none"
    what = "the generated sample (fictional data)" if dr.generated else f"{_md(REPO_ID)}"
    out = [
        f"> {texts['disclaimer'].strip()}",
        "",
        f"Model {_md(dr.model)}, snapshot week {week} of {what}, revision {_md(dr.revision)}.",
        "",
    ]
    if not dr.found:
        out += [texts["not_found"].strip(), ""]
    for model_id, reason in dr.unread_cards:
        out += [f"The card of {_md(model_id)} was not read ({_md(reason)}).", ""]
    out += [*_general(dr), "", *_sources(dr), *_processing(), *_lineage(dr)]
    return "\n".join(out).rstrip() + "\n"


def _field_json(f: Field) -> dict[str, Any]:
    v = f.value
    if isinstance(v, list | tuple):
        v = [escape.clean(x, LIMIT) for x in v]
    elif isinstance(v, str):
        v = escape.clean(v, LIMIT)
    return {
        "value": v,
        "filled_from_metadata": f.filled,
        "left_for_provider": not f.filled,
        "source": f.origin.as_dict() if f.origin else None,
    }


def always_left() -> list[str]:
    """The template's fields that Hub metadata never fills (their titles, definitions.yml)."""
    t = _texts()
    src, proc = t["sources"], t["processing"]
    return [
        t["general"]["size"],
        *(src[k] for k in ("private", "crawled", "user", "other")),
        proc["tdm"],
        proc["illegal"],
    ]


def as_dict(dr: Draft) -> dict[str, Any]:
    """The draft as plain data (every field with its source, or left for the provider)."""
    left = _field_json(Field())
    c = escape.clean
    return {
        "format": JSON_FORMAT,
        "disclaimer": escape.clean(_texts()["disclaimer"], None).strip(),
        "model": c(dr.model, LIMIT),
        "found": dr.found,
        "week": dr.week.isoformat() if dr.week else None,
        "datasets_week": dr.datasets_week.isoformat() if dr.datasets_week else None,
        "snapshots": {"repository": REPO_ID, "revision": dr.revision, "generated": dr.generated},
        "general": {k: _field_json(f) for k, f in dr.general.items()} or {"all": left},
        "datasets": [
            {
                "id": c(d.id, LIMIT),
                "public_on_hub": d.on_hub,
                "source": d.origin.as_dict() if d.origin else None,
                "inherited": d.inherited,
                "declared_by": [
                    {
                        "model": c(x.model, LIMIT),
                        "depth": x.depth,
                        "via": list(x.via),
                        "source": x.origin.as_dict(),
                    }
                    for x in d.declared_by
                ],
                **{
                    k: _field_json(getattr(d, k))
                    for k in (
                        "licences",
                        "size_categories",
                        "main_size",
                        "modalities",
                        "languages",
                        "gated",
                        "synthetic_hint",
                    )
                },
            }
            for d in dr.datasets
        ],
        "datasets_not_listed": dr.datasets_more,
        "left_for_provider": always_left(),
        "lineage": {
            "ancestors": [
                {"id": c(a.id, LIMIT), "depth": a.depth, "on_hub": a.on_hub} for a in dr.ancestors
            ],
            "links": [
                {
                    "child": c(lk.child, LIMIT),
                    "parent": c(lk.parent, LIMIT),
                    "relation": lk.relation,
                    "resolution": lk.resolution,
                }
                for lk in dr.links
            ],
            "cycle": [c(x, LIMIT) for x in dr.cycle],
        },
        "unread_cards": [{"model": c(m, LIMIT), "reason": r} for m, r in dr.unread_cards],
    }


def as_json(dr: Draft) -> str:
    """:func:`as_dict` as JSON text (key order fixed, UTF-8, a final newline)."""
    return json.dumps(as_dict(dr), indent=2, ensure_ascii=False) + "\n"


__all__ = ["as_dict", "as_json", "markdown"]
