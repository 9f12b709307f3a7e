"""Findings of the lifecycle analysis: sentences whose every number comes from the metrics' frames."""

from __future__ import annotations

import pandas as pd

from analysis import fmt
from analysis.findings import Findings
from analysis.lifecycle.metrics import TOO_FEW
from analysis.provenance import Provenance


def findings(
    classified: pd.DataFrame,
    releases: pd.DataFrame,
    provenance: Provenance,
    *,
    n_weeks: int,
    window_weeks: int,
    threshold: float,
    min_window_derivatives: int,
) -> Findings:
    """What :func:`analysis.lifecycle.metrics.classify` found (after
    :func:`~analysis.lifecycle.metrics.require_window`), stated with its parameters."""
    f = Findings(provenance)
    lines = releases.drop_duplicates("line")
    multi = lines[lines["n_generations"] >= 2]
    pattern = classified["pattern"].value_counts()
    decided = classified[classified["pattern"].isin(["nomadic", "persistent"])]
    if multi.empty:
        f.add(
            "{lines} had a release with derivatives, and none had two generations of releases "
            "in this week's family trees: there is no successor to compare with its "
            "predecessor, so no line is called persistent or nomadic.",
            lines=fmt.count(len(lines), "line"),
        )
        return f
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
    few = int(pattern.get(TOO_FEW, 0))
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
