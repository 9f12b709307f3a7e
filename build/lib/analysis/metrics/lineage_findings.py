"""Findings sentences for analyses 2, 6 and 8 (platforms, lifecycle, tracker).

Each function computes the numbers it states from the metrics of :mod:`analysis.metrics.lineage`,
:mod:`~analysis.metrics.lifecycle` and :mod:`~analysis.metrics.tracker` and returns a
:class:`analysis.findings.Findings` (Hub ids are escaped by it). Notebooks and posts display the
result; they type no number themselves. The sentences say what was measured, not what it means
for the Hub: on the generated sample they describe fictional data (the source line says so).

:func:`models_provenance` gives the provenance of the models files a result used: one week (the
family trees of that week) or every week opened.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb
import pandas as pd

from analysis import findings as fmt
from analysis.findings import Findings
from analysis.metrics import lifecycle, lineage, tracker
from analysis.provenance import Provenance
from analysis.schema import RELATIONS

#: Words for the relations in sentences.
RELATION_WORDS: dict[str, tuple[str, str]] = {
    "finetune": ("fine-tune", "fine-tunes"),
    "quantized": ("quantization", "quantizations"),
    "adapter": ("adapter", "adapters"),
    "merge": ("merge", "merges"),
    "unknown": ("model of unstated relation", "models of unstated relation"),
}


def models_provenance(
    con: duckdb.DuckDBPyConnection, week: dt.date | str | bool | None = None
) -> Provenance:
    """Provenance of the models files used: the lineage week ``week`` (latest when None), or
    every models week on the connection when ``week`` is ``True``."""
    from analysis.snapshots import provenance

    if week is True:
        return provenance(con, kinds="models")
    if week is False:
        raise ValueError("week must be a date, None (the latest week) or True (all weeks)")
    return provenance(con, kinds="models", weeks=[lineage.pick_week(con, week)])


def _relation_counts(con: duckdb.DuckDBPyConnection, week: dt.date) -> dict[str, int]:
    """Models of ``week`` declaring a base model (self-links left out), by their relation."""
    e = lineage.edges(con, week)
    e = e[~e["is_self"].astype(bool)].drop_duplicates("child_uid")
    rel = e["relation"].fillna("unknown")
    return {str(k): int(v) for k, v in rel.value_counts().sort_index().items()}


def _relation_phrase(counts: dict[str, int]) -> str:
    """'12 fine-tunes, 3 quantizations and 1 merge' (relations in the schema's order)."""
    parts = []
    for r in (*RELATIONS, "unknown"):
        n = counts.get(r, 0)
        if n:
            one, many = RELATION_WORDS[r]
            parts.append(fmt.count(n, one, many))
    if not parts:
        return fmt.Formatted("none")
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return fmt.Formatted(text)


def platforms_findings(
    con: duckdb.DuckDBPyConnection, provenance: Provenance, week: dt.date | str | None = None
) -> Findings:
    """Derivatives, families and declared base models in ``week`` (latest when None)."""
    w = lineage.pick_week(con, week)
    f = Findings(provenance)
    counts = _relation_counts(con, w)
    total = sum(counts.values())
    d = lineage.derivatives_per_base(con, w)
    alls = d[d["relation"] == "all"]
    bases = alls[alls["direct"] > 0]
    f.add(
        "In the snapshot of {week}, {n} declared a base model: {phrase}. They name "
        "{bases} as bases.",
        week=w,
        n=fmt.count(total, "model"),
        phrase=_relation_phrase(counts),
        bases=fmt.count(len(bases), "distinct model"),
    )
    shape = lineage.family_shape(con, w)
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
    share = lineage.declared_base_share(con)
    share = share[share["share"].notna()]
    if not share.empty:
        last = share.iloc[-1]
        f.add(
            "Of the {n} created in the last measured week ({week}), {share} declared a base "
            "model; over the {weeks} measured (repeated weeks left out) the weekly share ranged "
            "from {low} to {high}.",
            n=fmt.count(int(last["n_created"]), "model"),
            week=pd.Timestamp(last["week"]).date(),
            share=fmt.percent(float(last["share"])),
            weeks=fmt.count(len(share), "week"),
            low=fmt.percent(float(share["share"].min())),
            high=fmt.percent(float(share["share"].max())),
        )
    return f


# --- lifecycle -----------------------------------------------------------------------------


def lifecycle_findings(
    classified: pd.DataFrame,
    releases: pd.DataFrame,
    provenance: Provenance,
    *,
    n_weeks: int,
    window_weeks: int,
    threshold: float,
    min_window_derivatives: int,
) -> Findings:
    """What :func:`analysis.metrics.lifecycle.classify` found (after
    :func:`~analysis.metrics.lifecycle.require_window`), stated with its parameters."""
    f = Findings(provenance)
    lines = releases.drop_duplicates("line")
    multi = lines[lines["n_generations"] >= 2]
    pattern = classified["pattern"].value_counts()
    decided = classified[classified["pattern"].isin(["nomadic", "persistent"])]
    f.add(
        "{lines} had a release with derivatives; {multi} had at least two generations. Of "
        "these, {decided} had a successor whose window (weeks {a} to {b} after its release) "
        "was over and held at least {minimum}: {persistent} persistent and {nomadic} nomadic "
        "(persistent when at least {threshold} of the window's new derivatives still descend "
        "only from older generations).",
        lines=fmt.count(len(lines), "line"),
        multi=fmt.count(len(multi), "line"),
        decided=fmt.number(len(decided)),
        a=fmt.number(n_weeks),
        b=fmt.number(n_weeks + window_weeks),
        minimum=fmt.count(min_window_derivatives, "new derivative"),
        persistent=fmt.number(int(pattern.get("persistent", 0))),
        nomadic=fmt.number(int(pattern.get("nomadic", 0))),
        threshold=fmt.percent(threshold, 0),
    )
    few = int(pattern.get(lifecycle.TOO_FEW, 0))
    if few:
        f.add(
            "{few} left undecided: the window held fewer than {minimum}.",
            few=fmt.count(few, "line was", "lines were"),
            minimum=fmt.count(min_window_derivatives, "new derivative"),
        )
    recent = int(pattern.get("too recent", 0))
    if recent:
        f.add(
            "{recent} left undecided: the successor's window is not over yet.",
            recent=fmt.count(recent, "line was", "lines were"),
        )
    if not decided.empty:
        top = decided.sort_values(["window_derivatives", "line"], ascending=[False, True]).iloc[0]
        f.add(
            "In the most active decided line, {line}, {old} of the {n} in the window after "
            "generation {g} was released went to older generations only ({pattern}).",
            line=str(top["line"]),
            old=fmt.percent(float(top["old_share"]), 0),
            n=fmt.count(int(top["window_derivatives"]), "new derivative"),
            g=fmt.number(int(top["successor_generation"])),
            pattern=str(top["pattern"]),
        )
        decays = decided["decay"].dropna()
        if not decays.empty:
            f.add(
                "Across the {n} with a measurable rate before the successor, the older "
                "generations' weekly rate of new derivatives changed by a median of {median} "
                "in the window (from {low} to {high}).",
                n=fmt.count(len(decays), "decided line"),
                median=fmt.change(-float(decays.median()), 0),
                low=fmt.change(-float(decays.max()), 0),
                high=fmt.change(-float(decays.min()), 0),
            )
    return f


# --- tracker -------------------------------------------------------------------------------

#: ``top`` for :func:`analysis.metrics.tracker.derivatives_by_week` that keeps every author.
ALL = 2**31 - 1


@dataclass(frozen=True)
class Release:
    """What the tracker found for one base model (for findings and post text)."""

    base: tracker.Base
    direct: int
    tree: int
    by_relation: dict[str, int]
    early: int  # direct derivatives in the first ``early_weeks`` weeks
    early_weeks: int
    busiest_week: int | None  # weeks since release of the week with most new direct derivatives
    busiest_new: int
    authors: int
    top_author: str | None
    top_author_count: int


def release_summary(
    con: duckdb.DuckDBPyConnection,
    base_model: str,
    week: dt.date | str | None = None,
    early_weeks: int = 4,
) -> Release:
    """Direct and whole-tree derivative counts of ``base_model`` and how they arrived."""
    if early_weeks < 1:
        raise ValueError(f"early_weeks must be at least 1, got {early_weeks}")
    base = tracker.resolve_base(con, base_model, week)
    direct = tracker.derivatives_by_week(con, base_model, "relation", "direct", base.week)
    tree = tracker.derivatives_by_week(con, base_model, "relation", "tree", base.week)
    # every author its own group: the number of groups is the number of authors
    authors = tracker.derivatives_by_week(con, base_model, "author", "direct", base.week, top=ALL)
    per_week = direct.groupby("weeks_since_release")["new_derivatives"].sum()
    by_rel = direct.groupby("group")["new_derivatives"].sum()
    per_author = authors.groupby("group")["new_derivatives"].sum()
    per_author = per_author[per_author > 0]
    top_author = (
        per_author.reset_index()
        .sort_values(["new_derivatives", "group"], ascending=[False, True])
        .iloc[0]
        if not per_author.empty
        else None
    )
    busiest = per_week[per_week == per_week.max()] if per_week.any() else per_week.iloc[0:0]
    return Release(
        base=base,
        direct=int(by_rel.sum()),
        tree=int(tree["new_derivatives"].sum()),
        by_relation={str(k): int(v) for k, v in by_rel.items() if v > 0},
        early=int(per_week[per_week.index < early_weeks].sum()),
        early_weeks=early_weeks,
        busiest_week=int(busiest.index[0]) if len(busiest) else None,
        busiest_new=int(busiest.iloc[0]) if len(busiest) else 0,
        authors=len(per_author),
        top_author=str(top_author["group"]) if top_author is not None else None,
        top_author_count=int(top_author["new_derivatives"]) if top_author is not None else 0,
    )


def tracker_findings(
    con: duckdb.DuckDBPyConnection,
    provenance: Provenance,
    base_model: str,
    week: dt.date | str | None = None,
    early_weeks: int = 4,
) -> Findings:
    """Findings of the release tracker for ``base_model`` in ``week`` (latest when None)."""
    r = release_summary(con, base_model, week, early_weeks)
    f = Findings(provenance)
    created = r.base.created
    assert created is not None  # derivatives_by_week refuses a base model without a date
    f.add(
        "{base} was created on {created}; by the snapshot of {week} it had {direct} naming "
        "it as their base ({phrase}) and {tree} over its whole family tree.",
        base=r.base.id,
        created=created.date(),
        week=r.base.week,
        direct=fmt.count(r.direct, "direct derivative"),
        phrase=_relation_phrase(r.by_relation),
        tree=fmt.count(r.tree, "derivative"),
    )
    if r.base.match == "renamed":
        f.add(
            "It was found under an earlier name, {asked}; it is now {now}.",
            asked=base_model,
            now=r.base.id,
        )
    if r.direct:
        f.add(
            "{early} of the direct derivatives appeared in the first {weeks} after the release; "
            "the busiest week was week {busiest} after release, with {new}.",
            early=fmt.percent(r.early / r.direct, 0),
            weeks=fmt.count(r.early_weeks, "week"),
            busiest=fmt.number(r.busiest_week or 0),
            new=fmt.count(r.busiest_new, "new derivative"),
        )
        if r.top_author_count > 1:
            f.add(
                "They were made by {authors}; the most active, {top}, made {n}.",
                authors=fmt.count(r.authors, "distinct author"),
                top=r.top_author or "",
                n=fmt.number(r.top_author_count),
            )
        else:
            f.add(
                "They were made by {authors}, one each.",
                authors=fmt.count(r.authors, "distinct author"),
            )
    return f
