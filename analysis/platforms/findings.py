"""Findings of the platforms analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from analysis import fmt
from analysis.findings import Findings
from analysis.lineage.words import relation_phrase
from analysis.provenance import Provenance


def findings(
    week: dt.date | None,
    relations: dict[str, int],
    derivatives: pd.DataFrame,
    shape: pd.DataFrame,
    declared_share: pd.DataFrame,
    provenance: Provenance,
    links: dict[str, int] | None = None,
) -> Findings:
    """Derivatives, families and declared base models in ``week``, from
    :func:`~analysis.platforms.metrics.declared_relations`, ``derivatives_per_base``,
    ``family_shape`` (of that week), ``declared_base_share`` (over the weeks) and, when given,
    ``link_counts`` (what was left out and why)."""
    f = Findings(provenance)
    if week is None:
        f.add("The chosen weeks hold no models file: there are no family trees to describe.")
        return f
    total = sum(relations.values())
    alls = derivatives[derivatives["relation"] == "all"]
    bases = alls[alls["direct"] > 0]
    f.add(
        "In the snapshot of {week}, {n} declared a base model: {phrase}. They name "
        "{bases} as bases.",
        week=week,
        n=fmt.count(total, "model"),
        phrase=relation_phrase(relations),
        bases=fmt.count(len(bases), "distinct model"),
    )
    if not shape.empty:
        top = shape.sort_values(["derivatives", "root_id"], ascending=[False, True]).iloc[0]
        f.add(
            "The largest family, rooted at {root}, held {n} over its whole tree, {direct} "
            "of them naming the root directly; {families} had at least one derivative.",
            root=str(top["root_id"]),
            n=fmt.count(int(top["derivatives"]), "derivative"),
            direct=fmt.number(int(top["direct"])),
            families=fmt.count(len(shape), "family", "families"),
        )
        deep = shape.sort_values(
            ["depth", "derivatives", "root_id"], ascending=[False, False, True]
        ).iloc[0]
        broad = shape.sort_values(
            ["breadth", "derivatives", "root_id"], ascending=[False, False, True]
        ).iloc[0]
        f.add(
            "The deepest family ({deep}) reached {depth} below its root; the broadest "
            "({broad}) had {breadth} at one distance from its root.",
            deep=str(deep["root_id"]),
            depth=fmt.count(int(deep["depth"]), "generation"),
            broad=str(broad["root_id"]),
            breadth=fmt.count(int(broad["breadth"]), "model"),
        )
    share = declared_share[declared_share["share"].notna()]
    if not share.empty:
        last = share.iloc[-1]
        values: dict[str, object] = {
            "n": fmt.count(int(last["n_created"]), "model"),
            "week": pd.Timestamp(last["week"]).date(),
            "share": fmt.percent(float(last["share"])),
        }
        clause = " (the only week measured)"
        if len(share) > 1:
            clause = (
                "; over the {weeks} measured (repeated weeks left out) the weekly share ranged "
                "from {low} to {high}"
            )
            values |= {
                "weeks": fmt.count(len(share), "week"),
                "low": fmt.percent(float(share["share"].min())),
                "high": fmt.percent(float(share["share"].max())),
            }
        f.add(
            "Of the {n} created in the last measured week ({week}), {share} declared a base "
            "model" + clause + ".",
            **values,
        )
    if links is not None and links["only_self"]:
        f.add(
            "{n} only {itself} as {its} base model: {those} left out, and not counted above "
            "as declaring a base model.",
            n=fmt.count(links["only_self"], "model names", "models name"),
            itself=fmt.Formatted("itself" if links["only_self"] == 1 else "themselves"),
            its=fmt.Formatted("its" if links["only_self"] == 1 else "their"),
            those=fmt.Formatted("that link is" if links["self_links"] == 1 else "those links are"),
        )
    if links is not None and links["unresolved"]:
        f.add(
            "{n} of {all} {name} a parent that is not a model of that week (deleted, private, "
            "mistyped, or renamed where the file has no stable `_id` to follow): each such "
            "parent stays in the trees as a node of its own.",
            n=fmt.number(links["unresolved"]),
            name=fmt.Formatted("names" if links["unresolved"] == 1 else "name"),
            all=fmt.count(links["links"], "link"),
        )
    if links is not None and links.get("in_cycle"):
        f.add(
            "{n} on a cycle of base-model links (A's base is B and B's base is A, or a longer "
            "round): the walk up {stops} there, and {family} named after the cycle's "
            "smallest id.",
            n=fmt.count(links["in_cycle"], "model is", "models are"),
            stops=fmt.Formatted("stops"),
            family=fmt.Formatted("the family is" if links["in_cycle"] == 1 else "their family is"),
        )
    return f


__all__ = ["findings"]
