"""Evaluations on tiny hand-built cards; expected values worked out by hand in comments.

Week W1 (2025-01-01): lab/base alone. Week W2 (2025-01-08), eleven models::

    lab/base   model-index: cais/mmlu (acc 70.1), openai/gsm8k (acc "NaN", a string)
    lab/ft1    finetune of lab/base: cais/mmlu, openai/gsm8k         (the base's exact set)
    u/ft2      finetune of lab/base: CAIS/MMLU, no task              (some of the base's)
    u/ft3      finetune of lab/base: dataset named only `<script>...` (JSON NaN value)  (other)
    u/ft4      finetune of lab/base, no card                          (none reported)
    acme/m     text-classification: `{{< include /etc/passwd >}}` and `=HYPERLINK(...)`
    solo/plain a card without model-index (no evaluation, not a card read)
    u/empty    model-index with no results (parsed, not reporting)
    u/bad      malformed JSON; u/huge over 1 MiB; u/deep nested 40 levels (not parsed)

W2: 11 models, 5 reporting, 9 cards naming model-index, 3 not parsed. Results per benchmark:
cais/mmlu 2 (base, ft1), CAIS/MMLU 1 (benchmarks are kept as written), openai/gsm8k 2, the
three hostile names 1 each: 8 results on 6 benchmarks. Top 1: 2/8; top 5: 7/8; top 10: 1.
Gini, x sorted = 1,1,1,1,2,2, n = 6, sum 8: sum(i x_i) = 1+2+3+4+10+12 = 32, 2*32/(6*8) - 7/6
= 4/3 - 7/6 = 1/6.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import pandas as pd
import pytest
from metrics_tables import build

from analysis import definitions, evaluations
from analysis.errors import HubObsError
from analysis.evaluations import figures
from analysis.facts.definitions import facts
from analysis.lineage import Lineage
from analysis.provenance import Provenance

W1, W2 = "2025-01-01", "2025-01-08"
SCRIPT = "<script>alert(1)</script>"
INCLUDE = "{{< include /etc/passwd >}}"
FORMULA = '=HYPERLINK("http://evil.example","x")'
ORG_MAP = pd.DataFrame(
    {
        "org": ["lab", "acme"],
        "kind": ["academic", "company"],
        "country": ["FR", "US"],
        "source": ["https://lab.example.org", "https://acme.example.com"],
        "note": ["", ""],
    }
)


def result(bench: str | None, name: str | None, task: str | None, value: Any) -> dict[str, Any]:
    r: dict[str, Any] = {"dataset": {k: v for k, v in (("type", bench), ("name", name)) if v}}
    if task:
        r["task"] = {"type": task}
    r["metrics"] = [{"type": "acc", "value": value}]
    r["source"] = {"name": "self-reported"}
    return r


def card(*results: dict[str, Any]) -> str:
    return json.dumps({"license": "mit", "model-index": [{"name": "m", "results": list(results)}]})


BASE = card(
    result("cais/mmlu", "MMLU", "text-generation", 70.1),
    result("openai/gsm8k", "GSM8K", "text-generation", "NaN"),
)
HUGE = '{"model-index":[],"pad":"' + "x" * 1_048_576 + '"}'
DEEP = '{"model-index":[{"results":[{"dataset":{"type":"d"},"x":' + "[" * 40 + "]" * 40 + "}]}]}"


def m(week: str, id_: str, cardData: str | None, parent: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {"week": week, "_id": id_.upper(), "id": id_, "author": id_.split("/")[0]}
    row["cardData"] = cardData
    if parent:
        row["baseModels"] = {
            "relation": "finetune",
            "models": [{"_id": parent.upper(), "id": parent}],
        }
        row["tags"] = [f"base_model:{parent}", f"base_model:finetune:{parent}"]
    return row


def rows() -> list[dict[str, Any]]:
    w2 = [
        m(W2, "lab/base", BASE),
        m(W2, "lab/ft1", BASE, "lab/base"),
        m(W2, "u/ft2", card(result("CAIS/MMLU", None, None, 60)), "lab/base"),
        # a JSON NaN literal (not valid strict JSON; accepted by the parser, never numeric)
        m(W2, "u/ft3", card(result(None, SCRIPT, None, 1)).replace("1}]", "NaN}]"), "lab/base"),
        m(W2, "u/ft4", None, "lab/base"),
        m(
            W2,
            "acme/m",
            card(
                result(INCLUDE, None, "text-classification", {"nested": 1}),
                result(FORMULA, None, "text-classification", None),
            ),
        ),
        m(W2, "solo/plain", '{"license": "mit", "note": "no evaluation"}'),
        # no results: an empty list, and entries that are not objects
        m(W2, "u/empty", '{"model-index": [{"results": []}, {"results": ["x", 3, null]}, 7]}'),
        m(W2, "u/bad", '{"model-index": [{"results": [}'),
        m(W2, "u/huge", HUGE),
        m(W2, "u/deep", DEEP),
    ]
    return [m(W1, "lab/base", BASE), *w2]


@pytest.fixture(scope="module")
def con() -> Any:
    c = build({"models": rows()})
    yield c
    c.close()


@pytest.fixture(scope="module")
def lineage(con: Any) -> Any:
    with Lineage(con) as graph:
        yield graph


def test_the_fact_parses_bounded_and_counts_what_it_cannot(con: Any) -> None:
    f = con.execute(
        "SELECT id, status, task, benchmark, results, metrics, numeric_metrics "
        "FROM fact_models__evaluations WHERE week = DATE '2025-01-08' ORDER BY id, benchmark"
    ).df()
    status = f.groupby("id")["status"].first().to_dict()
    assert status == {
        "acme/m": "parsed",
        "lab/base": "parsed",
        "lab/ft1": "parsed",
        "u/bad": "malformed",
        "u/deep": "too deep",
        "u/empty": "parsed",
        "u/ft2": "parsed",
        "u/ft3": "parsed",
        "u/huge": "too large",
    }  # solo/plain (no model-index) and u/ft4 (no card): no row
    base = f[f["id"] == "lab/base"].set_index("benchmark")
    assert base["metrics"].tolist() == [1, 1]
    assert base.loc["cais/mmlu", "numeric_metrics"] == 1  # 70.1
    assert base.loc["openai/gsm8k", "numeric_metrics"] == 0  # "NaN", a string
    ft3 = f[f["id"] == "u/ft3"].iloc[0]
    assert (ft3["benchmark"], ft3["task"], ft3["numeric_metrics"]) == (SCRIPT, "(no task)", 0)
    acme = f[f["id"] == "acme/m"]
    assert sorted(acme["benchmark"]) == sorted([INCLUDE, FORMULA])
    assert acme["numeric_metrics"].tolist() == [0, 0]  # an object and a null
    empty = f[f["id"] == "u/empty"].iloc[0]
    assert pd.isna(empty["benchmark"]) and empty["results"] == 0


def test_a_card_just_within_the_limits_is_parsed() -> None:
    # depth 32 exactly: {, model-index [, {, results [, {, then 27 nested arrays
    ok = '{"model-index":[{"results":[{"dataset":{"type":"d"},"x":' + "[" * 27 + "]" * 27 + "}]}]}"
    one_more = ok.replace("[" * 27, "[" * 28).replace("]" * 27, "]" * 28)
    # brackets inside strings are not nesting
    quoted = card(result('x"]]]]' + "[" * 50, None, "t", 1))
    c = build({"models": [m(W1, "a/ok", ok), m(W1, "a/deeper", one_more), m(W1, "a/q", quoted)]})
    got = dict(c.execute("SELECT id, status FROM fact_models__evaluations").fetchall())
    assert got == {"a/ok": "parsed", "a/deeper": "too deep", "a/q": "parsed"}
    c.close()


def test_weekly_reporting_and_concentration(con: Any) -> None:
    w = evaluations.weekly(con).set_index("week")
    w1, w2 = w.iloc[0], w.iloc[1]
    # W1: lab/base alone, 2 results on 2 benchmarks: top 1 = 1/2, Gini 0
    assert (w1["models"], w1["reporting"], w1["results"], w1["benchmarks"]) == (1, 1, 2, 2)
    assert w1["top1_share"] == 0.5 and math.isclose(w1["gini"], 0.0, abs_tol=1e-12)
    assert (w2["models"], w2["cards"], w2["reporting"]) == (11, 9, 5)
    assert math.isclose(w2["reporting_share"], 5 / 11)
    assert (w2["not_parsed"], w2["too_large"], w2["too_deep"], w2["malformed"]) == (3, 1, 1, 1)
    assert (w2["results"], w2["benchmarks"]) == (8, 6)
    assert math.isclose(w2["top1_share"], 2 / 8)
    assert math.isclose(w2["top5_share"], 7 / 8)
    assert math.isclose(w2["top10_share"], 1.0)
    assert math.isclose(w2["gini"], 1 / 6)
    assert not w["is_repeat"].any()
    assert evaluations.weekly(con, start=W2)["week"].astype(str).tolist() == [W2]


def test_top_benchmarks(con: Any) -> None:
    t = evaluations.top_benchmarks(con, n=3)
    # 2 results each: cais/mmlu, openai/gsm8k; then 1 each, by name ('<' sorts before '=' and 'C')
    assert t["benchmark"].tolist() == ["cais/mmlu", "openai/gsm8k", SCRIPT]
    assert t["results"].tolist()[:2] == [2, 2] and t["share"].iloc[0] == 0.25
    assert evaluations.top_benchmarks(con, week=W1)["benchmark"].tolist() == [
        "cais/mmlu",
        "openai/gsm8k",
    ]
    with pytest.raises(HubObsError):
        evaluations.top_benchmarks(con, n=0)


def test_who_reports(con: Any) -> None:
    k = evaluations.by_org_kind(con, org_map=ORG_MAP).set_index("org_kind")
    # academic: lab (base, ft1) 2 of 2 models, 4 results; company: acme 1 of 1, 2 results;
    # unmapped: u (7 models: ft2, ft3 report) and solo: 2 owners, 8 models, 2 reporting
    assert k.loc["academic", ["owners", "models", "reporting", "results"]].tolist() == [1, 2, 2, 4]
    assert k.loc["company", ["owners", "models", "reporting", "results"]].tolist() == [1, 1, 1, 2]
    assert k.loc["unmapped", ["owners", "models", "reporting_owners", "reporting"]].tolist() == [
        2,
        8,
        1,
        2,
    ]
    assert k.loc["unmapped", "reporting_share"] == 0.25
    assert k.index.tolist() == ["unmapped", "academic", "company"]  # reporting, then models
    t = evaluations.tasks_by_org_kind(con, org_map=ORG_MAP)
    got = {(r.org_kind, r.task): (r.models, r.results, r.share) for r in t.itertuples()}
    assert got == {
        ("academic", "text-generation"): (2, 4, 1.0),
        ("company", "text-classification"): (1, 2, 1.0),
        ("unmapped", "(no task)"): (2, 2, 1.0),
    }
    # the top task only: text-generation (4 results)
    assert evaluations.tasks_by_org_kind(con, n=1, org_map=ORG_MAP)["task"].unique().tolist() == [
        "text-generation"
    ]


def test_derivatives_against_their_base(lineage: Lineage) -> None:
    fam = evaluations.families(lineage).iloc[0]
    # lab/base: 4 derivatives; ft1, ft2, ft3 report; ft1 and ft2 share (CAIS/MMLU lower-cased
    # is cais/mmlu); ft1 the exact set. Jaccard: ft1 2/2, ft2 1/2, ft3 0/3 -> mean 1/2
    assert fam["root_id"] == "lab/base"
    assert fam[["derivatives", "root_benchmarks", "reporting", "sharing", "same_set"]].tolist() == [
        4,
        2,
        3,
        2,
        1,
    ]
    assert math.isclose(fam["mean_jaccard"], 0.5)
    _chart, data = figures.families(evaluations.families(lineage))
    assert dict(zip(data["comparison"], data["derivatives"], strict=True)) == {
        "the base's exact set": 1,
        "some of the base's": 1,
        "only other benchmarks": 1,
        "none reported": 1,
    }


def test_benchmarks_as_datasets() -> None:
    ds = [
        {
            "week": W2,
            "_id": "D1",
            "id": "cais/MMLU",
            "author": "cais",
            "downloads": 900,
            "likes": 3,
        },
        {"week": W2, "_id": "D2", "id": "x/other", "author": "x", "downloads": 5, "likes": 0},
    ]
    c = build({"models": rows(), "datasets": ds})
    b = evaluations.benchmark_datasets(c).set_index("benchmark")
    # models reporting: cais/mmlu 2, openai/gsm8k 2, then 1 each; matched lower-cased
    assert b.loc["cais/mmlu", ["dataset_id", "found", "downloads"]].tolist() == [
        "cais/MMLU",
        True,
        900,
    ]
    assert b.loc["CAIS/MMLU", "dataset_id"] == "cais/MMLU"
    assert not b.loc["openai/gsm8k", "found"] and pd.isna(b.loc["openai/gsm8k", "downloads"])
    assert str(b["dataset_week"].iloc[0]) == W2
    c.close()


def test_benchmarks_without_datasets_are_not_looked_up(con: Any) -> None:
    b = evaluations.benchmark_datasets(con, n=2)
    assert b["benchmark"].tolist() == ["cais/mmlu", "openai/gsm8k"]
    assert not b["found"].any() and b["dataset_week"].isna().all()


def test_findings_escape_hostile_names(con: Any, lineage: Lineage) -> None:
    weekly = evaluations.weekly(con)
    top = evaluations.top_benchmarks(con)
    text = (
        evaluations.findings(
            weekly,
            top,
            evaluations.by_org_kind(con, org_map=ORG_MAP),
            evaluations.families(lineage),
            evaluations.benchmark_datasets(con),
            Provenance(
                weeks=(dt.date(2025, 1, 1), dt.date(2025, 1, 8)), revision="t", generated=False
            ),
        )
        .markdown()
        .data
    )
    assert "5 of the 11 models of the week of 2025-01-08 (45.5%)" in text
    assert "3 cards naming `model-index` were not parsed" in text
    assert "1 too large, 1 not valid JSON, 1 nested too deep" in text
    assert "holds 25.0% of the results; the top 5 hold 87.5% and the top 10 100.0%" in text
    assert "(Gini coefficient 0.17 over 6 benchmarks)" in text
    assert "3 report an evaluation and 1 report exactly" in text
    assert "no datasets" in text
    assert "<script>" not in text and "{{<" not in text


def test_only_the_evaluations_fact_reads_the_cards() -> None:
    readers = {
        f.table
        for f in facts()
        if re.search(r"\bcardData\b", re.sub(r"--[^\n]*", "", f.sql), re.IGNORECASE)
    }
    assert readers == {"fact_models__evaluations"}
    derived = next(f for f in facts("models") if f.name == "evaluation_benchmarks")
    assert derived.reads == ("evaluations",)


def test_a_card_of_a_million_brackets_is_too_deep_not_a_crash() -> None:
    n = (1_048_576 - 20) // 2
    c = build({"models": [m(W1, "a/brackets", '{"model-index":' + "[" * n + "]" * n + "}")]})
    assert c.execute("SELECT status FROM fact_models__evaluations").fetchall() == [("too deep",)]
    c.close()


def test_hostile_benchmark_names_are_inert_in_the_published_chart(con: Any, tmp_path: Any) -> None:
    from analysis.publish import figure

    prov = Provenance(weeks=(dt.date(2025, 1, 8),), revision="t", generated=False)
    fig = figure(
        "evaluations.benchmarks", evaluations.top_benchmarks(con), provenance=prov, outdir=tmp_path
    )
    html = fig._repr_html_()
    assert SCRIPT not in html and "{{< include" not in html
    csv = (tmp_path / "evaluations-benchmarks.csv").read_text(encoding="utf-8")
    assert FORMULA not in csv and "'=HYPERLINK" in csv  # a formula is neutralized, kept as text


def test_a_hostile_benchmark_in_a_sentence_is_escaped() -> None:
    hostile = card(*[result(INCLUDE, None, "t", 1)] * 3)  # 3 more results: the top benchmark
    c = build({"models": [*rows(), m(W2, "x/y", hostile)]})
    weekly, top = evaluations.weekly(c), evaluations.top_benchmarks(c)
    assert top["benchmark"].iloc[0] == INCLUDE
    prov = Provenance(weeks=(dt.date(2025, 1, 8),), revision="t", generated=False)
    empty = pd.DataFrame(columns=["org_kind", "models", "reporting", "reporting_share"])
    text = (
        evaluations.findings(weekly, top, empty, pd.DataFrame(), pd.DataFrame(), prov)
        .markdown()
        .data
    )
    assert r"The most reported benchmark, \{\{\< include \/etc\/passwd \>\}\}, holds" in text
    assert "{{<" not in text
    c.close()


def test_the_limits_are_said_where_they_are_set() -> None:
    fact = next(f for f in facts("models") if f.name == "evaluations")
    max_bytes = re.findall(r"SELECT (\d+) AS max_bytes", fact.sql)
    depths = set(re.findall(r"repeat\('[^']*', (\d+)\)", fact.sql))
    assert len(max_bytes) == 1 and len(depths) == 1
    text = definitions.load("evaluations").definitions["Parsing the cards, bounded"]
    assert f"longer than {max_bytes[0]} bytes" in text
    assert f"deeper than {depths.pop()} levels" in text
