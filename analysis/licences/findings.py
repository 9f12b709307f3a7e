"""Findings of the licences analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis.findings import Findings, latest, observed
from analysis.fmt import count, date, percent
from analysis.provenance import Provenance


def findings(
    mix: pd.DataFrame, drift: pd.DataFrame, pairs: pd.DataFrame, prov: Provenance
) -> Findings:
    """The commonest licence, undeclared share, and drift by relation in the latest week."""
    f = Findings(prov, heading="Licences")
    m = latest(mix)
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
    d = latest(drift)
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


def trends(mix: pd.DataFrame, drift: pd.DataFrame, prov: Provenance) -> Findings:
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
    d = observed(drift[drift["relation"] == "all"], "drift_share")
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
