"""Findings of the tracker: sentences whose every number comes from :func:`~analysis.tracker.metrics.release_summary`."""

from __future__ import annotations

from analysis import escape, fmt
from analysis.findings import Findings
from analysis.lineage.words import relation_phrase
from analysis.provenance import Provenance
from analysis.tracker.metrics import Release


def findings(r: Release | None, base_model: str | None, provenance: Provenance) -> Findings:
    """Findings of the release tracker for ``base_model`` (as asked: it may be an old name of
    ``r.base``); when there is no release to follow (``r`` None), that is the finding."""
    f = Findings(provenance)
    if r is None:
        f.add(
            "No model on the Hub is named as a base model in the chosen weeks: there is no "
            "release to follow."
        )
        return f
    created = r.base.created
    assert created is not None  # derivatives_by_week refuses a base model without a date
    f.add(
        "{base} was created on {created}; by the snapshot of {week} it had {direct} naming "
        "it as their base ({phrase}) and {tree} over its whole family tree.",
        base=r.base.id,
        created=created.date(),
        week=r.base.week,
        direct=fmt.count(r.direct, "direct derivative"),
        phrase=relation_phrase(r.by_relation),
        tree=fmt.count(r.tree, "derivative"),
    )
    if r.base.match == "renamed":
        f.add(
            "It was found under an earlier name, {asked}; it is now {now}.",
            asked=base_model or r.base.id,
            now=r.base.id,
        )
    if not r.direct:
        f.add("No model names it directly as its base in that snapshot.")
    if r.direct:
        f.add(
            "{early} of the direct derivatives appeared in the first {weeks} after the release; "
            "the busiest week was week {busiest} after release, with {new}.",
            early=fmt.percent(r.early / r.direct, 0),
            weeks=fmt.count(r.early_weeks, "week"),
            busiest=fmt.number(r.busiest_week or 0),
            new=fmt.count(r.busiest_new, "new derivative"),
        )
        if r.top_author_count > 1 and len(r.top_authors) > 1:
            names = list(r.top_authors)
            f.add(
                "They were made by {authors}; {tied} for the most, {n} each: {who}.",
                authors=fmt.count(r.authors, "distinct author"),
                tied=fmt.Formatted(f"{fmt.number(len(names))} authors tied"),
                n=fmt.number(r.top_author_count),
                who=fmt.Formatted(", ".join(escape.markdown(a) for a in names)),
            )
        elif r.top_author_count > 1:
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
