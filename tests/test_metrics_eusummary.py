"""Draft training-content summaries on tiny hand-built tables (:mod:`metrics_tables`).

One week, 2025-06-04. Models and what they declare (worked out by hand):

* ``org/Base``: no base; card ``datasets: [pub/corpus, gone/private-set]``, tag
  ``dataset:pub/corpus``.
* ``org/Model``: finetune of ``org/Base``; card ``datasets: "pub/instruct"`` (one id, not a
  list), tag ``dataset:syn/synthetic-chat``. Its draft lists, its own first (depth 0, by id):
  pub/instruct (cardData), syn/synthetic-chat (tags); then its base's (depth 1): gone/private-set
  (cardData), pub/corpus (cardData and tags). Three are public; gone/private-set is not in the
  datasets file; syn/synthetic-chat hints at synthetic data twice (tag and name).
* ``c/A`` and ``c/B`` name each other as base (a cycle); ``c/Child`` is a finetune of ``c/A``.
  ``c/A`` declares pub/corpus (tag), ``c/B`` pub/instruct (card): c/Child inherits both, at
  depths 1 and 2.
* ``bad/Card``: a card that is not JSON, a tag ``dataset:pub/corpus``: the tag still counts.
* ``evil/Model``: declares a dataset named with HTML, a Quarto include and a Markdown link.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from metrics_tables import build, ts

from analysis import eusummary
from analysis.data import Data
from analysis.eusummary import metrics, pages, render
from analysis.provenance import Provenance

W = "2025-06-04"
DATASET_FIELDS = (
    "licences",
    "size_categories",
    "main_size",
    "modalities",
    "languages",
    "gated",
    "synthetic_hint",
)
HOSTILE = "x/<script>alert(1)</script>{{< include /etc/passwd >}}[a](javascript:b)|`"


def _model(
    id_: str, base: str | None = None, card: Any = None, ds: tuple[str, ...] = ()
) -> dict[str, Any]:
    tags = [f"dataset:{x}" for x in ds]
    link = None
    if base is not None:
        link = {"relation": "finetune", "models": [{"_id": None, "id": base}]}
        tags += [f"base_model:{base}", f"base_model:finetune:{base}"]
    return {
        "week": W,
        "_id": "oid-" + id_,
        "id": id_,
        "author": id_.split("/")[0],
        "createdAt": ts("2025-01-01T00:00:00"),
        "lastModified": ts("2025-01-02T00:00:00"),
        "tags": tags,
        "pipeline_tag": "text-generation",
        "cardData": card if isinstance(card, str) or card is None else json.dumps(card),
        "baseModels": link,
    }


def _dataset(id_: str, tags: list[str], size: float | None = None) -> dict[str, Any]:
    return {
        "week": W,
        "_id": "d-" + id_,
        "id": id_,
        "author": id_.split("/")[0],
        "tags": tags,
        "mainSize": size,
    }


MODELS = [
    _model("org/Base", card={"datasets": ["pub/corpus", "gone/private-set"]}, ds=("pub/corpus",)),
    _model("org/Model", "org/Base", {"datasets": "pub/instruct"}, ("syn/synthetic-chat",)),
    _model("c/A", "c/B", ds=("pub/corpus",)),
    _model("c/B", "c/A", {"datasets": ["pub/instruct"]}),
    _model("c/Child", "c/A"),
    _model("bad/Card", card='{"datasets": [', ds=("pub/corpus",)),
    _model("evil/Model", card={"datasets": [HOSTILE]}),
]
DATASETS = [
    _dataset(
        "pub/corpus",
        [
            "license:odc-by",
            "size_categories:1M<n<10M",
            "modality:text",
            "language:en",
            "language:fr",
        ],
        123456789.0,
    ),
    _dataset("pub/instruct", ["license:apache-2.0", "size_categories:10K<n<100K", "modality:text"]),
    _dataset("syn/synthetic-chat", ["synthetic", "license:mit"]),
]


def _data(with_datasets: bool = True) -> Data:
    con = build({"models": MODELS, "datasets": DATASETS if with_datasets else []})
    prov = Provenance(weeks=(dt.date.fromisoformat(W),), revision="test", generated=False)
    return Data(Path("."), None, None, con, prov)


@pytest.fixture(scope="module")
def data() -> Data:
    return _data()


def test_own_and_inherited_datasets_with_their_sources(data: Data) -> None:
    dr = eusummary.draft(data, "org/Model")
    assert dr.found and dr.week == dt.date(2025, 6, 4) and dr.datasets_week == dr.week
    got = [(d.id, [(x.model, x.depth, x.via) for x in d.declared_by]) for d in dr.datasets]
    assert got == [
        ("pub/instruct", [("org/Model", 0, ("cardData",))]),
        ("syn/synthetic-chat", [("org/Model", 0, ("tags",))]),
        ("gone/private-set", [("org/Base", 1, ("cardData",))]),
        ("pub/corpus", [("org/Base", 1, ("cardData", "tags"))]),
    ]
    by = {d.id: d for d in dr.datasets}
    assert [d.id for d in dr.public] == ["pub/instruct", "syn/synthetic-chat", "pub/corpus"]
    assert [d.id for d in dr.not_found] == ["gone/private-set"]
    corpus = by["pub/corpus"]
    assert corpus.inherited and not by["pub/instruct"].inherited
    assert corpus.licences.value == ["odc-by"] and corpus.languages.value == ["en", "fr"]
    assert corpus.size_categories.value == ["1M<n<10M"] and corpus.main_size.value == 123456789
    assert corpus.licences.origin is not None
    assert (corpus.licences.origin.repo, corpus.licences.origin.kind) == ("pub/corpus", "datasets")
    assert corpus.licences.origin.file == "datasets/2025-06-04/datasets.parquet"
    assert corpus.declared_by[0].origin.repo == "org/Base"
    # what the datasets do not say is left
    assert not by["pub/instruct"].languages.filled and not by["pub/instruct"].main_size.filled
    assert not by["gone/private-set"].licences.filled
    assert [d.id for d in dr.synthetic] == ["syn/synthetic-chat"]
    assert by["syn/synthetic-chat"].synthetic_hint.value == [
        "tag synthetic",
        "name contains synthetic",
    ]
    assert [(a.id, a.depth) for a in dr.ancestors] == [("org/Base", 1)]
    assert [(lk.child, lk.parent, lk.relation) for lk in dr.links] == [
        ("org/Model", "org/Base", "finetune")
    ]
    assert dr.cycle == []


def test_every_unfilled_field_is_marked(data: Data) -> None:
    dr = eusummary.draft(data, "org/Model")
    doc = render.as_dict(dr)
    assert doc["general"]["size"]["left_for_provider"] and doc["general"]["size"]["source"] is None
    assert doc["general"]["provider"] == {
        "value": "org",
        "filled_from_metadata": True,
        "left_for_provider": False,
        "source": {
            "kind": "models",
            "repository": "org/Model",
            "week": W,
            "revision": "test",
            "file": "models/2025-06-04/models.parquet",
        },
    }
    fields = [d[k] for d in doc["datasets"] for k in DATASET_FIELDS]
    assert all(
        set(f) == {"value", "filled_from_metadata", "left_for_provider", "source"} for f in fields
    )
    assert all(f["left_for_provider"] == (f["source"] is None) for f in fields)
    # pub/instruct: main size, languages, gated, synthetic; syn/synthetic-chat: sizes (2),
    # modalities, languages, gated; gone/private-set: all 7; pub/corpus: gated, synthetic
    assert sum(f["left_for_provider"] for f in fields) == 4 + 5 + 7 + 2
    # the dataset's row: found for the three public ones, none for the one not on the Hub
    assert [d["source"] is not None for d in doc["datasets"]] == [True, True, False, True]
    assert len(doc["left_for_provider"]) == 7
    md = render.markdown(dr)
    # the disclaimer says the words once; then: size, pub/instruct's languages,
    # syn/synthetic-chat's size, modalities and languages, 2.2-2.6 (5), 3.1, 3.2
    assert md.count("*left for the provider*") == 1 + 1 + 1 + 3 + 5 + 2
    assert "not a legal document" in md
    assert "gone\\/private\\-set" in md.split("2.2 Private")[1]


def test_cycle_ends_the_walk_and_is_said(data: Data) -> None:
    dr = eusummary.draft(data, "c/Child")
    assert [(a.id, a.depth) for a in dr.ancestors] == [("c/A", 1), ("c/B", 2)]
    assert dr.cycle == ["c/A", "c/B"]
    assert [(d.id, d.declared_by[0].model, d.declared_by[0].depth) for d in dr.datasets] == [
        ("pub/corpus", "c/A", 1),
        ("pub/instruct", "c/B", 2),
    ]
    assert "form a cycle" in render.markdown(dr)


def test_unread_and_huge_cards(data: Data, monkeypatch: pytest.MonkeyPatch) -> None:
    dr = eusummary.draft(data, "bad/Card")
    assert dr.unread_cards == [("bad/Card", "not valid JSON")]
    assert [(d.id, d.declared_by[0].via) for d in dr.datasets] == [("pub/corpus", ("tags",))]
    monkeypatch.setattr(metrics, "MAX_CARD_CHARS", 20)  # org/Base's card is 48 characters
    dr = eusummary.draft(data, "org/Base")
    assert dr.unread_cards == [("org/Base", "too large")]
    assert [(d.id, d.declared_by[0].via) for d in dr.datasets] == [("pub/corpus", ("tags",))]


def test_hostile_dataset_name_is_escaped(data: Data) -> None:
    dr = eusummary.draft(data, "evil/Model")
    assert [d.id for d in dr.datasets] == [HOSTILE] and dr.datasets[0].on_hub is False
    md = render.markdown(dr)
    # every markup character of the name is backslash-escaped: none is left bare
    for bare in (r"(?<!\\)<script", r"(?<!\\)\{(?<!\\)\{", r"(?<!\\)\]\(javascript", r"(?<!\\)`"):
        assert not re.search(bare, md), bare
    assert "x\\/\\<script\\>alert\\(1\\)" in md
    doc = json.loads(render.as_json(dr))
    assert doc["datasets"][0]["id"] == HOSTILE


def test_model_not_in_the_week(data: Data) -> None:
    dr = eusummary.draft(data, "nobody/nothing")
    assert not dr.found and dr.datasets == [] and dr.general == {}
    md = render.markdown(dr)
    assert "not in the models file of this week" in md
    assert render.as_dict(dr)["general"]["all"]["left_for_provider"]


def test_without_datasets_file_every_dataset_field_is_left() -> None:
    data = _data(with_datasets=False)
    dr = eusummary.draft(data, "org/Model")
    assert dr.datasets_week is None
    assert [d.on_hub for d in dr.datasets] == [None] * 4
    assert not any(
        f.filled for d in dr.datasets for f in (d.licences, d.languages, d.size_categories)
    )
    assert "The root holds no datasets file" in render.markdown(dr)
    data.close()


def test_the_synthetic_rule_is_read_from_its_definition() -> None:
    assert metrics.synthetic_rule() == (
        ["synthetic", "synthetic-data", "distilabel", "datadreamer", "library:distilabel"],
        ["synthetic"],
    )


def test_tracked_models_and_slugs(tmp_path: Path) -> None:
    assert pages.tracked(False) == ["HuggingFaceTB/SmolLM3-3B", "openai/gpt-oss-20b"]
    assert len(pages.tracked(True)) == 3
    assert pages.slug("HuggingFaceTB/SmolLM3-3B").startswith("huggingfacetb-smollm3-3b-")
    assert pages.slug("a/B") != pages.slug("a/b")
    bad = tmp_path / "tracked.yml"
    bad.write_text("sample: [not-an-id]\n", encoding="utf-8")
    with pytest.raises(Exception, match="not model ids"):
        pages.tracked(True, bad)


def test_a_hostile_model_id_gives_a_safe_slug_and_title() -> None:
    model = "evil/<img src=x onerror=alert(1)>{{< include x >}}"
    assert re.fullmatch(r"[a-z0-9-]+-[0-9a-f]{8}", pages.slug(model))
    title = pages.front_matter(model)["title"]
    assert "\\<img" in title and not re.search(r"(?<!\\)<", title) and "{{<" not in title
