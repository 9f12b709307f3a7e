-- Licence drift per week and relation within [$start, $end], from the compact per-week fact
-- fact_models__licence_drift (parents resolved within each week by _id, then id; links of a
-- model to itself left out; licences lower-cased; one count per (child, declared parent), so a
-- merge counts once per parent). 'all' sums the relations of the week.
--   edges            all edges
--   parent_found     edges whose parent is a model of the same week
--   both_declared    parent found, and both child and parent declare a licence
--   differ           both declared and the licences differ
--   child_dropped    parent found and declares one, the child declares none
--   drift_share      differ / both_declared
WITH
f AS (
    SELECT *
    FROM fact_models__licence_drift
    WHERE ($start IS NULL OR week >= $start) AND ($end IS NULL OR week <= $end)
),
g AS (
    SELECT
        week,
        relation,
        grouping(relation) = 1 AS is_total,
        CAST(sum(edges) AS BIGINT) AS edges,
        CAST(sum(parent_found) AS BIGINT) AS parent_found,
        CAST(sum(both_declared) AS BIGINT) AS both_declared,
        CAST(sum(differ) AS BIGINT) AS differ,
        CAST(sum(child_dropped) AS BIGINT) AS child_dropped
    FROM f
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
