"""The family trees explorer's data: the largest families of a week, each as its members and the
base-model links between them, from the lineage graph the platforms analysis reads
(:class:`analysis.lineage.Lineage`, :func:`analysis.platforms.family_shape`; SQL
``sql/family_tree_*.sql``).

One row per member and parent it names inside the family (a merge has one row per parent; the
root one row with no parent). A model naming itself keeps that link as a row marked ``self``
(the walk ignores it, as the platforms analysis does); a link between members of a cycle (A's
base is B and B's is A) is marked ``cycle``. Families larger than ``max_nodes`` keep their
members nearest the root (by generation, then downloads): every kept member's shortest path to
the root is kept with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pandas as pd

from analysis import escape, platforms
from analysis.explorers.common import check_n
from analysis.lineage import Lineage
from analysis.query import SqlFiles
from analysis.schema import RELATIONS

SQL = SqlFiles(__file__)

#: The relations a link may show; anything else a model declares is 'unknown'.
TREE_RELATIONS: tuple[str, ...] = (*RELATIONS, "unknown")
#: Hub text (ids) in the page's data is bounded to this many characters.
TEXT_LIMIT = 200
COLUMNS = (
    "family",
    "family_rank",
    "node",
    "parent",
    "relation",
    "depth",
    "downloads",
    "on_hub",
    "parents",
    "mark",
    "node_uid",
    "parent_uid",
)


def cycle_members(links: Iterable[tuple[str, str]]) -> set[str]:
    """The nodes on a cycle of the directed graph ``links`` (child, parent): the members of its
    strongly connected components of two or more nodes (Tarjan's algorithm, iterative; self
    links are not cycles here)."""
    graph: dict[str, list[str]] = {}
    for child, parent in links:
        if child != parent:
            graph.setdefault(child, []).append(parent)
            graph.setdefault(parent, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: set[str] = set()
    counter = 0
    for start in graph:
        if start in index:
            continue
        work: list[tuple[str, int]] = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            succ = graph[node]
            if i < len(succ):
                work.append((node, i + 1))
                nxt = succ[i]
                if nxt not in index:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            if low[node] == index[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                if len(comp) > 1:
                    out.update(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return out


def family_trees(
    lineage: Lineage,
    n: int = 10,
    max_nodes: int = 5000,
    week: dt.date | str | None = None,
) -> pd.DataFrame:
    """The trees of the ``n`` largest families of ``week`` (latest when None; the families of
    :func:`analysis.platforms.family_shape`, by derivatives), each cut to ``max_nodes`` members.

    Columns :data:`COLUMNS`: family (its root's id), family_rank, node (id), parent (id; empty
    for the root), relation (the node's), depth (shortest distance from the root), downloads
    (30-day; empty for parents not on the Hub that week), on_hub, parents (how many the node names
    in the family), mark (root, self, cycle or empty), node_uid and parent_uid (stable keys).
    """
    check_n(n)
    check_n(max_nodes, "max_nodes")
    w = lineage.ensure(week)
    shape = platforms.family_shape(lineage, w).head(n)
    if shape.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    roots = shape["root_uid"].astype(str).tolist()
    params = {"week": w, "roots": roots}
    nodes = SQL.df(lineage.con, "family_tree_nodes", params)
    links = SQL.df(lineage.con, "family_tree_links", params)
    frames = []
    for rank, root in enumerate(roots, start=1):
        fam_nodes = nodes[nodes["root_uid"] == root].head(max_nodes)
        fam_links = links[links["root_uid"] == root]
        frames.append(_tree(rank, root, fam_nodes, fam_links))
    out = pd.concat(frames, ignore_index=True)
    for col in ("family_rank", "depth"):
        out[col] = out[col].astype("int64")
    out["downloads"] = out["downloads"].astype("Int64")
    out["parents"] = out["parents"].astype("int64")
    return out.reindex(columns=list(COLUMNS))


def _tree(rank: int, root: str, nodes: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    kept = set(nodes["node_uid"].astype(str))
    info = {str(r.node_uid): r for r in nodes.itertuples(index=False)}
    pairs = [
        (str(c), str(p), str(rel), bool(s))
        for c, p, rel, s in links[["child_uid", "parent_uid", "relation", "is_self"]].itertuples(
            index=False
        )
        if str(c) in kept and str(p) in kept
    ]
    on_cycle = cycle_members((c, p) for c, p, _, s in pairs if not s)
    relation = {c: (rel if rel in TREE_RELATIONS else "unknown") for c, _, rel, _ in pairs}
    n_parents: dict[str, int] = {}
    for c, _, _, s in pairs:
        if not s:
            n_parents[c] = n_parents.get(c, 0) + 1
    family = str(info[root].id)
    rows: list[dict[str, Any]] = []

    def row(node: str, parent: str | None, mark: str) -> dict[str, Any]:
        r = info[node]
        return {
            "family": family,
            "family_rank": rank,
            "node": str(r.id),
            "parent": str(info[parent].id) if parent is not None else None,
            "relation": relation.get(node, "unknown") if node != root or node in relation else "",
            "depth": int(r.depth),
            "downloads": None if pd.isna(r.downloads) else int(r.downloads),
            "on_hub": bool(r.on_hub),
            "parents": n_parents.get(node, 0),
            "mark": mark,
            "node_uid": node,
            "parent_uid": parent,
        }

    has_link = {c for c, _, _, s in pairs if not s}
    for node in nodes["node_uid"].astype(str):
        if node == root and node not in has_link:
            rows.append(row(node, None, "root"))
    for c, p, _, s in pairs:
        mark = "self" if s else ("cycle" if c in on_cycle and p in on_cycle else "")
        rows.append(row(c, p, mark))
    order = {u: i for i, u in enumerate(nodes["node_uid"].astype(str))}
    rows.sort(key=lambda r: (order[r["node_uid"]], order.get(r["parent_uid"] or "", -1)))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def payload(table: pd.DataFrame) -> dict[str, Any]:
    """What the page's script reads, per family: its name and size, and its members as parallel
    lists (id, depth, downloads, relation index into ``relations``, on the Hub), with each member's
    parents (indices) and whether it names itself. Ids are cleaned and bounded."""
    families = []
    for (rank, family), fam in table.groupby(["family_rank", "family"], sort=True):
        uids = list(dict.fromkeys(fam["node_uid"].astype(str)))
        pos = {u: i for i, u in enumerate(uids)}
        first = fam.drop_duplicates("node_uid").set_index("node_uid").loc[uids]
        parents: list[list[int]] = [[] for _ in uids]
        self_links = []
        for c, p, mark in fam[["node_uid", "parent_uid", "mark"]].itertuples(index=False):
            if p is None or pd.isna(p):
                continue
            if mark == "self":
                self_links.append(pos[str(c)])
            else:
                parents[pos[str(c)]].append(pos[str(p)])
        families.append(
            {
                "rank": int(rank),
                "name": escape.clean(family, TEXT_LIMIT),
                "ids": [escape.clean(v, TEXT_LIMIT) for v in first["node"]],
                "depth": [int(v) for v in first["depth"]],
                "downloads": [None if pd.isna(v) else int(v) for v in first["downloads"]],
                "relation": [
                    TREE_RELATIONS.index(r) if r in TREE_RELATIONS else -1
                    for r in first["relation"]
                ],
                "onHub": [bool(v) for v in first["on_hub"]],
                "parents": parents,
                "self": sorted(set(self_links)),
                "cycle": sorted({pos[str(c)] for c in fam.loc[fam["mark"] == "cycle", "node_uid"]}),
            }
        )
    return {"relations": list(TREE_RELATIONS), "families": families}
