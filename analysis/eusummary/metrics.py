"""The draft training-content summary of one model, from Hub metadata.

:func:`draft` reads, for the model named by its id in one models week (the latest of the range
by default): its row of the models file (provider, identifiers, pipeline tag), its ancestors in
that week's family tree (:mod:`analysis.lineage`; cycles end the walk), the datasets it and its
ancestors declare (``dataset:`` tags and the card's ``datasets``, SQL in ``sql/declared.sql``),
and what the datasets file of that week (the latest datasets week not after it) says of each:
licences, sizes, modalities, languages and synthetic-data hints. Every field is a
:class:`Field`: a value with the :class:`Origin` it was filled from, or left for the provider.
The words and the synthetic-data rule are in ``definitions.yml``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from analysis import weeks as weeklist
from analysis.data import Data
from analysis.definitions import load
from analysis.errors import HubObsError
from analysis.query import SqlFiles

SQL = SqlFiles(__file__)

#: A card longer than this (characters) is not read for declared datasets (counted as unread).
MAX_CARD_CHARS = 1_000_000
#: Declared dataset ids are cut to this many characters.
MAX_ID_CHARS = 200
#: At most this many declared datasets are listed (the rest are counted).
MAX_DATASETS = 500


@dataclass(frozen=True)
class Origin:
    """Where a filled field came from: a repository, in one snapshot file."""

    kind: str  # 'models' or 'datasets'
    repo: str  # the repository's id
    week: dt.date
    revision: str
    file: str  # path of the snapshot file in the root

    def as_dict(self) -> dict[str, str]:
        return {
            "kind": self.kind,
            "repository": self.repo,
            "week": self.week.isoformat(),
            "revision": self.revision,
            "file": self.file,
        }


@dataclass(frozen=True)
class Field:
    """One field of the draft: filled from metadata (``origin``) or left for the provider."""

    value: Any = None
    origin: Origin | None = None

    @property
    def filled(self) -> bool:
        return self.origin is not None


LEFT = Field()


def _filled(value: Any, origin: Origin) -> Field:
    """``value`` from ``origin``, or left when metadata gives nothing (None, empty, NaN)."""
    empty = value is None or value == [] or (isinstance(value, float) and math.isnan(value))
    return LEFT if empty else Field(value, origin)


@dataclass(frozen=True)
class Declaration:
    """A model of the lineage declaring a dataset: its id, distance (0: the model itself) and
    where the declaration was found ('cardData', 'tags')."""

    model: str
    depth: int
    via: tuple[str, ...]
    origin: Origin


@dataclass(frozen=True)
class DeclaredDataset:
    id: str
    declared_by: tuple[Declaration, ...]
    on_hub: bool | None  # None: no datasets file to look in (every dataset field left)
    origin: Origin | None = None  # the datasets file row it was found in
    licences: Field = LEFT
    size_categories: Field = LEFT
    main_size: Field = LEFT
    modalities: Field = LEFT
    languages: Field = LEFT
    gated: Field = LEFT
    synthetic_hint: Field = LEFT  # the tags and words that hint at synthetic data

    @property
    def inherited(self) -> bool:
        return all(d.depth > 0 for d in self.declared_by)


@dataclass(frozen=True)
class Ancestor:
    id: str
    depth: int
    on_hub: bool
    licence: str | None


@dataclass(frozen=True)
class Link:
    child: str
    parent: str
    relation: str | None
    resolution: str


@dataclass
class Draft:
    """The draft summary of one model in one snapshot week."""

    model: str
    week: dt.date | None
    found: bool
    generated: bool
    revision: str
    general: dict[str, Field] = field(default_factory=dict)
    ancestors: list[Ancestor] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    cycle: list[str] = field(default_factory=list)
    datasets: list[DeclaredDataset] = field(default_factory=list)
    datasets_week: dt.date | None = None
    datasets_more: int = 0  # declared datasets beyond MAX_DATASETS, not listed
    unread_cards: list[tuple[str, str]] = field(default_factory=list)  # (model id, reason)

    @property
    def public(self) -> list[DeclaredDataset]:
        return [d for d in self.datasets if d.on_hub]

    @property
    def not_found(self) -> list[DeclaredDataset]:
        return [d for d in self.datasets if d.on_hub is False]

    @property
    def synthetic(self) -> list[DeclaredDataset]:
        return [d for d in self.datasets if d.synthetic_hint.filled]


def _origin(data: Data, kind: str, repo: str, week: dt.date) -> Origin:
    rows = SQL.rows(data.con, "file", {"kind": kind, "week": week})
    if not rows:
        raise HubObsError(f"no {kind} file of week {week.isoformat()} in {data.root}")
    path, revision = rows[0]
    return Origin(kind, repo, week, str(revision), str(path))


#: The definition that states the synthetic-data rule (definitions.yml): the quoted tags
#: before :data:`NAME_CLAUSE`, the quoted words of a dataset's name after it.
SYNTHETIC_TERM = "Synthetic-data hint"
NAME_CLAUSE = "whose name contains"


def synthetic_rule() -> tuple[list[str], list[str]]:
    """The tags, and the words of a dataset id, that hint at synthetic data, read from the
    definition that states them (so that the rule is said once)."""
    text = load("eusummary").definitions[SYNTHETIC_TERM]
    tags, sep, words = text.partition(NAME_CLAUSE)
    quoted = re.compile(r"`([^`]+)`")
    rule = [m.lower() for m in quoted.findall(tags)], [m.lower() for m in quoted.findall(words)]
    if not sep or not rule[0] or not rule[1]:
        raise HubObsError(
            f"analysis/eusummary/definitions.yml: {SYNTHETIC_TERM!r} must quote the tags, then "
            f"'{NAME_CLAUSE}' and the quoted words"
        )
    return rule


def _general(data: Data, model: str, week: dt.date) -> dict[str, Field] | None:
    rows = SQL.rows(data.con, "model", {"week": week, "id": model})
    if not rows:
        return None
    id_, oid, author, pipeline, library = rows[0]
    o = _origin(data, "models", id_, week)
    return {
        "provider": _filled(author, o),
        "model": _filled(id_, o),
        "identifiers": _filled([f"id: {id_}", *([f"_id: {oid}"] if oid else [])], o),
        "modalities": _filled(pipeline, o),
        "library": _filled(library, o),
        "size": LEFT,
    }


def _lineage(data: Data, model: str, week: dt.date, draft: Draft) -> list[str]:
    """Fill the draft's ancestors, links and cycle; return the ids whose declarations count
    (the model and its ancestors on the Hub), nearest first."""
    lineage = data.lineage
    lineage.ensure(week)
    rows = SQL.rows(data.con, "node", {"week": week, "id": model})
    if not rows:
        return [model]
    uid = rows[0][0]
    anc = SQL.rows(data.con, "ancestors", {"week": week, "uid": uid})
    draft.ancestors = [Ancestor(str(i), int(d), bool(h), lic) for _, i, h, lic, d in anc]
    uids = [uid, *(r[0] for r in anc)]
    depth = {model: 0, **{a.id: a.depth for a in draft.ancestors}}
    links = SQL.rows(data.con, "links", {"week": week, "uids": uids})
    draft.links = sorted(
        (Link(str(c), str(p), rel, str(res)) for c, p, rel, res in links),
        key=lambda lk: depth.get(lk.child, 0),  # the model's links first, then up the tree
    )
    draft.cycle = [str(r[0]) for r in SQL.rows(data.con, "cycles", {"week": week, "uids": uids})]
    return [model, *(a.id for a in draft.ancestors if a.on_hub)]


def _declared(data: Data, ids: list[str], week: dt.date) -> dict[str, list[Declaration]]:
    params = {"week": week, "ids": ids, "max_card": MAX_CARD_CHARS, "max_id": MAX_ID_CHARS}
    out: dict[str, list[Declaration]] = {}
    for model_id, dataset_id, via in SQL.rows(data.con, "declared", params):
        o = _origin(data, "models", str(model_id), week)
        out.setdefault(str(dataset_id), []).append(
            Declaration(str(model_id), -1, tuple(str(v) for v in via), o)
        )
    return out


def _dataset_fields(data: Data, ids: list[str], week: dt.date) -> dict[str, dict[str, Any]]:
    tags, words = synthetic_rule()
    params = {"week": week, "ids": ids, "synthetic_tags": tags, "synthetic_words": words}
    out = {}
    for id_, _oid, gated, lic, sizes, main, mods, langs, syn_t, syn_w in SQL.rows(
        data.con, "datasets", params
    ):
        o = _origin(data, "datasets", str(id_), week)
        hints = [f"tag {t}" for t in syn_t] + [f"name contains {w}" for w in syn_w]
        out[str(id_)] = {
            "origin": o,
            "licences": _filled(list(lic), o),
            "size_categories": _filled(list(sizes), o),
            "main_size": _filled(int(main) if main is not None and main == main else None, o),
            "modalities": _filled(list(mods), o),
            "languages": _filled(list(langs), o),
            "gated": _filled(gated, o),
            "synthetic_hint": _filled(hints, o),
        }
    return out


def draft(data: Data, model: str, week: dt.date | str | None = None) -> Draft:
    """The draft summary of ``model`` (an id) in models week ``week`` (the latest when None)."""
    if not isinstance(model, str) or not model.strip():
        raise HubObsError(f"model must be a model id such as 'owner/name', got {model!r}")
    w = weeklist.week_or_latest(data.con, "models", week)
    d = Draft(model, w, False, data.provenance.generated, data.provenance.revision)
    if w is None:
        return d
    general = _general(data, model, w)
    if general is None:
        return d
    d.found, d.general = True, general
    ids = _lineage(data, model, w, d)
    depth = {model: 0, **{a.id: a.depth for a in d.ancestors}}
    declared = _declared(data, ids, w)
    d.unread_cards = [
        (str(i), str(r))
        for i, r in SQL.rows(
            data.con, "unread_cards", {"week": w, "ids": ids, "max_card": MAX_CARD_CHARS}
        )
    ]
    order = sorted(declared, key=lambda k: (min(depth[x.model] for x in declared[k]), k))
    d.datasets_more = max(0, len(order) - MAX_DATASETS)
    order = order[:MAX_DATASETS]
    d.datasets_week = weeklist.latest(data.con, "datasets", w)
    fields = (
        _dataset_fields(data, order, d.datasets_week)
        if order and d.datasets_week is not None
        else {}
    )
    for k in order:
        by = tuple(
            sorted(
                (Declaration(x.model, depth[x.model], x.via, x.origin) for x in declared[k]),
                key=lambda x: (x.depth, x.model),
            )
        )
        on_hub = None if d.datasets_week is None else k in fields
        d.datasets.append(DeclaredDataset(k, by, on_hub, **fields.get(k, {})))
    return d


__all__ = [
    "LEFT",
    "Ancestor",
    "Declaration",
    "DeclaredDataset",
    "Draft",
    "Field",
    "Link",
    "Origin",
    "draft",
    "synthetic_rule",
]
