-- Licence drift per week and relation within [$start, $end], over the resolved lineage edges
-- (temp table lineage_edges; links of a model to itself are left out). Licences compared
-- lower-cased. An edge counts once per (child, parent): a merge counts once per parent.
--   edges            all edges
--   parent_found     edges whose parent is a model of the same week
--   both_declared    parent found, and both child and parent declare a licence
--   differ           both declared and the licences differ
--   child_dropped    parent found and declares one, the child declares none
--   drift_share      differ / both_declared
WITH e AS (
    SELECT
        week,
        coalesce(relation, '(unknown)') AS relation,
        resolution <> 'unresolved' AS found,
        lower(child_licence) AS child,
        lower(parent_licence) AS parent
    FROM lineage_edges
    WHERE NOT is_self
      AND ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
g AS (
    SELECT
        week,
        relation,
        grouping(relation) = 1 AS is_total,
        count(*) AS edges,
        count(*) FILTER (WHERE found) AS parent_found,
        count(*) FILTER (WHERE found AND child IS NOT NULL AND parent IS NOT NULL) AS both_declared,
        count(*) FILTER (WHERE found AND child IS NOT NULL AND parent IS NOT NULL AND child <> parent) AS differ,
        count(*) FILTER (WHERE found AND child IS NULL AND parent IS NOT NULL) AS child_dropped
    FROM e
    GROUP BY GROUPING SETS ((week, relation), (week))
)
SELECT
    g.week,
    CASE WHEN g.is_total THEN 'all' ELSE g.relation END AS relation,
    g.edges,
    g.parent_found,
    g.both_declared,
    g.differ,
    g.child_dropped,
    CASE WHEN g.both_declared > 0 THEN g.differ / g.both_declared END AS drift_share,
    w.repeat_of IS NOT NULL AS is_repeat
FROM g
LEFT JOIN weeks AS w ON w.kind = 'models' AND w.week = g.week
ORDER BY g.week, relation
