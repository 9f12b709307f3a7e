-- The links of $week as declared, before any is left out: how many models declare a base
-- model, how many links there are, how many name the model itself (ignored when walking trees),
-- how many models name only themselves, and how many links name a parent that is not a model of
-- the week (kept as nodes of their own: deleted, private, mistyped, or renamed where the file
-- has no stable _id to follow). Needs the week's lineage_edges.
WITH per_child AS (
    SELECT child_uid, bool_and(is_self) AS only_self
    FROM lineage_edges
    WHERE week = $week
    GROUP BY child_uid
)
SELECT
    (SELECT count(*) FROM per_child) AS models_declaring,
    (SELECT count(*) FILTER (WHERE only_self) FROM per_child) AS only_self,
    count(*) AS links,
    count(*) FILTER (WHERE is_self) AS self_links,
    count(*) FILTER (WHERE resolution = 'unresolved') AS unresolved
FROM lineage_edges
WHERE week = $week
