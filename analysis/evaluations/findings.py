"""Findings of the evaluations analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings
from analysis.fmt import count, date, number, percent
from analysis.orgmap import UNMAPPED
from analysis.provenance import Provenance


def _parsing(f: Findings, last: pd.Series) -> None:
    n = int(last["not_parsed"])
    if n == 0:
        f.add("Every card naming `model-index` that week was parsed.")
        return
    f.add(
        "{n} naming `model-index` were not parsed and are counted apart: {large} too large, "
        "{malformed} not valid JSON, {deep} nested too deep.",
        n=count(n, "card"),
        large=int(last["too_large"]),
        malformed=int(last["malformed"]),
        deep=int(last["too_deep"]),
    )


def _concentration(f: Findings, weekly: pd.DataFrame, top: pd.DataFrame) -> None:
    w = weekly[weekly["results"] > 0].sort_values("week")
    if w.empty or top.empty:
        return
    last = w.iloc[-1]
    f.add(
        "The most reported benchmark, {lead}, holds {s1} of the results; the top 5 hold {s5} and "
        "the top 10 {s10} (Gini coefficient {gini} over {k}).",
        lead=str(top.sort_values("rank").iloc[0]["benchmark"]),
        s1=percent(float(last["top1_share"])),
        s5=percent(float(last["top5_share"])),
        s10=percent(float(last["top10_share"])),
        gini=number(float(last["gini"]), 2),
        k=count(int(last["benchmarks"]), "benchmark"),
    )
    fresh = w[~w["is_repeat"].astype(bool)]
    if len(fresh) >= 2:
        first = fresh.iloc[0]
        f.add(
            "The top 5 benchmarks' share moved from {a} (week of {w0}) to {b} (week of {w1}).",
            a=percent(float(first["top5_share"])),
            w0=date(first["week"]),
            b=percent(float(fresh.iloc[-1]["top5_share"])),
            w1=date(fresh.iloc[-1]["week"]),
        )


def _org_kinds(f: Findings, by_kind: pd.DataFrame) -> None:
    known = by_kind[(by_kind["org_kind"] != UNMAPPED) & (by_kind["models"] > 0)]
    if known.empty or int(by_kind["reporting"].sum()) == 0:
        return
    lead = known.sort_values(["reporting_share", "org_kind"], ascending=[False, True]).iloc[0]
    f.add(
        "Among mapped owners, {kind} owners report most often: {share} of their {models} models.",
        kind=str(lead["org_kind"]),
        share=percent(float(lead["reporting_share"])),
        models=int(lead["models"]),
    )


def _families(f: Findings, fam: pd.DataFrame) -> None:
    if fam.empty:
        return
    big = fam.iloc[0]
    f.add(
        "In the largest family, {root}'s ({n}), {rep} report an evaluation and {same} report "
        "exactly the base model's benchmarks ({k}).",
        root=str(big["root_id"]),
        n=count(int(big["derivatives"]), "derivative"),
        rep=int(big["reporting"]),
        same=int(big["same_set"]),
        k=count(int(big["root_benchmarks"]), "benchmark"),
    )
    reporting = int(fam["reporting"].sum())
    if reporting:
        f.add(
            "Over the {k} largest families, {share} of the derivatives that report share at "
            "least one benchmark with their base model.",
            k=len(fam),
            share=percent(int(fam["sharing"].sum()) / reporting),
        )


def _datasets(f: Findings, bd: pd.DataFrame) -> None:
    if bd.empty:
        return
    if bd["dataset_week"].isna().all():
        f.add("The data holds no datasets: the benchmarks' names are not looked up as datasets.")
        return
    found = bd[bd["found"]]
    f.add(
        "{k} of the {n} benchmarks most models report name a dataset of the week of {w}.",
        k=len(found),
        n=len(bd),
        w=date(bd.iloc[0]["dataset_week"]),
    )
    if not found.empty:
        lead = found.sort_values(["downloads", "benchmark"], ascending=[False, True]).iloc[0]
        f.add(
            "The most downloaded of them, {id}, had {dl} downloads in 30 days and is reported by {m}.",
            id=str(lead["dataset_id"]),
            dl=int(lead["downloads"]),
            m=count(int(lead["models"]), "model"),
        )


def findings(
    weekly: pd.DataFrame,
    top: pd.DataFrame,
    by_kind: pd.DataFrame,
    fam: pd.DataFrame,
    bench_datasets: pd.DataFrame,
    prov: Provenance,
) -> Findings:
    """Who reports evaluations, on which benchmarks, how concentrated, in families, as datasets."""
    f = Findings(prov, heading="Evaluations")
    if weekly.empty or int(weekly["models"].sum()) == 0:
        f.add("The chosen weeks hold no model: there is nothing to describe.")
        return f
    last = weekly.sort_values("week").iloc[-1]
    if int(last["reporting"]) == 0:
        f.add(
            "None of the {models} models of the week of {w} reports an evaluation result on its card.",
            models=int(last["models"]),
            w=date(last["week"]),
        )
        _parsing(f, last)
        return f
    f.add(
        "{rep} of the {models} models of the week of {w} ({share}) report at least one "
        "evaluation result on their card: {results} on {k}.",
        rep=int(last["reporting"]),
        models=int(last["models"]),
        w=date(last["week"]),
        share=percent(float(last["reporting_share"])),
        results=count(int(last["results"]), "result"),
        k=count(int(last["benchmarks"]), "benchmark"),
    )
    _parsing(f, last)
    _concentration(f, weekly, top)
    _org_kinds(f, by_kind)
    _families(f, fam)
    _datasets(f, bench_datasets)
    return f
