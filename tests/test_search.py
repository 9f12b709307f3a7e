"""The search index (analysis/search/): tokens, BM25 weights and ranking on hand-computed
scores, documents from hostile Hub text, and the index of a tiny hand-built week."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import math
from pathlib import Path

import pytest
import search_week
from search_week import ORG_MAP, PWNED

from analysis import search
from analysis.errors import HubObsError
from analysis.provenance import Provenance
from analysis.search import bm25
from analysis.search.documents import SUMMARY_LIMIT, document, parse_card, summary
from analysis.search.page import page_html


def test_tokens_are_lower_case_runs_of_letters_and_digits() -> None:
    assert search.tokenize("Meta-Llama/Llama-3.1_8B ÉCOLE \uff46\uff55\uff4c\uff4c") == [
        "meta",
        "llama",
        "llama",
        "3",
        "1",
        "8b",
        "école",
        "full",  # NFKC folds full-width letters
    ]
    assert search.tokenize("x" * 50) == ["x" * bm25.MAX_TOKEN]
    assert search.tokenize("<>!? ...") == []


# Three documents: d0 = a b, d1 = a a c, d2 = c. N = 3, lengths 2, 3, 1, average 2.
DOCS = [["a", "b"], ["a", "a", "c"], ["c"]]


def test_bm25_weights_match_the_hand_computed_ones() -> None:
    # idf(a) = idf(c) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470004
    # idf(b) = ln(1 + 2.5 / 1.5) = ln 2.666667 = 0.980829
    assert bm25.idf(3, 2) == pytest.approx(0.470004, abs=1e-6)
    assert bm25.idf(3, 1) == pytest.approx(0.980829, abs=1e-6)
    # w(a, d0): tf 1, norm 1.2 * (0.25 + 0.75 * 2/2) = 1.2: 0.470004 * 2.2 / 2.2 = 0.470004
    assert bm25.weight(1, 2, 2.0, bm25.idf(3, 2)) == pytest.approx(0.470004, abs=1e-6)
    # w(a, d1): tf 2, norm 1.2 * (0.25 + 0.75 * 1.5) = 1.65: 0.470004 * 4.4 / 3.65 = 0.566580
    assert bm25.weight(2, 3, 2.0, bm25.idf(3, 2)) == pytest.approx(0.566580, abs=1e-6)
    # w(c, d1): 0.470004 * 2.2 / 2.65 = 0.390192; w(c, d2): norm 0.75, 0.470004 * 2.2 / 1.75 = 0.590862
    assert bm25.weight(1, 3, 2.0, bm25.idf(3, 2)) == pytest.approx(0.390192, abs=1e-6)
    assert bm25.weight(1, 1, 2.0, bm25.idf(3, 2)) == pytest.approx(0.590862, abs=1e-6)
    p = bm25.postings(DOCS)
    assert p.terms == ("a", "b", "c")
    assert p.docs == ((0, 1), (0,), (1, 2))
    # scaled by 100 and rounded
    assert p.weights == ((47, 57), (98,), (39, 59))


def test_a_query_sums_the_weights_of_its_distinct_words() -> None:
    p = bm25.postings(DOCS)
    # "a c": d1 = 57 + 39 = 96, d2 = 59, d0 = 47
    assert bm25.scores(p, "a c") == {0: 47, 1: 96, 2: 59}
    assert bm25.search(p, "a c", downloads=[0, 0, 0]) == [1, 2, 0]
    # "a b": d0 = 47 + 98 = 145 beats d1 = 57; a repeated word counts once
    assert bm25.search(p, "A  b a", downloads=[0, 0, 0]) == [0, 1]
    assert bm25.scores(p, "zzz") == {} and bm25.scores(p, "!!") == {}


def test_the_last_word_matches_the_words_it_begins_once() -> None:
    # d0 = car cat, d1 = cat, d2 = dog: N 3, lengths 2, 1, 1, average 4/3
    p = bm25.postings([["car", "cat"], ["cat"], ["dog"]])
    by = dict(zip(p.terms, p.weights, strict=True))
    # "ca": d0 takes the better of car and cat, not both; d1 its cat
    s = bm25.scores(p, "ca")
    assert s == {0: max(by["car"][0], by["cat"][0]), 1: by["cat"][1]}
    # car: df 1, idf ln(1 + 2.5/1.5) = 0.980829, d0 norm 1.2 * (0.25 + 0.75 * 1.5) = 1.65:
    # 0.980829 * 2.2 / 2.65 = 0.814273 -> 81
    assert by["car"] == (81,)
    # only the last word is a prefix: "ca dog" needs the whole word ca, which no document has
    assert bm25.scores(p, "ca dog") == {2: by["dog"][0]}


def test_ties_go_to_downloads_then_the_document_number() -> None:
    p = bm25.postings([["x"], ["x"], ["x"]])
    assert bm25.search(p, "x", downloads=[5, 9, 9]) == [1, 2, 0]
    assert bm25.search(p, "x", downloads=[5, 9, 9], limit=1) == [1]


def test_terms_are_ordered_as_javascript_compares_strings() -> None:
    # U+FA0E (an ideograph NFKC keeps) sorts after the surrogates of U+20000 in UTF-16, before
    # it by code point: the terms follow JavaScript, and prefix search still finds it
    p = bm25.postings([["\ufa0ex"], ["\U00020000y"]])
    assert p.terms == ("\U00020000y", "\ufa0ex")
    assert bm25.scores(p, "\ufa0e") == {0: p.weights[1][0]}
    assert bm25.scores(p, "\U00020000") == {1: p.weights[0][0]}


def _model(id_: str, **extra: object) -> dict[str, object]:
    row: dict[str, object] = {
        "id": id_,
        "author": id_.split("/")[0],
        "pipeline_tag": "text-generation",
        "library_name": "transformers",
        "tags": ["transformers", "license:mit", "region:us", "dataset:acme/corpus"],
        "card": None,
        "params": 7_000_000_000,
        "downloads": 10,
        "likes": 1,
        "created": None,
    }
    row.update(extra)
    return row


def test_a_document_from_hostile_card_text_is_bounded_and_clean() -> None:
    card = json.dumps(
        {
            "license": "apache-2.0",
            "language": ["fr", "en\u202e", 3],
            "datasets": "acme/other",
            "tags": ["<script>alert(1)</script>", "x" * 500],
            "pretty_name": "Evil\x00 name",
            "model-index": [{"results": [{"task": {"name": "Q&A"}, "dataset": {"name": "MMLU"}}]}],
        }
    )
    doc = document(_model(PWNED, card=card), "model", {"evil": "company"})
    assert doc.id == PWNED  # the id is kept as it is (the page sets it as text)
    assert doc.licence == "mit"  # the tag first, then the card
    assert doc.languages == ("fr", "en")  # bidi override removed, non-strings dropped
    assert doc.datasets == ("acme/other", "acme/corpus")
    assert doc.size == "1B to 10B" and doc.org_kind == "company"
    assert "\x00" not in doc.summary and len(doc.summary) <= SUMMARY_LIMIT
    assert doc.summary.startswith("Evil name. Evaluated on MMLU. Tasks: Q&A. Tags: <script>")
    assert "region" not in " ".join(doc.text)  # region:us is left out
    assert "7b" in doc.text  # the size as readers type it


def test_cards_that_are_not_json_objects_or_too_long_are_not_read() -> None:
    assert parse_card("not json") == {}
    assert parse_card("[1, 2]") == {}
    assert parse_card('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}") == {}
    assert parse_card(None) == {}
    assert summary({}) == ""


def test_size_bands_and_hub_urls() -> None:
    assert [search.size_band(n) for n in (None, 0, 999_999_999, 10**9, 10**10, 10**11)] == [
        "unknown",
        "unknown",
        "under 1B",
        "1B to 10B",
        "10B to 100B",
        "100B and more",
    ]
    assert search.hub_url("model", "acme/m-1.5") == "https://huggingface.co/acme/m-1.5"
    assert search.hub_url("dataset", "a/b c?#") == "https://huggingface.co/datasets/a/b%20c%3F%23"
    assert (
        search.hub_url("model", PWNED)
        == "https://huggingface.co/evil/%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E"
    )


def test_the_index_of_a_week_keeps_the_most_downloaded_and_counts_the_rest() -> None:
    con = search_week.week()
    idx = search.build_index(con, max_models=3, org_map=ORG_MAP)
    assert [d.id for d in idx.documents] == [
        "acme/chat-7b",
        "acme/whisper-fr",
        "bob/speech-small",
        "acme/speech-corpus",
    ]
    assert idx.counts["models"].rows == 4 and idx.counts["models"].indexed == 3
    assert idx.counts["datasets"].rows == 1
    # "speech recognition": both speech models and the dataset; the whisper model's id lacks
    # "speech" but its task has both words... every document with the task matches
    found = idx.search("speech recog")
    assert set(found) == {"acme/whisper-fr", "bob/speech-small", "acme/speech-corpus"}
    assert idx.search("whisper") == ["acme/whisper-fr"]
    assert idx.facet_labels()["org"] == ["company", "unmapped"]
    assert idx.facet_labels()["kind"] == ["model", "dataset"]
    with pytest.raises(HubObsError, match="max_models must be at least 1"):
        search.build_index(con, max_models=0, org_map=ORG_MAP)


def test_the_compressed_index_decodes_to_the_same_postings(tmp_path: Path) -> None:
    idx = search.build_index(search_week.week(), org_map=ORG_MAP)
    path = search.write_index(idx, tmp_path)
    assert path.read_bytes() == idx.gzip_bytes()  # no timestamp: the same bytes every time
    doc = json.loads(gzip.decompress(path.read_bytes()))
    assert doc["version"] == 1 and doc["meta"]["counts"]["models"]["rows"] == 4
    for j, (deltas, weights) in enumerate(doc["postings"]):
        assert [sum(deltas[: k + 1]) for k in range(len(deltas))] == list(idx.postings.docs[j])
        assert weights == list(idx.postings.weights[j])
    labels = doc["facets"]["task"]["values"]
    assert [labels[t] for t in doc["docs"]["task"]] == [d.task for d in idx.documents]
    frame = idx.frame()
    assert frame.loc[frame["id"] == PWNED, "url"].item() == search.hub_url("model", PWNED)
    assert math.isnan(frame.loc[frame["kind"] == "dataset", "params"].astype(float).item())


def test_the_page_escapes_hub_text_and_names_the_week() -> None:
    idx = search.build_index(search_week.week(), max_models=2, org_map=ORG_MAP)
    prov = Provenance(weeks=(dt.date(2025, 1, 1),), revision="abc", generated=True)
    html = page_html(
        idx,
        prov,
        index_href='x/"i<.json.gz',
        csv_href="i.csv",
        assets_href="../a/",
        index_bytes=2_500_000,
    )
    assert 'data-index="x/&quot;i&lt;.json.gz"' in html
    assert "the 2 most downloaded models of the 4 in the week of 2025-01-01" in html
    assert "(the other 2 are counted, not kept)" in html
    assert "all 1 datasets of the week of 2025-01-01" in html
    assert "The compressed index is 2.5 MB." in html
    assert "Generated sample" in html and "revision abc" in html
    assert '<label for="hs-q">' in html and 'role="status"' in html
    assert PWNED not in html  # no Hub text in the page itself: it is in the index


def test_the_page_builds_from_a_models_only_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import real_roots as rr

    from analysis.data import open_data

    monkeypatch.setenv("HUBOBS_CACHE", str(tmp_path / "cache"))
    data = open_data(rr.models_only(tmp_path / "root"))
    try:
        idx = search.build_index(data.con, revision=data.provenance.revision)
        page = search.search_page(idx, search.index_provenance(data, idx), tmp_path / "out")
    finally:
        data.close()
    # the 24 rows of W2 (2025-06-11) are one row per id after the row checks: 23 models
    assert idx.counts["models"].rows == 23 and idx.counts["models"].indexed == 23
    assert idx.counts["datasets"].week is None
    assert "all 23 models of the week of 2025-06-11; no datasets week in this data" in page.html
    assert "Generated sample" not in page.html and "revision fedcba987654" in page.html
    # "smollm2": the base, its Instruct, the 8 finetunes and the adapter naming it in their
    # base_model tags, and the finetune of the Instruct (12); not the merge of two finetunes
    smol = idx.search("smollm2")
    assert len(smol) == 12 and "m/smol-merge" not in smol
    assert {rr.SMOL, f"{rr.SMOL}-Instruct", "u1/smol-instruct-ft", "u7/smol-lora"} <= set(smol)
    assert page.index_path.is_file() and page.csv_path.is_file()
