-- The ancestors of the node $uid in week $week's family tree, nearest first: each one's id,
-- whether it is on the Hub that week, its licence and its shortest distance (1 = a base model).
SELECT a.ancestor_uid AS uid, l.id, l.on_hub, l.licence, min(a.depth) AS depth
FROM lineage_ancestry AS a
JOIN lineage_labels AS l ON l.week = a.week AND l.uid = a.ancestor_uid
WHERE a.week = $week AND a.node_uid = $uid AND a.ancestor_uid <> $uid
GROUP BY ALL
ORDER BY depth, l.id, uid
