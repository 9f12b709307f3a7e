"""The paragraphs of a weekly report: one :class:`~analysis.findings.Findings` per part, every
number taken from :class:`~analysis.week.parts.Parts` (Hub text escaped by ``Findings``)."""

from __future__ import annotations

import pandas as pd

from analysis import fmt
from analysis.facts.quality import LABELS
from analysis.findings import Findings
from analysis.lineage.words import relation_phrase
from analysis.provenance import Provenance
from analysis.week.figures import PERIODS
from analysis.week.metrics import COUNTED_KINDS
from analysis.week.parts import Parts


def _missing(f: Findings, what: str) -> Findings:
    f.add("{what}", what=fmt.Formatted(what))
    return f


def repositories(p: Parts, prov: Provenance) -> Findings:
    """Per kind: repositories, then the change from each earlier week (or why there is none)."""
    f = Findings(prov)
    for kind in COUNTED_KINDS:
        rows = p.changes[p.changes["kind"] == kind]
        if rows.empty:
            f.add("The data holds no {kind} file for this week.", kind=fmt.Formatted(kind))
            continue
        repos = int(rows.iloc[0]["repos"])
        if bool(rows.iloc[0]["is_repeat"]):
            f.add(
                "The {kind} file repeats the week before byte for byte ({n}): no change is "
                "measured this week.",
                kind=fmt.Formatted(kind),
                n=fmt.count(repos, "repository", "repositories"),
            )
            continue
        said = []
        for _, r in rows.iterrows():
            period = PERIODS.get(int(r["lag"]), f"{int(r['lag'])} weeks")
            if not bool(r["base_present"]):
                said.append(f"no week {period} before in the data")
            elif fmt.is_missing(r["change"]):
                said.append(f"no change measured from {period} before")
            else:
                share = (
                    f" ({fmt.change(float(r['change_share']))})"
                    if not fmt.is_missing(r["change_share"])
                    else ""
                )
                repeat = ", a week repeating the one before it" if bool(r["base_is_repeat"]) else ""
                said.append(
                    f"{fmt.signed(int(r['change']))}{share} from {period} before "
                    f"({fmt.date(pd.Timestamp(r['base_week']).date())}{repeat})"
                )
        f.add(
            "{kind}: {n}; {said}.",
            kind=fmt.Formatted(COUNTED_KINDS[kind]),
            n=fmt.count(repos, "repository", "repositories"),
            said=fmt.Formatted("; ".join(said)),
        )
    return f


def new_repositories(top: pd.DataFrame, kind: str, prov: Provenance) -> Findings:
    """The first new repository of ``kind`` by downloads and by likes."""
    f = Findings(prov)
    if top.empty:
        return _missing(f, f"No {kind} were created during this week (or the data holds none).")
    for by, noun in (("downloads", "30-day downloads"), ("likes", "likes")):
        r = top[top["by"] == by]
        if r.empty:
            continue
        first = r.iloc[0]
        value = first[by]
        if fmt.is_missing(value) or int(value) == 0:
            f.add(
                "None of the {n} shown has any {noun} yet.",
                n=fmt.count(len(r), f"new {kind[:-1]}", f"new {kind}"),
                noun=fmt.Formatted(noun),
            )
            continue
        f.add(
            "By {noun}, the first new {one} of the week is {id} ({value}).",
            noun=fmt.Formatted(noun),
            one=fmt.Formatted(kind[:-1]),
            id=str(first["id"]),
            value=int(value),
        )
    return f


def lineage(p: Parts, prov: Provenance) -> Findings:
    """Base models released in the week and the parents that gained the most derivatives."""
    f = Findings(prov)
    if "models" not in p.kinds:
        return _missing(f, "The data holds no models file for this week.")
    if p.releases.empty:
        f.add("No base model released during the week has a derivative in the week's file yet.")
    else:
        first = p.releases.iloc[0]
        f.add(
            "{n} released during the week already {have} a derivative; the most derived is "
            "{id} ({d}).",
            n=fmt.count(len(p.releases), "base model"),
            have=fmt.Formatted("has" if len(p.releases) == 1 else "have"),
            id=str(first["release_id"]),
            d=fmt.count(int(first["derivatives"]), "derivative"),
        )
    if p.gained.empty:
        f.add("No model created during the week names a base model.")
        return f
    top = p.gained[p.gained["rank"] == 1]
    by_rel = {str(r): int(n) for r, n in zip(top["relation"], top["gained"], strict=True)}
    f.add(
        "The parent that gained the most direct derivatives is {id}: {n} ({phrase}).",
        id=str(top.iloc[0]["parent_id"]),
        n=fmt.count(int(top.iloc[0]["gained_total"]), "new derivative"),
        phrase=relation_phrase(by_rel),
    )
    return f


def organizations(p: Parts, prov: Provenance) -> Findings:
    """Owners new to the Hub in the week, and the most active owner per kind."""
    f = Findings(prov)
    new = p.newcomers[pd.to_datetime(p.newcomers["week"]).dt.date == p.week]
    if new.empty:
        f.add("No owner is new to the Hub this week.")
    else:
        first = new.iloc[0]
        f.add(
            "{n} new to the Hub this week; the largest, {author}, holds {repos}.",
            n=fmt.count(len(new), "owner is", "owners are"),
            author=str(first["author"]),
            repos=fmt.count(int(first["repos"]), "repository", "repositories"),
        )
    for kind in p.kinds:
        a = p.active[p.active["repo_kind"] == kind]
        if a.empty:
            f.add("No {kind} were created during the week.", kind=fmt.Formatted(kind))
            continue
        first = a.sort_values(["created", "author"], ascending=[False, True]).iloc[0]
        f.add(
            "Most {kind} created: {author} ({n}; organization kind: {org}).",
            kind=fmt.Formatted(kind),
            author=str(first["author"]),
            n=int(first["created"]),
            org=str(first["org_kind"]),
        )
    return f


def attention(p: Parts, prov: Provenance) -> Findings:
    """The week's concentration beside the first week of the history."""
    f = Findings(prov)
    a = p.attention.sort_values("week")
    now = a[pd.to_datetime(a["week"]).dt.date == p.week]
    if now.empty or fmt.is_missing(now.iloc[0]["top1_share"]):
        return _missing(f, "The week has no models with a download count to measure attention.")
    first = a[~a["is_repeat"].astype(bool) & a["top1_share"].notna()].iloc[0]
    r = now.iloc[0]
    f.add(
        "The top 1% of models ({top}) held {share} of 30-day downloads ({then} in the week of "
        "{first}); {zero} of models had none; the Gini coefficient was {gini}.",
        top=fmt.count(int(r["top1_n"]), "model"),
        share=fmt.percent(float(r["top1_share"])),
        then=fmt.percent(float(first["top1_share"])),
        first=fmt.date(pd.Timestamp(first["week"]).date()),
        zero=fmt.percent(float(r["zero_share"])),
        gini=fmt.number(float(r["gini"]), 3),
    )
    return f


def licences(p: Parts, prov: Provenance) -> Findings:
    """The commonest licence of the week and the share declaring none, beside the first week."""
    f = Findings(prov)
    if p.licences.empty:
        return _missing(f, "The data holds no models file to read licences from.")
    mix = p.licences.assign(day=pd.to_datetime(p.licences["week"]).dt.date)
    now = mix[mix["day"] == p.week]
    named = now[~now["licence"].isin(["(none declared)", "(other licences)"])]
    if named.empty:
        return _missing(f, "No model of the week declares a licence.")
    top = named.sort_values(["repos", "licence"], ascending=[False, True]).iloc[0]
    none = now[now["licence"] == "(none declared)"]["share"].sum()
    earliest = mix[mix["day"] == mix["day"].min()]
    then = earliest[earliest["licence"] == top["licence"]]["share"].sum()
    f.add(
        "The commonest licence is {licence}, on {share} of models ({then} in the week of "
        "{first}); {none} declare no licence.",
        licence=str(top["licence"]),
        share=fmt.percent(float(top["share"])),
        then=fmt.percent(float(then)),
        first=fmt.date(mix["day"].min()),
        none=fmt.percent(float(none)),
    )
    return f


def quality(p: Parts, prov: Provenance) -> Findings:
    """What the row checks found in the week, per kind, and the dataset revision."""
    f = Findings(prov)
    for kind in p.kinds:
        q = p.quality[(p.quality["kind"] == kind) & p.quality["found"].notna()]
        found = q[q["found"] > 0]
        rows = int(q.iloc[0]["rows"]) if len(q) else 0
        if found.empty:
            f.add(
                "In the {n} of the {kind} file, no row check found anything.",
                n=fmt.count(rows, "row"),
                kind=fmt.Formatted(kind),
            )
            continue
        what = "; ".join(
            f"{LABELS.get(str(r['check']), str(r['check']))}: {fmt.number(int(r['found']))}"
            for _, r in found.iterrows()
        )
        f.add(
            "In the {n} of the {kind} file: {what}.",
            n=fmt.count(rows, "row"),
            kind=fmt.Formatted(kind),
            what=fmt.Formatted(what),
        )
    f.add("Dataset revision: {rev}.", rev=str(prov.revision))
    return f


__all__ = [
    "attention",
    "licences",
    "lineage",
    "new_repositories",
    "organizations",
    "quality",
    "repositories",
]
