-- Family trees: the base-model links of week $week (lineage_edges) between two members of one of
-- the families rooted at $roots: child, parent, the child's relation ('unknown' when it states
-- none) and whether the link is a model naming itself (is_self). A merge lists each parent; a
-- parent outside the family (a merge across families) is left out of that family's tree.
WITH f AS (
    SELECT root_uid, node_uid
    FROM lineage_families
    WHERE week = $week AND root_uid IN (SELECT unnest(CAST($roots AS VARCHAR[])))
)
SELECT DISTINCT
    c.root_uid,
    e.child_uid,
    e.parent_uid,
    coalesce(e.relation, 'unknown') AS relation,
    e.is_self
FROM lineage_edges e
JOIN f c ON c.node_uid = e.child_uid
JOIN f p ON p.node_uid = e.parent_uid AND p.root_uid = c.root_uid
WHERE e.week = $week
ORDER BY c.root_uid, e.child_uid, e.parent_uid
