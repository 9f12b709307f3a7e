"""The interactive explorers (``explorers/*/index.ipynb``): data shaping and charts with a picker.

Each explorer is one published chart (:func:`analysis.charts.publish`) whose data holds every
choice the reader can make, bounded in size, and whose Vega-Lite spec filters it with a parameter
bound to a drop-down list. Hub text (model, dataset and organization ids) stays in data values,
never in field names; the picker's options are the same values, cleaned as ``publish`` cleans the
data (:func:`analysis.escape.clean`), so a choice always matches its rows.

* **Base models** (:func:`base_models`): the ``n`` base models with the most direct derivatives in
  a week; per base, new derivatives per week since its release by relation and the authors who
  made the most of them (:mod:`analysis.metrics.tracker`).
* **Organizations** (:func:`org_activity`): repos created each week by the most active creators
  of each kind of repo within each kind of organization (SQL ``sql/org_activity.sql``).
* **Datasets** (:func:`dataset_explorer`): the most downloaded datasets of a week with the
  benchmark flag (:func:`analysis.metrics.datasets.top_datasets`), their task categories and
  domains (SQL ``sql/dataset_labels.sql``), one row per dataset and domain.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import Any

import altair as alt
import duckdb
import pandas as pd

from analysis import escape
from analysis.charts import ChartLike
from analysis.errors import HubObsError
from analysis.metrics import datasets as dmetrics
from analysis.metrics import lineage, orgmap, tracker
from analysis.metrics.orgmap import OrgMap
from analysis.metrics.query import as_date, require_tables
from analysis.provenance import Provenance

SQL_DIR = Path(__file__).parent / "sql"

#: The picker's choice meaning "no filter" (organizations and datasets explorers).
ALL = "all"
#: The label of datasets matching no domain keyword (as in ``fact_datasets__domains``).
NO_DOMAIN = "(none)"
BENCHMARK_LABELS = {True: "evaluation benchmark", False: "other dataset"}
KIND_ORDER: tuple[str, ...] = ("models", "datasets", "spaces")


@cache
def sql(name: str) -> str:
    """The text of ``analysis/explorers/sql/<name>.sql``."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def _check_n(n: int, name: str = "n") -> None:
    if n < 1:
        raise HubObsError(f"{name} must be at least 1, got {n}")


def options(values: pd.Series, first: list[str] | None = None) -> list[str]:
    """The picker's options: ``first`` then the distinct ``values`` in order of appearance,
    cleaned as :func:`analysis.charts.publish` cleans the data (so each matches its rows)."""
    out: list[str] = [escape.clean(v) for v in (first or [])]
    for v in values.tolist():
        c = escape.clean(v)
        if c not in out:
            out.append(c)
    if not out:
        raise HubObsError("the explorer has nothing to pick from: its data is empty")
    return out


def _iso(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series).dt.strftime("%Y-%m-%d")


# --- base models ---------------------------------------------------------------------------


def top_bases(
    con: duckdb.DuckDBPyConnection, n: int = 15, week: dt.date | str | None = None
) -> pd.DataFrame:
    """The ``n`` base models on the Hub with the most direct derivatives in ``week`` (latest when None).

    Columns: rank, base, direct, tree (ties broken by id).
    """
    _check_n(n)
    per = lineage.derivatives_per_base(con, week)
    per = per[(per["relation"] == "all") & per["on_hub"].astype(bool) & (per["direct"] > 0)]
    per = per.sort_values(["direct", "base_id"], ascending=[False, True]).head(n)
    out = pd.DataFrame(
        {
            "rank": range(1, len(per) + 1),
            "base": per["base_id"].astype(str).tolist(),
            "direct": per["direct"].astype("int64").tolist(),
            "tree": per["tree"].astype("int64").tolist(),
        }
    )
    return out


def base_models(
    con: duckdb.DuckDBPyConnection,
    n: int = 15,
    top_authors: int = 8,
    scope: tracker.Scope = "direct",
    week: dt.date | str | None = None,
) -> pd.DataFrame:
    """The base model explorer's table: for each of the :func:`top_bases`, two parts.

    ``part = 'week'``: one row per week since release and relation with new derivatives
    (weeks without any are left out): base, week (its first day), relation, derivatives.
    ``part = 'author'``: the ``top_authors`` authors who made the most derivatives overall and
    'other': base, author, derivatives, rank. Columns: base, part, week, relation, author,
    derivatives, rank (empty where they do not apply).
    """
    _check_n(top_authors, "top_authors")
    bases = top_bases(con, n, week)
    frames: list[pd.DataFrame] = []
    for base in bases["base"]:
        rel = tracker.derivatives_by_week(con, base, by="relation", scope=scope, week=week)
        rel = rel[rel["new_derivatives"] > 0]
        frames.append(
            pd.DataFrame(
                {
                    "base": base,
                    "part": "week",
                    "week": _iso(rel["week_start"]).tolist(),
                    "relation": rel["group"].astype(str).tolist(),
                    "author": None,
                    "derivatives": rel["new_derivatives"].astype("int64").tolist(),
                    "rank": None,
                }
            )
        )
        by_author = tracker.derivatives_by_week(
            con, base, by="author", scope=scope, week=week, top=top_authors
        )
        totals = by_author.groupby("group", as_index=False)["new_derivatives"].sum()
        totals = totals[totals["new_derivatives"] > 0]
        totals["is_other"] = totals["group"] == "other"
        totals = totals.sort_values(
            ["is_other", "new_derivatives", "group"], ascending=[True, False, True]
        )
        frames.append(
            pd.DataFrame(
                {
                    "base": base,
                    "part": "author",
                    "week": None,
                    "relation": None,
                    "author": totals["group"].astype(str).tolist(),
                    "derivatives": totals["new_derivatives"].astype("int64").tolist(),
                    "rank": list(range(1, len(totals) + 1)),
                }
            )
        )
    if not frames:
        raise HubObsError("no base model with derivatives in the chosen week")
    out = pd.concat(frames, ignore_index=True)
    out["rank"] = out["rank"].astype("Int64")
    return out


def _pick(name: str, choices: list[str], label: str) -> alt.Parameter:
    return alt.param(
        name=name,
        value=choices[0],
        bind=alt.binding_select(options=choices, name=label),
    )


def base_models_chart(data: pd.DataFrame) -> tuple[alt.VConcatChart, pd.DataFrame]:
    """Two panels filtered by a drop-down of base models: new derivatives per week by relation
    (stacked bars) and the authors who made the most of them."""
    choices = options(data["base"])
    pick = _pick("pick_base", choices, "Base model ")
    chosen = alt.datum.base == pick
    weekly = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("utcyearweek(week):T", title="Week (since release)"),
            y=alt.Y("sum(derivatives):Q", title="New derivatives"),
            color=alt.Color(
                "relation:N", title="Relation", sort=sorted(data["relation"].dropna().unique())
            ),
            tooltip=[
                alt.Tooltip("base:N", title="Base model"),
                alt.Tooltip("week:N", title="Week starting"),
                alt.Tooltip("relation:N", title="Relation"),
                alt.Tooltip("sum(derivatives):Q", title="New derivatives", format=","),
            ],
        )
        .transform_filter(chosen)
        .transform_filter(alt.datum.part == "week")
        .properties(width=600, height=240)
    )
    authors = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("derivatives:Q", title="Derivatives made"),
            y=alt.Y(
                "author:N", sort=alt.EncodingSortField("rank", order="ascending"), title="Made by"
            ),
            tooltip=[
                alt.Tooltip("base:N", title="Base model"),
                alt.Tooltip("author:N", title="Made by"),
                alt.Tooltip("derivatives:Q", title="Derivatives", format=","),
            ],
        )
        .transform_filter(chosen)
        .transform_filter(alt.datum.part == "author")
        .properties(width=600, height=alt.Step(18))
    )
    return alt.vconcat(weekly, authors).add_params(pick), data


# --- organizations -------------------------------------------------------------------------


def org_activity(
    con: duckdb.DuckDBPyConnection,
    n: int = 10,
    start: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """Repos created each week by the ``n`` most active creators of each repo kind within each
    kind of organization (rows only where something was created, plus repeated weeks).

    Columns: kind, week (ISO text), author, org_kind, created_total, rank_in_org_kind,
    top_overall, created (NULL in repeated weeks), is_repeat.
    """
    _check_n(n)
    require_tables(
        con,
        ("fact_models__authors", "fact_datasets__authors", "fact_spaces__authors", "weeks"),
        "explorers.org_activity",
    )
    params: dict[str, Any] = {"n": n, "start": as_date(start, "start"), "end": as_date(end, "end")}
    with orgmap.registered(con, orgmap.resolve_map(org_map, root)):
        df = con.execute(sql("org_activity"), params).df()
    df["week"] = _iso(df["week"])
    df["created"] = df["created"].astype("Int64")
    return df


def org_activity_chart(data: pd.DataFrame) -> tuple[ChartLike, pd.DataFrame]:
    """Heat map (weeks by organization, darker = more created) filtered by two drop-downs:
    the kind of repo and the kind of organization ('all': the most active of any kind)."""
    kinds = options(pd.Series([k for k in KIND_ORDER if k in set(data["kind"])]))
    org_kinds = options(pd.Series(sorted(set(data["org_kind"]))), first=[ALL])
    pick_kind = _pick("pick_kind", kinds, "Repositories ")
    pick_org = _pick("pick_org", org_kinds, "Kind of organization ")
    keep = (
        f"datum.kind === pick_kind && (pick_org === {escape.script_json(ALL)} "
        "? datum.top_overall : datum.org_kind === pick_org)"
    )
    base = alt.Chart().encode(
        x=alt.X("utcyearweek(week):T", title="Snapshot week"),
        y=alt.Y(
            "author:N",
            sort=alt.EncodingSortField("created_total", op="max", order="descending"),
            title="Organization or user",
        ),
    )
    cells = (
        base.mark_rect()
        .encode(
            color=alt.Color(
                "created:Q", title="Created that week", scale=alt.Scale(scheme="blues")
            ),
            tooltip=[
                alt.Tooltip("author:N", title="Organization or user"),
                alt.Tooltip("org_kind:N", title="Kind of organization"),
                alt.Tooltip("kind:N", title="Repositories"),
                alt.Tooltip("week:N", title="Week starting"),
                alt.Tooltip("created:Q", title="Created that week", format=","),
                alt.Tooltip("created_total:Q", title="Created over the range", format=","),
            ],
        )
        .transform_filter(keep)
        .transform_filter("!datum.is_repeat")
    )
    repeats = (
        base.mark_rect(color="#dddddd")
        .encode(
            tooltip=[
                alt.Tooltip("author:N", title="Organization or user"),
                alt.Tooltip("week:N", title="Repeated week (no new snapshot)"),
            ]
        )
        .transform_filter(keep)
        .transform_filter("datum.is_repeat")
    )
    chart = (
        alt.layer(cells, repeats)
        .add_params(pick_kind, pick_org)
        .properties(width=600, height=alt.Step(14))
    )
    return chart, data


# --- datasets ------------------------------------------------------------------------------


def dataset_labels(
    con: duckdb.DuckDBPyConnection, ids: list[str], week: dt.date | str
) -> pd.DataFrame:
    """Task categories and domains of the datasets ``ids`` in ``week`` (raw ``datasets`` view).

    Columns: id, task_categories (list), domains (list). Ids not in that week are absent.
    """
    require_tables(con, ("datasets",), "explorers.dataset_labels")
    w = as_date(week, "week")
    return con.execute(sql("dataset_labels"), {"week": w, "ids": list(ids)}).df()


def dataset_explorer(
    con: duckdb.DuckDBPyConnection,
    n: int = 100,
    week: dt.date | str | None = None,
    end: dt.date | str | None = None,
    org_map: OrgMap = None,
    root: str | os.PathLike[str] | None = None,
) -> pd.DataFrame:
    """The ``n`` most downloaded datasets of ``week`` (latest up to ``end`` when None), one row per
    dataset and domain (``(none)`` when no domain keyword matches).

    Columns: rank, id, author, downloads, likes, benchmark (label), benchmark_signal, org_kind,
    task_categories (text), domains (text), domain, first_domain (True on one row per dataset).
    """
    w = dmetrics.pick_week(con, "datasets", week, end)
    top = dmetrics.top_datasets(con, n=n, week=w, org_map=org_map, root=root)
    labels = dataset_labels(con, top["id"].astype(str).tolist(), w)
    by_id = {str(r.id): (list(r.task_categories), list(r.domains)) for r in labels.itertuples()}
    missing = [i for i in top["id"].astype(str) if i not in by_id]
    if missing:
        raise HubObsError(
            f"datasets {', '.join(repr(m) for m in missing[:5])} are in fact_datasets__top for week "
            f"{w.isoformat()} but not in that week's datasets view"
        )
    rows: list[dict[str, Any]] = []
    for r in top.itertuples():
        tasks, domains = by_id[str(r.id)]
        for i, domain in enumerate(domains or [NO_DOMAIN]):
            rows.append(
                {
                    "rank": int(r.rank),
                    "id": str(r.id),
                    "author": str(r.author),
                    "downloads": int(r.downloads),
                    "likes": int(r.likes),
                    "benchmark": BENCHMARK_LABELS[bool(r.is_benchmark)],
                    "benchmark_signal": str(r.benchmark_signal) or "none",
                    "org_kind": str(r.org_kind),
                    "task_categories": ", ".join(tasks) or NO_DOMAIN,
                    "domains": ", ".join(domains) or NO_DOMAIN,
                    "domain": domain,
                    "first_domain": i == 0,
                }
            )
    return pd.DataFrame(rows)


def dataset_chart(data: pd.DataFrame) -> tuple[alt.Chart, pd.DataFrame]:
    """Horizontal bars of downloads, one per dataset, filtered by a domain drop-down ('all': every
    dataset once); benchmarks coloured, and the legend highlights one group when clicked."""
    domains = sorted(set(data["domain"]) - {NO_DOMAIN})
    choices = options(
        pd.Series([*domains, *([NO_DOMAIN] if NO_DOMAIN in set(data["domain"]) else [])]),
        first=[ALL],
    )
    pick = _pick("pick_domain", choices, "Domain ")
    legend = alt.selection_point(name="pick_benchmark", fields=["benchmark"], bind="legend")
    keep = f"pick_domain === {escape.script_json(ALL)} ? datum.first_domain : datum.domain === pick_domain"
    chart = (
        alt.Chart()
        .mark_bar()
        .encode(
            x=alt.X("downloads:Q", title="Downloads (last 30 days)"),
            y=alt.Y("id:N", sort=alt.EncodingSortField("rank", order="ascending"), title="Dataset"),
            color=alt.Color(
                "benchmark:N",
                title="Evaluation benchmark?",
                scale=alt.Scale(
                    domain=list(BENCHMARK_LABELS.values()), range=["#d95f02", "#1b9e77"]
                ),
            ),
            opacity=alt.condition(legend, alt.value(1.0), alt.value(0.2)),
            tooltip=[
                alt.Tooltip("rank:Q", title="Rank"),
                alt.Tooltip("id:N", title="Dataset"),
                alt.Tooltip("downloads:Q", title="Downloads (30 days)", format=","),
                alt.Tooltip("likes:Q", title="Likes", format=","),
                alt.Tooltip("benchmark:N", title="Benchmark"),
                alt.Tooltip("benchmark_signal:N", title="Benchmark signal"),
                alt.Tooltip("task_categories:N", title="Task categories"),
                alt.Tooltip("domains:N", title="Domains"),
                alt.Tooltip("org_kind:N", title="Kind of organization"),
            ],
        )
        .add_params(pick, legend)
        .transform_filter(keep)
        .properties(width=520, height=alt.Step(14))
    )
    return chart, data


# --- provenance ----------------------------------------------------------------------------


def week_provenance(
    con: duckdb.DuckDBPyConnection, kind: str, week: dt.date | str | None = None
) -> Provenance:
    """The provenance of the ``kind`` file of ``week`` (the latest ``kind`` week when None)."""
    from analysis.snapshots import provenance

    w = dmetrics.pick_week(con, kind, week)
    return provenance(con, kinds=kind, weeks=[w])
