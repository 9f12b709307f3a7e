-- The $n declared parents that gained the most direct derivatives during week $week (children
-- created in [week, week + 7 days), from fact_models__derivatives_by_parent), one row per
-- parent and relation; parents ranked by their new derivatives of every relation, then by id.
-- A merge child counts under each of its parents.
WITH f AS (
    SELECT parent_id, relation, CAST(sum(n_created) AS BIGINT) AS gained
    FROM fact_models__derivatives_by_parent
    WHERE week = $week AND parent_id IS NOT NULL
    GROUP BY parent_id, relation
),
t AS (
    SELECT parent_id, sum(gained) AS total
    FROM f
    GROUP BY parent_id
    HAVING sum(gained) > 0
    ORDER BY total DESC, parent_id
    LIMIT $n
)
SELECT
    CAST(dense_rank() OVER (ORDER BY t.total DESC, t.parent_id) AS INTEGER) AS rank,
    t.parent_id,
    CAST(t.total AS BIGINT) AS gained_total,
    f.relation,
    f.gained
FROM t
JOIN f ON f.parent_id = t.parent_id
WHERE f.gained > 0
ORDER BY t.total DESC, t.parent_id, f.gained DESC, f.relation
