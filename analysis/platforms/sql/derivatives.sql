-- Derivatives per base model in week $week, by the derivative's own relation ('all': any).
-- direct: models naming it as a base; tree: all its descendants (any depth), each counted once
-- even when reached along several paths. A merge child counts under each of its parents.
WITH
child_rel AS (
    SELECT child_uid, coalesce(any_value(relation), 'unknown') AS relation
    FROM lineage_edges
    WHERE week = $week AND NOT is_self
    GROUP BY ALL
),
direct AS (
    SELECT e.parent_uid AS base_uid, c.relation, count(DISTINCT e.child_uid) AS direct
    FROM lineage_edges e
    JOIN child_rel c USING (child_uid)
    WHERE e.week = $week AND NOT e.is_self
    GROUP BY ALL
),
tree AS (
    -- (node, ancestor) pairs are unique in lineage_ancestry: no DISTINCT needed
    SELECT a.ancestor_uid AS base_uid, c.relation, count(*) AS tree
    FROM lineage_ancestry a
    JOIN child_rel c ON c.child_uid = a.node_uid
    WHERE a.week = $week AND a.node_uid <> a.ancestor_uid
    GROUP BY ALL
),
by_relation AS (
    SELECT base_uid, relation, coalesce(d.direct, 0) AS direct, coalesce(t.tree, 0) AS tree
    FROM tree t
    FULL JOIN direct d USING (base_uid, relation)
),
with_all AS (
    SELECT * FROM by_relation
    UNION ALL
    SELECT base_uid, 'all' AS relation, sum(direct) AS direct, sum(tree) AS tree
    FROM by_relation
    GROUP BY base_uid
)
SELECT
    CAST($week AS DATE) AS week,
    w.base_uid,
    l.id AS base_id,
    l.author AS base_author,
    coalesce(l.on_hub, false) AS on_hub,
    w.relation,
    CAST(w.direct AS BIGINT) AS direct,
    CAST(w.tree AS BIGINT) AS tree
FROM with_all w
LEFT JOIN lineage_labels l ON l.week = $week AND l.uid = w.base_uid
ORDER BY base_id, w.base_uid, w.relation
