-- The nodes among $uids that are their own ancestor in week $week (members of a cycle of base
-- models), by id.
SELECT DISTINCT l.id
FROM lineage_ancestry AS a
JOIN lineage_labels AS l ON l.week = a.week AND l.uid = a.node_uid
WHERE a.week = $week AND a.node_uid = a.ancestor_uid AND list_contains($uids, a.node_uid)
ORDER BY l.id
