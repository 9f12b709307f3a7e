"""Findings of the datasets analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings, latest
from analysis.fmt import date, percent
from analysis.provenance import Provenance


def findings(
    top: pd.DataFrame,
    share: pd.DataFrame,
    domains: pd.DataFrame,
    foundational_by_kind: pd.DataFrame,
    prov: Provenance,
) -> Findings:
    """Benchmarks among the most downloaded datasets, the largest domain, owners of foundational data."""
    f = Findings(prov, heading="Datasets")
    if top.empty:
        f.add("The chosen weeks hold no dataset: there is nothing to describe.")
        return f
    if not top.empty:
        f.add(
            "{k} of the {n} most downloaded datasets are evaluation benchmarks by our detection rule; "
            "the most downloaded is {lead} ({downloads} downloads in 30 days).",
            k=int(top["is_benchmark"].sum()),
            n=len(top),
            lead=str(top.iloc[0]["id"]),
            downloads=int(top.iloc[0]["downloads"]),
        )
    if not share.empty:
        s = share.sort_values("week")
        f.add(
            "Benchmarks' share of the top {n} moved from {first} (week of {w0}) to {last} (week of {w1}).",
            n=int(s.iloc[-1]["top_n"]),
            first=percent(s.iloc[0]["benchmark_share"]),
            w0=date(s.iloc[0]["week"]),
            last=percent(s.iloc[-1]["benchmark_share"]),
            w1=date(s.iloc[-1]["week"]),
        )
    d = latest(domains)
    d = d[d["domain"] != "(none)"]
    if not d.empty:
        big = d.sort_values(["datasets", "domain"], ascending=[False, True]).iloc[0]
        f.add(
            "The largest tagged domain is {domain}: {n} datasets, {share} of all.",
            domain=str(big["domain"]),
            n=int(big["datasets"]),
            share=percent(big["share"]),
        )
    for basis, part in foundational_by_kind.groupby("basis", sort=True):
        known = part[~part["org_kind"].isin(["unmapped", "(no owner in id)"])]
        if known.empty:
            continue
        lead = known.sort_values(["datasets", "org_kind"], ascending=[False, True]).iloc[0]
        f.add(
            "Of the foundational datasets ({basis}), {share} belong to {kind} owners, the largest mapped kind.",
            basis=str(basis),
            share=percent(lead["share"]),
            kind=str(lead["org_kind"]),
        )
    return f
