-- Models of $week declaring a base model (self-links left out), by the relation they declare
-- (the relation of their first declared parent; unknown when the link states none). Needs the
-- week's lineage_edges.
WITH children AS (
    SELECT child_uid, arg_min(coalesce(relation, 'unknown'), parent_pos) AS relation
    FROM lineage_edges
    WHERE week = $week AND NOT is_self
    GROUP BY child_uid
)
SELECT relation, count(*) AS models
FROM children
GROUP BY relation
ORDER BY relation
