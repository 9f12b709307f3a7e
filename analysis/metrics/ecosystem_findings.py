"""Findings sentences for analyses 1, 3, 4, 5 and 7, computed from the metrics' DataFrames.

Each function takes the frames a notebook computed and returns :class:`analysis.findings.Findings`
whose every number comes from those frames. Where a value could not be observed the sentence
says so rather than stating a number.
"""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings, Formatted, change, count, date, number, percent
from analysis.provenance import Provenance


def _latest(df: pd.DataFrame, col: str = "week") -> pd.DataFrame:
    return df[df[col] == df[col].max()]


def growth(weekly: pd.DataFrame, monthly: pd.DataFrame, prov: Provenance) -> Findings:
    """Existing and created repos per kind, repeated weeks, and the busiest complete month."""
    f = Findings(prov, heading="Growth")
    for kind in ("models", "datasets", "spaces"):
        w = weekly[weekly["kind"] == kind].sort_values("week")
        if w.empty or not w.iloc[0]["repos"]:
            continue
        first, last = w.iloc[0], w.iloc[-1]
        created = w["created"].dropna()
        f.add(
            "{kind}: {first_n} in the week of {first_week}, {last_n} in the week of {last_week} "
            "({growth}); {created} created over {observed} observed weeks, {per_week} a week on average.",
            kind=kind.capitalize(),
            first_n=int(first["repos"]),
            first_week=date(first["week"]),
            last_n=int(last["repos"]),
            last_week=date(last["week"]),
            growth=change(last["repos"] / first["repos"] - 1),
            created=int(created.sum()),
            observed=len(created),
            per_week=number(float(created.mean()) if len(created) else 0.0, 1),
        )
    repeats = weekly[weekly["is_repeat"]].drop_duplicates("week")
    if repeats.empty:
        f.add("No week in the range repeats its predecessor's file.")
    else:
        f.add(
            "{n} repeat the previous week's file byte for byte ({weeks}); they are marked, and their "
            "creations are taken from the following week's file where it is fresh.",
            n=count(len(repeats), "week"),
            weeks=Formatted(", ".join(date(x) for x in sorted(repeats["week"]))),
        )
    full = monthly[(monthly["kind"] == "models") & monthly["complete"]]
    if not full.empty:
        top = full.sort_values(["created", "month"], ascending=[False, True]).iloc[0]
        f.add(
            "Among the {n} fully observed months, most models were created in {month}: {created}.",
            n=len(full),
            month=Formatted(pd.Timestamp(top["month"]).strftime("%Y-%m")),
            created=int(top["created"]),
        )
    return f


def organizations(
    top_models: pd.DataFrame, by_kind: pd.DataFrame, heat: pd.DataFrame, prov: Provenance
) -> Findings:
    """The largest model owner, the share held by the top owners, and the mapped kinds' shares."""
    f = Findings(prov, heading="Organizations")
    if not top_models.empty:
        lead = top_models.iloc[0]
        f.add(
            "{author} holds the most models ({repos}, {share} of all); the top {n} owners hold {top_share}.",
            author=str(lead["author"]),
            repos=int(lead["repos"]),
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


def datasets(
    top: pd.DataFrame,
    share: pd.DataFrame,
    domains: pd.DataFrame,
    foundational_by_kind: pd.DataFrame,
    prov: Provenance,
) -> Findings:
    """Benchmarks among the most downloaded datasets, the largest domain, owners of foundational data."""
    f = Findings(prov, heading="Datasets")
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
    d = _latest(domains)
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


def concentration(weekly: pd.DataFrame, reference: pd.DataFrame, prov: Provenance) -> Findings:
    """Zero share, top-1% share and Gini of downloads and likes in the latest week, beside the reference."""
    f = Findings(prov, heading="Attention concentration")
    latest = _latest(weekly)
    for measure, label in (("downloads", "downloads (30-day window)"), ("likes", "likes")):
        r = latest[latest["measure"] == measure]
        if r.empty or pd.isna(r.iloc[0]["gini"]):
            f.add("No {label} were recorded in the latest week.", label=label)
            continue
        row = r.iloc[0]
        f.add(
            "In the week of {week}, {zero} of models had zero {label}, the top 1% ({k}) held {top1}, "
            "and the Gini coefficient was {gini}.",
            week=date(row["week"]),
            zero=percent(row["zero_share"]),
            label=label,
            k=count(int(row["top1_n"]), "model"),
            top1=percent(row["top1_share"]),
            gini=number(float(row["gini"]), 3),
        )
    ref = reference.set_index("statistic")
    f.add(
        "For comparison, Osborne, Ding and Kirk published (October 2023 data, arXiv 2405.13058): "
        "{zero_text}; {top_text}. These are their figures, not computed here.",
        zero_text=str(ref.loc["zero_share", "statement"]),
        top_text=str(ref.loc["top1_share", "statement"]),
    )
    return f


def licences(
    mix: pd.DataFrame, drift: pd.DataFrame, pairs: pd.DataFrame, prov: Provenance
) -> Findings:
    """The commonest licence, undeclared share, and drift by relation in the latest week."""
    f = Findings(prov, heading="Licences")
    m = _latest(mix)
    named = m[~m["licence"].isin(["(none declared)", "(other licences)"])]
    if not named.empty:
        lead = named.sort_values(["repos", "licence"], ascending=[False, True]).iloc[0]
        none = m[m["licence"] == "(none declared)"]["share"].sum()
        f.add(
            "In the week of {week} the commonest model licence is {licence} ({share}); {none} of models declare none.",
            week=date(lead["week"]),
            licence=str(lead["licence"]),
            share=percent(lead["share"]),
            none=percent(float(none)),
        )
    d = _latest(drift)
    alls = d[d["relation"] == "all"]
    if not alls.empty and not pd.isna(alls.iloc[0]["drift_share"]):
        a = alls.iloc[0]
        f.add(
            "Of {n} parent→child links where both declare a licence, {share} change it.",
            n=int(a["both_declared"]),
            share=percent(a["drift_share"]),
        )
        per = d[(d["relation"] != "all") & d["drift_share"].notna()]
        if not per.empty:
            hi = per.sort_values(["drift_share", "relation"], ascending=[False, True]).iloc[0]
            lo = per.sort_values(["drift_share", "relation"], ascending=[True, True]).iloc[0]
            f.add(
                "Drift is highest for {hi} ({hi_share}) and lowest for {lo} ({lo_share}).",
                hi=str(hi["relation"]),
                hi_share=percent(hi["drift_share"]),
                lo=str(lo["relation"]),
                lo_share=percent(lo["drift_share"]),
            )
    if not pairs.empty:
        p = pairs.iloc[0]
        f.add(
            "The commonest change is {parent} → {child} ({n}).",
            parent=str(p["parent_licence"]),
            child=str(p["child_licence"]),
            n=count(int(p["edges"]), "link"),
        )
    return f
