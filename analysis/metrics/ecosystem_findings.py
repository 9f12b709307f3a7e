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


# --- sentences for the posts (issue 4): trends and breakdowns beside the latest-week findings ---


def _observed(df: pd.DataFrame, value: str) -> pd.DataFrame:
    """Rows of non-repeated weeks whose ``value`` is known, sorted by week."""
    out = (
        df[~df["is_repeat"].astype(bool) & df[value].notna()]
        if "is_repeat" in df
        else df[df[value].notna()]
    )
    return out.sort_values("week")


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
            "{kind}, {n} countries known in all); {unmapped} belong to owners not in the mapping.",
            Kind=kind.capitalize(),
            kind=kind,
            country=str(lead["country"]),
            share=percent(float(lead["share"])),
            n=int(known["country"].nunique()),
            unmapped=percent(unmapped),
        )
    return f


def concentration_over_time(
    weekly: pd.DataFrame, reference: pd.DataFrame, prov: Provenance
) -> Findings:
    """How the zero share, top-1% share and Gini moved over the observed weeks, and how the latest
    week stands beside the published reference (their figures, stated as theirs)."""
    f = Findings(prov, heading="Over the weeks")
    for measure, label in (("downloads", "30-day downloads"), ("likes", "likes")):
        w = _observed(weekly[weekly["measure"] == measure], "gini")
        if len(w) < 2:
            f.add(
                "Fewer than two weeks recorded {label}: no change over time to state.", label=label
            )
            continue
        a, b = w.iloc[0], w.iloc[-1]
        f.add(
            "From the week of {w0} to the week of {w1} ({n} observed weeks), the share of models "
            "with zero {label} went from {z0} to {z1} (between {zlo} and {zhi} in every week), the "
            "top 1%'s share from {t0} to {t1}, and the Gini coefficient from {g0} to {g1}.",
            w0=date(a["week"]),
            w1=date(b["week"]),
            n=len(w),
            label=label,
            z0=percent(float(a["zero_share"])),
            z1=percent(float(b["zero_share"])),
            zlo=percent(float(w["zero_share"].min())),
            zhi=percent(float(w["zero_share"].max())),
            t0=percent(float(a["top1_share"])),
            t1=percent(float(b["top1_share"])),
            g0=number(float(a["gini"]), 3),
            g1=number(float(b["gini"]), 3),
        )
    alltime = _observed(weekly[weekly["measure"] == "downloadsAllTime"], "gini")
    if alltime.empty:
        f.add("All-time download counts are missing from every week in the range.")
    else:
        last = alltime.iloc[-1]
        f.add(
            "All-time downloads are recorded from the week of {first} on; in the week of {week}, "
            "{zero} of models had none and the Gini coefficient was {gini}.",
            first=date(alltime.iloc[0]["week"]),
            week=date(last["week"]),
            zero=percent(float(last["zero_share"])),
            gini=number(float(last["gini"]), 3),
        )
    latest = _observed(weekly[weekly["measure"] == "downloads"], "gini")
    ref = reference[reference["measure"] == "downloads"].set_index("statistic")
    if not latest.empty and {"zero_share", "top1_share"} <= set(ref.index):
        row = latest.iloc[-1]
        f.add(
            "Beside the published reference: our zero-download share of {zero} and top-1% share of "
            "{top1} (week of {week}) sit next to their statements that {zero_text} and {top_text} "
            "(October 2023 data; their figures, counted their way).",
            zero=percent(float(row["zero_share"])),
            top1=percent(float(row["top1_share"])),
            week=date(row["week"]),
            zero_text=str(ref.loc["zero_share", "statement"]),
            top_text=str(ref.loc["top1_share", "statement"]),
        )
    return f


def licence_trends(mix: pd.DataFrame, drift: pd.DataFrame, prov: Provenance) -> Findings:
    """How the commonest licence's share and the drift share moved, and the links drift cannot judge."""
    f = Findings(prov, heading="Over the weeks")
    m = mix[~mix["is_repeat"].astype(bool)].sort_values("week")
    if not m.empty:
        w0, w1 = m["week"].min(), m["week"].max()
        first, last = m[m["week"] == w0], m[m["week"] == w1]
        named = last[~last["licence"].isin(["(none declared)", "(other licences)"])]
        if not named.empty and w0 != w1:
            lead = named.sort_values(["repos", "licence"], ascending=[False, True]).iloc[0]
            before = first[first["licence"] == lead["licence"]]["share"]
            if before.empty:
                f.add(
                    "{licence}, the commonest model licence in the week of {w1}, was not among the "
                    "commonest in the week of {w0}.",
                    licence=str(lead["licence"]),
                    w1=date(w1),
                    w0=date(w0),
                )
            else:
                f.add(
                    "{licence}, the commonest model licence in the week of {w1}, went from {s0} of "
                    "models in the week of {w0} to {s1}.",
                    licence=str(lead["licence"]),
                    w1=date(w1),
                    w0=date(w0),
                    s0=percent(float(before.iloc[0])),
                    s1=percent(float(lead["share"])),
                )
        none0 = float(first[first["licence"] == "(none declared)"]["share"].sum())
        none1 = float(last[last["licence"] == "(none declared)"]["share"].sum())
        f.add(
            "Models declaring no licence: {n0} of models in the week of {w0}, {n1} in the week of {w1}.",
            n0=percent(none0),
            w0=date(w0),
            n1=percent(none1),
            w1=date(w1),
        )
    d = _observed(drift[drift["relation"] == "all"], "drift_share")
    if len(d) >= 2:
        a, b = d.iloc[0], d.iloc[-1]
        f.add(
            "The share of parent→child links that change licence went from {d0} (week of {w0}) to "
            "{d1} (week of {w1}), between {lo} and {hi} in every observed week.",
            d0=percent(float(a["drift_share"])),
            w0=date(a["week"]),
            d1=percent(float(b["drift_share"])),
            w1=date(b["week"]),
            lo=percent(float(d["drift_share"].min())),
            hi=percent(float(d["drift_share"].max())),
        )
    if not d.empty:
        b = d.iloc[-1]
        f.add(
            "In the week of {week}, {dropped} declared no licence under a parent that declares one, "
            "and {unresolved} pointed to a parent not found on the Hub that week (not compared).",
            week=date(b["week"]),
            dropped=count(int(b["child_dropped"]), "derivative"),
            unresolved=count(int(b["edges"]) - int(b["parent_found"]), "link"),
        )
    return f
