"""Findings of the concentration analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings, latest, observed
from analysis.fmt import count, date, number, percent
from analysis.provenance import Provenance


def findings(weekly: pd.DataFrame, reference: pd.DataFrame, prov: Provenance) -> Findings:
    """Zero share, top-1% share and Gini of downloads and likes in the latest week, beside the reference."""
    f = Findings(prov, heading="Attention concentration")
    last = latest(weekly)
    for measure, label in (("downloads", "downloads (30-day window)"), ("likes", "likes")):
        r = last[last["measure"] == measure]
        if r.empty or pd.isna(r.iloc[0]["gini"]):
            f.add("No {label} were recorded in the latest week.", label=label)
            if not r.empty:
                left_out(f, r.iloc[0], label)
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
        left_out(f, row, label)
    ref = reference.set_index("statistic")
    f.add(
        "For comparison, Osborne, Ding and Kirk published (October 2023 data, arXiv 2405.13058): "
        "{zero_text}; {top_text}. These are their figures, not computed here.",
        zero_text=str(ref.loc["zero_share", "statement"]),
        top_text=str(ref.loc["top1_share", "statement"]),
    )
    return f


def left_out(f: Findings, row: pd.Series, label: str) -> None:
    """The sentence saying how many rows of the week the row checks left out of ``label``'s
    figures and why (nothing when none was, or when the quality facts are not there)."""
    neg, frac = row.get("left_out_negative"), row.get("left_out_non_integer")
    neg = 0 if neg is None or pd.isna(neg) else int(neg)
    frac = 0 if frac is None or pd.isna(frac) else int(frac)
    if neg + frac == 0:
        return
    f.add(
        "Left out of these {label} figures, as no value (never as zero): {neg} with a negative "
        "count and {frac} with a count that is not a whole number in the week's file.",
        label=label,
        neg=count(neg, "row"),
        frac=count(frac, "row"),
    )


def over_time(weekly: pd.DataFrame, reference: pd.DataFrame, prov: Provenance) -> Findings:
    """How the zero share, top-1% share and Gini moved over the observed weeks, and how the latest
    week stands beside the published reference (their figures, stated as theirs)."""
    f = Findings(prov, heading="Over the weeks")
    for measure, label in (("downloads", "30-day downloads"), ("likes", "likes")):
        w = observed(weekly[weekly["measure"] == measure], "gini")
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
    alltime = observed(weekly[weekly["measure"] == "downloadsAllTime"], "gini")
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
    latest = observed(weekly[weekly["measure"] == "downloads"], "gini")
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
