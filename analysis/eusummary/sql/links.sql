-- The base-model links declared by the nodes $uids in week $week (self links left out): child,
-- parent, the child's relation and how the parent was resolved.
SELECT child_id, parent_id, relation, resolution
FROM lineage_edges
WHERE week = $week AND NOT is_self AND list_contains($uids, child_uid)
ORDER BY child_id, parent_pos, parent_id
