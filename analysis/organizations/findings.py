"""Findings of the organizations analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis import escape
from analysis.findings import Findings
from analysis.fmt import Formatted, count, number, percent
from analysis.provenance import Provenance


def findings(
    top_models: pd.DataFrame, by_kind: pd.DataFrame, heat: pd.DataFrame, prov: Provenance
) -> Findings:
    """The largest model owner, the share held by the top owners, and the mapped kinds' shares."""
    f = Findings(prov, heading="Organizations")
    if not top_models.empty:
        lead = top_models.iloc[0]
        tied = sorted(str(a) for a in top_models[top_models["repos"] == lead["repos"]]["author"])
        if len(tied) == 1:
            who = Formatted(escape.markdown(tied[0]) + " holds the most models")
        else:  # a tie is said as a tie, with the names when they are few
            names = ": " + ", ".join(escape.markdown(a) for a in tied) if len(tied) <= 5 else ""
            who = Formatted(f"{number(len(tied))} owners tie for the most models{names}")
        f.add(
            "{who} ({repos}{each}, {share} of all); the top {n} owners hold {top_share}.",
            who=who,
            repos=int(lead["repos"]),
            each=Formatted("" if len(tied) == 1 else " each"),
            share=percent(lead["share_of_repos"]),
            n=len(top_models),
            top_share=percent(top_models["share_of_repos"].sum()),
        )
    models = by_kind[by_kind["repo_kind"] == "models"]
    mapped = models[models["org_kind"] != "unmapped"]
    if not mapped.empty:
        biggest = mapped.sort_values(["repos", "org_kind"], ascending=[False, True]).iloc[0]
        f.add(
            "Owners in the organization mapping hold {mapped} of models; the largest mapped kind is "
            "{kind} with {share}.",
            mapped=percent(mapped["share"].sum()),
            kind=str(biggest["org_kind"]),
            share=percent(biggest["share"]),
        )
    active = heat[~heat["is_repeat"]]
    if not active.empty:
        weeks_active = active[active["created"] > 0].groupby("author")["week"].nunique()
        n_weeks = active["week"].nunique()
        if not weeks_active.empty:
            best = weeks_active.sort_values(ascending=False, kind="stable")
            f.add(
                "Of the most prolific creators, {author} created models in {k} of {n} observed weeks.",
                author=str(best.index[0]),
                k=int(best.iloc[0]),
                n=n_weeks,
            )
    return f


def countries(by_country: pd.DataFrame, prov: Provenance) -> Findings:
    """Per kind of repository: the country whose owners hold the most, and how much is unmapped."""
    f = Findings(prov, heading="Countries")
    for kind in ("models", "datasets", "spaces"):
        part = by_country[by_country["repo_kind"] == kind]
        if part.empty:
            continue
        unmapped = float(part[part["country"] == "unmapped"]["share"].sum())
        known = part[~part["country"].isin(["unmapped", "unknown"]) & part["country"].notna()]
        if known.empty:
            f.add(
                "No owner of {kind} has a known country in the mapping ({unmapped} are unmapped).",
                kind=kind,
                unmapped=percent(unmapped),
            )
            continue
        lead = known.sort_values(["repos", "country"], ascending=[False, True]).iloc[0]
        f.add(
            "{Kind}: owners based in {country} hold the most of any known country ({share} of all "
            "{kind}, {n} known in all); {unmapped} belong to owners not in the mapping.",
            Kind=kind.capitalize(),
            kind=kind,
            country=str(lead["country"]),
            share=percent(float(lead["share"])),
            n=count(int(known["country"].nunique()), "country", "countries"),
            unmapped=percent(unmapped),
        )
    return f
